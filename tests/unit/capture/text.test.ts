import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseCapture, parseCaptureText } from '~/capture/parse';
import type { ParseResult, TcpPacket } from '~/capture/types';

const read = (path: string) => readFileSync(path, 'utf8');
const EXAMPLES = ['handshake-data-close', 'close-unread-rst', 'connection-refused', 'half-close'];

function packets(r: ParseResult): TcpPacket[] {
  if (!r.ok) throw new Error(`expected packets, got ${JSON.stringify(r.error)}`);
  return r.packets;
}

/** What text and pcap must agree on; text leaves out a pure ACK's seq. */
function essentials(p: TcpPacket, withSeq: boolean) {
  return {
    src: p.src,
    sport: p.sport,
    dst: p.dst,
    dport: p.dport,
    flags: p.flags,
    ack: p.ack,
    len: p.len,
    win: p.win,
    options: p.options,
    ...(withSeq ? { seq: p.seq } : {}),
  };
}

function sameAsPcap(text: ParseResult, name: string) {
  const fromText = packets(text);
  const fromPcap = packets(parseCapture(new Uint8Array(readFileSync(`content/captures/${name}.pcap`))));
  expect(fromText).toHaveLength(fromPcap.length);
  fromText.forEach((p, i) => expect(essentials(p, p.seq !== null)).toEqual(essentials(fromPcap[i]!, p.seq !== null)));
  // tcpdump leaves out seq only on segments that carry nothing.
  for (const p of fromText) if (p.seq === null) expect(p.len === 0 && !p.flags.syn && !p.flags.fin).toBe(true);
}

describe('tcpdump text of the example captures', () => {
  it.each(EXAMPLES)("%s.txt (tcpdump -n, relative numbers) gives the pcap's absolute numbers", (name) => {
    const r = parseCaptureText(read(`content/captures/${name}.txt`));
    expect(r.ok && r.format).toBe('tcpdump');
    expect(r.ok && r.timeKind).toBe('time-of-day');
    sameAsPcap(r, name);
  });

  it.each([
    ['hdc-S.txt', 'handshake-data-close', 'time-of-day'],
    ['cur-tttt.txt', 'close-unread-rst', 'absolute'],
    ['hc-v.txt', 'half-close', 'time-of-day'],
    ['cr-Sv.txt', 'connection-refused', 'absolute'],
  ])('%s (-nn -S, -tttt, -v, -S -tttt -v)', (file, name, kind) => {
    const r = parseCaptureText(read(`tests/unit/capture/fixtures/${file}`));
    expect(r.ok && r.timeKind).toBe(kind);
    sameAsPcap(r, name);
  });

  it('reads a -tttt time as a date and time, to the nanosecond', () => {
    const [p] = packets(parseCaptureText(read('tests/unit/capture/fixtures/cur-tttt.txt')));
    expect(p!.time).toEqual({ s: Date.UTC(2026, 11, 5, 7, 7, 33) / 1000, ns: 724_809_000 });
  });
});

