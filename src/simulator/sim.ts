/**
 * <phone-sim>: the phone-call simulator. The reader's moves are a live run (./run.ts): the TCP model's
 * world is kept and each move runs one step of it, undo puts back the world before the last move.
 * Everything shown is drawn from the run's trace: both ends' states and phone words, the ladder diagram,
 * the segment table and the log, each extended by the new step (or shortened by the undone one) rather
 * than drawn again; and the challenges it completes are saved (./record.ts), in a lesson as on the
 * simulator page. Code a reader may never need loads on demand: the challenges with the first move (at
 * once on the simulator page, whose list shows them), a shared run's reader on the simulator page only
 * (./share.ts), the share box when the reader shares (./share-link.ts). Every label comes from
 * its labels script. Browser only.
 */
import { fill, type Labels } from '~/i18n/fill';
import type { UiKey } from '~/i18n';
import { formatFlags, segmentLabel, type CallResult, type Side, type TraceStep } from '~/tcp/browser';
import { randomIsn } from '~/quiz/random';
import { projector } from '~/projector/projector';
import { errnoKey, explainKey } from './explain';
import { LiveRun, type Isns, type Move, type NetMove, type SimCall, type SimTimer } from './run';
import { layoutLadder, type LadderWords } from './ladder';
import { drawLadder, syncChildren } from './draw';
import { phoneKey } from './phone';
import type * as RecordModule from './record';
import type * as ShareModule from './share-link';

type Line = [string, 'error'?];
const SIDES = ['client', 'server'] as const;

/** The island's labels in the page's language, which its loader fetched with this code (definePhoneSim). */
let pageLabels: Labels | undefined;

class PhoneSim extends HTMLElement {
  private labels!: Labels;
  private run!: LiveRun;
  /** The first move the ladder draws ("restart from here" folds the ones before). */
  private from = 0;
  /** How many log lines each step wrote, so undo removes the last step's. */
  private logLines: number[] = [];
  private ready = false;
  /** Reading a shared run, on the simulator page only. */
  private shared?: typeof ShareModule;
  /** Checking and saving challenges: loaded with the first move, or at once on the simulator page. */
  private record?: Promise<typeof RecordModule>;

  connectedCallback(): void {
    if (this.ready) return;
    this.ready = true;
    this.labels = pageLabels!;
    // The reader may have chosen a role before the code arrived.
    const role = this.querySelector<HTMLInputElement>('.sim-role input:checked');
    if (role) this.dataset.you = role.value;
    this.addEventListener('click', (event) => {
      const b = (event.target as Element).closest<HTMLButtonElement>('button');
      if (!b) return;
      const { side, call, timer, net, run } = b.dataset as Record<string, string | undefined>;
      if (side === 'client' || side === 'server') {
        if (call) this.act({ side, call: call as SimCall });
        else if (timer) this.act({ side, timer: timer as SimTimer });
      } else if (net) this.act({ net: net as NetMove });
      else if (run === 'undo') this.undo();
      else if (run === 'here') this.restartHere();
      else if (run === 'reset') this.start(this.freshIsns(), []);
      else if (run === 'share') void this.share();
    });
    // Projector mode (src/projector): a class follows the run from the keyboard; besides Tab and the
    // buttons, → delivers the next segment and ← undoes, as they step a diagram (a radio keeps its arrows).
    this.addEventListener('keydown', (event) => {
      if (!this.classList.contains('projector-on') || (event.target as Element).closest('input')) return;
      if (event.key !== 'ArrowRight' && event.key !== 'ArrowLeft') return;
      event.preventDefault();
      if (event.key === 'ArrowRight') this.act({ net: 'deliver' });
      else this.undo();
    });
    this.addEventListener('projector', () => requestAnimationFrame(() => this.update()));
    projector(this);
    this.querySelectorAll<HTMLInputElement>('.sim-role input').forEach((input) =>
      input.addEventListener('change', () => {
        this.dataset.you = input.value;
        this.renderRoles();
      }),
    );
    if (this.dataset.page === undefined) {
      this.start(this.freshIsns(), []);
      return;
    }
    void import('./share-link').then((shared) => {
      this.shared = shared;
      this.fromFragment();
      addEventListener('hashchange', () => this.fromFragment());
    });
  }

  private $(selector: string): HTMLElement {
    return this.querySelector<HTMLElement>(selector)!;
  }

  private l(key: UiKey, vars: Record<string, string | number> = {}): string {
    return fill(this.labels[key] ?? key, vars);
  }

  private sideName(side: Side): string {
    return this.l(`sim.${side}`);
  }

  private freshIsns(): Isns {
    return { client: randomIsn(Math.random), server: randomIsn(Math.random) };
  }

