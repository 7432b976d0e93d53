/**
 * <quiz-number>: compute a seq or ack number. Every attempt draws new ISNs; the expected number
 * comes from running the scenario in the TCP model with those ISNs, never from a stored answer.
 * Browser only.
 */
import { gradeNumber } from '~/quiz/grade';
import { segmentsWithIsns } from '~/quiz/model';
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

class QuizNumber extends QuizQuestion {
  private input!: HTMLInputElement;
  private isns!: Isns;
  private expected = 0;

  protected setup(): void {
    this.input = this.querySelector('input')!;
    this.input.addEventListener('keydown', (event) => {
      if (event.key === 'Enter' && !this.checkButton.hidden) {
        event.preventDefault();
        this.check();
      }
    });
  }

  protected check(): void {
    const verdict = gradeNumber(this.expected, this.input.value, { isns: [this.isns.client, this.isns.server] });
    if (!verdict.ok && (verdict.mistake === 'empty' || verdict.mistake === 'nan')) {
      this.say(this.labels[MISTAKES[verdict.mistake]]);
      this.input.setAttribute('aria-invalid', 'true');
      this.input.focus();
      return;
    }
    this.input.removeAttribute('aria-invalid');
    this.input.readOnly = true;
    const hint = verdict.ok
      ? ''
      : `${this.labels[MISTAKES[verdict.mistake]]} ${fill(this.labels['quiz.number.answerIs'], { value: this.expected })}`;
    this.finish(verdict.ok, hint);
  }

  reset(): void {
    // The build wrote the parsed scenario without its titles, which running does not need.
    const scenario = JSON.parse(this.dataset.scenario!) as Scenario;
    this.isns = { client: randomIsn(Math.random), server: randomIsn(Math.random) };
    const segment = segmentsWithIsns(scenario, this.isns)[Number(this.dataset.segment) - 1]!;
    this.expected = segment[this.dataset.field as 'seq' | 'ack'];
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
    this.answerBox.querySelector('.quiz-answer-line')!.textContent = `${this.labels['quiz.answer']} ${this.expected}`;
  }

  focusFirst(): void {
    this.input.focus();
  }
}

customElements.define('quiz-number', QuizNumber);
