// The JS API's contract: shapes, array-likes, defaults, chunking, and errors that name the
// culprit and the valid range.
import assert from 'node:assert/strict';
import { before, describe, test } from 'node:test';
import { API_URL } from './support/paths.mjs';

const { loadActivations, ActivationError } = await import(API_URL);

let api;
before(async () => {
  api = await loadActivations();
});

/** Asserts that fn throws an ActivationError with this code whose message matches every pattern. */
function throwsActivation(fn, code, ...patterns) {
  let caught;
  try {
    fn();
  } catch (error) {
    caught = error;
  }
  assert.ok(caught, 'expected an error');
  assert.ok(caught instanceof Error, 'an Error');
  assert.ok(caught instanceof ActivationError, `an ActivationError, got ${caught}`);
  assert.equal(caught.code, code, caught.message);
  for (const p of patterns) assert.match(caught.message, p);
  return caught;
}

describe('list()', () => {
  test('reports the lesson functions with Keras ids, parameters and ranges', () => {
    const list = api.list();
    assert.deepEqual(
      list.map((s) => s.id),
      [
        ...['sigmoid', 'tanh', 'relu', 'elu', 'selu', 'softmax', 'softsign', 'softplus'],
        ...['exponential', 'gelu', 'silu', 'mish', 'leaky_relu', 'relu6', 'hard_sigmoid'],
        ...['hard_silu', 'hard_tanh', 'log_sigmoid', 'celu', 'squareplus', 'sparse_plus'],
        ...['sparse_sigmoid', 'soft_shrink', 'hard_shrink', 'tanh_shrink', 'threshold', 'linear'],
        ...['log_softmax', 'sparsemax'],
      ],
    );
    assert.deepEqual(list.find((s) => s.id === 'silu').aliases, ['swish']);
    assert.deepEqual(list.find((s) => s.id === 'soft_shrink').kinks, [
      { offset: 0, param: 'threshold', factor: -1 },
      { offset: 0, param: 'threshold', factor: 1 },
    ]);
    assert.equal(list.find((s) => s.id === 'gelu').params[0].type, 'boolean');
    const elu = list.find((s) => s.id === 'elu');
    assert.equal(elu.kind, 'elementwise');
    assert.deepEqual(
      { ...elu.params[0], ui: undefined },
      {
        name: 'alpha',
        default: 1,
        min: 0,
        max: Infinity,
        minInclusive: true,
        maxInclusive: false,
        range: '[0, +inf)',
        type: 'number',
        ui: undefined,
      },
    );
    const selu = list.find((s) => s.id === 'selu');
    assert.deepEqual(
      selu.constants.map((c) => [c.name, c.value]),
      [
        ['alpha', 1.6732632423543772],
        ['scale', 1.0507009873554805],
      ],
    );
    const softmax = list.find((s) => s.id === 'softmax');
    assert.equal(softmax.kind, 'vector');
    assert.equal(softmax.params[0].name, 'temperature');
  });

  test('is frozen, so no caller can change what others read', () => {
    const list = api.list();
    assert.ok(Object.isFrozen(list) && Object.isFrozen(list[3].params[0]));
    assert.throws(() => {
      'use strict';
      list[3].params[0].default = 5;
    }, TypeError);
    assert.equal(api.list()[3].params[0].default, 1);
  });
});

