/** The quiz's bridge to the TCP model (src/quiz/model.ts). */
import { describe, expect, it } from 'vitest';
import { readSite } from '~/content/site';
import { flagNames } from '~/tcp/browser';
import { createQuizModel, segmentsWithIsns } from '~/quiz/model';
import { createWorld, TCP_STATES } from '~/tcp';

const model = createQuizModel(readSite('.').scenarios);

describe('the quiz model over the scenario files', () => {
  it('sends what a world driven call by call sends, for any ISNs', () => {
    const isns = { client: 4242, server: 777 };
    const w = createWorld({ isn: isns });
    w.call('server', 'socket');
    w.call('server', 'bind', { port: 80 });
    w.call('server', 'listen');
    w.call('client', 'socket');
    w.call('client', 'connect', { port: 80 });
    w.deliver();
    const synAck = w.inFlight()[0]!;
    expect(segmentsWithIsns(model.scenario('handshake'), isns)[1]).toMatchObject({
      from: 'server',
      seq: synAck.seq,
      ack: synAck.ack,
      flags: flagNames(synAck),
    });
    expect(model.segments('handshake', isns)).toEqual(segmentsWithIsns(model.scenario('handshake'), isns));
  });

  it('reads states, calls, steps and the file’s ISNs from the trace', () => {
    expect(model.states).toEqual(TCP_STATES);
    expect(model.hasScenario('handshake')).toBe(true);
    expect(model.hasScenario('nope')).toBe(false);
    expect(model.defaultIsns('handshake')).toEqual({ client: 100, server: 300 });
    expect(model.stepCount('handshake')).toBe(9);
    expect(model.stateAfter('handshake', 5, 'client')).toBe('SYN_SENT');
    expect(model.calls('handshake', 'server')).toEqual(['socket', 'bind', 'listen', 'accept']);
    expect(model.segments('handshake').map((s) => [s.from, s.flags.join('+'), s.seq, s.ack])).toEqual([
      ['client', 'SYN', 100, 0],
      ['server', 'SYN+ACK', 300, 101],
      ['client', 'ACK', 101, 301],
    ]);
  });

  it('names the scenario and the fix when asked for one that does not exist or a step past the end', () => {
    expect(() => model.stepCount('nope')).toThrow('there is no scenario "nope" (content/scenarios/nope.json)');
    expect(() => model.stateAfter('handshake', 99, 'client')).toThrow('scenario "handshake" has 9 steps, not 99');
  });
});
