/** Scripted plays for the simulator tests, written in the share format (src/simulator/share.ts). */
import { decodeRun } from '~/simulator/share';
import type { Move } from '~/simulator/run';

/** The moves of `tokens` (`'s.socket,s.bind,d'`); throws on a token the format refuses. */
export function moves(tokens: string): Move[] {
  const d = decodeRun(`#run=1,100,300${tokens ? `,${tokens}` : ''}`);
  if (!d?.ok) throw new Error(`bad play: ${tokens}`);
  return d.moves;
}

const OPEN = 's.socket,s.bind,s.listen,c.socket,c.connect,d,d,d,s.accept';

/** A run that completes each challenge, by id; its last move is the one that completes it. */
export const PLAYS: Record<string, string> = {
  'close-wait': `${OPEN},c.close,d,d`,
  refused: 'c.socket,c.connect,d,d',
  'simultaneous-open': 'c.socket,s.socket,s.bind,c.connect,s.connect,d,d,d,d',
  'simultaneous-close': `${OPEN},c.close,s.close,d,d`,
  'lost-final-ack': `${OPEN},c.close,d,d,s.close,d,x,s.retransmit,d,d`,
  'three-segment-close': `${OPEN},c.close,h,s.close,d,d`,
  'half-close': `${OPEN},c.shutdown,d,d,s.write,d,d,c.read`,
  'time-wait-expires': `${OPEN},c.close,d,d,s.close,d,d,c.time_wait`,
};

/** A near miss for each challenge: a run that looks like it but does not complete it. */
export const MISSES: Record<string, string> = {
  'close-wait': `${OPEN},c.close,d,d,s.close`,
  refused: `${OPEN}`,
  'simultaneous-open': OPEN,
  'simultaneous-close': `${OPEN},c.close,d,d,s.close,d,d`,
  'lost-final-ack': `${OPEN},c.close,d,d,s.close,x,s.retransmit,d,d`,
  'three-segment-close': `${OPEN},c.close,d,d,s.close,d,d`,
  'half-close': `${OPEN},c.close,d,d,s.write,d,d,c.read`,
  'time-wait-expires': `${OPEN},c.close,d,d,s.close,d,d,s.time_wait`,
};
