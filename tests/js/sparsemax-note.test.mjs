// The sparsemax lab's remarks under its Jacobian (sparsemax-note.js), against the outputs the core
// gives: which classes are in the support, and which logits sit on the threshold τ.
import assert from 'node:assert/strict';
import { before, test } from 'node:test';
import { sparsemaxRemarks, sparsemaxState } from '../../web/app/sections/sparsemax-note.js';
import { API_URL } from './support/paths.mjs';

const { loadActivations } = await import(API_URL);
let api;
before(async () => {
  api = await loadActivations();
});

const remarks = (logits, t = 1) => sparsemaxRemarks(logits, t, api.sparsemax(logits, t));

test('one class in the support: the whole Jacobian is 0, and it says why', () => {
  assert.equal(
    remarks([3, 0, 0]),
    'Ahora el soporte es solo la clase 1 (k = 1): su probabilidad es 1, la de las demás es 0, y ' +
      'eso no cambia si los logits se mueven un poco; por eso toda la jacobiana es 0.',
  );
  assert.ok(Array.from(api.sparsemaxJacobian([3, 0, 0], 1)).every((v) => v === 0));
});

test('a logit exactly on the threshold is named, with the side the table gives', () => {
  // τ = 1: z₂ = 1 is on it. 1,3 − 1 is not 0,3 in binary, and still counts as on it.
  for (const [logits, t] of [
    [[2, 1, 0.1], 1],
    [[1.3, 0.3, 0], 1],
    [[4, 2, 0.2], 2],
  ]) {
    const text = remarks(logits, t);
    assert.match(text, /k = 1/, `${logits}`);
    assert.match(
      text,
      /El logit z₂ está justo en el umbral τ, una esquina de sparsemax: la tabla da la derivada si baja; si sube, su clase entra en el soporte/,
      `${logits}`,
    );
  }
  assert.match(
    remarks([2, 1, 1]),
    /Los logits z₂ y z₃ están justo en el umbral τ.*si bajan; si suben, sus clases entran/,
  );
});

test('off the threshold, only the size of the support', () => {
  assert.equal(remarks([2, 1.1, 0.1]), 'Ahora hay k = 2 clases en el soporte.');
  assert.equal(remarks([0, 0, 0, 0]), 'Ahora hay k = 4 clases en el soporte.');
  assert.equal(remarks([1, 0.9, 0]), 'Ahora hay k = 2 clases en el soporte.');
});

test('a class in the support by a rounding error is the other side of the corner', () => {
  // As if rounding had left z₂'s probability at 1e-17 instead of 0.
  const state = sparsemaxState([2, 1, 0.1], 1, [1 - 1e-17, 1e-17, 0]);
  assert.deepEqual(state, { support: [0, 1], enteringAbove: [], leavingBelow: [1] });
  assert.match(
    sparsemaxRemarks([2, 1, 0.1], 1, [1 - 1e-17, 1e-17, 0]),
    /El logit z₂ está justo en el umbral τ.*la derivada si sube; si baja, su clase sale del soporte/,
  );
});
