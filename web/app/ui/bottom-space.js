// Bars fixed at the bottom of the window (a link's notes, the training lab's map on a phone)
// would cover the control the keyboard moves to: the page's scroll padding keeps room for the
// tallest one shown, and the browser scrolls a focused control above it.
const shown = new Map(); // key → the room it takes, in px from the window's bottom edge
let watch = null;

// Its height and its gap to the window's bottom edge (the link notes float 1rem above it).
const room = (element) => innerHeight - element.getBoundingClientRect().top;

function apply() {
  const tallest = Math.max(0, ...shown.values());
  document.documentElement.style.scrollPaddingBottom = tallest ? `${tallest + 8}px` : '';
}

/** Keeps room for `element` (fixed at the bottom) while it is shown; null gives it back. */
export function keepBottomRoom(key, element) {
  watch ??= new ResizeObserver((entries) => {
    for (const entry of entries) {
      const key = entry.target.dataset.bottomRoom;
      if (shown.has(key)) shown.set(key, room(entry.target));
    }
    apply();
  });
  const previous = document.querySelector(`[data-bottom-room="${key}"]`);
  if (previous && previous !== element) watch.unobserve(previous);
  if (element) {
    element.dataset.bottomRoom = key;
    shown.set(key, room(element));
    watch.observe(element);
  } else {
    shown.delete(key);
    if (previous) watch.unobserve(previous);
  }
  apply();
}
