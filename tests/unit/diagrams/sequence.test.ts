import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { sequenceRows } from '~/diagrams/sequence';
import { parseScenario, runScenario } from '~/tcp';

const load = (id: string) => {
  const file = `content/scenarios/${id}.json`;
  return sequenceRows(runScenario(parseScenario(JSON.parse(readFileSync(file, 'utf8')), file)));
};

describe('sequenceRows: the worked table of lesson 2', () => {
  it('numbers every segment of the hello/hi conversation as RFC 9293 §3.4 counts them', () => {
    const rows = load('handshake-data-close');
    // [n, from, flags, seq, takes, next, ack]
    expect(rows.map((r) => [r.n, r.from, r.flags, r.seq, r.uses, r.next, r.ack])).toEqual([
      [1, 'client', 'SYN', 100, 1, 101, null],
      [2, 'server', 'SYN, ACK', 300, 1, 301, 101],
      [3, 'client', 'ACK', 101, 0, 101, 301],
      [4, 'client', 'ACK', 101, 5, 106, 301],
      [5, 'server', 'ACK', 301, 0, 301, 106],
      [6, 'server', 'ACK', 301, 2, 303, 106],
      [7, 'client', 'ACK', 106, 0, 106, 303],
      [8, 'client', 'FIN, ACK', 106, 1, 107, 303],
      [9, 'server', 'ACK', 303, 0, 303, 107],
      [10, 'server', 'FIN, ACK', 303, 1, 304, 107],
      [11, 'client', 'ACK', 107, 0, 107, 304],
    ]);
    expect(rows[3]).toMatchObject({ data: 'hello', len: 5, syn: false, fin: false });
  });

  it('wraps the next number past 2^32 - 1, as sequence arithmetic does', () => {
    const json = JSON.parse(readFileSync('content/scenarios/handshake.json', 'utf8'));
    const rows = sequenceRows(
      runScenario(parseScenario({ ...json, isn: { client: 4294967295, server: 7 } }, 'handshake.json')),
    );
    expect(rows[0]).toMatchObject({ seq: 4294967295, uses: 1, next: 0 });
    expect(rows[1]).toMatchObject({ seq: 7, ack: 0 });
  });
});
