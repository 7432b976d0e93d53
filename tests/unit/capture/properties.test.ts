import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { groupConnections } from '~/capture/connections';
import { captureSteps, parseCapture, parseCaptureText } from '~/capture/parse';
import { replayConnection } from '~/capture/replay';
import { pcapSteps } from '~/capture/pcap';
import { pcapngSteps } from '~/capture/pcapng';
import type { ParseSteps } from '~/capture/steps';
import { textSteps } from '~/capture/text';
import { pcapToPcapng } from './build';

const real = new Uint8Array(readFileSync('content/captures/half-close.pcap'));
const realNg = pcapToPcapng(real, { nano: true });
const realText = readFileSync('content/captures/half-close.txt', 'utf8');

/** A result is a value of the documented shape: packets with sane fields, or an error code. */
function wellFormed(r: ReturnType<typeof parseCapture>): void {
  if (!r.ok) {
    expect(typeof r.error.code).toBe('string');
    return;
  }
  for (const p of r.packets) {
    expect(p.sport >= 0 && p.sport <= 65535 && p.dport >= 0 && p.dport <= 65535).toBe(true);
    expect(p.len).toBeGreaterThanOrEqual(0);
    if (p.seq !== null) expect(p.seq >= 0 && p.seq < 2 ** 32).toBe(true);
  }
}

/**
 * Runs a reader's steps with no guard (`drive`, which parsePcap and the others use, catches a throw as a
 * last resort), each fraction between 0 and 1 and never falling: the readers themselves must not throw.
 */
function unguarded(steps: ParseSteps): ReturnType<typeof parseCapture> {
  let last = 0;
  for (;;) {
    const r = steps.next();
    if (r.done) return r.value;
    expect(r.value >= last && r.value <= 1).toBe(true);
    last = r.value;
  }
}
const parseText = (text: string) => unguarded(textSteps(text));

function readers(data: Uint8Array): void {
  wellFormed(unguarded(pcapSteps(data)));
  wellFormed(unguarded(pcapngSteps(data)));
  wellFormed(unguarded(captureSteps(data)));
  wellFormed(parseCapture(data));
}

describe('parsers never throw', () => {
  it('on random bytes, and on random bytes behind a pcap or pcapng header', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 600 }), fc.constantFrom(0, 1, 2), (bytes, head) => {
        const prefix = head === 0 ? [] : head === 1 ? [...real.subarray(0, 24)] : [...realNg.subarray(0, 48)];
        readers(Uint8Array.from([...prefix, ...bytes]));
      }),
      { numRuns: 2000 },
    );
  });

  it('on every truncation of a real pcap and of its pcapng form', () => {
    for (const whole of [real, realNg]) for (let cut = 0; cut <= whole.length; cut++) readers(whole.subarray(0, cut));
  });

  it('on real captures with random bytes overwritten', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(real, realNg),
        fc.array(fc.tuple(fc.nat(), fc.integer({ min: 0, max: 255 })), { minLength: 1, maxLength: 12 }),
        (whole, edits) => {
          const data = whole.slice();
          for (const [at, v] of edits) data[at % data.length] = v;
          readers(data);
          // Whatever survives parsing groups and replays without throwing.
          const r = parseCapture(data);
          if (r.ok) for (const c of groupConnections(r.packets)) expect(typeof replayConnection(c).ok).toBe('boolean');
        },
      ),
      { numRuns: 2000 },
    );
  });

  it('on random text, and on tcpdump text with lines cut or mangled', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 400 }), (s) => {
        wellFormed(parseText(s));
        wellFormed(parseCaptureText(s));
      }),
      { numRuns: 2000 },
    );
    fc.assert(
      fc.property(fc.nat(), fc.nat(), fc.string({ maxLength: 20 }), (a, b, junk) => {
        const i = a % realText.length;
        const j = b % realText.length;
        wellFormed(parseText(realText.slice(0, Math.min(i, j)) + junk + realText.slice(Math.max(i, j))));
      }),
      { numRuns: 2000 },
    );
  });
});
