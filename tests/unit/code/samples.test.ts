/**
 * Runs the lab's sample programs (content/code/: C, Python, Node.js) for real on 127.0.0.1 and checks that
 * the three behave alike, as lesson 5 promises.
 *
 * For each set of options the lab uses, every language's server and client run as a pair on a port of
 * their own, all pairs at once, and what a student would observe is recorded: the lines each program
 * prints (ports replaced by PORT and CPORT) and its exit code, the states `ss -tan` shows at the moments
 * the lab looks, and the segments that carry SYN, FIN, RST or data, from one tcpdump capture (pure ACKs
 * are left out: whether an ACK travels alone or rides on the next segment depends on timing). Each
 * language's record must equal the one written here, which is what the lab text shows. Every server also
 * talks with every other language's client. A language is skipped, with the reason printed, where its
 * tool is missing; so are the ss and tcpdump parts.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const CODE = resolve(__dirname, '../../../content/code');
const has = (tool: string) => spawnSync('sh', ['-c', `command -v ${tool}`]).status === 0;
const CC = ['cc', 'gcc', 'clang'].find(has);
// The interpreter itself, not a version manager's shim, which can take seconds to start on a busy machine.
const PYTHON = has('python3')
  ? spawnSync('python3', ['-c', 'import sys; print(sys.executable)'], { encoding: 'utf8' }).stdout.trim() || undefined
  : undefined;
const SS = process.platform === 'linux' && has('ss');
const TCPDUMP = process.platform === 'linux' && has('tcpdump');

const skipped: string[] = [];
if (!CC) skipped.push('no C compiler (cc, gcc or clang): C samples not run');
if (!PYTHON) skipped.push('no python3: Python samples not run');
if (!SS) skipped.push('not Linux or no ss: socket states not compared');
if (!TCPDUMP) skipped.push('not Linux or no tcpdump: segments not compared');
for (const reason of skipped) console.warn(`samples.test: skipped, ${reason}`);

const build = mkdtempSync(join(tmpdir(), 'hello-tcp-code-'));
const running = new Set<ChildProcess>();
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

type Lang = 'C' | 'Python' | 'Node';
/** The command lines that start a language's server and client. */
const PROGRAMS: Record<Lang, { available: boolean; server: string[]; client: string[] }> = {
  C: { available: !!CC, server: [join(build, 'server')], client: [join(build, 'client')] },
  Python: {
    available: !!PYTHON,
    server: [PYTHON ?? 'python3', join(CODE, 'server.py')],
    client: [PYTHON ?? 'python3', join(CODE, 'client.py')],
  },
  Node: {
    available: true,
    server: [process.execPath, join(CODE, 'server.mjs')],
    client: [process.execPath, join(CODE, 'client.mjs')],
  },
};
const LANGS = (Object.keys(PROGRAMS) as Lang[]).filter((l) => PROGRAMS[l].available);

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
  stdout: () => string;
  stderr: () => string;
  kill: (signal: NodeJS.Signals) => void;
  /** The exit code; the process is killed if it has not exited after `killAfter` ms (default 90 s). */
  exit: Promise<number>;
}

function start(command: string[], killAfter = 90_000): Run {
  const [file, ...args] = command;
  const proc = spawn(file!, args, { stdio: ['ignore', 'pipe', 'pipe'] });
  running.add(proc);
  let out = '';
  let err = '';
  proc.stdout!.on('data', (chunk: Buffer) => (out += chunk.toString()));
  proc.stderr!.on('data', (chunk: Buffer) => (err += chunk.toString()));
  const killer = setTimeout(() => proc.kill('SIGKILL'), killAfter);
  const exit = new Promise<number>((done) =>
    proc.on('close', (code) => {
      clearTimeout(killer);
      running.delete(proc);
      done(code ?? -1);
    }),
  );
  return { stdout: () => out, stderr: () => err, kill: (signal) => proc.kill(signal), exit };
}

/** Waits until `ready()` holds; throws after 60 s (a busy machine is slow) with `what`. */
async function until(ready: () => boolean, what: () => string): Promise<void> {
  for (const deadline = Date.now() + 60_000; !ready(); await sleep(20)) {
    if (Date.now() > deadline) throw new Error(`timed out waiting: ${what()}`);
  }
}