  /** Replays a run shared in the URL; a fragment it refuses leaves an empty simulator and says why. */
  private fromFragment(): void {
    const { isn, moves, line } = this.shared!.openFragment(location.hash, (key, vars) => this.l(key, vars));
    this.start(isn ?? this.freshIsns(), moves);
    if (line) this.say([line]);
  }

  private start(isn: Isns, moves: Move[]): void {
    this.run = new LiveRun(isn, moves);
    this.from = 0;
    this.$('.sim-share').hidden = true;
    this.renderRoles();
    this.$('.sim-log').replaceChildren();
    this.logLines = [];
    for (const st of this.run.trace.steps) this.appendLog(st);
    this.say([]);
    this.update();
  }

  private act(move: Move): void {
    const st = this.run.push(move);
    this.appendLog(st);
    this.say(this.linesFor(st));
    this.update();
  }

  private undo(): void {
    if (!this.run.pop()) {
      this.say([[this.l('sim.nothingToUndo')]]);
      return;
    }
    const log = this.$('.sim-log');
    for (let n = this.logLines.pop()!; n > 0; n--) log.lastElementChild!.remove();
    this.from = Math.min(this.from, this.run.moves.length);
    this.say([[this.l('sim.undone')]]);
    this.update();
  }

  private restartHere(): void {
    this.from = this.run.moves.length;
    this.say([[this.l('sim.restarted')]]);
    this.update();
  }

  private async share(): Promise<void> {
    const { showShareLink } = await import('./share-link');
    showShareLink(this.$('.sim-share'), this.dataset.share ?? '', this.run.isn, this.run.moves);
    this.say([[this.l('sim.share.copied', { n: this.run.moves.length })]]);
  }

  private renderRoles(): void {
    for (const side of SIDES) {
      this.$(`.sim-end[data-side="${side}"] [data-role]`).textContent = this.l(
        this.dataset.you === side ? 'sim.you' : 'sim.otherEnd',
      );
    }
  }

  /** What one step of the run did, in sentences. */
  private linesFor(st: TraceStep): Line[] {
    const lines: Line[] = [];
    const step = st.step;
    if ('call' in step) {
      const who = this.sideName(step.call);
      const op = step.op;
      const r = st.result as CallResult;
      if (!r.ok)
        lines.push([
          `${this.l('sim.call.fail', { side: who, call: op })} ${this.l(explainKey(op, r.errno, r.reason), { errno: r.errno })}`,
          'error',
        ]);
      else if (op === 'read')
        lines.push([
          r.value
            ? this.l('sim.read.data', { side: who, n: r.value, data: r.data ?? '' })
            : this.l('sim.read.eof', { side: who }),
        ]);
      else if (op === 'write') lines.push([this.l('sim.write.ok', { side: who, n: r.value ?? 0 })]);
      else lines.push([this.l('sim.call.ok', { side: who, call: op })]);
    } else if ('timer' in step) {
      const who = this.sideName(step.side);
      lines.push([
        (st.result as { fired: boolean }).fired
          ? this.l('sim.timer.fired', { side: who, timer: this.l(`sim.timer.${step.timer as SimTimer}`) })
          : this.l('sim.timer.notRunning', { side: who }),
      ]);
    } else if (st.delivered) {
      const to = st.delivered.from === 'client' ? 'server' : 'client';
      lines.push([this.l('sim.delivered', { segment: segmentLabel(st.delivered), to: this.l(`quiz.side.${to}`) })]);
    } else if (st.dropped) lines.push([this.l('sim.dropped', { segment: segmentLabel(st.dropped) })]);
    else lines.push([this.l('sim.nothingInFlight')]);
    for (const c of st.changes)
      lines.push([this.l('sim.change', { side: this.sideName(c.side), from: c.from, to: c.to })]);
    for (const s of st.sent)
      lines.push([
        this.l(s.retransmit ? 'sim.resent' : 'sim.sent', { side: this.sideName(s.from), segment: segmentLabel(s) }),
      ]);
    // A failed call's errno is explained above; the others are errors a segment raised (a RST).
    if (!('call' in step))
      for (const e of st.errors)
        lines.push([
          `${this.l('sim.asyncError', { side: this.sideName(e.side), errno: e.errno })} ${this.l(errnoKey(e.errno))}`,
          'error',
        ]);
    const both = (s: { client: string; server: string }, state: string) => s.client === state && s.server === state;
    if (both(st.after, 'ESTABLISHED') && !both(st.before, 'ESTABLISHED')) lines.push([this.l('sim.connected')]);
    else if (
      both(st.after, 'CLOSED') &&
      !both(st.before, 'CLOSED') &&
      this.run.trace.steps.some((e) => e.index <= st.index && e.changes.some((c) => c.to === 'ESTABLISHED'))
    )
      lines.push([this.l('sim.allClosed')]);
    return lines;
  }

