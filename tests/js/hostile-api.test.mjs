// The JS API against bad input: wrong types, NaN and ±∞ parameters, empty, huge and sparse
// arrays, getters that throw, prototype pollution, unknown ids, 10⁷ elements. Every case must
// throw a clear Error or return a correct result, and the module must answer the next call.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import vm from 'node:vm';
import { API_URL } from './support/paths.mjs';

const { loadActivations, ActivationError } = await import(API_URL);
let api;
before(async () => {
  api = await loadActivations();
});

const throwing = (what) =>
  new Proxy([1, 2, 3], {
    get(target, key) {
      if (key === 'length' || key === '1') throw new Error(`${what} getter`);
      return Reflect.get(target, key);
    },
  });
const getterObject = (key) =>
  Object.defineProperty({}, key, {
    enumerable: true,
    get() {
      throw new Error(`${key} getter`);
    },
  });
const sparse = (n) => {
  const a = [];
  a.length = n;
  a[0] = 1;
  return a;
};
const huge = 'x'.repeat(1e5);
const BAD_IDS = [
  undefined,
  null,
  0,
  1.5,
  NaN,
  true,
  {},
  [],
  () => 'relu',
  Symbol('relu'),
  '',
  'RELU',
  'relu7',
  ' relu',
  'relu ',
  '__proto__',
  'constructor',
  'toString',
  'hasOwnProperty',
  huge,
  '\u0000',
  'réLU',
  {
    toString: () => {
      throw new Error('toString');
    },
  },
];
const BAD_Z = [
  undefined,
  null,
  5,
  'abc',
  {},
  { length: -1 },
  { length: 1e10 },
  { length: NaN },
  { length: 2 },
  ['1', '2'],
  [1n],
  [{}],
  [[1]],
  [1, null],
  [1, undefined],
  new BigInt64Array(2),
  sparse(5),
  throwing('z'),
  new Array(2 ** 24 + 1),
  new DataView(new ArrayBuffer(8)),
];
const BAD_PARAMS = [
  5,
  'alpha',
  [],
  [1.5],
  { alpha: NaN },
  { alpha: Infinity },
  { alpha: -Infinity },
  { alpha: -1 },
  { alpha: '1.5' },
  { alpha: null },
  { alpha: {} },
  { alpha: 1e308 * 10 },
  { beta: 1 },
  { alpha: 1, beta: 2 },
  JSON.parse('{"__proto__": 1}'),
  getterObject('alpha'),
  { alpha: 1n },
  { alpha: [1] },
  // Objects whose alpha the API cannot see: each used to fall back to α = 1 without a word.
  new Map([['alpha', 2]]),
  new Date(0),
  { [Symbol('alpha')]: 2 },
  new (class Params {
    alpha = 2;
  })(),
  { ['a'.repeat(1e6)]: 1 },
  { 'alpha\n': 1 },
];
const BAD_TEMPERATURES = [0, -1, NaN, Infinity, -Infinity, '1', null, {}, [1], -0, -5e-324];
const BAD_LOGITS = [
  null,
  5,
  'abc',
  ['1'],
  sparse(3),
  [1, '2'],
  [true, false],
  throwing('logits'),
  new Float64Array(2 ** 20 + 1),
  { length: -5 },
];
const BAD_PROBE = [
  null,
  5,
  'x',
  [],
  { depth: 0 },
  { depth: 101 },
  { depth: 2.5 },
  { depth: '3' },
  { width: 1 },
  { width: 1e9 },
  { batch: 0 },
  { batch: -1 },
  { init: 'zeros' },
  { init: 5 },
  { activation: 'softmax' },
  { activation: 'nope' },
  { activation: 5 },
  { params: 5 },
  { params: { alpha: 1 } },
  { inputMean: NaN },
  { inputStd: -1 },
  { inputStd: Infinity },
  { seed: -1 },
  { seed: 2 ** 60 },
  { seed: 1.5 },
  { bottleneck: 1000 },
  { histogramBins: 0 },
  { dept: 3 },
  { toString: 1 },
  { depth: 100, width: 512, batch: 2048 },
  getterObject('depth'),
];
const BAD_TRAINER = [
  null,
  5,
  'x',
  [],
  { dataset: 'donut' },
  { dataset: 5 },
  { samples: 0 },
  { samples: 1e9 },
  { samples: 10.5 },
  { noise: -0.1 },
  { noise: NaN },
  { noise: 0.6 },
  { trainFraction: 0 },
  { trainFraction: 1 },
  { features: [] },
  { features: 'x1' },
  { features: ['x1', 'x1'] },
  { features: ['x9'] },
  { features: [1] },
  { features: sparse(3) },
  { hidden: [0] },
  { hidden: [17] },
  { hidden: [1, 1, 1, 1, 1, 1, 1] },
  { hidden: [2.5] },
  { hidden: 'big' },
  { activation: 'softmax' },
  { activation: 'sparsemax' },
  { params: [] },
  { optimizer: 'rmsprop' },
  { learningRate: 0 },
  { learningRate: -1 },
  { learningRate: 11 },
  { learningRate: NaN },
  { batchSize: 0 },
  { batchSize: 1e6 },
  { l2: -1 },
  { l2: 2 },
  { init: 'ones' },
  { seed: -3 },
  { epochs: 3 },
  getterObject('dataset'),
];
const BAD_STEPS = [-1, 1001, 1.5, NaN, '1', null, {}, Infinity];
const BAD_GRIDS = [0, 1, 513, 2.5, NaN, '10', null, -4];

