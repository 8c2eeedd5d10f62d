// "Compartir" and "Insertar" for every section with a lab and for every card of the gallery.
// Compartir copies a link to the section (or card) in its current state; Insertar gives the
// iframe code for embed.html in that state, and a plain link for course platforms that strip
// iframes.
import { figureKey } from '../content/figures.es.js';
import { cardTitle } from './card-title.js';
import { el } from './controls.js';
import { copyText, select } from './copy.js';
import { disclosure } from './disclosure.js';
import { COLUMN_PX, measureEmbedHeight, measuredHeight } from './embed-height.js';

// Said to a screen reader, which would otherwise not know that the link leaves this tab.
const NEW_TAB = () =>
  el('span', { class: 'visually-hidden', text: ' (se abre en una pestaña nueva)' });

const SITE = 'Funciones de activación';

const heightOf = (node) => node?.getBoundingClientRect().height ?? 0;

/**
 * A good fixed height to start for an embed: `above` (what the embed shows before the lab), the
 * lab, and `extra` for the embed's title and footer. A course platform's column is often
 * narrower than 800 px, where the lab puts its controls under the chart (lab.css), so the lab
 * counts as stacked even when it sits side by side here: a frame a little too tall beats one
 * that hides the controls behind a scrollbar. Hosts that listen to the embed's height messages
 * get the exact height anyway.
 */
function frameHeight(above, lab, controls, extra) {
  const parts = [...lab.children]
    .filter((part) => controls || !part.matches('.lab-controls'))
    .map(heightOf)
    .filter((h) => h > 0);
  // 20 px: the lab's row gap (1.25rem); 40 px: its padding, borders and margins.
  const stacked = parts.reduce((sum, h) => sum + h, 0) + 20 * (parts.length - 1);
  return Math.min(2400, Math.ceil((above + stacked + 40 + extra) / 10) * 10);
}

const attr = (text) =>
  String(text).replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');

export function embedSnippet({ url, title, height }) {
  return (
    `<iframe src="${attr(url)}" title="${attr(title)}" width="100%" height="${height}" ` +
    `loading="lazy" style="border: 0; max-width: 100%"></iframe>\n` +
    `<p><a href="${attr(url)}" target="_blank" rel="noopener">${attr(title)}: abrir en una ` +
    `pestaña nueva</a></p>`
  );
}

// Opened from a file, the lesson's links and embeds point into this computer's disk.
const LOCAL =
  location.protocol === 'file:'
    ? ' Ojo: esta copia de la lección se ha abierto desde un archivo (file://), y sus enlaces ' +
      'solo funcionan en este ordenador. Para compartirla, publícala en un servidor web, como ' +
      'GitHub Pages.'
    : '';

function copier(label, text, status) {
  const button = el('button', { type: 'button', class: 'button', text: label });
  button.addEventListener('click', async () => {
    const value = text();
    const ok = await copyText(value.text);
    if (!ok) select(value.node);
    status.textContent =
      (ok
        ? 'Copiado al portapapeles.'
        : 'El navegador no deja copiar desde aquí: el texto está seleccionado; cópialo con Ctrl+C (⌘+C en Mac).') +
      LOCAL;
  });
  return button;
}

/**
 * What a share bar shares. `link()` is the page's URL in the current state, `embed()` the embed's
 * query, `height(controls)` the frame's starting height.
 */
function sectionTarget(section, store) {
  const anchor = section.id;
  const lab = section.querySelector('[data-lab]');
  const name = section.querySelector('h2')?.textContent.replace(/^\d+\.\s*/, '') ?? '';
  return {
    id: anchor,
    what: 'sección',
    name,
    title: `${name} · ${SITE}`,
    link: () => store.hashFor(anchor),
    embed: () => [['section', anchor], ...store.entries(anchor)],
    height: (controls) =>
      frameHeight(heightOf(section.querySelector('.formulas')), lab, controls, 140),
    // The gallery whole is some 28 000 px: a course wants one of its cards.
    advice: section.querySelector('[data-card]')
      ? ' La sección entera es muy alta: para una sola función, usa el «Insertar» de su tarjeta.'
      : '',
    // The comparison's figures, each under a heading whose id is the figure's: one alone
    // is embed.html's figura=.
    figures: [...section.querySelectorAll('[data-figure]')].map((figure) => ({
      key: figureKey(figure.dataset.figure),
      label: document.getElementById(figure.dataset.figure)?.textContent ?? figure.dataset.figure,
    })),
  };
}

/** A gallery card: its own link (#funcion-…) and embed (?fn=…), with its own values only. */
function cardTarget(article, section, store) {
  const card = article.dataset.card;
  const own = () => store.entries(section.id).filter(([k]) => k.startsWith(`${card}.`));
  const lab = article.querySelector('[data-lab-card]');
  const name = cardTitle(article);
  return {
    id: article.id,
    what: 'función',
    name,
    title: `${name} · ${SITE}`,
    link: () => store.hashFor(section.id, { card, target: article.id }),
    embed: () => [['fn', card], ...own().map(([k, v]) => [k.slice(card.length + 1), v])],
    // What the card shows above its lab: the card less the lab (counted by frameHeight) and the
    // share bar (and open panel), which the embed does not show.
    height: (controls) => {
      const above =
        heightOf(article) - heightOf(article.querySelector('.share-bar')) - heightOf(lab);
      return frameHeight(above, lab, controls, 90);
    },
  };
}

