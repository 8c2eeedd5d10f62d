// The charts' text summaries (web/app/summaries.js), from synthetic curves: plain modules, no DOM.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { describeFunction, describeParams } from '../../web/app/summaries.js';

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
    'umbral = 0,5, valor = −1',
  );
  assert.equal(describeParams([{ name: 'alpha', type: 'number' }], { alpha: 1.5 }), 'α = 1,5');
});
