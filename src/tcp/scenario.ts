/**
 * Scenarios as data: the format of `content/scenarios/*.json` and its checker. `parseScenario` is pure
 * (it throws a ScenarioError naming the file, the step index and the fix).
 */
import {
  CALL_NAMES,
  FLAG_NAMES,
  type FlagName,
  type Injection,
  TIMER_KINDS,
  type CallArgs,
  type CallName,
  type Profile,
  type Side,
  type TimerKind,
} from './types';
import type { Selector } from './world';

/** Text in both languages. */
export interface Localized {
  zh: string;
  en: string;
}

/**
 * One step. Index in `steps` (from 0) is the step's number everywhere (trace, error messages).
 * - `{ "call": "client", "op": "connect", "args": { "port": 80 } }` a socket call
 * - `{ "deliver": "next" }` deliver the oldest segment in flight; `"client"`/`"server"`: the oldest from that
 *   side; a number: the segment with that id; `"all"`: deliver until the network is empty.
 *   `"delayAck": true` makes the receiver hold its ACK back so it rides on its next segment.
 * - `{ "drop": "next" }` lose a segment (same selectors, not "all")
 * - `{ "delay": "next" }` move a segment behind all others in flight (reordering)
 * - `{ "timer": "retransmit", "side": "client" }` fire a timer: retransmit, time_wait, fin_wait_2, delayed_ack
 * - `{ "inject": { "from": "client", "flags": ["SYN"], "seq": 90 } }` put any segment on the wire as if that
 *   side sent it (an old duplicate, a what-if); optional "ack" (required with ACK), "len", "data", "port"
 * - `{ "crash": "server" }` that host crashes and reboots: its sockets and TCBs are gone, nothing is sent
 * Any step may carry `"note": { "zh": "…", "en": "…" }`, shown in diagrams.
 */
export type Step = (
  | { call: Side; op: CallName; args?: CallArgs }
  | { deliver: Selector | 'all'; delayAck?: boolean }
  | { drop: Selector }
  | { delay: Selector }
  | { timer: TimerKind; side: Side }
  | { inject: Injection }
  | { crash: Side }
) & { note?: Localized };

/** A parsed scenario, defaults filled in (profile "rfc9293", seed 0). */
export interface Scenario {
  id: string;
  title: Localized;
  description?: Localized;
  profile: Profile;
  seed: number;
  /** A side's ISN, or one per connection of that side in order (see `WorldOptions`). */
  isn?: { client?: number | number[]; server?: number | number[] };
  steps: Step[];
}

/** Thrown by `parseScenario`; `message` reads "file: step N: what is wrong. Fix: what to do". */
export class ScenarioError extends Error {
  constructor(
    readonly file: string,
    readonly step: number | null,
    readonly reason: string,
  ) {
    super(`${file}: ${step === null ? '' : `step ${step}: `}${reason}`);
    this.name = 'ScenarioError';
  }
}

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
const isInt = (v: unknown, max = 2 ** 32 - 1): v is number =>
  Number.isInteger(v) && (v as number) >= 0 && (v as number) <= max;
const list = (xs: readonly string[]) => xs.join(', ');
const ARGS: Record<string, (v: unknown) => boolean> = {
  port: (v) => isInt(v, 65535),
  backlog: (v) => isInt(v),
  data: (v) => typeof v === 'string',
  len: (v) => isInt(v, 1 << 20),
  max: (v) => isInt(v),
  how: (v) => v === 'SHUT_WR' || v === 'SHUT_RDWR',
  fd: (v) => v === 'listener' || v === 'conn',
};

