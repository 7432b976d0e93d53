// `npm run classroom`: builds the site, turns the build into a copy that opens from disk (src/classroom:
// relative links, classic scripts, an embedded search index), and packs it with a two-language README into
// hello-tcp-classroom.zip, one file a teacher copies to a USB stick.
//   node scripts/classroom.mjs [--from DIR] [--out FILE] [--copy DIR]
//     --from DIR  pack an existing build (made with the base path /, e.g. dist/ after `npm run build`)
//                 instead of building one; refused if it was built for another base path
//     --out FILE  where to write the archive (default: hello-tcp-classroom.zip in the repository root)
//     --copy DIR  where to write the unpacked classroom copy first (default: .tmp/classroom-copy)
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { makeFileCopy } from '../src/classroom/transform.mjs';
import { isCompressedCopy } from '../src/online/compress.mjs';
import { zip } from './zip.mjs';

/** The folder the archive unpacks into. */
export const FOLDER = 'hello-tcp';

/** The archive's default name, in the repository root (gitignored). */
export const ARCHIVE = 'hello-tcp-classroom.zip';

/** The README inside the archive: how to serve the folder, in both languages. */
export const README = `喂，TCP —— 课堂离线包
==========================

这个文件夹是整个网站，不需要联网。请用任意一种静态网页服务器打开它，例如：

  1. 打开终端（Windows 上是“命令提示符”或 PowerShell），进入这个文件夹：
       cd hello-tcp
  2. 启动服务器（电脑上装有 Python 3 即可）：
       python3 -m http.server 8000
     Windows 上如果没有 python3 命令，试试：py -m http.server 8000
  3. 用浏览器打开 http://localhost:8000/

同一网络里的学生可以用老师电脑的 IP 地址访问，例如 http://192.168.1.20:8000/ 。
装有 Node.js 的电脑也可以运行：node serve.mjs . 8000（只供本机访问）。

不要直接双击 index.html：以文件方式（file://）打开时，浏览器会拦截测验、模拟器和搜索所需的脚本与数据，
这些功能只有通过网页服务器打开才能使用。

网站必须放在服务器的根路径（/）下。若要放在子路径（如 /tcp/）下，请从源码重新构建：
BASE_PATH=/tcp/ npm run build


Hello, TCP — classroom package
==============================

This folder is the whole site; it needs no internet. Serve it with any static web server, for example:

  1. Open a terminal (on Windows: Command Prompt or PowerShell) and go into this folder:
       cd hello-tcp
  2. Start a server (any computer with Python 3):
       python3 -m http.server 8000
     On Windows, if there is no python3 command, try: py -m http.server 8000
  3. Open http://localhost:8000/ in a browser.

Students on the same network can use the teacher's computer's IP address, e.g. http://192.168.1.20:8000/ .
A computer with Node.js can also run: node serve.mjs . 8000 (for this computer only).

Do not double-click index.html: a page opened as a file (file://) cannot load the scripts and data that the
quizzes, the simulator and search need, so those work only when a web server serves the folder.

The site must be served at the root (/) of the server. To serve it under a path such as /tcp/, build it again
from the sources: BASE_PATH=/tcp/ npm run build
`;

/**
 * Packs a built site folder into a ZIP archive under FOLDER/, with the README and the small Node server
 * beside the pages. The `.br` and `.gz` copies the build writes for web servers stay out (they would double
 * the archive, and a classroom's server compresses on the fly if at all), and so do the sharing cards (og/). Returns the archive's bytes. Reads
 * the disk; writes nothing.
 */
export function packSite(siteDir, serverScript = join(dirname(new URL(import.meta.url).pathname), 'serve.mjs')) {
  const entries = [
    { name: `${FOLDER}/README.txt`, data: Buffer.from(README, 'utf8') },
    { name: `${FOLDER}/serve.mjs`, data: readFileSync(serverScript) },
  ];
  for (const file of walk(siteDir)) {
    const path = relative(siteDir, file).split(sep).join('/');
    // The sharing cards are for links posted on the web: a classroom copy never shows them.
    if (isCompressedCopy(path) || path.startsWith('og/')) continue;
    const name = `${FOLDER}/${path}`;
    if (name === `${FOLDER}/README.txt` || name === `${FOLDER}/serve.mjs`) {
      throw new Error(
        `classroom: the site has its own ${name.slice(FOLDER.length + 1)}, which the archive's would hide.`,
      );
    }
    entries.push({ name, data: readFileSync(file) });
  }
  return zip(entries);
}

function* walk(dir) {
  for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
    const full = join(dir, entry.name);
    if (entry.isDirectory()) yield* walk(full);
    else if (entry.isFile()) yield full;
  }
}

/**
 * Throws, saying how to fix it, unless `siteDir` holds a build made for the root of a server: pages and
 * assets linked from /_astro/ (a build for /tcp/ links /tcp/_astro/, which the classroom copy would not find
 * in the folder). Reads the disk.
 */
export function checkRootBuild(siteDir) {
  const index = join(siteDir, 'index.html');
  if (!existsSync(index))
    throw new Error(`classroom: ${siteDir} has no index.html. Run \`npm run build\` first, or leave out --from.`);
  if (!/(?:href|src)="\/_astro\//.test(readFileSync(index, 'utf8')))
    throw new Error(
      `classroom: ${siteDir} was not built for the server root (its assets are not linked from /_astro/). ` +
        'Build it with BASE_PATH unset (or BASE_PATH=/), or leave out --from.',
    );
}

function run(command, args, env) {
  execFileSync(command, args, { stdio: 'inherit', env });
}

function option(args, name) {
  const at = args.indexOf(name);
  if (at === -1) return undefined;
  const value = args[at + 1];
  if (!value || value.startsWith('--')) throw new Error(`classroom: ${name} needs a value, e.g. ${name} dist`);
  return value;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const args = process.argv.slice(2);
  const out = resolve(option(args, '--out') ?? ARCHIVE);
  let site = option(args, '--from');
  if (site) checkRootBuild(site);
  else {
    site = '.tmp/classroom-site';
    rmSync(site, { recursive: true, force: true });
    // The copy is made from a build for the root, whatever base path this shell may have set. It needs neither
    // Pagefind's index nor postbuild's service worker and compressed copies: it leaves them out.
    run('astro', ['build', '--outDir', site], { ...process.env, BASE_PATH: '/' });
  }
  const copy = resolve(option(args, '--copy') ?? '.tmp/classroom-copy');
  const made = await makeFileCopy(site, copy);
  console.log(
    `classroom: ${made.pages.length} pages for file://, ${made.bundles.length} script bundles, search in ${made.indexes.length} languages`,
  );
  mkdirSync(dirname(out), { recursive: true });
  writeFileSync(out, packSite(copy));
  console.log(`classroom: wrote ${relative(process.cwd(), out)} (${(statSync(out).size / 1024).toFixed(0)} KiB)`);
}
