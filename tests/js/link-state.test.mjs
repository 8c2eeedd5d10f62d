// How a link's state is read, as a teacher may write it by hand: the query of embed.html and the
// values of a section (decimal commas, unknown names, repeated keys, «&amp;» copied from HTML).
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { embedPlan } from '../../web/app/embed/query.js';
import { choiceProp, numberProp } from '../../web/app/state/props.js';
import { createStore } from '../../web/app/state/store.js';

const PAGE = {
  sections: [
    { anchor: 'elu', fn: 'elu' },
    { anchor: 'softmax', fn: 'softmax' },
    { anchor: 'otras-funciones' },
  ],
  cards: ['celu'],
};

/** The notes and values a section gets from `params` (pairs without the section's prefix). */
function readSection(params, props) {
  const store = createStore({
    initial: {
      anchor: 'elu',
      params: new URLSearchParams(params.map(([k, v]) => [`elu.${k}`, v])),
    },
    persist: false,
  });
  const values = {};
  store.register('elu', props, values, () => {});
  return { values, notes: store.notes() };
}

const ALPHA = numberProp('alpha', { min: 0.1, max: 3, step: 0.1, fallback: 1.5 });

test('a decimal comma is read as a Spanish reader means it, and kept without a note', () => {
  assert.equal(ALPHA.parse('2,5'), 2.5);
  assert.equal(ALPHA.parse('-0,5'), 0.1); // clamped, as -0.5 is
  assert.ok(Number.isNaN(Number('2,5')), 'the browser alone would drop it');
  const { values, notes } = readSection([['alpha', '2,5']], [ALPHA]);
  assert.equal(values.alpha, 2.5);
  assert.deepEqual(notes, []);
  // Still noted: a value clamped or snapped, and one that is not a number at all.
  for (const text of ['9', '2,55', '2,5,1', 'dos']) {
    assert.equal(readSection([['alpha', text]], [ALPHA]).notes.length, 1, text);
  }
});

test('an unknown name in a link is told which names there are', () => {
  const props = [ALPHA, numberProp('zmin', { min: -10, max: 0, step: 0.5, fallback: -5 })];
  const [note] = readSection([['alfa', '2']], props).notes;
  assert.deepEqual(note, {
    key: 'elu.alfa',
    text: '2',
    reason: 'unknown',
    hint: '; los que hay: alpha, zmin',
  });
  // A gallery card's key is told its card's names, not every card's.
  const card = [numberProp('celu.alpha', ALPHA), choiceProp('filtro', ['todas'], 'todas')];
  assert.equal(readSection([['celu.alfa', '2']], card).notes[0].hint, '; los que hay: alpha');
});

test('embed.html reads a src copied from the iframe code, «&amp;» and all', () => {
  const plan = embedPlan('?fn=celu&amp;alpha=2&amp;id=marco', PAGE);
  assert.equal(plan.card, 'celu');
  assert.equal(plan.frameId, 'marco');
  assert.equal(plan.params.get('otras-funciones.celu.alpha'), '2');
  assert.deepEqual(plan.notes, []);
});

test('embed.html names the repeated value it drops, not the one it keeps', () => {
  const plan = embedPlan('?fn=elu&fn=relu', PAGE);
  assert.equal(plan.anchor, 'elu');
  assert.deepEqual(plan.notes, [{ key: 'fn', text: 'relu', reason: 'repeated' }]);
});

test('embed.html without a target names the keys it got instead', () => {
  assert.match(
    embedPlan('?seccion=softmax', PAGE).error,
    /^Falta indicar qué mostrar: .* La dirección trae «seccion», que no es ninguna de las tres\.$/,
  );
  assert.equal(
    embedPlan('', PAGE).error,
    'Falta indicar qué mostrar: añade ?fn=, ?section= o ?lab= a la dirección.',
  );
});

test('embed.html: figura= picks one of its section’s figures, never another section’s', () => {
  const page = {
    ...PAGE,
    sections: [...PAGE.sections, { anchor: 'comparacion' }],
    figures: [
      { anchor: 'comparacion', key: 'funciones' },
      { anchor: 'comparacion', key: 'derivadas' },
    ],
  };
  const plan = embedPlan('?section=comparacion&figura=derivadas&figura=funciones', page);
  assert.equal(plan.figure, 'derivadas');
  // figura= is the frame's, not the section's state.
  assert.equal(plan.params.get('comparacion.figura'), null);
  assert.deepEqual(plan.notes, [{ key: 'figura', text: 'funciones', reason: 'repeated' }]);
  assert.equal(embedPlan('?section=comparacion', page).figure, null);
  const wrong = embedPlan('?section=comparacion&figura=Derivadas', page);
  assert.equal(wrong.figure, null);
  assert.deepEqual(wrong.notes, [
    {
      key: 'figura',
      text: 'Derivadas',
      reason: 'ignored',
      hint: '; las que hay: funciones, derivadas',
    },
  ]);
  for (const query of ['?fn=elu&figura=derivadas', '?fn=celu&figura=funciones']) {
    const elsewhere = embedPlan(query, page);
    assert.equal(elsewhere.figure, null, query);
    assert.equal(elsewhere.notes[0].hint, '; solo vale con section=comparacion', query);
  }
});
