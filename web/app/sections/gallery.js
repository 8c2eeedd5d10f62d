// "Otras funciones de activación": a card per added Keras 3 function, a family filter, and a
// comparison chart at the top that any card can be added to. One state object for the section;
// cards are built one per task so the page stays responsive.
import { functionName } from '../content/functions.es.js';
import { boolProp, choiceProp, flagProp, numberProp, subsetProp } from '../state/props.js';
import { describeRange, exactRange } from '../summaries.js';
import { checkboxControl, el } from '../ui/controls.js';
import { CompareChart } from '../views/compare-chart.js';
import { jumps, linspace32, toPoints } from '../views/curve-data.js';
import { GALLERY } from '../views/palettes.js';
import { cardKey, createCardLab } from './card-lab.js';
import { createRenderScheduler } from './render-scheduler.js';

const COMPARE_RANGE = [-5, 5];
const COMPARE_START = ['gelu', 'silu', 'mish'];
// Colours by place in the comparison (palettes.js). Functions are solid and derivatives dashed,
// as in the rest of the lesson, each derivative with its own pattern; so that no two curves look
// alike, the comparison holds one per colour.
const DERIVATIVE_DASHES = [
  [8, 4],
  [3, 3],
  [14, 5],
  [8, 3, 2, 3],
  [4, 7],
  [12, 3, 3, 3],
  [2, 4],
];
const MAX_COMPARED = GALLERY.light.length;

const nextTask = () => new Promise((resolve) => setTimeout(resolve, 0));

// What the page knows of each card, written by the build on its <article>: the id, its families,
// the range its chart shows and the frameworks' variants.
function readCards(root) {
  return [...root.querySelectorAll('[data-card]')].map((article) => ({
    id: article.dataset.card,
    article,
    families: article.dataset.families.split(' '),
    z: article.dataset.z.split(' ').map(Number),
    ...JSON.parse(article.dataset.frameworks ?? '{}'),
  }));
}

function props(cards, families, specs) {
  const ids = cards.map((c) => c.id);
  const list = [
    choiceProp('filtro', ['todas', ...families], 'todas'),
    subsetProp('comparar', ids, COMPARE_START, { ordered: true, maxLength: MAX_COMPARED }),
    boolProp('derivadas', false),
  ];
  for (const card of cards) {
    list.push(boolProp(cardKey(card.id, 'deriv'), true), boolProp(cardKey(card.id, 'fw'), false));
    for (const p of specs.get(card.id).params) {
      const key = cardKey(card.id, p.name);
      list.push(
        p.type === 'boolean'
          ? flagProp(key, p.default)
          : numberProp(key, { min: p.ui.min, max: p.ui.max, step: p.ui.step, fallback: p.default }),
      );
    }
  }
  return list;
}

