// What a chart's summary reads: the function in float64 at the chart's own samples, and the
// extremes of f and f′ found between two of them. The curves are drawn from float32, whose rounding would show
// in words (tanh «no es monótona» near 1, the sigmoid's f′ «1») though never on screen.
import { kinkBetween } from './curve-data.js';

const GOLDEN = (Math.sqrt(5) - 1) / 2;

/** The z in [a, b] where `g` is largest, for a `g` with one peak there (golden-section search). */
function argmax(g, a, b) {
  let lo = a;
  let hi = b;
  let x1 = hi - GOLDEN * (hi - lo);
  let x2 = lo + GOLDEN * (hi - lo);
  let g1 = g(x1);
  let g2 = g(x2);
  for (let i = 0; i < 80 && hi - lo > 1e-12 * Math.max(1, Math.abs(lo)); i++) {
    if (g1 < g2) {
      lo = x1;
      x1 = x2;
      g1 = g2;
      x2 = lo + GOLDEN * (hi - lo);
      g2 = g(x2);
    } else {
      hi = x2;
      x2 = x1;
      g2 = g1;
      x1 = hi - GOLDEN * (hi - lo);
      g1 = g(x1);
    }
  }
  const z = (lo + hi) / 2;
  return { z, v: g(z) };
}

/** The largest (sense 'max') or smallest ('min') value of `g` between a and b. */
function extremum(g, a, b, sense) {
  return sense === 'max' ? argmax(g, a, b).v : -argmax((v) => -g(v), a, b).v;
}

/** `kind` ('f' or 'df') at one z, in float64. */
const valueAt = (api, id, params, kind) => (v) => api.evaluate(id, [v], params)[kind][0];

/**
 * A `refine(i, sense)` for summaries.js's range: the extreme of `kind` between the samples
 * either side of z[i], found by search; undefined where a kink lies between them.
 */
export function refineBetween(api, id, z, params, kind, kinks) {
  const at = valueAt(api, id, params, kind);
  return (i, sense) => {
    const [a, b] = [z[i - 1], z[i + 1]];
    return kinkBetween(a, b, kinks) === undefined ? extremum(at, a, b, sense) : undefined;
  };
}

/** `jumps`: curve-data.js's, where f or f′ jumps; the search for f's extremes stops at them. */
export function exactSample(api, id, z, params, jumps = { f: [], df: [] }) {
  const kinks = [...jumps.f, ...jumps.df].map((j) => j.z);
  const { f, df } = api.evaluate(id, Float64Array.from(z), params);
  const dfAt = valueAt(api, id, params, 'df');
  const peaks = new Map();
  return {
    f,
    df,
    /** f's extreme near an interior sample, for range(): GELU's minimum falls between two. */
    refineRange: refineBetween(api, id, z, params, 'f', kinks),
    /** f′'s largest value between a and b, and where: { z, v }. Each bracket is searched once. */
    refinePeak(a, b) {
      const key = `${a} ${b}`;
      if (!peaks.has(key)) peaks.set(key, argmax(dfAt, a, b));
      return peaks.get(key);
    },
  };
}
