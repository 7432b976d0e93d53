// Settings a fork changes: where the site lives and where its sources are edited.
export const siteConfig = {
  // Canonical origin, used for hreflang alternates. Override with SITE_URL.
  site: process.env.SITE_URL || 'https://hello-tcp.example.org',
  // "Edit this page" links: `${editBaseUrl}/${path from the repository root}`. Override with EDIT_BASE_URL.
  editBaseUrl: process.env.EDIT_BASE_URL || 'https://github.com/hello-tcp/hello-tcp/edit/main',
};

/**
 * The Shiki theme pair for code, used by Markdown code fences (astro.config.mjs) and <CodeFile>. The
 * '-default' GitHub themes: every token colour meets WCAG AA contrast (4.5:1) on its background; the older
 * 'github-light'/'github-dark' have comments and constants at 3.0–3.5:1.
 */
export const CODE_THEMES = /** @type {const} */ ({ light: 'github-light-default', dark: 'github-dark-default' });
