/**
 * The vocabulary of the TCP model: states, profiles, sides, segments and call results.
 * Type declarations only (nothing runs here).
 */

/** A connection state as RFC 9293 §3.3.2 names it, with underscores for the RFC's hyphens. */
export type TcpState =
  | 'CLOSED'
  | 'LISTEN'
  | 'SYN_SENT'
  | 'SYN_RECEIVED'
  | 'ESTABLISHED'
  | 'FIN_WAIT_1'
  | 'FIN_WAIT_2'
  | 'CLOSE_WAIT'
  | 'CLOSING'
  | 'LAST_ACK'
  | 'TIME_WAIT';

/** Every state, in the order of RFC 9293 §3.3.2. */
export const TCP_STATES: readonly TcpState[] = [
  'CLOSED',
  'LISTEN',
  'SYN_SENT',
  'SYN_RECEIVED',
  'ESTABLISHED',
  'FIN_WAIT_1',
  'FIN_WAIT_2',
  'CLOSE_WAIT',
  'CLOSING',
  'LAST_ACK',
  'TIME_WAIT',
];

/** Which rules apply: `rfc9293` is what the lessons teach; `linux` is what a Linux 6.x kernel does. */
export type Profile = 'rfc9293' | 'linux';

/** One of the two hosts of a world. */
export type Side = 'client' | 'server';

/** The control bits the model uses. */
export interface Flags {
  syn: boolean;
  ack: boolean;
  fin: boolean;
  rst: boolean;
}

/**
 * A TCP segment as the model sees it. `ack` means something only when `flags.ack`; `len` counts data
 * bytes only (SYN and FIN each take one more sequence number, see `segLen`).
 * Example: `{ "flags": { "syn": true, "ack": true, "fin": false, "rst": false }, "seq": 300, "ack": 101, "len": 0 }`
 */
export interface Segment {
  flags: Flags;
  seq: number;
  ack: number;
  len: number;
  /** The bytes carried, when the writer gave them (`len` always counts them). */
  data?: string;
}

/** A segment put on the network, with its id (1, 2, … in sending order) and its sender. */
export interface SentSegment extends Segment {
  id: number;
  from: Side;
  /** True when a timer sent it again. */
  retransmit?: boolean;
  /** True when it was put on the wire from outside (`World.inject`), not sent by its side's TCB. */
  injected?: boolean;
}

/**
 * The error numbers a call can give, as the sockets API (Linux) names them, in both profiles: errno is a
 * sockets concept, RFC 9293 has none (see `RfcMessage`). EAGAIN stands for "would block".
 */
export type Errno =
  | 'EAGAIN'
  | 'EALREADY'
  | 'EBADF'
  | 'ECONNREFUSED'
  | 'ECONNRESET'
  | 'EINVAL'
  | 'EISCONN'
  | 'EMFILE'
  | 'ENOTCONN'
  | 'EPIPE'
  | 'ETIMEDOUT';

/** The socket calls the lessons teach. `send`/`recv` are the same as `write`/`read`. */
export type CallName =
  | 'socket'
  | 'bind'
  | 'listen'
  | 'accept'
  | 'connect'
  | 'write'
  | 'send'
  | 'read'
  | 'recv'
  | 'shutdown'
  | 'close'
  | 'abort';

/** Every call name, for validation and messages. */
export const CALL_NAMES: readonly CallName[] = [
  'socket',
  'bind',
  'listen',
  'accept',
  'connect',
  'write',
  'send',
  'read',
  'recv',
  'shutdown',
  'close',
  'abort',
];

/**
 * Arguments of a call; each call reads the ones it needs.
 * `port` (bind, connect), `backlog` (listen), `data` or `len` (write; connect: data on the SYN), `max` (read),
 * `how` (shutdown, only "SHUT_WR" and "SHUT_RDWR"), `fd` (close/abort on the server: "listener" or "conn").
 */
export interface CallArgs {
  port?: number;
  backlog?: number;
  data?: string;
  len?: number;
  max?: number;
  how?: 'SHUT_WR' | 'SHUT_RDWR';
  fd?: 'listener' | 'conn';
}

/**
 * What a call returns: never an exception. `value` is the byte count of write/read (0 from read is
 * end of file); `data` the bytes read. `reason` names the illegal move more precisely than errno; `rfc`
 * is RFC 9293's message for it, where it has one.
 * Example: `{ "ok": false, "errno": "EPIPE", "reason": "write-after-shutdown", "rfc": "connection closing" }`
 */
export type CallResult =
  { ok: true; value?: number; data?: string } | { ok: false; errno: Errno; reason?: string; rfc?: RfcMessage };

/**
 * RFC 9293's words for an error (§3.10.1–3.10.7: "error: connection reset", "connection refused", …),
 * reported beside the errno where the RFC names the situation, so a lesson can quote both.
 */
export type RfcMessage =
  | 'connection reset'
  | 'connection refused'
  | 'connection closing'
  | 'connection does not exist'
  | 'connection already exists'
  | 'foreign socket unspecified';

/**
 * An error the model reports: the errno and, where RFC 9293 names it, its message.
 * Example: `{ "errno": "ECONNREFUSED", "rfc": "connection reset" }` (a RST in SYN_SENT)
 */
export interface TcpError {
  errno: Errno;
  rfc?: RfcMessage;
}

/** Timers a scenario fires by hand: retransmission, TIME_WAIT's 2·MSL, Linux's orphaned FIN_WAIT_2, delayed ACK. */
export type TimerKind = 'retransmit' | 'time_wait' | 'fin_wait_2' | 'delayed_ack';

/** Every timer kind. */
export const TIMER_KINDS: readonly TimerKind[] = ['retransmit', 'time_wait', 'fin_wait_2', 'delayed_ack'];

/** A control bit by name, as a scenario's `inject` step lists them. */
export type FlagName = 'SYN' | 'ACK' | 'FIN' | 'RST';

/** Every flag name. */
export const FLAG_NAMES: readonly FlagName[] = ['SYN', 'ACK', 'FIN', 'RST'];

/**
 * A segment put on the wire from outside (a scenario's `inject` step): `flags` by name; `ack` is given
 * exactly when ACK is; `data`, or `len` data bytes (default 0); `port` the destination port (default:
 * any listener). Example: `{ "from": "client", "flags": ["ACK"], "seq": 106, "ack": 301, "data": "world" }`
 */
export interface Injection {
  from: Side;
  flags: FlagName[];
  seq: number;
  ack?: number;
  len?: number;
  data?: string;
  port?: number;
}
