/**
 * The only stepper script a page runs up front (a few hundred bytes): it loads the step-through code (with
 * projector mode) when a scenario diagram comes near the viewport. Browser only.
 */
const figures = document.querySelectorAll<HTMLElement>('figure[data-stepper]');
const load = (figure: HTMLElement) => {
  void import('./stepper').then(({ stepper }) => stepper(figure));
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
  figures.forEach((figure) => observer.observe(figure));
} else figures.forEach(load);

export {};
