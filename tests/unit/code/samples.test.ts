/**
 * Compiles and runs the lesson-1 sample programs in content/code/ against each other on 127.0.0.1:
 * every server with every client (C, Python, Node), plus the lab's special cases (connection refused,
 * CLOSE_WAIT held open, RST from unread data). Each language is skipped, with the reason printed,
 * where its tool is missing.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';

const CODE = resolve(__dirname, '../../../content/code');
const has = (tool: string) => spawnSync('sh', ['-c', `command -v ${tool}`]).status === 0;
const CC = ['cc', 'gcc', 'clang'].find(has);
const PYTHON = has('python3') ? 'python3' : undefined;
const LINUX = process.platform === 'linux';
const SS = LINUX && has('ss');

const skipped: string[] = [];
if (!CC) skipped.push('no C compiler (cc, gcc or clang): C samples not run');
if (!PYTHON) skipped.push('no python3: Python samples not run');
if (!SS) skipped.push('not Linux or no ss: the socket-state checks not run');
for (const reason of skipped) console.warn(`samples.test: skipped, ${reason}`);

const build = mkdtempSync(join(tmpdir(), 'hello-tcp-code-'));
const running = new Set<ChildProcess>();

/** A program of one language: the command line that starts its server or client. */
interface Side {
  name: string;
  available: boolean;
  server: string[];
  client: string[];
}
const SIDES: Side[] = [
  { name: 'C', available: !!CC, server: [join(build, 'server')], client: [join(build, 'client')] },
  {
    name: 'Python',
    available: !!PYTHON,
    server: [PYTHON ?? 'python3', join(CODE, 'server.py')],
    client: [PYTHON ?? 'python3', join(CODE, 'client.py')],
  },
  {
    name: 'Node',
    available: true,
    server: [process.execPath, join(CODE, 'server.mjs')],
    client: [process.execPath, join(CODE, 'client.mjs')],
  },
];

/** A port nobody listens on right now, chosen by the kernel. */
function freePort(): Promise<number> {
  return new Promise((done, fail) => {
    const probe = createServer();
    probe.on('error', fail);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      probe.close(() => (typeof address === 'object' && address ? done(address.port) : fail(new Error('no port'))));
    });
  });
}

interface Run {
  proc: ChildProcess;
  /** Everything printed so far, stdout and stderr together. */
  output: () => string;
  /** Resolves with the exit code; rejects (and kills the process) after `ms`. */
  exit: (ms: number) => Promise<number>;
}

function start(command: string[]): Run {
  const [file, ...args] = command;
  const proc = spawn(file!, args, { stdio: ['ignore', 'pipe', 'pipe'] });
  running.add(proc);
  let text = '';
  proc.stdout!.on('data', (chunk: Buffer) => (text += chunk.toString()));
  proc.stderr!.on('data', (chunk: Buffer) => (text += chunk.toString()));
  const exited = new Promise<number>((done) => proc.on('close', (code) => (running.delete(proc), done(code ?? -1))));
  return {
    proc,
    output: () => text,
    exit: (ms) =>
      Promise.race([
        exited,
        new Promise<number>((_, fail) =>
          setTimeout(
            () => (
              proc.kill('SIGKILL'),
              fail(new Error(`${command.join(' ')} did not exit within ${ms} ms:\n${text}`))
            ),
            ms,
          ).unref(),
        ),
      ]),
  };
}

/** Starts a server and waits until it says it is listening. */
async function startServer(command: string[]): Promise<Run> {
  const server = start(command);
  const deadline = Date.now() + 5000;
  while (!server.output().includes('(LISTEN)')) {
    if (Date.now() > deadline || server.proc.exitCode !== null) {
      server.proc.kill('SIGKILL');
      throw new Error(`${command.join(' ')} did not start listening:\n${server.output()}`);
    }
    await new Promise((r) => setTimeout(r, 20));
  }
  return server;
}

/** The lines `ss -tan` shows for a port, e.g. "CLOSE-WAIT 1 0 127.0.0.1:5000 127.0.0.1:41234". */
function ssLines(port: number): string[] {
  const out = spawnSync('ss', ['-tan', `( sport = :${port} or dport = :${port} )`], { encoding: 'utf8' }).stdout;
  return out
    .split('\n')
    .slice(1)
    .filter((l) => l.trim() !== '');
}

