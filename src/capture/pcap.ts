import { FrameCollector } from './collect';
import { drive, STEP_BYTES, type ParseSteps } from './steps';
import type { ParseResult, Progress } from './types';

/** The classic pcap magic numbers: microsecond and nanosecond timestamps. */
const MAGIC_US = 0xa1b2c3d4;
const MAGIC_NS = 0xa1b23c4d;
/** No real frame is larger; an `incl_len` above it means the file is not what its header says. */
const MAX_FRAME = 0x40000 * 4;

/** True when `data` starts with a pcap file header, in either byte order. Pure. */
export function isPcap(data: Uint8Array): boolean {
  if (data.length < 4) return false;
  const dv = new DataView(data.buffer, data.byteOffset, data.byteLength);
  return [MAGIC_US, MAGIC_NS].includes(dv.getUint32(0, true)) || [MAGIC_US, MAGIC_NS].includes(dv.getUint32(0, false));
}

/**
 * Parses a classic pcap file (the format of `tcpdump -w`): a 24-byte header with the magic in the writer's
 * byte order, then records of `ts_sec, ts_usec|ts_nsec, incl_len, orig_len` and the frame. Pure; errors are
 * returned, never thrown.
 */
export function parsePcap(data: Uint8Array, progress?: Progress): ParseResult {
  return drive(pcapSteps(data), progress);
}

/** `parsePcap` as steps that pause every `STEP_BYTES` (see ./steps.ts). */
export function* pcapSteps(data: Uint8Array): ParseSteps {
  const dv = new DataView(data.buffer, data.byteOffset, data.byteLength);
  if (data.length < 24) return { ok: false, error: { code: 'corrupt', at: 0 } };
  const le = [MAGIC_US, MAGIC_NS].includes(dv.getUint32(0, true));
  const nano = dv.getUint32(0, le) === MAGIC_NS;
  // The upper bits of the link type field may hold FCS information (pcap-savefile(5)).
  const linkType = dv.getUint32(20, le) & 0xffff;
  const out = new FrameCollector();
  let off = 24;
  let nextTick = STEP_BYTES;
  while (off < data.length) {
    if (off + 16 > data.length) {
      out.warnings.push({ code: 'truncated', at: out.total + 1 });
      break;
    }
    const sec = dv.getUint32(off, le);
    const frac = dv.getUint32(off + 4, le);
    const incl = dv.getUint32(off + 8, le);
    if (incl > MAX_FRAME || frac >= (nano ? 1e9 : 1e6)) return { ok: false, error: { code: 'corrupt', at: off } };
    if (off + 16 + incl > data.length) {
      out.warnings.push({ code: 'truncated', at: out.total + 1 });
      break;
    }
    const frame = data.subarray(off + 16, off + 16 + incl);
    if (!out.add(linkType, frame, { s: sec, ns: nano ? frac : frac * 1000 })) break;
    off += 16 + incl;
    if (off > nextTick) {
      yield off / data.length;
      nextTick = off + STEP_BYTES;
    }
  }
  return out.finish('pcap');
}
