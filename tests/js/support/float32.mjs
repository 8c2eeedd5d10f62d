// Distances between float32 values in ULPs, for the float32 path's tests.
export const MAX_ULP = 4;

const bits = new Uint32Array(1);
const asFloat = new Float32Array(bits.buffer);

// A float32's position on the number line, as an integer: adjacent floats differ by 1.
const key = (x) => {
  asFloat[0] = x;
  const b = bits[0];
  return b & 0x80000000 ? -(b & 0x7fffffff) : b;
};

export const show = (x) => (Object.is(x, -0) ? '-0' : String(x));

export function ulps(got, want) {
  if (Number.isNaN(got) || Number.isNaN(want))
    return Number.isNaN(got) && Number.isNaN(want) ? 0 : Infinity;
  if (!Number.isFinite(got) || !Number.isFinite(want)) return got === want ? 0 : Infinity;
  // A zero must also have the sign of the truth's rounding: ELU(-0) is -0.
  if (got === 0 && want === 0) return Object.is(got, want) ? 0 : Infinity;
  return Math.abs(key(got) - key(want));
}

/**
 * ULPs from `got` to the float32 rounding of `truth` (a double, the float64 path). Within 2^-45
 * of a midpoint between two floats, the double's own error could decide the rounding: either
 * neighbour counts.
 */
export function ulpsToTruth(got, truth) {
  const nearest = Math.fround(truth);
  // Most results are the nearest float itself: the checks below are for the others.
  if (got === nearest && got !== 0) return 0;
  const d = ulps(got, nearest);
  if (!Number.isFinite(truth) || nearest === truth) return d;
  asFloat[0] = nearest;
  bits[0] += nearest < truth === nearest > 0 ? 1 : -1;
  const other = nearest === 0 ? Math.fround(truth) : asFloat[0];
  if (!Number.isFinite(other)) return d;
  const mid = (nearest + other) / 2;
  return Math.abs(truth - mid) <= 2 ** -45 * Math.abs(truth) ? Math.min(d, ulps(got, other)) : d;
}
