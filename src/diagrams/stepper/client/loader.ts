/**
 * The only stepper script a page runs up front (a few hundred bytes): it loads the step-through code (with
 * projector mode) when a scenario diagram comes near the viewport. Browser only.
 */
import { whenNear } from '~/islands/near';

whenNear(document.querySelectorAll<HTMLElement>('figure[data-stepper]'), (figure) => {
  void import('./stepper').then(({ stepper }) => stepper(figure));
});
