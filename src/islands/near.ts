/**
 * When an island comes near the viewport: the one place the page's loaders (quiz islands, step-through
 * diagrams, projector mode) decide it, so a page that runs several shares this code. Browser only.
 */

/**
 * Calls `load(el)` once for each of `elements` when it comes within 400 px of the viewport, or at once
 * for all of them where IntersectionObserver is missing.
 */
export function whenNear<T extends Element>(elements: Iterable<T>, load: (el: T) => void): void {
  if (!('IntersectionObserver' in window)) {
    for (const el of elements) load(el);
    return;
  }
  const observer = new IntersectionObserver(
    (entries) => {
      for (const entry of entries) {
        if (!entry.isIntersecting) continue;
        observer.unobserve(entry.target);
        load(entry.target as T);
      }
    },
    { rootMargin: '400px 0px' },
  );
  for (const el of elements) observer.observe(el);
}
