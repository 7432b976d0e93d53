/**
 * Content-layer loaders for the JSON data sets. Each reads its files with the data set's one reader
 * (src/content/data.ts), so a bad file fails `astro build` (and shows in `astro dev`) with a message
 * naming the file, the line or field, and the fix. In dev they reload when a file changes.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { relative } from 'node:path';
import type { Loader, LoaderContext } from 'astro/loaders';

/** What one file holds: entries with an id each. */
export type ReadFile<T> = (text: string, file: string) => { id: string; data: T }[];

/**
 * A loader over the `.json` files of `dir` (from the project root), or over one file when `dir` ends
 * in `.json`. `read` turns a file's text into entries and throws a message naming the file.
 */
export function jsonLoader<T extends Record<string, unknown>>(name: string, dir: string, read: ReadFile<T>): Loader {
  return {
    name,
    load: async (context: LoaderContext) => {
      const root = fileURLToPath(context.config.root);
      const load = () => {
        const files = dir.endsWith('.json')
          ? [dir]
          : readdirSync(new URL(`${dir}/`, context.config.root))
              .filter((f) => f.endsWith('.json'))
              .sort()
              .map((f) => `${dir}/${f}`);
        const entries = files.flatMap((file) =>
          read(readFileSync(new URL(file, context.config.root), 'utf8'), file).map((e) => ({ ...e, file })),
        );
        context.store.clear();
        for (const { id, data, file } of entries)
          context.store.set({ id, data, filePath: file, digest: context.generateDigest(data) });
      };
      load();
      context.watcher?.on('all', (_event, path) => {
        const file = relative(root, path).replaceAll('\\', '/');
        if (file === dir || (file.startsWith(`${dir}/`) && file.endsWith('.json'))) {
          try {
            load();
          } catch (error) {
            context.logger.error((error as Error).message);
          }
        }
      });
    },
  };
}
