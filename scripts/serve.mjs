// A tiny static server for the built site: used by the browser tests, the benchmark, and
// `npm run serve` in a classroom. Serves DIR under an optional base path on 127.0.0.1.
//   node scripts/serve.mjs [dir=dist] [port=4321] [base=/]
import { createServer } from 'node:http';
import { createReadStream } from 'node:fs';
import { access, stat } from 'node:fs/promises';
import { extname, join, normalize, resolve } from 'node:path';
import { createGzip } from 'node:zlib';

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
  '.wasm': 'application/wasm',
  '.txt': 'text/plain; charset=utf-8',
  '.xml': 'application/xml',
  '.webmanifest': 'application/manifest+json',
};

/** Text files are sent compressed to a browser that accepts it, as any production web server would. */
const COMPRESSED = new Set(['.html', '.css', '.js', '.mjs', '.json', '.svg', '.txt', '.xml', '.webmanifest']);

/**
 * The pre-compressed copy of `file` the build wrote (scripts/postbuild.mjs) that the browser accepts, as
 * nginx's `brotli_static`/`gzip_static` pick it: Brotli first, then gzip. Undefined when there is none.
 */
async function precompressed(file, acceptEncoding) {
  for (const [encoding, suffix] of [
    ['br', '.br'],
    ['gzip', '.gz'],
  ]) {
    if (!new RegExp(`\\b${encoding}\\b`).test(acceptEncoding)) continue;
    try {
      await access(file + suffix);
      return { encoding, path: file + suffix };
    } catch {
      // No copy with this encoding: try the next one.
    }
  }
  return undefined;
}

/** Starts the server; resolves with it once it listens. */
export function serve({ dir = 'dist', port = 4321, base = '/' } = {}) {
  const root = resolve(dir);
  const prefix = base.endsWith('/') ? base : `${base}/`;
  const server = createServer(async (req, res) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    let path = decodeURIComponent(url.pathname);
    if (!path.startsWith(prefix)) {
      res.writeHead(404, { 'content-type': 'text/plain' }).end(`Not under ${prefix}`);
      return;
    }
    path = normalize(path.slice(prefix.length - 1));
    let file = join(root, path);
    if (!file.startsWith(root)) {
      res.writeHead(403).end();
      return;
    }
    try {
      let info = await stat(file);
      if (info.isDirectory()) {
        if (!url.pathname.endsWith('/')) {
          res.writeHead(301, { location: `${url.pathname}/${url.search}` }).end();
          return;
        }
        file = join(file, 'index.html');
        info = await stat(file);
      }
      const type = TYPES[extname(file)] ?? 'application/octet-stream';
      const accepted = req.headers['accept-encoding'] ?? '';
      const copy = COMPRESSED.has(extname(file)) ? await precompressed(file, accepted) : undefined;
      if (copy) {
        const { size } = await stat(copy.path);
        res.writeHead(200, {
          'content-type': type,
          'content-encoding': copy.encoding,
          'content-length': size,
          vary: 'accept-encoding',
        });
        createReadStream(copy.path).pipe(res);
        return;
      }
      if (COMPRESSED.has(extname(file)) && /\bgzip\b/.test(accepted)) {
        res.writeHead(200, { 'content-type': type, 'content-encoding': 'gzip', vary: 'accept-encoding' });
        createReadStream(file).pipe(createGzip()).pipe(res);
        return;
      }
      res.writeHead(200, { 'content-type': type, 'content-length': info.size, vary: 'accept-encoding' });
      createReadStream(file).pipe(res);
    } catch {
      const notFound = join(root, '404.html');
      res.writeHead(404, { 'content-type': 'text/html; charset=utf-8' });
      createReadStream(notFound)
        .on('error', () => res.end('Not found'))
        .pipe(res);
    }
  });
  return new Promise((done) => server.listen(port, '127.0.0.1', () => done(server)));
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const [dir = 'dist', port = '4321', base = process.env.BASE_PATH ?? '/'] = process.argv.slice(2);
  await serve({ dir, port: Number(port), base });
  console.log(`Serving ${dir} at http://127.0.0.1:${port}${base}`);
}
