// The WASM core through the JS API: the same mpmath references as the C++ suite (within 4 ULP),
// and the native build's own values on the same points (within 2 ULP: the libm differ).
import assert from 'node:assert/strict';
import { before, describe, test } from 'node:test';
import { API_URL } from './support/paths.mjs';
import { groupBy, readElementwise, readVector, ulpDistance } from './support/reference.mjs';

const { loadActivations } = await import(API_URL);
const MAX_ULP_TRUTH = 4;
const MAX_ULP_NATIVE = 2;

let api;
before(async () => {
  api = await loadActivations();
});

function worstUlp(got, want) {
  let worst = 0;
  let at = -1;
  for (let i = 0; i < want.length; i++) {
    const u = ulpDistance(got[i], want[i]);
    if (u > worst) [worst, at] = [u, i];
  }
  return { worst, at };
}

const truth = groupBy(readElementwise(), (r) => `${r.id} ${r.paramsText}`);
const native = groupBy(readElementwise('native-elementwise.tsv'), (r) => `${r.id} ${r.paramsText}`);

describe('elementwise functions in wasm', () => {
  for (const [name, rows] of truth) {
    test(`${name}: f and f′ within ${MAX_ULP_TRUTH} ULP of mpmath, ${MAX_ULP_NATIVE} of native`, (t) => {
      const z = rows.map((r) => r.z);
      const { f, df } = api.evaluate(rows[0].id, z, rows[0].params);
      const nat = native.get(name);
      assert.equal(nat.length, rows.length);
      for (const [label, got, want, limit] of [
        ['f vs mpmath', f, rows.map((r) => r.f), MAX_ULP_TRUTH],
        ['df vs mpmath', df, rows.map((r) => r.df), MAX_ULP_TRUTH],
        ['f vs native', f, nat.map((r) => r.f), MAX_ULP_NATIVE],
        ['df vs native', df, nat.map((r) => r.df), MAX_ULP_NATIVE],
      ]) {
        const { worst, at } = worstUlp(got, want);
        t.diagnostic(`${label}: max ${worst} ULP`);
        assert.ok(
          worst <= limit,
          `${name} ${label}: ${worst} ULP at z=${z[at]} (got ${got[at]}, want ${want[at]})`,
        );
      }
    });
  }
});

const VECTOR_API = {
  softmax: ['softmax', 'softmaxJacobian'],
  log_softmax: ['logSoftmax', 'logSoftmaxJacobian'],
  sparsemax: ['sparsemax', 'sparsemaxJacobian'],
};

describe('vector functions in wasm', () => {
  const cases = groupBy(readVector(), (c) => c.id);
  const nativeCases = groupBy(readVector('native-vector.tsv'), (c) => c.id);

  for (const [id, [apply, jacobian]] of Object.entries(VECTOR_API)) {
    test(`${id}: output and Jacobian within 4 ULP of mpmath and 2 of native`, () => {
      const mine = cases.get(id);
      assert.ok(mine.length > 100);
      mine.forEach((c, k) => {
        const y = api[apply](c.logits, c.temperature);
        const j = api[jacobian](c.logits, c.temperature);
        const where = `logits=${c.logits.slice(0, 4)}… T=${c.temperature}`;
        assert.ok(worstUlp(y, c.output).worst <= MAX_ULP_TRUTH, `${id} ${where}`);
        assert.ok(worstUlp(j, c.jacobian).worst <= MAX_ULP_TRUTH, `${id} jacobian ${where}`);
        const nat = nativeCases.get(id)[k];
        assert.ok(worstUlp(y, nat.output).worst <= MAX_ULP_NATIVE, `native ${id} ${where}`);
        assert.ok(worstUlp(j, nat.jacobian).worst <= MAX_ULP_NATIVE, `native J ${id} ${where}`);
      });
    });
  }
});
