// Screen readers hear a lab's summary once its controls come to rest, not every value on the
// way there: each slider speaks its own value (its <output> is hidden from them), and the
// summary, which says what the change did to the chart, follows a moment after the last step
// if it changed, and again when a lab's worker replaces a provisional result with the final
// one. Moving the probe, which changes no summary, announces nothing more.
import { el } from './controls.js';

const QUIET_MS = 1000;
// A network lab's worker may still be computing at the end of the quiet time: its summary is
// then provisional, and the final one is announced when it lands (within this long).
const POLL_MS = 250;
const MAX_WAIT_MS = 60000;

const summaryOf = (lab) => lab.querySelector('[data-summary]')?.textContent.trim() ?? '';
// Busy (its «Calculando…» shows), or showing a preview (lab-channel.js), which can come while
// «Calculando…» is hidden for a moment.
const computing = (lab) =>
  lab.dataset.settled === '0' || lab.querySelector('[data-calculating]:not([hidden])') !== null;

export function announceSummaries(root = document) {
  const region = el('div', { class: 'visually-hidden', role: 'status' });
  region.dataset.announcer = '';
  document.body.append(region);
  let timer = 0;
  let lab = null;
  let before = '';
  let waited = 0;
  const speak = () => {
    timer = 0;
    const text = summaryOf(lab);
    if (text && text !== before) {
      region.textContent = text;
      before = text;
    }
    if (computing(lab) && waited < MAX_WAIT_MS) {
      waited += POLL_MS;
      timer = setTimeout(speak, POLL_MS);
    }
  };
  const heard = (event) => {
    const target = event.target;
    if (!(target instanceof Element) || !target.matches('input, select, button')) return;
    // The innermost lab with a summary: a gallery card, the gallery's comparison, a section's lab.
    const at = target.closest('[data-lab-card], [data-gallery-compare], [data-lab]');
    if (!at) return;
    if (!timer || at !== lab) {
      lab = at;
      before = summaryOf(lab);
    }
    clearTimeout(timer);
    waited = 0;
    timer = setTimeout(speak, QUIET_MS);
  };
  // Capture: a lab that redraws at once, in its own handler, has not yet changed its summary.
  for (const type of ['input', 'change', 'click']) root.addEventListener(type, heard, true);
}
