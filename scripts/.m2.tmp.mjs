import { measurePages } from './bench/pages.mjs';
const r = await measurePages('dist', { port: 4733 });
for (const p of r) if (p.lesson) console.log(p.path, p.initial.bytes.js.gzip, p.scrolled.bytes.js.gzip);
process.exit(0);
