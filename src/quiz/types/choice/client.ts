/**
 * <quiz-choice>: single or multiple choice, also used for "predict the state". Options may be
 * shuffled on every attempt; after Check each chosen or correct option shows its mark and feedback.
 * Browser only.
 */
import { gradeChoice } from '~/quiz/grade';
import { shuffle } from '~/quiz/random';
import { QuizQuestion } from '~/quiz/client/base';

class QuizChoice extends QuizQuestion {
  private list!: HTMLElement;
  private items: HTMLElement[] = [];

  protected setup(): void {
    this.list = this.querySelector('.quiz-options')!;
    this.items = [...this.list.querySelectorAll<HTMLElement>('[data-option]')];
  }

  private inputs(): HTMLInputElement[] {
    return this.items.map((li) => li.querySelector('input')!);
  }

  protected check(): void {
    const chosen = this.inputs()
      .filter((i) => i.checked)
      .map((i) => i.value);
    if (chosen.length === 0) {
      this.say(this.labels['quiz.pickFirst']);
      this.focusFirst();
      return;
    }
    const correct = (this.dataset.correct ?? '').split(' ');
    const verdict = gradeChoice(
      this.items.map((li) => li.dataset.option!),
      correct,
      chosen,
    );
    for (const v of verdict.options) {
      const li = this.items.find((el) => el.dataset.option === v.id)!;
      const mark = li.querySelector<HTMLElement>('.quiz-mark')!;
      const feedback = li.querySelector<HTMLElement>('.quiz-feedback');
      const show = v.chosen || v.correct;
      li.dataset.verdict = v.correct ? 'right' : v.chosen ? 'wrong' : '';
      mark.textContent = !show
        ? ''
        : v.chosen
          ? this.labels[v.correct ? 'quiz.yourRight' : 'quiz.yourWrong']
          : this.labels['quiz.rightOption'];
      if (feedback) feedback.hidden = !show;
    }
    this.inputs().forEach((i) => (i.disabled = true));
    this.finish(verdict.ok);
  }

  reset(): void {
    if (this.dataset.shuffle !== undefined) {
      for (const li of shuffle(this.items, Math.random)) this.list.append(li);
    }
    for (const li of this.items) {
      delete li.dataset.verdict;
      li.querySelector('.quiz-mark')!.textContent = '';
      const feedback = li.querySelector<HTMLElement>('.quiz-feedback');
      if (feedback) feedback.hidden = true;
    }
    this.inputs().forEach((i) => {
      i.checked = false;
      i.disabled = false;
    });
    this.clearVerdict();
  }

  focusFirst(): void {
    this.list.querySelector('input')?.focus();
  }
}

customElements.define('quiz-choice', QuizChoice);
