/**
 * The picture a shared link shows (Open Graph and Twitter cards): 1200×630, the site's name, the lesson's
 * number and title in its language, and a small drawing of two phones on one line with a SYN going across.
 * Pure: builds the HTML page that ./og-image.ts turns into a PNG.
 */

/** The card's size in CSS pixels, as the og:image:width/height tags give it. */
export const CARD_SIZE = { width: 1200, height: 630 } as const;

/** What a card says: e.g. { htmlLang: 'en', site: 'Hello, TCP', kicker: 'Lesson 2', title: 'The three-way handshake' }. */
export interface CardText {
  htmlLang: string;
  site: string;
  /** The line above the title: the lesson's number; empty on the site's card. */
  kicker: string;
  title: string;
}

const escapeHtml = (text: string) =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

// Two handsets joined by a line, and a segment on its way: the site's analogy in one picture.
const PICTURE = `<svg viewBox="0 0 360 200" width="360" height="200" aria-hidden="true">
  <g fill="none" stroke="#1f6feb" stroke-width="10" stroke-linecap="round" stroke-linejoin="round">
    <path d="M40 70c0-22 18-34 40-34s40 12 40 34l-14 8-12-14h-28l-12 14z"/>
    <path d="M240 70c0-22 18-34 40-34s40 12 40 34l-14 8-12-14h-28l-12 14z"/>
    <rect x="50" y="96" width="60" height="70" rx="12"/>
    <rect x="250" y="96" width="60" height="70" rx="12"/>
  </g>
  <path d="M110 150c40 40 100 40 140 0" fill="none" stroke="#57606a" stroke-width="5" stroke-dasharray="2 10" stroke-linecap="round"/>
  <g transform="translate(150 100)">
    <rect width="60" height="30" rx="6" fill="#1f6feb"/>
    <text x="30" y="21" font-size="17" font-weight="700" fill="#fff" text-anchor="middle" font-family="sans-serif">SYN</text>
  </g>
</svg>`;

/** The card as an HTML page of exactly CARD_SIZE. Pure. */
export function cardHtml({ htmlLang, site, kicker, title }: CardText): string {
  const { width, height } = CARD_SIZE;
  // Long titles step down in size so they stay on at most three lines.
  const size = title.length > 40 ? 56 : title.length > 22 ? 66 : 78;
  return `<!doctype html>
<html lang="${escapeHtml(htmlLang)}"><head><meta charset="utf-8"><style>
  html, body { margin: 0; width: ${width}px; height: ${height}px; }
  body { box-sizing: border-box; padding: 64px 72px; display: flex; flex-direction: column; justify-content: space-between;
    background: #f0f7ff; color: #1f2328;
    font-family: 'Noto Sans CJK SC', 'Noto Sans', 'DejaVu Sans', sans-serif; }
  .site { font-size: 34px; font-weight: 700; color: #0969da; }
  .main { display: flex; align-items: center; gap: 40px; }
  .text { flex: 1; }
  .kicker { font-size: 30px; color: #57606a; margin-bottom: 16px; }
  h1 { margin: 0; font-size: ${size}px; line-height: 1.15; font-weight: 700; }
  .rfc { font-size: 24px; color: #57606a; }
</style></head><body>
  <div class="site">${escapeHtml(site)}</div>
  <div class="main"><div class="text">${kicker ? `<div class="kicker">${escapeHtml(kicker)}</div>` : ''}<h1>${escapeHtml(title)}</h1></div>${PICTURE}</div>
  <div class="rfc">RFC 9293</div>
</body></html>`;
}
