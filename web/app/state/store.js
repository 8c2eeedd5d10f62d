// The page's one UI state: each section registers its properties and values; any change is
// written to the URL hash as "#section?section.key=value&…" (only values that differ from the
// defaults), so a link or a reload restores every chart. A plain "#section" link still scrolls.
import { readHash, writeHash } from './hash.js';
import { readProps } from './props.js';

const SAVE_DELAY = 100;

function sameValue(a, b) {
  return Array.isArray(a) ? a.length === b.length && a.every((v, i) => v === b[i]) : a === b;
}

export function createStore() {
  const sections = new Map();
  const initial = readHash();
  let active = initial.anchor;

  let timer = 0;
  const flush = () => {
    clearTimeout(timer);
    timer = 0;
    save();
  };
  // Leaving the page (or reloading it) must not lose the last change.
  addEventListener('pagehide', () => timer && flush());

  function save() {
    const entries = [];
    for (const [anchor, { props, values }] of sections) {
      for (const prop of props) {
        const value = values[prop.key];
        if (!sameValue(value, prop.fallback)) {
          entries.push([`${anchor}.${prop.key}`, prop.format(value)]);
        }
      }
    }
    // Sections not built yet keep what the link said about them.
    for (const [key, value] of initial.params) {
      if (!sections.has(key.split('.')[0])) entries.push([key, value]);
    }
    writeHash(active, entries);
  }

  /** The section's values as stored in `params` (a URLSearchParams of the whole hash). */
  function read(anchor, props, params) {
    const own = new URLSearchParams();
    for (const [key, value] of params) {
      if (key.startsWith(`${anchor}.`) && !own.has(key.slice(anchor.length + 1))) {
        own.set(key.slice(anchor.length + 1), value); // first value wins for repeated keys
      }
    }
    return readProps(props, own);
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
     * Call after mutating a section's values: makes it the active section and saves soon. The
     * URL is rewritten at most every SAVE_DELAY ms, not on every step of a dragged slider.
     */
    changed(anchor) {
      active = anchor;
      if (!timer) timer = setTimeout(flush, SAVE_DELAY);
    },

    /** A pasted or edited link: restore every section it mentions. */
    restoreFromHash() {
      const { anchor, params } = readHash();
      active = anchor;
      if ([...params.keys()].length === 0) return false;
      initial.params = params;
      for (const [name, section] of sections) {
        Object.assign(section.values, read(name, section.props, params));
        section.restore(section.values);
      }
      return true;
    },

    activeAnchor: () => active,
  };
}
