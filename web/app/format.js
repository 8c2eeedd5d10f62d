// Numbers as a Spanish reader expects them: decimal comma, a real minus sign.
const formatters = new Map();

function formatter(key, options) {
  let f = formatters.get(key);
  if (!f) {
    f = new Intl.NumberFormat('es-ES', options);
    formatters.set(key, f);
  }
  return f;
}

function special(value) {
  if (Number.isNaN(value)) return 'no definido';
  if (value === Infinity) return '+∞';
  if (value === -Infinity) return '−∞';
  return null;
}

/** At most `digits` decimals: 1,5 · −6 · 0,004. */
export function formatNumber(value, digits = 3) {
  const s = special(value);
  if (s) return s;
  const text = formatter(`f${digits}`, { maximumFractionDigits: digits }).format(value);
  // −0,001 to two decimals is 0, not «−0», which reads as a sign error.
  return text === '-0' ? '0' : text.replace('-', '−');
}

const list = new Intl.ListFormat('es', { type: 'conjunction' });

/** «a», «a y b», «a, b y c». */
export function formatList(items) {
  return list.format(items);
}

/**
 * A table cell: `digits` decimals, every one shown (−0,160 beside 0,225); a value smaller than
 * 10^(1 − digits), with 2 significant digits (−9,1·10⁻⁴, not «−0,001», nor a «−0» that looks
 * like a sign error); ±0 is 0.
 */
export function formatCell(value, digits = 3) {
  if (value === 0) return '0';
  if (Math.abs(value) < 10 ** (1 - digits)) return formatSignificant(value, 2);
  const s = special(value);
  if (s) return s;
  const options = { minimumFractionDigits: digits, maximumFractionDigits: digits };
  return formatter(`c${digits}`, options).format(value).replace('-', '−');
}

/**
 * `digits` significant digits, in scientific notation when very small or large: 4,54·10⁻⁵.
 * `zeros`: trailing zeros are kept, 0,520 rather than 0,52.
 */
export function formatSignificant(value, digits = 4, { zeros = false } = {}) {
  const s = special(value);
  if (s) return s;
  const options = { maximumSignificantDigits: digits };
  if (zeros) options.minimumSignificantDigits = digits;
  const format = formatter(`s${digits}${zeros ? 'z' : ''}`, options);
  const abs = Math.abs(value);
  if (abs !== 0 && (abs < 1e-3 || abs >= 1e6)) {
    const [mantissa, exponent] = value.toExponential(digits - 1).split('e');
    const m = format.format(Number(mantissa));
    return `${m.replace('-', '−')}·10${superscript(Number(exponent))}`;
  }
  return format.format(value).replace('-', '−');
}

const SUPERSCRIPT = {
  '-': '⁻',
  0: '⁰',
  1: '¹',
  2: '²',
  3: '³',
  4: '⁴',
  5: '⁵',
  6: '⁶',
  7: '⁷',
  8: '⁸',
  9: '⁹',
};

function superscript(n) {
  return [...String(n)].map((c) => SUPERSCRIPT[c]).join('');
}

/** A whole number as a subscript, for indices: z₁, s₁₂. */
export function subscript(n) {
  return String(n).replace(/\d/g, (d) => '₀₁₂₃₄₅₆₇₈₉'[d]);
}

/** 10 to the power `e`, as a reader writes it: 1, 10, 10², 10⁻¹⁸. */
export function powerOfTen(e) {
  if (e === 0) return '1';
  if (e === 1) return '10';
  return `10${superscript(e)}`;
}

/**
 * `digits` significant digits, or as many as it takes (up to 9) not to round to a round number
 * (two significant digits) the value is not: the sigmoid on [−10, 10] reaches 0,99995, not «1»,
 * and ELU with α = 1,5 goes down to −1,4999, not to «−1,5»: limits they never reach.
 */
export function formatBound(v, digits = 4) {
  const round = Number(v.toPrecision(2));
  let text = formatSignificant(v, digits);
  for (let d = digits + 1; d <= 9 && v !== round && text === formatSignificant(round); d++) {
    text = formatSignificant(v, d);
  }
  return text;
}

const decimals = (text) => /^−?\d+,(\d+)$/.exec(text)?.[1].length ?? 0;
const fixed = (text) => /^−?\d+(,\d+)?$/.test(text);
const exact = (text, v) => Number(text.replace('−', '-').replace(',', '.')) === v;

const magnitude = (v) => Math.floor(Math.log10(Math.abs(v)));

/**
 * Both ends of a range by `formatBound`. Of two ends of the same magnitude, one that was rounded
 * gets as many decimals as the other: «de −1,4999 a −1,4899», not «a −1,49». An exact end keeps
 * its own («de 0,1192 a 0,5»), and so do ends far apart («de 0,08753 a 1,758»).
 */
export function formatBounds(lo, hi) {
  const texts = [formatBound(lo), formatBound(hi)];
  if (!texts.every(fixed) || magnitude(lo) !== magnitude(hi)) return texts;
  const d = Math.max(...texts.map(decimals));
  return texts.map((text, i) => {
    const v = i ? hi : lo;
    return decimals(text) < d && !exact(text, v) ? formatCell(v, d) : text;
  });
}
