// The page's one UI state: each section registers its properties and values; any change is
// written to the URL hash as "#section?section.key=value&…" (only values that differ from the
// defaults), so a link or a reload restores every chart. A plain "#section" link still scrolls.
// A value in a link that is unknown, malformed or out of range is ignored or clamped, and noted
// so the page can say so quietly.
import { formatHash, readHash, writeHash } from './hash.js';

// history.replaceState takes about 2 ms on this page (0,1 ms on a blank one), 8 ms on a CPU four
// times slower: while a slider is dragged, the URL is rewritten four times a second, not ten.
const SAVE_DELAY = 250;

function sameValue(a, b) {
  return Array.isArray(a) ? a.length === b.length && a.every((v, i) => v === b[i]) : a === b;
}

/** Whether `text` reads back as what the prop kept: "1.50" is 1.5, "abc" is not 1.5. */
function kept(prop, text, value) {
  if (prop.matches) return prop.matches(text, value);
  const written = prop.format(value);
  return written === text || (text.trim() !== '' && Number(text) === Number(written));
}

/** What a value the link could not keep as written became: the default, or the nearest one. */
function adjustment(prop, value) {
  const used = prop.format(value);
  const start = used === prop.format(prop.parse(null));
  return { reason: 'adjusted', hint: ` ${used}${start ? ', el de partida' : ''}` };
}

/** «; los que hay: alpha, zmin…» for an unknown key: the keys beside it (a card's own). */
function validKeys(props, key) {
  const scope = key.slice(0, key.lastIndexOf('.') + 1);
  const names = props
    .map((p) => p.key)
    .filter((k) => k.startsWith(scope) && !k.slice(scope.length).includes('.'))
    .map((k) => k.slice(scope.length));
  return names.length > 0 && names.length <= 12 ? `; los que hay: ${names.join(', ')}` : '';
}

/**
 * `initial` ({ anchor, params }) defaults to the URL hash; `persist: false` (the embed) never
 * writes the URL.
 */
export function createStore({ initial = readHash(), persist = true } = {}) {
  const sections = new Map();
  const notes = [];
  let active = initial.anchor;

  // Who follows the state (the share bars' embed code): told once per task, after the change
  // has been drawn, whatever made it (a control, a button, a restored link).
  const listeners = new Set();
  const anchorListeners = new Set();
  let pending = false;
  const notify = () => {
    if (pending) return;
    pending = true;
    queueMicrotask(() => {
      pending = false;
      for (const listener of listeners) listener();
    });
  };

  let timer = 0;
  const flush = () => {
    clearTimeout(timer);
    timer = 0;
    save();
  };
  // Leaving the page (or reloading it) must not lose the last change.
  if (persist) addEventListener('pagehide', () => timer && flush());

  function entries(anchor) {
    const { props, values } = sections.get(anchor);
    return props
      .filter((p) => !sameValue(values[p.key], p.fallback))
      .map((p) => [p.key, p.format(values[p.key])]);
  }

  function save() {
    const all = [];
    for (const anchor of sections.keys()) {
      for (const [key, value] of entries(anchor)) all.push([`${anchor}.${key}`, value]);
    }
    // Sections not built yet keep what the link said about them.
    for (const [key, value] of initial.params) {
      if (!sections.has(key.split('.')[0])) all.push([key, value]);
    }
    try {
      writeHash(active, all);
    } catch {
      // A frame without an origin of its own may not rewrite its URL; the state stays on screen.
    }
  }

  /** The section's values as stored in `params` (a URLSearchParams of the whole hash). */
  function read(anchor, props, params) {
    const byKey = new Map(props.map((p) => [p.key, p]));
    const values = Object.fromEntries(props.map((p) => [p.key, p.parse(null)]));
    const seen = new Set();
    for (const [name, text] of params) {
      if (!name.startsWith(`${anchor}.`)) continue;
      const key = name.slice(anchor.length + 1);
      const prop = byKey.get(key);
      if (!prop) notes.push({ key: name, text, reason: 'unknown', hint: validKeys(props, key) });
      else if (seen.has(key)) notes.push({ key: name, text, reason: 'repeated' });
      else {
        seen.add(key); // the first value wins
        values[key] = prop.parse(text);
        if (!kept(prop, text, values[key]))
          notes.push({ key: name, text, ...adjustment(prop, values[key]) });
      }
    }
    return values;
  }

  return {
    /**
     * Registers a section. `values` is the section's live state object (mutated in place);
     * `restore(values)` redraws the section's controls and chart after a restore.
     */
    register(anchor, props, values, restore) {
      Object.assign(values, read(anchor, props, initial.params));
      sections.set(anchor, { props, values, restore });
    },

    /**
     * Call after mutating a section's values: makes it (or `target`, an element inside it such
     * as a gallery card) the link's anchor and saves soon. The URL is rewritten at most every
     * SAVE_DELAY ms, not on every step of a dragged slider.
     */
    changed(anchor, target = anchor) {
      active = target;
      if (persist && !timer) timer = setTimeout(flush, SAVE_DELAY);
      notify();
    },

    /** Calls `listener` after every change of state (see notify). */
    subscribe(listener) {
      listeners.add(listener);
    },

    /** Calls `listener(anchor)` whenever the hash names a new anchor, before the page scrolls. */
    onAnchor(listener) {
      anchorListeners.add(listener);
    },

    /**
     * A new hash. With state (a pasted or edited link, Back or Forward), every section it
     * mentions is restored. Without (a plain "#section" link: the contents, «Siguiente»), the
     * page only moves, and the state it keeps goes back into the URL, so a reload or a bookmark
     * keeps it too.
     */
    restoreFromHash() {
      const { anchor, params } = readHash();
      active = anchor;
      if ([...params.keys()].length === 0) {
        for (const listener of anchorListeners) listener(anchor);
        if (persist) flush();
        return false;
      }
      initial.params = params;
      for (const [name, section] of sections) {
        Object.assign(section.values, read(name, section.props, params));
        section.restore(section.values);
      }
      for (const listener of anchorListeners) listener(anchor);
      notify();
      return true;
    },

    /** The section's state as "key=value" pairs, without the section's prefix. */
    entries,

    /** The keys a link may give the section (a gallery card's as "card.key"). */
    keys(anchor) {
      return sections.get(anchor)?.props.map((p) => p.key) ?? [];
    },

    /**
     * The hash of a link to the section in its state ("#elu?elu.alpha=2"), or to one gallery
     * card in its own (`card`, its values only; `target`, the card's element id).
     */
    hashFor(anchor, { card = null, target = anchor } = {}) {
      const own = entries(anchor).filter(([k]) => !card || k.startsWith(`${card}.`));
      return formatHash(
        target,
        own.map(([k, v]) => [`${anchor}.${k}`, v]),
      );
    },

    /**
     * What the link asked for and did not get, once every section is registered: values of
     * unknown sections, unknown keys, repeated keys, and values ignored or clamped.
     */
    notes() {
      const stray = [...initial.params]
        .filter(([name]) => !sections.has(name.split('.')[0]))
        .map(([key, text]) => ({ key, text, reason: 'unknown' }));
      return [...notes.splice(0), ...stray];
    },

    /** A note from a section: a value it could not use (`reason` as in ui/notice.js). */
    note(key, text, reason) {
      notes.push({ key, text, reason });
    },

    activeAnchor: () => active,
  };
}
