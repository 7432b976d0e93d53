/**
 * Where the capture page's reading and replaying run: in a module Web Worker (./worker.ts), so a large
 * file never freezes the tab, or, when no worker can start (a page opened from disk, file://, where the
 * browser refuses a worker script), on the page's own thread, a slice at a time between frames. Either way
 * the page gets the same answers from the same `CaptureSession` (./session.ts), which is only loaded onto the
 * page's thread in that second case. Browser only.
 */
import type { CaptureInput, ConnectionView, Loaded } from './session';

/** A message to the worker: read an input, or replay connection `view`. */
export type EngineRequest = { id: number; load: CaptureInput } | { id: number; view: number };
/** A message from the worker: progress while reading, then the answer. */
export type EngineReply = { id: number; progress: number } | { id: number; done: Loaded | ConnectionView | null };

/** Reads and replays a capture, wherever that runs. */
export interface Engine {
  load(input: CaptureInput, progress: (fraction: number) => void): Promise<Loaded>;
  view(id: number): Promise<ConnectionView | null>;
}

/** How long one slice of reading on the page's thread may take before it lets the page paint. */
const SLICE_MS = 12;

/** The page's own thread: the session loaded on demand, reading paused every `SLICE_MS`. */
function localEngine(): Engine {
  const session = import('./session').then((m) => new m.CaptureSession());
  return {
    async load(input, progress) {
      const steps = (await session).load(input);
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
    async view(id) {
      return (await session).view(id);
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
    worker = new Worker(new URL('./worker.ts', import.meta.url), { type: 'module' });
  } catch {
    return fallback();
  }
  let next = 0;
  const pending = new Map<
    number,
    { request: EngineRequest; progress?: (f: number) => void; settle: (answer: Promise<unknown>) => void }
  >();
  const rerun = (request: EngineRequest, progress?: (f: number) => void): Promise<unknown> =>
    'view' in request ? fallback().view(request.view) : fallback().load(request.load, progress ?? (() => {}));
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
    view: (id) => ask<ConnectionView | null>({ id: ++next, view: id }),
  };
}
