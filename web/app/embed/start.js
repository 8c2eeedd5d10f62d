// embed.html: one section or gallery card, configured by the query string, in a frame.
import { figureKey } from '../content/figures.es.js';
import { buildLabs } from '../labs.js';
import { createStore } from '../state/store.js';
import { el } from '../ui/controls.js';
import { showLinkNotes } from '../ui/notice.js';
import { frameSection, hideControls, linkToLesson, reportHeight } from './frame.js';
import { embedPlan } from './query.js';

/** embed.html: one section (or gallery card), configured by the query string. */
export async function startEmbed(api, failed) {
  const plan = embedPlan(location.search, {
    sections: [...document.querySelectorAll('section.section')].map((s) => ({
      anchor: s.id,
      fn: s.dataset.fn,
    })),
    cards: [...document.querySelectorAll('[data-card]')].map((c) => c.dataset.card),
    figures: [...document.querySelectorAll('section.section [data-figure]')].map((f) => ({
      anchor: f.closest('section').id,
      key: figureKey(f.dataset.figure),
    })),
  });
  if (plan.error) {
    // The frame's only heading: a screen reader's list of headings is not left empty.
    document
      .getElementById('app-status')
      .before(el('h1', { class: 'embed-error-title', text: 'Esta gráfica no se puede mostrar' }));
    failed(`${plan.error} Por ejemplo: embed.html?fn=elu o embed.html?section=softmax.`);
    reportHeight(plan.frameId);
    return null;
  }
  const section = frameSection(plan);
  const store = createStore({
    initial: { anchor: plan.anchor, params: plan.params },
    persist: false,
  });
  const labs = await buildLabs(api, store, [section], { card: plan.card });
  // The frame's link keys: a card's own, or the section's without its cards' («celu.alpha»).
  const own = plan.card ? `${plan.card}.` : '';
  const keys = store
    .keys(plan.anchor)
    .filter((k) => k.startsWith(own) && !k.slice(own.length).includes('.'))
    .map((k) => k.slice(own.length));
  const { missing, available } = hideControls(section, plan.hide, { card: plan.card, keys });
  linkToLesson(store, plan);
  const prefix = `${plan.anchor}.${own}`;
  const hint = available.length > 0 ? `; los que hay: ${available.join(', ')}` : '';
  showLinkNotes([
    ...plan.notes,
    ...missing.map((name) => ({ key: 'hide', text: name, reason: 'control', hint })),
    ...store.notes().map((n) => {
      const key = n.key.replace(prefix, '');
      // fn= names a function to show alone; with section= or lab= it is that section's state.
      if (key === 'fn' && n.reason === 'unknown') {
        return { ...n, key, hint: '; fn= muestra una función sola, y no va con section= ni lab=' };
      }
      return { ...n, key };
    }),
  ]);
  reportHeight(plan.frameId);
  return { labs, afterReady: () => {} };
}
