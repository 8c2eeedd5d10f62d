// A formula or the Jacobian table wider than its box scrolls sideways; keyboard users must be able
// to reach it, so while (and only while) it overflows it is focusable. (Code blocks always are.)
// A box whose content changes (the Jacobian's table, redrawn with each logit) is also watched
// through that content, which can grow while the box keeps its size.
const SELECTOR = '.formula, .jacobian-scroll';

function update(box) {
  if (box.scrollWidth > box.clientWidth + 1) box.tabIndex = 0;
  else box.removeAttribute('tabindex');
}

const observer = new ResizeObserver((entries) =>
  entries.forEach((e) => update(e.target.closest(SELECTOR))),
);

export function watchScrollables(root = document) {
  for (const el of root.querySelectorAll(SELECTOR)) observer.observe(el);
}

/** Watches `content`, which has just replaced `previous` (if any) inside a watched box. */
export function watchScrollableContent(content, previous = null) {
  if (previous) observer.unobserve(previous);
  observer.observe(content);
}
