// The two network labs: they draw from the worker, every control changes their charts, the
// sentence reads the numbers, and a heavy run in flight never blocks the page.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { useBrowser } from './support/harness.mjs';
import { nudge, renders, snapshot, waitForRender } from './support/lesson.mjs';

const ctx = useBrowser();
const GRADIENT = '#gradiente [data-lab]';
const SELU = '#autonormalizacion [data-lab]';
const GRADIENT_CHARTS = ['gradiente-norma', 'gradiente-unidades'];
const SELU_CHARTS = [
  'autonormalizacion-media',
  'autonormalizacion-desviacion',
  'autonormalizacion-histograma',
];

async function drawn(page, lab) {
  await page.waitForFunction(
    (s) => {
      const { renders, settled } = document.querySelector(s).dataset;
      return Number(renders ?? 0) > 0 && settled === '1';
    },
    lab,
    {
      timeout: 20000,
    },
  );
}

const snapshots = (page, keys) =>
  Promise.all(keys.map((k) => snapshot(page, k))).then((s) => s.join());

async function changes(page, lab, keys, act, what) {
  const before = await snapshots(page, keys);
  const count = await renders(page, lab);
  await act();
  await page.waitForFunction(
    // The full batch, not the quick preview that comes first.
    ([s, n]) => {
      const { renders, settled } = document.querySelector(s).dataset;
      return Number(renders ?? 0) > n && settled === '1';
    },
    [lab, count],
    {
      timeout: 20000,
    },
  );
  assert.ok((await snapshots(page, keys)) !== before, `${what} changed nothing`);
}

