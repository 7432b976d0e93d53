// @ts-check
import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';
import { satteri } from '@astrojs/markdown-satteri';
import { CODE_THEMES, siteConfig } from './site.config.mjs';
import { diagramsIntegration } from './src/diagrams/integration.ts';
import { mermaidPlugin } from './src/diagrams/plugin.ts';
import { onlineIntegration } from './src/online/integration.ts';
import { islandChunks } from './src/islands/island-chunks.ts';
import { leanPreload } from './src/islands/lean-preload.ts';
import { bundledLabels } from './src/i18n/bundled-labels.ts';
import { codeClasses } from './src/styles/code-classes.ts';

// The base path lets a teacher serve the site under e.g. /tcp/ on a school server:
// BASE_PATH=/tcp/ npm run build
const base = process.env.BASE_PATH || '/';

export default defineConfig({
  site: siteConfig.site,
  base,
  trailingSlash: 'always',
  build: { format: 'directory' },
  i18n: {
    locales: ['zh', 'en'],
    defaultLocale: 'zh',
    routing: { prefixDefaultLocale: true, redirectToDefaultLocale: false },
  },
  integrations: [mdx(), diagramsIntegration(), onlineIntegration()],
  markdown: {
    processor: satteri({ mdastPlugins: [mermaidPlugin()], features: { rawHtml: true } }),
    shikiConfig: {
      themes: CODE_THEMES,
      defaultColor: 'light',
      // Code colours from the stylesheet (code-colours.css), not inline styles on every token.
      transformers: [codeClasses],
    },
  },
  devToolbar: { enabled: false },
  vite: {
    // Lazily loaded islands fetch their own imports when they run (src/islands/lean-preload.ts), one chunk
    // per feature (src/islands/island-chunks.ts); the simulator's labels come with its code, per language
    // (src/i18n/bundled-labels.ts).
    plugins: [leanPreload(), islandChunks(), bundledLabels()],
    build: {
      rolldownOptions: {
        // MDX pages carry Astro's own "use astro:head-inject" directive, which the bundler reports once per
        // lesson although nothing is wrong; hiding only that notice keeps real build warnings visible.
        onwarn(warning, warn) {
          if (warning.code === 'MODULE_LEVEL_DIRECTIVE' && warning.message.includes('astro:head-inject')) return;
          warn(warning);
        },
      },
    },
  },
});
