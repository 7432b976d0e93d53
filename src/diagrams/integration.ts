import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { prerenderDiagrams } from './prerender';
import { chromiumPath, closeBrowser, emptyStats, session } from './session';
import { statsReport, unusedCacheFiles, writeStats } from './stats';

/**
 * The Astro integration around the Mermaid plugin: tells it whether this is a dev server (which
 * may fall back to drawing in the reader's browser) or a release build (which must not), routes
 * its warnings to Astro's logger, renders a build's uncached diagrams before the bundler starts,
 * closes the warm browser when the build or server ends, and writes the render statistics.
 */
export function diagramsIntegration(): AstroIntegration {
  let root = process.cwd();
  return {
    name: 'hello-tcp-diagrams',
    hooks: {
      'astro:config:setup': ({ command, config, logger, updateConfig }) => {
        const s = session();
        s.mode = command === 'dev' ? 'dev' : 'build';
        s.base = config.base;
        root = fileURLToPath(config.root);
        s.stats = emptyStats();
        s.usedKeys.clear();
        s.svgs.clear();
        s.warnedNoBrowser = false;
        s.warn = (message) => logger.warn(message.replace(/^\[diagrams\]\s*/, ''));
        if (s.mode === 'dev' && !chromiumPath()) {
          // The reader's browser may have to draw a diagram (see placeholder.ts): bundle Mermaid
          // when the server starts rather than on the first such page, which would reload it.
          updateConfig({ vite: { optimizeDeps: { include: ['mermaid'] } } });
        }
      },
      'astro:build:start': async ({ logger }) => {
        const started = performance.now();
        const rendered = await prerenderDiagrams(root);
        if (rendered > 0)
          logger.info(`rendered ${rendered} uncached diagrams in ${(performance.now() - started).toFixed(0)} ms`);
      },
      'astro:build:done': async ({ logger }) => {
        const s = session();
        await closeBrowser();
        const unused = unusedCacheFiles(s);
        const report = statsReport(s, unused);
        writeStats(report);
        const { cached, uncached, browserStartMs } = s.stats;
        const each = (x: { count: number; ms: number }) => (x.count ? (x.ms / x.count).toFixed(2) : '0');
        logger.info(
          `${cached.count} diagrams from diagram-cache/ (${each(cached)} ms each), ${uncached.count} rendered (${each(uncached)} ms each, slowest ${uncached.maxMs.toFixed(0)} ms; browser start ${browserStartMs.toFixed(0)} ms)`,
        );
        if (unused.length > 0)
          logger.info(
            `${unused.length} files in diagram-cache/ were not used by this build (delete them unless another branch needs them): ${unused.join(', ')}`,
          );
      },
      'astro:server:done': async () => {
        await closeBrowser();
      },
    },
  };
}