describe('evaluate()', () => {
  test('returns Float64Arrays of f and f′', () => {
    const { f, df } = api.evaluate('relu', [-2, 0, 3]);
    assert.ok(f instanceof Float64Array && df instanceof Float64Array);
    assert.deepEqual([...f], [0, 0, 3]);
    assert.deepEqual([...df], [0, 0, 1]);
  });

  test('uses the Keras default and accepts the lesson’s α = 1.5', () => {
    assert.equal(api.evaluate('elu', [0]).df[0], 1);
    const { f, df } = api.evaluate('elu', [-1, 0], { alpha: 1.5 });
    assert.equal(f[0], 1.5 * Math.expm1(-1));
    assert.equal(df[1], 1.5);
  });

  test('takes any array-like of numbers', () => {
    const want = [...api.evaluate('tanh', [0.5, -1, 2]).f];
    for (const z of [
      [0.5, -1, 2],
      new Float64Array([0.5, -1, 2]),
      { length: 3, 0: 0.5, 1: -1, 2: 2 },
    ]) {
      assert.deepEqual([...api.evaluate('tanh', z).f], want);
    }
    // A Float32Array takes the float32 path (float32.test.mjs): float32 results, within 4 ULP.
    const f32 = api.evaluate('tanh', new Float32Array([0.5, -1, 2])).f;
    assert.ok(f32 instanceof Float32Array);
    f32.forEach((v, i) => assert.ok(Math.abs(v - want[i]) <= 4 * 2 ** -24 * Math.abs(want[i])));
    assert.deepEqual([...api.evaluate('relu', new Int8Array([-3, 4])).f], [0, 4]);
  });

  test('gives limits for ±∞ and NaN for NaN', () => {
    const { f, df } = api.evaluate('sigmoid', [Infinity, -Infinity, NaN]);
    assert.deepEqual([...f.slice(0, 2)], [1, 0]);
    assert.deepEqual([...df.slice(0, 2)], [0, 0]);
    assert.ok(Number.isNaN(f[2]) && Number.isNaN(df[2]));
  });

  test('handles inputs longer than one chunk, and empty ones', () => {
    const n = 200_003;
    const z = Float64Array.from({ length: n }, (_, i) => -50 + (100 * i) / n);
    const { f, df } = api.evaluate('softplus', z);
    assert.equal(f.length, n);
    for (const i of [0, 65_535, 65_536, 131_072, n - 1]) {
      const one = api.evaluate('softplus', [z[i]]);
      assert.equal(f[i], one.f[0]);
      assert.equal(df[i], one.df[0]);
    }
    const empty = api.evaluate('relu', []);
    assert.equal(empty.f.length, 0);
  });

  test('does not modify its input', () => {
    const z = new Float64Array([1, 2, 3]);
    api.evaluate('exponential', z);
    assert.deepEqual([...z], [1, 2, 3]);
  });
});

describe('the added Keras 3 activations', () => {
  test('aliases and booleans work as in Keras', () => {
    assert.deepEqual([...api.evaluate('swish', [1.5]).f], [...api.evaluate('silu', [1.5]).f]);
    assert.deepEqual([...api.evaluate('hard_swish', [1]).f], [...api.evaluate('hard_silu', [1]).f]);
    const exact = api.evaluate('gelu', [1]).f[0];
    assert.equal(api.evaluate('gelu', [1], { approximate: false }).f[0], exact);
    const tanhForm = api.evaluate('gelu', [1], { approximate: true }).f[0];
    assert.notEqual(tanhForm, exact);
    assert.equal(api.evaluate('gelu', [1], { approximate: 1 }).f[0], tanhForm);
    throwsActivation(
      () => api.evaluate('gelu', [1], { approximate: 0.5 }),
      'parameter_out_of_range',
      /true or false/,
    );
  });

  test('derivatives at the kinks follow TensorFlow', () => {
    const at = (id, z, params) => api.evaluate(id, [z], params).df[0];
    assert.equal(at('leaky_relu', 0), 0.2);
    assert.equal(at('relu6', 0), 0);
    assert.equal(at('relu6', 6), 0);
    assert.equal(at('hard_sigmoid', -3), 0);
    assert.equal(at('hard_sigmoid', 3), 0);
    assert.equal(at('hard_silu', -3), 0);
    assert.equal(at('hard_silu', 3), 1);
    assert.equal(at('hard_tanh', 1), 1);
    assert.equal(at('soft_shrink', 0.5), 0);
    assert.equal(at('threshold', 1, { threshold: 1, default_value: -2 }), 0);
  });

  test('log_softmax and sparsemax', () => {
    const ls = api.logSoftmax([1, 2, 3]);
    const s = api.softmax([1, 2, 3]);
    for (let i = 0; i < 3; i++) assert.ok(Math.abs(Math.exp(ls[i]) - s[i]) < 1e-15);
    assert.deepEqual([...api.sparsemax([3, 1, 0.2])], [1, 0, 0]);
    const p = api.sparsemax([0.5, 0.3, -2]);
    assert.ok(Math.abs(p[0] - 0.6) < 1e-15 && Math.abs(p[1] - 0.4) < 1e-15 && p[2] === 0);
    assert.equal(api.sparsemaxJacobian([0.5, 0.3, -2]).length, 9);
    throwsActivation(() => api.sparsemax([1, 2], 0), 'parameter_out_of_range', /\(0, \+inf\)/);
  });
});

