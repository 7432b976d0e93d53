/**
 * Where the capture page's reading and replaying run: the reader bundle (./worker.ts) in a Web Worker, so a
 * large file never freezes the tab; or, when no worker can start (a page opened from disk, file://, where
 * browsers refuse a worker script), the same bundle as a plain script on the page, read a slice at a time
 * between frames. Either way the page gets the same answers from the same `CaptureSession`, and its own
 * script never holds the parsers or the model. Browser only.
 */
import workerUrl from './worker.ts?worker&url';
import type { Labels } from '~/i18n/fill';
import type { CaptureInput, CaptureSession, Loaded } from './session';
import type { Presented, present } from './present';

/** A message to the worker: read an input, or present connection `view` with the page's `labels`. */
export type EngineRequest = { id: number; load: CaptureInput } | { id: number; view: number; labels: Labels };
/** A message from the worker: progress while reading, then the answer. */
export type EngineReply = { id: number; progress: number } | { id: number; done: Loaded | Presented | null };
/** What the reader bundle offers when it runs on the page instead of in a worker. */
export interface ReaderApi {
  session: CaptureSession;
  present: typeof present;
}

/** Reads and presents a capture, wherever that runs. */
export interface Engine {
  load(input: CaptureInput, progress: (fraction: number) => void): Promise<Loaded>;
  view(id: number, labels: Labels): Promise<Presented | null>;
}

/** How long one slice of reading on the page's thread may take before it lets the page paint. */
const SLICE_MS = 12;

/** The reader bundle run as a plain script on this page (it sets `helloTcpCapture`). */
function scriptReader(): Promise<ReaderApi> {
  return new Promise((resolve, reject) => {
    const script = document.createElement('script');
    // In development the bundle is a module; built, it is a plain script, which a page from disk may load.
    if (import.meta.env.DEV) script.type = 'module';
    script.src = workerUrl;
    script.onload = () => resolve((globalThis as { helloTcpCapture?: ReaderApi }).helloTcpCapture!);
    script.onerror = () => reject(new Error(`the capture reader (${workerUrl}) did not load`));
    document.head.append(script);
  });
}

/** The page's own thread: reading paused every `SLICE_MS` so the page stays responsive. */
export function localEngine(reader: () => Promise<ReaderApi> = scriptReader): Engine {
  let api: Promise<ReaderApi> | null = null;
  const ready = () => (api ??= reader());
  return {
    async load(input, progress) {
      const steps = (await ready()).session.load(input);
      let until = performance.now() + SLICE_MS;
      for (;;) {
        const r = steps.next();
        if (r.done) return r.value;
        if (performance.now() > until) {
          progress(r.value);
          await new Promise((resume) => setTimeout(resume, 0));
          until = performance.now() + SLICE_MS;
        }
      }
    },
    async view(id, labels) {
      const { session, present } = await ready();
      const view = session.view(id);
      return view && present(view, labels);
    },
  };
}

/**
 * The engine for this page: the worker when one starts, else the page's thread. A worker that fails to
 * load (its `error` event) hands every pending and later request to the page's thread.
 */
export function createEngine(): Engine {
  let local: Engine | null = null;
  const fallback = () => (local ??= localEngine());
  let worker: Worker | null = null;
  try {
    worker = new Worker(workerUrl, { type: import.meta.env.DEV ? 'module' : 'classic' });
  } catch {
    return fallback();
  }
  let next = 0;
  const pending = new Map<
    number,
    { request: EngineRequest; progress?: (f: number) => void; settle: (answer: Promise<unknown>) => void }
  >();
  const rerun = (request: EngineRequest, progress?: (f: number) => void): Promise<unknown> =>
    'view' in request
      ? fallback().view(request.view, request.labels)
      : fallback().load(request.load, progress ?? (() => {}));
  worker.addEventListener('error', (event) => {
    event.preventDefault();
    worker?.terminate();
    worker = null;
    for (const p of pending.values()) p.settle(rerun(p.request, p.progress));
    pending.clear();
  });
  worker.addEventListener('message', (event: MessageEvent<EngineReply>) => {
    const reply = event.data;
    const p = pending.get(reply.id);
    if (!p) return;
    if ('progress' in reply) p.progress?.(reply.progress);
    else {
      pending.delete(reply.id);
      p.settle(Promise.resolve(reply.done));
    }
  });
  const ask = <T>(request: EngineRequest, progress?: (f: number) => void): Promise<T> => {
    if (!worker) return rerun(request, progress) as Promise<T>;
    return new Promise<T>((resolve, reject) => {
      pending.set(request.id, {
        request,
        ...(progress ? { progress } : {}),
        settle: (answer) => answer.then((v) => resolve(v as T), reject),
      });
      worker!.postMessage(request);
    });
  };
  return {
    load: (input, progress) => ask<Loaded>({ id: ++next, load: input }, progress),
    view: (id, labels) => ask<Presented | null>({ id: ++next, view: id, labels }),
  };
}