function shareBar(
  { id, what, name, title, link, embed, height, advice = '', figures = [] },
  store,
) {
  const status = el('span', { class: 'share-status', role: 'status' });
  const linkText = el('span', { class: 'visually-hidden' });
  const share = copier(
    'Compartir',
    () => {
      linkText.textContent = new URL(link(), location.href).href;
      return { text: linkText.textContent, node: linkText };
    },
    status,
  );
  share.title = `Copia el enlace a esta ${what} tal como está ahora`;
  // Dozens of these buttons: a screen reader's list of them says whose each one is.
  share.setAttribute('aria-label', `Compartir: ${name}`);

  const controls = el('input', {
    type: 'checkbox',
    id: `insertar-controles-${id}`,
    checked: true,
  });
  const code = el('textarea', {
    class: 'embed-code',
    id: `insertar-codigo-${id}`,
    rows: 4,
    readonly: true,
    spellcheck: 'false',
  });
  const theme = el('select', { id: `insertar-tema-${id}` }, [
    el('option', { value: '', text: 'los de cada alumno' }),
    el('option', { value: 'claro', text: 'claros' }),
    el('option', { value: 'oscuro', text: 'oscuros' }),
  ]);
  const figure =
    figures.length > 1
      ? el('select', { id: `insertar-figura-${id}` }, [
          el('option', { value: '', text: `todas (${figures.length})` }),
          ...figures.map((f) => el('option', { value: f.key, text: f.label })),
        ])
      : null;
  const plain = el('a', { target: '_blank', rel: 'noopener' });
  const sizeNote = el('p', { class: 'embed-size' });
  const embedUrl = () => {
    const query = new URLSearchParams(embed());
    if (figure?.value) query.set('figura', figure.value);
    if (!controls.checked) query.set('controls', '0');
    if (theme.value) query.set('tema', theme.value);
    return new URL(`embed.html?${query}`, location.href).href;
  };
  // «Comparación: Sus derivadas · Funciones de activación» for one figure.
  const frameTitle = () =>
    figure?.value ? `${name}: ${figure.selectedOptions[0].text} · ${SITE}` : title;
  let measuring = null;
  let wait = 0;
  let shown = null; // the URL the code is for
  const showMeasured = (url, needed) => {
    // Up to the next 10 px, past a pixel's rounding between browsers.
    const fit = Math.ceil((needed + 2) / 10) * 10;
    code.value = embedSnippet({ url, title: frameTitle(), height: fit });
    code.dataset.measured = String(fit);
    sizeNote.textContent =
      `Altura de ${fit} px: la que necesita en una columna de ${COLUMN_PX} px, como la de un ` +
      `curso de Moodle o Canvas.${advice}`;
  };
  const refresh = () => {
    const url = embedUrl();
    if (url === shown) return; // a change in another section
    shown = url;
    measuring?.abort();
    clearTimeout(wait);
    plain.href = url;
    plain.replaceChildren(url, NEW_TAB());
    const known = measuredHeight(url);
    if (known) return showMeasured(url, known);
    // The estimate stands until the embed itself, loaded unseen at a column's width, says what
    // it needs; a burst of changes (a slider dragged) is measured once, at its end.
    code.value = embedSnippet({ url, title: frameTitle(), height: height(controls.checked) });
    delete code.dataset.measured;
    sizeNote.textContent = `Midiendo la altura que necesita en una columna de ${COLUMN_PX} px…${advice}`;
    const job = new AbortController();
    measuring = job;
    wait = setTimeout(async () => {
      const needed = await measureEmbedHeight(url, job.signal);
      if (job.signal.aborted) return;
      if (needed) showMeasured(url, needed);
      else sizeNote.textContent = `Altura estimada para una columna de ${COLUMN_PX} px.${advice}`;
    }, 300);
  };
  controls.addEventListener('change', refresh);
  theme.addEventListener('change', refresh);
  figure?.addEventListener('change', refresh);
  const panel = el('div', { class: 'embed-panel', id: `insertar-${id}`, hidden: true }, [
    ...(LOCAL ? [el('p', { class: 'embed-local', text: LOCAL.trim() })] : []),
    el('label', {
      for: code.id,
      text: 'Código para insertar en tu curso (Moodle, Canvas, una web):',
    }),
    code,
    sizeNote,
    ...(figure
      ? [
          el('div', { class: 'control embed-choice' }, [
            el('label', { for: figure.id, text: 'Gráficas' }),
            figure,
          ]),
        ]
      : []),
    el('div', { class: 'control control-check' }, [
      controls,
      el('label', { for: controls.id, text: 'Con los controles' }),
    ]),
    el('div', { class: 'control embed-choice' }, [
      el('label', { for: theme.id, text: 'Colores' }),
      theme,
    ]),
    copier('Copiar el código', () => ({ text: code.value, node: code }), status),
    el('p', { class: 'embed-plain' }, [
      'Si tu plataforma elimina los iframes, enlaza la versión insertable: ',
      plain,
    ]),
  ]);
  const insert = el('button', {
    type: 'button',
    class: 'button',
    text: 'Insertar',
    'aria-label': `Insertar: ${name}`,
  });
  disclosure(insert, panel, (open) => {
    if (open) refresh();
    else {
      measuring?.abort();
      clearTimeout(wait);
      shown = null; // measured afresh when it opens again, if it had not finished
    }
  });
  // The code follows the state while the panel is open, whatever changed it.
  store.subscribe(() => panel.hidden || refresh());
  return el('div', { class: 'share-bar' }, [
    el('div', { class: 'share-buttons' }, [share, insert, status, linkText]),
    panel,
  ]);
}

export function setUpSharing(store) {
  for (const section of document.querySelectorAll('section.section')) {
    if (!section.querySelector('[data-lab]')) continue;
    section.querySelector('h2')?.after(shareBar(sectionTarget(section, store), store));
    for (const article of section.querySelectorAll('[data-card]')) {
      article
        .querySelector('.card-families')
        .after(shareBar(cardTarget(article, section, store), store));
    }
  }
}
