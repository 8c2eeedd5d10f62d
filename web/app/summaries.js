// Text summaries of what each chart shows, made from its data, for readers who cannot see the
// chart (the canvas points to them with aria-describedby) and for everybody under it.
import { functionName, PARAM_TEXT } from './content/functions.es.js';
import {
  formatBound,
  formatBounds,
  formatList,
  formatNumber,
  formatSignificant,
} from './format.js';
import { kinkBetween } from './views/curve-data.js';
import { refineBetween } from './views/exact-sample.js';

const PIECES = ['un tramo', 'dos tramos', 'tres tramos'];

// Two equal samples make a constant piece only where f' = 0 there too. Where f' is not 0, f
// moves too little for the samples to show (tanh beyond |z| = 9 in float32, the sigmoid beyond
// z = 17), and f' says which way. Constant pieces are counted: ReLU6 has two, one on each side of
// its ramp.
function monotonicity(values, df) {
  let up = false;
  let down = false;
  let pieces = 0;
  let inPiece = false;
  for (let i = 1; i < values.length; i++) {
    let d = values[i] - values[i - 1];
    let flat = false;
    if (d === 0) {
      if (!df || (df[i] === 0 && df[i - 1] === 0)) flat = true;
      else d = df[i] + df[i - 1];
    }
    if (d > 0) up = true;
    else if (d < 0) down = true;
    if (flat && !inPiece) pieces++;
    inPiece = flat;
  }
  const where = `constante en ${PIECES[pieces - 1] ?? `${pieces} tramos`}`;
  if (up && !down)
    return pieces ? `no decrece (es ${where} y creciente en el resto)` : 'es creciente';
  if (down && !up)
    return pieces ? `no crece (es ${where} y decreciente en el resto)` : 'es decreciente';
  if (!up && !down) return 'es constante';
  return 'no es monótona';
}

// `open`: the interval leaves out an end that is also the interval's (Umbral's f′ is 1 for
// z > θ and 0 at θ = zmin): «z > −3», not «todo el intervalo». `closed`: an inner end that
// belongs to it (ReLU′(0) = 0 is saturated: «z ≤ 0»).
function describeZ(a, b, zmin, zmax, open = {}, closed = {}) {
  if (a === b) return `z = ${formatNumber(a, 2)}`;
  const atMin = a <= zmin && !open.low;
  const atMax = b >= zmax && !open.high;
  if (atMin && atMax) return 'todo el intervalo';
  if (atMin) return `z ${closed.high ? '≤' : '<'} ${formatNumber(b, 2)}`;
  if (atMax) return `z ${closed.low ? '≥' : '>'} ${formatNumber(a, 2)}`;
  return `z entre ${formatNumber(a, 2)} y ${formatNumber(b, 2)}`;
}

// A boundary between samples that straddle a kink is the kink itself.
function snapToKink(value, lo, hi, kinks) {
  return kinkBetween(lo, hi, kinks) ?? value;
}

/** «0,25», or «casi 1,758» for an end the function only approaches. */
const casi = (text, approached) => `${approached ? 'casi ' : ''}${text}`;
const formatEnd = (v, approached) => casi(formatBound(v), approached);
const formatEnds = ([lo, hi], [nearLo, nearHi]) => {
  const [low, high] = formatBounds(lo, hi);
  return [casi(low, nearLo), casi(high, nearHi)];
};

const above = (a, b) => a > b + 1e-9 * Math.max(1, Math.abs(b));

// Where f' jumps, its largest value can be a one-sided limit that no sample reaches: SELU'
// climbs to λα ≈ 1,758 as z → 0⁻, but is λ at 0. Or the kink's own value, between two samples.
function beyondSamples(max, jumps) {
  let best = null;
  for (const j of jumps) {
    for (const [v, side] of [
      [j.left, 'izquierda'],
      [j.value, null],
      [j.right, 'derecha'],
    ]) {
      if (above(v, best?.v ?? max)) best = { ...j, v, side, reached: !above(v, j.value) };
    }
  }
  return best;
}

/**
 * Where f′ is largest: a plateau as an interval (ReLU′ = 1 for z > 0), a point as a point. A
 * point between two samples is found there with `refinePeak` (tanh′ peaks at 0, which a grid
 * from −5 to 50 misses), unless a kink lies in between.
 */
