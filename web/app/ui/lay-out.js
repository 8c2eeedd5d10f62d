// The sections start with content-visibility: auto (layout.css), so that the first chart is
// drawn before the browser lays out the whole formula-heavy lesson (about 250 ms sooner). But
// Chrome leaves the content of far sections out of its accessibility tree, and a screen
// reader's list of headings or form fields would end a few sections down. So once the page is
// ready, the sections are laid out for good, one per idle moment.
export function layOutSections(sections) {
  const pending = [...sections];
  const idle = window.requestIdleCallback ?? ((fn) => setTimeout(fn, 50));
  const next = () => {
    pending.shift()?.classList.add('section-laid-out');
    if (pending.length > 0) idle(next, { timeout: 1000 });
  };
  idle(next, { timeout: 1000 });
}
