/**
 * The capture page's sentences: every error, warning, ending and departure code the parsers and the
 * replay produce, as a UI key of src/i18n (so a code without a sentence in both languages fails type
 * checking, and tests/unit/capture/page/messages.test.ts checks each one renders), and the numbers and
 * labels the page shows. The caller passes `say`, which fills a key in the page's language. Pure.
 */
import type { UiKey } from '~/i18n/en';
import type { Ending, Side } from '../connections';
import type { Departure } from '../replay';
import { MAX_BYTES, MAX_PACKETS, type FatalError, type TimeKind, type Timestamp, type Warning } from '../types';
import type { InputKind } from './session';

/** Fills a UI key in the page's language. */
export type Say = (key: UiKey, vars?: Record<string, string | number>) => string;

/** Every code with a sentence, for the test that renders each one. */
export const ERROR_CODES = [
  'empty',
  'unknown-format',
  'too-large',
  'too-many-packets',
  'corrupt',
  'truncated',
  'unsupported-link',
  'no-tcp',
] as const satisfies readonly FatalError['code'][];
export const WARNING_CODES = [
  'truncated',
  'skipped-lines',
  'port-names',
  'unsupported-link',
] as const satisfies readonly Warning['code'][];
export const DEPARTURES = [
  'syn-options',
  'delayed-ack',
  'abort-rst',
  'unread-rst',
  'retransmission',
  'keepalive',
  'unexplained',
] as const satisfies readonly Departure[];

// Each list above names every code of its type: adding a code to the type without its sentence fails here.
type Exhaustive<All, Listed> = [Exclude<All, Listed>] extends [never] ? true : never;
const checked: [
  Exhaustive<FatalError['code'], (typeof ERROR_CODES)[number]>,
  Exhaustive<Warning['code'], (typeof WARNING_CODES)[number]>,
  Exhaustive<Departure, (typeof DEPARTURES)[number]>,
] = [true, true, true];
void checked;

const MB = 1024 * 1024;

/** Why nothing could be read, naming the input (`name`: a file name or "the pasted text"). Pure. */
export function errorText(error: FatalError, kind: InputKind, name: string, say: Say): string {
  const k = say(`capture.kind.${kind}`);
  switch (error.code) {
    case 'too-large':
      return say('capture.error.too-large', { name, mb: Math.ceil(error.bytes / MB), max: MAX_BYTES / MB });
    case 'too-many-packets':
      return say('capture.error.too-many-packets', { name, max: MAX_PACKETS.toLocaleString('en') });
    case 'corrupt':
    case 'truncated':
      return say(`capture.error.${error.code}`, { name, kind: k, at: error.at });
    case 'unsupported-link':
      return say('capture.error.unsupported-link', { name, linkType: error.linkType });
    case 'no-tcp':
      return say('capture.error.no-tcp', { name, kind: k, packets: error.packets });
    default:
      return say(`capture.error.${error.code}`, { name });
  }
}

/** What the parser passed over. Pure. */
export function warningText(w: Warning, say: Say): string {
  switch (w.code) {
    case 'truncated':
      return say('capture.warning.truncated', { at: w.at });
    case 'skipped-lines':
      return say('capture.warning.skipped-lines', { count: w.count, first: w.first });
    case 'port-names':
      return say('capture.warning.port-names', { names: w.names.join(', ') });
    case 'unsupported-link':
      return say('capture.warning.unsupported-link', { linkType: w.linkType, packets: w.packets });
  }
}

const sideWord = (side: Side, say: Say) => say(`capture.side.${side}`);

/** How a connection ended, in words. Pure. */
export function endingText(end: Ending, say: Say): string {
  switch (end.kind) {
    case 'refused':
      return say('capture.end.refused');
    case 'reset':
      return say('capture.end.reset', { side: sideWord(end.by, say) });
    case 'closed':
      return say('capture.end.closed', { side: sideWord(end.first, say) });
    case 'closing':
      return say('capture.end.closing', { sides: end.fins.map((s) => sideWord(s, say)).join(say('capture.and')) });
    case 'open':
      return say('capture.end.open');
  }
}

/** A departure explained in full, and its short name for the ladder. Pure. */
export function departureText(d: Departure, say: Say): string {
  return say(`capture.departure.${d}`);
}
/** Several departures explained, one sentence after another as the language runs them. Pure. */
export function departureTexts(ds: readonly Departure[], say: Say): string {
  return ds
    .map((d) => departureText(d, say))
    .reduce((first, second) => (first ? say('capture.sentences', { first, second }) : second), '');
}

export function departureShort(d: Departure, say: Say): string {
  return say(`capture.departure.${d}.short`);
}

/** Several departures' short names as one remark, joined as the language lists remarks; '' for none. Pure. */
export function departureShorts(ds: readonly Departure[], say: Say): string {
  return ds
    .map((d) => departureShort(d, say))
    .reduce((first, second) => (first ? say('diagram.trace.remarks', { first, second }) : second), '');
}

/** Time since the connection's first segment: "+0.017 ms", "+1.003 s", or "—" without times. Pure. */
export function elapsedText(ms: number | null, say: Say): string {
  if (ms === null) return say('capture.time.none');
  return ms < 1000 ? say('capture.ms', { ms: ms.toFixed(3) }) : say('capture.s', { s: (ms / 1000).toFixed(3) });
}

const pad = (n: number, w = 2) => String(n).padStart(w, '0');

/**
 * A capture time as tcpdump prints it, to the microsecond: the time of day in the reader's time zone for
 * absolute times (as tcpdump shows them on the machine that reads the file), the time of day as written
 * for text without a date, seconds since the first packet for tshark's relative times. Pure but for the
 * time zone.
 */
export function clockText(t: Timestamp | null, kind: TimeKind): string {
  if (!t || kind === 'none') return '—';
  const us = pad(Math.floor(t.ns / 1000), 6);
  if (kind === 'relative') return `${t.s}.${us}`;
  if (kind === 'time-of-day') {
    const d = ((t.s % 86400) + 86400) % 86400;
    return `${pad(Math.floor(d / 3600))}:${pad(Math.floor(d / 60) % 60)}:${pad(d % 60)}.${us}`;
  }
  const date = new Date(t.s * 1000);
  return `${pad(date.getHours())}:${pad(date.getMinutes())}:${pad(date.getSeconds())}.${us}`;
}
