import type { TcpFlags, TcpOptions, TcpPacket, Timestamp } from './types';

/**
 * Link types (LINKTYPE_* of the tcpdump.org list) whose frames `decodeFrame` reads: null/loopback (0),
 * Ethernet (1), raw IP (101, and 228/229 for IPv4/IPv6 only), Linux cooked SLL (113) and SLL2 (276).
 */
export const LINK_TYPES: readonly number[] = [0, 1, 101, 113, 228, 229, 276];

/** True when `decodeFrame` reads frames of this link type. Pure. */
export function knownLinkType(linkType: number): boolean {
  return LINK_TYPES.includes(linkType);
}

/**
 * Decodes one captured frame down to its TCP header. Returns null for a frame that is not TCP over IPv4 or
 * IPv6 (ARP, UDP, a later IP fragment, a frame cut before the TCP header ends). Pure; never throws.
 * `data` is the captured bytes (`caplen` of them), so a short snap length still gives the segment's length
 * from the IP header.
 */
export function decodeFrame(linkType: number, data: Uint8Array, n: number, time: Timestamp | null): TcpPacket | null {
  const dv = new DataView(data.buffer, data.byteOffset, data.byteLength);
  let off: number;
  let proto: number; // an EtherType, or 4/6 for "read the IP version"
  switch (linkType) {
    case 0: {
      // BSD loopback: the address family in the capturing host's byte order.
      if (data.length < 4) return null;
      let family = dv.getUint32(0, true);
      if (family > 0xffff) family = dv.getUint32(0, false);
      off = 4;
      proto = family === 2 ? 0x0800 : family === 24 || family === 28 || family === 30 ? 0x86dd : -1;
      break;
    }
    case 1: {
      if (data.length < 14) return null;
      off = 12;
      proto = dv.getUint16(off);
      off += 2;
      // 802.1Q / 802.1ad tags, possibly stacked.
      while ((proto === 0x8100 || proto === 0x88a8) && off + 4 <= data.length) {
        proto = dv.getUint16(off + 2);
        off += 4;
      }
      break;
    }
    case 113:
      if (data.length < 16) return null;
      proto = dv.getUint16(14);
      off = 16;
      break;
    case 276:
      if (data.length < 20) return null;
      proto = dv.getUint16(0);
      off = 20;
      break;
    case 101:
      off = 0;
      proto = 0;
      break;
    case 228:
      off = 0;
      proto = 0x0800;
      break;
    case 229:
      off = 0;
      proto = 0x86dd;
      break;
    default:
      return null;
  }
  if (proto === 0) {
    if (off >= data.length) return null;
    const version = (data[off] ?? 0) >> 4;
    proto = version === 4 ? 0x0800 : version === 6 ? 0x86dd : -1;
  }
  if (proto === 0x0800) return ipv4(dv, off, n, time);
  if (proto === 0x86dd) return ipv6(dv, off, n, time);
  return null;
}

function ipv4(dv: DataView, off: number, n: number, time: Timestamp | null): TcpPacket | null {
  if (off + 20 > dv.byteLength) return null;
  const b0 = dv.getUint8(off);
  if (b0 >> 4 !== 4) return null;
  const ihl = (b0 & 0x0f) * 4;
  if (ihl < 20) return null;
  const total = dv.getUint16(off + 2);
  if ((dv.getUint16(off + 6) & 0x1fff) !== 0) return null; // a later fragment: no TCP header
  if (dv.getUint8(off + 9) !== 6) return null;
  // Written out rather than mapped and joined: this runs for every packet of a capture.
  const dotted = (a: number) => `${dv.getUint8(a)}.${dv.getUint8(a + 1)}.${dv.getUint8(a + 2)}.${dv.getUint8(a + 3)}`;
  const src = dotted(off + 12);
  const dst = dotted(off + 16);
  // TSO on the capturing host can leave total length 0; then the captured bytes tell.
  const payload = total >= ihl ? total - ihl : dv.byteLength - off - ihl;
  return tcp(dv, off + ihl, payload, src, dst, n, time);
}

