// probeNetwork in wasm: the same numbers as the native build, the same with and without SIMD,
// deterministic, and clear errors for bad options.
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

const FIELDS = ['mean', 'std', 'saturated', 'dead', 'gradientNorm'];
const nativeRuns = readFileSync(path.join(REFERENCE_DIR, 'native-probe.tsv'), 'utf8')
  .split('\n')
  .filter((l) => l && !l.startsWith('#'))
  .map((l) => {
    const [activation, init, depth, width, batch, seed, bottleneck, ...columns] = l.split('\t');
    const options = { activation, init, depth: +depth, width: +width, batch: +batch, seed: +seed };
    options.bottleneck = +bottleneck;
    return { options, columns: columns.map((c) => c.split(',').map(parseNumber)) };
  });

describe('probeNetwork', () => {
  // The weights, the inputs and the matrix products are bit-identical in both builds; only libm
  // (glibc or musl) differs, by an ULP or two in the activations and the random normals, and
  // deep networks amplify such differences a little. 1e-9 relative leaves room for that.
  test('wasm agrees with the native build within 1e-9 relative', () => {
    assert.equal(nativeRuns.length, 4);
    for (const { options, columns } of nativeRuns) {
      const r = api.probeNetwork(options);
      FIELDS.forEach((field, f) => {
        r.layers.forEach((layer, l) => {
          const want = columns[f][l];
          const tolerance = 1e-9 * Math.max(1e-300, Math.abs(want)) + 1e-300;
          assert.ok(
            Math.abs(layer[field] - want) <= tolerance,
            `${options.activation} layer ${l + 1} ${field}: ${layer[field]} vs native ${want}`,
          );
        });
      });
    }
  });

  test('the module without SIMD gives the same bits', () => {
    const options = { activation: 'tanh', depth: 12, width: 37, batch: 19, seed: 5 };
    assert.deepEqual(plain.probeNetwork(options), api.probeNetwork(options));
  });

  test('is deterministic for a seed and reports what it ran', () => {
    const a = api.probeNetwork({ activation: 'elu', params: { alpha: 1.5 }, depth: 5, seed: 9 });
    assert.deepEqual(
      api.probeNetwork({ activation: 'elu', params: { alpha: 1.5 }, depth: 5, seed: 9 }),
      a,
    );
    assert.equal(a.layers.length, 5);
    assert.equal(a.options.params.alpha, 1.5);
    assert.equal(a.histogram.edges.length, 41);
    assert.equal(
      a.histogram.counts.reduce((x, y) => x + y),
      256 * 128,
    );
    assert.notDeepEqual(
      api.probeNetwork({ activation: 'elu', depth: 5, seed: 10 }).layers,
      a.layers,
    );
  });

  test('sigmoid’s gradient vanishes and SELU self-normalises, in wasm too', () => {
    const sigmoid = api.probeNetwork({ activation: 'sigmoid', init: 'glorot_uniform' });
    assert.ok(sigmoid.layers[0].gradientNorm < 1e-6 * sigmoid.layers.at(-1).gradientNorm);
    const selu = api.probeNetwork({ activation: 'selu', depth: 50 });
    for (const layer of selu.layers) {
      assert.ok(Math.abs(layer.mean) < 0.1 && Math.abs(layer.std - 1) < 0.15);
    }
  });

  test('bad options are clear errors, and the module stays usable', () => {
    const cases = [
      [{ depth: 0 }, /depth = 0 is out of range; valid range is \[1, 100\]/],
      [{ width: 1e9 }, /width = 1000000000 is out of range/],
      [{ width: 1e12 }, /width = 1000000000000 is out of range; valid range is \[2, 512\]/],
      [{ histogramBins: -(2 ** 40) }, /histogramBins = -1099511627776 is out of range/],
      [{ init: 'zeros' }, /"zeros" is unknown; valid: lecun_normal/],
      [{ depth: 2.5 }, /depth = 2.5 must be a whole number in \[1, 100\]/],
      [{ dept: 3 }, /unknown option "dept"/],
      [{ activation: 'softmax' }, /must be an elementwise function/],
      [{ activation: 'swishy' }, /unknown activation "swishy"/],
      [{ params: { alpha: 1 } }, /selu has no parameter "alpha"/],
      [{ inputStd: NaN }, /inputStd/],
      [{ depth: 100, width: 512, batch: 2048 }, /more than this page keeps in memory/],
      [{ seed: -1 }, /seed = -1 is out of range/],
      [null, /options must be a plain object such as \{ activation: "selu" \}, got null/],
      [new Map([['depth', 3]]), /options must be a plain object .*, got a Map/],
      [{ params: new Map([['alpha', 3]]) }, /params must be a plain object .*, got a Map/],
      [{ activation: 'elu', params: { alpha: '2' } }, /"alpha" must be a number in \[0, \+inf\)/],
      [
        { activation: 'x'.repeat(1e6) },
        /^probeNetwork: unknown activation "x{40}…"; valid ids: sigmoid/,
      ],
      [{ bottleneck: -1 }, /bottleneck = -1 is out of range; valid: 0 \(none\) or \[1, 128\]/],
    ];
    for (const [options, pattern] of cases) {
      assert.throws(
        () => api.probeNetwork(options),
        (e) => e instanceof ActivationError && pattern.test(e.message),
      );
    }
    assert.equal(api.probeNetwork({ depth: 2 }).layers.length, 2);
  });

  test('any whole seed up to 2^53 - 1 is a seed', () => {
    for (const seed of [0, 2 ** 31, 2 ** 32 + 1, Number.MAX_SAFE_INTEGER]) {
      assert.equal(api.probeNetwork({ depth: 2, seed }).options.seed, seed);
    }
    const a = api.probeNetwork({ depth: 2, seed: 2 ** 40 });
    const b = api.probeNetwork({ depth: 2, seed: 2 ** 40 + 1 });
    assert.notDeepEqual(a.layers, b.layers);
  });

  test('startProbeNetwork runs the same network a step at a time, then frees it', () => {
    const options = { activation: 'gelu', depth: 9, width: 40, batch: 12, seed: 3, bottleneck: 2 };
    const whole = api.probeNetwork(options);
    const inUse = api.memoryUsage().inUseBytes;
    const run = api.startProbeNetwork(options);
    assert.deepEqual(run.options, whole.options);
    assert.equal(run.totalSteps, 18);
    assert.equal(run.step(0), false);
    assert.equal(run.stepsDone, 0);
    assert.throws(
      () => run.result(),
      (e) => e instanceof ActivationError && /not finished \(0 of 18 steps done\)/.test(e.message),
    );
    const seen = [];
    while (!run.step(4)) {
      seen.push(run.stepsDone);
      api.probeNetwork({ ...options, activation: 'tanh', seed: 8 }); // other weights, same size
    }
    assert.deepEqual(seen, [4, 8, 12, 16]);
    assert.equal(run.finished, true);
    assert.equal(run.step(5), true, 'a step past the end does nothing');
    assert.deepEqual(run.result(), whole);
    run.dispose();
    assert.equal(run.disposed, true);
    assert.equal(api.memoryUsage().inUseBytes, inUse);
    assert.throws(() => run.step(), /probeRun.step: this probeRun was disposed/);

    const early = api.startProbeNetwork(options);
    early.step(5);
    early.dispose(); // dropped halfway, as the labs' worker does
    assert.equal(api.memoryUsage().inUseBytes, inUse);
  });
});

