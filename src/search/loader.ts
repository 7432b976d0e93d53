/**
 * The only search script a page runs up front (a few hundred bytes): it loads the search box's code
 * (./element.ts) when the reader reaches for the box: focus (a click, Tab or the "/" key, which this
 * script handles), a press on the magnifier, or a form sent before the code arrived. What was typed
 * meanwhile is not lost: the element searches the box's value when it starts. Browser only.
 */
const box = document.querySelector<HTMLElement>('hello-search');
const input = box?.querySelector<HTMLInputElement>('[data-search-input]');
let loading: Promise<void> | undefined;
const load = () => (loading ??= import('./element').then(({ defineSearch }) => defineSearch()));

if (box && input) {
  input.addEventListener('focus', () => void load(), { once: true });
  box.addEventListener('pointerdown', () => void load(), { once: true });
  // Enter or the magnifier before the element is defined: hold the form, then send it to the element.
  const form = box.querySelector('form')!;
  form.addEventListener('submit', (event) => {
    if (customElements.get('hello-search')) return;
    event.preventDefault();
    void load().then(() => form.requestSubmit());
  });
  document.addEventListener('keydown', (event) => {
    if (event.key !== '/' || event.ctrlKey || event.metaKey || event.altKey || isTyping(event.target)) return;
    event.preventDefault();
    input.focus();
  });
}

/** True when a key press belongs to a text field, where "/" is just a character. Pure. */
function isTyping(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName);
}

export {};
