/**
 * The step-through data of a connection from a capture, in the shape the lesson diagrams' stepper reads
 * (`StepperData`, src/diagrams/stepper/steps.ts), so the capture page steps with the very same controls,
 * keys and projector mode: per segment, both sides' states and [SND.UNA, SND.NXT, RCV.NXT] (relative to
 * the ISNs) from the model's replay, what the live region says and what each end's phone is doing. Pure.
 */
import type { StepperData } from '~/diagrams/stepper/steps';
import { phoneKey } from '~/simulator/phone';
import type { TcpState } from '~/tcp/browser';
import type { Side } from '../connections';
import type { ConnectionView } from './session';
import { departureTexts, elapsedText, type Say } from './messages';

/** The stepper data of `view`, in the language `say` fills. Pure. */
export function captureStepperData(view: ConnectionView, say: Say): StepperData {
  const total = view.segments.length;
  // A connection not replayed has no states: the table shows dashes.
  const none = { client: '—', server: '—' } as unknown as Record<Side, TcpState>;
  const start = view.start ?? none;
  const used: Record<Side, boolean> = { client: false, server: false };
  const listening = view.start?.server === 'LISTEN';
  const phone = (states: Record<Side, TcpState> | null) => {
    if (!states) return '';
    for (const side of ['client', 'server'] as const)
      if (states[side] !== 'CLOSED' && states[side] !== 'LISTEN') used[side] = true;
    const words = (side: Side) =>
      say(phoneKey(states[side], { listening: side === 'server' && listening, used: used[side] }));
    return say('capture.phone', { client: words('client'), server: words('server') });
  };
  phone(view.start);
  return {
    start: {
      states: { ...start },
      vars: { client: null, server: null },
      say: say('capture.step.start', { total }),
    },
    steps: view.segments.map((s, i) => {
      const states = s.states ?? none;
      const why = departureTexts(s.departures, say);
      return {
        step: i,
        states: { ...states },
        vars: s.vars ?? { client: null, server: null },
        action: s.label,
        say: say('capture.step.say', {
          n: i + 1,
          total,
          time: elapsedText(s.ms, say),
          side: say(`capture.side.${s.from}`),
          segment: s.label,
          states: s.states ? say('capture.step.states', { client: states.client, server: states.server }) : '',
          why: why ? say('capture.step.why', { why }) : '',
        }),
        phone: phone(s.states),
      };
    }),
  };
}
