// The capture page's figures: the time to read a 10,000-packet capture, split it into connections and replay
// them through the model, and the JavaScript the page loads (gzip), its worker included, against the budgets.
// Run alone (no site build for the timings; the page's size needs dist/): `npx node scripts/bench/capture.mjs`
// prints both and exits 1 over budget.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { chromium } from '@playwright/test';
import { CHROMIUM_ARGS, findChromium } from '../../src/diagrams/chromium.ts';
import { serve } from '../serve.mjs';
import { fileSizes, kb } from './util.mjs';

/** The capture budgets: read + split + replay of 10,000 packets, and the page's JavaScript (gzip). */
export const CAPTURE_BUDGET = { ms: 300, jsGzip: 25 * 1024 };

/**
 * A pcap (Ethernet, IPv4, microsecond times) of `connections` TCP connections on loopback, one after the
 * other, each `segments` packets long: the handshake, then the client's data (100 bytes) and the server's
 * ACK in turn, then FIN, ACK; FIN, ACK; ACK. Deterministic. Pure.
 */
export function syntheticPcap({ connections, segments }) {
  const frames = [];
  for (let c = 0; c < connections; c++) {
    const cport = 20000 + (c % 40000);
    const base = { c: 1000 + c * 7, s: 500000 + c * 11 };
    let cseq = base.c;
    let sseq = base.s;
    const seg = (fromClient, flags, seq, ack, len) =>
      frames.push({ fromClient, cport, flags, seq, ack, len, t: frames.length * 50 });
    seg(true, 0x02, cseq++, 0, 0); // SYN
    seg(false, 0x12, sseq++, cseq, 0); // SYN, ACK
    seg(true, 0x10, cseq, sseq, 0); // ACK
    const middle = Math.max(0, segments - 6);
    for (let i = 0; i < middle; i++) {
      if (i % 2 === 0) {
        seg(true, 0x18, cseq, sseq, 100); // PSH, ACK with data
        cseq += 100;
      } else seg(false, 0x10, sseq, cseq, 0);
    }
    seg(true, 0x11, cseq++, sseq, 0); // FIN, ACK
    seg(false, 0x11, sseq++, cseq, 0); // FIN, ACK
    seg(true, 0x10, cseq, sseq, 0); // ACK
  }
  const size = 24 + frames.reduce((n, f) => n + 16 + 54 + f.len, 0);
  const out = new Uint8Array(size);
  const dv = new DataView(out.buffer);
  dv.setUint32(0, 0xa1b2c3d4, true);
  dv.setUint16(4, 2, true);
  dv.setUint16(6, 4, true);
  dv.setUint32(16, 262144, true);
  dv.setUint32(20, 1, true); // Ethernet
  let off = 24;
  for (const f of frames) {
    const len = 54 + f.len;
    dv.setUint32(off, 1_700_000_000 + Math.floor(f.t / 1e6), true);
    dv.setUint32(off + 4, f.t % 1e6, true);
    dv.setUint32(off + 8, len, true);
    dv.setUint32(off + 12, len, true);
    const p = off + 16;
    dv.setUint16(p + 12, 0x0800); // IPv4
    const ip = p + 14;
    out[ip] = 0x45;
    dv.setUint16(ip + 2, 40 + f.len);
    out[ip + 8] = 64;
    out[ip + 9] = 6; // TCP
    dv.setUint32(ip + 12, 0x7f000001);
    dv.setUint32(ip + 16, 0x7f000001);
    const tcp = ip + 20;
    dv.setUint16(tcp, f.fromClient ? f.cport : 5000);
    dv.setUint16(tcp + 2, f.fromClient ? 5000 : f.cport);
    dv.setUint32(tcp + 4, f.seq >>> 0);
    dv.setUint32(tcp + 8, f.ack >>> 0);
    out[tcp + 12] = 5 << 4;
    out[tcp + 13] = f.flags;
    dv.setUint16(tcp + 14, 65535);
    off += 16 + len;
  }
  return out;
}

/** The capture session (src/capture/page/session.ts) bundled for Node into .tmp/bench/, as the worker runs it. */
async function loadSession(root) {
  const { build } = await import('esbuild');
  const dir = join(root, '.tmp/bench');
  mkdirSync(dir, { recursive: true });
  const file = join(dir, `capture-${Date.now()}.mjs`);
  await build({
    entryPoints: [join(root, 'src/capture/page/session.ts')],
    bundle: true,
    format: 'esm',
    platform: 'node',
    outfile: file,
    logLevel: 'silent',
  });
  return import(pathToFileURL(file).href);
}

/** CPU time of this thread in ms (Node ≥ 23.9), else null. */
const threadCpu = () => {
  if (!process.threadCpuUsage) return null;
  const u = process.threadCpuUsage();
  return (u.user + u.system) / 1000;
};
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

