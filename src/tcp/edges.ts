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

/**
 * Every edge the model may take: the 20 of Figure 5, then 9 from the text. Object literals, not calls,
 * so a bundle that does not use the table leaves it out (islands reach this file through `~/tcp`).
 */
export const RFC_EDGES: readonly RfcEdge[] = [
  { from: 'CLOSED', to: 'LISTEN', label: 'listen', diagram: true },
  { from: 'CLOSED', to: 'SYN_SENT', label: 'connect / SYN', diagram: true },
  { from: 'LISTEN', to: 'SYN_RECEIVED', label: 'SYN / SYN, ACK', diagram: true },
  { from: 'LISTEN', to: 'SYN_SENT', label: 'send / SYN', diagram: true },
  { from: 'LISTEN', to: 'CLOSED', label: 'close, abort', diagram: true },
  { from: 'SYN_SENT', to: 'SYN_RECEIVED', label: 'SYN / SYN, ACK', diagram: true },
  { from: 'SYN_SENT', to: 'ESTABLISHED', label: 'SYN, ACK / ACK', diagram: true },
  { from: 'SYN_SENT', to: 'CLOSED', label: 'close, abort, RST, timeout', diagram: true },
  { from: 'SYN_RECEIVED', to: 'ESTABLISHED', label: 'ACK of SYN', diagram: true },
  { from: 'SYN_RECEIVED', to: 'FIN_WAIT_1', label: 'close / FIN', diagram: true },
  // Figure 5 note 1: only a connection that came from LISTEN (passive open) returns there
  { from: 'SYN_RECEIVED', to: 'LISTEN', label: 'RST after a passive open', diagram: true },
  { from: 'ESTABLISHED', to: 'FIN_WAIT_1', label: 'close / FIN', diagram: true },
  { from: 'ESTABLISHED', to: 'CLOSE_WAIT', label: 'FIN / ACK', diagram: true },
  { from: 'FIN_WAIT_1', to: 'FIN_WAIT_2', label: 'ACK of FIN', diagram: true },
  { from: 'FIN_WAIT_1', to: 'CLOSING', label: 'FIN / ACK', diagram: true },
  { from: 'FIN_WAIT_2', to: 'TIME_WAIT', label: 'FIN / ACK', diagram: true },
  { from: 'CLOSE_WAIT', to: 'LAST_ACK', label: 'close / FIN', diagram: true },
  { from: 'CLOSING', to: 'TIME_WAIT', label: 'ACK of FIN', diagram: true },
  { from: 'LAST_ACK', to: 'CLOSED', label: 'ACK of FIN, RST, abort', diagram: true },
  { from: 'TIME_WAIT', to: 'CLOSED', label: '2·MSL timeout, RST, abort', diagram: true },
  { from: 'SYN_SENT', to: 'CLOSE_WAIT', label: 'SYN, ACK with FIN / ACK', diagram: false },
  { from: 'SYN_RECEIVED', to: 'CLOSE_WAIT', label: 'ACK of SYN with FIN / ACK', diagram: false },
  { from: 'SYN_RECEIVED', to: 'CLOSED', label: 'RST, abort, timeout', diagram: false },
  { from: 'ESTABLISHED', to: 'CLOSED', label: 'RST, abort', diagram: false },
  { from: 'FIN_WAIT_1', to: 'TIME_WAIT', label: 'FIN + ACK of FIN / ACK', diagram: false },
  { from: 'FIN_WAIT_1', to: 'CLOSED', label: 'RST, abort', diagram: false },
  { from: 'FIN_WAIT_2', to: 'CLOSED', label: 'RST, abort, timeout', diagram: false },
  { from: 'CLOSE_WAIT', to: 'CLOSED', label: 'RST, abort', diagram: false },
  { from: 'CLOSING', to: 'CLOSED', label: 'RST, abort', diagram: false },
];

/** True when the model may move from `from` to `to` (staying put is always allowed). Pure. */
export function isRfcEdge(from: TcpState, to: TcpState): boolean {
  return from === to || RFC_EDGES.some((e) => e.from === from && e.to === to);
}
