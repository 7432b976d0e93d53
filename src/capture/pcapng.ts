import { FrameCollector } from './collect';
import { drive, STEP_BYTES, type ParseSteps } from './steps';
import type { ParseResult, Progress, Timestamp } from './types';

const SHB = 0x0a0d0d0a;
const BYTE_ORDER_MAGIC = 0x1a2b3c4d;

/** True when `data` starts with a pcapng Section Header Block. Pure. */
export function isPcapng(data: Uint8Array): boolean {
  if (data.length < 12) return false;
  const dv = new DataView(data.buffer, data.byteOffset, data.byteLength);
  return dv.getUint32(0) === SHB;
}

interface Iface {
  linkType: number;
  /** Timestamp units: 10^-digits seconds, or 2^-bits when `binary`. */
  units: bigint;
  binary: boolean;
  offset: number;
}

/**
 * Parses a pcapng file (RFC draft-ietf-opsawg-pcapng): sections (SHB, each with its own byte order),
 * interfaces (IDB: link type and `if_tsresol`, `if_tsoffset`), and packets (EPB, SPB and the obsolete Packet
 * Block). Other blocks are skipped. Pure; errors are returned, never thrown.
 */
export function parsePcapng(data: Uint8Array, progress?: Progress): ParseResult {
  return drive(pcapngSteps(data), progress);
}

/** `parsePcapng` as steps that pause every `STEP_BYTES` (see ./steps.ts). */
export function* pcapngSteps(data: Uint8Array): ParseSteps {
  const dv = new DataView(data.buffer, data.byteOffset, data.byteLength);
  const out = new FrameCollector();
  let le = true;
  let ifaces: Iface[] = [];
  let off = 0;
  let nextTick = STEP_BYTES;
  while (off < data.length) {
    if (off + 12 > data.length) {
      out.warnings.push({ code: 'truncated', at: out.total + 1 });
      break;
    }
    let type = dv.getUint32(off, le);
    if (dv.getUint32(off) === SHB) {
      type = SHB;
      const magic = dv.getUint32(off + 8, true);
      if (magic === BYTE_ORDER_MAGIC) le = true;
      else if (dv.getUint32(off + 8, false) === BYTE_ORDER_MAGIC) le = false;
      else return { ok: false, error: { code: 'corrupt', at: off } };
      ifaces = [];
    }
    const len = dv.getUint32(off + 4, le);
    if (len < 12 || len % 4 !== 0) return { ok: false, error: { code: 'corrupt', at: off } };
    if (off + len > data.length) {
      out.warnings.push({ code: 'truncated', at: out.total + 1 });
      break;
    }
    const body = off + 8;
    const bodyEnd = off + len - 4;
    if (type === 1) {
      if (bodyEnd - body < 8) return { ok: false, error: { code: 'corrupt', at: off } };
      ifaces.push(idb(dv, body, bodyEnd, le));
    } else if (type === 6 || type === 2) {
      if (bodyEnd - body < 20) return { ok: false, error: { code: 'corrupt', at: off } };
      const id = type === 6 ? dv.getUint32(body, le) : dv.getUint16(body, le);
      const iface = ifaces[id];
      const cap = dv.getUint32(body + 12, le);
      if (!iface || body + 20 + cap > bodyEnd) return { ok: false, error: { code: 'corrupt', at: off } };
      const time = stamp(dv.getUint32(body + 4, le), dv.getUint32(body + 8, le), iface);
      if (!out.add(iface.linkType, data.subarray(body + 20, body + 20 + cap), time)) break;
    } else if (type === 3) {
      const iface = ifaces[0];
      if (!iface || bodyEnd - body < 4) return { ok: false, error: { code: 'corrupt', at: off } };
      const cap = Math.min(dv.getUint32(body, le), bodyEnd - body - 4);
      if (!out.add(iface.linkType, data.subarray(body + 4, body + 4 + cap), null)) break;
    } else if (type === SHB && off === 0 && len < 28) return { ok: false, error: { code: 'corrupt', at: off } };
    off += len;
    if (off > nextTick) {
      yield off / data.length;
      nextTick = off + STEP_BYTES;
    }
  }
  return out.finish('pcapng');
}

function idb(dv: DataView, body: number, end: number, le: boolean): Iface {
  const iface: Iface = { linkType: dv.getUint16(body, le), units: 1_000_000n, binary: false, offset: 0 };
  let p = body + 8;
  while (p + 4 <= end) {
    const code = dv.getUint16(p, le);
    const len = dv.getUint16(p + 2, le);
    if (code === 0 || p + 4 + len > end) break;
    if (code === 9 && len >= 1) {
      const v = dv.getUint8(p + 4);
      iface.binary = (v & 0x80) !== 0;
      // 2^-127 or 10^-127 is no real clock; cap to what a timestamp of 64 bits can mean.
      const e = BigInt(Math.min(v & 0x7f, iface.binary ? 63 : 19));
      iface.units = iface.binary ? e : 10n ** e;
    } else if (code === 14 && len === 8) {
      iface.offset = Number(le ? dv.getBigInt64(p + 4, true) : dv.getBigInt64(p + 4, false));
    }
    p += 4 + Math.ceil(len / 4) * 4;
  }
  return iface;
}

function stamp(hi: number, lo: number, iface: Iface): Timestamp {
  const v = (BigInt(hi) << 32n) | BigInt(lo);
  let s: bigint;
  let ns: bigint;
  if (iface.binary) {
    s = v >> iface.units;
    ns = ((v & ((1n << iface.units) - 1n)) * 1_000_000_000n) >> iface.units;
  } else {
    s = v / iface.units;
    ns = ((v % iface.units) * 1_000_000_000n) / iface.units;
  }
  return { s: Number(s) + iface.offset, ns: Number(ns) };
}
