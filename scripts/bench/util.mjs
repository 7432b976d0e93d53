// Small helpers the benchmark shares: timing child processes, sizes, formatting.
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';

/** Runs a command, streaming nothing; resolves with its wall time in ms, rejects with its output on failure. */
export function timed(command, args, { cwd, env } = {}) {
  return new Promise((done, fail) => {
    const start = performance.now();
    const child = spawn(command, args, { cwd, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (d) => (output += d));
    child.stderr.on('data', (d) => (output += d));
    child.on('close', (code) => {
      const ms = performance.now() - start;
      if (code === 0) done(ms);
      else fail(new Error(`${command} ${args.join(' ')} failed (exit ${code}):\n${output.slice(-3000)}`));
    });
  });
}

/** Raw and gzip size of a file, in bytes. Reads the disk. */
export function fileSizes(file) {
  const bytes = readFileSync(file);
  return { raw: bytes.length, gzip: gzipSync(bytes, { level: 9 }).length };
}

/** "12.3 KB" for a byte count. Pure. */
export function kb(bytes) {
  return `${(bytes / 1024).toFixed(1)} KB`;
}

/** "1.23 s" or "45 ms" for a duration. Pure. */
export function ms(value) {
  return value >= 1000 ? `${(value / 1000).toFixed(2)} s` : `${value.toFixed(value < 10 ? 3 : 0)} ms`;
}

/** Prints a table with left-aligned first column and right-aligned others. */
export function table(headers, rows) {
  const widths = headers.map((h, i) => Math.max(String(h).length, ...rows.map((r) => String(r[i]).length)));
  const line = (cells) =>
    cells.map((c, i) => (i === 0 ? String(c).padEnd(widths[i]) : String(c).padStart(widths[i]))).join('  ');
  console.log(line(headers));
  for (const r of rows) console.log(line(r));
}