export async function createGallery({ section, api, store, specs, only = null }) {
  const values = {};
  const root = section.querySelector('[data-gallery]');
  const gallery = readCards(root);
  const filterInputs = [...root.querySelectorAll('[data-filter] input[type=radio]')];
  const families = filterInputs.map((i) => i.value).filter((v) => v !== 'todas');
  const propList = props(gallery, families, specs);
  const cards = new Map();

  // The comparison at the top.
  const compareRoot = root.querySelector('[data-gallery-compare]');
  const compareCanvas = compareRoot.querySelector('[data-chart]');
  const compareSummary = compareRoot.querySelector('[data-summary]');
  compareCanvas.setAttribute('aria-describedby', compareSummary.id);
  const ids = gallery.map((c) => c.id);
  // A curve not in the comparison is hidden: any style will do.
  const slot = (id) => Math.max(0, values.comparar?.indexOf(id) ?? 0);
  const color = (id, dark) => GALLERY[dark ? 'dark' : 'light'][slot(id)];
  const dash = (id, derivative) => (derivative ? DERIVATIVE_DASHES[slot(id)] : []);
  const compareChart = new CompareChart(
    compareCanvas,
    {
      kind: 'f',
      ids,
      x: COMPARE_RANGE,
      y: null,
      lines: { x: [0], y: [0] },
      empty: 'Añade funciones desde sus tarjetas',
    },
    { color, dash, order: slot },
  );
  const z = linspace32(...COMPARE_RANGE, 401); // float32: the API's SIMD path
  const drawCompare = createRenderScheduler(() => {
    const kind = values.derivadas ? 'df' : 'f';
    compareChart.setKind(kind);
    const curves = {};
    for (const id of values.comparar) {
      const params = cards.get(id)?.params() ?? {};
      const { f, df } = api.evaluate(id, z, params);
      const cut = jumps(api, specs.get(id), params, ...COMPARE_RANGE)[kind];
      const v = kind === 'df' ? df : f;
      curves[id] = {
        values: v,
        points: toPoints(z, v, cut),
        jumps: cut,
        range: exactRange(api, id, z, params, kind, cut),
      };
    }
    compareChart.update(curves, new Set(values.comparar));
    compareSummary.textContent = values.comparar.length
      ? `Comparación de ${kind === 'df' ? 'las derivadas' : 'las funciones'}, para z entre −5 y 5: ` +
        values.comparar.map((id) => describeRange(id, kind, curves[id].range)).join('; ') +
        '.'
      : 'No hay ninguna función en la comparación: usa «Añadir a la comparación» en las tarjetas.';
    compareLegend.replaceChildren(
      ...values.comparar.map((id) =>
        el('li', {}, [swatchFor(id, kind), document.createTextNode(functionName(id))]),
      ),
    );
    compareRoot.dataset.renders = String(Number(compareRoot.dataset.renders ?? 0) + 1);
  });
  const compareLegend = compareRoot.querySelector('[data-legend]');
  const swatchFor = (id, kind) => {
    const s = document.createElementNS('http://www.w3.org/2000/svg', 'svg');
    s.setAttribute('class', 'swatch');
    s.setAttribute('width', '30');
    s.setAttribute('height', '10');
    s.setAttribute('aria-hidden', 'true');
    const line = document.createElementNS('http://www.w3.org/2000/svg', 'line');
    for (const [k, v] of Object.entries({ x1: 1, y1: 5, x2: 29, y2: 5, 'stroke-width': 2.5 })) {
      line.setAttribute(k, String(v));
    }
    line.setAttribute('stroke', compareChart.color(id));
    const d = dash(id, kind === 'df');
    if (d.length) line.setAttribute('stroke-dasharray', d.join(' '));
    s.append(line);
    return s;
  };
  const derivatives = checkboxControl({
    name: 'comparar-derivadas',
    label: 'Comparar las derivadas',
    checked: false,
    onChange(on) {
      values.derivadas = on;
      changed();
      drawCompare();
    },
  });
  derivatives.element.dataset.key = 'derivadas';
  compareRoot.querySelector('[data-compare-controls]').append(derivatives.element);

  // The family filter.
  const filterCount = root.querySelector('[data-filter-count]');
  function applyFilter() {
    for (const card of gallery) {
      card.article.hidden = values.filtro !== 'todas' && !card.families.includes(values.filtro);
    }
    for (const input of filterInputs) input.checked = input.value === values.filtro;
    // Said to a screen reader too (a status): the cards that went are out of its sight.
    const shown = gallery.filter((c) => !c.article.hidden).length;
    const family = filterInputs.find((i) => i.checked)?.parentElement.textContent.trim();
    const text =
      values.filtro === 'todas'
        ? `Se muestran las ${gallery.length} funciones.`
        : `Se muestran ${shown} de ${gallery.length} funciones (${family[0].toLowerCase()}${family.slice(1)}).`;
    if (filterCount && filterCount.textContent !== text) filterCount.textContent = text;
  }
  for (const input of filterInputs) {
    input.addEventListener('change', () => {
      values.filtro = input.value;
      changed();
      applyFilter();
    });
  }

  function changed() {
    store.changed(section.id);
  }

  // A link to a card that the filter hides shows it: the filter goes back to «Todas».
  function reveal(anchor) {
    const card = gallery.find((c) => c.article.id === anchor);
    if (!card?.article.hidden) return;
    values.filtro = 'todas';
    applyFilter();
    store.changed(section.id, anchor);
  }
  store.onAnchor(reveal);

  // The comparison's chart is far above the card whose button changed it: a status tells a screen
  // reader what happened.
  const compareStatus = el('span', { class: 'visually-hidden', role: 'status' });
  root.append(compareStatus);

  // An added function goes last, so the others keep their colours.
  function toggleCompare(id) {
    const removed = values.comparar.includes(id);
    if (removed) values.comparar = values.comparar.filter((i) => i !== id);
    else if (values.comparar.length < MAX_COMPARED) values.comparar = [...values.comparar, id];
    else return;
    // «Añadida a la comparación: Leaky ReLU (4 de 7).»
    compareStatus.textContent =
      `${removed ? 'Quitada de' : 'Añadida a'} la comparación: ${functionName(id)} ` +
      `(${values.comparar.length} de ${MAX_COMPARED}).`;
    showCompared();
    changed();
    drawCompare();
  }

  function showCompared() {
    const full = values.comparar.length >= MAX_COMPARED;
    for (const card of cards.values()) card.setCompared(values.comparar.includes(card.id), full);
  }

  function refresh() {
    derivatives.set(values.derivadas);
    applyFilter();
    showCompared();
    for (const card of cards.values()) card.showValues();
    drawCompare();
  }

  store.register(section.id, propList, values, refresh);
  derivatives.set(values.derivadas);
  applyFilter();
  reveal(store.activeAnchor());
  compareRoot.querySelector('[data-placeholder]').hidden = true;

  // An embed of one card builds that card's lab alone: the other cards are never shown there.
  // On the page, a link to a card builds that card first.
  const linked = gallery.filter((c) => c.article.id === store.activeAnchor());
  const order = only
    ? gallery.filter((c) => c.id === only)
    : [...linked, ...gallery.filter((c) => !linked.includes(c))];
  for (const card of order) {
    const view = createCardLab({
      root: card.article.querySelector('[data-lab-card]'),
      card,
      spec: specs.get(card.id),
      api,
      values,
      changed: (id) => {
        // A link made now opens on this card.
        store.changed(section.id, card.article.id);
        if (values.comparar.includes(id)) drawCompare();
      },
      onCompare: toggleCompare,
    });
    view.setCompared(values.comparar.includes(card.id), values.comparar.length >= MAX_COMPARED);
    cards.set(card.id, view);
    await nextTask();
  }
  drawCompare();

  return {
    charts: {
      'otras-funciones': compareChart.chart,
      ...Object.fromEntries([...cards].map(([id, v]) => [`funcion-${id}`, v.chart])),
    },
    applyTheme() {
      compareChart.applyTheme();
      for (const card of cards.values()) card.applyTheme();
      drawCompare();
    },
  };
}
