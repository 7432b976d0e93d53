import { describe, expect, it } from 'vitest';
import { phoneKey } from '~/simulator/phone';
import { STRINGS, LANGS } from '~/i18n';
import { TCP_STATES } from '~/tcp';

describe('phone words', () => {
  it.each([
    ['CLOSED', false, false, 'sim.phone.idle'],
    ['CLOSED', false, true, 'sim.phone.hungUp'],
    ['CLOSED', true, true, 'sim.phone.waiting'],
    ['LISTEN', true, true, 'sim.phone.waiting'],
    ['SYN_SENT', false, true, 'sim.phone.SYN_SENT'],
    ['SYN_RECEIVED', true, true, 'sim.phone.SYN_RECEIVED'],
    ['ESTABLISHED', false, true, 'sim.phone.ESTABLISHED'],
    ['FIN_WAIT_1', false, true, 'sim.phone.FIN_WAIT_1'],
    ['FIN_WAIT_2', false, true, 'sim.phone.FIN_WAIT_2'],
    ['CLOSE_WAIT', false, true, 'sim.phone.CLOSE_WAIT'],
    ['CLOSING', false, true, 'sim.phone.CLOSING'],
    ['LAST_ACK', false, true, 'sim.phone.LAST_ACK'],
    ['TIME_WAIT', false, true, 'sim.phone.TIME_WAIT'],
  ] as const)('%s (listening %s, used %s) → %s', (state, listening, used, key) => {
    expect(phoneKey(state, { listening, used })).toBe(key);
  });

  it('every state reads differently, in both languages, and the Chinese uses full-width punctuation', () => {
    for (const lang of LANGS) {
      const words = TCP_STATES.filter((s) => s !== 'CLOSED').map(
        (s) => STRINGS[lang][phoneKey(s, { listening: false, used: true })],
      );
      expect(new Set(words).size, lang).toBe(words.length);
      for (const w of words) expect(w.trim(), lang).not.toBe('');
    }
    for (const s of TCP_STATES)
      expect(STRINGS.zh[phoneKey(s, { listening: false, used: true })]).not.toMatch(/[,:;()]/);
  });
});