describe('softmax() and softmaxJacobian()', () => {
  test('default temperature is 1 and the probabilities sum to 1', () => {
    const s = api.softmax([1, 2, 3]);
    assert.ok(s instanceof Float64Array);
    assert.deepEqual([...s], [...api.softmax([1, 2, 3], 1)]);
    assert.ok(Math.abs(s.reduce((a, b) => a + b) - 1) < 1e-15);
    assert.ok(s[2] > s[1] && s[1] > s[0]);
  });

  test('the Jacobian is n×n row-major, s_i(δ_ij − s_j)/T', () => {
    const t = 2;
    const s = api.softmax([0.5, -1, 3], t);
    const j = api.softmaxJacobian([0.5, -1, 3], t);
    assert.equal(j.length, 9);
    for (let i = 0; i < 3; i++) {
      for (let k = 0; k < 3; k++) {
        const want = (s[i] * ((i === k ? 1 : 0) - s[k])) / t;
        assert.ok(Math.abs(j[i * 3 + k] - want) < 1e-16, `J[${i}][${k}]`);
      }
    }
  });

  test('stays finite for huge logits', () => {
    const s = api.softmax([1000, 1001, -1e300]);
    assert.ok(s.every(Number.isFinite));
    assert.equal(s[2], 0);
  });
});

