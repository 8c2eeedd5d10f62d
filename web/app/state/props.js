// Declarative properties: how each piece of state reads from and writes to the URL. A value
// that is missing, malformed or out of range falls back to the default (or is clamped), so a
// hand-edited link can never break the page.

/** Rounds to a multiple of `step` without binary noise (1.5, not 1.5000000000000002). */
export function snap(value, step) {
  const decimals = Math.max(0, -Math.floor(Math.log10(step)) + 1);
  return Number((Math.round(value / step) * step).toFixed(decimals));
}

export function numberProp(key, { min, max, step, fallback }) {
  return {
    key,
    fallback,
    parse(text) {
      if (text === null || text.trim() === '') return fallback;
      const value = Number(text);
      if (!Number.isFinite(value)) return fallback;
      const clamped = Math.min(max, Math.max(min, value));
      return step ? snap(clamped, step) : clamped;
    },
    format: (value) => String(value),
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
