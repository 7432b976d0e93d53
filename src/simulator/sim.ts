/**
 * <phone-sim>: the phone-call simulator. The TCP model runs both ends and the network; the reader
 * makes the calls, moves segments and fires timers. Every label comes from data-labels. Browser only.
 */
import { fill, readLabels, type Labels } from '~/i18n/fill';
import type { UiKey } from '~/i18n';
import {
  createWorld,
  formatFlags,
  segmentLabel,
  type CallArgs,
  type CallName,
  type SentSegment,
  type Side,
  type TimerKind,
  type World,
} from '~/tcp/browser';
import { randomIsn } from '~/quiz/random';
import { errnoKey, explainKey } from './explain';

type Status = 'inFlight' | 'delivered' | 'lost';
/** The timers PhoneSimulator.astro has buttons for. */
type SimTimer = Extract<TimerKind, 'retransmit' | 'time_wait'>;

/** Arguments the buttons pass: the server binds the well-known port the client dials. */
const ARGS: Partial<Record<CallName, CallArgs>> = {
  connect: { port: 80 },
  write: { data: 'hello' },
  read: { max: 100 },
  shutdown: { how: 'SHUT_WR' },
};

class PhoneSim extends HTMLElement {
  private labels!: Labels;
  private world!: World;
  private rows = new Map<number, { segment: SentSegment; status: Status; row: HTMLTableRowElement }>();
  private connected = false;
  private ready = false;

  connectedCallback(): void {
    if (this.ready) return;
    this.ready = true;
    this.labels = readLabels(this);
    this.querySelector<HTMLElement>('.sim-nojs')!.hidden = true;
    this.querySelector<HTMLElement>('.sim-body')!.hidden = false;
    this.addEventListener('click', (event) => {
      const b = (event.target as Element).closest<HTMLButtonElement>('button');
      if (!b) return;
      const side = b.dataset.side as Side | undefined;
      if (b.dataset.call && side) this.call(side, b.dataset.call as CallName);
      else if (b.dataset.timer && side) this.timer(side, b.dataset.timer as SimTimer);
      else if (b.dataset.net === 'deliver' || b.dataset.net === 'drop') this.network(b.dataset.net);
      else if (b.dataset.net === 'reset') this.start();
    });
    this.querySelectorAll<HTMLInputElement>('.sim-role input').forEach((input) =>
      input.addEventListener('change', () => {
        this.dataset.you = input.value;
        this.renderRoles();
      }),
    );
    this.start();
  }

  private l(key: UiKey, vars: Record<string, string | number> = {}): string {
    return fill(this.labels[key] ?? key, vars);
  }

  private sideName(side: Side): string {
    return this.l(`sim.${side}`);
  }

  private start(): void {
    this.world = createWorld({ isn: { client: randomIsn(Math.random), server: randomIsn(Math.random) } });
    this.rows.clear();
    this.connected = false;
    this.querySelector('.sim-segments tbody')!.replaceChildren();
    this.querySelector('.sim-log')!.replaceChildren();
    this.querySelector('.sim-status')!.textContent = '';
    this.renderRoles();
    this.render();
  }

  private renderRoles(): void {
    for (const side of ['client', 'server'] as const) {
      this.querySelector(`.sim-end[data-side="${side}"] [data-role]`)!.textContent = this.l(
        this.dataset.you === side ? 'sim.you' : 'sim.otherEnd',
      );
    }
  }

  private call(side: Side, op: CallName): void {
    const args = side === 'server' && op === 'bind' ? { port: 80 } : ARGS[op];
    const result = this.world.call(side, op, args);
    const lines: [string, 'error'?][] = [];
    const who = this.sideName(side);
    if (result.ok) {
      if (op === 'read')
        lines.push([
          result.value
            ? this.l('sim.read.data', { side: who, n: result.value, data: result.data ?? '' })
            : this.l('sim.read.eof', { side: who }),
        ]);
      else if (op === 'write') lines.push([this.l('sim.write.ok', { side: who, n: result.value ?? 0 })]);
      else lines.push([this.l('sim.call.ok', { side: who, call: op })]);
    } else {
      lines.push([
        `${this.l('sim.call.fail', { side: who, call: op })} ${this.l(explainKey(op, result.errno, result.reason), { errno: result.errno })}`,
        'error',
      ]);
    }
    this.settle(lines, false);
  }