/** Checks and normalizes one scenario file's JSON. Pure; throws ScenarioError. */
export function parseScenario(json: unknown, file: string): Scenario {
  const top = (reason: string): never => {
    throw new ScenarioError(file, null, reason);
  };
  if (!isObj(json))
    return top('a scenario must be a JSON object. Fix: start the file with { "id": …, "title": …, "steps": [ … ] }');
  const loc = (v: unknown, name: string): Localized => {
    if (!isObj(v) || typeof v.zh !== 'string' || typeof v.en !== 'string' || !v.zh || !v.en)
      return top(`"${name}" must be { "zh": "…", "en": "…" } with both texts. Fix: give both languages`);
    return { zh: v.zh, en: v.en };
  };
  const id = json.id;
  const base = file.replace(/^.*[\\/]/, '').replace(/\.json$/, '');
  if (typeof id !== 'string' || !/^[a-z0-9]+(-[a-z0-9]+)*$/.test(id))
    return top(`"id" must be a kebab-case string, got ${JSON.stringify(id)}. Fix: use the file name, e.g. "${base}"`);
  if (file.endsWith('.json') && base !== id)
    top(`"id" is "${id}" but the file is ${base}.json. Fix: make them the same`);
  const sc: Scenario = { id, title: loc(json.title, 'title'), profile: 'rfc9293', seed: 0, steps: [] };
  if (json.description !== undefined) sc.description = loc(json.description, 'description');
  if (json.profile !== undefined) {
    if (json.profile !== 'rfc9293' && json.profile !== 'linux')
      top(`unknown profile ${JSON.stringify(json.profile)}. Fix: use "rfc9293" or "linux"`);
    sc.profile = json.profile as Profile;
  }
  if (json.seed !== undefined)
    sc.seed = isInt(json.seed) ? json.seed : top('"seed" must be an integer from 0 to 2^32-1');
  if (json.isn !== undefined) {
    const i = json.isn;
    const ok = (v: unknown) => isInt(v) || (Array.isArray(v) && v.length > 0 && v.every((n) => isInt(n)));
    if (!isObj(i) || Object.keys(i).some((k) => !isSide(k) || !ok(i[k])))
      top(
        '"isn" must be { "client": n, "server": n }, each an integer from 0 to 2^32-1 or a non-empty list of them (one per connection). Fix: e.g. "isn": { "client": 100, "server": [300, 400] }',
      );
    sc.isn = i as Scenario['isn'] & object;
  }
  for (const k of Object.keys(json))
    if (!['id', 'title', 'description', 'profile', 'seed', 'isn', 'steps', '$schema'].includes(k))
      top(`unknown field "${k}". Fix: remove it (fields: id, title, description, profile, seed, isn, steps)`);
  if (!Array.isArray(json.steps)) return top('"steps" must be an array. Fix: add "steps": [ … ]');
  sc.steps = json.steps.map((raw, i) =>
    parseStep(raw, (reason) => {
      throw new ScenarioError(file, i, reason);
    }),
  );
  return sc;
}

const SEL = 'Fix: use "next", "client", "server" or a segment id (1, 2, …)';
const isSel = (v: unknown) => v === 'next' || v === 'client' || v === 'server' || (isInt(v) && v > 0);
const isSide = (v: unknown): v is Side => v === 'client' || v === 'server';

function parseStep(raw: unknown, bad: (reason: string) => never): Step {
  if (!isObj(raw)) return bad('a step must be an object such as { "call": "client", "op": "connect" }');
  const keys = Object.keys(raw).filter((k) => k !== 'note');
  const only = (...allowed: string[]) => {
    for (const k of keys)
      if (!allowed.includes(k))
        bad(`unexpected field "${k}" in a "${allowed[0]}" step. Fix: allowed fields are ${list(allowed)}, note`);
  };
  let step: Step;
  if ('call' in raw) {
    only('call', 'op', 'args');
    if (!isSide(raw.call)) bad(`"call" names the side, got ${JSON.stringify(raw.call)}. Fix: use "client" or "server"`);
    if (!CALL_NAMES.includes(raw.op as CallName))
      bad(`unknown call ${JSON.stringify(raw.op)} (expected one of ${list(CALL_NAMES)}). Fix: correct "op"`);
    step = { call: raw.call as Side, op: raw.op as CallName };
    if (raw.args !== undefined) {
      const a = raw.args;
      if (!isObj(a)) return bad('"args" must be an object such as { "port": 80 }');
      for (const [k, v] of Object.entries(a)) {
        const check = ARGS[k];
        if (!check) bad(`unknown argument "${k}" (expected one of ${list(Object.keys(ARGS))})`);
        else if (!check(v))
          bad(`bad value ${JSON.stringify(v)} for argument "${k}". Fix: see the step kinds in src/tcp/README.md`);
      }
      step.args = a as CallArgs;
    }
  } else if ('deliver' in raw) {
    only('deliver', 'delayAck');
    if (!isSel(raw.deliver) && raw.deliver !== 'all')
      bad(`bad "deliver" ${JSON.stringify(raw.deliver)}. ${SEL}, or "all"`);
    if (raw.delayAck !== undefined && typeof raw.delayAck !== 'boolean') bad('"delayAck" must be true or false');
    step = { deliver: raw.deliver as Selector };
    if (raw.delayAck) step.delayAck = true;
  } else if ('drop' in raw || 'delay' in raw) {
    const kind = 'drop' in raw ? 'drop' : 'delay';
    only(kind);
    if (!isSel(raw[kind])) bad(`bad "${kind}" ${JSON.stringify(raw[kind])}. ${SEL}`);
    step = kind === 'drop' ? { drop: raw.drop as Selector } : { delay: raw.delay as Selector };
  } else if ('timer' in raw) {
    only('timer', 'side');
    if (!TIMER_KINDS.includes(raw.timer as TimerKind))
      bad(`unknown timer ${JSON.stringify(raw.timer)} (expected one of ${list(TIMER_KINDS)})`);
    if (!isSide(raw.side)) bad(`a timer step needs "side": "client" or "server", got ${JSON.stringify(raw.side)}`);
    step = { timer: raw.timer as TimerKind, side: raw.side as Side };
  } else if ('inject' in raw) {
    only('inject');
    step = { inject: parseInjection(raw.inject, bad) };
  } else if ('crash' in raw) {
    only('crash');
    if (!isSide(raw.crash))
      bad(`"crash" names the host, got ${JSON.stringify(raw.crash)}. Fix: use "client" or "server"`);
    step = { crash: raw.crash as Side };
  } else
    return bad(
      `unknown step kind (fields: ${list(keys)}). Fix: a step has one of "call", "deliver", "drop", "delay", "timer", "inject", "crash"`,
    );
  if (raw.note !== undefined) {
    const n = raw.note;
    if (!isObj(n) || typeof n.zh !== 'string' || typeof n.en !== 'string')
      bad('"note" must be { "zh": "…", "en": "…" }');
    step.note = { zh: n.zh as string, en: n.en as string };
  }
  return step;
}

