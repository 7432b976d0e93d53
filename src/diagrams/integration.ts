import type { AstroIntegration } from 'astro';
import { closeBrowser, emptyStats, session } from './session';
import { statsReport, unusedCacheFiles, writeStats } from './stats';

/**
 * The Astro integration around the Mermaid plugin: tells it whether this is a dev server (which
 * may fall back to drawing in the reader's browser) or a release build (which must not), closes
 * the warm browser when the build or server ends, and writes the render statistics.
 */
export function diagramsIntegration(): AstroIntegration {
  return {
    name: 'hello-tcp-diagrams',
    hooks: {
      'astro:config:setup': ({ command, config }) => {
        const s = session();
        s.mode = command === 'dev' ? 'dev' : 'build';
        s.base = config.base;
        s.stats = emptyStats();
        s.usedKeys.clear();
        s.warnedNoBrowser = false;
      },
      'astro:build:done': async ({ logger }) => {
        const s = session();
        await closeBrowser();
        const unused = unusedCacheFiles(s);
        const report = statsReport(s, unused);
        writeStats(report);
        const { cached, uncached } = s.stats;
        logger.info(
          `${cached.count} diagrams from diagram-cache/ (${cached.ms.toFixed(1)} ms), ${uncached.count} rendered (${uncached.ms.toFixed(0)} ms)`,
        );
        if (unused.length > 0)
          logger.info(`${unused.length} files in diagram-cache/ were not used by this build: ${unused.join(', ')}`);
      },
      'astro:server:done': async () => {
        await closeBrowser();
      },
    },
  };
}