/**
 * Samples `ss -tan` five times a second while the programs run and keeps, for each port, every distinct snapshot
 * in order. A snapshot is the port's sockets, one line each, sorted: which end it is (the server's has
 * the port as its local port), its state, Recv-Q and Send-Q, e.g. ["client FIN-WAIT-2 0 0",
 * "server CLOSE-WAIT 0 0", "server LISTEN 0 8"]. A shell loop samples, not this process, so that the
 * samples keep coming while a busy machine starts dozens of programs.
 */
class StateHistory {
  private sampler?: Run;
  start(): void {
    this.sampler = start(['sh', '-c', 'while :; do ss -Htan; echo =; sleep 0.2; done'], 240_000);
  }
  async stop(): Promise<void> {
    const samples = this.sampler!.stdout().split('=\n').length;
    await until(
      () => this.sampler!.stdout().split('=\n').length > samples + 1,
      () => 'one more ss sample',
    );
    this.sampler!.kill('SIGTERM');
    await this.sampler!.exit;
  }
  /** Every distinct snapshot of a port, in order. */
  history(port: number): string[][] {
    const history: string[][] = [];
    for (const sample of this.sampler!.stdout().split('=\n').slice(0, -1)) {
      const snapshot: string[] = [];
      for (const line of sample.split('\n')) {
        const [state, recvQ, sendQ, local, peer] = line.trim().split(/\s+/);
        if (![local, peer].some((address) => address?.endsWith(`:${port}`))) continue;
        snapshot.push(`${local!.endsWith(`:${port}`) ? 'server' : 'client'} ${state} ${recvQ} ${sendQ}`);
      }
      snapshot.sort();
      if (JSON.stringify(history.at(-1)) !== JSON.stringify(snapshot)) history.push(snapshot);
    }
    return history;
  }
  /**
   * `expected` if the port's history shows those snapshots in that order (others may come between) and
   * ends with the last one; otherwise the whole history, for the failure message.
   */
  match(port: number, expected: string[][]): string[][] {
    const history = this.history(port);
    const key = (s: string[]) => JSON.stringify([...s].sort());
    let next = 0;
    for (const snapshot of history) if (next < expected.length && key(snapshot) === key(expected[next]!)) next++;
    const endsRight = expected.length === 0 || key(history.at(-1) ?? []) === key(expected.at(-1)!);
    return next === expected.length && endsRight ? expected : history;
  }
}

/** One tcpdump on the loopback interface for every port the tests use. */
class Capture {
  private run?: Run;
  lines: string[] = [];
  failure = '';
  async start(ports: number[]): Promise<void> {
    const filter = `tcp and (${ports.map((p) => `port ${p}`).join(' or ')})`;
    const run = start(['tcpdump', '-i', 'lo', '-n', '-l', '-t', filter], 240_000);
    this.run = run;
    // tcpdump says "listening on lo" once it captures; it exits at once when it may not.
    let exited = false;
    void run.exit.then(() => (exited = true));
    await until(() => exited || run.stderr().includes('listening on'), run.stderr);
    if (exited) this.failure = `tcpdump could not capture: ${run.stderr().trim()}`;
  }
  async stop(): Promise<void> {
    if (!this.run || this.failure) return;
    await sleep(300); // let the last segments through
    this.run.kill('SIGINT');
    await this.run.exit;
    this.lines = this.run.stdout().split('\n');
  }
  /**
   * The segments of the connections to `port` that carry SYN, FIN, RST or data, one list per client port in
   * the order their first segment was captured, e.g. ["c>s S", "s>c S.", "c>s P. 22", "s>c R."].
   */
  segments(port: number): string[][] {
    const byCaller = new Map<string, string[]>();
    for (const line of this.lines) {
      const m = /IP [\d.]+\.(\d+) > [\d.]+\.(\d+): Flags \[([^\]]*)\].* length (\d+)/.exec(line);
      if (!m) continue;
      const [, from, to, flags, length] = m;
      if (from !== String(port) && to !== String(port)) continue;
      if (!/[SFR]/.test(flags!) && length === '0') continue;
      const caller = to === String(port) ? from! : to!;
      const list = byCaller.get(caller) ?? [];
      list.push(`${to === String(port) ? 'c>s' : 's>c'} ${flags}${length === '0' ? '' : ` ${length}`}`);
      byCaller.set(caller, list);
    }
    return [...byCaller.values()];
  }
}

