/**
 * The simulator's loader, part of the script every page runs (src/islands/page.ts), a few hundred bytes.
 * The server has drawn each `<phone-sim>` ready to use (both ends CLOSED, their phone words and roles, the
 * buttons, an empty ladder, table and log), which sim.css shows only where scripts run (the `js` class the
 * theme script sets before the first paint, so it takes its place at once), and a note for readers without
 * JavaScript instead. On a lesson its code (./sim.ts, the TCP model, and its labels in the page's language, a module
 * of their own: src/i18n/bundled-labels.ts) loads on the reader's first pointerdown, focus or key press in
 * it; on the simulator page (`data-page`) at once. A button pressed before the code is ready is pressed
 * again once it is, exactly once; a role chosen before is read by the island when it starts. Browser only.
 */
import labelsIn from 'virtual:labels/sim.,quiz.side.,diagram.trace.';

const WAKE = ['pointerdown', 'focusin', 'keydown'];
let loading: Promise<void> | undefined;

for (const sim of document.querySelectorAll<HTMLElement>('phone-sim')) {
  // The simulator's buttons pressed while its code loads, pressed again once <phone-sim> is defined; from then
  // on its own listener takes every click and this one keeps none, so no press is played twice. (Projector
  // mode's button, in the title, has its own script: src/projector/loader.ts.)
  const early: HTMLButtonElement[] = [];
  sim.addEventListener('click', (event) => {
    const button = (event.target as Element).closest<HTMLButtonElement>('.sim-body button');
    if (button && !customElements.get('phone-sim')) early.push(button);
  });
  void customElements.whenDefined('phone-sim').then(() => early.forEach((button) => button.click()));
  // The code and this language's labels, fetched side by side, once for every simulator on the page.
  const lang = sim.dataset.lang as keyof typeof labelsIn;
  const load = () =>
    (loading ??= Promise.all([import('./sim'), labelsIn[lang]()]).then(([{ definePhoneSim }, labels]) =>
      definePhoneSim(labels.default),
    ));
  if (sim.dataset.page === undefined) for (const type of WAKE) sim.addEventListener(type, load, { once: true });
  else void load();
}
