// The charts' text summaries (web/app/summaries.js), from synthetic curves: plain modules, no DOM.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  describeFunction,
  describeParams,
  describeRange,
  exactRange,
  range,
} from '../../web/app/summaries.js';
import { formatCell } from '../../web/app/format.js';
import { jumps, saturationIntervals } from '../../web/app/views/curve-data.js';
import { exactSample } from '../../web/app/views/exact-sample.js';
import { API_URL } from './support/paths.mjs';

const z = Array.from({ length: 81 }, (_, i) => -4 + i / 10);

test('three saturation zones read as a Spanish list: «a, b y c»', () => {
  const text = describeFunction({
    name: 'Prueba',
    z,
    f: z.map((v) => v),
    df: z.map(() => 1),
    threshold: 0.01,
    intervals: [
      [-4, -3],
      [-1, 1],
      [3, 4],
    ],
  });
  assert.match(text, /Zona de saturación \(\|f′\| < 0,01\): z < −3, z entre −1 y 1 y z > 3\./);
});

test('one or two zones, or none', () => {
  const base = { name: 'Prueba', z, f: z, df: z.map(() => 1), threshold: 0.01 };
  assert.match(describeFunction({ ...base, intervals: [[-4, 4]] }), /: todo el intervalo\./);
  assert.match(
    describeFunction({
      ...base,
      intervals: [
        [-4, -2],
        [2, 4],
      ],
    }),
    /: z < −2 y z > 2\./,
  );
  assert.match(describeFunction(base), /: ninguna en este intervalo\./);
});

test('parameters read as «α = 1,5», and a yes/no one in words, not as 0 or 1', () => {
  const gelu = [{ name: 'approximate', type: 'boolean' }];
  assert.equal(describeParams(gelu, { approximate: 0 }), 'la erf exacta');
  assert.equal(describeParams(gelu, { approximate: true }), 'la aproximación tanh');
  assert.equal(describeParams(gelu, { approximate: 1 }), 'la aproximación tanh');
  const threshold = [
    { name: 'threshold', type: 'number' },
    { name: 'default_value', type: 'number' },
  ];
  assert.equal(
    describeParams(threshold, { threshold: 0.5, default_value: -1 }),
    'θ = 0,5 y v = −1',
  );
  assert.equal(describeParams([{ name: 'alpha', type: 'number' }], { alpha: 1.5 }), 'α = 1,5');
});

// SELU' on a grid that misses 0⁻: the samples top out below λα, which f' approaches but never
// takes (at 0 it is λ).
const seluLike = () => {
  const zs = Array.from({ length: 41 }, (_, i) => -2 + i / 10 + 0.05);
  const lambda = 1.0507009873554805;
  const la = 1.7580993408473766;
  return {
    name: 'SELU',
    z: zs,
    f: zs,
    df: zs.map((v) => (v > 0 ? lambda : la * Math.exp(v))),
    jumps: { f: [], df: [{ z: 0, left: la, value: lambda, right: lambda }] },
  };
};

test('a maximum that only a one-sided limit reaches is named as a limit, not as a sample', () => {
  assert.match(
    describeFunction(seluLike()),
    /f′ no llega a un máximo: se acerca a 1,758 cuando z tiende a 0 por la izquierda, y en z = 0 vale 1,051\./,
  );
});

test('a maximum at the kink itself, between two samples, is reached there', () => {
  const base = seluLike();
  // ELU with α = 1,5: f'(0) = α by the convention, the left limit.
  const text = describeFunction({
    ...base,
    df: base.z.map((v) => (v > 0 ? 1 : 1.5 * Math.exp(v))),
    jumps: { f: [], df: [{ z: 0, left: 1.5, value: 1.5, right: 1 }] },
  });
  assert.match(text, /f′ alcanza su máximo, 1,5, en z = 0\./);
});

test('ranges include the limits at jumps', () => {
  const { df, jumps } = seluLike();
  const selu = range(df, jumps.df);
  assert.deepEqual([...selu], [Math.min(...df), 1.7580993408473766]);
  // λα is a one-sided limit at 0, which SELU′ never takes (SELU′(0) = λ): «casi 1,758».
  assert.deepEqual(selu.limits, [false, true]);
  assert.deepEqual([...range([1, 2])], [1, 2]);
  assert.deepEqual(range([1, 2]).limits, [false, false]);
});

