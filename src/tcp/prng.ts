/** A tiny seeded random source (mulberry32), so a seed always gives the same ISNs. */

/**
 * One step of mulberry32: from state `a`, the next 32-bit unsigned value and the next state. Pure; a
 * world keeps the state so that it can save and restore it.
 */
export function mulberry32Next(a: number): [value: number, next: number] {
  const n = (a + 0x6d2b79f5) >>> 0;
  let t = n;
  t = Math.imul(t ^ (t >>> 15), t | 1);
  t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
  return [(t ^ (t >>> 14)) >>> 0, n];
}

/** Returns a function yielding 32-bit unsigned integers; the function is stateful, `mulberry32` itself is pure. */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    const [v, n] = mulberry32Next(a);
    a = n;
    return v;
  };
}
