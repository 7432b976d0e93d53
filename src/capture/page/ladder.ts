/**
 * A connection from a capture as a ladder diagram, in the simulator's live-ladder look (one layout:
 * `LadderBuilder` in src/simulator/ladder.ts, drawn by src/simulator/draw.ts): both ends' states before the
 * first segment, then each segment as an arrow labelled with its numbers relative to the ISNs and its time
 * since the first segment in the margin, each state change as a framed note. A segment where the capture
 * departs from the model is marked and names the departure. Every shape of segment i carries step i, for
 * the stepper. Pure.
 */
import { LadderBuilder, type Ladder } from '~/simulator/ladder';
import type { ConnectionView } from './session';
import { departureShorts, elapsedText, type Say } from './messages';

/** The ladder of `view`, its words in the language `say` fills. Pure. */
export function layoutCapture(view: ConnectionView, say: Say): Ladder {
  const b = new LadderBuilder();
  // Without a replay (a capture that started midway) there are no states to note: the page says why.
  if (view.start) {
    b.note('client', view.start.client, 'state');
    b.note('server', view.start.server, 'state');
  }
  let states = view.start;
  view.segments.forEach((s, i) => {
    const remark = departureShorts(s.departures, say);
    const text = remark ? say('diagram.trace.remark', { label: s.label, remark }) : s.label;
    const changed = (side: 'client' | 'server') => s.states && states && s.states[side] !== states[side];
    const receiver = s.from === 'client' ? 'server' : 'client';
    // The sender changed state as it sent (the call that sends it: close() → FIN_WAIT_1), the receiver as
    // the segment arrived: their notes go before and after the arrow, as in the lesson diagrams.
    if (changed(s.from)) b.note(s.from, `→ ${s.states![s.from]}`, 'state', i);
    b.arrow(s.from, text, 'delivered', i, {
      step: i,
      marked: s.departures.length > 0,
      time: elapsedText(s.ms, say),
    });
    if (changed(receiver)) b.note(receiver, `→ ${s.states![receiver]}`, 'state', i);
    states = s.states;
  });
  return b.finish({ client: say('diagram.trace.client'), server: say('diagram.trace.server') });
}