function ipv6(dv: DataView, off: number, n: number, time: Timestamp | null): TcpPacket | null {
  if (off + 40 > dv.byteLength) return null;
  if (dv.getUint8(off) >> 4 !== 6) return null;
  let payload = dv.getUint16(off + 4);
  let next = dv.getUint8(off + 6);
  const src = ipv6Text(dv, off + 8);
  const dst = ipv6Text(dv, off + 24);
  let p = off + 40;
  // Extension headers (RFC 8200 §4): hop-by-hop, routing, destination options, fragment, AH.
  for (let hops = 0; next !== 6; hops++) {
    if (hops > 16 || p + 8 > dv.byteLength) return null;
    let size: number;
    if (next === 0 || next === 43 || next === 60) size = (dv.getUint8(p + 1) + 1) * 8;
    else if (next === 44) {
      if ((dv.getUint16(p + 2) & 0xfff8) !== 0) return null;
      size = 8;
    } else if (next === 51) size = (dv.getUint8(p + 1) + 2) * 4;
    else return null;
    next = dv.getUint8(p);
    p += size;
    payload -= size;
  }
  if (payload < 0) return null;
  return tcp(dv, p, payload, src, dst, n, time);
}

/** An IPv6 address as RFC 5952 writes it: lower case, the longest run of zero groups as `::`. Pure. */
export function ipv6Text(dv: DataView, off: number): string {
  const groups: number[] = [];
  for (let i = 0; i < 8; i++) groups.push(dv.getUint16(off + 2 * i));
  let bestStart = -1;
  let bestLen = 1;
  for (let i = 0; i < 8;) {
    if (groups[i] !== 0) {
      i++;
      continue;
    }
    let j = i;
    while (j < 8 && groups[j] === 0) j++;
    if (j - i > bestLen) [bestStart, bestLen] = [i, j - i];
    i = j;
  }
  const hex = (g: number[]) => g.map((x) => x.toString(16)).join(':');
  if (bestStart < 0) return hex(groups);
  return `${hex(groups.slice(0, bestStart))}::${hex(groups.slice(bestStart + bestLen))}`;
}

function tcp(
  dv: DataView,
  off: number,
  payload: number,
  src: string,
  dst: string,
  n: number,
  time: Timestamp | null,
): TcpPacket | null {
  if (off + 20 > dv.byteLength) return null;
  const hl = (dv.getUint8(off + 12) >> 4) * 4;
  if (hl < 20) return null;
  const f = dv.getUint8(off + 13);
  const flags: TcpFlags = {
    fin: (f & 0x01) !== 0,
    syn: (f & 0x02) !== 0,
    rst: (f & 0x04) !== 0,
    psh: (f & 0x08) !== 0,
    ack: (f & 0x10) !== 0,
    urg: (f & 0x20) !== 0,
    ece: (f & 0x40) !== 0,
    cwr: (f & 0x80) !== 0,
  };
  const end = Math.min(off + hl, dv.byteLength);
  return {
    n,
    time,
    src,
    sport: dv.getUint16(off),
    dst,
    dport: dv.getUint16(off + 2),
    seq: dv.getUint32(off + 4),
    ack: flags.ack ? dv.getUint32(off + 8) : null,
    flags,
    win: dv.getUint16(off + 14),
    len: Math.max(0, payload - hl),
    options: tcpOptions(dv, off + 20, end),
  };
}

/** Reads TCP options from `start` to `end`; stops at End of Option List or at a malformed option. Pure. */
export function tcpOptions(dv: DataView, start: number, end: number): TcpOptions {
  const o: TcpOptions = {};
  let p = start;
  while (p < end) {
    const kind = dv.getUint8(p);
    if (kind === 0) break;
    if (kind === 1) {
      p++;
      continue;
    }
    if (p + 1 >= end) break;
    const len = dv.getUint8(p + 1);
    if (len < 2 || p + len > end) break;
    if (kind === 2 && len === 4) o.mss = dv.getUint16(p + 2);
    else if (kind === 3 && len === 3) o.wscale = dv.getUint8(p + 2);
    else if (kind === 4 && len === 2) o.sackPermitted = true;
    else if (kind === 5 && (len - 2) % 8 === 0) {
      o.sack = [];
      for (let q = p + 2; q < p + len; q += 8) o.sack.push([dv.getUint32(q), dv.getUint32(q + 4)]);
    } else if (kind === 8 && len === 10) o.ts = { val: dv.getUint32(p + 2), ecr: dv.getUint32(p + 6) };
    p += len;
  }
  return o;
}
