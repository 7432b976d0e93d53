import { describe, expect, it } from 'vitest';
import { runScenario } from '~/tcp';
import { phoneLine, phoneText } from '~/diagrams/stepper/phone';
import { loadScenario } from '../../tcp/helpers';

const line = (id: string, step: number) => phoneLine(runScenario(loadScenario(id)).steps[step]!);

describe('phoneLine', () => {
  // [scenario, step index, expected line]: read from what the model did at that step.
  const cases: [string, number, ReturnType<typeof phoneLine>][] = [
    ['handshake', 2, { key: 'waits', side: 'server' }],
    ['handshake', 4, { key: 'dials', side: 'client' }],
    ['handshake', 5, { key: 'rings', side: 'server' }],
    ['handshake', 6, { key: 'talking', side: 'client' }],
    ['handshake', 8, { key: 'picksUp', side: 'server' }],
    ['active-close-client', 9, { key: 'hangsUp', side: 'client' }],
    ['active-close-client', 10, { key: 'hearsHangUp', side: 'server' }],
    ['active-close-client', 11, { key: 'goodbyeHeard', side: 'client' }],
    ['active-close-client', 12, { key: 'hearsFinished', side: 'server' }],
    ['active-close-client', 14, { key: 'lingers', side: 'client' }],
    ['active-close-client', 15, { key: 'free', side: 'server' }],
    ['lost-syn', 5, { key: 'lost' }],
    ['lost-syn', 6, { key: 'repeats', side: 'client' }],
  ];
  it.each(cases)('%s step %i', (id, step, expected) => {
    expect(line(id, step)).toEqual(expected);
  });

  it('hears a refused connection on the side that dialled', () => {
    const trace = runScenario(loadScenario('connection-refused'));
    const lines = trace.steps.map(phoneLine);
    expect(lines).toContainEqual({ key: 'refused', side: 'client' });
  });

  it('hears a RST as the line going dead', () => {
    const trace = runScenario(loadScenario('reset-established'));
    expect(trace.steps.map(phoneLine).some((l) => l.key === 'lineDead' || l.key === 'slams')).toBe(true);
  });
});

describe('phoneText', () => {
  it('says whose phone in the page language', () => {
    const st = runScenario(loadScenario('handshake')).steps[5]!;
    expect(phoneText('en', st)).toBe('The server’s phone rings.');
    expect(phoneText('zh', st)).toBe('服务器的电话响了。');
  });
});
