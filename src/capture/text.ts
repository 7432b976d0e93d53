import { drive, type ParseSteps } from './steps';
import {
  MAX_PACKETS,
  type ParseResult,
  type TcpFlags,
  type TcpOptions,
  type TcpPacket,
  type TimeKind,
  type Timestamp,
  type Warning,
} from './types';

/**
 * Service names `tcpdump -n` (without the second `n`) prints for ports, as /etc/services on Linux and macOS
 * spell them. A name not here is reported (`port-names`) so the reader can capture again with `-nn`.
 */
const SERVICES: Record<string, number> = {
  echo: 7,
  ftp: 21,
  ssh: 22,
  telnet: 23,
  smtp: 25,
  domain: 53,
  http: 80,
  www: 80,
  pop3: 110,
  imap: 143,
  https: 443,
  submission: 587,
  imaps: 993,
  mysql: 3306,
  postgresql: 5432,
  'commplex-main': 5000,
  'commplex-link': 5001,
  'http-alt': 8080,
  webcache: 8080,
  cslistener: 9000,
};

/** tcpdump's chatter around the packets, never counted as a skipped line. */
const CHATTER =
  /^(reading from file|listening on|tcpdump: |\d+ packets? (captured|received by filter|dropped by kernel)|Capturing on )/;

const TIME =
  /^(?:(\d{4})-(\d\d)-(\d\d) (\d\d):(\d\d):(\d\d)(?:\.(\d{1,9}))?|(\d\d):(\d\d):(\d\d)(?:\.(\d{1,9}))?|(\d{9,})\.(\d{1,9}))\s/;
const TCPDUMP = /(?:^|\s)(\S+)\.([\w-]+) > (\S+)\.([\w-]+): Flags \[([SFPRUWE.]*)\](.*)$/;
const TSHARK =
  /^\s*(\d+)\s+(-?\d+(?:\.\d+)?)\s+(\S+)\s+(?:→|->)\s+(\S+)\s+TCP\s+\d+\s+(?:\[[^\]]*\]\s+)*(\d+)\s*(?:→|->)\s*(\d+)\s+\[([^\]]*)\](.*)$/;

/** True when `text` holds at least one line this module reads as a TCP segment. Pure. */
export function looksLikeText(text: string): boolean {
  for (const { line } of joinLines(text)) if (TCPDUMP.test(line) || TSHARK.test(line)) return true;
  return false;
}

/**
 * tcpdump -v writes the IP header on one line and the TCP part on the next, indented: join them. Each
 * joined line keeps the number (from 1) of its first line in the text.
 */
