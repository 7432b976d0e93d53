/**
 * Marks a rendered scenario diagram for the stepper: each note group and each message (its text and
 * its line) gets `data-mark` (call, segment, state, event: how it is styled) and, when it belongs to a
 * trace step, `data-step`; a note group's mark takes the place of its `data-et="note"`. Done after the cache read, so the cached SVG and its key stay the same.
 * Mermaid draws a sequence diagram's notes in statement order, then its messages in statement order;
 * the marks come in statement order from traceToMarkedMermaid. Pure.
 */
import type { StepMark } from '../trace-to-mermaid';

/** Thrown when the SVG does not hold one element per mark (a Mermaid change the marks did not follow). */
export class MarkError extends Error {
  override name = 'MarkError';
}

const attrs = (m: StepMark) => ` data-mark="${m.kind}"${m.step === null ? '' : ` data-step="${m.step}"`}`;

/** `svg` with every note and message marked as `marks` says (see the file comment). Pure. */
export function markSteps(svg: string, marks: StepMark[]): string {
  const notes = marks.filter((m) => m.el === 'note');
  const messages = marks.filter((m) => m.el === 'message');
  let n = 0;
  let text = 0;
  let line = 0;
  const out = svg
    .replace(/<g data-et="note"/g, (tag) => {
      // The mark tells a note group apart as data-et did (mermaid.css styles its label by either).
      const m = notes[n++];
      return m ? `<g${attrs(m)}` : tag;
    })
    .replace(/<text(?=[^>]*\sclass="messageText")/g, (tag) => {
      const m = messages[text++];
      return m ? `${tag}${attrs(m)}` : tag;
    })
    .replace(/<line(?=[^>]*\sclass="messageLine[01]")/g, (tag) => {
      const m = messages[line++];
      return m ? `${tag}${attrs(m)}` : tag;
    });
  if (n !== notes.length || text !== messages.length || line !== messages.length)
    throw new MarkError(
      `the SVG has ${n} notes, ${text} message texts and ${line} message lines; the trace draws ${notes.length} notes and ${messages.length} messages`,
    );
  return out;
}

/** The width of an SVG's viewBox (the stepper's projector view scales the diagram by it), or undefined. Pure. */
export function svgWidth(svg: string): number | undefined {
  const box = /^<svg[^>]*\sviewBox="[-\d.]+ [-\d.]+ ([\d.]+) [\d.]+"/.exec(svg);
  return box ? Number(box[1]) : undefined;
}