beforeAll(() => {
  if (!CC) return;
  for (const name of ['server', 'client']) {
    const result = spawnSync(CC, ['-Wall', '-Wextra', '-Werror', '-o', join(build, name), join(CODE, `${name}.c`)], {
      encoding: 'utf8',
    });
    expect(result.status, `${CC} ${name}.c:\n${result.stderr}`).toBe(0);
  }
});
afterEach(() => {
  for (const proc of running) proc.kill('SIGKILL');
});
afterAll(() => rmSync(build, { recursive: true, force: true }));

describe('every server talks with every client', () => {
  for (const server of SIDES) {
    for (const client of SIDES) {
      it.skipIf(!server.available || !client.available)(`${server.name} server, ${client.name} client`, async () => {
        const port = await freePort();
        const srv = await startServer([...server.server, String(port)]);
        const cli = start([...client.client, String(port)]);
        expect(await cli.exit(10_000), cli.output()).toBe(0);
        expect(await srv.exit(10_000), srv.output()).toBe(0);
        expect(srv.output()).toContain('server: heard "hello from the client"');
        expect(cli.output()).toContain('client: heard "hello, you said: hello from the client"');
        // The client names its ephemeral port; the server must have seen the same caller.
        const callerPort = /connected from 127\.0\.0\.1:(\d+)/.exec(cli.output())?.[1];
        expect(callerPort, cli.output()).toBeDefined();
        expect(srv.output()).toContain(`call from 127.0.0.1:${callerPort} (ESTABLISHED)`);
      });
    }
  }
});

describe('a client with nobody to call', () => {
  for (const client of SIDES) {
    it.skipIf(!client.available)(`${client.name} client reports connection refused`, async () => {
      const port = await freePort();
      const cli = start([...client.client, String(port)]);
      expect(await cli.exit(10_000)).toBe(1);
      expect(cli.output()).toContain(`nobody is listening on 127.0.0.1:${port}`);
    });
  }
});

describe('bad arguments get a clear message', () => {
  for (const side of SIDES) {
    it.skipIf(!side.available)(`${side.name} server rejects port 70000`, async () => {
      const srv = start([...side.server, '70000']);
      expect(await srv.exit(10_000)).toBe(2);
      expect(srv.output()).toMatch(/PORT.*(65535)/);
    });
  }
});

describe('the lab states (Linux)', () => {
  for (const side of SIDES) {
    it.skipIf(!side.available || !SS)(
      `${side.name}: a server holding the line sits in CLOSE-WAIT, the client in FIN-WAIT-2`,
      async () => {
        const port = await freePort();
        const srv = await startServer([...side.server, String(port), '--hold', '2']);
        const cli = start([...side.client, String(port)]);
        expect(await cli.exit(10_000), cli.output()).toBe(0);
        await new Promise((r) => setTimeout(r, 200)); // let the ACK of the client's FIN land
        const states = ssLines(port).map((l) => l.split(/\s+/)[0]);
        expect(states).toContain('CLOSE-WAIT');
        expect(states).toContain('FIN-WAIT-2');
        expect(await srv.exit(10_000), srv.output()).toBe(0);
        // Once the server hangs up, the client's side (which closed first) waits in TIME-WAIT.
        const after = ssLines(port).filter((l) => l.startsWith('TIME-WAIT'));
        expect(
          after.some((l) => new RegExp(`:${port}\\s*$`).test(l)),
          after.join('\n'),
        ).toBe(true);
      },
    );
  }

  for (const side of SIDES.filter((s) => s.name !== 'Node')) {
    it.skipIf(!side.available || !SS)(
      `${side.name}: a server hanging up with unread data resets the call`,
      async () => {
        const port = await freePort();
        const srv = await startServer([...side.server, String(port), '--no-read']);
        const cli = start([...side.client, String(port), '--hold', '2']);
        expect(await cli.exit(10_000), cli.output()).toBe(0);
        expect(await srv.exit(10_000)).toBe(0);
        expect(cli.output()).toContain('client: heard "hello, you said: (not listening)"');
        expect(cli.output()).toMatch(/the line is dead: Connection reset by peer/);
        // RST instead of FIN: neither side is left in TIME-WAIT.
        expect(ssLines(port).filter((l) => l.startsWith('TIME-WAIT'))).toEqual([]);
      },
    );
  }

  for (const side of SIDES) {
    it.skipIf(!side.available || !SS)(`${side.name}: a client aborting the call leaves no TIME-WAIT`, async () => {
      const port = await freePort();
      const srv = await startServer([...side.server, String(port), '--hold', '1']);
      const cli = start([...side.client, String(port), '--abort']);
      expect(await cli.exit(10_000), cli.output()).toBe(0);
      await srv.exit(10_000);
      expect(ssLines(port).filter((l) => l.startsWith('TIME-WAIT'))).toEqual([]);
    });
  }
});