test('constant pieces are counted, in brackets before «y toma valores»', () => {
  const clamp = (v) => Math.min(Math.max(v, 0), 2);
  const ramp = (v) => (v > 0 && v < 2 ? 1 : 0);
  const relu6Like = describeFunction({ name: 'Prueba', z, f: z.map(clamp), df: z.map(ramp) });
  assert.match(
    relu6Like,
    /f no decrece \(es constante en dos tramos y creciente en el resto\) y toma valores de 0 a 2\./,
  );
  const reluLike = describeFunction({
    name: 'Prueba',
    z,
    f: z.map((v) => Math.max(v, 0)),
    df: z.map((v) => (v > 0 ? 1 : 0)),
  });
  assert.match(reluLike, /f no decrece \(es constante en un tramo y creciente en el resto\) y/);
  const falling = describeFunction({
    name: 'Prueba',
    z,
    f: z.map((v) => -clamp(v)),
    df: z.map((v) => -ramp(v)),
  });
  assert.match(falling, /f no crece \(es constante en dos tramos y decreciente en el resto\) y/);
});

test('a tail the samples round flat is still read from f′, and f′ peaks where it is largest', () => {
  const far = Array.from({ length: 31 }, (_, i) => 20 + i);
  // The sigmoid beyond z = 20 in float32: every sample is 1, but f′ = e^−z is not 0.
  const sigmoidTail = describeFunction({
    name: 'Sigmoide',
    z: far,
    f: far.map(() => 1),
    df: far.map((v) => Math.exp(-v)),
  });
  assert.match(sigmoidTail, /f es creciente y toma valores muy próximos a 1\./);
  assert.match(sigmoidTail, /f′ alcanza su máximo, 2,061·10⁻⁹, en z = 20\./);
  // Softplus far left: f′ ≈ 10⁻¹⁸ everywhere, yet 20 000 times larger at one end.
  const left = far.map((v) => -30 - v / 2);
  const softplusTail = describeFunction({
    name: 'Softplus',
    z: left.slice().reverse(),
    f: left.slice().reverse().map(Math.exp),
    df: left.slice().reverse().map(Math.exp),
  });
  assert.match(softplusTail, /f′ alcanza su máximo, 4,248·10⁻¹⁸, en z = −40\./);
  // A function that really is constant says its value once.
  const flat = describeFunction({ name: 'ReLU', z, f: z.map(() => 0), df: z.map(() => 0) });
  assert.match(flat, /f es constante y vale 0\./);
});

test('a saturation zone that ends at a kink of f′ ends at the kink, not between samples', () => {
  // ReLU's f′ on a grid without 0 (−5 to 50 in 601 samples): 0 up to the kink, then 1.
  const grid = Array.from({ length: 601 }, (_, i) => -5 + (55 * i) / 600);
  const df = grid.map((v) => (v > 0 ? 1 : 0));
  for (const threshold of [0.01, 0.5]) {
    assert.deepEqual(saturationIntervals(grid, df, threshold, [0]), [[-5, 0]], `${threshold}`);
    // Without the kink the edge lands between the samples on either side of 0.
    const [[, edge]] = saturationIntervals(grid, df, threshold);
    assert.ok(edge !== 0 && Math.abs(edge) < 0.1);
  }
});

test('f′ peaking between two samples is found there; a plateau stays an interval', () => {
  const grid = Array.from({ length: 601 }, (_, i) => -5 + (55 * i) / 600); // no sample at 0
  const tanhDf = (v) => (2 / (Math.exp(v) + Math.exp(-v))) ** 2;
  const refinePeak = (a, b) => {
    // A plain scan stands in for the golden-section search of views/exact-sample.js.
    let best = { z: a, v: tanhDf(a) };
    for (let i = 0; i <= 10000; i++) {
      const x = a + ((b - a) * i) / 10000;
      if (tanhDf(x) > best.v) best = { z: x, v: tanhDf(x) };
    }
    return best;
  };
  const tanhText = describeFunction({
    name: 'tanh',
    z: grid,
    f: grid.map(Math.tanh),
    df: grid.map(tanhDf),
    refinePeak,
  });
  assert.match(tanhText, /f′ alcanza su máximo, 1, en z = 0\./);
  assert.match(tanhText, /f es creciente/);
  const relu = describeFunction({
    name: 'ReLU',
    z: grid,
    f: grid.map((v) => Math.max(0, v)),
    df: grid.map((v) => (v > 0 ? 1 : 0)),
    refinePeak,
    jumps: { f: [], df: [{ z: 0, left: 0, value: 0, right: 1 }] },
  });
  assert.match(relu, /f′ alcanza su máximo, 1, para z > 0\./);
});

