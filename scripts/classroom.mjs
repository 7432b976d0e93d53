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

/** The README inside the archive: how to open the folder, in both languages; double-click first. */
export const README = `喂，TCP —— 课堂离线包
==========================

这个文件夹就是整个网站，不需要联网，也不需要安装任何软件。

一、直接打开（推荐）

  解压后，双击文件夹里的 index.html，用 Chrome、Edge 或 Firefox 打开即可。
  课程、图示、测验、模拟器、搜索和中英文切换都能直接使用。

  答题进度保存在浏览器里：
  - Chrome 和 Edge 把从磁盘打开的所有页面视为同一来源，进度在各页之间共享，关掉浏览器也还在。
  - Firefox 默认把每个文件当作单独的来源（about:config 里的 security.fileuri.strict_origin_policy），
    所以每一页只记得在这一页答过的题，课程列表和别的页面看不到。需要完整进度时，请用下面的办法二。

二、用网页服务器打开

  同一网络里的学生要访问老师的电脑，或者想在 Firefox 里保留全部进度，可以启动一个静态网页服务器：

  1. 打开终端（Windows 上是“命令提示符”或 PowerShell），进入这个文件夹：
       cd hello-tcp
  2. 启动服务器（电脑上装有 Python 3 即可）：
       python3 -m http.server 8000
     Windows 上如果没有 python3 命令，试试：py -m http.server 8000
     装有 Node.js 的电脑也可以运行：node serve.mjs . 8000（只供本机访问）
  3. 用浏览器打开 http://localhost:8000/

  学生可以用老师电脑的 IP 地址访问，例如 http://192.168.1.20:8000/ 。
  这个文件夹里的链接都是相对路径，放在服务器的根路径或任意子路径（如 /tcp/）下都能用。


Hello, TCP — classroom package
==============================

This folder is the whole site. It needs no internet and nothing to install.

1. Open it directly (recommended)

  Unpack the archive and double-click index.html in this folder: it opens in Chrome, Edge or Firefox.
  The lessons, diagrams, quizzes, the simulator, search and the language switch all work from the files.

  Answers are saved in the browser:
  - Chrome and Edge treat every page opened from disk as one origin, so progress is shared by all pages and
    kept after the browser closes.
  - Firefox treats each file as its own origin by default (security.fileuri.strict_origin_policy in
    about:config), so each page remembers only the answers given on it; the lesson list and the other pages
    do not see them. For full progress in Firefox, use a server as in 2.

2. Serve it with a web server

  For students on the same network to reach the teacher's computer, or to keep full progress in Firefox,
  start a static web server:

  1. Open a terminal (on Windows: Command Prompt or PowerShell) and go into this folder:
       cd hello-tcp
  2. Start a server (any computer with Python 3):
       python3 -m http.server 8000
     On Windows, if there is no python3 command, try: py -m http.server 8000
     A computer with Node.js can also run: node serve.mjs . 8000 (for this computer only)
  3. Open http://localhost:8000/ in a browser.

  Students can use the teacher's computer's IP address, e.g. http://192.168.1.20:8000/ .
  Every link in this folder is relative, so it works at the root of a server or under any path (such as /tcp/).
`;

/**
 * Packs a site folder (the classroom copy, src/classroom) into a ZIP archive under FOLDER/, with the README
 * and the small Node server beside the pages. The `.br` and `.gz` copies the build writes for web servers
 * stay out (they would double the archive, and a classroom's server compresses on the fly if at all), and so
 * do the sharing cards (og/). Returns the archive's bytes. Reads the disk; writes nothing.
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
