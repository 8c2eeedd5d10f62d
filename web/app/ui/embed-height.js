// The height an embed needs in a course's column, measured rather than guessed: the embed is
// loaded, unseen, in a frame of that width, and the height it reports once it has stopped
// changing is the one «Insertar» writes in its code.

/** The width of a course platform's column (Moodle's, Canvas's), in CSS px. */
export const COLUMN_PX = 700;
const SETTLED_MS = 800; // without a new height
const GIVE_UP_MS = 20000;

const measured = new Map(); // embed URL -> height
let counter = 0;

/**
 * Resolves to the height the embed at `url` needs at COLUMN_PX, or null if it never said (a
 * browser that blocks the frame, a page opened from file:// that cannot read it). `signal` aborts.
 */
export function measureEmbedHeight(url, signal) {
  if (measured.has(url)) return Promise.resolve(measured.get(url));
  if (signal?.aborted) return Promise.resolve(null);
  return new Promise((resolve) => {
    const id = `medida-${++counter}`;
    const frame = document.createElement('iframe');
    frame.className = 'embed-measure';
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
      frame.remove();
      if (value) measured.set(url, value);
      resolve(value || null);
    };
    const abort = () => done(null);
    // Same-origin, the frame says when its lab is ready; from file:// it cannot, and the
    // heights' settling is all there is to go by.
    const ready = () => {
      let doc = null;
      try {
        doc = frame.contentDocument;
      } catch {
        // another origin: its heights are all there is
      }
      return !doc || ['ready', 'error'].includes(doc.documentElement.dataset.app);
    };
    const check = () => (ready() ? done(height) : (settle = setTimeout(check, SETTLED_MS)));
    function onMessage(event) {
      if (event.source !== frame.contentWindow) return;
      if (event.data?.type !== 'activaciones:height' || event.data.id !== id) return;
      height = Number(event.data.height) || 0;
      clearTimeout(settle);
      settle = setTimeout(check, SETTLED_MS);
    }
    const giveUp = setTimeout(() => done(height), GIVE_UP_MS);
    addEventListener('message', onMessage);
    signal?.addEventListener('abort', abort);
    const src = new URL(url);
    src.searchParams.set('id', id);
    frame.src = src.href;
    document.body.append(frame);
  });
}
