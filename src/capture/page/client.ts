/**
 * <capture-replay>: the capture page's island. The reader opens or drops a file, pastes text or picks an
 * example; the engine (./engine.ts: a Web Worker, or the page's thread from disk) reads it, with progress;
 * the page lists the connections, and for the chosen one draws the ladder the engine laid out (the
 * simulator's live ladder, ./ladder.ts) inside a figure that steps with the lesson diagrams' own stepper
 * (./steps.ts), lists where
 * the capture departs from the model and every segment in a table. Nothing is uploaded. Every word comes
 * from its labels script. Browser only.
 */
import { fill, readLabels, type Labels } from '~/i18n/fill';
import type { UiKey } from '~/i18n/en';
import type { drawLadder as DrawLadder } from '~/simulator/draw';
import type { stepper as Stepper } from '~/diagrams/stepper/client/stepper';
import { MAX_BYTES } from '../types';
import { createEngine, type Engine } from './engine';
import type { Presented } from './present';
import type { CaptureInput, ConnectionView, Loaded } from './session';
import {
  clockText,
  departureShorts,
  departureTexts,
  elapsedText,
  endingText,
  errorText,
  warningText,
  type Say,
} from './messages';

const cell = (tag: 'td' | 'th', text: string) => {
  const c = document.createElement(tag);
  c.textContent = text;
  if (tag === 'th') c.scope = 'row';
  return c;
};

/**
 * The ladder drawer and the stepper, shared with the lessons' islands, which load them with import():
 * loaded the same way here, their chunks stay as the lessons had them (a chunk imported both ways gets a
 * namespace wrapper and a runtime helper, bytes every lesson page would pay).
 */
const drawing = () =>
  Promise.all([import('~/simulator/draw'), import('~/diagrams/stepper/client/stepper')]).then(
    ([d, s]): { drawLadder: typeof DrawLadder; stepper: typeof Stepper } => ({
      drawLadder: d.drawLadder,
      stepper: s.stepper,
    }),
  );

class CaptureReplay extends HTMLElement {
  private labels!: Labels;
  private engine: Engine | null = null;
  /** Bumped by every load, so an answer to an older one is ignored. */
  private generation = 0;

  private readonly say: Say = (key: UiKey, vars = {}) => fill(this.labels[key] ?? key, vars);

  connectedCallback(): void {
    if (this.labels) return;
    this.labels = readLabels(this);
    // Shown by capture.css where scripts run (before the first paint, so nothing moves now); a file chosen
    // before this code arrived is opened as if chosen now.
    const file = this.querySelector<HTMLInputElement>('input[type="file"]')!;
    const chosen = () => {
      const f = file.files?.[0];
      if (f) void this.openFile(f);
    };
    file.addEventListener('change', chosen);
    chosen();
    const drop = this.$('.capture-drop');
    drop.addEventListener('dragover', (event) => {
      event.preventDefault();
      drop.dataset.over = '';
    });
    drop.addEventListener('dragleave', () => delete drop.dataset.over);
    drop.addEventListener('drop', (event) => {
      event.preventDefault();
      delete drop.dataset.over;
      const f = event.dataTransfer?.files[0];
      if (f) void this.openFile(f);
    });
    this.$('[data-read]').addEventListener('click', () => {
      const text = this.querySelector('textarea')!.value;
      void this.read({ text }, this.say('capture.pasted'));
    });
    this.addEventListener('click', (event) => {
      const b = (event.target as Element).closest<HTMLButtonElement>('button[data-sample], button[data-conn]');
      if (!b) return;
      if (b.dataset.conn) void this.show(Number(b.dataset.conn));
      else {
        const bytes = Uint8Array.from(atob(b.dataset.sample!), (c) => c.charCodeAt(0));
        void this.read({ bytes }, b.dataset.name!);
      }
    });
  }

  private $(selector: string): HTMLElement {
    return this.querySelector<HTMLElement>(selector)!;
  }

  private status(text: string, error = false): void {
    const status = this.$('.capture-status');
    status.textContent = error ? '' : text;
    const alert = this.$('.capture-error');
    alert.textContent = error ? text : '';
    alert.hidden = !error;
  }

  private async openFile(file: File): Promise<void> {
    // Refused before reading: a file this large would only fill the tab's memory.
    if (file.size > MAX_BYTES) {
      this.generation++;
      this.clear();
      this.status(errorText({ code: 'too-large', bytes: file.size }, 'text', file.name, this.say), true);
      return;
    }
    let bytes: Uint8Array;
    try {
      bytes = new Uint8Array(await file.arrayBuffer());
    } catch {
      this.status(this.say('capture.error.read', { name: file.name }), true);
      return;
    }
    await this.read({ bytes }, file.name);
  }

  private clear(): void {
    this.$('.capture-list').hidden = true;
    this.$('.capture-conn').hidden = true;
    this.$('.capture-warnings').replaceChildren();
  }

