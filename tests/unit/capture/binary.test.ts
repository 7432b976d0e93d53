import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseCapture } from '~/capture/parse';
import { parsePcap } from '~/capture/pcap';
import { parsePcapng } from '~/capture/pcapng';
import { MAX_BYTES } from '~/capture/types';
import { ethernet, ipv4, ipv6, nullLink, pcap, pcapng, pcapToPcapng, sll, sll2, spb, type Seg } from './build';

const SYN: Seg = {
  sport: 41234,
  dport: 5000,
  seq: 0xfffffff0,
  flags: 2,
  // MSS 1460, SACK permitted, timestamps 7/0, NOP, window scale 7
  options: [2, 4, 5, 180, 4, 2, 8, 10, 0, 0, 0, 7, 0, 0, 0, 0, 1, 3, 3, 7],
};
const DATA: Seg = { sport: 5000, dport: 41234, seq: 77, ack: 0xfffffff1, flags: 24, payload: 5 };
const capture = (name: string) => new Uint8Array(readFileSync(`content/captures/${name}.pcap`));

function only(result: ReturnType<typeof parseCapture>) {
  if (!result.ok) throw new Error(`expected packets, got ${JSON.stringify(result.error)}`);
  return result;
}

describe('link types', () => {
  const cases: Array<[string, number, number[]]> = [
    ['Ethernet', 1, ethernet(ipv4(SYN))],
    [
      'Ethernet with an 802.1Q tag',
      1,
      [...new Array<number>(12).fill(2), 0x81, 0, 0, 5, ...ethernet(ipv4(SYN)).slice(12)],
    ],
    ['Linux cooked SLL', 113, sll(ipv4(SYN))],
    ['Linux cooked SLL2', 276, sll2(ipv4(SYN))],
    ['BSD loopback, little-endian family', 0, nullLink(ipv4(SYN), 2, true)],
    ['BSD loopback, big-endian family', 0, nullLink(ipv4(SYN), 2, false)],
    ['raw IP', 101, ipv4(SYN)],
  ];
  it.each(cases)('%s: the SYN and its options', (_name, linkType, frame) => {
    const r = only(parseCapture(pcap(linkType, [{ s: 1_700_000_000, frac: 250_000, frame }])));
    expect(r.format).toBe('pcap');
    expect(r.packets).toHaveLength(1);
    const p = r.packets[0]!;
    expect(p).toMatchObject({
      n: 1,
      src: '127.0.0.1',
      sport: 41234,
      dst: '127.0.0.1',
      dport: 5000,
      seq: 0xfffffff0,
      ack: null,
      len: 0,
    });
    expect(p.flags.syn && !p.flags.ack).toBe(true);
    expect(p.options).toEqual({ mss: 1460, sackPermitted: true, ts: { val: 7, ecr: 0 }, wscale: 7 });
    expect(p.time).toEqual({ s: 1_700_000_000, ns: 250_000_000 });
  });

  it('IPv6 on Ethernet, SLL2 and BSD loopback (family 30), past extension headers', () => {
    const lo = [...new Array<number>(15).fill(0), 1];
    const doc = [0x20, 0x01, 0x0d, 0xb8, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0x42];
    for (const [linkType, frame] of [
      [1, ethernet(ipv6(DATA, lo, doc), 0x86dd)],
      [276, sll2(ipv6(DATA, lo, doc), 0x86dd)],
      [0, nullLink(ipv6(DATA, lo, doc), 30)],
      [101, ipv6(DATA, lo, doc)],
    ] as Array<[number, number[]]>) {
      const p = only(parseCapture(pcap(linkType, [{ s: 1, frac: 0, frame }]))).packets[0]!;
      expect(p).toMatchObject({
        src: '::1',
        dst: '2001:db8::42',
        sport: 5000,
        dport: 41234,
        seq: 77,
        ack: 0xfffffff1,
        len: 5,
      });
      expect(p.flags.psh && p.flags.ack).toBe(true);
    }
  });

  it('skips what is not TCP, and says so when nothing is', () => {
    const udp = ethernet(ipv4(SYN, 17));
    const arp = ethernet([0, 1, 8, 0, 6, 4, 0, 1], 0x0806);
    const r = parseCapture(
      pcap(1, [
        { s: 1, frac: 0, frame: udp },
        { s: 1, frac: 0, frame: arp },
      ]),
    );
    expect(r).toEqual({ ok: false, error: { code: 'no-tcp', packets: 2 } });
    const mixed = only(
      parseCapture(
        pcap(1, [
          { s: 1, frac: 0, frame: udp },
          { s: 2, frac: 0, frame: ethernet(ipv4(SYN)) },
        ]),
      ),
    );
    expect(mixed.total).toBe(2);
    expect(mixed.packets.map((p) => p.n)).toEqual([2]);
  });

  it('refuses a link type it does not read, naming it', () => {
    expect(parseCapture(pcap(105, [{ s: 1, frac: 0, frame: [1, 2, 3] }]))).toEqual({
      ok: false,
      error: { code: 'unsupported-link', linkType: 105 },
    });
  });

  it('takes the segment length from the IP header when the snap length cut the payload', () => {
    const frame = ethernet(ipv4({ ...DATA, payload: 1000 })).slice(0, 80);
    expect(only(parseCapture(pcap(1, [{ s: 1, frac: 0, frame, orig: 1054 }]))).packets[0]!.len).toBe(1000);
  });
});

