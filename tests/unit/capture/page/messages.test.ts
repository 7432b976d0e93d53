import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { LANGS, t, type Lang } from '~/i18n';
import type { UiKey } from '~/i18n/en';
import { groupConnections, type Ending } from '~/capture/connections';
import { parseCapture } from '~/capture/parse';
import type { FatalError, Warning } from '~/capture/types';
import { MAX_BYTES, MAX_PACKETS } from '~/capture/types';
import {
  DEPARTURES,
  ERROR_CODES,
  WARNING_CODES,
  clockText,
  departureShorts,
  departureText,
  departureTexts,
  elapsedText,
  endingText,
  errorText,
  warningText,
  type Say,
} from '~/capture/page/messages';
import { CaptureSession, inputKind, loadAll, type CaptureInput } from '~/capture/page/session';
import { CAPTURE_SAMPLES } from '~/capture/page/samples';
import { ethernet, ipv4, pcap } from '../build';

const sayIn =
  (lang: Lang): Say =>
  (key: UiKey, vars = {}) =>
    t(lang, key, vars);
/** A sentence is whole: no placeholder left, no "undefined", something said. */
const whole = (s: string) => {
  expect(s).not.toMatch(/\{\w+\}|undefined|NaN/);
  expect(s.trim().length).toBeGreaterThan(1);
};

const hdc = new Uint8Array(readFileSync('content/captures/handshake-data-close.pcap'));
/** A UDP packet (IP protocol 17) on Ethernet: a capture with packets but no TCP. */
const udp = pcap(1, [{ s: 1, frac: 0, frame: ethernet(ipv4({}, 17)) }]);

/** Real inputs that give each fatal error the parsers produce from bytes or text. */
const INPUTS: Record<Exclude<FatalError['code'], 'too-large' | 'too-many-packets'>, CaptureInput> = {
  empty: { text: '   \n' },
  'unknown-format': { text: 'hello, this is not tcpdump\nnor tshark\n' },
  // A record header claiming a 4 GB frame.
  corrupt: {
    bytes: Uint8Array.from([...hdc.subarray(0, 24), ...new Array(8).fill(0), 255, 255, 255, 255, 0, 0, 0, 0]),
  },
  truncated: { bytes: hdc.subarray(0, 50) },
  'unsupported-link': { bytes: pcap(147, [{ s: 1, frac: 0, frame: [1, 2, 3, 4] }]) },
  'no-tcp': { bytes: udp },
};