function peak(z, df, kinks, jumps, refinePeak) {
  let max = -Infinity;
  for (const v of df) if (v > max) max = v;
  const limit = beyondSamples(max, jumps);
  if (limit?.reached) {
    return `f′ alcanza su máximo, ${formatBound(limit.v)}, en z = ${formatNumber(limit.z, 2)}`;
  }
  if (limit) {
    return (
      `f′ no llega a un máximo: se acerca a ${formatSignificant(limit.v)} cuando z tiende a ` +
      `${formatNumber(limit.z, 2)} por la ${limit.side}, y en z = ${formatNumber(limit.z, 2)} vale ` +
      `${formatSignificant(limit.value)}`
    );
  }
  // Relative: f' may be 10⁻¹⁸ all along and still grow 20 000-fold across the interval.
  const tolerance = 1e-9 * Math.abs(max);
  // Every separate run of samples at the maximum (tanh_shrink' peaks at both ends).
  const runs = [];
  for (let i = 0; i < df.length; i++) {
    if (df[i] < max - tolerance) continue;
    const run = runs.at(-1);
    if (run && run.last === i - 1) run.last = i;
    else runs.push({ first: i, last: i });
  }
  let value = max;
  let approached = false;
  const places = runs.map(({ first, last }) => {
    let top = first;
    for (let i = first; i <= last; i++) if (df[i] >= df[top]) top = i;
    const plateau = df.slice(first, last + 1).every((v) => v === df[first]);
    if (!plateau || first === last) {
      const [a, b] = [z[Math.max(0, top - 1)], z[Math.min(z.length - 1, top + 1)]];
      const inner = top > 0 && top < z.length - 1 && kinkBetween(a, b, kinks) === undefined;
      // Still rising at an end of the interval, by less than float64 can hold: softplus′(50) is
      // 1 − 1,9·10⁻²², stored as 1, as its neighbour is.
      const end = top === 0 ? 1 : top === z.length - 1 ? top - 1 : -1;
      if (end >= 0 && !plateau && df[end] === df[top]) approached = true;
      if (!inner || !refinePeak) return `en z = ${formatNumber(z[top], 2)}`;
      const found = refinePeak(a, b);
      if (found.v > value) value = found.v;
      return `en z = ${formatNumber(found.z, 2)}`;
    }
    const a = first > 0 ? snapToKink(z[first], z[first - 1], z[first], kinks) : z[first];
    const b = last < z.length - 1 ? snapToKink(z[last], z[last], z[last + 1], kinks) : z[last];
    // An end is taken when it is a sample of the plateau, or a kink where f′ does not jump or
    // keeps the plateau's value (ELU′(0) = α: with α = 1, «z ≥ 0»; ReLU′(0) = 0: «z > 0»).
    const takes = (edge, sample) => {
      if (edge === sample) return true;
      const jump = jumps.find((j) => j.z === edge);
      return !jump || !above(max, jump.value);
    };
    const where = describeZ(
      a,
      b,
      z[0],
      z.at(-1),
      { low: first > 0, high: last < z.length - 1 },
      { low: takes(a, z[first]), high: takes(b, z[last]) },
    );
    return where === 'todo el intervalo' ? `en ${where}` : `para ${where}`;
  });
  // Constant all along (the identity's 1, a shrink's 0 with θ beyond the interval): no maximum.
  if (places.length === 1 && places[0] === 'en todo el intervalo') {
    return `f′ vale ${formatBound(value)} en todo el intervalo`;
  }
  const where = places.length <= 3 ? formatList(places) : `en ${places.length} lugares separados`;
  return `f′ alcanza su máximo, ${formatEnd(value, approached)}, ${where}`;
}

/**
 * The lowest and highest of `values`, and of the values and one-sided limits at `jumps`. With
 * `refine(i, sense)` (exact-sample.js), an extreme at an interior sample is sought between its
 * neighbours: the samples straddle GELU's minimum, −0,169971, and read −0,16996.
 */
function range(values, jumps = [], refine = undefined) {
  let lo = Infinity;
  let hi = -Infinity;
  // An end that is a one-sided limit at a jump, which f never takes (SELU′ → λα as z → 0⁻).
  const limits = [false, false];
  const take = (v, limit = false) => {
    if (v < lo) [lo, limits[0]] = [v, limit];
    if (v > hi) [hi, limits[1]] = [v, limit];
  };
  values.forEach((v) => take(v));
  const inner = (i) => i > 0 && i < values.length - 1;
  if (refine) {
    const [iLo, iHi] = [values.indexOf(lo), values.indexOf(hi)];
    if (inner(iLo)) take(refine(iLo, 'min'));
    if (inner(iHi)) take(refine(iHi, 'max'));
  }
  for (const j of jumps) {
    take(j.value);
    for (const v of [j.left, j.right]) take(v, v !== j.value);
  }
  return Object.assign([lo, hi], { limits });
}

