// The embed's frame: only the chosen section (or gallery card) is shown, controls are hidden on
// request, the page reports its height to the host, and a link opens the full lesson.
import { FIGURES } from '../content/figures.es.js';
import { cardTitle } from '../ui/card-title.js';

/** Shows the plan's section alone; hides the controls the query asked to hide. */
export function frameSection(plan) {
  const root = document.documentElement;
  const section = document.getElementById(plan.anchor);
  section.hidden = false;
  // «Sigmoide · Funciones de activación»: the lesson's section number means nothing in a frame.
  const heading = section.querySelector('h1, h2')?.textContent.replace(/^\d+\.\s*/, '') ?? '';
  document.title = `${heading} · Funciones de activación`;
  // The section's title is the frame's h1 (the lesson's h2): what it holds goes up a level too.
  for (const heading of section.querySelectorAll('h3, h4, h5, h6')) {
    heading.setAttribute('aria-level', String(Number(heading.tagName[1]) - 1));
  }
  if (plan.card) {
    root.dataset.embedCard = plan.card;
    const card = section.querySelector(`[data-card="${CSS.escape(plan.card)}"]`);
    card.classList.add('embed-target');
    // The card's title stands for the hidden section title: the frame's one top heading.
    const title = card.querySelector('h3');
    title.setAttribute('aria-level', '1');
    section.setAttribute('aria-labelledby', title.id);
    document.title = `${cardTitle(card)} · Funciones de activación`;
  }
  if (plan.figure) showFigure(section, `${plan.anchor}-${plan.figure}`);
  if (!plan.controls) root.dataset.embedControls = 'off';
  if (!plan.formulas) root.dataset.embedFormulas = 'off';
  return section;
}

/** figura=: one figure of the section, under «Comparación · Derivadas», and only its controls. */
function showFigure(section, id) {
  for (const figure of section.querySelectorAll('[data-figure]')) {
    figure.hidden = figure.dataset.figure !== id;
  }
  // The α slider between the figures sets the ReLU family's.
  if (!FIGURES[id].family) {
    for (const box of section.querySelectorAll('[data-family-controls]')) box.hidden = true;
  }
  const heading = section.querySelector('h1');
  heading.textContent = `${heading.textContent} · ${FIGURES[id].title}`;
  document.title = `${heading.textContent} · Funciones de activación`;
}

/**
 * After the lab is built: hides controls by the names links use for them («z» for the probe,
 * «fn» for softmax's output function). Labs mark a control whose input name differs from its
 * link key with data-key. `keys` are the frame's link keys; returns the names that match no
 * control, and the keys that do (for the note that lists them).
 */
export function hideControls(section, names, { card = null, keys = [] } = {}) {
  const scope = card ? section.querySelector(`[data-card="${CSS.escape(card)}"]`) : section;
  const controlsFor = (name) => {
    // A gallery card's own inputs carry its id first: «celu-deriv» for «deriv».
    const inputNames = card ? [name, `${card}-${name}`] : [name];
    const selector = [
      ...inputNames.map((n) => `[name="${CSS.escape(n)}"]`),
      `[data-key~="${CSS.escape(name)}"]`,
    ].join(', ');
    return [...scope.querySelectorAll(selector)].map((e) =>
      e.matches('[data-key]') ? e : (e.closest('.control, fieldset') ?? e),
    );
  };
  const missing = [];
  for (const name of names) {
    const controls = controlsFor(name);
    if (controls.length === 0) missing.push(name);
    for (const control of controls) control.hidden = true;
  }
  // A group whose every control is hidden goes too.
  for (const group of scope.querySelectorAll('fieldset')) {
    const inputs = [...group.querySelectorAll('input, select, button')];
    if (inputs.length > 0 && inputs.every((i) => i.closest('[hidden]'))) group.hidden = true;
  }
  return { missing, available: keys.filter((key) => controlsFor(key).length > 0) };
}

/**
 * Posts { type: 'activaciones:height', height, id } to the host whenever the height changes.
 * Any host may listen; the message carries nothing but the size.
 */
export function reportHeight(frameId) {
  if (window.parent === window) return;
  let last = 0;
  const send = () => {
    const height = Math.ceil(document.documentElement.getBoundingClientRect().height);
    if (height === last) return;
    last = height;
    try {
      window.parent.postMessage({ type: 'activaciones:height', height, id: frameId }, '*');
    } catch {
      // A host that cannot receive messages keeps its fixed height.
    }
  };
  new ResizeObserver(send).observe(document.documentElement);
  send();
}

/**
 * The footer link to the same state in the full lesson: for a gallery card, to that card (its
 * element's id) with its own values only; for one figure, to its heading.
 */
export function linkToLesson(store, { anchor, card, figure }) {
  const link = document.querySelector('[data-embed-open]');
  if (!link) return;
  let target = figure ? `${anchor}-${figure}` : anchor;
  if (card) target = document.querySelector(`[data-card="${CSS.escape(card)}"]`).id;
  const update = () => {
    link.href = new URL(`index.html${store.hashFor(anchor, { card, target })}`, location.href).href;
  };
  update();
  document.addEventListener('input', update);
  document.addEventListener('change', update);
  document.addEventListener('click', update);
}
