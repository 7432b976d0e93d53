/**
 * Loads projector mode (projector.ts) for each `[data-projector]` element when it comes near the
 * viewport: a few hundred bytes up front. Browser only.
 */
const elements = document.querySelectorAll<HTMLElement>('[data-projector]');
const load = (el: HTMLElement) => {
  void import('./projector').then(({ projector }) => projector(el));
};
if ('IntersectionObserver' in window) {
  const observer = new IntersectionObserver(
    (entries) => {
      for (const entry of entries) {
        if (!entry.isIntersecting) continue;
        observer.unobserve(entry.target);
        load(entry.target as HTMLElement);
      }
    },
    { rootMargin: '400px 0px' },
  );
  elements.forEach((el) => observer.observe(el));
} else elements.forEach(load);

export {};
