// The sections start with content-visibility: auto (layout.css), so that the first chart is
// drawn before the browser lays out the whole formula-heavy lesson (about 250 ms sooner). But
// Chrome leaves the content of far sections out of its accessibility tree, and a screen
// reader's list of headings or form fields would end a few sections down. So once the page is
// ready, the sections (and the gallery's cards, whose charts would all be drawn at once) are
// laid out for good, one at a time, when the page has a free moment: never in the middle of a
// drag or of a lab's run.
const FREE_MS = 25;

export function layOutSections(sections) {
  const pending = [...sections];
  const idle = window.requestIdleCallback ?? ((fn) => setTimeout(fn, 100));
  const next = (deadline) => {
    if (deadline && deadline.timeRemaining() < FREE_MS) {
      idle(next);
      return;
    }
    pending.shift()?.classList.add('section-laid-out');
    if (pending.length > 0) idle(next);
  };
  idle(next);
}
