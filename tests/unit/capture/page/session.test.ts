import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { t } from '~/i18n';
import type { UiKey } from '~/i18n/en';
import { groupConnections } from '~/capture/connections';
import { parseCapture } from '~/capture/parse';
import { CaptureSession, loadAll, viewConnection, type ConnectionView } from '~/capture/page/session';
import { localEngine } from '~/capture/page/engine';
import { present } from '~/capture/page/present';
import { labelsFor } from '~/i18n/labels';
import { layoutCapture } from '~/capture/page/ladder';
import { captureStepperData } from '~/capture/page/steps';
import { departureText, type Say } from '~/capture/page/messages';
import type { LadderShape } from '~/simulator/ladder';
import { syntheticPcap } from '../../../../scripts/bench/capture.mjs';

const en: Say = (key: UiKey, vars = {}) => t('en', key, vars);
const bytes = (name: string) => new Uint8Array(readFileSync(`content/captures/${name}.pcap`));
const text = (name: string) => readFileSync(`content/captures/${name}.txt`, 'utf8');

function view(name: string): ConnectionView {
  const session = new CaptureSession();
  const loaded = loadAll(session, { bytes: bytes(name) });
  if (!loaded.ok) throw new Error(JSON.stringify(loaded.error));
  return session.view(1)!;
}

describe('CaptureSession', () => {
  it('reads an example into its one connection, the same from the pcap and from its text', () => {
    const session = new CaptureSession();
    const fromPcap = loadAll(session, { bytes: bytes('half-close') });
    const fromText = loadAll(new CaptureSession(), { text: text('half-close') });
    expect(fromPcap.ok && fromPcap.format).toBe('pcap');
    expect(fromText.ok && fromText.format).toBe('tcpdump');
    if (!fromPcap.ok || !fromText.ok) throw new Error('not read');
    expect(fromPcap.total).toBe(10);
    expect(fromPcap.tcp).toBe(10);
    expect(fromPcap.connections).toHaveLength(1);
    const [p] = fromPcap.connections;
    const [x] = fromText.connections;
    expect({ ...x, first: null, last: null }).toEqual({ ...p, first: null, last: null });
    expect(p!.end).toEqual({ kind: 'closed', first: 'client' });
    expect(session.view(2)).toBeNull();
  });

  it('a failed load forgets the connections of the one before', () => {
    const session = new CaptureSession();
    loadAll(session, { bytes: bytes('half-close') });
    expect(session.view(1)).not.toBeNull();
    const bad = loadAll(session, { text: 'not a capture' });
    expect(bad).toEqual({ ok: false, error: { code: 'unknown-format' }, kind: 'text' });
    expect(session.view(1)).toBeNull();
  });

  it('yields the fraction read as it goes, rising to the end', () => {
    const fractions: number[] = [];
    const loaded = loadAll(new CaptureSession(), { bytes: syntheticPcap({ connections: 300, segments: 10 }) }, (f) =>
      fractions.push(f),
    );
    expect(loaded.ok && loaded.connections.length).toBe(300);
    expect(fractions.length).toBeGreaterThan(0);
    expect(fractions.every((f, i) => f > 0 && f <= 1 && (i === 0 || f > fractions[i - 1]!))).toBe(true);
  });
});

describe('viewConnection', () => {
  it('numbers from the ISNs, times from the first segment, and the model’s states and variables after each', () => {
    const v = view('close-unread-rst');
    expect(v.replayed).toBe(true);
    expect(v.start).toEqual({ client: 'SYN_SENT', server: 'LISTEN' });
    expect(v.segments.map((s) => [s.from[0], s.seq, s.ack, s.len])).toEqual([
      ['c', 0, null, 0],
      ['s', 0, 1, 0],
      ['c', 1, 1, 0],
      ['c', 1, 1, 22],
      ['s', 1, 23, 0],
      ['s', 1, 23, 33],
      ['c', 23, 34, 0],
      ['c', 23, 34, 0],
      ['s', 34, 24, 0],
    ]);
    expect(v.segments[0]!.ms).toBe(0);
    // 07:07:33.724809 → 07:07:34.729837 in the text of the same capture.
    expect(v.segments.at(-1)!.ms).toBeCloseTo(1005.028, 3);
    // After the handshake each side has sent its SYN (1) and expects the other's first byte (1).
    expect(v.segments[2]!.vars).toEqual({ client: [1, 1, 1], server: [1, 1, 1] });
    // The client's 22 bytes are acknowledged by the server's ACK of 23.
    expect(v.segments[4]!.vars).toEqual({ client: [23, 23, 1], server: [1, 1, 23] });
    expect(v.segments.at(-1)!.states).toEqual({ client: 'CLOSED', server: 'CLOSED' });
    expect(v.segments.at(-1)!.departures).toEqual(['unread-rst', 'delayed-ack']);
    expect(v.segments.at(-1)!.vars).toEqual({ client: null, server: null });
  });

  it('a capture that starts midway is drawn without states', () => {
    const r = parseCapture(bytes('handshake-data-close'));
    if (!r.ok) throw new Error('not read');
    const [c] = groupConnections(r.packets.slice(3));
    const v = viewConnection(c!);
    expect(v.replayed).toBe(false);
    expect(v.start).toBeNull();
    expect(v.segments.every((s) => s.states === null && s.vars === null && s.departures.length === 0)).toBe(true);
    const ladder = layoutCapture(v, en);
    expect(ladder.shapes.filter((s) => s.kind === 'note')).toEqual([]);
    const data = captureStepperData(v, en);
    expect(data.steps.map((s) => s.states.client)).toEqual(new Array(v.segments.length).fill('—'));
    expect(data.steps.every((s) => s.phone === '')).toBe(true);
  });
});