describe('every code the parsers and the replay produce has a sentence in both languages', () => {
  it('each fatal error, produced from a real input, names the input and what is wrong', () => {
    for (const code of ERROR_CODES) {
      const input = code === 'too-large' || code === 'too-many-packets' ? null : INPUTS[code as keyof typeof INPUTS];
      const error: FatalError =
        code === 'too-large'
          ? { code, bytes: MAX_BYTES + 1 }
          : code === 'too-many-packets'
            ? { code, packets: MAX_PACKETS + 1 }
            : (() => {
                const loaded = loadAll(new CaptureSession(), input!);
                expect(loaded.ok, code).toBe(false);
                if (loaded.ok) throw new Error(code);
                expect(loaded.error.code).toBe(code);
                return loaded.error;
              })();
      for (const lang of LANGS) {
        const text = errorText(error, input ? inputKind(input) : 'pcap', 'x.pcap', sayIn(lang));
        whole(text);
        expect(text, `${lang} ${code}`).toContain('x.pcap');
      }
    }
  });

  it('says where and what: truncated at packet N, corrupt at byte N, a pcap file with no TCP', () => {
    const en = sayIn('en');
    const r = loadAll(new CaptureSession(), INPUTS.truncated);
    expect(!r.ok && errorText(r.error, r.kind, 'cut.pcap', en)).toContain('a pcap file cut short');
    const c = loadAll(new CaptureSession(), INPUTS.corrupt);
    expect(!c.ok && errorText(c.error, c.kind, 'bad.pcap', en)).toContain('at byte 24');
    const n = loadAll(new CaptureSession(), INPUTS['no-tcp']);
    expect(!n.ok && errorText(n.error, n.kind, 'udp.pcap', en)).toContain('udp.pcap is a pcap file with 1 packets');
    expect(!n.ok && errorText(n.error, n.kind, 'udp.pcap', sayIn('zh'))).toContain('udp.pcap是pcap 文件');
  });

  it('each warning', () => {
    const samples: Warning[] = [
      { code: 'truncated', at: 7 },
      { code: 'skipped-lines', count: 3, first: 2 },
      { code: 'port-names', names: ['ghost', 'spooky'] },
      { code: 'unsupported-link', linkType: 147, packets: 2 },
    ];
    expect(samples.map((w) => w.code).sort()).toEqual([...WARNING_CODES].sort());
    for (const lang of LANGS) for (const w of samples) whole(warningText(w, sayIn(lang)));
    expect(warningText(samples[2]!, sayIn('en'))).toContain('ghost, spooky');
  });

  it('each departure, in full and as a short remark', () => {
    for (const lang of LANGS)
      for (const d of DEPARTURES) {
        whole(departureText(d, sayIn(lang)));
        whole(departureShorts([d], sayIn(lang)));
      }
    expect(departureShorts(['syn-options', 'delayed-ack'], sayIn('en'))).toBe('options, delayed ACK');
    expect(departureShorts([], sayIn('en'))).toBe('');
    expect(departureTexts(['syn-options', 'delayed-ack'], sayIn('en'))).toMatch(/RFC 2018\)\. .* The model would have/);
    expect(departureTexts(['syn-options', 'delayed-ack'], sayIn('zh'))).toContain('只是不带选项。按模型的做法');
  });

  it('each ending', () => {
    const ends: Ending[] = [
      { kind: 'refused' },
      { kind: 'reset', by: 'server' },
      { kind: 'closed', first: 'client' },
      { kind: 'closing', fins: ['client', 'server'] },
      { kind: 'open' },
    ];
    for (const lang of LANGS) for (const e of ends) whole(endingText(e, sayIn(lang)));
    expect(endingText(ends[3]!, sayIn('en'))).toBe(
      'FIN from the client and server, the close not finished in the capture',
    );
    expect(endingText(ends[3]!, sayIn('zh'))).toBe('客户端和服务器发了 FIN，抓包结束时关闭还没完成');
  });

  it('every example the page offers has its label and a pcap', () => {
    for (const name of CAPTURE_SAMPLES) {
      for (const lang of LANGS) whole(t(lang, `capture.sample.${name}`));
      const r = parseCapture(new Uint8Array(readFileSync(`content/captures/${name}.pcap`)));
      expect(r.ok && groupConnections(r.packets).length).toBe(1);
    }
  });
});

describe('numbers and times', () => {
  it('writes elapsed times in ms up to a second, then in s, and a dash without times', () => {
    expect(elapsedText(0.017, sayIn('en'))).toBe('+0.017 ms');
    expect(elapsedText(1003.2, sayIn('en'))).toBe('+1.003 s');
    expect(elapsedText(5.1, sayIn('zh'))).toBe('+5.100 毫秒');
    expect(elapsedText(null, sayIn('en'))).toBe('—');
  });

  it('writes capture times as tcpdump does, to the microsecond', () => {
    expect(clockText({ s: 7 * 3600 + 7 * 60 + 33, ns: 724_809_000 }, 'time-of-day')).toBe('07:07:33.724809');
    expect(clockText({ s: 2, ns: 5000 }, 'relative')).toBe('2.000005');
    expect(clockText(null, 'absolute')).toBe('—');
    expect(clockText({ s: 0, ns: 0 }, 'none')).toBe('—');
    const local = new Date(1_700_000_000 * 1000);
    expect(clockText({ s: 1_700_000_000, ns: 1_000 }, 'absolute')).toBe(
      `${String(local.getHours()).padStart(2, '0')}:${String(local.getMinutes()).padStart(2, '0')}:${String(local.getSeconds()).padStart(2, '0')}.000001`,
    );
  });
});