  private async read(input: CaptureInput, name: string): Promise<void> {
    const generation = ++this.generation;
    this.clear();
    this.status(this.say('capture.reading', { name }));
    this.engine ??= createEngine();
    const loaded = await this.engine.load(input, (f) => {
      if (generation === this.generation)
        this.status(this.say('capture.progress', { name, percent: Math.floor(f * 100) }));
    });
    if (generation !== this.generation) return;
    if (!loaded.ok) {
      this.status(errorText(loaded.error, loaded.kind, name, this.say), true);
      return;
    }
    this.status(
      this.say('capture.loaded', {
        name,
        format: this.say(`capture.format.${loaded.format}`),
        total: loaded.total,
        tcp: loaded.tcp,
        count: loaded.connections.length,
      }),
    );
    this.$('.capture-warnings').replaceChildren(
      ...loaded.warnings.map((w) => {
        const li = document.createElement('li');
        li.textContent = warningText(w, this.say);
        return li;
      }),
    );
    this.renderList(loaded);
    await this.show(1);
  }

  private renderList(loaded: Extract<Loaded, { ok: true }>): void {
    const seen = new Map<string, number>();
    const rows = loaded.connections.map((c) => {
      const tr = document.createElement('tr');
      const th = document.createElement('th');
      th.scope = 'row';
      const b = document.createElement('button');
      b.type = 'button';
      b.className = 'quiz-button';
      b.dataset.conn = String(c.id);
      b.textContent = this.say('capture.choose', { id: c.id });
      th.append(b);
      const tuple = `${c.client.addr}|${c.client.port}|${c.server.addr}|${c.server.port}`;
      const before = seen.get(tuple);
      seen.set(tuple, c.id);
      const end = endingText(c.end, this.say) + (before ? this.say('capture.reused', { id: before }) : '');
      tr.append(
        th,
        cell('td', `${c.client.addr}:${c.client.port}`),
        cell('td', `${c.server.addr}:${c.server.port}`),
        cell('td', String(c.segments)),
        cell('td', clockText(c.first, loaded.timeKind)),
        cell('td', clockText(c.last, loaded.timeKind)),
        cell('td', end),
      );
      return tr;
    });
    this.$('.capture-list tbody').replaceChildren(...rows);
    this.$('.capture-list').hidden = false;
  }

  private async show(id: number): Promise<void> {
    const generation = this.generation;
    const [presented, draw] = await Promise.all([this.engine!.view(id, this.labels), drawing()]);
    if (!presented || generation !== this.generation) return;
    const { view } = presented;
    for (const b of this.querySelectorAll<HTMLButtonElement>('button[data-conn]'))
      b.setAttribute('aria-pressed', String(b.dataset.conn === String(id)));
    const title = this.say('capture.diagram', {
      id,
      client: `${view.client.addr}:${view.client.port}`,
      server: `${view.server.addr}:${view.server.port}`,
    });
    this.$('.capture-midway').hidden = view.replayed;
    this.renderFigure(presented, title, draw);
    this.renderDepartures(view);
    this.renderTable(view);
    this.$('.capture-conn').hidden = false;
  }

  private renderFigure(
    { ladder, stepper: data }: Presented,
    title: string,
    { drawLadder, stepper }: Awaited<ReturnType<typeof drawing>>,
  ): void {
    const template = this.querySelector<HTMLTemplateElement>('template.capture-figure')!;
    const figure = (template.content.firstElementChild as HTMLElement).cloneNode(true) as HTMLElement;
    figure.querySelector('figcaption')!.textContent = title;
    figure.querySelector('.diagram-scroll')!.setAttribute('aria-label', this.say('diagram.region', { title }));
    drawLadder(figure.querySelector('svg')!, ladder, 'capture-head');
    // Set as text, never parsed as markup, so the JSON needs no escaping here; as it is, since the stepper
    // takes StepperData too (there is no table twin here to leave anything to, and no page bytes to save).
    figure.querySelector('.stepper-data')!.textContent = JSON.stringify(data);
    this.$('.capture-figure-slot').replaceChildren(figure);
    stepper(figure);
  }

  private renderDepartures(view: ConnectionView): void {
    const marked = view.segments.filter((s) => s.departures.length > 0);
    const items = marked.map((s) => {
      const li = document.createElement('li');
      li.textContent = this.say('capture.departures.item', {
        n: s.n,
        segment: s.label,
        why: departureTexts(s.departures, this.say),
      });
      return li;
    });
    this.$('.capture-departures ul').replaceChildren(...items);
    this.$('.capture-departures-none').hidden = marked.length > 0 || !view.replayed;
  }

  private renderTable(view: ConnectionView): void {
    const side = (s: 'client' | 'server') => this.say(`diagram.trace.${s}`);
    this.$('.capture-segments caption').textContent = this.say('capture.segments', { id: view.id });
    const rows = view.segments.map((s) => {
      const tr = document.createElement('tr');
      tr.append(
        cell('th', String(s.n)),
        cell('td', elapsedText(s.ms, this.say)),
        cell('td', `${side(s.from)} → ${side(s.from === 'client' ? 'server' : 'client')}`),
        cell('td', s.label),
        cell('td', s.states?.client ?? '—'),
        cell('td', s.states?.server ?? '—'),
        cell(
          'td',
          s.departures.length
            ? departureShorts(s.departures, this.say)
            : view.replayed
              ? this.say('capture.model.same')
              : '—',
        ),
      );
      return tr;
    });
    this.$('.capture-segments tbody').replaceChildren(...rows);
  }
}

customElements.define('capture-replay', CaptureReplay);
