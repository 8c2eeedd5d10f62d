// A formula or the Jacobian table wider than its box scrolls sideways; keyboard users must be able
// to reach it, so while (and only while) it overflows it is focusable. (Code blocks always are.)
const SELECTOR = '.formula, .jacobian';

function update(el) {
  if (el.scrollWidth > el.clientWidth + 1) el.tabIndex = 0;
  else el.removeAttribute('tabindex');
}

export function watchScrollables(root = document) {
  const observer = new ResizeObserver((entries) => entries.forEach((e) => update(e.target)));
  for (const el of root.querySelectorAll(SELECTOR)) observer.observe(el);
}
