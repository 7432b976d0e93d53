/** Test helpers: hand-made frames, pcap and pcapng files, byte by byte. */

export interface Seg {
  src?: number[];
  dst?: number[];
  sport?: number;
  dport?: number;
  seq?: number;
  ack?: number;
  flags?: number; // FIN 1, SYN 2, RST 4, PSH 8, ACK 16
  options?: number[];
  payload?: number;
}

function u16(v: number): number[] {
  return [(v >> 8) & 255, v & 255];
}
function u32(v: number): number[] {
  return [(v >>> 24) & 255, (v >>> 16) & 255, (v >>> 8) & 255, v & 255];
}
function u32le(v: number): number[] {
  return u32(v).reverse();
}

export function tcpHeader(s: Seg): number[] {
  const opts = [...(s.options ?? [])];
  while (opts.length % 4) opts.push(0);
  const hl = 20 + opts.length;
  return [
    ...u16(s.sport ?? 40000),
    ...u16(s.dport ?? 5000),
    ...u32(s.seq ?? 1000),
    ...u32(s.ack ?? 0),
    (hl / 4) << 4,
    s.flags ?? 2,
    ...u16(65535),
    0,
    0,
    0,
    0,
    ...opts,
    ...new Array<number>(s.payload ?? 0).fill(0x61),
  ];
}

export function ipv4(s: Seg, proto = 6): number[] {
  const tcp = tcpHeader(s);
  return [
    0x45,
    0,
    ...u16(20 + tcp.length),
    0,
    0,
    0x40,
    0,
    64,
    proto,
    0,
    0,
    ...(s.src ?? [127, 0, 0, 1]),
    ...(s.dst ?? [127, 0, 0, 1]),
    ...tcp,
  ];
}

/** IPv6 with a hop-by-hop and a destination-options extension header before TCP. */
export function ipv6(s: Seg, src: number[], dst: number[]): number[] {
  const tcp = tcpHeader(s);
  const hop = [60, 0, 1, 4, 0, 0, 0, 0];
  const dest = [6, 0, 1, 4, 0, 0, 0, 0];
  return [0x60, 0, 0, 0, ...u16(16 + tcp.length), 0, 64, ...src, ...dst, ...hop, ...dest, ...tcp];
}

export const ethernet = (ip: number[], type = 0x0800) => [...new Array<number>(12).fill(2), ...u16(type), ...ip];
export const sll = (ip: number[], type = 0x0800) =>
  [0, 0, 0, 772, 0, 6, 0, 0, 0, 0, 0, 0, 0, 0, ...u16(type), ...ip].map((b) => b & 255);
export const sll2 = (ip: number[], type = 0x0800) => [
  ...u16(type),
  0,
  0,
  0,
  0,
  0,
  1,
  0,
  3,
  0,
  6,
  0,
  0,
  0,
  0,
  0,
  0,
  0,
  0,
  ...ip,
];
export const nullLink = (ip: number[], family = 2, le = true) => [...(le ? u32le(family) : u32(family)), ...ip];

export interface Rec {
  s: number;
  frac: number;
  frame: number[];
  orig?: number;
}

export function pcap(linkType: number, recs: Rec[], { le = true, nano = false } = {}): Uint8Array {
  const w = le ? u32le : u32;
  const w16 = (v: number) => (le ? u16(v).reverse() : u16(v));
  const out = [
    ...w(nano ? 0xa1b23c4d : 0xa1b2c3d4),
    ...w16(2),
    ...w16(4),
    ...w(0),
    ...w(0),
    ...w(262144),
    ...w(linkType),
  ];
  for (const r of recs)
    out.push(...w(r.s), ...w(r.frac), ...w(r.frame.length), ...w(r.orig ?? r.frame.length), ...r.frame);
  return Uint8Array.from(out);
}

function block(type: number, body: number[], le: boolean): number[] {
  const w = le ? u32le : u32;
  while (body.length % 4) body.push(0);
  const len = body.length + 12;
  return [...w(type), ...w(len), ...body, ...w(len)];
}

/** A pcapng section: one interface (link type, optional if_tsresol byte) and its packets as EPBs. */
export function pcapng(
  linkType: number,
  packets: Array<{ ts: bigint; frame: number[] }>,
  { le = true, tsresol }: { le?: boolean; tsresol?: number } = {},
): Uint8Array {
  const w = le ? u32le : u32;
  const w16 = (v: number) => (le ? u16(v).reverse() : u16(v));
  const shb = block(0x0a0d0d0a, [...w(0x1a2b3c4d), ...w16(1), ...w16(0), ...w(0xffffffff), ...w(0xffffffff)], le);
  const opts = tsresol === undefined ? [] : [...w16(9), ...w16(1), tsresol, 0, 0, 0, ...w16(0), ...w16(0)];
  const idb = block(1, [...w16(linkType), ...w16(0), ...w(262144), ...opts], le);
  const epbs = packets.flatMap((p) =>
    block(
      6,
      [
        ...w(0),
        ...w(Number(p.ts >> 32n)),
        ...w(Number(p.ts & 0xffffffffn)),
        ...w(p.frame.length),
        ...w(p.frame.length),
        ...p.frame,
      ],
      le,
    ),
  );
  // A Name Resolution Block (type 4), which the parser should skip.
  const nrb = block(4, [...w16(0), ...w16(0)], le);
  return Uint8Array.from([...shb, ...idb, ...nrb, ...epbs]);
}

/** A Simple Packet Block for the first interface. */
export function spb(frame: number[], le = true): number[] {
  const w = le ? u32le : u32;
  return block(3, [...w(frame.length), ...frame], le);
}

/** Re-writes a classic pcap as pcapng (one interface, EPBs), with timestamps in nanoseconds when asked. */
export function pcapToPcapng(data: Uint8Array, { le = true, nano = false } = {}): Uint8Array {
  const dv = new DataView(data.buffer, data.byteOffset, data.byteLength);
  const linkType = dv.getUint32(20, true);
  const packets: Array<{ ts: bigint; frame: number[] }> = [];
  for (let off = 24; off < data.length;) {
    const s = BigInt(dv.getUint32(off, true));
    const us = BigInt(dv.getUint32(off + 4, true));
    const len = dv.getUint32(off + 8, true);
    packets.push({
      ts: nano ? s * 1_000_000_000n + us * 1000n : s * 1_000_000n + us,
      frame: [...data.subarray(off + 16, off + 16 + len)],
    });
    off += 16 + len;
  }
  return pcapng(linkType, packets, nano ? { le, tsresol: 9 } : { le });
}
