// The sections start with content-visibility: auto (layout.css), so that the first chart is
// drawn before the browser lays out the whole formula-heavy lesson (about 300 ms sooner). But
// Chrome leaves the content of far sections out of its accessibility tree, and a screen
// reader's list of headings or form fields would end a few sections down. So once the page is
// ready, the sections (and the gallery's cards, whose charts would all be drawn at once) are
// laid out for good, one at a time, in calm moments: no input for a while, no lab computing
// (a worker's run takes a core, and a step beside it could grow into a long task), and a free
// stretch of the main thread.
const FREE_MS = 25;
const CALM_AFTER_INPUT_MS = 1500;
const RETRY_MS = 250;

let lastInput = -Infinity;
for (const type of ['pointerdown', 'pointermove', 'keydown', 'wheel', 'input']) {
  addEventListener(type, () => (lastInput = performance.now()), { capture: true, passive: true });
}

// «Calculando…» shows: a network lab's worker is running (the training lab's status is a message).
const computing = () => document.querySelector('[data-calculating]:not([hidden])') !== null;
const calm = () => performance.now() - lastInput >= CALM_AFTER_INPUT_MS && !computing();

export function layOutSections(sections) {
  const pending = [...sections];
  const idle = window.requestIdleCallback ?? ((fn) => setTimeout(fn, 100));
  const later = () => setTimeout(() => idle(next), RETRY_MS);
  const next = (deadline) => {
    if (!calm() || (deadline && deadline.timeRemaining() < FREE_MS)) {
      later();
      return;
    }
    pending.shift()?.classList.add('section-laid-out');
    if (pending.length > 0) idle(next);
  };
  idle(next);
}
