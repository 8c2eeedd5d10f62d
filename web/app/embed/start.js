// embed.html: one section or gallery card, configured by the query string, in a frame.
import { buildLabs } from '../labs.js';
import { createStore } from '../state/store.js';
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
  });
  if (plan.error) {
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
  const unhidden = hideControls(section, plan.hide, plan.card);
  linkToLesson(store, plan);
  const prefix = plan.card ? `${plan.anchor}.${plan.card}.` : `${plan.anchor}.`;
  showLinkNotes([
    ...plan.notes,
    ...unhidden.map((name) => ({ key: 'hide', text: name, reason: 'control' })),
    ...store.notes().map((n) => ({ ...n, key: n.key.replace(prefix, '') })),
  ]);
  reportHeight(plan.frameId);
  return { labs, afterReady: () => {} };
}