test('a range end near a whole number it never reaches keeps the digits that say so', () => {
  const grid = Array.from({ length: 201 }, (_, i) => -10 + i / 10);
  const sigmoid = (v) => 1 / (1 + Math.exp(-v));
  const text = describeFunction({
    name: 'Sigmoide',
    z: grid,
    f: grid.map(sigmoid),
    df: grid.map((v) => sigmoid(v) * (1 - sigmoid(v))),
  });
  assert.match(text, /toma valores de 4,54·10⁻⁵ a 0,99995\./);
});

test('a range names the function in the sentence, and never a limit the function does not reach', () => {
  assert.equal(
    describeRange('sigmoid', 'f', [4.5397868702434395e-5, 0.9999546021312976]),
    'la sigmoide va de 4,54·10⁻⁵ a 0,99995',
  );
  assert.equal(
    describeRange('tanh', 'f', [-0.9999999958776927, 0.9999999958776927]),
    'la tangente hiperbólica va de −0,999999996 a 0,999999996',
  );
  // ELU with α = 1,5 at z = −10: −1,5·(1 − e⁻¹⁰), above its limit −1,5.
  assert.equal(describeRange('elu', 'f', [-1.5 * -Math.expm1(-10), 10]), 'ELU va de −1,4999 a 10');
  assert.equal(describeRange('relu', 'df', [0, 1]), 'la derivada de ReLU va de 0 a 1');
  assert.equal(
    describeRange('sigmoid', 'df', [4.5e-5, 0.25]),
    'la derivada de la sigmoide va de 4,5·10⁻⁵ a 0,25',
  );
});

test('the two ends of a range, rounded, show as many decimals as each other', () => {
  // ELU with α = 1,5 on [−10, −5]: «−1,49» beside «−1,4999» would read as a coarser number.
  const elu = (z) => -1.5 * -Math.expm1(z);
  assert.equal(describeRange('elu', 'f', [elu(-10), elu(-5)]), 'ELU va de −1,4999 a −1,4899');
  // An exact end keeps its own digits: σ(0) is 0,5, not «0,5000».
  assert.equal(
    describeRange('sigmoid', 'f', [0.11920292202211755, 0.5]),
    'la sigmoide va de 0,1192 a 0,5',
  );
});

test('a derivative constant all along says what it is «en todo el intervalo»', () => {
  const text = describeFunction({
    name: 'Lineal',
    z,
    f: z.map((v) => v),
    df: z.map(() => 1),
  });
  assert.match(text, /f′ vale 1 en todo el intervalo\./);
  const zero = describeFunction({ name: 'Umbral', z, f: z.map(() => 0), df: z.map(() => 0) });
  assert.match(zero, /y vale 0\. f′ vale 0 en todo el intervalo\./);
});

test('an extreme between two samples is found, and a card and a comparison give it alike', async () => {
  const { loadActivations } = await import(API_URL);
  const api = await loadActivations();
  // Samples 0,1 apart straddle GELU's minimum, −0,169971 at z ≈ −0,7518, and SiLU′'s maximum,
  // 1,09984 at z ≈ 2,3994: the samples alone give −0,1694 and 1,0998 rounds to «1,1».
  const grid = Array.from({ length: 101 }, (_, i) => -5 + i / 10);
  const card = (id) =>
    describeFunction({
      name: id,
      z: grid,
      ...exactSample(api, id, grid, {}),
      jumps: { f: [], df: [] },
    });
  assert.match(card('gelu'), /toma valores de −0,16997 a /);
  assert.match(card('silu'), /f′ alcanza su máximo, 1,0998, en z = 2,4\./);
  assert.equal(
    describeRange('gelu', 'f', exactRange(api, 'gelu', grid, {}, 'f', []))
      .split(' va de ')[1]
      .split(' a ')[0],
    '−0,16997',
  );
  assert.match(
    describeRange('silu', 'df', exactRange(api, 'silu', grid, {}, 'df', [])),
    / a 1,0998$/,
  );
});