describe('pcap', () => {
  const recs = [
    { s: 10, frac: 999_999, frame: ethernet(ipv4(SYN)) },
    { s: 11, frac: 1, frame: ethernet(ipv4(DATA)) },
  ];
  it.each([
    ['little-endian, microseconds', true, false, 999_999_000],
    ['big-endian, microseconds', false, false, 999_999_000],
    ['little-endian, nanoseconds', true, true, 999_999],
    ['big-endian, nanoseconds', false, true, 999_999],
  ] as const)('%s', (_name, le, nano, ns) => {
    const r = only(parseCapture(pcap(1, recs, { le, nano })));
    expect(r.packets.map((p) => p.time)).toEqual([
      { s: 10, ns },
      { s: 11, ns: nano ? 1 : 1000 },
    ]);
    expect(r.packets[1]!.len).toBe(5);
  });

  it('keeps the packets before a cut, and warns where it was cut', () => {
    const whole = pcap(1, recs);
    const r = only(parseCapture(whole.subarray(0, whole.length - 10)));
    expect(r.packets).toHaveLength(1);
    expect(r.warnings).toEqual([{ code: 'truncated', at: 2 }]);
  });

  it('a file cut inside its first packet, or with an impossible record length, is an error', () => {
    expect(parseCapture(pcap(1, recs).subarray(0, 30))).toEqual({ ok: false, error: { code: 'truncated', at: 1 } });
    const bad = pcap(1, recs);
    bad.set([0xff, 0xff, 0xff, 0x7f], 24 + 8);
    expect(parsePcap(bad)).toEqual({ ok: false, error: { code: 'corrupt', at: 24 } });
    expect(parseCapture(pcap(1, []))).toEqual({ ok: false, error: { code: 'empty' } });
  });

  it('refuses more than 100 MB before reading', () => {
    const big = { length: MAX_BYTES + 1 } as Uint8Array;
    expect(parseCapture(big)).toEqual({ ok: false, error: { code: 'too-large', bytes: MAX_BYTES + 1 } });
  });
});

