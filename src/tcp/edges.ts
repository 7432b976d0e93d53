/** The edges of the RFC 9293 state machine, for tests and for the lessons' state diagram. Data and pure lookups. */
import type { TcpState } from './types';

/**
 * One edge, one per pair of states. `diagram` is true when RFC 9293 §3.3.2 Figure 5 draws it; the
 * others come from the text of §3.10 and the figure's notes (note 2: FIN + ACK of FIN in FIN_WAIT_1;
 * note 3: RST and ABORT from any state). `label` is "events / what is sent"; a figure edge lists the
 * figure's event first, then what the text adds (RST, abort, timeout).
 * Example: `{ "from": "CLOSED", "to": "SYN_SENT", "label": "connect / SYN", "diagram": true }`
 */
export interface RfcEdge {
  from: TcpState;
  to: TcpState;
  label: string;
  diagram: boolean;
}

const E = (from: TcpState, to: TcpState, label: string, diagram = true): RfcEdge => ({ from, to, label, diagram });

/** Every edge the model may take: the 20 of Figure 5, then 9 from the text. */
export const RFC_EDGES: readonly RfcEdge[] = [
  E('CLOSED', 'LISTEN', 'listen'),
  E('CLOSED', 'SYN_SENT', 'connect / SYN'),
  E('LISTEN', 'SYN_RECEIVED', 'SYN / SYN, ACK'),
  E('LISTEN', 'SYN_SENT', 'send / SYN'),
  E('LISTEN', 'CLOSED', 'close, abort'),
  E('SYN_SENT', 'SYN_RECEIVED', 'SYN / SYN, ACK'),
  E('SYN_SENT', 'ESTABLISHED', 'SYN, ACK / ACK'),
  E('SYN_SENT', 'CLOSED', 'close, abort, RST, timeout'),
  E('SYN_RECEIVED', 'ESTABLISHED', 'ACK of SYN'),
  E('SYN_RECEIVED', 'FIN_WAIT_1', 'close / FIN'),
  // Figure 5 note 1: only a connection that came from LISTEN (passive open) returns there
  E('SYN_RECEIVED', 'LISTEN', 'RST after a passive open'),
  E('ESTABLISHED', 'FIN_WAIT_1', 'close / FIN'),
  E('ESTABLISHED', 'CLOSE_WAIT', 'FIN / ACK'),
  E('FIN_WAIT_1', 'FIN_WAIT_2', 'ACK of FIN'),
  E('FIN_WAIT_1', 'CLOSING', 'FIN / ACK'),
  E('FIN_WAIT_2', 'TIME_WAIT', 'FIN / ACK'),
  E('CLOSE_WAIT', 'LAST_ACK', 'close / FIN'),
  E('CLOSING', 'TIME_WAIT', 'ACK of FIN'),
  E('LAST_ACK', 'CLOSED', 'ACK of FIN, RST, abort'),
  E('TIME_WAIT', 'CLOSED', '2·MSL timeout, RST, abort'),
  E('SYN_SENT', 'CLOSE_WAIT', 'SYN, ACK with FIN / ACK', false),
  E('SYN_RECEIVED', 'CLOSE_WAIT', 'ACK of SYN with FIN / ACK', false),
  E('SYN_RECEIVED', 'CLOSED', 'RST, abort, timeout', false),
  E('ESTABLISHED', 'CLOSED', 'RST, abort', false),
  E('FIN_WAIT_1', 'TIME_WAIT', 'FIN + ACK of FIN / ACK', false),
  E('FIN_WAIT_1', 'CLOSED', 'RST, abort', false),
  E('FIN_WAIT_2', 'CLOSED', 'RST, abort, timeout', false),
  E('CLOSE_WAIT', 'CLOSED', 'RST, abort', false),
  E('CLOSING', 'CLOSED', 'RST, abort', false),
];

/** True when the model may move from `from` to `to` (staying put is always allowed). Pure. */
export function isRfcEdge(from: TcpState, to: TcpState): boolean {
  return from === to || RFC_EDGES.some((e) => e.from === from && e.to === to);
}
