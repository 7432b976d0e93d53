/**
 * Compares the model's `linux` profile with the Linux TCP stack on 127.0.0.1: real sockets (Node `net`),
 * states read with `ss -tan`. Only stable states are compared (FIN_WAIT_1, LAST_ACK and friends pass in
 * microseconds on loopback). Skipped, with the reason printed, where `ss` is missing.
 */
import { describe, it, expect, afterEach } from 'vitest';
import { execFileSync } from 'node:child_process';
import net from 'node:net';
import { createWorld, type Side, type TcpState, type World } from '../../../src/tcp';

function ssMissing(): string | null {
  try {
    execFileSync('ss', ['-tanH'], { stdio: 'pipe' });
    return null;
  } catch (e) {
    return `ss (iproute2) is not available: ${(e as Error).message.split('\n')[0]}`;
  }
}
const skipReason = process.platform !== 'linux' ? `not Linux (${process.platform})` : ssMissing();
if (skipReason) console.log(`linux-conformance: skipped, ${skipReason}`);

/** ss's state names; a socket ss does not list is CLOSED. */
const SS_NAMES: Record<TcpState, string> = {
  CLOSED: 'CLOSED',
  LISTEN: 'LISTEN',
  SYN_SENT: 'SYN-SENT',
  SYN_RECEIVED: 'SYN-RECV',
  ESTABLISHED: 'ESTAB',
  FIN_WAIT_1: 'FIN-WAIT-1',
  FIN_WAIT_2: 'FIN-WAIT-2',
  CLOSE_WAIT: 'CLOSE-WAIT',
  CLOSING: 'CLOSING',
  LAST_ACK: 'LAST-ACK',
  TIME_WAIT: 'TIME-WAIT',
};