function cases() {
  const list = [];
  const add = (name, call, expect = 'error') => list.push({ name, call, expect });
  for (const id of BAD_IDS) add(`evaluate(${String(typeof id)})`, () => api.evaluate(id, [0]));
  for (const z of BAD_Z) add('evaluate(relu, bad z)', () => api.evaluate('relu', z));
  for (const p of BAD_PARAMS)
    add('evaluate(elu, bad params)', () => api.evaluate('elu', [-1, 0, 1], p));
  for (const t of BAD_TEMPERATURES) {
    add('softmax bad T', () => api.softmax([1, 2, 3], t));
    add('softmaxJacobian bad T', () => api.softmaxJacobian([1, 2, 3], t));
    add('sparsemax bad T', () => api.sparsemax([1, 2, 3], t));
  }
  for (const x of BAD_LOGITS) {
    add('softmax bad logits', () => api.softmax(x));
    add('logSoftmax bad logits', () => api.logSoftmax(x));
  }
  add('softmaxJacobian 1025 logits', () => api.softmaxJacobian(new Float64Array(1025)));
  add('sparsemaxJacobian 1025 logits', () => api.sparsemaxJacobian(new Float64Array(1025)));
  for (const o of BAD_PROBE) add('probeNetwork bad options', () => api.probeNetwork(o));
  for (const o of BAD_PROBE) add('startProbeNetwork bad options', () => api.startProbeNetwork(o));
  // A stepped probe run: bad step counts, a result before the end, any call after dispose().
  const withRun = (call) => () => {
    const run = api.startProbeNetwork({ depth: 2, width: 4, batch: 2 });
    try {
      return call(run);
    } finally {
      run.dispose();
    }
  };
  for (const n of [-1, 1.5, NaN, '1', null, {}, -Infinity, 2n]) {
    add(
      'probeRun.step bad steps',
      withRun((run) => run.step(n)),
    );
  }
  add(
    'probeRun.result before the end',
    withRun((run) => run.step(3) || run.result()),
  );
  add(
    'probeRun.step after dispose',
    withRun((run) => {
      run.dispose();
      return run.step();
    }),
  );
  add(
    'probeRun.result after dispose',
    withRun((run) => {
      run.step(Infinity);
      run.dispose();
      return run.result();
    }),
  );
  for (const o of BAD_TRAINER) add('createTrainer bad options', () => api.createTrainer(o));
  for (const n of BAD_STEPS) {
    add('trainer.step bad epochs', () => {
      const t = api.createTrainer({ samples: 20 });
      try {
        return t.step(n);
      } finally {
        t.dispose();
      }
    });
  }
  for (const n of BAD_GRIDS) {
    add('trainer.predictGrid bad n', () => {
      const t = api.createTrainer({ samples: 20 });
      try {
        return t.predictGrid(n);
      } finally {
        t.dispose();
      }
    });
  }
  // The float32 path (a Float32Array z): the same checks, the same errors.
  const f32 = new Float32Array([-1, 0, 1]);
  for (const id of BAD_IDS) {
    add(`evaluate(${String(typeof id)}, Float32Array)`, () => api.evaluate(id, f32));
    add(`evaluateF(${String(typeof id)}, Float32Array)`, () => api.evaluateF(id, f32));
  }
  for (const p of BAD_PARAMS) {
    add('evaluate(elu, Float32Array, bad params)', () => api.evaluate('elu', f32, p));
    add('evaluateF(elu, Float32Array, bad params)', () => api.evaluateF('elu', f32, p));
  }
  for (const z of BAD_Z) add('evaluateF(relu, bad z)', () => api.evaluateF('relu', z));
  const detached = new Float32Array(4);
  structuredClone(detached.buffer, { transfer: [detached.buffer] });
  const lying = new Float32Array([-2, 2]);
  Object.defineProperty(lying, 'length', { value: 2 ** 30 });
  lying.subarray = () => {
    throw new Error('subarray getter');
  };
  class Species extends Float32Array {
    static get [Symbol.species]() {
      throw new Error('species getter');
    }
  }
  // A Proxy is not a typed array (no internal slots): it is read as an array-like.
  const proxied = new Proxy(new Float32Array([1, -1]), { get: (t, k) => Reflect.get(t, k) });
  const float32Cases = [
    ['Float32Array of 2^24 + 1', () => api.evaluate('relu', new Float32Array(2 ** 24 + 1))],
    ['evaluateF of 2^24 + 1', () => api.evaluateF('relu', new Float32Array(2 ** 24 + 1))],
    ['Float32Array, vector id', () => api.evaluate('softmax', f32)],
    ['Float32Array, log_softmax id', () => api.evaluateF('log_softmax', f32)],
    [
      'a DataView that says it is a Float32Array',
      () =>
        api.evaluate(
          'relu',
          Object.defineProperty(new DataView(new ArrayBuffer(8)), Symbol.toStringTag, {
            value: 'Float32Array',
          }),
        ),
    ],
    [
      'an object that says it is a Float32Array',
      () => api.evaluate('relu', { [Symbol.toStringTag]: 'Float32Array' }),
    ],
    [
      'Float32Array, params with a throwing getter',
      () => api.evaluate('elu', f32, getterObject('alpha')),
    ],
  ];
  for (const [name, call] of float32Cases) add(name, call);
  const float32Results = [
    [
      'empty Float32Array',
      () => api.evaluate('tanh', new Float32Array(0)),
      (r) => assert.equal(r.df.length, 0),
    ],
    [
      'evaluateF of an empty Float32Array',
      () => api.evaluateF('tanh', new Float32Array(0)),
      (r) => assert.ok(r instanceof Float32Array && r.length === 0),
    ],
    [
      'a detached Float32Array is empty',
      () => api.evaluate('relu', detached),
      (r) => assert.equal(r.f.length, 0),
    ],
    [
      'a Float32Array whose length and subarray lie',
      () => api.evaluate('relu', lying),
      (r) => assert.deepEqual(Array.from(r.f), [0, 2]),
    ],
    [
      'a Float32Array subclass whose species throws',
      () => api.evaluate('relu', Species.from([-2, 3])),
      (r) => assert.deepEqual(Array.from(r.f), [0, 3]),
    ],
    [
      'a Proxy of a Float32Array is an array-like',
      () => api.evaluate('relu', proxied),
      (r) => assert.ok(r.f instanceof Float64Array && r.f[0] === 1),
    ],
    [
      '10⁷ float32 zeros',
      () => api.evaluate('relu', new Float32Array(1e7)),
      (r) => {
        assert.ok(r.f instanceof Float32Array);
        assert.equal(r.f.length, 1e7);
        assert.equal(r.df[9999999], 0);
      },
    ],
    [
      'evaluateF of 10⁷ floats',
      () => api.evaluateF('sigmoid', new Float32Array(1e7)),
      (r) => {
        assert.equal(r.length, 1e7);
        assert.equal(r[9999999], 0.5);
      },
    ],
    [
      'Float32Array of NaN and infinities',
      () => api.evaluate('tanh', new Float32Array([NaN, Infinity, -Infinity])),
      (r) => {
        assert.ok(Number.isNaN(r.f[0]) && Number.isNaN(r.df[0]));
        assert.deepEqual([r.f[1], r.f[2], r.df[1], r.df[2]], [1, -1, 0, 0]);
      },
    ],
    [
      'Float32Array of the extremes',
      () =>
        api.evaluate(
          'exponential',
          new Float32Array([3.4028234663852886e38, -3.4028234663852886e38, 1.401298464324817e-45]),
        ),
      (r) => assert.deepEqual(Array.from(r.f), [Infinity, 0, 1]),
    ],
  ];
  float32Results.push([
    'Float32Array, elu with alpha = 1e39 (valid: its float32 result overflows)',
    () => api.evaluate('elu', f32, { alpha: 1e39 }),
    (r) => assert.deepEqual(Array.from(r.f), [-Infinity, 0, 1]),
  ]);
  for (const [name, call, expect] of float32Results) add(name, call, expect);
  // The out option: the caller's arrays for the results.
  const d64 = [-1, 0, 1];
  const twoViews = new ArrayBuffer(20);
  const outCases = [
    ['options not an object', () => api.evaluateF('relu', f32, {}, 5)],
    ['options an array', () => api.evaluateF('relu', f32, {}, [new Float32Array(3)])],
    ['options a string', () => api.evaluate('relu', d64, {}, 'out')],
    ['an unknown option', () => api.evaluateF('relu', f32, {}, { output: new Float32Array(3) })],
    [
      'a Float64Array out for float32 z',
      () => api.evaluateF('relu', f32, {}, { out: new Float64Array(3) }),
    ],
    [
      'a Float32Array out for float64 z',
      () => api.evaluateF('relu', d64, {}, { out: new Float32Array(3) }),
    ],
    ['an out too short', () => api.evaluateF('relu', f32, {}, { out: new Float32Array(2) })],
    ['an out too long', () => api.evaluateF('relu', d64, {}, { out: new Float64Array(4) })],
    ['an Array out', () => api.evaluateF('relu', d64, {}, { out: [0, 0, 0] })],
    ['a null out', () => api.evaluateF('relu', f32, {}, { out: null })],
    ['an Int32Array out', () => api.evaluateF('relu', f32, {}, { out: new Int32Array(3) })],
    ['a detached out', () => api.evaluateF('relu', f32, {}, { out: detached })],
    [
      'a DataView out',
      () => api.evaluateF('relu', f32, {}, { out: new DataView(new ArrayBuffer(12)) }),
    ],
    [
      'an out that says it is a Float32Array',
      () =>
        api.evaluateF(
          'relu',
          f32,
          {},
          { out: { [Symbol.toStringTag]: 'Float32Array', length: 3 } },
        ),
    ],
    [
      'a Proxy out',
      () => api.evaluateF('relu', f32, {}, { out: new Proxy(new Float32Array(3), {}) }),
    ],
    [
      'evaluate with an array out',
      () => api.evaluate('relu', f32, {}, { out: new Float32Array(3) }),
    ],
    [
      'evaluate with out.df missing',
      () => api.evaluate('relu', f32, {}, { out: { f: new Float32Array(3) } }),
    ],
    [
      'evaluate with out.f a number',
      () => api.evaluate('relu', d64, {}, { out: { f: 1, df: new Float64Array(3) } }),
    ],
    [
      'evaluate with out.f and out.df the same array',
      () => {
        const a = new Float32Array(3);
        return api.evaluate('relu', f32, {}, { out: { f: a, df: a } });
      },
    ],
    [
      'evaluate with out.f and out.df overlapping',
      () =>
        api.evaluate(
          'relu',
          f32,
          {},
          {
            out: { f: new Float32Array(twoViews, 0, 3), df: new Float32Array(twoViews, 8, 3) },
          },
        ),
    ],
    [
      'options with a throwing out getter',
      () => api.evaluateF('relu', f32, {}, getterObject('out')),
    ],
    [
      'out with a throwing f getter',
      () => api.evaluate('relu', d64, {}, { out: getterObject('f') }),
    ],
    [
      'a bad z with a good out',
      () => api.evaluateF('relu', 'abc', {}, { out: new Float64Array(3) }),
    ],
    [
      'a bad id with a good out',
      () => api.evaluateF('RELU', f32, {}, { out: new Float32Array(3) }),
    ],
    [
      'bad params with a good out',
      () => api.evaluate('elu', f32, { alpha: NaN }, { out: new Float32Array(3) }),
    ],
  ];
  for (const [name, call] of outCases) add(name, call);
  const shared = new Float32Array(new SharedArrayBuffer(12));
  const otherRealm = vm.runInNewContext('new Float64Array(3)');
  const outResults = [
    [
      'an out over a SharedArrayBuffer',
      () => api.evaluateF('relu', f32, {}, { out: shared }),
      (r) => assert.ok(r === shared && r[2] === 1 && r[0] === 0),
    ],
    [
      'an out from another realm',
      () => api.evaluateF('relu', d64, {}, { out: otherRealm }),
      (r) => assert.ok(r === otherRealm && r[2] === 1 && r[0] === 0),
    ],
    [
      'options undefined, null, or out undefined',
      () => [undefined, null, { out: undefined }].map((o) => api.evaluateF('relu', f32, {}, o)),
      (r) => assert.ok(r.every((f) => f instanceof Float32Array && f[2] === 1)),
    ],
    [
      'evaluateF of 10⁷ floats into an out',
      () => api.evaluateF('sigmoid', new Float32Array(1e7), {}, { out: new Float32Array(1e7) }),
      (r) => assert.ok(r.length === 1e7 && r[0] === 0.5 && r[9999999] === 0.5),
    ],
  ];
  for (const [name, call, expect] of outResults) add(name, call, expect);
  add('evaluate with a vector id', () => api.evaluate('softmax', [1, 2]));
  add(
    'softmax of nothing… is nothing',
    () => api.softmax([]),
    (r) => assert.equal(r.length, 0),
  );
  add(
    'evaluate of an empty array',
    () => api.evaluate('tanh', []),
    (r) => assert.equal(r.f.length, 0),
  );
  add(
    'evaluate of 10⁷ zeros',
    () => api.evaluate('relu', new Float64Array(1e7)),
    (r) => {
      assert.equal(r.f.length, 1e7);
      assert.equal(r.df[9999999], 0);
    },
  );
  add(
    'evaluate of 10⁷ as an Array',
    () =>
      api.evaluate(
        'sigmoid',
        Array.from({ length: 1e7 }, (_, i) => i % 7),
      ),
    (r) => {
      assert.equal(r.f.length, 1e7);
      assert.equal(r.f[0], 0.5);
    },
  );
  add(
    'evaluate of NaN and infinities is the right thing',
    () => api.evaluate('tanh', [NaN, Infinity, -Infinity]),
    (r) => {
      assert.ok(Number.isNaN(r.f[0]));
      assert.deepEqual([r.f[1], r.f[2], r.df[1], r.df[2]], [1, -1, 0, 0]);
    },
  );
  for (const t of [1e-320, 5e-324, 1e-300]) {
    // A subnormal temperature is valid: the softmax of logits / T is the arg max, exactly.
    const argmax = (r) => assert.deepEqual(Array.from(r), [0, 0, 1]);
    add('softmax with a tiny T', () => api.softmax([1, 2, 3], t), argmax);
    add('sparsemax with a tiny T', () => api.sparsemax([1, 2, 3], t), argmax);
  }
  // Non-finite logits are numbers: their softmax is the limit, or NaN where there is none.
  const limits = [
    [
      [NaN, 1],
      [NaN, NaN],
    ],
    [
      [Infinity, 1],
      [1, 0],
    ],
    [
      [-Infinity, -Infinity],
      [0.5, 0.5],
    ],
    [
      [Infinity, Infinity],
      [0.5, 0.5],
    ],
    [
      [-Infinity, 0],
      [0, 1],
    ],
  ];
  for (const [x, want] of limits) {
    add(
      `softmax(${x})`,
      () => api.softmax(x),
      (r) => assert.deepEqual(Array.from(r), want),
    );
    add(
      `sparsemax(${x})`,
      () => api.sparsemax(x),
      (r) => assert.deepEqual(Array.from(r), want),
    );
  }
  // Undefined is no value: the default, on both paths.
  add(
    'alpha: undefined',
    () => api.evaluate('elu', [-1], { alpha: undefined }),
    (r) => assert.equal(r.f[0], Math.expm1(-1)),
  );
  add(
    'alpha: undefined, float32',
    () => api.evaluateF('elu', new Float32Array([-1]), { alpha: undefined }),
    (r) => assert.equal(r[0], Math.fround(Math.expm1(-1))),
  );
  add(
    'softmax with one huge logit',
    () => api.softmax([1e308, 0, -1e308]),
    (r) => assert.deepEqual(Array.from(r), [1, 0, 0]),
  );
  // A transferred buffer leaves its arrays detached, with length 0: an empty input, or an
  // empty out for an empty input, whichever path.
  const detachedArray = (Type) => {
    const a = new Type(3);
    structuredClone(a.buffer, { transfer: [a.buffer] });
    return a;
  };
  const empty = (r) => assert.equal((ArrayBuffer.isView(r) ? r : r.f).length, 0);
  for (const Type of [Float64Array, Float32Array, Int32Array, Uint8ClampedArray]) {
    add(
      `evaluate of a detached ${Type.name}`,
      () => api.evaluate('relu', detachedArray(Type)),
      empty,
    );
    add(
      `evaluateF of a detached ${Type.name}`,
      () => api.evaluateF('elu', detachedArray(Type)),
      empty,
    );
    add(`softmax of a detached ${Type.name}`, () => api.softmax(detachedArray(Type)), empty);
  }
  for (const Type of [Float64Array, Float32Array]) {
    const z = new Type(0);
    add(
      `an empty z into a detached ${Type.name} out`,
      () => api.evaluateF('relu', z, {}, { out: detachedArray(Type) }),
      empty,
    );
    add(`z into a detached ${Type.name} out`, () =>
      api.evaluateF('relu', new Type(3), {}, { out: detachedArray(Type) }),
    );
  }
  // An array whose first element's getter shrinks it: what it no longer has is not a number.
  add('an array that shrinks while it is read', () => {
    const z = [1, 2, 3];
    Object.defineProperty(z, 0, {
      get() {
        z.length = 1;
        return 1;
      },
    });
    return api.evaluate('relu', z);
  });
  add('options as a Map', () => api.evaluateF('relu', [1], {}, new Map([['out', null]])));
  add('probe params as a Map', () =>
    api.probeNetwork({ activation: 'elu', params: new Map([['alpha', 3]]) }),
  );
  add('a used-up trainer', () => {
    const t = api.createTrainer({ samples: 20 });
    t.dispose();
    return t.step(1);
  });
  return list;
}

