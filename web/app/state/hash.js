// The UI state lives in the URL hash as "#anchor?key=value&…": a plain "#section" link still
// works as an anchor, and a link with state reopens the page exactly as it was.

// A stray «%» (a link typed or cut by hand) is not an escape: it stays as it is.
function decode(text) {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

export function readHash(hash = location.hash) {
  const text = hash.startsWith('#') ? hash.slice(1) : hash;
  const q = text.indexOf('?');
  const anchor = decode(q < 0 ? text : text.slice(0, q));
  const params = new URLSearchParams(q < 0 ? '' : text.slice(q + 1));
  return { anchor, params };
}

export function formatHash(anchor, entries) {
  const params = new URLSearchParams(entries);
  const query = params.toString();
  return `#${encodeURIComponent(anchor)}${query ? `?${query}` : ''}`;
}

/** Rewrites the hash without scrolling and without a history entry per slider step. */
export function writeHash(anchor, entries) {
  const hash = formatHash(anchor, entries);
  if (hash !== location.hash) history.replaceState(history.state, '', hash);
}
