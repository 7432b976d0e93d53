/**
 * Projector mode for any element with `data-projector` (see attrs.ts), browser only: a button that
 * shows the element full screen (the Fullscreen API, or a fixed full-window layer where that is
 * refused), with the class `projector-on` for large, high-contrast styles (projector.css). Esc, the
 * button again, or leaving full screen ends it; each change fires a `projector` event on the element. The element's own scripts keep their keys; the
 * stepper, say, steps with ← and → while its figure is `projector-on`.
 */

/** Adds the projector button to `el`. Safe to call twice. */
export function projector(el: HTMLElement): void {
  if (el.dataset.projectorReady !== undefined) return;
  el.dataset.projectorReady = '';
  const enter = el.dataset.projectorEnter ?? '';
  const exit = el.dataset.projectorExit ?? '';
  const button = document.createElement('button');
  button.type = 'button';
  button.className = 'projector-toggle';
  button.textContent = enter;
  const slot = el.querySelector('[data-projector-slot]');
  if (slot) slot.append(button);
  else el.prepend(button);

  const on = () => el.classList.contains('projector-on');
  const set = (value: boolean) => {
    el.classList.toggle('projector-on', value);
    if (!value) el.classList.remove('projector-fallback');
    button.textContent = value ? exit : enter;
    // The element's own script may re-lay itself out (the stepper scrolls its current step into view).
    el.dispatchEvent(new CustomEvent('projector', { detail: value }));
  };
  const leave = () => {
    if (document.fullscreenElement === el) void document.exitFullscreen().catch(() => undefined);
    set(false);
    button.focus();
  };
  button.addEventListener('click', () => {
    if (on()) return leave();
    set(true);
    const fallback = () => el.classList.add('projector-fallback');
    if (el.requestFullscreen) el.requestFullscreen().catch(fallback);
    else fallback();
    button.focus();
  });
  document.addEventListener('fullscreenchange', () => {
    if (document.fullscreenElement !== el && on() && !el.classList.contains('projector-fallback')) set(false);
  });
  document.addEventListener('keydown', (event) => {
    if (event.key === 'Escape' && on()) leave();
  });
}
