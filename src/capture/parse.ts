import { isPcap, pcapSteps } from './pcap';
import { isPcapng, pcapngSteps } from './pcapng';
import { drive, type ParseSteps } from './steps';
import { textSteps } from './text';
import { MAX_BYTES, type ParseResult, type Progress } from './types';

/**
 * Parses whatever the reader gave: a pcap or pcapng file (told by its magic number), else text from tcpdump
 * or tshark. Refuses more than `MAX_BYTES` before reading. Pure apart from calling `progress`; never
 * throws: every failure is a `FatalError` value.
 */
export function parseCapture(data: Uint8Array, progress?: Progress): ParseResult {
  return drive(captureSteps(data), progress);
}

/** `parseCapture` as steps that pause now and then (see ./steps.ts); run them with `drive` or a slice at a time. */
export function* captureSteps(data: Uint8Array): ParseSteps {
  if (data.length > MAX_BYTES) return { ok: false, error: { code: 'too-large', bytes: data.length } };
  if (data.length === 0) return { ok: false, error: { code: 'empty' } };
  if (isPcap(data)) return yield* pcapSteps(data);
  if (isPcapng(data)) return yield* pcapngSteps(data);
  // Binary that is neither: a NUL byte in the first kilobyte is never tcpdump text.
  if (data.subarray(0, 1024).includes(0)) return { ok: false, error: { code: 'unknown-format' } };
  return yield* textSteps(new TextDecoder('utf-8').decode(data));
}

/** The same for pasted text. Pure; never throws. */
export function parseCaptureText(text: string): ParseResult {
  return drive(captureTextSteps(text));
}

/** `parseCaptureText` as steps (see ./steps.ts). */
export function* captureTextSteps(text: string): ParseSteps {
  if (text.length > MAX_BYTES) return { ok: false, error: { code: 'too-large', bytes: text.length } };
  if (text.trim() === '') return { ok: false, error: { code: 'empty' } };
  return yield* textSteps(text);
}
