/**
 * <phone-sim>: the phone-call simulator. The reader's moves are kept as a list (./run.ts); after every
 * move the TCP model runs the list again into a trace, and everything shown is drawn from it: both
 * ends' states and phone words, the ladder diagram, the segment table and the log; and the challenges it
 * completes are saved (./record.ts), in a lesson as on the simulator page. Code a reader may never need
 * loads on demand: the challenges with the first move (at once on the simulator page, whose list shows
 * them), a shared run's reader on the simulator page only (./share.ts). Undo drops the last move. Every
 * label comes from data-labels. Browser only.
 */
import { fill, readLabels, type Labels } from '~/i18n/fill';
import type { UiKey } from '~/i18n';
import { formatFlags, segmentLabel, type CallResult, type Side, type Trace, type TraceStep } from '~/tcp/browser';
import { randomIsn } from '~/quiz/random';
import { projector } from '~/projector/projector';
import { errnoKey, explainKey } from './explain';
import { finalSnapshot, runMoves, type Isns, type Move, type NetMove, type SimCall, type SimTimer } from './run';
import { layoutLadder, type LadderWords } from './ladder';
import { drawLadder } from './draw';
import { phoneKey } from './phone';
import type * as RecordModule from './record';
import type * as ShareModule from './share';

type Line = [string, 'error'?];
const SIDES = ['client', 'server'] as const;

class PhoneSim extends HTMLElement {
  private labels!: Labels;
  private isn!: Isns;
  private moves: Move[] = [];
  /** The first move the ladder draws ("restart from here" folds the ones before). */
  private from = 0;
  private trace!: Trace;
  private ready = false;
  /** Reading a shared run, on the simulator page only. */
  private shared?: typeof ShareModule;
  /** Checking and saving challenges: loaded with the first move, or at once on the simulator page. */
  private record?: Promise<typeof RecordModule>;