describe('the JS API under hostile input', () => {
  const polluted = ['alpha', 'depth', 'dataset', 'temperature', 'learningRate', 'out', 'f', 'df'];
  before(() => {
    // Prototype pollution: options and params must read only their own keys.
    for (const key of polluted) Object.prototype[key] = 'polluted'; // eslint-disable-line no-extend-native
  });
  after(() => {
    for (const key of polluted) delete Object.prototype[key];
  });

  test('every case throws a clear Error or returns a correct result, and the module survives', () => {
    const list = cases();
    let errors = 0;
    for (const { name, call, expect } of list) {
      let result;
      let error = null;
      try {
        result = call();
      } catch (e) {
        error = e;
      }
      if (expect === 'error') {
        assert.ok(error instanceof Error, `${name}: expected an Error, got ${String(result)}`);
        assert.ok(error.message.length > 5, `${name}: a message`);
        // Short enough to read, whatever huge string or array caused it.
        assert.ok(error.message.length < 1000, `${name}: ${error.message.length} characters`);
        // The API's own errors name the culprit; a getter's own Error passes through unchanged.
        if (!/getter/.test(error.message)) {
          assert.ok(error instanceof ActivationError, `${name}: ${error.message}`);
          assert.ok(error.culprit !== undefined && error.code, name);
        }
        errors += 1;
      } else {
        assert.equal(error, null, `${name}: ${error?.message}`);
        expect(result);
      }
      // The module still answers correctly.
      const { f } = api.evaluate('elu', [-1], { alpha: 2 });
      assert.equal(f[0], 2 * Math.expm1(-1), `after ${name}`);
      const g = api.evaluate('elu', new Float32Array([-1]), { alpha: 2 }).f;
      assert.ok(Math.abs(g[0] / (2 * Math.expm1(-1)) - 1) < 4 * 2 ** -24, `float32 after ${name}`);
    }
    assert.ok(list.length >= 200, `${list.length} cases`);
    console.log(`${list.length} hostile inputs, ${errors} rejected with an Error`);
  });

  test('loadActivations with bad options rejects with a clear error', async () => {
    const bytes = new Uint8Array(8);
    const cases = [
      [null, /options must be a plain object such as \{ simd: false \}, got null/],
      [new Map(), /options must be a plain object .*, got a Map/],
      [{ simd: 'no' }, /simd must be true or false, got the string "no"/],
      [{ simd: 0 }, /simd must be true or false, got the number 0/],
      [{ simd: false, wasmBinaries: { simd: bytes } }, /wasmBinaries.plain must hold the bytes/],
      [
        { simd: true, wasmBinaries: null },
        /wasmBinaries.simd must hold the bytes .*, got undefined/,
      ],
    ];
    for (const [options, pattern] of cases) {
      await assert.rejects(
        loadActivations(options),
        (e) => e instanceof ActivationError && pattern.test(e.message),
        String(options),
      );
    }
  });

  test('polluted prototypes change nothing', () => {
    assert.equal(api.evaluate('elu', [-1]).f[0], Math.expm1(-1)); // alpha stays 1
    assert.equal(api.probeNetwork({ depth: 2 }).layers.length, 2);
    const t = api.createTrainer({});
    assert.equal(t.options.dataset, 'circle');
    assert.equal(t.options.learningRate, 0.03);
    t.dispose();
    assert.equal(api.softmax([0, 0])[0], 0.5);
    // An inherited out is no out: the result is a new array.
    assert.ok(api.evaluateF('relu', new Float32Array([1]), {}, {}) instanceof Float32Array);
  });
});

