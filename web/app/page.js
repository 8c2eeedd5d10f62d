// The full lesson (index.html): every lab, the state in the URL hash, sharing and embedding.
import { buildLabs, labSections } from './labs.js';
import { createStore } from './state/store.js';
import { layOutSections } from './ui/lay-out.js';
import { focusLanding, showLinkNotes } from './ui/notice.js';
import { setUpSharing } from './ui/share.js';

/**
 * Scrolls to the linked section once the labs are built: a link with state ("#elu?elu.alpha=2")
 * names no element, and a plain "#elu" may have been reached before the controls took their
 * height. A reader who has already scrolled is left alone.
 */
function scrollToAnchor(store, readerMoved) {
  if (!readerMoved()) landOn(store.activeAnchor());
}

/** Scrolls to the section or card `anchor` names, and moves Tab's starting point there. */
function landOn(anchor) {
  const target = document.getElementById(anchor);
  if (!target) return;
  target.scrollIntoView({ behavior: 'instant' });
  focusLanding();
}

/** Whether the reader has scrolled or typed since the call (the page may shift meanwhile). */
export function watchReader() {
  let moved = false;
  const mark = () => (moved = true);
  for (const type of ['wheel', 'touchstart', 'keydown', 'mousedown']) {
    addEventListener(type, mark, { once: true, passive: true });
  }
  return () => moved;
}

/** A link to an anchor the page does not have opens at the top, and says so. */
function anchorNotes(anchor) {
  return anchor && !document.getElementById(anchor)
    ? [{ key: `#${anchor}`, reason: 'anchor' }]
    : [];
}

export async function startPage(api, readerMoved) {
  const store = createStore();
  const labs = await buildLabs(api, store, labSections(store.activeAnchor()));
  window.addEventListener('hashchange', () => {
    const restored = store.restoreFromHash();
    // Also for a plain link: its target may have been hidden (a card the filter left out) when
    // the browser tried to scroll to it.
    landOn(store.activeAnchor());
    if (restored) showLinkNotes([...anchorNotes(store.activeAnchor()), ...store.notes()]);
  });
  setUpSharing(store);
  showLinkNotes([...anchorNotes(store.activeAnchor()), ...store.notes()]);
  return {
    labs,
    afterReady: () => {
      scrollToAnchor(store, readerMoved);
      layOutSections(document.querySelectorAll('main .section, main .card'));
    },
  };
}