  /** Announces `lines` in the status line (the log holds only what the steps did). */
  private say(lines: Line[]): void {
    const status = this.$('.sim-status');
    status.textContent = lines.map(([text]) => text).join(' ');
    status.toggleAttribute(
      'data-error',
      lines.some(([, tone]) => tone === 'error'),
    );
  }

  /** Adds what step `st` did to the log (undo removes it again). */
  private appendLog(st: TraceStep): void {
    const lines = this.linesFor(st);
    this.$('.sim-log').append(
      ...lines.map(([text, tone]) => {
        const li = document.createElement('li');
        li.textContent = text;
        if (tone) li.dataset.tone = tone;
        return li;
      }),
    );
    this.logLines.push(lines.length);
  }

  /**
   * Draws the run: both ends' states and phone words, the ladder and the segment table, each keeping what
   * has not changed (a move adds its step's shapes and rows); then scrolls the log and the ladder to their
   * ends, after every write, so the page lays out once; and checks the challenges.
   */
  private update(): void {
    const { steps } = this.run.trace;
    const last = steps.at(-1);
    for (const side of SIDES) {
      const end = this.$(`.sim-end[data-side="${side}"]`);
      const state = last?.after[side] ?? 'CLOSED';
      const listening = last?.listening[side] ?? false;
      end.querySelector('[data-state]')!.textContent = state;
      end.querySelector('[data-phone]')!.textContent = this.l(
        phoneKey(state, { listening, used: steps.some((st) => st.changes.some((c) => c.side === side)) }),
      );
      end.querySelector<HTMLElement>('[data-listener-row]')!.hidden = !listening || state === 'LISTEN';
    }
    const words: LadderWords = (word, vars) => this.l(`diagram.trace.${word}`, vars);
    const svg = this.querySelector<SVGSVGElement>('svg.sim-ladder')!;
    const ladder = layoutLadder(this.run.trace, words, this.from);
    drawLadder(svg, ladder, `${this.id}-head`);
    this.drawTable();
    const log = this.$('.sim-log');
    log.scrollTop = log.scrollHeight;
    // The last shape at the bottom of the box, the room below it (ladder.ts) out of sight; projector mode scales the drawing.
    const box = this.$('.sim-ladder-scroll');
    box.scrollTop = (ladder.end * svg.getBoundingClientRect().height) / ladder.height - box.clientHeight;
    this.checkChallenges();
  }

  private drawTable(): void {
    const status = new Map<number, UiKey>();
    for (const st of this.run.trace.steps) {
      for (const s of st.deliveredAll ?? (st.delivered ? [st.delivered] : [])) status.set(s.id, 'sim.status.delivered');
      if (st.dropped) status.set(st.dropped.id, 'sim.status.lost');
    }
    const rows = this.run.trace.steps.flatMap((st) =>
      st.sent.map((s) => [
        String(s.id),
        `${this.sideName(s.from)} → ${this.sideName(s.from === 'client' ? 'server' : 'client')}`,
        formatFlags(s),
        String(s.seq),
        s.flags.ack ? String(s.ack) : '—',
        String(s.len),
        this.l(status.get(s.id) ?? 'sim.status.inFlight'),
      ]),
    );
    syncChildren(
      this.$('.sim-segments tbody'),
      rows.map((texts) => texts.join('\t')),
      (i) => {
        const row = document.createElement('tr');
        for (const text of rows[i]!) row.append(Object.assign(document.createElement('td'), { textContent: text }));
        return row;
      },
    );
    this.$('.sim-empty').hidden = rows.length > 0;
  }

  /**
   * Saves (and on the simulator page marks) the challenges the run completes, and announces the new ones
   * after what the move did. Before the first move of a lesson's simulator there is nothing to check.
   */
  private checkChallenges(): void {
    if (this.run.moves.length === 0 && this.dataset.page === undefined) return;
    this.record ??= import('./record');
    // The run as it is when the check runs (the trace is live): a move made while record.ts loaded counts.
    void this.record.then(({ checkChallenges }) => {
      const fresh = checkChallenges(this, this.run.trace, (done) =>
        this.l(done ? 'sim.challenge.done' : 'sim.challenge.todo'),
      );
      const status = this.$('.sim-status');
      for (const id of fresh)
        status.textContent += ` ${this.l('sim.challenge.completed', { title: this.l(`sim.challenge.${id}`) })}`;
    });
  }
}

/**
 * Defines `<phone-sim>` with `labels`, the island's words in the page's language (src/simulator/loader.ts
 * fetches them with this module). The elements already on the page start at once; a second call does nothing.
 */
export function definePhoneSim(labels: Labels): void {
  pageLabels ??= labels;
  if (!customElements.get('phone-sim')) customElements.define('phone-sim', PhoneSim);
}
