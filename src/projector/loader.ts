/**
 * Loads projector mode (projector.ts) for each `[data-projector]` element when it comes near the
 * viewport: a few hundred bytes up front. Browser only.
 */
import { whenNear } from '~/islands/near';

whenNear(document.querySelectorAll<HTMLElement>('[data-projector]'), (el) => {
  void import('./projector').then(({ projector }) => projector(el));
});
