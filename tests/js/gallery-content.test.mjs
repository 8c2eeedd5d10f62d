// The gallery's content module: every card complete and in order, every formula rendered by
// KaTeX in strict mode, every code tab present, and every framework overlay accepted by the core.
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { before, describe, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import katex from 'katex';
import { FAMILIES, GALLERY } from '../../web/content/gallery.es.js';
import { LESSON_CODE, LESSON_FRAMEWORKS } from '../../web/content/lesson-code.es.js';

const API = new URL('../../dist/lib/activations.js', import.meta.url);

const GALLERY_IDS = [
  ...['gelu', 'silu', 'mish', 'leaky_relu', 'relu6', 'hard_sigmoid', 'hard_silu', 'hard_tanh'],
  ...['log_sigmoid', 'celu', 'squareplus', 'sparse_plus', 'sparse_sigmoid', 'soft_shrink'],
  ...['hard_shrink', 'tanh_shrink', 'threshold', 'linear'],
];
const LESSON_IDS = [
  ...['sigmoid', 'tanh', 'relu', 'elu', 'selu', 'softmax', 'softsign', 'softplus'],
  'exponential',
];
const CODE_TABS = ['keras', 'pytorch', 'tfjs', 'numpy'];
const CARD_FIELDS = [
  ...['id', 'name', 'families', 'z', 'f', 'df', 'use', 'differs', 'variants', 'conventions'],
  'code',
];
// Activation names accepted as strings, from keras/src/activations/__init__.py (ALL_OBJECTS_DICT)
// and tfjs-layers' ActivationIdentifier (4.22).
const KERAS_STRINGS = new Set([
  ...['relu', 'leaky_relu', 'relu6', 'softmax', 'celu', 'elu', 'selu', 'softplus', 'softsign'],
  ...['squareplus', 'soft_shrink', 'sparse_plus', 'silu', 'gelu', 'glu', 'tanh', 'tanh_shrink'],
  ...['threshold', 'sigmoid', 'sparse_sigmoid', 'exponential', 'hard_sigmoid', 'hard_silu'],
  ...['hard_tanh', 'hard_shrink', 'linear', 'mish', 'log_softmax', 'log_sigmoid', 'sparsemax'],
  ...['swish', 'hard_swish'],
]);
const TFJS_STRINGS = new Set([
  ...['elu', 'hardSigmoid', 'linear', 'relu', 'relu6', 'selu', 'sigmoid', 'softmax', 'softplus'],
  ...['softsign', 'tanh', 'swish', 'mish', 'gelu', 'gelu_new'],
]);

const isPlainObject = (v) => v !== null && typeof v === 'object' && !Array.isArray(v);
const nonEmptyString = (v) => typeof v === 'string' && v.trim().length > 0;

function renders(tex, where) {
  assert.equal(typeof tex, 'string', `${where} is a string`);
  assert.doesNotThrow(
    () => katex.renderToString(tex, { displayMode: true, throwOnError: true, strict: 'error' }),
    `${where} renders with KaTeX in strict mode`,
  );
}

function checkCode(code, where) {
  assert.ok(isPlainObject(code), `${where} is an object`);
  assert.deepEqual(Object.keys(code).sort(), [...CODE_TABS].sort(), `${where} has the four tabs`);
  for (const tab of CODE_TABS) {
    const snippet = code[tab];
    assert.ok(nonEmptyString(snippet), `${where}.${tab} is a non-empty string`);
    const lines = snippet.trim().split('\n').length;
    assert.ok(lines >= 2 && lines <= 6, `${where}.${tab} has 2–6 lines, got ${lines}`);
  }
  assert.match(code.keras, /^import keras$/m, `${where}.keras imports keras`);
  assert.match(code.pytorch, /^import torch$/m, `${where}.pytorch imports torch`);
  assert.match(
    code.tfjs,
    /^import \* as tf from '@tensorflow\/tfjs';$/m,
    `${where}.tfjs imports @tensorflow/tfjs`,
  );
  assert.match(code.numpy, /^import numpy as np$/m, `${where}.numpy imports numpy`);
  for (const [, name] of code.keras.matchAll(/activation="([^"]+)"/g)) {
    assert.ok(KERAS_STRINGS.has(name), `${where}.keras: "${name}" is a Keras 3 activation name`);
  }
  for (const [, name] of code.tfjs.matchAll(/activation: '([^']+)'/g)) {
    assert.ok(TFJS_STRINGS.has(name), `${where}.tfjs: '${name}' is a TF.js activation name`);
  }
}