function joinLines(text: string): Array<{ line: string; at: number }> {
  const out: Array<{ line: string; at: number }> = [];
  text.split(/\r?\n/).forEach((raw, i) => {
    const last = out[out.length - 1];
    if (last && /^\s+\S/.test(raw) && /\bIP6? \(/.test(last.line) && !last.line.includes(' Flags ['))
      last.line = `${last.line} ${raw.trim()}`;
    else out.push({ line: raw, at: i + 1 });
  });
  return out;
}

function fraction(digits: string | undefined): number {
  return digits ? Number(digits.padEnd(9, '0')) : 0;
}

function lineTime(line: string): { time: Timestamp | null; kind: TimeKind } {
  const m = TIME.exec(line);
  if (!m) return { time: null, kind: 'none' };
  if (m[1] !== undefined) {
    const s = Date.UTC(+m[1], +m[2]! - 1, +m[3]!, +m[4]!, +m[5]!, +m[6]!) / 1000;
    return { time: { s, ns: fraction(m[7]) }, kind: 'absolute' };
  }
  if (m[8] !== undefined)
    return { time: { s: +m[8] * 3600 + +m[9]! * 60 + +m[10]!, ns: fraction(m[11]) }, kind: 'time-of-day' };
  return { time: { s: +m[12]!, ns: fraction(m[13]) }, kind: 'absolute' };
}

function noFlags(): TcpFlags {
  return { syn: false, ack: false, fin: false, rst: false, psh: false, urg: false, ece: false, cwr: false };
}

/** tcpdump's option list, e.g. `mss 65495,sackOK,TS val 1 ecr 0,nop,wscale 10` or `nop,nop,sack 1 {1:5}`. */
function tcpdumpOptions(list: string): TcpOptions {
  const o: TcpOptions = {};
  for (const item of list.split(',')) {
    const t = item.trim();
    let m: RegExpExecArray | null;
    if ((m = /^mss (\d+)/.exec(t))) o.mss = +m[1]!;
    else if (t === 'sackOK') o.sackPermitted = true;
    else if ((m = /^wscale (\d+)/.exec(t))) o.wscale = +m[1]!;
    else if ((m = /^TS val (\d+) ecr (\d+)/.exec(t))) o.ts = { val: +m[1]!, ecr: +m[2]! };
    else if ((m = /^sack \d+ (.*)/.exec(t)))
      o.sack = [...m[1]!.matchAll(/\{(\d+):(\d+)\}/g)].map((b) => [+b[1]!, +b[2]!] as [number, number]);
  }
  return o;
}

const U32 = 2 ** 32;
/** Distance between two 32-bit sequence numbers, either way round. */
function distance(a: number, b: number): number {
  const d = (((a - b) % U32) + U32) % U32;
  return Math.min(d, U32 - d);
}

/**
 * Undoes tcpdump's relative sequence numbers (printed without `-S`). tcpdump (print-tcp.c) keeps, per
 * connection, the numbers of the first segment with ACK it saw (or of the last SYN with ACK): that segment
 * is printed as it is, and every later segment with ACK as the difference. A number already close to the
 * base is taken as absolute, so text written with `-S` passes through unchanged. Stateful, one per parse.
 */
class Unrelative {
  private readonly base = new Map<string, number>(); // "addr.port" of a sender → its first seq

  convert(p: TcpPacket): void {
    if (!p.flags.ack || p.ack === null) return;
    const me = `${p.src}.${p.sport}`;
    const peer = `${p.dst}.${p.dport}`;
    const mine = this.base.get(`${me}>${peer}`);
    const theirs = this.base.get(`${peer}>${me}`);
    if (mine === undefined || theirs === undefined || p.flags.syn) {
      if (p.seq !== null) this.base.set(`${me}>${peer}`, p.seq);
      this.base.set(`${peer}>${me}`, (p.ack - 1 + U32) % U32);
      return;
    }
    const fix = (v: number, b: number) => (distance(v, b) < v ? v : (v + b) % U32);
    if (p.seq !== null) p.seq = fix(p.seq, mine);
    p.ack = fix(p.ack, theirs);
  }
}

function tcpdumpLine(line: string, n: number, unknown: Set<string>): TcpPacket | null {
  const m = TCPDUMP.exec(line);
  if (!m) return null;
  const port = (s: string) => (/^\d+$/.test(s) ? +s : SERVICES[s]);
  const sport = port(m[2]!);
  const dport = port(m[4]!);
  if (sport === undefined || dport === undefined || sport > 65535 || dport > 65535) {
    for (const s of [m[2]!, m[4]!]) if (port(s) === undefined) unknown.add(s);
    return null;
  }
  const flags = noFlags();
  for (const c of m[5]!) {
    if (c === 'S') flags.syn = true;
    else if (c === 'F') flags.fin = true;
    else if (c === 'P') flags.psh = true;
    else if (c === 'R') flags.rst = true;
    else if (c === 'U') flags.urg = true;
    else if (c === 'W') flags.cwr = true;
    else if (c === 'E') flags.ece = true;
    else if (c === '.') flags.ack = true;
  }
  const rest = m[6]!;
  const seq = /, seq (\d+)/.exec(rest);
  const ack = /, ack (\d+)/.exec(rest);
  const win = /, win (\d+)/.exec(rest);
  const len = /, length (\d+)/.exec(rest);
  const opts = /, options \[([^\]]*)\]/.exec(rest);
  return {
    n,
    time: lineTime(line).time,
    src: m[1]!,
    sport,
    dst: m[3]!,
    dport,
    seq: seq ? +seq[1]! % U32 : null,
    ack: flags.ack && ack ? +ack[1]! % U32 : null,
    flags,
    win: win ? +win[1]! : 0,
    len: len ? +len[1]! : 0,
    options: opts ? tcpdumpOptions(opts[1]!) : {},
  };
}

