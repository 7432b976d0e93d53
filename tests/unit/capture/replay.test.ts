import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { groupConnections } from '~/capture/connections';
import { parseCapture } from '~/capture/parse';
import { replayConnection } from '~/capture/replay';

function connection(name: string) {
  const r = parseCapture(new Uint8Array(readFileSync(`content/captures/${name}.pcap`)));
  if (!r.ok) throw new Error(JSON.stringify(r.error));
  return groupConnections(r.packets)[0]!;
}

function replay(name: string) {
  const r = replayConnection(connection(name));
  if (!r.ok) throw new Error(r.reason);
  return r.steps.map((s) => [s.states.client, s.states.server, s.departures.join(' ')]);
}

describe('replayConnection on the examples', () => {
  it("handshake-data-close: the model agrees, but for the SYN options and the ACK of the FIN riding on the server's FIN", () => {
    expect(replay('handshake-data-close')).toEqual([
      ['SYN_SENT', 'SYN_RECEIVED', 'syn-options'],
      ['ESTABLISHED', 'SYN_RECEIVED', 'syn-options'],
      ['ESTABLISHED', 'ESTABLISHED', ''],
      ['ESTABLISHED', 'ESTABLISHED', ''],
      ['ESTABLISHED', 'ESTABLISHED', ''],
      ['ESTABLISHED', 'ESTABLISHED', ''],
      ['ESTABLISHED', 'ESTABLISHED', ''],
      ['FIN_WAIT_1', 'CLOSE_WAIT', ''],
      ['TIME_WAIT', 'LAST_ACK', 'delayed-ack'],
      ['TIME_WAIT', 'CLOSED', ''],
    ]);
  });

  it('close-unread-rst: the server closes with the line unread, and its RST is explained', () => {
    const steps = replay('close-unread-rst');
    // Linux had not acknowledged the client's FIN yet; the RST replaced that ACK.
    expect(steps.at(-1)).toEqual(['CLOSED', 'CLOSED', 'unread-rst delayed-ack']);
    expect(steps.slice(2, -1).every(([, , d]) => d === '')).toBe(true);
  });

  it('connection-refused: nobody listens, the SYN gets RST, ACK, the client is CLOSED', () => {
    expect(replay('connection-refused')).toEqual([
      ['SYN_SENT', 'CLOSED', 'syn-options'],
      ['CLOSED', 'CLOSED', ''],
    ]);
  });

  it('half-close: the client shuts down its sending half and still reads the answer', () => {
    const steps = replay('half-close');
    expect(steps.map(([c, s]) => `${c}/${s}`).slice(5)).toEqual([
      'FIN_WAIT_1/CLOSE_WAIT',
      'FIN_WAIT_2/CLOSE_WAIT',
      'FIN_WAIT_2/CLOSE_WAIT',
      'TIME_WAIT/LAST_ACK',
      'TIME_WAIT/CLOSED',
    ]);
    // The server's answer carries the ACK of the client's FIN.
    expect(steps.slice(2).map(([, , d]) => d)).toEqual(['', '', '', '', 'delayed-ack', '', '', '']);
  });

  it('marks a delayed ACK, a retransmission, an abort and what it cannot explain', () => {
    const c = connection('handshake-data-close');
    const seg = c.segments;
    // Linux held the server's ACK of the client's line: it rides on the answer.
    const delayed = { ...c, segments: [...seg.slice(0, 4), ...seg.slice(5)] };
    const r1 = replayConnection(delayed);
    expect(r1.ok && r1.steps[4]!.departures).toEqual(['delayed-ack']);
    // The client's line sent twice.
    const again = { ...c, segments: [...seg.slice(0, 5), seg[3]!, ...seg.slice(5)] };
    const r2 = replayConnection(again);
    expect(r2.ok && r2.steps[5]!.departures).toEqual(['retransmission']);
    // Right after the handshake the client resets, with nothing unread: an abort.
    const line = seg[3]!;
    const rst = { ...line, packet: { ...line.packet, len: 0, flags: { ...line.packet.flags, psh: false, rst: true } } };
    const r3 = replayConnection({ ...c, segments: [...seg.slice(0, 3), rst] });
    expect(r3.ok && r3.steps[3]).toEqual({
      index: 3,
      states: { client: 'CLOSED', server: 'CLOSED' },
      vars: { client: null, server: null },
      departures: ['abort-rst'],
    });
    // A segment acknowledging data never sent: nothing explains it.
    const odd = { ...c, segments: [...seg.slice(0, 4), { ...seg[4]!, seq: seg[4]!.seq + 1000 }] };
    const r4 = replayConnection(odd);
    expect(r4.ok && r4.steps[4]!.departures).toEqual(['unexplained']);
  });

  it('a capture that started mid-connection is not replayed, and says why', () => {
    const c = connection('handshake-data-close');
    expect(replayConnection({ ...c, midway: true })).toEqual({ ok: false, reason: 'midway' });
  });
});
