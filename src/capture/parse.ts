import { isPcap, parsePcap } from './pcap';
import { isPcapng, parsePcapng } from './pcapng';
import { parseText } from './text';
import { MAX_BYTES, type ParseResult, type Progress } from './types';

/**
 * Parses whatever the reader gave: a pcap or pcapng file (told by its magic number), else text from tcpdump
 * or tshark. Refuses more than `MAX_BYTES` before reading. Pure apart from calling `progress`; never
 * throws: every failure is a `FatalError` value.
 */
export function parseCapture(data: Uint8Array, progress?: Progress): ParseResult {
  if (data.length > MAX_BYTES) return { ok: false, error: { code: 'too-large', bytes: data.length } };
  if (data.length === 0) return { ok: false, error: { code: 'empty' } };
  try {
    if (isPcap(data)) return parsePcap(data, progress);
    if (isPcapng(data)) return parsePcapng(data, progress);
    // Binary that is neither: a NUL byte in the first kilobyte is never tcpdump text.
    if (data.subarray(0, 1024).includes(0)) return { ok: false, error: { code: 'unknown-format' } };
    return parseText(new TextDecoder('utf-8').decode(data));
  } catch {
    // The readers check every length before reading; this is the last guard so a page never sees a throw.
    return { ok: false, error: { code: 'corrupt', at: 0 } };
  }
}

/** The same for pasted text. Pure; never throws. */
export function parseCaptureText(text: string): ParseResult {
  if (text.length > MAX_BYTES) return { ok: false, error: { code: 'too-large', bytes: text.length } };
  if (text.trim() === '') return { ok: false, error: { code: 'empty' } };
  return parseText(text);
}
