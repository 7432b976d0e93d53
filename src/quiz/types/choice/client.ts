/**
 * <quiz-choice>: single or multiple choice, also used for "predict the state". Options may be
 * shuffled on every attempt; after Check each chosen or correct option shows its mark and feedback,
 * which then describe its input. Browser only.
 *
 * The server writes each option as `<li><label><input value="id"><span>text</span></label><div>feedback</div></li>`
 * (ChoiceView.astro); the mark after the label, and the ids, are added here.
 */
import { gradeChoice } from '~/quiz/grade';
import { shuffle } from '~/quiz/random';
import { QuizQuestion } from '~/quiz/client/base';

/** One option's parts. */
interface Option {
  li: HTMLLIElement;
  input: HTMLInputElement;
  mark: HTMLElement;
  feedback: HTMLElement | null;
}

class QuizChoice extends QuizQuestion {
  private list!: HTMLUListElement;
  private options: Option[] = [];

  protected setup(): void {
    this.list = this.body.querySelector(':scope > ul')!;
    this.describeBy(this.body.querySelector(':scope > p')!, this.body);
    this.options = [...this.list.children].map((el, i) => {
      const li = el as HTMLLIElement;
      const label = li.firstElementChild!;
      label.insertAdjacentHTML('afterend', `<span class="quiz-mark" id="${this.uid}-${i}m"></span>`);
      const feedback = li.querySelector<HTMLElement>(':scope > div');
      if (feedback) feedback.id = `${this.uid}-${i}f`;
      return { li, input: label.querySelector('input')!, mark: label.nextElementSibling as HTMLElement, feedback };
    });
  }

  protected check(): void {
    const chosen = this.options.filter((o) => o.input.checked).map((o) => o.input.value);
    if (chosen.length === 0) {
      this.say(this.labels['quiz.pickFirst']);
      this.focusFirst();
      return;
    }
    const correct = (this.dataset.correct ?? '').split(' ');
    const verdict = gradeChoice(
      this.options.map((o) => o.input.value),
      correct,
      chosen,
    );
    verdict.options.forEach((v, i) => {
      const { li, input, mark, feedback } = this.options[i]!;
      // Only a chosen or correct option shows its verdict; its feedback (hidden by quiz.css until then) too.
      if (!v.chosen && !v.correct) return;
      li.dataset.verdict = v.correct ? 'right' : 'wrong';
      mark.textContent = v.chosen
        ? this.labels[v.correct ? 'quiz.yourRight' : 'quiz.yourWrong']
        : this.labels['quiz.rightOption'];
      input.setAttribute('aria-describedby', feedback ? `${mark.id} ${feedback.id}` : mark.id);
    });
    this.options.forEach((o) => (o.input.disabled = true));
    this.finish(verdict.ok);
  }

  reset(): void {
    if (this.dataset.shuffle !== undefined) {
      for (const o of shuffle(this.options, Math.random)) this.list.append(o.li);
    }
    for (const { li, input, mark } of this.options) {
      delete li.dataset.verdict;
      mark.textContent = '';
      input.removeAttribute('aria-describedby');
      input.checked = false;
      input.disabled = false;
    }
    this.clearVerdict();
  }

  focusFirst(): void {
    this.list.querySelector('input')?.focus();
  }
}

customElements.define('quiz-choice', QuizChoice);