function checkVariant(v, where) {
  assert.ok(isPlainObject(v), `${where} is an object`);
  for (const key of Object.keys(v)) {
    assert.ok(
      ['label', 'short', 'params', 'scale'].includes(key),
      `${where} has no unknown key ${key}`,
    );
  }
  assert.ok(nonEmptyString(v.label), `${where}.label`);
  // The chart's legend does not wrap: at 375 px a label longer than this runs off the canvas.
  const inLegend = v.short ?? v.label;
  assert.ok(inLegend.length <= 28, `${where}: «${inLegend}» is too long for the chart's legend`);
  assert.ok(isPlainObject(v.params), `${where}.params is an object`);
  if ('scale' in v) {
    assert.ok(Number.isFinite(v.scale) && v.scale > 0, `${where}.scale is a positive number`);
  }
}

function checkConvention(c, where) {
  assert.ok(isPlainObject(c), `${where} is an object`);
  // `side` picks a one-sided limit of a jump of f′; `value` is a framework's own number where
  // f′ has no jump (Keras's CELU′(0) = 2).
  const keys = Object.keys(c).sort();
  assert.ok(
    ['at,label,side', 'at,label,value'].includes(keys.join()),
    `${where} keys: ${keys.join()}`,
  );
  assert.ok(nonEmptyString(c.label), `${where}.label`);
  assert.ok(Number.isFinite(c.at), `${where}.at is a finite number`);
  if ('side' in c) {
    assert.ok(c.side === 'left' || c.side === 'right', `${where}.side is left or right`);
  } else {
    assert.ok(Number.isFinite(c.value), `${where}.value is a finite number`);
  }
}

describe('FAMILIES', () => {
  test('names the five families in Spanish', () => {
    assert.deepEqual(Object.keys(FAMILIES), ['relu', 'sigmoid', 'smooth', 'sparse', 'shrink']);
    for (const label of Object.values(FAMILIES)) assert.ok(nonEmptyString(label));
  });
});

describe('GALLERY', () => {
  test('has one card per added elementwise function, in order', () => {
    assert.deepEqual(
      GALLERY.map((card) => card.id),
      GALLERY_IDS,
    );
  });

  test('every card has every field, with the right type', () => {
    for (const card of GALLERY) {
      const where = `card ${card.id}`;
      const fields = Object.keys(card).filter((k) => k !== 'en');
      assert.deepEqual(fields.sort(), [...CARD_FIELDS].sort(), `${where} fields`);
      assert.ok(nonEmptyString(card.name), `${where}.name`);
      // The English gloss in a title is marked as English: `en` names it, once, in brackets.
      if (card.en !== undefined) assert.ok(card.name.endsWith(` (${card.en})`), `${where}.en`);
      assert.ok(Array.isArray(card.families) && card.families.length > 0, `${where}.families`);
      assert.equal(new Set(card.families).size, card.families.length, `${where}: no repeats`);
      for (const family of card.families) {
        assert.ok(Object.hasOwn(FAMILIES, family), `${where}: family ${family} is known`);
      }
      assert.ok(Array.isArray(card.z) && card.z.length === 2, `${where}.z is a pair`);
      assert.ok(card.z.every(Number.isFinite) && card.z[0] < card.z[1], `${where}.z ascending`);
      assert.ok(nonEmptyString(card.use), `${where}.use`);
      assert.ok(card.differs === null || nonEmptyString(card.differs), `${where}.differs`);
      assert.ok(Array.isArray(card.variants), `${where}.variants`);
      card.variants.forEach((v, i) => checkVariant(v, `${where}.variants[${i}]`));
      assert.ok(Array.isArray(card.conventions), `${where}.conventions`);
      card.conventions.forEach((c, i) => checkConvention(c, `${where}.conventions[${i}]`));
    }
  });

  test('every f and df renders with KaTeX (display mode, strict)', () => {
    for (const card of GALLERY) {
      renders(card.f, `${card.id}.f`);
      renders(card.df, `${card.id}.df`);
    }
  });

  test('every card has the four code tabs', () => {
    for (const card of GALLERY) checkCode(card.code, `${card.id}.code`);
  });
});

describe('LESSON_CODE', () => {
  test('has the four code tabs for each of the lesson functions', () => {
    assert.deepEqual(Object.keys(LESSON_CODE), LESSON_IDS);
    for (const id of LESSON_IDS) checkCode(LESSON_CODE[id], `LESSON_CODE.${id}`);
  });
});

describe('LESSON_FRAMEWORKS', () => {
  test('covers ELU and SELU with the card fields', () => {
    assert.deepEqual(Object.keys(LESSON_FRAMEWORKS).sort(), ['elu', 'selu']);
    for (const [id, notes] of Object.entries(LESSON_FRAMEWORKS)) {
      assert.ok(LESSON_IDS.includes(id), `${id} is a lesson function`);
      assert.deepEqual(Object.keys(notes).sort(), ['conventions', 'differs', 'variants']);
      assert.ok(nonEmptyString(notes.differs), `${id}.differs`);
      assert.ok(Array.isArray(notes.variants), `${id}.variants`);
      notes.variants.forEach((v, i) => checkVariant(v, `${id}.variants[${i}]`));
      assert.ok(Array.isArray(notes.conventions), `${id}.conventions`);
      notes.conventions.forEach((c, i) => checkConvention(c, `${id}.conventions[${i}]`));
    }
  });
});

