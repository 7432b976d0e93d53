// Settings a fork changes: where the site lives and where its sources are edited.
export const siteConfig = {
  // Canonical origin, used for hreflang alternates. Override with SITE_URL.
  site: process.env.SITE_URL || 'https://hello-tcp.example.org',
  // "Edit this page" links: `${editBaseUrl}/${path from the repository root}`. Override with EDIT_BASE_URL.
  editBaseUrl: process.env.EDIT_BASE_URL || 'https://github.com/hello-tcp/hello-tcp/edit/main',
};
