/**
 * What every question island shares: its translated labels (written by the server once for the page,
 * QuizLabels.astro), its Check / Try again buttons, saving a result, announcing it, and being reset by the
 * score panel. Browser only.
 */
import { readPageLabels, type Labels } from '~/i18n/fill';
import { QUIZ_LABELS_ID } from '~/quiz/components/labels';
import { loadProgress, recordAnswer } from '~/quiz/progress';
import { lessonOf } from './lesson';
import { updateProgress } from './store';

/** A question island. Subclasses render their own answer UI and call `finish(ok, message)`. */
export abstract class QuizQuestion extends HTMLElement {
  protected labels!: Labels;
  protected result!: HTMLElement;
  protected checkButton!: HTMLButtonElement;
  protected retryButton!: HTMLButtonElement;
  protected answerBox!: HTMLDetailsElement;
  private ready = false;

  connectedCallback(): void {
    if (this.ready) return;
    this.ready = true;
    this.labels = readPageLabels(QUIZ_LABELS_ID);
    this.result = this.querySelector('.quiz-result')!;
    this.result.insertAdjacentHTML(
      'beforebegin',
      '<div class="quiz-actions"><button type="button" class="quiz-button" data-action="check"></button><button type="button" class="quiz-button" data-action="retry"></button></div>',
    );
    [this.checkButton, this.retryButton] = [...this.querySelectorAll<HTMLButtonElement>('.quiz-actions > button')] as [
      HTMLButtonElement,
      HTMLButtonElement,
    ];
    this.checkButton.textContent = this.labels['quiz.check'];
    this.retryButton.textContent = this.labels['quiz.retry'];
    this.answerBox = this.querySelector('details.quiz-answer')!;
    this.checkButton.addEventListener('click', () => this.check());
    this.retryButton.addEventListener('click', () => {
      this.reset();
      this.focusFirst();
    });
    this.setup();
    this.reset();
    const saved = loadProgress().q[this.dataset.quizId!];
    if (saved)
      this.say(
        saved.ok ? this.labels['quiz.savedRight'] : this.labels['quiz.savedWrong'],
        saved.ok ? 'right' : 'wrong',
      );
  }

  /** Fills in the answer UI once, when the island loads. */
  protected abstract setup(): void;
  /** Grades the current answer; calls finish() or say() for an incomplete answer. */
  protected abstract check(): void;
  /** Back to an unanswered question (new shuffle, new numbers). */
  abstract reset(): void;
  /** Puts focus on the first thing to answer. */
  abstract focusFirst(): void;

  /** Shows a message in the live region; `tone` picks the icon, never colour alone. */
  protected say(text: string, tone: 'right' | 'wrong' | 'info' = 'info'): void {
    this.result.dataset.tone = tone;
    this.result.textContent = text;
  }

  /** Records and announces a graded answer, reveals the explanation, and moves focus to the verdict. */
  protected finish(ok: boolean, detail = ''): void {
    updateProgress((p) => recordAnswer(p, lessonOf(this), this.dataset.quizId!, ok));
    this.say(
      `${ok ? this.labels['quiz.correct'] : this.labels['quiz.incorrect']}${detail ? ` ${detail}` : ''}`,
      ok ? 'right' : 'wrong',
    );
    this.dataset.state = ok ? 'right' : 'wrong';
    this.checkButton.hidden = true;
    this.retryButton.hidden = false;
    this.answerBox.open = true;
    this.result.focus();
  }

  /** Common part of reset(): hides the verdict and shows Check again. */
  protected clearVerdict(): void {
    delete this.dataset.state;
    this.say('');
    this.checkButton.hidden = false;
    this.retryButton.hidden = true;
    this.answerBox.open = false;
  }
}
