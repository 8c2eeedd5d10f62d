// Bars fixed at the bottom of the window (a link's notes, the training lab's map on a phone)
// would cover the control the keyboard moves to: the page's scroll padding keeps room for the
// tallest one shown, and the browser scrolls a focused control above it.
const shown = new Map(); // key → the bar's element
let watch = null;

// Its height and its gap to the window's bottom edge (the link notes float 1rem above it).
const room = (element) => innerHeight - element.getBoundingClientRect().top;

function apply() {
  const tallest = Math.max(0, ...[...shown.values()].map(room));
  document.documentElement.style.scrollPaddingBottom = tallest ? `${tallest + 8}px` : '';
}

/** Keeps room for `element` (fixed at the bottom) while it is shown; null gives it back. */
export function keepBottomRoom(key, element) {
  watch ??= new ResizeObserver(apply);
  const previous = shown.get(key);
  if (previous && previous !== element) watch.unobserve(previous);
  if (element) {
    shown.set(key, element);
    watch.observe(element);
  } else shown.delete(key);
  apply();
}