interface Printed {
  stdout: string[];
  stderr: string[];
  code: number;
}
/** What a student observes in one run. */
interface Observed {
  server?: Printed;
  clients: Printed[];
  /** The snapshots ss shows, in order (see StateHistory). */
  ss: string[][];
  /** Segments, one list per connection (see Capture.segments). */
  segments: string[][];
}
interface Case {
  name: string;
  /** The server's options; without them no server runs (a call nobody answers). */
  server?: string[];
  /** Each client's options. A second client dials once the first is connected. */
  clients: string[][];
  expect: Observed;
  /** When both ends may hang up at once, the order of the closing segments varies: compare them sorted. */
  closeOrderVaries?: boolean;
}

const HANDSHAKE_AND_TALK = ['c>s S', 's>c S.', 'c>s P. 22', 's>c P. 39'];
const LISTENING = 'server: listening on 127.0.0.1:PORT (LISTEN)';
const CALL = 'server: call from 127.0.0.1:CPORT (ESTABLISHED)';
const HEARD_GREETING = 'server: heard "hello from the client"';
const CONNECTED = 'client: connected from 127.0.0.1:CPORT to 127.0.0.1:PORT (ESTABLISHED)';
const HEARD_ANSWER = 'client: heard "hello, you said: hello from the client"';
const ok = (...stdout: string[]): Printed => ({ stdout, stderr: [], code: 0 });

/** The lab's steps, each with what lesson 5 says a student sees. */
const CASES: Case[] = [
  {
    name: 'a plain call (Step 2): the server hangs up as soon as it has answered',
    server: [],
    clients: [[]],
    closeOrderVaries: true,
    expect: {
      server: ok(LISTENING, CALL, HEARD_GREETING, 'server: hung up'),
      clients: [ok(CONNECTED, HEARD_ANSWER, 'client: hung up')],
      ss: [], // who hangs up first, and so who ends in TIME-WAIT, is a race here
      segments: [[...HANDSHAKE_AND_TALK, 's>c F.', 'c>s F.']],
    },
  },
  {
    name: 'both hold (Steps 1, 3, 4): LISTEN and two ESTAB, then CLOSE-WAIT and FIN-WAIT-2, then TIME-WAIT',
    server: ['--hold', '6'],
    clients: [['--hold', '3']],
    expect: {
      server: ok(
        LISTENING,
        CALL,
        HEARD_GREETING,
        'server: holding the line for 6 s',
        'server: the caller has hung up (end of file)',
        'server: hung up',
      ),
      clients: [ok(CONNECTED, HEARD_ANSWER, 'client: holding the line for 3 s', 'client: hung up')],
      ss: [
        ['server LISTEN 0 8', 'server ESTAB 0 0', 'client ESTAB 0 0'],
        ['server LISTEN 0 8', 'server CLOSE-WAIT 0 0', 'client FIN-WAIT-2 0 0'],
        ['client TIME-WAIT 0 0'],
      ],
      segments: [[...HANDSHAKE_AND_TALK, 'c>s F.', 's>c F.']],
    },
  },
  {
    name: 'the client holds (Step 4, roles swapped): the client in CLOSE-WAIT, then the server in TIME-WAIT',
    server: [],
    clients: [['--hold', '3']],
    expect: {
      server: ok(LISTENING, CALL, HEARD_GREETING, 'server: hung up'),
      clients: [
        ok(
          CONNECTED,
          HEARD_ANSWER,
          'client: holding the line for 3 s',
          'client: the server has hung up (end of file)',
          'client: hung up',
        ),
      ],
      ss: [['client CLOSE-WAIT 0 0', 'server FIN-WAIT-2 0 0'], ['server TIME-WAIT 0 0']],
      segments: [[...HANDSHAKE_AND_TALK, 's>c F.', 'c>s F.']],
    },
  },
  {
    name: 'nobody listening (Step 5): RST, ECONNREFUSED',
    clients: [[]],
    expect: {
      clients: [
        {
          stdout: [],
          stderr: [
            'client: connection refused (ECONNREFUSED): nobody is listening on 127.0.0.1:PORT; start the server first',
          ],
          code: 1,
        },
      ],
      ss: [],
      segments: [['c>s S', 's>c R.']],
    },
  },
  {
    name: 'the server hangs up with the greeting unread (Step 6): RST; the client reads the answer, then ECONNRESET',
    server: ['--no-read', '--hold', '3'],
    clients: [['--hold', '5']],
    expect: {
      server: ok(LISTENING, CALL, 'server: holding the line for 3 s', 'server: hung up'),
      clients: [
        ok(
          CONNECTED,
          'client: heard "hello, you said: (not listening)"',
          'client: holding the line for 5 s',
          'client: the line is dead: ECONNRESET',
          'client: hung up',
        ),
      ],
      // The greeting waits unread (Recv-Q 22); after the RST neither end is left, not even in TIME-WAIT.
      ss: [['server LISTEN 0 8', 'server ESTAB 22 0', 'client ESTAB 0 0'], []],
      segments: [['c>s S', 's>c S.', 'c>s P. 22', 's>c P. 33', 's>c R.']],
    },
  },
  {
    name: 'the client aborts (Step 6): RST, no TIME-WAIT on either side',
    server: ['--hold', '4'],
    clients: [['--abort']],
    expect: {
      server: ok(
        LISTENING,
        CALL,
        HEARD_GREETING,
        'server: holding the line for 4 s',
        'server: the line is dead: ECONNRESET',
        'server: hung up',
      ),
      clients: [ok(CONNECTED, HEARD_ANSWER, 'client: hung up')],
      ss: [['server LISTEN 0 8'], []],
      segments: [[...HANDSHAKE_AND_TALK, 'c>s R.']],
    },
  },
  {
    name: 'a second caller waits in the queue and is reset when the server hangs up',
    server: ['--hold', '6'],
    clients: [[], []],
    expect: {
      server: ok(
        LISTENING,
        CALL,
        HEARD_GREETING,
        'server: holding the line for 6 s',
        'server: the caller has hung up (end of file)',
        'server: hung up',
      ),
      clients: [
        ok(CONNECTED, HEARD_ANSWER, 'client: hung up'),
        { stdout: [CONNECTED], stderr: ['client: read failed: ECONNRESET'], code: 1 },
      ],
      ss: [],
      segments: [
        [...HANDSHAKE_AND_TALK, 'c>s F.', 's>c F.'],
        ['c>s S', 's>c S.', 'c>s P. 22', 's>c R.'],
      ],
    },
  },
];

