/**
 * The lesson a question belongs to: its own data-lesson when it names one (a question shown on another
 * lesson's page), else the page's, on <main data-lesson> (LessonLayout.astro), so that the many questions
 * of a page need not each repeat it. Browser only.
 */
export const lessonOf = (question: HTMLElement): string =>
  question.closest<HTMLElement>('[data-lesson]')!.dataset.lesson!;
