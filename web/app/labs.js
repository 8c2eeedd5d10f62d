// Every section's lab, and how they are built: one per task, the one on screen first.
import { createLabClient } from './lab-client.js';
import { createComparison } from './sections/comparison.js';
import { createFunctionLab } from './sections/function-lab.js';
import { createGallery } from './sections/gallery.js';
import { createGradientLab } from './sections/gradient-lab.js';
import { createSeluLab } from './sections/selu-lab.js';
import { createSoftmaxLab } from './sections/softmax-lab.js';
import { createTrainingLab } from './sections/training-lab.js';
import { onThemeChange } from './theme.js';

const CREATE = {
  function: (lab, section, ctx) =>
    createFunctionLab({ root: lab, section, spec: ctx.specs.get(lab.dataset.fn), ...ctx }),
  softmax: (lab, section, ctx) => createSoftmaxLab({ root: lab, section, ...ctx }),
  compare: (_lab, section, ctx) => createComparison({ section, ...ctx }),
  gallery: (_lab, section, ctx) => createGallery({ section, ...ctx, only: ctx.card }),
  gradient: (lab, section, ctx) =>
    createGradientLab({ root: lab, section, ...ctx, client: ctx.client() }),
  selu: (lab, section, ctx) => createSeluLab({ root: lab, section, ...ctx, client: ctx.client() }),
  training: (lab, section, ctx) => createTrainingLab({ root: lab, section, ...ctx }),
};

/**
 * Sections with a lab: the linked one (or the one holding the linked element, a gallery card)
 * first, then by distance from what is on screen.
 */
export function labSections(anchor) {
  const sections = [
    ...new Set([...document.querySelectorAll('[data-lab]')].map((l) => l.closest('section'))),
  ];
  const target = anchor ? document.getElementById(anchor) : null;
  const distance = (s) => {
    if (s.id === anchor || s.contains(target)) return -1;
    const { top, bottom } = s.getBoundingClientRect();
    return top > innerHeight ? top - innerHeight : bottom < 0 ? -bottom : 0;
  };
  return sections.sort((a, b) => distance(a) - distance(b));
}

const nextTask = () => new Promise((resolve) => setTimeout(resolve, 0));

/**
 * Builds the labs of `sections`, one per task so the browser can paint between them: the chart
 * on screen appears first, and the page never freezes while the others are made. `card` (an
 * embed of one gallery card) builds that card alone.
 */
export async function buildLabs(api, store, sections, { card = null } = {}) {
  let client = null;
  const ctx = {
    api,
    store,
    card,
    specs: new Map(api.list().map((s) => [s.id, s])),
    // One worker for every lab, started by the first lab that needs it.
    client: () => (client ??= createLabClient(api)),
  };
  const labs = {};
  for (const section of sections) {
    const lab = section.querySelector('[data-lab]');
    labs[section.id] = await CREATE[lab.dataset.lab](lab, section, ctx);
    if (Object.keys(labs).length === 1) performance.mark('activaciones:first-chart');
    await nextTask();
  }
  onThemeChange(() => Object.values(labs).forEach((lab) => lab.applyTheme()));
  return labs;
}