/** Both ends' states as ss shows them: the client socket is local=clientPort, the server's is local=serverPort. */
function ssStates(serverPort: number, clientPort: number | null): { client: string; server: string } {
  const lines = execFileSync('ss', ['-tanH'], { encoding: 'utf8' }).split('\n');
  const find = (local: number, peer: number | null) => {
    for (const l of lines) {
      const [state, , , lo, pe] = l.trim().split(/\s+/);
      if (lo?.endsWith(`:${local}`) && (peer === null ? pe?.endsWith(':*') : pe?.endsWith(`:${peer}`)))
        return state ?? '?';
    }
    return 'CLOSED';
  };
  // before a connection exists the server's state is its listener's; afterwards its connection's (as World.state)
  if (clientPort === null) return { client: 'CLOSED', server: find(serverPort, null) };
  return { client: find(clientPort, serverPort), server: find(serverPort, clientPort) };
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const once = <T>(emitter: net.Socket | net.Server, event: string) =>
  new Promise<T>((r) => emitter.once(event, r as (v: unknown) => void));

/** A real connection on loopback and the model world mirroring it (Linux profile). */
class Pair {
  model: World = createWorld({ profile: 'linux', seed: 1 });
  server!: net.Server;
  client!: net.Socket;
  accepted!: net.Socket;
  port = 0;
  clientPort: number | null = null;
  async open(): Promise<void> {
    this.server = net.createServer({ allowHalfOpen: true });
    this.server.listen(0, '127.0.0.1');
    await once(this.server, 'listening');
    this.port = (this.server.address() as net.AddressInfo).port;
    this.m('server', 'socket').m('server', 'bind', this.port).m('server', 'listen');
    await this.agree('listener');
    const conn = once<net.Socket>(this.server, 'connection');
    this.client = net.connect({ port: this.port, host: '127.0.0.1', allowHalfOpen: true });
    this.client.on('data', () => {});
    this.client.on('error', () => {});
    await once(this.client, 'connect');
    this.clientPort = this.client.localPort ?? null;
    this.accepted = await conn;
    this.accepted.on('data', () => {});
    this.accepted.on('error', () => {});
    this.m('client', 'socket').m('client', 'connect', this.port).m('server', 'accept');
    await this.agree('handshake');
  }
  /** A model call, then the network runs until quiet. */
  m(side: Side, op: Parameters<World['call']>[1], port?: number): this {
    this.model.call(side, op, port === undefined ? {} : { port });
    while (this.model.deliver());
    return this;
  }
  /** Polls ss (at most 3 s) until the kernel shows the model's states; then compares. */
  async agree(what: string): Promise<void> {
    const want = { client: SS_NAMES[this.model.state('client')], server: SS_NAMES[this.model.state('server')] };
    const clientPort = this.clientPort;
    let seen = ssStates(this.port, clientPort);
    for (let i = 0; i < 60 && (seen.client !== want.client || seen.server !== want.server); i++) {
      await sleep(50);
      seen = ssStates(this.port, clientPort);
    }
    expect(seen, `after ${what}: kernel (ss) vs model`).toEqual(want);
  }
  close(): void {
    this.client?.destroy();
    this.accepted?.destroy();
    this.server?.close();
  }
}

describe.skipIf(skipReason !== null)('the linux profile against the Linux kernel (loopback, ss -tan)', () => {
  let pair: Pair | undefined;
  afterEach(() => pair?.close());

  it('client closes first: FIN_WAIT_2/CLOSE_WAIT, then TIME_WAIT on the client', async () => {
    pair = new Pair();
    await pair.open();
    pair.client.destroy();
    pair.m('client', 'close');
    await once(pair.accepted, 'end');
    await pair.agree('client close()');
    pair.accepted.destroy();
    pair.m('server', 'close');
    await pair.agree('server close()');
    expect(pair.model.state('client')).toBe('TIME_WAIT');
  });

  it('server closes first: the server is the one left in TIME_WAIT', async () => {
    pair = new Pair();
    await pair.open();
    pair.accepted.destroy();
    pair.m('server', 'close');
    await once(pair.client, 'end');
    await pair.agree('server close()');
    pair.client.destroy();
    pair.m('client', 'close');
    await pair.agree('client close()');
    expect(pair.model.state('server')).toBe('TIME_WAIT');
  });

  it('half-close: after shutdown(SHUT_WR) the peer still sends in CLOSE_WAIT and the client reads it', async () => {
    pair = new Pair();
    await pair.open();
    pair.client.end(); // shutdown(SHUT_WR)
    pair.m('client', 'shutdown');
    await once(pair.accepted, 'end');
    await pair.agree('client shutdown(SHUT_WR)');
    const got = once<Buffer>(pair.client, 'data');
    pair.accepted.write('bye');
    pair.model.call('server', 'write', { data: 'bye' });
    while (pair.model.deliver());
    expect(String(await got)).toBe('bye');
    expect(pair.model.call('client', 'read')).toMatchObject({ ok: true, data: 'bye' });
    await pair.agree('server write in CLOSE_WAIT');
    pair.accepted.end();
    pair.accepted.destroy();
    pair.m('server', 'close');
    await pair.agree('server close()');
  });

  it('close with the peer still open: FIN_WAIT_2 (orphaned; Linux drops it after 60 s, the RFC waits forever)', async () => {
    pair = new Pair();
    await pair.open();
    pair.client.destroy();
    pair.m('client', 'close');
    await once(pair.accepted, 'end');
    await pair.agree('client close(), server keeps its socket open');
    expect(pair.model.state('client')).toBe('FIN_WAIT_2');
    // the difference: only the linux profile runs a FIN_WAIT_2 timer for an orphan
    expect(pair.model.tcb('client')?.orphan).toBe(true);
  });

  it('connection refused: RST in SYN_SENT gives ECONNREFUSED (Linux; the RFC says "connection reset")', async () => {
    const probe = net.createServer().listen(0, '127.0.0.1');
    await once(probe, 'listening');
    const port = (probe.address() as net.AddressInfo).port;
    await new Promise<void>((r) => probe.close(() => r()));
    const sock = net.connect({ port, host: '127.0.0.1' });
    const err = await once<NodeJS.ErrnoException>(sock, 'error');
    const w = createWorld({ profile: 'linux' });
    w.call('client', 'socket');
    w.call('client', 'connect', { port });
    while (w.deliver());
    expect(w.takeLog().errors.map((e) => e.errno)).toEqual([err.code]);
    expect(w.state('client')).toBe('CLOSED');
  });
});