/** Output lines with the dialled port written PORT and any other 127.0.0.1 port CPORT. */
function printed(run: Run, code: number, port: number): Printed {
  const lines = (text: string) =>
    text
      .split('\n')
      .filter((l) => l !== '')
      .map((l) => l.replaceAll(`127.0.0.1:${port}`, '127.0.0.1:PORT').replace(/127\.0\.0\.1:\d+/g, '127.0.0.1:CPORT'));
  return { stdout: lines(run.stdout()), stderr: lines(run.stderr()), code };
}

/** Runs one case's programs in one language; resolves when they have all exited. */
async function run(c: Case, lang: Lang, port: number): Promise<{ server?: Printed; clients: Printed[] }> {
  const program = PROGRAMS[lang];
  const server = c.server ? start([...program.server, String(port), ...c.server]) : undefined;
  if (server) await until(() => server.stdout().includes('(LISTEN)') || server.stderr() !== '', server.stderr);
  const clients = [start([...program.client, String(port), ...c.clients[0]!])];
  if (c.clients[1]) {
    const first = clients[0]!;
    await until(() => first.stdout().includes('connected from') || first.stderr() !== '', first.stderr);
    clients.push(start([...program.client, String(port), ...c.clients[1]]));
  }
  const serverCode = await server?.exit;
  const clientCodes = await Promise.all(clients.map((r) => r.exit));
  return {
    ...(server ? { server: printed(server, serverCode!, port) } : {}),
    clients: clients.map((r, i) => printed(r, clientCodes[i]!, port)),
  };
}

const states = new StateHistory();
const capture = new Capture();
/** Each case's observations by language, filled in by beforeAll. */
const observed = new Map<string, Partial<Record<Lang, Observed>>>();
/** Every server with every other language's client, their output unchanged. */
const pairs: { server: Lang; client: Lang; srv: string; cli: string; codes: number[] }[] = [];

