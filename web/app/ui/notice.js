// A quiet note for values of a link that could not be used (unknown, repeated, malformed or out
// of range): the page carries on with defaults or clamped values and says so once, politely.
import { readHash } from '../state/hash.js';
import { keepBottomRoom } from './bottom-space.js';
import { el } from './controls.js';

const REASONS = {
  unknown: 'no existe',
  repeated: 'repetido; vale el primero',
  adjusted: 'no válido; se usa',
  ignored: 'no válido; se ha ignorado',
  range: 'el intervalo está vacío; se usa el de partida',
  anchor: 'no hay nada con ese nombre en la lección; se abre por el principio',
  control: 'no hay ningún control con ese nombre en este marco',
};
const MAX_LISTED = 8;

/** At most 40 characters of anything a link brought, for display (as text, never as HTML). */
const short = (text) => (text.length > 40 ? `${text.slice(0, 40)}…` : text);

export function showLinkNotes(notes) {
  const box = document.getElementById('app-notice');
  if (!box || notes.length === 0) return;
  const items = notes.slice(0, MAX_LISTED).map((n) => {
    const what = n.text === undefined ? short(n.key) : `${short(n.key)}=${short(n.text)}`;
    return el('li', { text: `«${what}»: ${REASONS[n.reason]}${n.hint ?? ''}` });
  });
  if (notes.length > MAX_LISTED) {
    items.push(el('li', { text: `y ${notes.length - MAX_LISTED} más` }));
  }
  const close = el('button', {
    type: 'button',
    class: 'button-link',
    text: 'Cerrar',
    'aria-label': 'Cerrar el aviso sobre el enlace',
  });
  close.addEventListener('click', () => {
    box.replaceChildren();
    keepBottomRoom('notice', null);
    focusLanding();
  });
  // The box is in the page from the start, empty and without a frame (share.css): a screen
  // reader announces new content in a status region, not a region that appears already full.
  box.replaceChildren(
    el('p', { text: 'Algunos valores del enlace no se han podido usar:' }),
    el('ul', {}, items),
    close,
  );
  // In the lesson the box is fixed at the bottom of the window (share.css).
  if (getComputedStyle(box).position === 'fixed') keepBottomRoom('notice', box);
}

/**
 * The keyboard goes on from where the link landed, not from the top: once the note is closed,
 * and once the page has scrolled to a link's section (a link with state, "#elu?elu.alpha=2",
 * names no element, so the browser does not move the starting point there itself).
 */
export function focusLanding() {
  const { anchor } = readHash();
  const target = (anchor && document.getElementById(anchor)) || document.querySelector('main');
  if (!target) return;
  if (!target.hasAttribute('tabindex')) target.setAttribute('tabindex', '-1');
  target.focus({ preventScroll: true });
}