describe('pcapng', () => {
  const frames = [ethernet(ipv4(SYN)), ethernet(ipv4(DATA))];
  it.each([
    [
      'little-endian, default microseconds',
      true,
      undefined,
      [1_700_000_000_123_456n, 1_700_000_001_000_001n],
      123_456_000,
    ],
    [
      'big-endian, default microseconds',
      false,
      undefined,
      [1_700_000_000_123_456n, 1_700_000_001_000_001n],
      123_456_000,
    ],
    [
      'little-endian, if_tsresol 9 (nanoseconds)',
      true,
      9,
      [1_700_000_000_123_456_789n, 1_700_000_001_000_000_001n],
      123_456_789,
    ],
    [
      'big-endian, if_tsresol 9 (nanoseconds)',
      false,
      9,
      [1_700_000_000_123_456_789n, 1_700_000_001_000_000_001n],
      123_456_789,
    ],
    ['if_tsresol 2^-10', true, 0x8a, [1_700_000_000n * 1024n + 512n, 1_700_000_001n * 1024n], 500_000_000],
  ] as const)('%s', (_name, le, tsresol, stamps, ns) => {
    const data = pcapng(
      1,
      frames.map((frame, i) => ({ frame, ts: stamps[i]! })),
      tsresol === undefined ? { le } : { le, tsresol },
    );
    const r = only(parseCapture(data));
    expect(r.format).toBe('pcapng');
    expect(r.packets.map((p) => p.time)).toEqual([
      { s: 1_700_000_000, ns },
      { s: 1_700_000_001, ns: r.packets[1]!.time!.ns },
    ]);
    expect(r.packets[0]!.options.wscale).toBe(7);
    expect(r.packets[1]!).toMatchObject({ seq: 77, len: 5 });
  });

  it('reads a Simple Packet Block (no timestamp), in both byte orders', () => {
    for (const le of [true, false]) {
      const head = pcapng(113, [], { le });
      const data = Uint8Array.from([...head, ...spb(sll(ipv4(SYN)), le)]);
      const r = only(parsePcapng(data));
      expect(r.packets[0]).toMatchObject({ time: null, sport: 41234, seq: 0xfffffff0 });
    }
  });

  it('a real capture reads the same as pcap and as nanosecond pcapng', () => {
    const raw = capture('handshake-data-close');
    const a = only(parseCapture(raw)).packets;
    const b = only(parseCapture(pcapToPcapng(raw, { le: false, nano: true }))).packets;
    expect(b).toEqual(a);
    expect(a).toHaveLength(10);
  });

  it('a block length that cannot be, or a packet for no interface, is corrupt', () => {
    const data = pcapng(1, [{ ts: 1n, frame: frames[0]! }]);
    const bad = data.slice();
    bad.set([3, 0, 0, 0], 4); // the SHB's length: 3
    expect(parsePcapng(bad)).toEqual({ ok: false, error: { code: 'corrupt', at: 0 } });
    const noIface = Uint8Array.from([
      ...data.subarray(0, 28),
      ...data.subarray(data.length - (data.length - 28 - 32 - 12)),
    ]);
    expect(parsePcapng(noIface).ok).toBe(false);
  });
});

describe('the example captures (tcpdump -w on this machine, lo, Ethernet link type)', () => {
  it('handshake-data-close: ten segments, the SYN with Linux options', () => {
    const r = only(parseCapture(capture('handshake-data-close')));
    const [syn, synAck, third] = r.packets;
    expect(syn!.flags.syn && !syn!.flags.ack).toBe(true);
    expect(syn!.options).toMatchObject({ mss: 65495, sackPermitted: true, wscale: 10 });
    expect(synAck!.ack).toBe((syn!.seq! + 1) % 2 ** 32);
    expect(third!.ack).toBe((synAck!.seq! + 1) % 2 ** 32);
    expect(r.packets.filter((p) => p.flags.fin)).toHaveLength(2);
  });
  it('close-unread-rst ends with RST, ACK from the server', () => {
    const last = only(parseCapture(capture('close-unread-rst'))).packets.at(-1)!;
    expect(last.flags.rst && last.flags.ack).toBe(true);
    expect(last.sport).toBe(5102);
  });
  it('connection-refused: a SYN and a RST, ACK', () => {
    const [syn, rst] = only(parseCapture(capture('connection-refused'))).packets;
    expect(rst!.flags.rst && rst!.flags.ack).toBe(true);
    expect(rst!.ack).toBe((syn!.seq! + 1) % 2 ** 32);
  });
});
