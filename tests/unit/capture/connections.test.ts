import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { groupConnections } from '~/capture/connections';
import { parseCapture, parseCaptureText } from '~/capture/parse';
import type { ParseResult, TcpPacket } from '~/capture/types';

function packets(r: ParseResult): TcpPacket[] {
  if (!r.ok) throw new Error(JSON.stringify(r.error));
  return r.packets;
}
const pcap = (name: string) => packets(parseCapture(new Uint8Array(readFileSync(`content/captures/${name}.pcap`))));
const text = (name: string) => packets(parseCaptureText(readFileSync(`content/captures/${name}.txt`, 'utf8')));

describe('groupConnections on the examples', () => {
  it('handshake-data-close: one connection, numbered as the lessons do, closed by the client first', () => {
    const [c, ...rest] = groupConnections(pcap('handshake-data-close'));
    expect(rest).toEqual([]);
    expect(c!.client).toEqual({ addr: '127.0.0.1', port: 55302 });
    expect(c!.server).toEqual({ addr: '127.0.0.1', port: 5101 });
    expect(c!.isn).toEqual({ client: 1465630724, server: 3407642695 });
    expect(c!.midway).toBe(false);
    expect(c!.end).toEqual({ kind: 'closed', first: 'client' });
    expect(c!.segments.map((s) => [s.from[0], s.relSeq, s.relAck, s.packet.len])).toEqual([
      ['c', 0, null, 0],
      ['s', 0, 1, 0],
      ['c', 1, 1, 0],
      ['c', 1, 1, 22],
      ['s', 1, 23, 0],
      ['s', 1, 23, 39],
      ['c', 23, 40, 0],
      ['c', 23, 40, 0],
      ['s', 40, 24, 0],
      ['c', 24, 41, 0],
    ]);
    expect(c!.first).toEqual({ s: c!.segments[0]!.packet.time!.s, ns: 316_677_000 });
    expect(c!.last!.ns).toBe(317_794_000);
  });

  it.each([
    ['handshake-data-close', { kind: 'closed', first: 'client' }],
    ['close-unread-rst', { kind: 'reset', by: 'server' }],
    ['connection-refused', { kind: 'refused' }],
    ['half-close', { kind: 'closed', first: 'client' }],
  ])('%s ends as %j, from the pcap and from its text alike', (name, end) => {
    const fromPcap = groupConnections(pcap(name));
    const fromText = groupConnections(text(name));
    expect(fromPcap.map((c) => c.end)).toEqual([end]);
    expect(fromText.map((c) => c.end)).toEqual([end]);
    // The pure ACKs' seq, missing from the text, is filled in as the pcap has it.
    expect(fromText[0]!.segments.map((s) => [s.seq, s.relSeq, s.relAck])).toEqual(
      fromPcap[0]!.segments.map((s) => [s.seq, s.relSeq, s.relAck]),
    );
  });

  it('a capture that starts mid-connection, two connections interleaved, and a port pair reused', () => {
    const hdc = pcap('handshake-data-close');
    const cur = pcap('close-unread-rst');
    const conns = groupConnections([...hdc.slice(3), ...cur.slice(0, 2), ...hdc.slice(0, 3)]);
    expect(conns.map((c) => [c.id, c.midway, c.server.port, c.segments.length])).toEqual([
      [1, true, 5101, 7],
      [2, false, 5102, 2],
      [3, false, 5101, 3],
    ]);
    // Midway: numbers count from the first byte seen, so its first data byte is 1.
    expect(conns[0]!.segments[0]!.relSeq).toBe(1);
    expect(conns[0]!.isn).toEqual({ client: null, server: null });
  });
});
