import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

/**
 * The files that hold Chinese prose: the Chinese lessons, the Chinese UI strings, and the JSON data
 * (scenarios, quizzes, glossary) whose "zh" fields hold Chinese text. Reads the directory tree only.
 */
export function zhSourceFiles(root: string): string[] {
  const walk = (dir: string): string[] => {
    try {
      return readdirSync(join(root, dir)).flatMap((name) => {
        const path = join(dir, name);
        return statSync(join(root, path)).isDirectory() ? walk(path) : [path];
      });
    } catch {
      return [];
    }
  };
  return [
    ...walk('content/lessons/zh').filter((f) => /\.mdx?$/.test(f)),
    'src/i18n/zh.ts',
    ...walk('content').filter((f) => f.endsWith('.json')),
  ].sort();
}