describe('hand-made text', () => {
  it('macOS tcpdump on lo0 (IPv6, -tt epoch times, an interface prefix) and a SACK block', () => {
    const text = [
      '1733380000.000100 IP6 ::1.50000 > ::1.8080: Flags [S], seq 100, win 65535, options [mss 16324,nop,wscale 6,nop,nop,TS val 1 ecr 0,sackOK,eol], length 0',
      '1733380000.000200 IP6 ::1.8080 > ::1.50000: Flags [S.], seq 300, ack 101, win 65535, options [mss 16324,nop,wscale 6,nop,nop,TS val 2 ecr 1,sackOK,eol], length 0',
      '1733380000.000300 IP6 ::1.50000 > ::1.8080: Flags [.], ack 1, win 6379, options [nop,nop,TS val 3 ecr 2], length 0',
      '1733380000.000400 IP6 ::1.8080 > ::1.50000: Flags [.], ack 1, win 6379, options [nop,nop,sack 1 {11:21}], length 0',
      'en0   In  IP6 ::1.50000 > ::1.8080: Flags [P.], seq 1:11, ack 1, win 6379, length 10',
    ].join('\n');
    const r = parseCaptureText(text);
    const ps = packets(r);
    expect(ps.map((p) => [p.src, p.sport, p.seq, p.ack])).toEqual([
      ['::1', 50000, 100, null],
      ['::1', 8080, 300, 101],
      ['::1', 50000, null, 301],
      ['::1', 8080, null, 101],
      ['::1', 50000, 101, 301],
    ]);
    expect(ps[0]!.options).toEqual({ mss: 16324, wscale: 6, ts: { val: 1, ecr: 0 }, sackPermitted: true });
    expect(ps[3]!.options.sack).toEqual([[11, 21]]);
    expect(ps[0]!.time).toEqual({ s: 1733380000, ns: 100_000 });
    expect(r.ok && r.timeKind).toBe('none'); // one line without a time
  });

  it('tcpdump -n prints service names: known ones become ports, unknown ones are reported', () => {
    const r = parseCaptureText(
      [
        '10:00:00.000000 IP 10.0.0.1.50000 > 10.0.0.2.http: Flags [S], seq 5, win 100, length 0',
        '10:00:00.000001 IP 10.0.0.1.50001 > 10.0.0.2.foo-bar: Flags [S], seq 5, win 100, length 0',
      ].join('\n'),
    );
    expect(packets(r).map((p) => p.dport)).toEqual([80]);
    expect(r.ok && r.warnings).toEqual([{ code: 'port-names', names: ['foo-bar'] }]);
  });

  it('tshark one-line summaries, with annotations and the arrow in both spellings', () => {
    const text = [
      '    1 0.000000000    127.0.0.1 → 127.0.0.1    TCP 74 41234 → 5000 [SYN] Seq=0 Win=65495 Len=0 MSS=65495 SACK_PERM TSval=1 TSecr=0 WS=1024',
      '    2 0.000015000    127.0.0.1 → 127.0.0.1    TCP 74 5000 → 41234 [SYN, ACK] Seq=0 Ack=1 Win=65483 Len=0 MSS=65495 SACK_PERM TSval=2 TSecr=1 WS=1024',
      '    3 0.000030000    127.0.0.1 -> 127.0.0.1    TCP 66 41234 -> 5000 [ACK] Seq=1 Ack=1 Win=65536 Len=0 TSval=3 TSecr=2',
      '    4 0.200000000    127.0.0.1 → 127.0.0.1    TCP 88 [TCP Retransmission] 41234 → 5000 [PSH, ACK] Seq=1 Ack=1 Win=65536 Len=22',
      '    5 0.300000000    127.0.0.1 → 127.0.0.1    UDP 60 5353 → 5353 Len=18',
    ].join('\n');
    const r = parseCaptureText(text);
    const ps = packets(r);
    expect(r.ok && [r.format, r.timeKind, r.warnings]).toEqual([
      'tshark',
      'relative',
      [{ code: 'skipped-lines', count: 1, first: 5 }],
    ]);
    expect(ps.map((p) => [p.n, p.seq, p.ack, p.len])).toEqual([
      [1, 0, null, 0],
      [2, 0, 1, 0],
      [3, 1, 1, 0],
      [4, 1, 1, 22],
    ]);
    expect(ps[0]!.options).toEqual({ mss: 65495, sackPermitted: true, ts: { val: 1, ecr: 0 }, wscale: 10 });
    expect(ps[3]!.time).toEqual({ s: 0, ns: 200_000_000 });
  });

  it('counts skipped lines by their place in the text, -v continuation lines included', () => {
    const v = read('tests/unit/capture/fixtures/hc-v.txt').split('\n');
    const r = parseCaptureText([...v.slice(0, 4), 'garbage', ...v.slice(4)].join('\n'));
    expect(r.ok && r.warnings).toEqual([{ code: 'skipped-lines', count: 1, first: 5 }]);
    expect(packets(r)).toHaveLength(10);
  });

  it('text that is not a capture is refused, and blank input is empty', () => {
    expect(parseCaptureText('hello\nthis is not tcpdump\n')).toEqual({ ok: false, error: { code: 'unknown-format' } });
    expect(parseCaptureText('  \n\n')).toEqual({ ok: false, error: { code: 'empty' } });
    expect(parseCapture(Uint8Array.from([0x7f, 0x45, 0x4c, 0x46, 0, 0, 0]))).toEqual({
      ok: false,
      error: { code: 'unknown-format' },
    });
  });
});
