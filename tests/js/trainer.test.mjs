// createTrainer in wasm: the same runs as the native build, the same bits with and without SIMD,
// deterministic, every method's shape, and clear errors for bad options and misuse.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { before, describe, test } from 'node:test';
import { API_URL, REFERENCE_DIR } from './support/paths.mjs';
import { parseNumber } from './support/reference.mjs';

const { loadActivations, ActivationError } = await import(API_URL);
let api;
let plain;
before(async () => {
  api = await loadActivations();
  plain = await loadActivations({ simd: false });
});

const list = (text) => text.split(',');
const nativeRuns = readFileSync(path.join(REFERENCE_DIR, 'native-trainer.tsv'), 'utf8')
  .split('\n')
  .filter((l) => l && !l.startsWith('#'))
  .map((l) => {
    const [dataset, noise, activation, optimizer, learningRate, features, hidden, ...rest] =
      l.split('\t');
    const options = {
      dataset,
      noise: +noise,
      activation,
      optimizer,
      learningRate: +learningRate,
      features: list(features),
      hidden: list(hidden).map(Number),
    };
    const [train, test, grid] = rest.map((c) => list(c).map(parseNumber));
    return { options, train, test, grid };
  });

function run(core, options) {
  const t = core.createTrainer(options);
  const train = [];
  const test = [];
  for (let i = 0; i < 4; i += 1) {
    const p = t.step(5);
    train.push(p.trainLoss);
    test.push(p.testLoss);
  }
  const grid = Array.from(t.predictGrid(6));
  t.dispose();
  return { train, test, grid };
}

const close = (got, want, relative, what) => {
  got.forEach((g, i) => {
    const tolerance = relative * Math.abs(want[i]) + 1e-300;
    assert.ok(Math.abs(g - want[i]) <= tolerance, `${what}[${i}]: ${g} vs native ${want[i]}`);
  });
};