const INJECT_FIELDS = ['from', 'flags', 'seq', 'ack', 'len', 'data', 'port'];

/** Checks an `inject` step's segment; `bad` throws with the step index. Pure. */
function parseInjection(v: unknown, bad: (reason: string) => never): Injection {
  const example = 'e.g. "inject": { "from": "client", "flags": ["SYN"], "seq": 90 }';
  if (!isObj(v)) return bad(`"inject" must be an object describing the segment. Fix: ${example}`);
  for (const k of Object.keys(v))
    if (!INJECT_FIELDS.includes(k)) bad(`unknown field "inject.${k}". Fix: allowed fields are ${list(INJECT_FIELDS)}`);
  if (!isSide(v.from))
    bad(
      `"inject.from" names the side the segment comes from, got ${JSON.stringify(v.from)}. Fix: use "client" or "server"`,
    );
  const flags = v.flags;
  if (!Array.isArray(flags) || flags.some((f) => !FLAG_NAMES.includes(f as FlagName)))
    bad(`"inject.flags" must be a list of ${list(FLAG_NAMES)}, got ${JSON.stringify(flags)}. Fix: ${example}`);
  const fl = flags as FlagName[];
  const dup = fl.find((f, i) => fl.indexOf(f) !== i);
  if (dup) bad(`"inject.flags" lists ${dup} twice. Fix: name each flag once`);
  if (!isInt(v.seq)) bad(`"inject.seq" must be an integer from 0 to 2^32-1, got ${JSON.stringify(v.seq)}`);
  const inj: Injection = { from: v.from as Side, flags: fl, seq: v.seq as number };
  if (fl.includes('ACK')) {
    if (!isInt(v.ack))
      bad(`"inject.ack" must be an integer from 0 to 2^32-1 when flags has ACK, got ${JSON.stringify(v.ack)}`);
    inj.ack = v.ack as number;
  } else if (v.ack !== undefined)
    bad('"inject.ack" is given but "inject.flags" has no ACK. Fix: add "ACK" or remove "ack"');
  if (v.len !== undefined) {
    if (!isInt(v.len, 1 << 20)) bad(`"inject.len" must be a byte count from 0 to 2^20, got ${JSON.stringify(v.len)}`);
    inj.len = v.len as number;
  }
  if (v.data !== undefined) {
    if (typeof v.data !== 'string') bad(`"inject.data" must be a string, got ${JSON.stringify(v.data)}`);
    if (inj.len !== undefined && inj.len !== (v.data as string).length)
      bad(`"inject.len" is ${inj.len} but "inject.data" has ${(v.data as string).length} bytes. Fix: give one of them`);
    inj.data = v.data as string;
  }
  if (v.port !== undefined) {
    if (!isInt(v.port, 65535)) bad(`"inject.port" must be a port from 0 to 65535, got ${JSON.stringify(v.port)}`);
    inj.port = v.port as number;
  }
  return inj;
}
