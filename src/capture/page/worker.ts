/**
 * The capture page's Web Worker: reads the reader's capture and replays connections off the page's thread,
 * posting progress as it reads. Holds one `CaptureSession`. Messages (./engine.ts sends them):
 *   → `{ "id": 1, "load": { "bytes": Uint8Array } }` or `{ "id": 2, "view": 3 }`
 *   ← `{ "id": 1, "progress": 0.42 }`, then `{ "id": 1, "done": <Loaded> }`; `{ "id": 2, "done": <ConnectionView | null> }`
 * Browser (worker) only.
 */
import { CaptureSession, loadAll } from './session';
import type { EngineRequest, EngineReply } from './engine';

const session = new CaptureSession();
const post = (reply: EngineReply) => postMessage(reply);

addEventListener('message', (event: MessageEvent<EngineRequest>) => {
  const { id } = event.data;
  if ('view' in event.data) {
    post({ id, done: session.view(event.data.view) });
    return;
  }
  let shown = -1;
  const done = loadAll(session, event.data.load, (f) => {
    // A message per whole percent is plenty for a progress line.
    const percent = Math.floor(f * 100);
    if (percent > shown) post({ id, progress: f });
    shown = percent;
  });
  post({ id, done });
});
