/** Sequence-number arithmetic modulo 2^32 (RFC 9293 §3.4). All functions are pure. */

/** `a + n` modulo 2^32. Pure. */
export const seqAdd = (a: number, n: number): number => (a + n) >>> 0;

/** `b - a` as a signed 32-bit distance, so numbers that wrapped around still compare. Pure. */
export const seqDiff = (a: number, b: number): number => (b - a) | 0;

/** `a < b` in sequence space. Pure. */
export const seqLt = (a: number, b: number): boolean => seqDiff(a, b) > 0;

/** `a <= b` in sequence space. Pure. */
export const seqLe = (a: number, b: number): boolean => seqDiff(a, b) >= 0;