function tsharkLine(line: string): TcpPacket | null {
  const m = TSHARK.exec(line);
  if (!m || +m[5]! > 65535 || +m[6]! > 65535) return null;
  const flags = noFlags();
  for (const f of m[7]!.split(/,\s*/)) {
    const k = f.toLowerCase();
    if (
      k === 'syn' ||
      k === 'ack' ||
      k === 'fin' ||
      k === 'rst' ||
      k === 'psh' ||
      k === 'urg' ||
      k === 'ece' ||
      k === 'cwr'
    )
      flags[k] = true;
  }
  const info = m[8]!;
  const field = (name: string) => {
    const f = new RegExp(`(?:^|\\s)${name}=(\\d+)`).exec(info);
    return f ? +f[1]! : undefined;
  };
  const options: TcpOptions = {};
  const mss = field('MSS');
  if (mss !== undefined) options.mss = mss;
  if (/(?:^|\s)SACK_PERM/.test(info)) options.sackPermitted = true;
  const ws = field('WS');
  if (ws !== undefined && ws > 0) options.wscale = Math.round(Math.log2(ws));
  const tsval = field('TSval');
  const tsecr = field('TSecr');
  if (tsval !== undefined) options.ts = { val: tsval, ecr: tsecr ?? 0 };
  const secs = Number(m[2]);
  const s = Math.floor(secs);
  const dot = m[2]!.indexOf('.');
  return {
    n: +m[1]!,
    time: { s, ns: dot < 0 ? 0 : fraction(m[2]!.slice(dot + 1)) },
    src: m[3]!,
    sport: +m[5]!,
    dst: m[4]!,
    dport: +m[6]!,
    seq: (field('Seq') ?? 0) % U32,
    ack: flags.ack ? (field('Ack') ?? 0) % U32 : null,
    flags,
    win: field('Win') ?? 0,
    len: field('Len') ?? 0,
    options,
  };
}

/**
 * Parses text from `tcpdump -n`/`-nn` (with or without `-S`, `-t…`, `-v`; Linux and macOS print the same
 * TCP line) or from `tshark` (its default one-line summary). Lines that are not TCP segments are counted
 * and skipped. Sequence numbers come out absolute for tcpdump (its relative ones are undone); tshark's
 * relative numbers are kept (each side's ISN is then 0). Pure; never throws.
 */
export function parseText(text: string): ParseResult {
  return drive(textSteps(text));
}

/** How many lines the text reader reads between two pauses. */
const STEP_LINES = 4000;

/** `parseText` as steps that pause every `STEP_LINES` lines (see ./steps.ts). */
export function* textSteps(text: string): ParseSteps {
  const lines = joinLines(text);
  const packets: TcpPacket[] = [];
  const unknown = new Set<string>();
  const unrelative = new Unrelative();
  let skipped = 0;
  let firstSkipped = 0;
  let tshark = 0;
  let kind: TimeKind | null = null;
  for (const [i, { line, at }] of lines.entries()) {
    if (i > 0 && i % STEP_LINES === 0) yield i / lines.length;
    if (line.trim() === '' || CHATTER.test(line)) continue;
    let p = tcpdumpLine(line, packets.length + 1, unknown);
    if (p) {
      unrelative.convert(p);
      const k = lineTime(line).kind;
      kind = kind === null || kind === k ? k : 'none';
    } else if ((p = tsharkLine(line))) {
      tshark++;
      kind = 'relative';
    }
    if (!p) {
      // A TCP line with an unknown service name is reported as `port-names`, not as skipped.
      if (TCPDUMP.test(line)) continue;
      if (skipped++ === 0) firstSkipped = at;
      continue;
    }
    packets.push(p);
    if (packets.length > MAX_PACKETS)
      return { ok: false, error: { code: 'too-many-packets', packets: packets.length } };
  }
  const warnings: Warning[] = [];
  if (unknown.size > 0) warnings.push({ code: 'port-names', names: [...unknown].sort() });
  if (packets.length === 0) {
    if (unknown.size > 0) return { ok: false, error: { code: 'no-tcp', packets: skipped } };
    return { ok: false, error: skipped === 0 ? { code: 'empty' } : { code: 'unknown-format' } };
  }
  if (skipped > 0) warnings.push({ code: 'skipped-lines', count: skipped, first: firstSkipped });
  return {
    ok: true,
    format: tshark > packets.length / 2 ? 'tshark' : 'tcpdump',
    timeKind: kind ?? 'none',
    total: packets.length,
    packets,
    warnings,
  };
}
