// Screen readers hear a lab's summary once its controls come to rest, not every value on the
// way there: each slider speaks its own value (its <output> is hidden from them), and the
// summary, which says what the change did to the chart, follows a moment after the last step
// if it changed. Moving the probe, which changes no summary, announces nothing more.
import { el } from './controls.js';

const QUIET_MS = 1000;

const summaryOf = (lab) => lab.querySelector('[data-summary]')?.textContent.trim() ?? '';

export function announceSummaries(root = document) {
  const region = el('div', { class: 'visually-hidden', role: 'status' });
  region.dataset.announcer = '';
  document.body.append(region);
  let timer = 0;
  let lab = null;
  let before = '';
  const speak = () => {
    timer = 0;
    const text = summaryOf(lab);
    if (text && text !== before) region.textContent = text;
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
    timer = setTimeout(speak, QUIET_MS);
  };
  for (const type of ['input', 'change', 'click']) root.addEventListener(type, heard);
}
