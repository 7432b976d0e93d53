// The lessons as the tests see them, read from the lesson files themselves so that no test counts lessons by
// hand and a new lesson is tested as soon as its file exists. Shared by the unit and the browser tests.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { mdxToMdast, type MdastNode } from 'satteri';

/** A lesson file: content/lessons/<lang>/NN-<slug>.mdx is the page /<lang>/<slug>/. */
export interface LessonFile {
  lang: 'zh' | 'en';
  slug: string;
  /** The page's path relative to the base URL, as `page.goto` takes it: "en/socket-phone/". */
  path: string;
  /** The MDX file, relative to the repository root: "content/lessons/en/01-socket-phone.mdx". */
  file: string;
}

/** Every lesson file, zh then en, each in lesson order. Reads the disk. */
export function lessonFiles(root = 'content/lessons'): LessonFile[] {
  return (['zh', 'en'] as const).flatMap((lang) =>
    readdirSync(join(root, lang))
      .filter((f) => /^\d+-.+\.mdx?$/.test(f))
      .sort()
      .map((f) => {
        const slug = f.replace(/^\d+-/, '').replace(/\.mdx?$/, '');
        return { lang, slug, path: `${lang}/${slug}/`, file: join(root, lang, f) };
      }),
  );
}

/**
 * Every node of a lesson's MDX syntax tree, in document order, parsed by the MDX parser Astro uses, so that
 * comments and code examples are what they are (an expression, a code node) and never count as elements.
 * Reads the disk.
 */
function lessonNodes(file: string): MdastNode[] {
  const nodes: MdastNode[] = [];
  const walk = (node: MdastNode) => {
    nodes.push(node);
    if ('children' in node) for (const child of node.children) walk(child);
  };
  walk(mdxToMdast(readFileSync(file, 'utf8')));
  return nodes;
}

/** How many times a lesson places the component `name` (e.g. "PhoneSimulator"). Reads the disk. */
export function componentCount(file: string, name: string): number {
  return lessonNodes(file).filter((n) => n.type === 'mdxJsxFlowElement' && n.name === name).length;
}

/**
 * The string values of attribute `attr` on each `name` element a lesson places, in document order:
 * componentAttribute(file, 'ScenarioDiagram', 'scenario') gives the scenarios it draws. Reads the disk.
 */
export function componentAttribute(file: string, name: string, attr: string): string[] {
  return lessonNodes(file).flatMap((n) => {
    if ((n.type !== 'mdxJsxFlowElement' && n.type !== 'mdxJsxTextElement') || n.name !== name) return [];
    const value = n.attributes.find((a) => a.type === 'mdxJsxAttribute' && a.name === attr)?.value;
    return typeof value === 'string' ? [value] : [];
  });
}

/** A block of code a lesson shows, highlighted by Shiki at build time. */
export interface CodeBlock {
  /** The lesson file and the line the block starts on, e.g. "content/lessons/en/05-lab.mdx:34". */
  source: string;
  /** The Shiki language id ("c", "sh", "text"…). */
  lang: string;
  code: string;
}

// `import serverC from '~/../content/code/server.c?raw';` in a lesson's ESM block.
const RAW_IMPORT = /import\s+(\w+)\s+from\s+['"]([^'"]+)\?raw['"]/g;

/**
 * The highlighted code blocks of one lesson, in page order: Markdown fences other than ```mermaid (drawn as
 * diagrams), and <CodeFile> elements with the text of the file they import with ?raw. Throws, naming the
 * line, on a <CodeFile> whose code or language it cannot read, so that no block escapes the contrast check.
 * Reads the disk.
 */
export function lessonCodeBlocks(file: string): CodeBlock[] {
  const nodes = lessonNodes(file);
  const raw = new Map<string, string>();
  for (const node of nodes)
    if (node.type === 'mdxjsEsm')
      for (const m of node.value.matchAll(RAW_IMPORT)) raw.set(m[1]!, m[2]!.replace(/^~\//, 'src/'));

  const at = (node: MdastNode) => `${file}:${node.position?.start.line ?? '?'}`;
  const blocks: CodeBlock[] = [];
  for (const node of nodes) {
    if (node.type === 'code' && node.lang !== 'mermaid') {
      blocks.push({ source: at(node), lang: node.lang ?? 'text', code: node.value });
    } else if (node.type === 'mdxJsxFlowElement' && node.name === 'CodeFile') {
      const attr = (name: string) => node.attributes.find((a) => a.type === 'mdxJsxAttribute' && a.name === name);
      const lang = attr('lang')?.value;
      const code = attr('code')?.value;
      const path = typeof code === 'object' && code !== null ? raw.get(code.value.trim()) : undefined;
      if (typeof lang !== 'string' || path === undefined)
        throw new Error(
          `${at(node)}: <CodeFile> needs lang="…" and code={name} imported with ?raw, so its colours can be checked.`,
        );
      blocks.push({ source: at(node), lang, code: readFileSync(path, 'utf8').replace(/\n+$/, '') });
    }
  }
  return blocks;
}
