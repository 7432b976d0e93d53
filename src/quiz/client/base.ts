/**
 * What every question island shares: its translated labels (written by the server once for the page,
 * QuizLabels.astro), its Check / Try again buttons and the live region of its verdict (both added here, as
 * they work only with JavaScript), saving a result, announcing it, and being reset by the score panel.
 * Browser only.
 */
import { readPageLabels, type Labels } from '~/i18n/fill';
import { QUIZ_LABELS_ID } from '~/quiz/components/labels';
import { loadProgress, recordAnswer } from '~/quiz/progress';
import { lessonOf } from './lesson';
import { updateProgress } from './store';

/** How many islands have started on the page, so that the ids each one gives its parts are unique. */
let started = 0;

/**
 * A question island. The server wrote its body (the first child: a fieldset or a group with the prompt
 * first) and its "Show answer" <details>; subclasses fill in their own answer UI and call `finish(ok, message)`.
 */
export abstract class QuizQuestion extends HTMLElement {
  protected labels!: Labels;
  /** The prefix of the ids this island gives its parts, unique on the page. */
  protected uid = '';
  /** The question's body: the fieldset, or the group that the prompt labels. */
  protected body!: HTMLElement;
  protected result!: HTMLElement;
  protected checkButton!: HTMLButtonElement;
  protected retryButton!: HTMLButtonElement;
  protected answerBox!: HTMLDetailsElement;
  private ready = false;

  connectedCallback(): void {
    if (this.ready) return;
    this.ready = true;
    this.labels = readPageLabels(QUIZ_LABELS_ID);
    this.uid = `quiz${++started}`;
    this.body = this.firstElementChild as HTMLElement;
    this.answerBox = this.querySelector(':scope > details')!;
    this.answerBox.insertAdjacentHTML(
      'beforebegin',
      '<div class="quiz-actions"><button type="button" class="quiz-button" data-action="check"></button><button type="button" class="quiz-button" data-action="retry"></button></div><p class="quiz-result" role="status" tabindex="-1"></p>',
    );
    this.result = this.answerBox.previousElementSibling as HTMLElement;
    [this.checkButton, this.retryButton] = [...this.querySelectorAll<HTMLButtonElement>('.quiz-actions > button')] as [
      HTMLButtonElement,
      HTMLButtonElement,
    ];
    this.checkButton.textContent = this.labels['quiz.check'];
    this.retryButton.textContent = this.labels['quiz.retry'];
    this.checkButton.addEventListener('click', () => void this.check());
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
  protected abstract check(): void | Promise<void>;
  /** Back to an unanswered question (new shuffle, new numbers). */
  abstract reset(): void;
  /** Puts focus on the first thing to answer. */
  abstract focusFirst(): void;

  /**
   * Gives `hint`, the paragraph after the prompt, an id and makes it the description of `target` (the
   * question's group, or the list the reader works on).
   */
  protected describeBy(hint: Element, target: Element): void {
    hint.id = `${this.uid}-h`;
    target.setAttribute('aria-describedby', hint.id);
  }

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
