// "Compartir" and "Insertar" for every section with a lab. Compartir copies a link to the
// section in its current state; Insertar gives the iframe code for embed.html in that state,
// and a plain link for course platforms that strip iframes.
import { formatHash } from '../state/hash.js';
import { el } from './controls.js';
import { copyText, select } from './copy.js';

const SITE = 'Funciones de activación';

/** The lab's height now, plus the embed's title and footer: a good fixed height to start. */
function frameHeight(section, controls) {
  const lab = section.querySelector('[data-lab]');
  const figure = lab.querySelector('.lab-figure') ?? lab;
  const height = (controls ? lab : figure).getBoundingClientRect().height;
  const formulas = section.querySelector('.formulas')?.getBoundingClientRect().height ?? 0;
  return Math.min(2400, Math.ceil((height + formulas + 140) / 10) * 10);
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

function copier(label, text, status) {
  const button = el('button', { type: 'button', class: 'button', text: label });
  button.addEventListener('click', async () => {
    const value = text();
    const ok = await copyText(value.text);
    if (!ok) select(value.node);
    status.textContent = ok
      ? 'Copiado al portapapeles.'
      : 'El navegador no deja copiar desde aquí: está seleccionado, cópialo con Ctrl+C.';
  });
  return button;
}

function shareBar(section, store) {
  const anchor = section.id;
  const title = `${section.querySelector('h2')?.textContent.replace(/^\d+\.\s*/, '') ?? ''} · ${SITE}`;
  const pageLink = () => {
    const entries = store.entries(anchor).map(([k, v]) => [`${anchor}.${k}`, v]);
    return new URL(formatHash(anchor, entries), location.href).href;
  };
  const status = el('span', { class: 'share-status', role: 'status' });
  const linkText = el('span', { class: 'visually-hidden' });
  const share = copier(
    'Compartir',
    () => {
      linkText.textContent = pageLink();
      return { text: linkText.textContent, node: linkText };
    },
    status,
  );
  share.title = 'Copia el enlace a esta sección tal como está ahora';

  const controls = el('input', {
    type: 'checkbox',
    id: `insertar-controles-${anchor}`,
    checked: true,
  });
  const code = el('textarea', {
    class: 'embed-code',
    id: `insertar-codigo-${anchor}`,
    rows: 4,
    readonly: true,
    spellcheck: 'false',
  });
  const plain = el('a', { target: '_blank', rel: 'noopener' });
  const embedUrl = () => {
    const query = new URLSearchParams([['section', anchor], ...store.entries(anchor)]);
    if (!controls.checked) query.set('controls', '0');
    return new URL(`embed.html?${query}`, location.href).href;
  };
  const refresh = () => {
    const url = embedUrl();
    code.value = embedSnippet({ url, title, height: frameHeight(section, controls.checked) });
    plain.href = url;
    plain.textContent = url;
  };
  controls.addEventListener('change', refresh);
  const panel = el('div', { class: 'embed-panel', id: `insertar-${anchor}`, hidden: true }, [
    el('label', {
      for: code.id,
      text: 'Código para insertar en tu curso (Moodle, Canvas, una web):',
    }),
    code,
    el('div', { class: 'control control-check' }, [
      controls,
      el('label', { for: controls.id, text: 'Con los controles' }),
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
    'aria-expanded': 'false',
    'aria-controls': panel.id,
  });
  insert.addEventListener('click', () => {
    panel.hidden = !panel.hidden;
    insert.setAttribute('aria-expanded', String(!panel.hidden));
    if (!panel.hidden) refresh();
  });
  // The code follows the section's state while the panel is open.
  section.addEventListener('input', () => panel.hidden || refresh());
  section.addEventListener('change', () => panel.hidden || refresh());
  return el('div', { class: 'share-bar' }, [
    el('div', { class: 'share-buttons' }, [share, insert, status, linkText]),
    panel,
  ]);
}

export function setUpSharing(store) {
  for (const section of document.querySelectorAll('section.section')) {
    if (!section.querySelector('[data-lab]')) continue;
    section.querySelector('h2')?.after(shareBar(section, store));
  }
}
