/**
 * The capture feature's vocabulary: what a parser returns. Pure types, no words for a reader: the page
 * turns every `code` into a sentence in its language.
 */

/** A capture time: whole seconds and nanoseconds. Text without a date gives seconds since midnight. */
export interface Timestamp {
  s: number;
  ns: number;
}

/** The TCP flags, as the header carries them. */
export interface TcpFlags {
  syn: boolean;
  ack: boolean;
  fin: boolean;
  rst: boolean;
  psh: boolean;
  urg: boolean;
  ece: boolean;
  cwr: boolean;
}

/**
 * The TCP options a parser recognises (RFC 9293 §3.2; RFC 7323 window scale and timestamps; RFC 2018 SACK).
 * e.g. `{ "mss": 65495, "sackPermitted": true, "ts": { "val": 1, "ecr": 0 }, "wscale": 7 }`
 */
export interface TcpOptions {
  mss?: number;
  sackPermitted?: boolean;
  wscale?: number;
  ts?: { val: number; ecr: number };
  sack?: Array<[number, number]>;
}

/**
 * One TCP segment found in a capture, e.g.
 * `{ "n": 1, "time": { "s": 1733380000, "ns": 5000 }, "src": "127.0.0.1", "sport": 41234,
 *    "dst": "127.0.0.1", "dport": 8080, "seq": 12345, "ack": null, "flags": {…"syn": true…},
 *    "win": 65495, "len": 0, "options": { "mss": 65495 } }`
 * `seq` is null only where tcpdump's text left it out (a pure ACK); `ack` is null without the ACK flag.
 * `n` is the packet's number in the capture, from 1, as Wireshark and `tcpdump -#` count.
 */
export interface TcpPacket {
  n: number;
  time: Timestamp | null;
  src: string;
  sport: number;
  dst: string;
  dport: number;
  seq: number | null;
  ack: number | null;
  flags: TcpFlags;
  win: number;
  len: number;
  options: TcpOptions;
}

/** Which input a parser recognised. */
export type CaptureFormat = 'pcap' | 'pcapng' | 'tcpdump' | 'tshark';

/** How text gave its times: a date and time, a time of day, seconds from the first packet, or none. */
export type TimeKind = 'absolute' | 'time-of-day' | 'relative' | 'none';

/**
 * Why nothing could be read. `empty`: no bytes or only blank lines; `unknown-format`: neither a capture file
 * nor tcpdump/tshark text; `too-large`: more than `MAX_BYTES`; `too-many-packets`: more than `MAX_PACKETS`;
 * `corrupt`: a header that cannot be right (`at`: its byte offset); `truncated`: the file ends inside its
 * first packet; `unsupported-link`: a link type the parser
 * does not read (`linkType`); `no-tcp`: packets, but no TCP among them.
 */
export type FatalError =
  | { code: 'empty' }
  | { code: 'unknown-format' }
  | { code: 'too-large'; bytes: number }
  | { code: 'too-many-packets'; packets: number }
  | { code: 'corrupt'; at: number }
  | { code: 'truncated'; at: number }
  | { code: 'unsupported-link'; linkType: number }
  | { code: 'no-tcp'; packets: number };

/**
 * Something the parser passed over and the reader should know. `truncated`: the file ends inside packet
 * `at` (the packets before it are kept); `skipped-lines`: lines of text that are not TCP segments (`first`: the first one's line number);
 * `port-names`: text with service names for ports (`tcpdump -n` instead of `-nn`) that the parser did not
 * know; `unsupported-link`: packets on an interface of a link type it does not read.
 */
export type Warning =
  | { code: 'truncated'; at: number }
  | { code: 'skipped-lines'; count: number; first: number }
  | { code: 'port-names'; names: string[] }
  | { code: 'unsupported-link'; linkType: number; packets: number };

/** What parsing a capture gives: the TCP segments, or why there are none. Never thrown: a value. */
export type ParseResult =
  | {
      ok: true;
      format: CaptureFormat;
      timeKind: TimeKind;
      /** All packets in the capture, TCP or not. */
      total: number;
      packets: TcpPacket[];
      warnings: Warning[];
    }
  | { ok: false; error: FatalError };

/** 100 MB: larger input is refused before it is read. */
export const MAX_BYTES = 100 * 1024 * 1024;
/** 200,000 packets: a capture with more is refused. */
export const MAX_PACKETS = 200_000;

/** Called now and then with the fraction read, from 0 to 1, so a page can show progress. */
export type Progress = (fraction: number) => void;
