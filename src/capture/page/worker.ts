/**
 * What reads the reader's capture, off the page's thread: the capture page runs this bundle as a Web
 * Worker, or, where no worker can start, as a plain script on the page (./engine.ts). Holds one
 * `CaptureSession`. In a worker it answers messages (./engine.ts sends them):
 *   → `{ "id": 1, "load": { "bytes": Uint8Array } }` or `{ "id": 2, "view": 3, "labels": {…} }`
 *   ← `{ "id": 1, "progress": 0.42 }` now and then, then `{ "id": 1, "done": <Loaded> }`;
 *     `{ "id": 2, "done": <Presented | null> }`
 * On a page it only sets `globalThis.helloTcpCapture` to the same session and `present`, for the engine.
 * Browser only.
 */
import { CaptureSession, loadAll } from './session';
import { present } from './present';
import type { EngineRequest, EngineReply, ReaderApi } from './engine';

const api: ReaderApi = { session: new CaptureSession(), present };

if (typeof window === 'object') (globalThis as { helloTcpCapture?: ReaderApi }).helloTcpCapture = api;
else {
  const post = (reply: EngineReply) => postMessage(reply);
  addEventListener('message', (event: MessageEvent<EngineRequest>) => {
    const request = event.data;
    const { id } = request;
    if ('view' in request) {
      const view = api.session.view(request.view);
      post({ id, done: view && present(view, request.labels) });
      return;
    }
    let shown = -1;
    const done = loadAll(api.session, request.load, (f) => {
      // A message per whole percent is plenty for a progress line.
      const percent = Math.floor(f * 100);
      if (percent > shown) post({ id, progress: f });
      shown = percent;
    });
    post({ id, done });
  });
}