  private network(action: 'deliver' | 'drop'): void {
    const segment = action === 'deliver' ? this.world.deliver('next') : this.world.drop('next');
    if (!segment) {
      this.settle([[this.l('sim.nothingInFlight')]]);
      return;
    }
    const row = this.rows.get(segment.id);
    if (row) row.status = action === 'deliver' ? 'delivered' : 'lost';
    const to = segment.from === 'client' ? 'server' : 'client';
    const text =
      action === 'deliver'
        ? this.l('sim.delivered', { segment: segmentLabel(segment), to: this.l(`quiz.side.${to}`) })
        : this.l('sim.dropped', { segment: segmentLabel(segment) });
    this.settle([[text]]);
  }

  private timer(side: Side, kind: SimTimer): void {
    const who = this.sideName(side);
    if (!this.world.fireTimer(side, kind)) {
      this.settle([[this.l('sim.timer.notRunning', { side: who })]]);
      return;
    }
    this.settle([[this.l('sim.timer.fired', { side: who, timer: this.l(`sim.timer.${kind}`) })]]);
  }

  /** Reads what the model did (segments, state changes, errors), logs it and redraws. */
  private settle(lines: [string, 'error'?][], asyncErrors = true): void {
    const log = this.world.takeLog();
    for (const change of log.changes)
      lines.push([this.l('sim.change', { side: this.sideName(change.side), from: change.from, to: change.to })]);
    for (const s of log.sent) {
      this.addRow(s);
      lines.push([
        this.l(s.retransmit ? 'sim.resent' : 'sim.sent', { side: this.sideName(s.from), segment: segmentLabel(s) }),
      ]);
    }
    if (asyncErrors) {
      for (const e of log.errors)
        lines.push([
          `${this.l('sim.asyncError', { side: this.sideName(e.side), errno: e.errno })} ${this.l(errnoKey(e.errno))}`,
          'error',
        ]);
    }
    const c = this.world.state('client');
    const s = this.world.state('server');
    if (c === 'ESTABLISHED' && s === 'ESTABLISHED' && !this.connected) {
      this.connected = true;
      lines.push([this.l('sim.connected')]);
    } else if (this.connected && c === 'CLOSED' && s === 'CLOSED') {
      this.connected = false;
      lines.push([this.l('sim.allClosed')]);
    }
    const list = this.querySelector('.sim-log')!;
    for (const [text, tone] of lines) {
      const li = document.createElement('li');
      li.textContent = text;
      if (tone) li.dataset.tone = tone;
      list.append(li);
    }
    list.scrollTop = list.scrollHeight;
    this.querySelector('.sim-status')!.textContent = lines.map(([text]) => text).join(' ');
    this.render();
  }

  private addRow(s: SentSegment): void {
    const row = document.createElement('tr');
    const to = s.from === 'client' ? 'server' : 'client';
    const cells = [
      String(s.id),
      `${this.sideName(s.from)} → ${this.sideName(to)}`,
      formatFlags(s),
      String(s.seq),
      s.flags.ack ? String(s.ack) : '—',
      String(s.len),
      '',
    ];
    for (const text of cells) {
      const td = document.createElement('td');
      td.textContent = text;
      row.append(td);
    }
    this.querySelector('.sim-segments tbody')!.append(row);
    this.rows.set(s.id, { segment: s, status: 'inFlight', row });
  }

  private render(): void {
    const snapshot = this.world.snapshot();
    for (const side of ['client', 'server'] as const) {
      const end = this.querySelector(`.sim-end[data-side="${side}"]`)!;
      end.querySelector('[data-state]')!.textContent = snapshot[side].state;
      const listening = snapshot[side].listener !== null && snapshot[side].state !== 'LISTEN';
      end.querySelector<HTMLElement>('[data-listener-row]')!.hidden = !listening;
    }
    for (const { status, row } of this.rows.values())
      row.lastElementChild!.textContent = this.l(`sim.status.${status}`);
    this.querySelector<HTMLElement>('.sim-empty')!.hidden = this.rows.size > 0;
  }
}

customElements.define('phone-sim', PhoneSim);
