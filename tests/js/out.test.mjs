// The `out` option of evaluate() and evaluateF(): results written into the caller's arrays are
// the same bits as new arrays would hold, on both paths (float64 and float32), across chunk
// boundaries, in place, and when the output overlaps z in the same buffer at another offset.
// Bad outputs get errors in hostile-api.test.mjs.
import assert from 'node:assert/strict';
import { before, describe, test } from 'node:test';
import { API_URL } from './support/paths.mjs';

const { loadActivations } = await import(API_URL);
let api;
before(async () => {
  api = await loadActivations();
});

// Longer than both paths' chunks (2^15 floats, 2^16 doubles), with a ragged end.
const N = 150_001;

function inputs(Type, n = N) {
  const z = new Type(n);
  for (let i = 0; i < n; i++) z[i] = -12 + (24 * ((i * 7919) % n)) / n;
  return z;
}

const sameBits = (a, b, what) => {
  assert.equal(a.length, b.length, what);
  for (let i = 0; i < a.length; i++) {
    if (!Object.is(a[i], b[i])) assert.fail(`${what}: [${i}] is ${a[i]}, not ${b[i]}`);
  }
};

for (const Type of [Float32Array, Float64Array]) {
  describe(`out, ${Type.name}`, () => {
    const cases = [
      ['elu', { alpha: 1.5 }],
      ['sigmoid', {}],
      ['gelu', { approximate: true }],
    ];

    test('evaluateF writes f into out and returns out itself', () => {
      const z = inputs(Type);
      for (const [id, params] of cases) {
        const want = api.evaluateF(id, z, params);
        const out = new Type(N).fill(NaN);
        const got = api.evaluateF(id, z, params, { out });
        assert.equal(got, out, id);
        sameBits(out, want, id);
      }
    });

    test('evaluate writes f and df into out.f and out.df', () => {
      const z = inputs(Type);
      for (const [id, params] of cases) {
        const want = api.evaluate(id, z, params);
        const out = { f: new Type(N), df: new Type(N) };
        const got = api.evaluate(id, z, params, { out });
        assert.equal(got.f, out.f);
        assert.equal(got.df, out.df);
        sameBits(out.f, want.f, `${id} f`);
        sameBits(out.df, want.df, `${id} df`);
      }
    });

    test('in place: out is z itself', () => {
      const z = inputs(Type);
      const want = api.evaluateF('tanh', z);
      api.evaluateF('tanh', z, {}, { out: z });
      sameBits(z, want, 'evaluateF in place');
      const y = inputs(Type);
      const both = api.evaluate('softplus', y);
      const df = new Type(N);
      api.evaluate('softplus', y, {}, { out: { f: y, df } });
      sameBits(y, both.f, 'f in place');
      sameBits(df, both.df, 'df beside it');
    });

    test('out overlapping z at another offset of the same buffer', () => {
      for (const shift of [1, -1, 40_000, -70_000]) {
        const buffer = new ArrayBuffer((N + 70_000) * Type.BYTES_PER_ELEMENT);
        const zAt = shift < 0 ? -shift : 0;
        const z = new Type(buffer, zAt * Type.BYTES_PER_ELEMENT, N);
        z.set(inputs(Type));
        const want = api.evaluate('selu', z.slice());
        const out = new Type(buffer, (zAt + shift) * Type.BYTES_PER_ELEMENT, N);
        api.evaluateF('selu', z, {}, { out });
        sameBits(out, want.f, `shift ${shift}`);
        // df overlapping z while f is apart.
        z.set(inputs(Type));
        const f = new Type(N);
        api.evaluate('selu', z, {}, { out: { f, df: out } });
        sameBits(f, want.f, `f, df shifted by ${shift}`);
        sameBits(out, want.df, `df shifted by ${shift}`);
      }
    });

    test('an out subclass with lying own properties still receives the results', () => {
      class Lying extends Type {
        set() {
          throw new Error('set was called');
        }
      }
      const out = new Lying(5);
      Object.defineProperty(out, 'length', { value: 99 });
      const z = Type.from([-2, -1, 0, 1, 2]);
      api.evaluateF('relu', z, {}, { out });
      sameBits(Type.from(out), Type.from([0, 0, 0, 1, 2]), 'relu');
    });

    test('empty z with an empty out', () => {
      const out = new Type(0);
      assert.equal(api.evaluateF('relu', new Type(0), {}, { out }), out);
    });
  });
}