test('an option or a parameter set to undefined keeps its default, as a missing one does', () => {
  const same = (a, b) => assert.deepEqual(JSON.stringify(a), JSON.stringify(b));
  same(api.probeNetwork({ depth: 3, seed: undefined }), api.probeNetwork({ depth: 3 }));
  const trainer = api.createTrainer({ hidden: undefined, dataset: undefined, samples: 50 });
  assert.deepEqual(trainer.options.hidden, [4, 2]);
  assert.equal(trainer.options.dataset, 'circle');
  trainer.dispose();
  // A parameter too: alpha: undefined is ELU's default, 1.
  assert.equal(api.evaluate('elu', [-1], { alpha: undefined }).f[0], Math.expm1(-1));
  same(
    api.probeNetwork({ depth: 3, activation: 'elu', params: { alpha: undefined } }).layers,
    api.probeNetwork({ depth: 3, activation: 'elu' }).layers,
  );
  // An unknown option stays an error, whatever its value.
  assert.throws(() => api.probeNetwork({ dept: undefined }), ActivationError);
});

test('the options echo the params as given: approximate: true, not 1', () => {
  const run = api.probeNetwork({ activation: 'gelu', params: { approximate: true }, depth: 2 });
  assert.deepEqual(run.options.params, { approximate: true });
  const trainer = api.createTrainer({ activation: 'elu', params: { alpha: 2 }, samples: 20 });
  assert.deepEqual(trainer.options.params, { alpha: 2 });
  trainer.dispose();
});