describe('against the core', () => {
  let api;
  before(async () => {
    assert.ok(
      existsSync(fileURLToPath(API)),
      'dist/lib/activations.js is missing: build it with `cmake --build --preset wasm`',
    );
    const { loadActivations } = await import(API);
    api = await loadActivations();
  });

  const overlays = () => [
    ...GALLERY.map((card) => [card.id, card]),
    ...Object.entries(LESSON_FRAMEWORKS),
  ];

  test('every card is an elementwise function of the registry', () => {
    const kinds = new Map(api.list().map((spec) => [spec.id, spec.kind]));
    for (const card of GALLERY) assert.equal(kinds.get(card.id), 'elementwise', card.id);
  });

  test("every variant's parameters are accepted", () => {
    for (const [id, { variants }] of overlays()) {
      for (const v of variants) {
        assert.doesNotThrow(() => api.evaluate(id, [0.5], v.params), `${id}: ${v.label}`);
        const z = [-2, -0.5, 0.5, 2].map((t) => t * (v.scale ?? 1));
        const { f, df } = api.evaluate(id, z, v.params);
        assert.ok([...f, ...df].every(Number.isFinite), `${id}: ${v.label} is finite`);
      }
    }
  });

  test('the TF.js hard sigmoid overlay is 0.2z + 0.5 clipped to [0, 1]', () => {
    const card = GALLERY.find((c) => c.id === 'hard_sigmoid');
    const [variant] = card.variants;
    const zs = [-4, -2.5, -1, 0, 0.7, 2.5, 4];
    const { f } = api.evaluate(
      'hard_sigmoid',
      zs.map((z) => variant.scale * z),
      variant.params,
    );
    zs.forEach((z, i) => {
      const expected = Math.min(1, Math.max(0, 0.2 * z + 0.5));
      assert.ok(Math.abs(f[i] - expected) < 1e-12, `z = ${z}: ${f[i]} vs ${expected}`);
    });
  });

  test('every convention sits on a kink, or gives its own value, and differs from the core', () => {
    const specs = new Map(api.list().map((spec) => [spec.id, spec]));
    const h = 1e-7;
    for (const [id, { conventions }] of overlays()) {
      const spec = specs.get(id);
      const defaults = Object.fromEntries(spec.params.map((p) => [p.name, p.default]));
      const kinks = spec.kinks.map((k) => k.offset + k.factor * (k.param ? defaults[k.param] : 0));
      for (const c of conventions) {
        const [left, core, right] = api.evaluate(id, [c.at - h, c.at, c.at + h]).df;
        // A framework's own number where f′ is continuous (Keras's CELU′(0) = 2) needs no kink.
        if ('side' in c) {
          assert.ok(kinks.includes(c.at), `${id}: ${c.at} is one of the kinks ${kinks}`);
        } else {
          assert.ok(Math.abs(left - right) < 1e-5, `${id}: f′ is continuous at ${c.at}`);
        }
        const theirs = 'side' in c ? (c.side === 'left' ? left : right) : c.value;
        assert.ok(Math.abs(theirs - core) > 1e-3, `${id} at ${c.at}: ${c.label} differs`);
        // A label with a number ("PyTorch: −0,5", not "λα") says the chosen limit.
        const said = Number(c.label.split(': ')[1].replace('−', '-').replace(',', '.'));
        if (!Number.isNaN(said)) {
          assert.ok(Math.abs(said - theirs) < 1e-6, `${id} at ${c.at}: ${c.label} vs ${theirs}`);
        }
      }
    }
  });
});

test('legends and sentences name each function as its gallery card does', async () => {
  const { functionName } = await import('../../web/app/content/functions.es.js');
  for (const card of GALLERY) {
    // «Sigmoide dura (hard sigmoid)» on the card is «Sigmoide dura» in a legend, or the whole
    // name where the bracket is another name for it, as in «SiLU (swish)».
    const short = card.name.replace(/ \([^)]*\)$/, '');
    const names = [short, card.name].map((n) => n.toLowerCase());
    assert.ok(
      names.includes(functionName(card.id).toLowerCase()),
      `${card.id}: ${functionName(card.id)}`,
    );
  }
  assert.equal(functionName('hard_sigmoid', { inSentence: true }), 'la sigmoide dura');
  assert.equal(functionName('relu', { inSentence: true }), 'ReLU');
  assert.equal(functionName('tanh', { inSentence: true }), 'la tangente hiperbólica');
});