  connectedCallback(): void {
    if (this.ready) return;
    this.ready = true;
    this.labels = readLabels(this);
    this.$('.sim-nojs').hidden = true;
    this.$('.sim-body').hidden = false;
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
    this.addEventListener('projector', () => requestAnimationFrame(() => this.drawLadder()));
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
    void import('./share').then((shared) => {
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
    const decoded = this.shared!.decodeRun(location.hash);
    if (decoded?.ok) {
      this.start(decoded.isn, decoded.moves);
      this.say([[this.l('sim.share.loaded', { n: decoded.moves.length })]]);
    } else {
      this.start(this.freshIsns(), []);
      if (decoded) this.say([[this.l('sim.share.bad', { why: this.l(`sim.share.bad.${decoded.reason}`) }), 'error']]);
    }
  }

  private start(isn: Isns, moves: Move[]): void {
    this.isn = isn;
    this.moves = moves;
    this.from = 0;
    this.$('.sim-share').hidden = true;
    this.renderRoles();
    this.update();
    this.say([]);
  }

  private act(move: Move): void {
    this.moves.push(move);
    this.update();
    const step = this.trace.steps.at(-1)!;
    this.say(this.linesFor(step, this.trace.steps.slice(0, -1)));
  }

  private undo(): void {
    if (this.moves.length === 0) {
      this.say([[this.l('sim.nothingToUndo')]]);
      return;
    }
    this.moves.pop();
    this.from = Math.min(this.from, this.moves.length);
    this.update();
    this.say([[this.l('sim.undone')]]);
  }

  private restartHere(): void {
    this.from = this.moves.length;
    this.update();
    this.say([[this.l('sim.restarted')]]);
  }

  private async share(): Promise<void> {
    const { encodeRun } = await import('./share');
    const url = new URL(this.dataset.share ?? '', location.href);
    url.hash = encodeRun(this.isn, this.moves);
    const box = this.$('.sim-share');
    const input = box.querySelector('input')!;
    input.value = url.href;
    box.hidden = false;
    input.select();
    void navigator.clipboard?.writeText(url.href).catch(() => {
      // Without clipboard access the link stays selected in the box for the reader to copy.
    });
    this.say([[this.l('sim.share.copied', { n: this.moves.length })]]);
  }

  private renderRoles(): void {
    for (const side of SIDES) {
      this.$(`.sim-end[data-side="${side}"] [data-role]`).textContent = this.l(
        this.dataset.you === side ? 'sim.you' : 'sim.otherEnd',
      );
    }
  }

  /** What one step did, in sentences; `earlier` are the steps before it. */
  private linesFor(st: TraceStep, earlier: TraceStep[]): Line[] {
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
      [...earlier, st].some((e) => e.changes.some((c) => c.to === 'ESTABLISHED'))
    )
      lines.push([this.l('sim.allClosed')]);
    return lines;
  }

  /** Announces `lines` in the status line (the log holds only what the steps did, and is redrawn). */
  private say(lines: Line[]): void {
    const status = this.$('.sim-status');
    status.textContent = lines.map(([text]) => text).join(' ');
    status.toggleAttribute(
      'data-error',
      lines.some(([, tone]) => tone === 'error'),
    );
  }

  /** Runs the moves and redraws everything; returns the lines announcing newly completed challenges. */
  private update(): void {
    this.trace = runMoves(this.isn, this.moves);
    const snapshot = finalSnapshot(this.isn, this.moves);
    for (const side of SIDES) {
      const end = this.$(`.sim-end[data-side="${side}"]`);
      const { state, listener } = snapshot[side];
      end.querySelector('[data-state]')!.textContent = state;
      end.querySelector('[data-phone]')!.textContent = this.l(
        phoneKey(state, {
          listening: listener !== null,
          used: this.trace.steps.some((st) => st.changes.some((c) => c.side === side)),
        }),
      );
      end.querySelector<HTMLElement>('[data-listener-row]')!.hidden = listener === null || state === 'LISTEN';
    }
    const log = this.$('.sim-log');
    log.replaceChildren(
      ...this.trace.steps.flatMap((st, i) =>
        this.linesFor(st, this.trace.steps.slice(0, i)).map(([text, tone]) => {
          const li = document.createElement('li');
          li.textContent = text;
          if (tone) li.dataset.tone = tone;
          return li;
        }),
      ),
    );
    log.scrollTop = log.scrollHeight;
    this.drawLadder();
    this.drawTable();
    this.checkChallenges();
  }

  private drawLadder(): void {
    const words: LadderWords = (word, vars) => this.l(`diagram.trace.${word}`, vars);
    const svg = this.querySelector<SVGSVGElement>('svg.sim-ladder')!;
    drawLadder(svg, layoutLadder(this.trace, words, this.from), `${this.id}-head`);
    const scroll = this.$('.sim-ladder-scroll');
    scroll.scrollTop = scroll.scrollHeight;
  }

  private drawTable(): void {
    const status = new Map<number, UiKey>();
    for (const st of this.trace.steps) {
      for (const s of st.deliveredAll ?? (st.delivered ? [st.delivered] : [])) status.set(s.id, 'sim.status.delivered');
      if (st.dropped) status.set(st.dropped.id, 'sim.status.lost');
    }
    const rows = this.trace.steps.flatMap((st) =>
      st.sent.map((s) => {
        const row = document.createElement('tr');
        const to = s.from === 'client' ? 'server' : 'client';
        for (const text of [
          String(s.id),
          `${this.sideName(s.from)} → ${this.sideName(to)}`,
          formatFlags(s),
          String(s.seq),
          s.flags.ack ? String(s.ack) : '—',
          String(s.len),
          this.l(status.get(s.id) ?? 'sim.status.inFlight'),
        ]) {
          const td = document.createElement('td');
          td.textContent = text;
          row.append(td);
        }
        return row;
      }),
    );
    this.$('.sim-segments tbody').replaceChildren(...rows);
    this.$('.sim-empty').hidden = rows.length > 0;
  }

  /**
   * Saves (and on the simulator page marks) the challenges the run completes, and announces the new ones
   * after what the move did. Before the first move of a lesson's simulator there is nothing to check.
   */
  private checkChallenges(): void {
    if (this.moves.length === 0 && this.dataset.page === undefined) return;
    this.record ??= import('./record');
    const trace = this.trace;
    void this.record.then(({ checkChallenges }) => {
      if (trace !== this.trace) return; // A later move checks its own run.
      const fresh = checkChallenges(this, trace, (done) => this.l(done ? 'sim.challenge.done' : 'sim.challenge.todo'));
      const status = this.$('.sim-status');
      for (const id of fresh)
        status.textContent += ` ${this.l('sim.challenge.completed', { title: this.l(`sim.challenge.${id}`) })}`;
    });
  }
}

customElements.define('phone-sim', PhoneSim);
