// The charts' CSV (web/app/ui/csv.js), from stand-ins for Chart.js charts: plain module, no DOM.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { chartCsv } from '../../web/app/ui/csv.js';

const chartOf = (datasets) => ({
  data: { datasets },
  isDatasetVisible: () => true,
  options: { scales: { x: { title: { text: 'z' } } } },
  scales: { x: { type: 'linear' } },
});

test('a float32 curve gets the digits float32 holds; a double curve keeps all of its own', () => {
  const z32 = Float32Array.from([-2.4666666666666667, 0, 1 / 3]);
  const f32 = Float32Array.from([0.07822825715951336, 0.5, 0.5825702064623147]);
  const lines = chartCsv(
    chartOf([
      { label: 'f', data: [...z32].map((x, i) => ({ x, y: f32[i] })) },
      { label: 'doble', data: [...z32].map((x) => ({ x, y: x / 3 })) },
    ]),
  )
    .slice(1)
    .split('\r\n');
  assert.equal(lines[0], 'z,f,doble');
  const [z, f, d] = lines[1].split(',');
  // −2.4666667 is the float32 nearest −2.4666…; its double expansion is −2.4666666984558105.
  assert.equal(z, '-2.4666667');
  assert.equal(f, '0.07822826');
  assert.equal(Math.fround(Number(f)), f32[0]);
  assert.equal(d, String(z32[0] / 3));
  assert.equal(lines[2], '0,0.5,0');
});

test('for a spreadsheet in Spanish: «;» between fields, a decimal comma, text left as it is', () => {
  const chart = chartOf([
    {
      label: 'f',
      data: [
        { x: -2.5, y: 1e-7 },
        { x: 0, y: 0.5 },
      ],
    },
    { label: 'g; h', data: [{ x: -2.5, y: -0.25 }] },
  ]);
  const [header, ...rows] = chartCsv(chart, { note: 'α = 1,5', spanish: true })
    .slice(1)
    .split('\r\n');
  assert.equal(header, 'z;f · α = 1,5;"g; h · α = 1,5"');
  assert.deepEqual(rows, ['-2,5;1e-7;-0,25', '0;0,5;', '']);
  // The default dialect quotes the comma in the note, and not the semicolon.
  assert.equal(
    chartCsv(chart, { note: 'α = 1,5' }).slice(1).split('\r\n')[0],
    'z,"f · α = 1,5","g; h · α = 1,5"',
  );
});
