// The charts' text summaries (web/app/summaries.js), from synthetic curves: plain modules, no DOM.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { describeFunction } from '../../web/app/summaries.js';

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
