import { mulberry32 } from '~/tcp/prng';

/** A random source: returns a float in [0, 1). `Math.random` is one. */
export type Rand = () => number;

/**
 * A seeded random source (the model's mulberry32, scaled to [0, 1)), so the server can render the
 * same scrambled order on every build and tests can replay an attempt. Pure given its seed.
 */
export function seeded(seed: number): Rand {
  const next = mulberry32(seed);
  return () => next() / 4294967296;
}

/** A stable number from a string (FNV-1a), to seed per question. Pure. */
export function hashString(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193) >>> 0;
  return h;
}

/** A shuffled copy (Fisher–Yates). Pure given `rand`. */
export function shuffle<T>(items: readonly T[], rand: Rand): T[] {
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(rand() * (i + 1));
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

/**
 * A shuffled copy that differs from `items` whenever that is possible, so an ordering question
 * never starts out solved. Pure given `rand`.
 */
export function scramble<T>(items: readonly T[], rand: Rand): T[] {
  if (items.length < 2) return [...items];
  for (let tries = 0; tries < 8; tries++) {
    const out = shuffle(items, rand);
    if (out.some((item, i) => item !== items[i])) return out;
  }
  return [...items.slice(1), items[0]!];
}

/**
 * A readable initial sequence number for an exercise: four or five digits, not a multiple of 100 so
 * the arithmetic is not trivially round. Real ISNs span 32 bits; the rules are the same. Pure given `rand`.
 */
export function randomIsn(rand: Rand): number {
  const n = 1000 + Math.floor(rand() * 89000);
  return n % 100 === 0 ? n + 7 : n;
}
