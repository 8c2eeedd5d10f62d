// The height an embed needs in a course's column, measured rather than guessed: the embed is
// loaded, unseen, in a frame of that width, and the height it reports once it has stopped
// changing is the one «Insertar» writes in its code.

/** The width of a course platform's column (Moodle's, Canvas's), in CSS px. */
export const COLUMN_PX = 700;
const SETTLED_MS = 800; // without a new height
const GIVE_UP_MS = 20000;

const measured = new Map(); // embed URL -> height
let counter = 0;

/** The height already measured for `url`, if any. */
export const measuredHeight = (url) => measured.get(url) ?? null;

/**
 * Resolves to the height the embed at `url` needs at COLUMN_PX, or null if it could not tell (a
 * browser that blocks the frame, an embed that failed or was still loading after 20 s).
 * `signal` aborts.
 */
export function measureEmbedHeight(url, signal) {
  if (measured.has(url)) return Promise.resolve(measured.get(url));
  if (signal?.aborted) return Promise.resolve(null);
  return new Promise((resolve) => {
    const id = `medida-${++counter}`;
    // Laid out at a column's width, but inside a 1 px box: it never widens a phone's page.
    const box = document.createElement('div');
    box.className = 'embed-measure';
    const frame = document.createElement('iframe');
    frame.style.width = `${COLUMN_PX}px`;
    frame.title = 'Medida de la altura';
    frame.tabIndex = -1;
    frame.setAttribute('aria-hidden', 'true');
    frame.inert = true;
    let height = 0;
    let settle = 0;
    const done = (value) => {
      clearTimeout(settle);
      clearTimeout(giveUp);
      removeEventListener('message', onMessage);
      signal?.removeEventListener('abort', abort);
      box.remove();
      if (value) measured.set(url, value);
      resolve(value || null);
    };
    const abort = () => done(null);
    // 'ready', 'error', or 'loading'; null where the frame cannot be read (from file://), and
    // its heights' settling is all there is to go by.
    const state = () => {
      try {
        const doc = frame.contentDocument;
        return doc ? (doc.documentElement.dataset.app ?? 'loading') : null;
      } catch {
        return null;
      }
    };
    const check = () => {
      const now = state();
      if (now === 'loading') settle = setTimeout(check, SETTLED_MS);
      else done(now === 'error' ? 0 : height);
    };
    function onMessage(event) {
      if (event.source !== frame.contentWindow) return;
      if (event.data?.type !== 'activaciones:height' || event.data.id !== id) return;
      height = Number(event.data.height) || 0;
      clearTimeout(settle);
      settle = setTimeout(check, SETTLED_MS);
    }
    const giveUp = setTimeout(() => done(0), GIVE_UP_MS);
    addEventListener('message', onMessage);
    signal?.addEventListener('abort', abort);
    const src = new URL(url);
    src.searchParams.set('id', id);
    frame.src = src.href;
    box.append(frame);
    document.body.append(box);
  });
}
