/**
 * <quiz-number>: compute a seq or ack number. Every attempt draws new ISNs; the expected number
 * comes from running the scenario in the TCP model with those ISNs, never from a stored answer.
 * The model is a chunk of its own that the question needs only to grade: its download starts when the
 * reader first focuses or types in the field, and Check waits for it. Browser only.
 */
import { gradeNumber, readNumber } from '~/quiz/grade';
import type { Scenario } from '~/tcp';
import { randomIsn } from '~/quiz/random';
import type { Isns } from '~/quiz/answers';
import { fill } from '~/i18n/fill';
import type { UiKey } from '~/i18n';
import type { NumberMistake } from '~/quiz/grade';
import { QuizQuestion } from '~/quiz/client/base';

/** The sentence for each kind of wrong answer. */
const MISTAKES = {
  empty: 'quiz.number.empty',
  nan: 'quiz.number.nan',
  'off-by-one': 'quiz.number.offByOne',
  mixed: 'quiz.number.mixed',
  wrong: 'quiz.number.wrong',
} as const satisfies Record<NumberMistake, UiKey>;

type Run = (typeof import('~/quiz/model'))['segmentsWithIsns'];
let model: Promise<Run> | undefined;

/**
 * The TCP model's run of a scenario, loaded once for all the page's number questions; after a failed load
 * the next call tries again. (Only the one function is taken, so the bundle leaves out the rest of the module.)
 */
function loadModel(): Promise<Run> {
  model ??= import('~/quiz/model').then(
    ({ segmentsWithIsns }) => segmentsWithIsns,
    (error: unknown) => {
      model = undefined;
      throw error;
    },
  );
  return model;
}

class QuizNumber extends QuizQuestion {
  private input!: HTMLInputElement;
  private isns!: Isns;
  private expected = 0;
  /** Counts the attempts, so that a check still waiting for the model when the question is reset is dropped. */
  private attempt = 0;
  private checking = false;

  protected setup(): void {
    this.input = this.body.querySelector('input')!;
    this.input.addEventListener('keydown', (event) => {
      if (event.key === 'Enter' && !this.checkButton.hidden) {
        event.preventDefault();
        void this.check();
      }
    });
    // A prefetch: by the time the reader has typed an answer the model is usually here. A failure is told
    // when they check.
    const prefetch = () => void loadModel().catch(() => {});
    for (const type of ['focus', 'input']) this.input.addEventListener(type, prefetch, { once: true });
  }

  protected async check(): Promise<void> {
    if (this.checking) return;
    const typed = this.input.value;
    const value = readNumber(typed);
    if (typeof value === 'string') {
      this.say(this.labels[MISTAKES[value]]);
      this.input.setAttribute('aria-invalid', 'true');
      this.input.focus();
      return;
    }
    const attempt = this.attempt;
    this.checking = true;
    let expected: number;
    try {
      expected = this.expectedWith(await loadModel());
    } catch {
      if (attempt === this.attempt) this.say(this.labels['quiz.number.failed']);
      return;
    } finally {
      this.checking = false;
    }
    if (attempt !== this.attempt) return;
    this.expected = expected;
    const verdict = gradeNumber(expected, typed, { isns: [this.isns.client, this.isns.server] });
    this.input.removeAttribute('aria-invalid');
    this.input.readOnly = true;
    const hint = verdict.ok
      ? ''
      : `${this.labels[MISTAKES[verdict.mistake]]} ${fill(this.labels['quiz.number.answerIs'], { value: expected })}`;
    this.finish(verdict.ok, hint);
  }

  /** The asked field of the asked segment when the question's scenario runs with this attempt's ISNs. */
  private expectedWith(segmentsWithIsns: Run): number {
    // The build wrote the parsed scenario, without its titles, which running does not need.
    const scenario = JSON.parse(this.querySelector(':scope > script')!.textContent!) as Scenario;
    const segment = segmentsWithIsns(scenario, this.isns)[Number(this.dataset.segment) - 1]!;
    return segment[this.dataset.field as 'seq' | 'ack'];
  }

  reset(): void {
    this.attempt++;
    this.isns = { client: randomIsn(Math.random), server: randomIsn(Math.random) };
    this.querySelector('.quiz-isns')!.textContent = fill(this.labels['quiz.number.isns'], {
      client: this.isns.client,
      server: this.isns.server,
    });
    this.input.value = '';
    this.input.readOnly = false;
    this.input.removeAttribute('aria-invalid');
    this.clearVerdict();
    // The server-rendered answer is for the printed ISNs; once new ones are drawn it would mislead.
    this.answerBox.hidden = true;
  }

  protected override finish(ok: boolean, detail?: string): void {
    super.finish(ok, detail);
    this.answerBox.hidden = false;
    this.answerBox.querySelector(':scope > div')!.textContent = `${this.labels['quiz.answer']} ${this.expected}`;
  }

  focusFirst(): void {
    this.input.focus();
  }
}

customElements.define('quiz-number', QuizNumber);
