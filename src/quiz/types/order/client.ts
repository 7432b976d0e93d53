/**
 * <quiz-order>: put steps in order with Move up / Move down buttons (keyboard first, no drag),
 * each move announced. Steps start scrambled, freshly on every attempt. The server writes the steps as
 * `<li data-step="id"><span>text</span></li>` in the group's <ol> (Question.astro); the buttons, the marks,
 * the live region and the list's name and hint are added here. Browser only.
 */
import { gradeOrder } from '~/quiz/grade';
import { scramble } from '~/quiz/random';
import { fill } from '~/i18n/fill';
import { QuizQuestion } from '~/quiz/client/base';

class QuizOrder extends QuizQuestion {
  private list!: HTMLOListElement;
  private live!: HTMLElement;

  protected setup(): void {
    this.list = this.body.querySelector(':scope > ol')!;
    this.list.setAttribute('aria-labelledby', this.body.getAttribute('aria-labelledby')!);
    this.describeBy(this.body.querySelector(':scope > p')!, this.list);
    this.list.insertAdjacentHTML('afterend', '<p class="visually-hidden" aria-live="polite"></p>');
    this.live = this.list.nextElementSibling as HTMLElement;
    // Each step gets its mark and its Move up / Move down buttons, named after the step ("Move “bind()” up").
    for (const li of this.steps()) {
      const item = this.text(li).replace(/\s+/g, ' ');
      li.insertAdjacentHTML(
        'beforeend',
        '<span class="quiz-mark"></span><span class="quiz-move"><button type="button" class="quiz-icon-button" data-move="up"><span aria-hidden="true">↑</span></button><button type="button" class="quiz-icon-button" data-move="down"><span aria-hidden="true">↓</span></button></span>',
      );
      for (const b of li.querySelectorAll<HTMLButtonElement>('[data-move]'))
        b.setAttribute(
          'aria-label',
          fill(this.labels[b.dataset.move === 'up' ? 'quiz.order.up' : 'quiz.order.down'], { item }),
        );
    }
    this.list.addEventListener('click', (event) => {
      const button = (event.target as Element).closest<HTMLButtonElement>('button[data-move]');
      if (button) this.move(button);
    });
  }

  /** A step's text, as the server wrote it in its first span. */
  private text(li: HTMLLIElement): string {
    return li.firstElementChild!.textContent!.trim();
  }

  private steps(): HTMLLIElement[] {
    return [...this.list.querySelectorAll<HTMLLIElement>(':scope > li')];
  }

  private move(button: HTMLButtonElement): void {
    const li = button.closest('li')!;
    const up = button.dataset.move === 'up';
    const sibling = up ? li.previousElementSibling : li.nextElementSibling;
    if (!sibling) return;
    if (up) sibling.before(li);
    else sibling.after(li);
    this.refreshButtons();
    const steps = this.steps();
    this.live.textContent = fill(this.labels['quiz.order.moved'], {
      item: this.text(li),
      n: steps.indexOf(li) + 1,
      total: steps.length,
    });
    // Keep focus on the same button unless it just became useless at the end of the list.
    const target = button.disabled
      ? li.querySelector<HTMLButtonElement>(`button[data-move="${up ? 'down' : 'up'}"]`)!
      : button;
    target.focus();
  }

  private refreshButtons(): void {
    const steps = this.steps();
    steps.forEach((li, i) => {
      li.querySelector<HTMLButtonElement>('button[data-move="up"]')!.disabled = i === 0;
      li.querySelector<HTMLButtonElement>('button[data-move="down"]')!.disabled = i === steps.length - 1;
    });
  }

  protected check(): void {
    const answer = (this.dataset.answer ?? '').split(' ');
    const given = this.steps().map((li) => li.dataset.step!);
    const verdict = gradeOrder(answer, given);
    this.steps().forEach((li, i) => {
      li.dataset.verdict = verdict.positions[i] ? 'right' : 'wrong';
      li.querySelector('.quiz-mark')!.textContent = verdict.positions[i]
        ? this.labels['quiz.order.rightPlace']
        : this.labels['quiz.order.wrongPlace'];
      li.querySelectorAll('button').forEach((b) => (b.disabled = true));
    });
    this.finish(verdict.ok);
  }

  reset(): void {
    const steps = this.steps();
    const answer = (this.dataset.answer ?? '').split(' ');
    const solved = answer.map((id) => steps.find((li) => li.dataset.step === id)!);
    for (const li of scramble(solved, Math.random)) this.list.append(li);
    for (const li of steps) {
      delete li.dataset.verdict;
      li.querySelector('.quiz-mark')!.textContent = '';
    }
    this.live.textContent = '';
    this.refreshButtons();
    this.clearVerdict();
  }

  focusFirst(): void {
    this.list.querySelector<HTMLButtonElement>('button:not(:disabled)')?.focus();
  }
}

customElements.define('quiz-order', QuizOrder);