// A getter on the options runs the caller's code in the middle of a call: it may call the API
// again, or detach an array whose length was already read.
describe("the caller's code in the middle of a call", () => {
  const z = [-2, -1, 0, 1, 2];
  const sigmoid = z.map((v) => 1 / (1 + Math.exp(-v)));
  const close = (got, want, tol) =>
    want.forEach((w, i) => assert.ok(Math.abs(got[i] - w) <= tol * Math.abs(w), `${got[i]}`));

  for (const Type of [Float32Array, Float64Array]) {
    const tol = Type === Float32Array ? 4 * 2 ** -24 : 4 * 2 ** -53;
    test(`an out getter that calls the API, or fails inside it, changes nothing (${Type.name})`, () => {
      const nested = [
        () => api.evaluate('relu', new Type(1)),
        () => api.evaluateF('elu', new Type(2), { alpha: 3 }),
        () => {
          try {
            api.evaluate('elu', new Type(1), { alpha: -1 });
          } catch {
            // The inner call's own error, caught by the caller.
          }
        },
      ];
      for (const inner of nested) {
        const options = {
          get out() {
            inner();
            return undefined;
          },
        };
        close(api.evaluate('sigmoid', new Type(z), {}, options).f, sigmoid, tol);
        close(api.evaluateF('sigmoid', new Type(z), {}, options), sigmoid, tol);
      }
    });

    test(`a getter that detaches z or an out names the array (${Type.name})`, () => {
      const detach = (a) => structuredClone(a.buffer, { transfer: [a.buffer] });
      const zz = new Type(z);
      assert.throws(
        () =>
          api.evaluate(
            'relu',
            zz,
            {},
            {
              get out() {
                detach(zz);
                return undefined;
              },
            },
          ),
        (e) =>
          e instanceof ActivationError &&
          e.culprit === 'z' &&
          /evaluate: z went from 5 to 0 elements while the parameters and options were read/.test(
            e.message,
          ),
      );
      const f = new Type(5);
      const out = {
        f,
        get df() {
          detach(f);
          return new Type(5);
        },
      };
      assert.throws(
        () => api.evaluate('relu', new Type(z), {}, { out }),
        (e) =>
          e instanceof ActivationError &&
          e.culprit === 'out.f' &&
          /out\.f went from 5 to 0/.test(e.message),
      );
    });
  }

  test('evaluateF on the float64 path with out allocates no array after the first call', () => {
    const n = 70_000; // more than a chunk
    const z64 = new Float64Array(n).fill(0.5);
    const out = new Float64Array(n);
    api.evaluateF('sigmoid', z64, {}, { out });
    const Original = globalThis.Float64Array;
    let allocations = 0;
    globalThis.Float64Array = new Proxy(Original, {
      construct(target, args) {
        if (typeof args[0] === 'number' && args[0] > 0) allocations += 1;
        return Reflect.construct(target, args);
      },
    });
    try {
      for (let i = 0; i < 5; i++) api.evaluateF('sigmoid', z64, {}, { out });
    } finally {
      globalThis.Float64Array = Original;
    }
    assert.equal(allocations, 0);
    assert.equal(out[n - 1], 1 / (1 + Math.exp(-0.5)));
  });

  test('float32 calls with parameters leave the allocator as they found it', () => {
    const calls = [
      () => api.evaluate('elu', new Float32Array(3), { alpha: 1.5 }),
      () => api.evaluateF('leaky_relu', new Float32Array(3), { negative_slope: 0.1 }),
      () => api.evaluate('threshold', new Float32Array(3), { threshold: 1, default_value: 2 }),
      () => api.evaluate('swish', new Float32Array(3)),
      () => api.evaluate('gelu', new Float32Array(3), { approximate: true }),
    ];
    for (const call of calls) call();
    const inUse = api.memoryUsage().inUseBytes;
    for (let i = 0; i < 20; i++) {
      for (const call of calls) {
        call();
        assert.equal(api.memoryUsage().inUseBytes, inUse);
      }
    }
  });
});
