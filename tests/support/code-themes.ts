import config from '../../astro.config.mjs';

/** The site's two Shiki themes, as astro.config.mjs names them: { light: 'github-light-default', dark: … }. */
export const CODE_THEMES = config.markdown?.shikiConfig?.themes as { light: string; dark: string };
