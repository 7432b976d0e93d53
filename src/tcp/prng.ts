/** A tiny seeded random source (mulberry32), so a seed always gives the same ISNs. */

/** Returns a function yielding 32-bit unsigned integers; the function is stateful, `mulberry32` itself is pure. */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return (t ^ (t >>> 14)) >>> 0;
  };
}