/**
 * The parameters as a summary names them: «α = 1,5 y b = 2», and a yes/no parameter in its own
 * words («la erf exacta»). `params` are list()'s, `values` their values by name.
 */
export function describeParams(params, values) {
  // «θ = 0,5 y v = 0»: a comma between the two would read as a decimal comma.
  return formatList(
    params.map((p) => {
      const text = PARAM_TEXT[p.name];
      if (p.type === 'boolean' && text?.on) return values[p.name] ? text.on : text.off;
      return `${text?.symbol ?? p.name} = ${formatNumber(values[p.name])}`;
    }),
  );
}

/**
 * One paragraph: the curve's range and shape, where f' peaks, and (given a threshold) the
 * saturation zones. `jumps` are curve-data.js's: where f or f' jumps, with the one-sided limits.
 */
export function describeFunction({
  name,
  paramText,
  z,
  f,
  df,
  threshold,
  intervals = [],
  jumps = { f: [], df: [] },
  refinePeak,
  refineRange,
}) {
  const zmin = z[0];
  const zmax = z.at(-1);
  const kinks = [...jumps.f, ...jumps.df].map((j) => j.z);
  const extremes = range(f, jumps.f, refineRange);
  const [lo, hi] = extremes;
  // An end at a jump of f′ belongs to the zone when f′'s own value there is saturated.
  const saturatedAt = (edge) => jumps.df.some((j) => j.z === edge && Math.abs(j.value) < threshold);
  const zones = intervals.length
    ? formatList(
        intervals.map(([a, b]) =>
          describeZ(a, b, zmin, zmax, {}, { low: saturatedAt(a), high: saturatedAt(b) }),
        ),
      )
    : 'ninguna en este intervalo';
  const saturation =
    threshold === undefined
      ? ''
      : ` Zona de saturación (|f′| < ${formatSignificant(threshold, 3)}): ${zones}.`;
  const shape = monotonicity(f, df);
  // An end where f still moves, by less than float64 can hold, is stored as what f only
  // approaches: σ(50) = 1 − 1,9·10⁻²² reads 1.
  const step = Math.abs(z[1] - z[0]);
  const rounded = (v) =>
    [0, f.length - 1].some(
      (i) => f[i] === v && df[i] !== 0 && Math.abs(df[i]) * step < Math.abs(v) * Number.EPSILON,
    );
  const { limits } = extremes;
  const [low, high] = formatEnds([lo, hi], [limits[0] || rounded(lo), limits[1] || rounded(hi)]);
  let values = `y toma valores de ${low} a ${high}`;
  if (shape === 'es constante') values = `y vale ${low}`;
  else if (formatBound(lo) === formatBound(hi)) {
    values = `y toma valores muy próximos a ${formatBound(lo)}`;
  }
  return (
    `${name}${paramText ? ` con ${paramText}` : ''}, para z entre ${formatNumber(zmin, 2)} y ` +
    `${formatNumber(zmax, 2)}: f ${shape} ${values}. ${peak(z, df, kinks, jumps.df, refinePeak)}.${saturation}`
  );
}

export { range };

/**
 * [lo, hi] of f (kind 'f') or f′ ('df') over the samples `z` (and the one-sided limits at
 * `jumps`), from float64: in float32 the sigmoid and tanh reach 1 at z = 10, which they never do.
 */
export function exactRange(api, id, z, params, kind, jumps) {
  const exact = api.evaluate(id, Float64Array.from(z), params);
  const refine = refineBetween(
    api,
    id,
    z,
    params,
    kind,
    jumps.map((j) => j.z),
  );
  return range(kind === 'df' ? exact.df : exact.f, jumps, refine);
}

/** «la sigmoide va de 4,54·10⁻⁵ a 0,99995», «la derivada de ReLU va de 0 a 1». */
export function describeRange(id, kind, extremes) {
  const name = functionName(id, { inSentence: true });
  const [lo, hi] = extremes;
  const limits = extremes.limits ?? [false, false];
  const what = kind === 'df' ? `la derivada de ${name}` : name;
  const [low, high] = formatEnds([lo, hi], limits);
  return `${what} va de ${low} a ${high}`;
}
