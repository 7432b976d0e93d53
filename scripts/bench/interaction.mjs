// How fast the page answers a reader's action on a slow phone: each step of a step-through diagram and
// each simulator move, timed in Chromium with the CPU slowed down 4× (CDP Emulation.setCPUThrottlingRate).
// A step's time runs from the click to the end of the style and layout it causes (read back at once, as
// the browser would before the next frame); the budget is one frame, 16 ms.
//   node scripts/bench/interaction.mjs [dist]     this section alone, against an existing build
import { chromium } from '@playwright/test';
import { CHROMIUM_ARGS, findChromium } from '../../src/diagrams/chromium.ts';
import { serve } from '../serve.mjs';

/** The slowdown: a mid-range phone against a desktop CPU, as Lighthouse's mobile profile assumes. */
export const CPU_SLOWDOWN = 4;

/** The lesson whose first scenario diagram is stepped, and the simulator play (share format) timed move by move. */
const LESSON = 'en/three-way-handshake/';
const PLAY =
  's.socket,s.bind,s.listen,c.socket,c.connect,d,d,d,s.accept,c.write,d,d,s.read,c.close,d,d,s.close,d,x,s.retransmit,d,d,c.time_wait';

/** Clicks `selectors` one after another in the page, timing each to the end of the layout it causes. */
function timeClicks(selectors) {
  return new Promise((done) => {
    const times = [];
    const next = (i) => {
      if (i === selectors.length) return done(times);
      const button = document.querySelector(selectors[i]);
      if (!button) throw new Error(`no ${selectors[i]}`);
      const start = performance.now();
      button.click();
      void document.documentElement.offsetHeight;
      times.push(performance.now() - start);
      requestAnimationFrame(() => setTimeout(() => next(i + 1)));
    };
    next(0);
  });
}

/** The selectors of the simulator buttons a play presses (`s.socket` → the server's socket(), `d` → deliver). */
function simSelectors(play) {
  const net = { d: 'deliver', h: 'hold', x: 'drop' };
  return play.split(',').map((token) => {
    if (net[token]) return `phone-sim button[data-net="${net[token]}"]`;
    const [s, name] = token.split('.');
    const side = s === 'c' ? 'client' : 'server';
    const kind = ['retransmit', 'time_wait', 'delayed_ack'].includes(name) ? 'timer' : 'call';
    return `phone-sim button[data-side="${side}"][data-${kind}="${name}"]`;
  });
}

function stats(times) {
  const sorted = [...times].sort((a, b) => a - b);
  const at = (q) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
  return { count: times.length, medianMs: at(0.5), p90Ms: at(0.9), maxMs: sorted.at(-1) };
}

/**
 * Per-action times under a 4× CPU slowdown: `stepper` (Next through the lesson's first diagram, then Back
 * to the start) and `simulator` (the moves of PLAY, then undoing them all, on the simulator page).
 */
export async function interactionTimings(dist, { port = 4432 } = {}) {
  const server = await serve({ dir: dist, port });
  const browser = await chromium.launch({ executablePath: findChromium(), args: CHROMIUM_ARGS });
  const origin = `http://127.0.0.1:${port}/`;
  try {
    const page = await browser.newPage();
    const cdp = await page.context().newCDPSession(page);

    await page.goto(`${origin}${LESSON}`);
    const figure = page.locator('figure[data-stepper]').first();
    await figure.scrollIntoViewIfNeeded();
    await figure.locator('.stepper:not([hidden])').waitFor();
    const steps = await figure.evaluate((el) => JSON.parse(el.querySelector('.stepper-data').textContent).k.length);
    const nextSel = 'figure[data-stepper] [data-act="next"]';
    const backSel = 'figure[data-stepper] [data-act="back"]';
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: CPU_SLOWDOWN });
    const stepper = await page.evaluate(timeClicks, [...Array(steps).fill(nextSel), ...Array(steps).fill(backSel)]);
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: 1 });

    await page.goto(`${origin}en/simulator/`);
    // The simulator page loads the island at once (src/simulator/loader.ts): time the moves, not that load.
    await page.waitForFunction(() => customElements.get('phone-sim') !== undefined);
    const moves = simSelectors(PLAY);
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: CPU_SLOWDOWN });
    const simulator = await page.evaluate(timeClicks, [
      ...moves,
      ...Array(moves.length).fill('phone-sim button[data-run="undo"]'),
    ]);
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: 1 });
    const ended = await page.locator('phone-sim .sim-end[data-side="client"] [data-state]').textContent();
    if (ended !== 'CLOSED') throw new Error(`the simulator play did not undo back to CLOSED (client ${ended})`);
    return { slowdown: CPU_SLOWDOWN, stepper: stats(stepper), simulator: stats(simulator) };
  } finally {
    await browser.close();
    server.close();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const result = await interactionTimings(process.argv[2] ?? 'dist');
  console.log(JSON.stringify(result, null, 2));
}
