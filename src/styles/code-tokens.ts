/**
 * The element a highlighted code token is written as (src/styles/code-classes.ts): `<c-n>` for the colour
 * with place n in both themes' palettes. A custom element name that no script defines, so anything that
 * lists a page's islands by their tag (a hyphen) skips these. Pure; no dependencies, so browser tests can
 * import it.
 */

/** The element of a token with place `n` in both palettes: `c-2`. */
export const tokenTag = (n: number) => `c-${n}`;

/** The palette place a token element stands for (`c-2` → 2), or undefined for any other tag. Pure. */
export function tokenPlace(tagName: string): number | undefined {
  const m = /^c-(\d+)$/.exec(tagName);
  return m ? Number(m[1]) : undefined;
}