test('a jump at an end of the interval counts from the side within it', async () => {
  const { loadActivations } = await import(API_URL);
  const api = await loadActivations();
  const spec = api.list().find((s) => s.id === 'threshold');
  // θ at the left end: f is v = 3 at z = −3 and z just right of it; f′ is 0 there, then 1.
  const params = { threshold: -3, default_value: 3 };
  const grid = Array.from({ length: 401 }, (_, i) => -3 + (6 * i) / 400);
  const cuts = jumps(api, spec, params, -3, 3);
  assert.equal(cuts.f.length, 1);
  const [{ z: at, left, value, right }] = cuts.f;
  assert.deepEqual([at, left, value], [-3, 3, 3]);
  assert.ok(Math.abs(right + 3) < 1e-12, `f(−3⁺) = ${right}`);
  const text = describeFunction({
    name: 'Umbral',
    z: grid,
    ...exactSample(api, 'threshold', grid, params, cuts),
    jumps: cuts,
  });
  // Not «de −2,985 a 3» and «para z > −2,98», nor «en todo el intervalo».
  // −3 itself is not taken: f(−3) = v = 3, and f(z) = z only for z > −3.
  assert.match(text, /toma valores de casi −3 a 3\. f′ alcanza su máximo, 1, para z > −3\.$/);
});

test('a table cell keeps its decimals, and a small value its significant digits', () => {
  assert.deepEqual(
    [-0.1598, 0.225, -9.1e-4, -3.7e-4, 0.0123, 0, -0].map((v) => formatCell(v)),
    ['−0,160', '0,225', '−9,1·10⁻⁴', '−3,7·10⁻⁴', '0,012', '0', '0'],
  );
});

test('an end f only approaches is «casi»; a kink that f′ takes closes its zone or peak: «≤»', async () => {
  const { loadActivations } = await import(API_URL);
  const api = await loadActivations();
  const summary = (id, params, zmin, zmax, threshold) => {
    const spec = api.list().find((s) => s.id === id);
    const grid = Array.from({ length: 601 }, (_, i) => zmin + ((zmax - zmin) * i) / 600);
    const cuts = jumps(api, spec, params, zmin, zmax);
    const exact = exactSample(api, id, grid, params, cuts);
    const kinks = cuts.df.map((j) => j.z);
    return describeFunction({
      name: id,
      z: grid,
      ...exact,
      jumps: cuts,
      threshold,
      intervals:
        threshold === undefined ? [] : saturationIntervals(grid, exact.df, threshold, kinks),
    });
  };
  // σ(50) is 1 − 1,9·10⁻²², which float64 stores as 1; ELU(−50) with α = 3 is −3 + 5,8·10⁻²².
  assert.match(summary('sigmoid', {}, -50, 50), /toma valores de 1,929·10⁻²² a casi 1\./);
  assert.match(summary('tanh', {}, -50, 50), /toma valores de casi −1 a casi 1\./);
  // softplus′(50) = σ(50), also stored as 1; σ′ peaks inside, at 0, where it is 1/4.
  assert.match(summary('softplus', {}, -50, 50), /f′ alcanza su máximo, casi 1, en z = 50\./);
  assert.match(summary('sigmoid', {}, -50, 50), /f′ alcanza su máximo, 0,25, en z = 0\./);
  assert.match(summary('elu', { alpha: 3 }, -50, 50), /toma valores de casi −3 a 50\./);
  // Values that are taken stay as they are: ReLU(5) = 5, and σ(10) has its digits.
  assert.match(summary('relu', {}, -5, 5), /toma valores de 0 a 5\./);
  assert.match(summary('sigmoid', {}, -10, 10), /de 4,54·10⁻⁵ a 0,99995\./);
  // ReLU′(0) = 0 is saturated: the zone is z ≤ 0, and on [0, 5] only the point z = 0.
  assert.match(summary('relu', {}, -5, 5, 0.01), /Zona de saturación \(\|f′\| < 0,01\): z ≤ 0\.$/);
  assert.match(summary('relu', {}, 0, 5, 0.01), /\): z = 0\.$/);
  // ELU′(0) = α: with α = 1, f′'s maximum 1 is taken at 0 too.
  assert.match(summary('elu', { alpha: 1 }, -5, 5), /f′ alcanza su máximo, 1, para z ≥ 0\./);
  assert.match(summary('relu', {}, -5, 5), /f′ alcanza su máximo, 1, para z > 0\./);
  // SELU′ climbs to λα as z → 0⁻ but is λ at 0: the comparison says «casi».
  const spec = api.list().find((s) => s.id === 'selu');
  const grid = Array.from({ length: 301 }, (_, i) => -3 + i / 50);
  const cuts = jumps(api, spec, {}, -3, 3);
  assert.equal(
    describeRange('selu', 'df', exactRange(api, 'selu', grid, {}, 'df', cuts.df)),
    'la derivada de SELU va de 0,08753 a casi 1,758',
  );
});
