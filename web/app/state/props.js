// Declarative properties: how each piece of state reads from and writes to the URL. A value
// that is missing, malformed or out of range falls back to the default (or is clamped), so a
// hand-edited link can never break the page.

/** Rounds to a multiple of `step` without binary noise (1.5, not 1.5000000000000002). */
export function snap(value, step) {
  const decimals = Math.max(0, -Math.floor(Math.log10(step)) + 1);
  return Number((Math.round(value / step) * step).toFixed(decimals));
}

/** A number as a link may write it: «2.5», or «2,5», as a Spanish reader types it. */
function readNumber(text) {
  if (text === null || text.trim() === '') return NaN;
  return Number(text.replace(/^(\s*[+-]?\d*),(\d+\s*)$/, '$1.$2'));
}

export function numberProp(key, { min, max, step, fallback }) {
  return {
    key,
    fallback,
    parse(text) {
      const value = readNumber(text);
      if (!Number.isFinite(value)) return fallback;
      const clamped = Math.min(max, Math.max(min, value));
      return step ? snap(clamped, step) : clamped;
    },
    format: (value) => String(value),
    // Kept as written, decimal comma or not: nothing clamped, snapped or dropped.
    matches: (text, value) => readNumber(text) === value,
  };
}

export function choiceProp(key, choices, fallback) {
  return {
    key,
    fallback,
    parse: (text) => (choices.includes(text) ? text : fallback),
    format: (value) => value,
  };
}

/** Reads every prop from `params` (URLSearchParams) into a plain object. */
export function readProps(props, params) {
  return Object.fromEntries(props.map((p) => [p.key, p.parse(params.get(p.key))]));
}

export function writeProps(props, values) {
  return props.map((p) => [p.key, p.format(values[p.key])]);
}

export function boolProp(key, fallback) {
  return {
    key,
    fallback,
    parse: (text) => (text === '1' ? true : text === '0' ? false : fallback),
    format: (value) => (value ? '1' : '0'),
  };
}

/** A comma-separated list of numbers, each clamped, with a length between minLength and maxLength. */
export function numberListProp(key, { min, max, step, minLength, maxLength, fallback }) {
  const item = numberProp(key, { min, max, step, fallback: 0 });
  return {
    key,
    fallback,
    parse(text) {
      if (text === null) return fallback;
      const parts = text.split(',').slice(0, maxLength);
      if (parts.length < minLength || parts.some((p) => !Number.isFinite(Number(p)) || p === '')) {
        return fallback;
      }
      return parts.map((p) => item.parse(p));
    },
    format: (values) => values.join(','),
  };
}

/**
 * A subset of `choices`, written as a comma-separated list: in the order of `choices`, or with
 * `ordered` in the link's own order (unknown and repeated items dropped); at most `maxLength`.
 */
export function subsetProp(key, choices, fallback, { ordered = false, maxLength = Infinity } = {}) {
  return {
    key,
    fallback,
    parse(text) {
      if (text === null) return fallback;
      const items = text.split(',');
      const kept = ordered
        ? items.filter((c, i) => choices.includes(c) && items.indexOf(c) === i)
        : choices.filter((c) => items.includes(c));
      return kept.slice(0, maxLength);
    },
    format: (values) => values.join(','),
    // Unordered, a link that lists the same items in another order asked for exactly this.
    matches: ordered
      ? undefined
      : (text, values) => {
          const items = text === '' ? [] : text.split(',');
          return items.length === values.length && values.every((v) => items.includes(v));
        },
  };
}

/** A boolean parameter of the core (GELU's `approximate`), kept as 1 or 0. */
export function flagProp(key, fallback) {
  return {
    key,
    fallback,
    parse: (text) => (text === '1' ? 1 : text === '0' ? 0 : fallback),
    format: String,
  };
}