describe('createTrainer', () => {
  // 20 epochs of mini-batch updates: the weights and the data are the same bits in both builds,
  // and only libm (glibc or musl) differs, by an ULP or so in tanh, exp and sin. Training
  // carries such differences along but does not amplify them much in 20 epochs: 1e-9 relative
  // leaves room for that and still catches any real difference (a changed update, a reordered
  // sum, a different random draw moves the losses in the third digit or sooner).
  test('wasm trains as the native build does, within 1e-9 relative', () => {
    assert.equal(nativeRuns.length, 5);
    for (const { options, train, test, grid } of nativeRuns) {
      const got = run(api, options);
      close(got.train, train, 1e-9, `${options.activation} train`);
      close(got.test, test, 1e-9, `${options.activation} test`);
      // Grid probabilities near 0 carry their exponent from a logit: compare them absolutely.
      got.grid.forEach((g, i) => assert.ok(Math.abs(g - grid[i]) <= 1e-9, `grid[${i}]`));
    }
  });

  test('the module without SIMD gives the same bits', () => {
    const options = nativeRuns[1].options;
    assert.deepEqual(run(plain, options), run(api, options));
  });

  test('the same seed gives the same run; another seed another run', () => {
    const options = { dataset: 'spiral', activation: 'relu', hidden: [8, 8], seed: 3 };
    assert.deepEqual(run(api, options), run(api, options));
    assert.notDeepEqual(run(api, { ...options, seed: 4 }).train, run(api, options).train);
    // Any whole seed up to 2^53 - 1 (2^31 and above were refused as "not whole").
    const big = { ...options, seed: Number.MAX_SAFE_INTEGER };
    assert.deepEqual(run(api, big), run(api, big));
    assert.notDeepEqual(run(api, { ...big, seed: 2 ** 31 }).train, run(api, big).train);
  });

  test('learns xor with the Playground defaults', () => {
    const t = api.createTrainer({ dataset: 'xor' });
    const first = t.step(0);
    assert.equal(first.epoch, 0);
    let last;
    for (let i = 0; i < 3; i += 1) last = t.step(100);
    assert.equal(last.epoch, 300);
    assert.ok(last.testLoss < 0.1 && last.testLoss < first.testLoss / 5, `${last.testLoss}`);
    t.dispose();
  });

  test('reports its options, weights, points, grid and dead units', () => {
    const t = api.createTrainer({
      dataset: 'moons',
      samples: 100,
      trainFraction: 0.8,
      features: ['x1', 'x2', 'x1x2'],
      hidden: [5, 3],
      activation: 'elu',
      params: { alpha: 0.5 },
    });
    assert.equal(t.options.params.alpha, 0.5);
    assert.equal(t.options.optimizer, 'sgd');
    const w = t.weights();
    assert.deepEqual(
      w.map((l) => [l.in, l.out, l.weights.length, l.biases.length]),
      [
        [3, 5, 15, 5],
        [5, 3, 15, 3],
        [3, 1, 3, 1],
      ],
    );
    const { train, test } = t.points();
    assert.equal(train.length, 80 * 3);
    assert.equal(test.length, 20 * 3);
    for (let i = 2; i < train.length; i += 3) assert.ok(train[i] === 0 || train[i] === 1);
    const grid = t.predictGrid(100);
    assert.equal(grid.length, 10000);
    assert.ok(grid.every((p) => p >= 0 && p <= 1));
    const reused = new Float64Array(16);
    assert.equal(t.predictGrid(4, reused), reused);
    assert.deepEqual(t.deadUnits(), [[], []]); // ELU never outputs exactly 0 on these points
    t.dispose();
    assert.equal(t.disposed, true);
    t.dispose(); // twice is harmless
  });

  test('bad options and misuse are clear errors, and the module stays usable', () => {
    const cases = [
      [{ dataset: 'donut' }, /createTrainer: dataset "donut" is unknown; valid: circle, xor/],
      [{ samples: 1e6 }, /samples = 1000000 is out of range; valid range is \[10, 5000\]/],
      [{ samples: 10.5 }, /samples = 10.5 must be a whole number in \[10, 5000\]/],
      [{ noise: 0.6 }, /noise = 0.6 is out of range; valid range is \[0, 0.5\]/],
      [{ noise: '0.1' }, /noise must be a number, got the string "0.1"/],
      [{ features: 'x1' }, /features must be an array/],
      [{ features: ['x1', 7] }, /features\[1\] must be a string/],
      [{ features: ['cos'] }, /features "cos" is unknown; valid: x1, x2, x1sq/],
      [{ hidden: [4, 0] }, /hidden\[1\] = 0 is out of range; valid range is \[1, 16\]/],
      [{ hidden: [1, 1, 1, 1, 1, 1, 1] }, /hidden has 7 layers; valid range is \[0, 6\]/],
      [{ activation: 'sparsemax' }, /must be an elementwise function/],
      [{ activation: 'elu', params: { alpha: 'x' } }, /parameter "alpha" must be a number/],
      [{ activation: 'relu', params: { alpha: 1 } }, /relu has no parameter "alpha"/],
      [{ optimizer: 'rmsprop' }, /optimizer "rmsprop" is unknown; valid: sgd, momentum, adam/],
      [{ learningRate: 0 }, /learningRate = 0 is out of range; valid range is \(0, 10\]/],
      [{ batchSize: 0 }, /batchSize = 0 is out of range/],
      [{ l2: -1 }, /l2 = -1 is out of range; valid range is \[0, 1\]/],
      [{ init: 'ones' }, /init "ones" is unknown/],
      [{ sed: 1 }, /unknown option "sed"/],
      [[], /options must be a plain object such as \{ dataset: "circle" \}, got an array/],
      [new Date(0), /options must be a plain object .*, got a Date/],
      [{ [Symbol('samples')]: 20 }, /options has a symbol key/],
      [{ samples: 1e12 }, /samples = 1000000000000 is out of range; valid range is \[10, 5000\]/],
      [
        { hidden: [4, -1e10] },
        /hidden\[1\] = -10000000000 is out of range; valid range is \[1, 16\]/,
      ],
      [{ features: ['x1', 'y'.repeat(1e5)] }, /features "y{40}…" is unknown/],
    ];
    for (const [options, pattern] of cases) {
      assert.throws(
        () => api.createTrainer(options),
        (e) => e instanceof ActivationError && pattern.test(e.message),
        JSON.stringify(options),
      );
    }
    const t = api.createTrainer({});
    assert.throws(
      () => t.step(1001),
      /trainer.step: epochs = 1001 is out of range; valid range is \[0, 1000\]/,
    );
    assert.throws(() => t.step(1.5), /epochs = 1.5 must be a whole number in \[0, 1000\]/);
    assert.throws(() => t.predictGrid(2.5), /n must be a whole number in \[2, 512\]/);
    assert.throws(
      () => api.createTrainer({ hidden: [4, 2.5] }),
      /createTrainer: hidden\[1\] = 2.5 must be a whole number in \[1, 16\]/,
    );
    // Beyond int32, an epoch count is out of range too (it used to wrap: 2^32 + 5 trained 5).
    for (const epochs of [2 ** 32 + 5, 2 ** 40, -(2 ** 40)]) {
      assert.throws(
        () => t.step(epochs),
        new RegExp(`epochs = ${epochs} is out of range; valid range is \\[0, 1000\\]`),
      );
    }
    assert.equal(t.step(0).epoch, 0);
    assert.throws(() => t.predictGrid(1), /n = 1 is out of range; valid range is \[2, 512\]/);
    assert.throws(
      () => t.predictGrid(10, new Float64Array(5)),
      /out must be a Float64Array of 100/,
    );
    t.dispose();
    assert.throws(() => t.step(1), /trainer.step: this trainer was disposed/);
    assert.equal(api.createTrainer({}).step(1).epoch, 1);
  });
});