type Of<K extends LadderShape['kind']> = Extract<LadderShape, { kind: K }>;
const of = <K extends LadderShape['kind']>(shapes: LadderShape[], kind: K) =>
  shapes.filter((s): s is Of<K> => s.kind === kind);

describe('the ladder and the stepper of a connection', () => {
  const v = view('close-unread-rst');

  it('draws every segment as an arrow of its step, marked where the model departs, with its time', () => {
    const ladder = layoutCapture(v, en);
    const arrows = of(ladder.shapes, 'arrow');
    expect(arrows.map((a) => a.step)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8]);
    expect(arrows.map((a) => a.text)).toEqual([
      'SYN seq=0 (options)',
      'SYN, ACK seq=0 ack=1 (options)',
      'ACK seq=1 ack=1',
      'ACK seq=1 ack=1 len=22',
      'ACK seq=1 ack=23',
      'ACK seq=1 ack=23 len=33',
      'ACK seq=23 ack=34',
      'FIN, ACK seq=23 ack=34',
      'RST, ACK seq=34 ack=24 (unread at close(), delayed ACK)',
    ]);
    expect(arrows.map((a) => Boolean(a.marked))).toEqual([true, true, false, false, false, false, false, false, true]);
    expect(arrows[0]!.time!.text).toBe('+0.000 ms');
    expect(arrows.at(-1)!.time!.text).toBe('+1.005 s');
    // A long label pushes its time further left, clear of it.
    expect(arrows.at(-1)!.time!.x).toBeLessThan(arrows[0]!.time!.x);
    expect(arrows.at(-1)!.time!.x).toBeLessThan(215 - (arrows.at(-1)!.text.length * 8.8) / 2);
    // Times sit in the left margin, which the view box widens to hold.
    expect(ladder.x).toBeLessThan(arrows.at(-1)!.time!.x - 40);
    expect(arrows.map((a) => (a.x1 < a.x2 ? 'client' : 'server'))).toEqual(v.segments.map((s) => s.from));
    const notes = of(ladder.shapes, 'note').map((n) => [n.step ?? null, n.side, n.text]);
    const y = (side: string, text: string) =>
      of(ladder.shapes, 'note').find((n) => n.side === side && n.text === text)!.y;
    expect(y('client', '→ FIN_WAIT_1')).toBeLessThan(arrows[7]!.y);
    expect(y('server', '→ CLOSE_WAIT')).toBeGreaterThan(arrows[7]!.y);
    expect(notes).toEqual([
      [null, 'client', 'SYN_SENT'],
      [null, 'server', 'LISTEN'],
      [0, 'server', '→ SYN_RECEIVED'],
      [1, 'client', '→ ESTABLISHED'],
      [2, 'server', '→ ESTABLISHED'],
      // The client's FIN: its own change before the arrow, the server's after.
      [7, 'client', '→ FIN_WAIT_1'],
      [7, 'server', '→ CLOSE_WAIT'],
      [8, 'server', '→ CLOSED'],
      [8, 'client', '→ CLOSED'],
    ]);
  });

  it('gives the stepper each segment’s states, variables, words and phone line', () => {
    const data = captureStepperData(v, en);
    expect(data.start.say).toBe('Before the first of 9 segments. Press Next to begin.');
    expect(data.start.states).toEqual({ client: 'SYN_SENT', server: 'LISTEN' });
    expect(data.steps.map((s) => s.step)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8]);
    expect(data.steps[2]).toMatchObject({
      states: { client: 'ESTABLISHED', server: 'ESTABLISHED' },
      vars: { client: [1, 1, 1], server: [1, 1, 1] },
      say: 'Segment 3 of 9, +0.033 ms: the client sends ACK seq=1 ack=1. Client ESTABLISHED, server ESTABLISHED.',
      phone: 'client talking; server talking',
    });
    const last = data.steps.at(-1)!;
    expect(last.say).toContain(departureText('unread-rst', en));
    expect(last.say).toContain(departureText('delayed-ack', en));
    // The server program still listens for the next call once this one is over.
    expect(last.phone).toBe('client hung up; server waiting for a call');
  });
});

describe('the engine, where no worker can start', () => {
  it('reads on the calling thread in slices, letting timers run and reporting progress, with the worker’s answers', async () => {
    const input = { bytes: syntheticPcap({ connections: 2000, segments: 10 }) };
    // The reader bundle as the page would run it, but imported here rather than loaded by a <script>.
    const engine = localEngine(async () => ({ session: new CaptureSession(), present }));
    const fractions: number[] = [];
    let timerRan = false;
    setTimeout(() => (timerRan = true), 0);
    const loaded = await engine.load(input, (f) => {
      fractions.push(f);
    });
    expect(timerRan).toBe(true);
    expect(fractions.length).toBeGreaterThan(0);
    expect(loaded.ok && loaded.connections.length).toBe(2000);
    const session = new CaptureSession();
    loadAll(session, input);
    const labels = JSON.parse(labelsFor('en', 'capture.', 'diagram.trace.', 'sim.phone.'));
    const shown = await engine.view(2000, labels);
    expect(shown!.view).toEqual(session.view(2000));
    expect(shown!.ladder).toEqual(layoutCapture(session.view(2000)!, en));
    expect(shown!.stepper).toEqual(captureStepperData(session.view(2000)!, en));
  });
});