describe('errors name the culprit and the valid range', () => {
  test('unknown id', () => {
    const e = throwsActivation(
      () => api.evaluate('swishy', [1]),
      'unknown_activation',
      /"swishy"/,
      /valid ids: sigmoid, tanh/,
    );
    assert.equal(e.culprit, 'swishy');
    throwsActivation(() => api.evaluate(42, [1]), 'unknown_activation', /must be a string/);
  });

  test('unknown parameter', () => {
    const e = throwsActivation(
      () => api.evaluate('elu', [1], { beta: 2 }),
      'unknown_parameter',
      /"beta"/,
      /alpha/,
    );
    assert.equal(e.culprit, 'beta');
    throwsActivation(
      () => api.evaluate('relu', [1], { alpha: 1 }),
      'unknown_parameter',
      /relu takes no parameters/,
    );
    // An unknown name is reported as unknown whatever its value, and an unknown id before it.
    throwsActivation(
      () => api.evaluate('relu', [1], { alpha: 'x' }),
      'unknown_parameter',
      /relu has no parameter "alpha"/,
    );
    throwsActivation(
      () => api.evaluate('relu7', [1], { alpha: 'x' }),
      'unknown_activation',
      /"relu7"/,
    );
  });

  test('non-finite parameter', () => {
    for (const bad of [NaN, Infinity, -Infinity]) {
      const e = throwsActivation(
        () => api.evaluate('elu', [1], { alpha: bad }),
        'non_finite_parameter',
        /alpha/,
        /\[0, \+inf\)/,
      );
      assert.equal(e.culprit, 'alpha');
    }
  });

  test('out-of-range parameter', () => {
    throwsActivation(
      () => api.evaluate('elu', [1], { alpha: -0.5 }),
      'parameter_out_of_range',
      /"alpha" = -0\.5 is out of range; valid range is \[0, \+inf\)/,
    );
    throwsActivation(
      () => api.softmax([1, 2], 0),
      'parameter_out_of_range',
      /temperature/,
      /\(0, \+inf\)/,
    );
    throwsActivation(
      () => api.softmaxJacobian([1, 2], -1),
      'parameter_out_of_range',
      /\(0, \+inf\)/,
    );
  });

  test('a value just past a limit is written with the digits that tell it from the limit', () => {
    throwsActivation(
      () => api.createTrainer({ l2: 1.0000000000000002 }),
      'invalid_argument',
      /l2 = 1\.0000000000000002 is out of range; valid range is \[0, 1\]/,
    );
    throwsActivation(
      () => api.probeNetwork({ inputMean: 1e6 + 1e-9 }),
      'invalid_argument',
      /inputMean = 1000000\.000000001 must be a finite number in \[-1e6, 1e6\]/,
    );
    throwsActivation(
      () => api.evaluate('leaky_relu', [1], { negative_slope: -0.12345678901234568 }),
      'parameter_out_of_range',
      /= -0\.12345678901234568 is out of range/,
    );
  });

  test('parameters of the wrong type', () => {
    throwsActivation(
      () => api.evaluate('elu', [1], { alpha: '1.5' }),
      'invalid_argument',
      /"alpha" must be a number in \[0, \+inf\), got the string "1.5"/,
    );
    // true and false are for yes/no parameters only; α = true is not α = 1.
    for (const [id, name, range] of [
      ['elu', 'alpha', '[0, +inf)'],
      ['celu', 'alpha', '(0, +inf)'],
      ['leaky_relu', 'negative_slope', '[0, +inf)'],
    ]) {
      for (const z of [[-1], new Float32Array([-1])]) {
        const e = throwsActivation(
          () => api.evaluate(id, z, { [name]: false }),
          'invalid_argument',
        );
        assert.equal(
          e.message,
          `evaluate(${id}): parameter "${name}" must be a number in ${range}, got false`,
        );
      }
    }
    assert.equal(api.evaluate('gelu', [1], { approximate: true }).f[0], 0.8411919906082768);
    throwsActivation(
      () => api.evaluate('elu', [1], [1.5]),
      'invalid_argument',
      /params must be a plain object such as \{ alpha: 1.5 \}, got an array/,
    );
    throwsActivation(
      () => api.softmax([1], 'hot'),
      'invalid_argument',
      /temperature must be a number in \(0, \+inf\), got the string "hot"/,
    );
  });

  test('inputs that are not arrays of numbers', () => {
    throwsActivation(
      () => api.evaluate('relu', 'abc'),
      'invalid_argument',
      /z must be an array-like/,
    );
    throwsActivation(() => api.evaluate('relu', 5), 'invalid_argument', /z must be an array-like/);
    throwsActivation(
      () => api.evaluate('relu', [1, '2']),
      'invalid_argument',
      /z\[1\] is the string "2"/,
    );
    throwsActivation(
      () => api.evaluate('relu', [1, , 3]),
      'invalid_argument',
      /z\[1\] is undefined/,
    );
    throwsActivation(
      () => api.evaluate('relu', new BigInt64Array(2)),
      'invalid_argument',
      /BigInt64Array/,
    );
    throwsActivation(() => api.softmax(null), 'invalid_argument', /logits must be an array-like/);
    throwsActivation(
      () => api.evaluate('relu', { length: 2 ** 30 }),
      'invalid_argument',
      /0 to 16777216/,
    );
  });

  test('vector and elementwise functions are not interchangeable', () => {
    throwsActivation(
      () => api.evaluate('softmax', [1, 2]),
      'invalid_argument',
      /softmax is a vector function/,
    );
  });

  test('vectors beyond the limits', () => {
    throwsActivation(
      () => api.softmaxJacobian(new Float64Array(1025)),
      'invalid_argument',
      /0 to 1024/,
    );
  });

  test('the module stays usable after every error', () => {
    assert.throws(() => api.evaluate('elu', [1], { alpha: NaN }));
    assert.deepEqual([...api.evaluate('relu', [2]).f], [2]);
  });
});
