import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseScenario, runScenario } from '~/tcp';
import { phoneLine, phoneText, setupPhoneText } from '~/diagrams/stepper/phone';
import { setupSteps } from '~/diagrams/trace-to-mermaid';
import { SCENARIO_DIR, loadScenario } from '../../tcp/helpers';

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

describe('setupPhoneText', () => {
  const text = (id: string, lang: 'en' | 'zh') => setupPhoneText(lang, setupSteps(runScenario(loadScenario(id))));

  it('says what each side built, in the order the sides set up, in the page language', () => {
    expect(text('handshake', 'en')).toBe(
      'The server gets a phone and a number, plugs in the line and waits for calls. The client gets a phone.',
    );
    expect(text('handshake', 'zh')).toBe(
      '服务器装好电话、申请到号码、插上电话线，守在电话旁等人打来。客户端拿到一部电话。',
    );
    expect(text('simultaneous-open', 'en')).toBe(
      'The client gets a phone and a number of its own. The server gets a phone and a number of its own.',
    );
    expect(text('faq-syn-flood', 'zh')).toBe('服务器装好电话、申请到号码、插上电话线，守在电话旁等人打来。');
    expect(text('connection-refused', 'en')).toBe('The client gets a phone.');
  });

  it('does not give a side a number it did not bind when listen() comes without bind()', () => {
    const json = JSON.parse(readFileSync(SCENARIO_DIR + 'handshake.json', 'utf8')) as { steps: unknown[] };
    const steps = json.steps.filter((s) => (s as { op?: string }).op !== 'bind');
    const trace = runScenario(parseScenario({ ...json, steps }, 'handshake.json'));
    expect(setupSteps(trace).map((st) => (st.step as { op: string }).op)).toEqual(['socket', 'listen', 'socket']);
    expect(setupPhoneText('en', setupSteps(trace))).toBe(
      'The server gets a phone, plugs in the line and waits for calls. The client gets a phone.',
    );
  });
});
