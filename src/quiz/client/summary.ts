/**
 * <quiz-summary>: the lesson's score from saved progress, "retry what I missed" and a reset.
 * Updates whenever progress changes (`quiz:progress`). Browser only.
 */
import { lessonScore, loadProgress, resetLesson } from '~/quiz/progress';
import { fill, readPageLabels, type Labels } from '~/i18n/fill';
import { QUIZ_LABELS_ID } from '~/quiz/components/labels';
import { PROGRESS_EVENT, updateProgress } from './store';

interface Resettable extends HTMLElement {
  reset?: () => void;
  focusFirst?: () => void;
}

class QuizSummary extends HTMLElement {
  private labels!: Labels;

  connectedCallback(): void {
    this.labels = readPageLabels(QUIZ_LABELS_ID);
    this.querySelector<HTMLElement>(':scope > .quiz')!.hidden = false;
    document.addEventListener(PROGRESS_EVENT, () => this.render());
    this.querySelector('[data-action="retry-missed"]')!.addEventListener('click', () => this.retryMissed());
    this.querySelector('[data-action="reset"]')!.addEventListener('click', () => this.resetAll());
    this.render();
  }

  private lesson(): string {
    return this.dataset.lesson!;
  }

  private questions(ids?: readonly string[]): Resettable[] {
    return [...document.querySelectorAll<Resettable>('[data-quiz-id]')].filter(
      (q) => !ids || ids.includes(q.dataset.quizId!),
    );
  }

  private render(): void {
    const score = lessonScore(loadProgress(), this.lesson());
    const text = this.querySelector('.quiz-score')!;
    text.textContent =
      score.answered === 0
        ? this.labels['quiz.summary.none']
        : `${fill(this.labels['quiz.summary.score'], { correct: score.correct, total: score.total })}${
            score.correct === score.total ? ` ${this.labels['quiz.summary.done']}` : ''
          }`;
    this.querySelector<HTMLButtonElement>('[data-action="retry-missed"]')!.hidden = score.missed.length === 0;
  }

  private retryMissed(): void {
    const missed = this.questions(lessonScore(loadProgress(), this.lesson()).missed);
    missed.forEach((q) => q.reset?.());
    const first = missed[0];
    if (!first) return;
    first.scrollIntoView({
      block: 'start',
      behavior: matchMedia('(prefers-reduced-motion: reduce)').matches ? 'auto' : 'smooth',
    });
    if (first.focusFirst) first.focusFirst();
    else first.querySelector<HTMLElement>('input, button')?.focus();
  }

  private resetAll(): void {
    updateProgress((p) => resetLesson(p, this.lesson()));
    this.questions().forEach((q) => q.reset?.());
    this.querySelector('.quiz-summary-status')!.textContent = this.labels['quiz.summary.wasReset'];
  }
}

customElements.define('quiz-summary', QuizSummary);
