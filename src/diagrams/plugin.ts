import { defineMdastPlugin, type MdastPluginDefinition } from 'satteri';
import { isLang, type Lang } from '../i18n';
import { missingAccessibility, sourceInfo } from './figure';
import { displayPath, renderDiagram, session } from './render';

/** Options of the Mermaid plugin. */
export interface MermaidPluginOptions {
  /** Where "this diagram lacks accTitle/accDescr" goes (the integration's logger, else console.warn). */
  warn?: (message: string) => void;
  /** Cache folder (tests point this at a temporary one). */
  cacheDir?: string;
}

/** The lesson language from a path like content/lessons/zh/01-x.mdx; 'en' when it names none. Pure. */
export function langFromPath(path: string): Lang {
  const seg = /[\\/]lessons[\\/]([^\\/]+)[\\/]/.exec(path)?.[1];
  return isLang(seg) ? seg : 'en';
}

/**
 * A Sätteri mdast plugin that replaces every ```mermaid fence with its diagram rendered to inline
 * SVG at build time (see render.ts), plus a "show as table" twin. Warns, naming the file and line,
 * when a fence lacks accTitle or accDescr; a syntax error fails the build the same way.
 */
export function mermaidPlugin(options: MermaidPluginOptions = {}): MdastPluginDefinition {
  const warn = options.warn ?? ((m: string) => session().warn(m));
  return defineMdastPlugin({
    name: 'hello-tcp-mermaid',
    options: { position: true },
    before(_root, ctx) {
      ctx.data.mermaidSeen = new Map<string, number>();
    },
    async code(node, ctx) {
      if (node.lang !== 'mermaid') return;
      const startedAt = performance.now();
      const file = ctx.fileURL ? displayPath(ctx.fileURL) : '(unknown file)';
      const line = node.position?.start.line;
      const missing = missingAccessibility(node.value);
      if (missing.length > 0) {
        warn(
          `[diagrams] ${file}${line ? `:${line}` : ''}: this diagram has no ${missing.join(' or ')}. Add \`accTitle: …\` and \`accDescr: …\` lines after "${sourceInfo(node.value).kind}" so screen readers can name and describe it.`,
        );
      }
      // Two identical fences on one page share a cache entry but must not share element ids.
      const seen = ctx.data.mermaidSeen as Map<string, number>;
      const instance = (seen.get(node.value) ?? 0) + 1;
      seen.set(node.value, instance);
      const html = await renderDiagram({
        source: node.value,
        lang: langFromPath(file),
        file,
        line,
        instance,
        cacheDir: options.cacheDir,
        startedAt,
      });
      // One string literal handed to set:html keeps the SVG opaque to MDX (no JSX tree, no
      // component overrides of <table> or <style> inside it).
      if (ctx.sourceFormat === 'mdx') {
        ctx.replaceNode(node, { raw: `<Fragment set:html={${JSON.stringify(html)}} />`, mdxExpressions: true });
      } else {
        ctx.replaceNode(node, { type: 'html', value: html });
      }
    },
  });
}