beforeAll(async () => {
  if (CC) {
    for (const name of ['server', 'client']) {
      const result = spawnSync(CC, ['-Wall', '-Wextra', '-Werror', '-o', join(build, name), join(CODE, `${name}.c`)], {
        encoding: 'utf8',
      });
      expect(result.status, `${CC} ${name}.c:\n${result.stderr}`).toBe(0);
    }
  }
  const runs = CASES.flatMap((c) => LANGS.map((lang) => ({ c, lang })));
  const ports = await Promise.all(runs.map(() => freePort()));
  if (TCPDUMP) await capture.start(ports);
  if (capture.failure) console.warn(`samples.test: segments not compared, ${capture.failure}`);
  if (SS) states.start();

  // Same-language pairs run in CASES; here each server meets the other languages' clients.
  const interop = LANGS.flatMap((server) =>
    LANGS.filter((client) => client !== server).map(async (client) => {
      const port = await freePort();
      const srv = start([...PROGRAMS[server].server, String(port)]);
      await until(() => srv.stdout().includes('(LISTEN)') || srv.stderr() !== '', srv.stderr);
      const cli = start([...PROGRAMS[client].client, String(port)]);
      const codes = await Promise.all([srv.exit, cli.exit]);
      pairs.push({ server, client, srv: srv.stdout() + srv.stderr(), cli: cli.stdout() + cli.stderr(), codes });
    }),
  );
  const printedRuns = await Promise.all(runs.map(({ c, lang }, i) => run(c, lang, ports[i]!)));
  await Promise.all(interop);
  await Promise.all([capture.stop(), SS ? states.stop() : undefined]);
  runs.forEach(({ c, lang }, i) => {
    const byLang = observed.get(c.name) ?? {};
    byLang[lang] = {
      ...printedRuns[i]!,
      ss: SS ? states.match(ports[i]!, c.expect.ss) : c.expect.ss,
      segments: TCPDUMP && !capture.failure ? capture.segments(ports[i]!) : c.expect.segments,
    };
    observed.set(c.name, byLang);
  });
}, 240_000);

afterAll(() => {
  for (const proc of running) proc.kill('SIGKILL');
  rmSync(build, { recursive: true, force: true });
});

/** The handshake and the data in order, then the closing segments sorted. */
const closeSorted = (segments: string[]) => [...segments.slice(0, 4), ...segments.slice(4).sort()];

describe('the three languages behave alike, as the lab says', () => {
  for (const c of CASES) {
    it(c.name, () => {
      const comparable = (o: Observed): Observed =>
        c.closeOrderVaries ? { ...o, segments: o.segments.map(closeSorted) } : o;
      const byLang = observed.get(c.name) ?? {};
      expect(Object.keys(byLang).sort()).toEqual([...LANGS].sort());
      for (const lang of LANGS) {
        expect({ lang, ...comparable(byLang[lang]!) }).toEqual({ lang, ...comparable(c.expect) });
      }
    });
  }
});

describe("every server talks with every other language's client", () => {
  for (const server of LANGS) {
    for (const client of LANGS.filter((l) => l !== server)) {
      it(`${server} server, ${client} client`, () => {
        const pair = pairs.find((p) => p.server === server && p.client === client);
        expect(pair, 'the pair ran').toBeDefined();
        const { srv, cli, codes } = pair!;
        expect(codes, `${srv}\n${cli}`).toEqual([0, 0]);
        expect(srv).toContain(HEARD_GREETING);
        expect(cli).toContain(HEARD_ANSWER);
        // The client names its ephemeral port; the server must have seen the same caller.
        const callerPort = /connected from 127\.0\.0\.1:(\d+)/.exec(cli)?.[1];
        expect(callerPort, cli).toBeDefined();
        expect(srv).toContain(`call from 127.0.0.1:${callerPort} (ESTABLISHED)`);
      });
    }
  }
});

describe('bad arguments get the same clear message in every language', () => {
  const ARGS: { side: 'server' | 'client'; args: string[]; stderr: string[] }[] = [
    { side: 'server', args: ['70000'], stderr: ['server: PORT must be a number from 1 to 65535, got "70000"'] },
    { side: 'client', args: ['--hold', 'x'], stderr: ['client: --hold must be a number from 0 to 3600, got "x"'] },
    {
      side: 'server',
      args: ['--fast'],
      stderr: ['server: unknown option --fast', 'usage: server [PORT] [--hold SECONDS] [--no-read]'],
    },
  ];
  for (const { side, args, stderr } of ARGS) {
    it(`${side} ${args.join(' ')}`, async () => {
      const results = await Promise.all(
        LANGS.map(async (lang) => {
          const proc = start([...PROGRAMS[lang][side], ...args]);
          return { lang, ...printed(proc, await proc.exit, 0) };
        }),
      );
      for (const result of results) expect(result).toEqual({ lang: result.lang, stdout: [], stderr, code: 2 });
    });
  }
});
