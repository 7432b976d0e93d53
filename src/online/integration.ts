/**
 * The Astro integration for readers who come from the web: after a build it writes sitemap.xml (every
 * page, with its hreflang alternates) and robots.txt pointing at it, from the configured site URL
 * (site.config.mjs, SITE_URL) and base path. astro.config.mjs registers onlineIntegration().
 */
import { writeFileSync } from 'node:fs';
import type { AstroIntegration } from 'astro';
import { robotsTxt, sitemapEntries, sitemapXml } from './sitemap';

/** The sitemap and robots.txt writer; writes into the build's output folder. */
export function onlineIntegration(): AstroIntegration {
  let root: URL | undefined;
  return {
    name: 'hello-tcp-online',
    hooks: {
      'astro:config:done': ({ config }) => {
        root = config.site ? new URL(config.base, config.site) : undefined;
      },
      'astro:build:done': ({ pages, dir, logger }) => {
        if (!root) {
          logger.warn('no `site` in astro.config.mjs: no sitemap.xml or robots.txt (set SITE_URL).');
          return;
        }
        const entries = sitemapEntries(
          pages.map((p) => p.pathname),
          root.href,
        );
        const sitemap = new URL('sitemap.xml', root).href;
        writeFileSync(new URL('sitemap.xml', dir), sitemapXml(entries));
        writeFileSync(new URL('robots.txt', dir), robotsTxt(sitemap));
        logger.info(`sitemap.xml: ${entries.length} pages, at ${sitemap}`);
      },
    },
  };
}
