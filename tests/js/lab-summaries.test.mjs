// The network labs' sentences (network-summaries.js) at their edges: one layer, a gradient that
// is exactly 0 by the first layer, and one far below float32's range.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { formatNumber } from '../../web/app/format.js';
import { describeGradients, describeSelu } from '../../web/app/network-summaries.js';

const run = (id, norms) => ({
  id,
  result: { layers: norms.map((gradientNorm) => ({ gradientNorm })) },
});

test('the gradient lab compares the ends, and says when the gradient has become 0', () => {
  const text = describeGradients(
    [run('relu', [0, 1e-30, 0.02]), run('sigmoid', [2.6e-61, 0.5, 0.25])],
    3,
  );
  assert.equal(
    text,
    'Con ReLU, el gradiente se anula por el camino: en la capa 1 es 0; con la sigmoide, el ' +
      'gradiente en la capa 1 es del orden de 10⁻⁶⁰ veces el de la capa 3.',
  );
  assert.match(
    describeGradients([run('tanh', [0, 0])], 2),
    /^Con la tangente hiperbólica, el gradiente ya es 0 en la capa 2\.$/,
  );
  assert.match(
    describeGradients([run('tanh', [0.3])], 1),
    /^Con una sola capa, el gradiente no atraviesa ninguna otra/,
  );
});

test('the gradient lab gives a ratio as it is up to 10³, an order of magnitude past it', () => {
  const ratio = (first) => describeGradients([run('relu', [first, 1])], 2);
  assert.match(ratio(45.6), / es 45,6 veces /, 'not «10²», which reads as 100');
  assert.match(ratio(1.035), / es 1,04 veces /, 'not «1 veces»');
  assert.match(ratio(0.0345), / es 0,0345 veces /);
  assert.match(ratio(2.5e-18), / es del orden de 10⁻¹⁸ veces /);
  assert.match(ratio(3.1e5), / es del orden de 10⁵ veces /);
  // The exponential overflows float32 within a few layers: NaN, not a ratio.
  assert.match(
    describeGradients([run('exponential', [NaN, NaN])], 2),
    /^Con la exponencial, la red se desborda: sus valores dejan de ser números finitos/,
  );
});

test('the gradient lab says what its units chart shows: the most saturated and dead units', () => {
  const layer = (saturated, dead, mean = 0) => ({ gradientNorm: 1, mean, std: 1, saturated, dead });
  const text = describeGradients(
    [
      { id: 'sigmoid', result: { layers: [layer(0.0004, 0), layer(0.123, 0), layer(0.05, 0)] } },
      { id: 'relu', result: { layers: [layer(0, 0.25), layer(0, 0.0002), layer(0, 0.5)] } },
      // Overflowed layers have no fractions: only the first counts.
      { id: 'exponential', result: { layers: [layer(0.02, 0), layer(NaN, NaN, NaN)] } },
    ],
    3,
  );
  assert.match(
    text,
    / Unidades por capa: con la sigmoide, hasta el 12 % saturadas \(capa 2\) y ninguna muerta; con ReLU, ninguna saturada y hasta el 50 % muertas \(capa 3\); con la exponencial, hasta el 2 % saturadas \(capa 1\) y ninguna muerta\.$/,
  );
});

test('the SELU lab speaks of one layer as one, and never shows «−0»', () => {
  const text = describeSelu({ layers: [{ mean: -0.001, std: 0.98 }] }, []);
  assert.match(text, /En su única capa, la media es 0 y la desviación típica 0,98\.$/);
  assert.doesNotMatch(text, /las 1 capas|−0\b/);
  const two = describeSelu(
    {
      layers: [
        { mean: -0.004, std: 1 },
        { mean: 0.02, std: 1.01 },
      ],
    },
    [],
  );
  assert.match(two, /En las 2 capas, la media va de 0 a 0,02/);
  assert.equal(formatNumber(-0.001, 2), '0');
  assert.equal(formatNumber(-0), '0');
  assert.equal(formatNumber(-1.25, 2), '−1,25');
});

test('the SELU lab tells layers still coming back from those that never will', () => {
  const layers = (stds) => ({ layers: stds.map((std) => ({ mean: 0.01, std })) });
  // Raw inputs through a few layers: the deviation falls towards 1 but is not there yet.
  const coming = describeSelu(layers([3.2, 2.57, 2.19, 1.24]), ['entradas sin estandarizar']);
  assert.match(coming, /vuelven hacia esos valores, pero despacio: en la capa 4 la media aún es/);
  assert.match(coming, /la desviación típica 1,24, y harían falta más capas/);
  assert.doesNotMatch(coming, /no vuelven/);
  // He normal: the deviation keeps growing.
  const away = describeSelu(layers([1.2, 1.5, 2.1, 2.9]), ['otra inicialización']);
  assert.match(away, /ya no se autonormaliza: las capas se alejan .* y no vuelven/);
  // One layer cannot show whether the next ones come back.
  const one = describeSelu(layers([3.2]), ['entradas sin estandarizar']);
  assert.match(one, /^Con una sola capa, SELU se aparta .*; sube la profundidad para ver si/);
  // Both ends of a range that read the same are said once.
  const still = describeSelu(layers([1, 1.01]), []);
  assert.match(still, /la media se queda en 0,01 y la desviación típica va de 1 a 1,01\.$/);
});

test('a gradient ratio that rounds to 1 is said to be the same, not «1 veces»', () => {
  assert.equal(
    describeGradients([run('relu', [0.5002, 0.5])], 2),
    'Con ReLU, el gradiente en la capa 1 es prácticamente igual al de la capa 2.',
  );
});
