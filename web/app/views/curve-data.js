// Turns the core's numbers into what a line chart draws: non-finite values become gaps, and
// where f or f' jumps, the curve is cut with its two one-sided limits as endpoints, so no false
// vertical segment joins them.

export function linspace(a, b, n) {
  const z = new Float64Array(n);
  for (let i = 0; i < n; i++) z[i] = a + ((b - a) * i) / (n - 1);
  return z;
}

/**
 * The same points rounded to float32: the curves of the function charts go through the API's
 * float32 path (SIMD). Each point is then drawn at the very z it was computed at, so a sample
 * a hair away from a kink stays on its own side of the cut that toPoints() makes there.
 */
export function linspace32(a, b, n) {
  return Float32Array.from(linspace(a, b, n));
}

/** Where the registry says f or f' may jump, for these parameter values, in increasing order. */
export function kinkPositions(spec, params) {
  const at = (spec.kinks ?? []).map((k) =>
    k.param === null ? k.offset : k.offset + k.factor * (params[k.param] ?? 0),
  );
  return [...new Set(at)].sort((a, b) => a - b);
}

/**
 * The kinks in [zmin, zmax] where f or f' really jumps: { f: [...], df: [...] }, each jump with
 * the value the convention gives and the two one-sided limits. At an end of the interval only
 * the side within it counts: Umbral with θ = zmin is v at zmin and z just right of it, and its
 * curve starts at a hollow dot, not with a steep line from v.
 */
export function jumps(api, spec, params, zmin, zmax, scale = 1) {
  // With a scale, the curve is f(scale z): its kinks sit at k / scale, its slope is scaled too.
  const inside = kinkPositions(spec, params)
    .map((k) => k / scale)
    .filter((k) => k >= zmin && k <= zmax);
  if (inside.length === 0) return { f: [], df: [] };
  const around = inside.flatMap((k) => {
    // A few ULP away: the one-sided values are then the limits to within a few ULP.
    const d = 4 * Number.EPSILON * Math.max(1, Math.abs(k));
    return [k - d, k, k + d].map((v) => scale * v);
  });
  const raw = api.evaluate(spec.id, around, params);
  const values = { f: raw.f, df: raw.df.map((v) => scale * v) };
  // A limit read a few ULP from the kink is off by about the slope times that distance: within
  // a few of those distances of 0, it is 0 (Umbral's f(0⁺) = 0, not 8,9·10⁻¹⁶).
  const limit = (v, k) => (Math.abs(v) <= 64 * Number.EPSILON * Math.max(1, Math.abs(k)) ? 0 : v);
  const differ = (a, b) => Math.abs(a - b) > 1e-6 * Math.max(1, Math.abs(a));
  // A jump, or a single point off a continuous curve (soft shrink's f′ at 0 when λ = 0).
  const pick = (v) =>
    inside
      .map((z, i) => {
        const value = v[3 * i + 1];
        return {
          z,
          left: z === zmin ? value : limit(v[3 * i], z),
          value,
          right: z === zmax ? value : limit(v[3 * i + 2], z),
        };
      })
      .filter(({ left, value, right }) => differ(left, right) || differ(left, value));
  return { f: pick(values.f), df: pick(values.df) };
}

/**
 * Chart points for z and values. `out` is reused (its point objects are updated in place), so a
 * slider drag does not allocate hundreds of objects per frame.
 */
export function toPoints(z, values, jumps = [], out = []) {
  let n = 0;
  const put = (x, y) => {
    const p = out[n];
    if (p) {
      p.x = x;
      p.y = y;
    } else out[n] = { x, y };
    n++;
  };
  let j = 0;
  for (let i = 0; i < z.length; i++) {
    while (j < jumps.length && jumps[j].z <= z[i]) {
      const { z: k, left, right } = jumps[j++];
      put(k, left);
      put(k, null);
      put(k, right);
    }
    if (j > 0 && jumps[j - 1].z === z[i]) continue; // the kink itself is drawn as a marker
    const y = values[i];
    put(z[i], Number.isFinite(y) ? y : null);
  }
  out.length = n;
  return out;
}

/** Markers for each jump: a filled dot at the convention's value, hollow ones at the limits. */
export function jumpMarkers(jumps, color) {
  return jumps.flatMap(({ z, left, value, right }) => [
    ...[left, right]
      .filter((limit) => limit !== value)
      .map((limit) => ({ x: z, y: limit, color, open: true })),
    { x: z, y: value, color, open: false },
  ]);
}

/** The first kink in [lo, hi], or undefined: where a boundary between two samples really is. */
export function kinkBetween(lo, hi, kinks) {
  return kinks.find((k) => k >= lo && k <= hi);
}

/** The z-intervals where |f'| < threshold, with ends interpolated between samples. */
export function saturationIntervals(z, df, threshold, kinks = []) {
  const inside = (i) => Math.abs(df[i]) < threshold;
  const cross = (i) => {
    // Where f' jumps (ReLU at 0), the edge is the kink itself, not a point between the samples.
    const kink = kinkBetween(z[i], z[i + 1], kinks);
    if (kink !== undefined) return kink;
    // Where |f'| = threshold between samples i and i + 1. Saturating tails decay exponentially,
    // so interpolate log|f'| when both ends are positive; linearly otherwise.
    const a = Math.abs(df[i]);
    const b = Math.abs(df[i + 1]);
    if (!Number.isFinite(a) || !Number.isFinite(b) || a === b) return (z[i] + z[i + 1]) / 2;
    const t =
      a > 0 && b > 0
        ? (Math.log(threshold) - Math.log(a)) / (Math.log(b) - Math.log(a))
        : (threshold - a) / (b - a);
    return z[i] + Math.min(1, Math.max(0, t)) * (z[i + 1] - z[i]);
  };
  const intervals = [];
  let start = inside(0) ? z[0] : null;
  for (let i = 0; i + 1 < z.length; i++) {
    if (inside(i) !== inside(i + 1)) {
      const edge = cross(i);
      if (start === null) start = edge;
      else {
        intervals.push([start, edge]);
        start = null;
      }
    }
  }
  if (start !== null) intervals.push([start, z[z.length - 1]]);
  return intervals;
}

/** Axis limits that include 0 and leave a margin, so curves never touch the frame. */
export function paddedLimits(...arrays) {
  let lo = 0;
  let hi = 0;
  for (const a of arrays) {
    for (const v of a) {
      if (Number.isFinite(v)) {
        if (v < lo) lo = v;
        else if (v > hi) hi = v;
      }
    }
  }
  const pad = (hi - lo || 1) * 0.08;
  return [lo - pad, hi + pad];
}

/**
 * A chart's own frame [y0, y1], grown (with a small margin) to take in `lo` and `hi` where they
 * lie beyond it: the frame stays the least one a reader sees, and no curve leaves it.
 */
export function grownFrame([y0, y1], lo, hi) {
  const pad = 0.04 * (Math.max(hi, y1) - Math.min(lo, y0));
  return { min: lo < y0 ? lo - pad : y0, max: hi > y1 ? hi + pad : y1 };
}
