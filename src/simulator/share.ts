/**
 * A run in a URL fragment, so a teacher can hand out a set-up and a student can send a puzzle:
 * `#run=1,3021,88810,s.socket,s.bind,s.listen,c.socket,c.connect,d,d,d,s.accept`: the format version, the
 * client's and the server's ISN, then one token per move (`c.`/`s.` and a call or timer name; `d` deliver,
 * `h` deliver holding the ACK, `x` drop). Decoding trusts nothing: any token it does not know, a number out
 * of range or a run too long gives an error naming the problem, never a partial run. Pure.
 */
import { SIM_CALLS, SIM_TIMERS, type Isns, type Move, type NetMove, type SimCall, type SimTimer } from './run';

/** The fragment's name: `#run=…`. */
export const SHARE_PREFIX = '#run=';
/** The longest run a fragment may carry (a long run is a long URL; no challenge needs a tenth of this). */
export const MAX_MOVES = 400;
const VERSION = '1';
const NET: Record<string, NetMove> = { d: 'deliver', h: 'hold', x: 'drop' };
const NET_TOKEN: Record<NetMove, string> = { deliver: 'd', hold: 'h', drop: 'x' };

/** A decoded fragment: the run, or why it was refused (`reason` is a UI key suffix: `sim.share.bad.<reason>`). */
export type Decoded =
  { ok: true; isn: Isns; moves: Move[] } | { ok: false; reason: 'format' | 'version' | 'isn' | 'move' | 'long' };

/** The fragment for a run, `#run=…`. Pure. */
export function encodeRun(isn: Isns, moves: readonly Move[]): string {
  const tokens = moves.map((m) => ('net' in m ? NET_TOKEN[m.net] : `${m.side[0]}.${'call' in m ? m.call : m.timer}`));
  return `${SHARE_PREFIX}${[VERSION, isn.client, isn.server, ...tokens].join(',')}`;
}

const isIsn = (s: string | undefined): boolean => s !== undefined && /^\d{1,10}$/.test(s) && Number(s) <= 0xffffffff;

/**
 * Reads a fragment (`location.hash`, with or without its `#`). `null` when it carries no run (empty, or
 * another anchor); otherwise the run or the reason it was refused. Never throws. Pure.
 */
export function decodeRun(hash: string): Decoded | null {
  const h = hash.startsWith('#') ? hash : `#${hash}`;
  if (!h.startsWith(SHARE_PREFIX)) return null;
  // Some mail and chat programs escape the commas; anything else escaped is not ours.
  const body = h.slice(SHARE_PREFIX.length).replace(/%2C/gi, ',');
  if (body.length > MAX_MOVES * 16 + 40) return { ok: false, reason: 'long' };
  const parts = body.split(',');
  const [version, client, server, ...tokens] = parts;
  if (parts.length < 3) return { ok: false, reason: 'format' };
  if (version !== VERSION) return { ok: false, reason: 'version' };
  if (!isIsn(client) || !isIsn(server)) return { ok: false, reason: 'isn' };
  if (tokens.length > MAX_MOVES) return { ok: false, reason: 'long' };
  const moves: Move[] = [];
  for (const token of tokens) {
    const net = Object.hasOwn(NET, token) ? NET[token] : undefined;
    if (net) {
      moves.push({ net });
      continue;
    }
    const m = /^([cs])\.([a-z_]+)$/.exec(token);
    if (!m) return { ok: false, reason: 'move' };
    const side = m[1] === 'c' ? 'client' : 'server';
    const name = m[2]!;
    if ((SIM_CALLS as readonly string[]).includes(name)) moves.push({ side, call: name as SimCall });
    else if ((SIM_TIMERS as readonly string[]).includes(name)) moves.push({ side, timer: name as SimTimer });
    else return { ok: false, reason: 'move' };
  }
  return { ok: true, isn: { client: Number(client), server: Number(server) }, moves };
}