describe('the network labs', () => {
  test('draw the gradient and the self-normalisation from the worker', async () => {
    const page = await ctx.open('#gradiente');
    await drawn(page, GRADIENT);
    await drawn(page, SELU);
    const norms = await page.evaluate(() =>
      window.activaciones.charts['gradiente-norma'].data.datasets.map((d) => [
        d.label,
        d.data.length,
      ]),
    );
    // The log axis labels powers of ten at equal steps: 1, 10⁻³, 10⁻⁶…
    const labels = await page.evaluate(() =>
      window.activaciones.charts['gradiente-norma'].scales.y.ticks.map((t) => t.label),
    );
    const exponents = labels.map((l) =>
      l === '1' ? 0 : -Number([...l.slice(3)].map((c) => '⁰¹²³⁴⁵⁶⁷⁸⁹'.indexOf(c)).join('')),
    );
    assert.ok(labels.length >= 4 && labels.every((l) => /^(1|10⁻[⁰-⁹¹²³]+)$/.test(l)), labels);
    const steps = new Set(exponents.slice(1).map((e, i) => e - exponents[i]));
    assert.equal(steps.size, 1, labels.join(' '));
    assert.deepEqual(norms, [
      ['Sigmoide', 30],
      ['Tangente hiperbólica', 30],
      ['ReLU', 30],
      ['SELU', 30],
    ]);
    const sentence = await page.locator(`${GRADIENT} [data-summary]`).textContent();
    assert.match(
      sentence,
      /^Red de 30 capas de 128 unidades, inicialización Glorot uniforme\. Con la sigmoide, el gradiente en la capa 1 es del orden de 10⁻[⁰¹²³⁴⁵⁶⁷⁸⁹]+ veces el de la capa 30/,
    );
    assert.match(sentence, /con ReLU, el gradiente/);
    const selu = await page.locator(`${SELU} [data-summary]`).textContent();
    assert.match(selu, /^SELU se autonormaliza/);
    assert.deepEqual(await page.problems(), []);
    await page.close();
  });

  test('through 100 layers, sigmoid’s gradient, near 10⁻⁶³ at layer 1, is plotted all the way', async () => {
    const page = await ctx.open('#gradiente?gradiente.depth=100');
    await drawn(page, GRADIENT);
    const chart = await page.evaluate(() => {
      const c = window.activaciones.charts['gradiente-norma'];
      const { y } = c.scales;
      const sigmoid = c.data.datasets[0];
      const values = sigmoid.data.map((p) => p.y);
      const pixels = values.map((v) => y.getPixelForValue(v));
      return {
        label: sigmoid.label,
        ticks: y.ticks.map((t) => t.label),
        values,
        range: [y.min, y.max],
        inside: pixels.every((p) => p >= c.chartArea.top - 1 && p <= c.chartArea.bottom + 1),
      };
    });
    assert.equal(chart.label, 'Sigmoide');
    assert.equal(chart.values.length, 100);
    // Float32 used to round it to 0 from about layer 30 down, and the line stopped there.
    assert.ok(
      chart.values.every((v) => v > 0),
      'every layer has a gradient above 0',
    );
    assert.ok(chart.values[0] < 1e-50, `layer 1: ${chart.values[0]}`);
    const [min, max] = chart.range;
    assert.ok(min > 0 && min <= Math.min(...chart.values), `axis from ${min}`);
    assert.ok(max >= Math.max(...chart.values), `axis to ${max}`);
    assert.ok(chart.inside, 'every point is inside the plot');
    // Labels every 10 decades, not every 7 (10⁻⁷, 10⁻¹⁴…), which no one counts in.
    assert.deepEqual(chart.ticks, ['1', '10⁻¹⁰', '10⁻²⁰', '10⁻³⁰', '10⁻⁴⁰', '10⁻⁵⁰', '10⁻⁶⁰']);
    assert.match(
      await page.locator(`${GRADIENT} [data-summary]`).textContent(),
      /^Red de 100 capas de \d+ unidades, [^.]+\. Con la sigmoide, el gradiente en la capa 1 es del orden de 10⁻[⁵⁶][⁰¹²³⁴⁵⁶⁷⁸⁹] veces el de la capa 100;/,
    );
    assert.deepEqual(await page.problems(), []);
    await page.close();
  });

  test('an emptied slot leaves the other runs their colours and dashes', async () => {
    const style = (page) =>
      page.evaluate(() =>
        window.activaciones.charts['gradiente-norma'].data.datasets.map((d) => [
          d.label,
          d.borderColor,
          d.borderDash.join(' '),
        ]),
      );
    const page = await ctx.open('#gradiente');
    await drawn(page, GRADIENT);
    const all = await style(page);
    assert.equal(all.length, 4);
    await page.selectOption(`${GRADIENT} select[name="a2"]`, 'ninguna');
    await page.waitForFunction(
      () => window.activaciones.charts['gradiente-norma'].data.datasets.length === 3,
      null,
      { polling: 100 },
    );
    await drawn(page, GRADIENT);
    assert.deepEqual(await style(page), [all[0], all[2], all[3]]);
    assert.deepEqual(await page.problems(), []);
    await page.close();
  });

  test('a network that overflows shows no fraction of saturated or dead units past the overflow', async () => {
    const page = await ctx.open('#gradiente?gradiente.a1=exponential&gradiente.depth=10');
    await drawn(page, GRADIENT);
    const lines = await page.evaluate(() =>
      window.activaciones.charts['gradiente-unidades'].data.datasets
        .filter((d) => d.group === 'Exponencial')
        .map((d) => d.data.map((p) => p.y)),
    );
    assert.equal(lines.length, 2);
    for (const ys of lines) {
      // The first layers are finite; from the overflow on, a gap (it once read 0 and 0: healthy).
      assert.ok(Number.isFinite(ys[0]), ys.join());
      assert.ok(
        ys.slice(5).every((y) => y === null),
        ys.join(),
      );
    }
    assert.match(await page.locator('#gradiente [data-summary]').innerText(), /se desborda/);
    assert.deepEqual(await page.problems(), []);
    await page.close();
  });

  test('a network of one layer shows one point per run, on an axis of that one layer', async () => {
    // From 100 layers: the points' radius once stayed 0 when the depth went from 100 to 1.
    const page = await ctx.open('#gradiente?gradiente.depth=100&autonormalizacion.depth=100');
    // Each lab, and the chart of it that is checked.
    const labs = [
      [GRADIENT, 'gradiente-norma'],
      [SELU, 'autonormalizacion-media'],
    ];
    // Drawn at 100 layers, the quick preview at least (the full runs need not be waited for).
    await page.waitForFunction(
      (keys) =>
        keys.every((k) => window.activaciones.charts[k]?.data.datasets[0]?.data.length === 100),
      labs.map(([, key]) => key),
      { polling: 100, timeout: 20000 },
    );
    for (const [lab, key] of labs) {
      await page.locator(`${lab} input[name="depth"]`).fill('1');
      await page.waitForFunction(
        ([s, k]) =>
          document.querySelector(s).dataset.settled === '1' &&
          window.activaciones.charts[k].data.datasets[0]?.data.length === 1,
        [lab, key],
        { polling: 100, timeout: 20000 },
      );
    }
    for (const [, key] of labs) {
      const chart = await page.evaluate((k) => {
        const c = window.activaciones.charts[k];
        const x = c.scales.x;
        return {
          // The radius each drawn point was given, not what the dataset asked for.
          points: c.data.datasets.map((d, i) => {
            const drawnPoints = c.getDatasetMeta(i).data;
            return [d.data.length, drawnPoints.length, drawnPoints[0]?.options.radius];
          }),
          range: [x.min, x.max],
          labels: x.ticks.map((t) => t.label).filter(Boolean),
        };
      }, key);
      assert.ok(chart.points.length > 0, key);
      for (const [n, shown, radius] of chart.points)
        assert.ok(n === 1 && shown === 1 && radius > 0, `${key}: ${n}, ${shown}, ${radius}`);
      assert.deepEqual(chart.range, [0.5, 1.5], key);
      assert.deepEqual(chart.labels, ['1'], key);
    }
    assert.match(
      await page.locator(`${GRADIENT} [data-summary]`).textContent(),
      /^Red de 1 capa de \d+ unidades, [^.]+\. Con una sola capa, el gradiente no atraviesa ninguna otra/,
    );
    const selu = await page.locator(`${SELU} [data-summary]`).textContent();
    assert.match(selu, /En su única capa, la media es −?\d/);
    assert.doesNotMatch(selu, /las 1 capas|−0(?![,\d])/);
    assert.deepEqual(await page.problems(), []);
    await page.close();
  });

  test('every control of the gradient lab changes its charts', async () => {
    const page = await ctx.open('#gradiente');
    await drawn(page, GRADIENT);
    const lab = page.locator(GRADIENT);
    for (let i = 1; i <= 4; i++) {
      await changes(
        page,
        GRADIENT,
        GRADIENT_CHARTS,
        () => lab.getByLabel(`Activación ${i}`).selectOption('gelu'),
        `activation ${i}`,
      );
    }
    await changes(
      page,
      GRADIENT,
      GRADIENT_CHARTS,
      () => nudge(page, lab.getByLabel('Profundidad (capas)')),
      'depth',
    );
    await changes(
      page,
      GRADIENT,
      GRADIENT_CHARTS,
      () => lab.getByLabel('Anchura (unidades por capa)').selectOption('32'),
      'width',
    );
    await changes(
      page,
      GRADIENT,
      GRADIENT_CHARTS,
      () => lab.getByLabel('Inicialización de los pesos').selectOption('he_normal'),
      'init',
    );
    await changes(
      page,
      GRADIENT,
      GRADIENT_CHARTS,
      () => lab.getByRole('button', { name: 'Otra red al azar' }).click(),
      'seed',
    );
    await page.waitForFunction(
      () =>
        /gradiente\.a1=gelu/.test(location.hash) && /gradiente\.init=he_normal/.test(location.hash),
    );
    assert.deepEqual(await page.problems(), []);
    await page.close();
  });

  test('the SELU lab’s frames grow to show a mean or a deviation that leaves them', async () => {
    // With He normal, SELU's deviation grows layer after layer, far past the frame's 3.
    const page = await ctx.open('#autonormalizacion?autonormalizacion.init=he_normal');
    await drawn(page, SELU);
    const frames = await page.evaluate(() =>
      ['autonormalizacion-media', 'autonormalizacion-desviacion'].map((id) => {
        const chart = window.activaciones.charts[id];
        const ys = chart.data.datasets
          .flatMap((d) => d.data.map((p) => p.y))
          .filter(Number.isFinite);
        const { min, max } = chart.options.scales.y;
        return { id, min, max, lo: Math.min(...ys), hi: Math.max(...ys) };
      }),
    );
    const [mean, std] = frames;
    assert.ok(std.hi > 3, `the deviation leaves the default frame: ${std.hi}`);
    for (const f of frames) assert.ok(f.min <= f.lo && f.max >= f.hi, JSON.stringify(f));
    // The default frame stays the least one.
    assert.ok(mean.min <= -1.5 && mean.max >= 1.5, JSON.stringify(mean));
    assert.equal(std.min, 0);
    // The histogram's axis ends where the data does, with round, evenly spaced labels.
    const histogram = await page.evaluate(() => {
      const chart = window.activaciones.charts['autonormalizacion-histograma'];
      const { x } = chart.scales;
      const peak = Math.max(...chart.data.datasets[1].data.map((p) => p.y));
      return { ticks: x.ticks.map((t) => t.value), min: x.min, max: x.max, peak };
    });
    const { ticks } = histogram;
    const step = ticks[1] - ticks[0];
    const whole = (x) => Math.abs(x - Math.round(x)) < 1e-9;
    assert.ok(
      [1, 2, 5].some((m) => whole(Math.log10(step / m))),
      `a round step: ${step}`,
    );
    for (const [i, t] of ticks.entries()) {
      assert.ok(whole(t / step), `round: ${ticks}`);
      assert.ok(whole((t - ticks[0]) / step - i), `even: ${ticks}`);
    }
    assert.ok(histogram.min >= ticks[0] - step && histogram.max < ticks.at(-1) + step, `${ticks}`);
    assert.ok(histogram.max > 100, `the axis reaches the data: ${JSON.stringify(histogram)}`);
    // The normal's bell keeps its peak, 1/√(2π), on an axis this wide.
    assert.ok(Math.abs(histogram.peak - 1 / Math.sqrt(2 * Math.PI)) < 1e-3, `${histogram.peak}`);
    assert.deepEqual(await page.problems(), []);
    await page.close();
  });

  test('the normal’s bell is drawn over the histogram’s bars, where the two are compared', async () => {
    const page = await ctx.open('#autonormalizacion');
    await drawn(page, SELU);
    const seen = await page.evaluate(() => {
      const chart = window.activaciones.charts['autonormalizacion-histograma'];
      const [bars, bell] = chart.data.datasets;
      const pdf = (x) => Math.exp((-x * x) / 2) / Math.sqrt(2 * Math.PI);
      // A bar well above the bell: there the dashed line crosses the bar.
      const bar = bars.data.find((p) => p.y > pdf(p.x) + 0.05 && pdf(p.x) > 0.1);
      const { x, y } = chart.scales;
      const [px, py] = [x.getPixelForValue(bar.x), y.getPixelForValue(pdf(bar.x))];
      const ratio = chart.canvas.width / chart.width;
      const { data } = chart.ctx.getImageData(
        Math.round((px - 3) * ratio),
        Math.round((py - 3) * ratio),
        Math.round(6 * ratio),
        Math.round(6 * ratio),
      );
      const colour = (css) => {
        const c = document.createElement('canvas').getContext('2d');
        c.fillStyle = css;
        c.fillRect(0, 0, 1, 1);
        return [...c.getImageData(0, 0, 1, 1).data.slice(0, 3)];
      };
      const line = colour(bell.borderColor);
      let hits = 0;
      for (let i = 0; i < data.length; i += 4) {
        const d = Math.hypot(data[i] - line[0], data[i + 1] - line[1], data[i + 2] - line[2]);
        if (d < 60) hits += 1;
      }
      return { hits, at: bar.x };
    });
    assert.ok(seen.hits > 0, `the bell shows over the bar at z = ${seen.at}`);
    await page.close();
  });

  test('every switch of the SELU lab changes its charts and its verdict', async () => {
    const page = await ctx.open('#autonormalizacion');
    await drawn(page, SELU);
    const lab = page.locator(SELU);
    await changes(
      page,
      SELU,
      SELU_CHARTS,
      () => lab.getByLabel(/Entradas sin estandarizar/).check(),
      'raw inputs',
    );
    await changes(
      page,
      SELU,
      SELU_CHARTS,
      () => lab.getByLabel(/Entradas sin estandarizar/).uncheck(),
      'raw inputs off',
    );
    await changes(
      page,
      SELU,
      SELU_CHARTS,
      () => lab.getByLabel('Inicialización de los pesos').selectOption('he_normal'),
      'init',
    );
    assert.match(
      await lab.locator('[data-summary]').textContent(),
      /SELU ya no se autonormaliza.*inicialización He normal/,
    );
    await changes(
      page,
      SELU,
      SELU_CHARTS,
      () => lab.getByLabel('Inicialización de los pesos').selectOption('glorot_uniform'),
      'init Glorot',
    );
    // The select's «(Keras)» (Keras's default) stays in the select: not nested in the brackets.
    assert.match(
      await lab.locator('[data-summary]').textContent(),
      /inicialización Glorot uniforme[):]/,
    );
    await changes(
      page,
      SELU,
      SELU_CHARTS,
      () => lab.getByLabel('Inicialización de los pesos').selectOption('lecun_normal'),
      'init back',
    );
    await changes(
      page,
      SELU,
      SELU_CHARTS,
      () => lab.getByLabel(/cuello de botella/).check(),
      'bottleneck',
    );
    // The statistics barely move: the summary says "despite", and never "self-normalises
    // (broken conditions: …)" as if the two agreed.
    const withBottleneck = await lab.locator('[data-summary]').textContent();
    assert.match(withBottleneck, /cuello de botella de anchura 2/);
    assert.doesNotMatch(withBottleneck, /^SELU se autonormaliza:.*condici/);
    await changes(
      page,
      SELU,
      SELU_CHARTS,
      () => nudge(page, lab.getByLabel('Profundidad (capas)')),
      'depth',
    );
    await changes(
      page,
      SELU,
      SELU_CHARTS,
      () => lab.getByRole('button', { name: 'Otra red al azar' }).click(),
      'seed',
    );
    // One layer: the bottleneck is that layer, with nothing after it to show its effect.
    await changes(
      page,
      SELU,
      SELU_CHARTS,
      async () => {
        await lab.getByLabel('Profundidad (capas)').focus();
        await page.keyboard.press('Home');
      },
      'one layer',
    );
    const oneLayer = await lab.locator('[data-summary]').textContent();
    assert.match(oneLayer, /una sola capa, el cuello de botella \(2 neuronas\) es esa capa/);
    assert.doesNotMatch(oneLayer, /aun con/);
    assert.deepEqual(await page.problems(), []);
    await page.close();
  });

  test('a heavy run in the worker leaves the page responsive (no long task over 50 ms)', async () => {
    const page = await ctx.open('#gradiente');
    await drawn(page, GRADIENT);
    await drawn(page, SELU);
    await page.evaluate(() => {
      window.__longTasks = [];
      new PerformanceObserver((list) =>
        window.__longTasks.push(...list.getEntries().map((e) => e.duration)),
      ).observe({
        type: 'longtask',
      });
    });
    const lab = page.locator(GRADIENT);
    // From the lab's own top: sections above it may be laid out meanwhile (lay-out.js).
    const chartTop = () =>
      lab.evaluate(
        (l) =>
          l.querySelector('canvas').getBoundingClientRect().top - l.getBoundingClientRect().top,
      );
    const idleTop = await chartTop();
    await lab.getByLabel('Anchura (unidades por capa)').selectOption('512');
    // While the worker is busy with four 512-wide networks, drag the depth slider about. (In
    // view first: at 1280 × 900 it sits below the window, where the mouse would miss it.)
    const slider = lab.getByLabel('Profundidad (capas)');
    await slider.scrollIntoViewIfNeeded();
    const box = await slider.boundingBox();
    await page.mouse.move(box.x + 5, box.y + box.height / 2);
    await page.mouse.down();
    for (let i = 0; i <= 40; i++) {
      await page.mouse.move(box.x + 5 + (i / 40) * (box.width - 10), box.y + box.height / 2);
      await page.waitForTimeout(20);
    }
    await page.mouse.up();
    assert.equal(await slider.inputValue(), '100', 'the drag moved the slider to its end');
    // The depth-100 run takes seconds; its quick preview may hide the indicator for a moment.
    await lab.locator('[data-status]').waitFor({ state: 'visible', timeout: 5000 });
    // «Calculando…» takes a line kept for it: the charts do not move down while it shows.
    assert.equal(await chartTop(), idleTop, 'the chart stays where it was');
    // The quick preview's summary says it rests on a few inputs, until the full batch comes.
    await page.waitForFunction(
      (s) => {
        const root = document.querySelector(s);
        const text = root.querySelector('[data-summary]').textContent;
        return (
          root.dataset.settled === '0' &&
          /^Resultado provisional, con \d+ entradas por lote \(el definitivo usa 256/.test(text)
        );
      },
      GRADIENT,
      { polling: 100, timeout: 10000 },
    );
    await page.waitForTimeout(300);
    const longTasks = await page.evaluate(() => window.__longTasks);
    assert.deepEqual(longTasks, [], `long tasks on the main thread: ${longTasks}`);
    await page.close();
  });

  test('a screen reader hears the final result of a slow run, not only its provisional one', async () => {
    const page = await ctx.open('#gradiente?gradiente.depth=100');
    await drawn(page, GRADIENT);
    const lab = page.locator(GRADIENT);
    const before = await lab.locator('[data-summary]').textContent();
    const count = await renders(page, GRADIENT);
    // Four 256-wide networks of 100 layers take longer than the announcer's second of quiet.
    await lab.getByLabel('Anchura (unidades por capa)').selectOption('256');
    await page.waitForFunction(
      ([s, n]) => {
        const { renders, settled } = document.querySelector(s).dataset;
        return Number(renders ?? 0) > n && settled === '1';
      },
      [GRADIENT, count],
      { timeout: 60000 },
    );
    const summary = (await lab.locator('[data-summary]').textContent()).trim();
    assert.notEqual(summary, before.trim());
    assert.doesNotMatch(summary, /^Resultado provisional/);
    await page.waitForFunction(
      (text) => document.querySelector('[data-announcer]').textContent === text,
      summary,
      { timeout: 5000 },
    );
    await page.close();
  });

  test('without its worker, the gradient lab computes on the main thread in short slices', async () => {
    const page = await ctx.open('#gradiente', {
      route: (p) => p.route('**/lab-worker.js', (r) => r.abort()),
    });
    await drawn(page, GRADIENT);
    const depth = page.locator(GRADIENT).getByLabel('Profundidad (capas)');
    const settledAt = async (layers) => {
      await drawn(page, GRADIENT);
      await page.waitForFunction(
        ([s, n]) =>
          document.querySelector(s).dataset.settled === '1' &&
          window.activaciones.charts['gradiente-norma'].data.datasets.every(
            (d) => d.data.length === n,
          ),
        [GRADIENT, layers],
        { timeout: 20000 },
      );
    };
    await depth.focus();
    await page.keyboard.press('End');
    await settledAt(100);
    await page.evaluate(() => {
      window.__longTasks = [];
      new PerformanceObserver((list) =>
        window.__longTasks.push(...list.getEntries().map((e) => e.duration)),
      ).observe({ type: 'longtask' });
    });
    // Four 100-layer networks (about 400 ms of work), then a move while they run.
    await page.keyboard.press('ArrowLeft');
    await settledAt(99);
    await page.keyboard.press('ArrowLeft');
    await page.waitForTimeout(150);
    await page.keyboard.press('ArrowLeft');
    await settledAt(97);
    const longTasks = await page.evaluate(() => window.__longTasks);
    assert.deepEqual(longTasks, [], `long tasks on the main thread: ${longTasks}`);
    const problems = (await page.problems()).filter((p) => !p.includes('net::ERR_FAILED'));
    assert.deepEqual(problems, []);
    await page.close();
  });
});