/**
 * What the worker does with a 10,000-packet capture, timed (median of `runs`, after a warm-up): read it,
 * split it into connections (the list the page shows), and replay every connection through the model. Two
 * shapes: 1,000 short connections, and one long one. Each is timed on the wall clock (`ms`) and as the CPU
 * time of the thread doing it (`cpuMs`): the budget holds `cpuMs`, since on a machine shared with other
 * work the wall clock mostly measures the wait for a core (the worker has one thread, so on an idle
 * machine the two agree). Returns `{ cases: { name: { packets, connections, replayed, ms, cpuMs } } }`.
 */
export async function captureTimings(root, { runs = 5 } = {}) {
  const m = await loadSession(root);
  const cases = {
    '1,000 connections × 10 packets': syntheticPcap({ connections: 1000, segments: 10 }),
    '1 connection × 10,000 packets': syntheticPcap({ connections: 1, segments: 10_000 }),
  };
  const out = {};
  for (const [name, bytes] of Object.entries(cases)) {
    const once = () => {
      const session = new m.CaptureSession();
      const loaded = m.loadAll(session, { bytes });
      if (!loaded.ok) throw new Error(`${name}: ${JSON.stringify(loaded.error)}`);
      let replayed = 0;
      for (const c of loaded.connections) replayed += session.view(c.id).segments.length;
      return { packets: loaded.total, connections: loaded.connections.length, replayed };
    };
    once();
    const wall = [];
    const cpu = [];
    let shape;
    for (let i = 0; i < runs; i++) {
      const start = performance.now();
      const startCpu = threadCpu();
      shape = once();
      wall.push(performance.now() - start);
      if (startCpu !== null) cpu.push(threadCpu() - startCpu);
    }
    const ms = median(wall);
    out[name] = { ...shape, ms, cpuMs: cpu.length ? median(cpu) : ms };
  }
  return { cases: out };
}

/**
 * The capture page's JavaScript as a reader's browser loads it: the page opened from `dist` in Chromium, an
 * example read (which starts the worker) and its connection drawn; every script requested, the worker
 * included, summed from the files in dist (gzip -9). Returns `{ raw, gzip, files }` or `{ skipped }`.
 */
export async function capturePageJs(dist, { port = 4432, path = 'en/capture/' } = {}) {
  const server = await serve({ dir: dist, port, base: '/' });
  const browser = await chromium.launch({ executablePath: findChromium(), args: CHROMIUM_ARGS });
  try {
    const context = await browser.newContext({ serviceWorkers: 'block' });
    const page = await context.newPage();
    const scripts = new Set();
    const note = (url) => {
      const p = new URL(url).pathname;
      if (/\.m?js$/.test(p)) scripts.add(p);
    };
    page.on('request', (r) => note(r.url()));
    // A worker's own script request is not a page request.
    page.on('worker', (w) => note(w.url()));
    await page.goto(`http://127.0.0.1:${port}/${path}`, { waitUntil: 'networkidle' });
    await page.locator('capture-replay button[data-sample]').first().click();
    await page.locator('capture-replay figure[data-stepper] svg .sim-ladder-arrow').first().waitFor();
    await page.waitForLoadState('networkidle');
    let raw = 0;
    let gzip = 0;
    for (const p of scripts) {
      const s = fileSizes(join(dist, decodeURIComponent(p)));
      raw += s.raw;
      gzip += s.gzip;
    }
    return { raw, gzip, files: [...scripts].sort() };
  } finally {
    await browser.close();
    server.close();
  }
}

/**
 * The bench's capture section: runs both measures, prints them and reports each budget exceeded through
 * `fail`. Returns the figures for bench-results.
 */
export async function captureSection(root, dist, { say, fail }) {
  const timings = await captureTimings(root);
  for (const [name, c] of Object.entries(timings.cases)) {
    say(
      `  ${name}: read, split into ${c.connections} connections and replayed in ${c.cpuMs.toFixed(0)} ms of CPU (${c.ms.toFixed(0)} ms on the wall clock); budget ${CAPTURE_BUDGET.ms} ms`,
    );
    if (c.cpuMs > CAPTURE_BUDGET.ms) fail(`capture ${name}: ${c.cpuMs.toFixed(0)} ms > ${CAPTURE_BUDGET.ms} ms`);
  }
  const js = await capturePageJs(dist);
  say(
    `  the page's JavaScript, worker included (${js.files.length} files): ${kb(js.raw)}, ${kb(js.gzip)} gzip (budget ${kb(CAPTURE_BUDGET.jsGzip)})`,
  );
  if (js.gzip > CAPTURE_BUDGET.jsGzip)
    fail(`capture page JavaScript ${kb(js.gzip)} gzip > ${kb(CAPTURE_BUDGET.jsGzip)}`);
  return { timings, js };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const root = join(import.meta.dirname, '../..');
  const failures = [];
  await captureSection(root, join(root, 'dist'), { say: console.log, fail: (t) => failures.push(t) });
  if (failures.length) console.log(`\nOver budget:\n  ${failures.join('\n  ')}`);
  process.exit(failures.length ? 1 : 0);
}
