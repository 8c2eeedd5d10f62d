// "Entrena una red": play trains and the loss falls, the comparison draws every curve and
// thumbnail, every control changes the run and lands in the URL, a link reproduces the exact
// run, ReLU units die where the lesson says they do, and a diverging or worker-less run never
// breaks the page.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { useBrowser } from './support/harness.mjs';
import { nudge } from './support/lesson.mjs';

const ctx = useBrowser();
const LAB = '#entrenamiento [data-lab]';
const CHART = 'entrenamiento-perdida';

const epoch = (page) => page.locator(LAB).evaluate((el) => Number(el.dataset.epoch ?? -1));

/** Waits until the lab has drawn an epoch in [min, max]. */
async function waitForEpoch(page, min, max = min) {
  await page.waitForFunction(
    ([s, lo, hi]) => {
      const e = Number(document.querySelector(s).dataset.epoch ?? -1);
      return e >= lo && e <= hi;
    },
    [LAB, min, max],
    { timeout: 30000 },
  );
}

/** The loss curves as drawn: [{ label, data: [{ x, y }] }]. */
const curves = (page) =>
  page.evaluate(
    (k) =>
      window.activaciones.charts[k].data.datasets.map((d) => ({
        label: d.label,
        data: d.data.map((p) => ({ x: p.x, y: p.y })),
      })),
    CHART,
  );

async function open(hash = '') {
  const page = await ctx.open(`#entrenamiento${hash}`);
  await waitForEpoch(page, 0);
  return page;
}

const control = (page, name) => page.locator(`${LAB} [name="${name}"]`);
const button = (page, text) => page.locator(`${LAB} button`, { hasText: text });

/** Clicks "Una época" and returns the training loss after that epoch. */
async function oneEpoch(page) {
  await waitForEpoch(page, 0);
  await button(page, 'Una época').click();
  await waitForEpoch(page, 1);
  return (await curves(page))[0].data.at(-1).y;
}

async function noProblems(page) {
  assert.deepEqual(await page.problems(), []);
}

describe('the training lab', () => {
  test('play trains, the loss falls, and pause stops it; the page stays responsive', async () => {
    const page = await open('?entrenamiento.datos=xor');
    await page.evaluate(() => {
      window.__longTasks = [];
      new PerformanceObserver((list) => {
        for (const e of list.getEntries()) window.__longTasks.push(Math.round(e.duration));
      }).observe({ type: 'longtask' });
    });
    const play = page.locator(`${LAB} [data-play]`);
    assert.equal(await play.textContent(), 'Entrenar');
    await play.click();
    assert.equal(await play.textContent(), 'Pausa');
    await waitForEpoch(page, 150, Infinity);
    await play.click();
    assert.equal(await play.textContent(), 'Entrenar');
    const stopped = await epoch(page);
    await page.waitForTimeout(400);
    assert.ok((await epoch(page)) - stopped <= 2, 'training stops on pause');
    const [train, test] = await curves(page);
    assert.deepEqual([train.label, test.label], ['Entrenamiento', 'Prueba']);
    assert.equal(train.data[0].x, 0);
    assert.ok(train.data.length > 20, 'one point per frame');
    assert.ok(
      train.data.at(-1).y < 0.5 * train.data[0].y,
      `train loss ${JSON.stringify(train.data.at(-1))}`,
    );
    assert.ok(test.data.at(-1).y < 0.5 * test.data[0].y);
    assert.match(await page.locator(`${LAB} [data-readout]`).textContent(), /^Época \d+ · pérdida/);
    assert.match(
      await page.locator('#resumen-entrenamiento').textContent(),
      /^Con la tangente hiperbólica, en la época/,
    );
    const longTasks = await page.evaluate(() => window.__longTasks);
    assert.deepEqual(longTasks, [], `long tasks on the main thread: ${longTasks}`);
    await noProblems(page);
    await page.close();
  });

  test('the boundary map is drawn in both classes’ colours, with the points', async () => {
    const page = await open(
      '?entrenamiento.datos=gauss&entrenamiento.parar=20&entrenamiento.velocidad=10',
    );
    await page.locator(`${LAB} [data-play]`).click();
    await waitForEpoch(page, 20);
    const colours = await page.locator(`${LAB} [data-map]`).evaluate((canvas) => {
      const { data } = canvas.getContext('2d').getImageData(0, 0, canvas.width, canvas.height);
      let bluish = 0;
      let orangish = 0;
      for (let i = 0; i < data.length; i += 4) {
        if (data[i + 2] > data[i] + 40) bluish += 1;
        if (data[i] > data[i + 2] + 40) orangish += 1;
      }
      return { bluish, orangish, pixels: data.length / 4 };
    });
    // Gaussian blobs at (2, 2) and (-2, -2): after 20 epochs each half of the map is its class's.
    assert.ok(
      colours.bluish > 0.2 * colours.pixels && colours.orangish > 0.2 * colours.pixels,
      JSON.stringify(colours),
    );
    await noProblems(page);
    await page.close();
  });

  test('"Comparar activaciones" draws a curve and a thumbnail per activation', async () => {
    const page = await open('?entrenamiento.comparar=1&entrenamiento.c4=elu');
    assert.equal(await page.locator(`${LAB} [data-single]`).isVisible(), false);
    // The single run's dead-unit rows go too: each thumbnail counts its own.
    assert.equal(await page.locator(`${LAB} [data-dead]`).isVisible(), false);
    const thumbs = page.locator(`${LAB} .thumb-map`);
    await page.locator(`${LAB} [data-play]`).click();
    await waitForEpoch(page, 20, Infinity);
    await page.locator(`${LAB} [data-play]`).click();
    const lines = await curves(page);
    assert.deepEqual(
      lines.map((l) => l.label),
      ['Tangente hiperbólica', 'ReLU', 'Sigmoide', 'ELU'],
    );
    for (const l of lines)
      assert.ok(l.data.length > 5 && l.data.every((p) => Number.isFinite(p.y)));
    // The same data and initial weights: only the activation differs, so the curves do too.
    assert.equal(new Set(lines.map((l) => l.data.at(-1).y)).size, 4);
    assert.equal(await thumbs.count(), 4);
    for (let i = 0; i < 4; i += 1) {
      const drawn = await thumbs.nth(i).evaluate((c) => {
        const { data } = c.getContext('2d').getImageData(0, 0, c.width, c.height);
        const shades = new Set();
        for (let i = 0; i < data.length; i += 4) {
          shades.add((data[i] >> 4) * 256 + (data[i + 1] >> 4) * 16 + (data[i + 2] >> 4));
        }
        return c.width > 0 && shades.size > 4;
      });
      assert.ok(drawn, `thumbnail ${i + 1} is drawn`);
    }
    assert.match(
      await page.locator('#resumen-entrenamiento').textContent(),
      /Pérdida de prueba: [\d,]+ con la tangente hiperbólica; [\d,]+ con ReLU/,
    );
    // The chart can show the training loss instead.
    await page.locator(LAB).getByRole('radio', { name: 'De entrenamiento' }).check();
    await page.waitForFunction(() => location.hash.includes('entrenamiento.curva=entrenamiento'));
    await noProblems(page);
    await page.close();
  });

  test('every control changes the run, and lands in the URL', async () => {
    const page = await open();
    let previous = await oneEpoch(page);
    const runControls = [
      ['datos', () => control(page, 'datos').selectOption('xor')],
      ['ruido', () => nudge(page, control(page, 'ruido'))],
      ['entreno', () => nudge(page, control(page, 'entreno'))],
      ['entradas', () => control(page, 'entrada-x1sq').check()],
      ['capas', () => nudge(page, control(page, 'capas'))],
      ['capas', () => nudge(page, control(page, 'capa-1'))],
      ['act', () => control(page, 'act').selectOption('elu')],
      ['alpha', () => nudge(page, control(page, 'alpha'))],
      ['opt', () => control(page, 'opt').selectOption('adam')],
      ['tasa', () => control(page, 'tasa').selectOption('0.1')],
      ['lote', () => nudge(page, control(page, 'lote'))],
      ['l2', () => control(page, 'l2').selectOption('0.01')],
      ['init', () => control(page, 'init').selectOption('he_uniform')],
      ['semilla', () => button(page, 'Otros datos y pesos').click()],
    ];
    for (const [key, act] of runControls) {
      await act();
      await waitForEpoch(page, 0); // a new run
      const loss = await oneEpoch(page);
      assert.notEqual(loss, previous, `${key} changed the run`);
      previous = loss;
      await page.waitForFunction((k) => location.hash.includes(`entrenamiento.${k}=`), key);
    }
    // Speed, stop and what is shown change the URL but not the run.
    for (const [key, act] of [
      ['velocidad', () => control(page, 'velocidad').selectOption('10')],
      ['parar', () => control(page, 'parar').selectOption('300')],
      ['prueba', () => control(page, 'prueba').check()],
      ['discreto', () => control(page, 'discreto').check()],
    ]) {
      await act();
      await page.waitForFunction((k) => location.hash.includes(`entrenamiento.${k}=`), key);
      assert.equal(await epoch(page), 1, `${key} keeps the run`);
    }
    await control(page, 'comparar').check();
    await waitForEpoch(page, 0);
    assert.equal((await curves(page)).length, 3);
    await control(page, 'c4').selectOption('gelu');
    await page.waitForFunction(
      (k) => window.activaciones.charts[k].data.datasets.length === 4,
      CHART,
    );
    await noProblems(page);
    await page.close();
  });

  test('a link reproduces the exact run, controls included', async () => {
    const page = await open(
      '?entrenamiento.datos=moons&entrenamiento.ruido=0.2&entrenamiento.entreno=0.7' +
        '&entrenamiento.semilla=5&entrenamiento.entradas=x1,x2,x1x2&entrenamiento.capas=6,3' +
        '&entrenamiento.act=elu&entrenamiento.alpha=0.5&entrenamiento.opt=adam' +
        '&entrenamiento.tasa=0.01&entrenamiento.lote=20&entrenamiento.l2=0.001' +
        '&entrenamiento.init=he_uniform',
    );
    assert.equal(await control(page, 'datos').inputValue(), 'moons');
    assert.equal(await control(page, 'act').inputValue(), 'elu');
    assert.equal(await control(page, 'alpha').inputValue(), '0.5');
    assert.equal(await control(page, 'capa-2').inputValue(), '3');
    assert.equal(await control(page, 'entrada-x1x2').isChecked(), true);
    const loss = await oneEpoch(page);
    const expected = await page.evaluate(() => {
      const t = window.activaciones.api.createTrainer({
        dataset: 'moons',
        samples: 500,
        noise: 0.2,
        trainFraction: 0.7,
        seed: 5,
        features: ['x1', 'x2', 'x1x2'],
        hidden: [6, 3],
        activation: 'elu',
        params: { alpha: 0.5 },
        optimizer: 'adam',
        learningRate: 0.01,
        batchSize: 20,
        l2: 0.001,
        init: 'he_uniform',
      });
      const { trainLoss } = t.step(1);
      t.dispose();
      return trainLoss;
    });
    assert.equal(loss, expected);
    assert.match(
      await page.locator('#resumen-entrenamiento').textContent(),
      /^Con ELU \(α = 0,5\), en la época 1,/,
    );
    await noProblems(page);
    await page.close();
  });

  test('a yes/no parameter is named in words in the summary, not as 0 or 1', async () => {
    const page = await open('?entrenamiento.act=gelu');
    await oneEpoch(page);
    assert.match(
      await page.locator('#resumen-entrenamiento').textContent(),
      /^Con GELU \(la erf exacta\), en la época 1,/,
    );
    await control(page, 'approximate').check();
    await oneEpoch(page);
    assert.match(
      await page.locator('#resumen-entrenamiento').textContent(),
      /^Con GELU \(la aproximación tanh\), en la época 1,/,
    );
    await noProblems(page);
    await page.close();
  });

  test('ReLU units die at a high learning rate, and «Parar en» stops the run', async () => {
    const page = await open(
      '?entrenamiento.act=relu&entrenamiento.datos=spiral&entrenamiento.tasa=1' +
        '&entrenamiento.capas=8,8,8&entrenamiento.parar=100&entrenamiento.velocidad=10',
    );
    await page.locator(`${LAB} [data-play]`).click();
    await page.waitForFunction((s) => document.querySelector(s).dataset.playing === '0', LAB, {
      timeout: 30000,
    });
    assert.equal(await epoch(page), 100);
    assert.match(
      await page.locator(`${LAB} [data-status]`).textContent(),
      /detenido en la época 100/,
    );
    // One more epoch by hand is not what «Parar en» asked for.
    await page.locator(LAB).getByRole('button', { name: 'Una época' }).click();
    await page.waitForFunction(() =>
      document.querySelector('#entrenamiento [data-readout]').textContent.startsWith('Época 101'),
    );
    assert.doesNotMatch(await page.locator(`${LAB} [data-status]`).textContent(), /detenido/);
    // Play at the limit says what to do, and keeps the run: it used to start over from epoch 0.
    await page.locator(`${LAB} [data-play]`).click();
    assert.match(
      await page.locator(`${LAB} [data-status]`).textContent(),
      /^El entrenamiento ya va por la época 101 y «Parar en» pide 100: súbelo para seguir entrenando/,
    );
    assert.equal(await epoch(page), 101);
    assert.equal(await page.locator(LAB).getAttribute('data-playing'), '0');
    const dead = await page.locator(`${LAB} .unit-dead`).count();
    assert.ok(dead > 0, 'some ReLU units died');
    assert.match(
      await page.locator('#resumen-entrenamiento').textContent(),
      new RegExp(`${dead} de 24 unidades muertas`),
    );
    await noProblems(page);
    await page.close();
  });

  test('a loss that blows up but stays finite is said to have left the chart', async () => {
    const page = await open('?entrenamiento.act=elu&entrenamiento.tasa=10');
    await page.locator(`${LAB} [data-play]`).click();
    const rose =
      /^La pérdida de entrenamiento (?:ha subido|llegó a subir) hasta (\S+), fuera de la gráfica \(más de 2\), al entrenar: /;
    await page.waitForFunction(
      ([s, re]) => new RegExp(re).test(document.querySelector(`${s} [data-status]`).textContent),
      [LAB, rose.source],
      { timeout: 30000 },
    );
    await page.locator(`${LAB} [data-play]`).click();
    await page.waitForFunction((s) => document.querySelector(s).dataset.playing === '0', LAB);
    // The status keeps the highest loss, and does not come and go with each step; read with the
    // curves, in one go.
    const { train, status } = await page.evaluate(
      ([k, s]) => ({
        train: { data: window.activaciones.charts[k].data.datasets[0].data.map((p) => p.y) },
        status: document.querySelector(`${s} [data-status]`).textContent,
      }),
      [CHART, LAB],
    );
    const peak = Math.max(...train.data.slice(1).filter(Number.isFinite));
    const said = status.match(rose)[1];
    const digits = (e) => [...e].map((c) => (c === '⁻' ? '-' : '⁰¹²³⁴⁵⁶⁷⁸⁹'.indexOf(c))).join('');
    const value = Number(said.replace(',', '.').replace(/·10(\S+)/, (_, e) => `e${digits(e)}`));
    assert.equal(value.toPrecision(3), peak.toPrecision(3), said);
    // The axis fits the losses on the chart, not the ones that left it.
    const top = await page.evaluate((k) => window.activaciones.charts[k].scales.y.max, CHART);
    const onChart = train.data.filter((y) => y <= 2);
    assert.ok(top <= Math.max(0.1, Math.max(...onChart) * 1.05) + 1e-9, `${top}`);
    await noProblems(page);
    await page.close();
  });

  test('a run that does not learn is told so, with its cause, in a status that does not churn', async () => {
    const page = await open('?entrenamiento.act=linear&entrenamiento.velocidad=10');
    const status = page.locator(`${LAB} [data-status]`);
    await page.locator(`${LAB} [data-play]`).click();
    await waitForEpoch(page, 60, 100);
    assert.equal(await status.isVisible(), false, 'no verdict before 100 epochs');
    await page.waitForFunction(
      (s) => /no baja claramente/.test(document.querySelector(`${s} [data-status]`).textContent),
      LAB,
      { timeout: 30000 },
    );
    assert.match(
      await status.textContent(),
      /^La red no está aprendiendo: tras más de 100 épocas, su pérdida de entrenamiento no baja claramente de 0,69, la que tendría respondiendo lo mismo en todos los puntos\. Con la activación lineal, /,
    );
    // A live region: while the run stays stuck, its text is not rewritten frame after frame.
    const rewrites = await page.evaluate(async (s) => {
      const region = document.querySelector(`${s} [data-status]`);
      let count = 0;
      const watch = new MutationObserver((records) => (count += records.length));
      watch.observe(region, { childList: true, characterData: true, subtree: true });
      const from = Number(document.querySelector(s).dataset.epoch);
      await new Promise((done) => {
        const check = () =>
          Number(document.querySelector(s).dataset.epoch) >= from + 100
            ? done()
            : setTimeout(check, 50);
        check();
      });
      watch.disconnect();
      return count;
    }, LAB);
    assert.equal(rewrites, 0);
    // The features that make the circle linear let the same network learn: the verdict goes.
    await control(page, 'entrada-x1sq').check();
    await control(page, 'entrada-x2sq').check();
    await waitForEpoch(page, 0, 50); // the run starts over
    await waitForEpoch(page, 150, Infinity);
    assert.equal(await status.isVisible(), false);
    await noProblems(page);
    await page.close();
  });

  test('a diverging run stops with a Spanish explanation, and the page stays usable', async () => {
    const page = await open('?entrenamiento.act=exponential&entrenamiento.tasa=10');
    await page.locator(`${LAB} [data-play]`).click();
    await page.waitForFunction((s) => document.querySelector(s).dataset.playing === '0', LAB, {
      timeout: 30000,
    });
    // The exponential's outputs overflow before any step: the status blames the activation,
    // not the learning rate.
    assert.match(
      await page.locator(`${LAB} [data-status]`).textContent(),
      /^Con la exponencial, la pérdida ha dejado de ser un número finito\. Ya valía \S+ antes de entrenar: .* una tasa de aprendizaje menor no lo evita\. Elige otra activación\.$/,
    );
    await control(page, 'tasa').selectOption('0.03');
    await control(page, 'act').selectOption('tanh');
    assert.ok(Number.isFinite(await oneEpoch(page)));
    assert.equal(await page.locator(`${LAB} [data-status]`).isVisible(), false);
    await noProblems(page);
    await page.close();
  });

  test('compared, the hidden layers’ activation says what it still does, and changing it to one not compared keeps the runs', async () => {
    const page = await open('?entrenamiento.comparar=1&entrenamiento.velocidad=10');
    const note = page.locator(`${LAB} .control-note`, { hasText: 'Al comparar, las activaciones' });
    assert.equal(await note.isVisible(), true);
    await button(page, 'Una época').click();
    await waitForEpoch(page, 1);
    // tanh → softsign: neither is compared with parameters, so no run changes.
    await control(page, 'act').selectOption('softsign');
    await page.waitForTimeout(300);
    assert.equal(await epoch(page), 1);
    // A control that changes the runs still starts them over.
    await control(page, 'tasa').selectOption('0.1');
    await waitForEpoch(page, 0);
    await control(page, 'comparar').uncheck();
    assert.equal(await note.isVisible(), false);
    await noProblems(page);
    await page.close();
  });

  test('compared, a run that diverges stops alone, is named, and leaves the axis to the others', async () => {
    const page = await open('?entrenamiento.comparar=1&entrenamiento.c4=exponential');
    await page.locator(`${LAB} [data-play]`).click();
    await waitForEpoch(page, 30, Infinity);
    const runs = await curves(page);
    assert.equal(runs.length, 4);
    const last = runs.map((r) => r.data.at(-1));
    // The exponential stopped at its first non-finite loss; the other three went on.
    assert.ok(!Number.isFinite(last[3].y) && last[3].x < 5, JSON.stringify(last[3]));
    for (const p of last.slice(0, 3)) assert.ok(Number.isFinite(p.y) && p.x >= 30);
    assert.match(
      await page.locator(`${LAB} [data-status]`).textContent(),
      /^Con la exponencial, la pérdida ha dejado de ser un número finito\..* Las demás siguen\.$/,
    );
    const axis = await page.evaluate((k) => {
      const { scales, canvas } = window.activaciones.charts[k];
      return { top: scales.y.max, title: scales.y.options.title.text, name: canvas.ariaLabel };
    }, CHART);
    assert.ok(axis.top < 2, `${axis.top}`);
    // The chart names the loss it plots, which a comparison chooses.
    assert.equal(axis.title, 'pérdida de prueba (entropía cruzada)');
    assert.equal(axis.name, 'Pérdida de prueba en cada época, una curva por activación');
    await page.locator(`${LAB} [data-play]`).click();
    await noProblems(page);
    await page.close();
  });

  test('with no activation or input left, the lab says so, shows nothing stale, and does not pretend to train', async () => {
    const page = await open('?entrenamiento.comparar=1');
    for (const slot of ['c1', 'c2', 'c3', 'c4']) await control(page, slot).selectOption('ninguna');
    const status = page.locator(`${LAB} [data-status]`);
    assert.equal(await status.textContent(), 'Elige al menos una activación para entrenar.');
    await page.waitForFunction(
      () => document.querySelectorAll('#entrenamiento .thumb').length === 0,
    );
    assert.deepEqual(await curves(page), []);
    // The four choices are what is wrong: marked invalid, they point to the status.
    const invalid = () =>
      page
        .locator(`${LAB} select`)
        .evaluateAll((all) =>
          all
            .filter((s) => s.getAttribute('aria-invalid') === 'true')
            .map((s) => `${s.name}>${s.getAttribute('aria-describedby')}`),
        );
    const statusId = await status.getAttribute('id');
    assert.deepEqual(
      await invalid(),
      ['act', 'c1', 'c2', 'c3', 'c4'].map((n) => `${n}>${statusId}`),
    );
    // Pressing «Entrenar» says it again: a live region must change to be read.
    const said = page.evaluate(
      (s) =>
        new Promise((done) => {
          const region = document.querySelector(`${s} [data-status]`);
          const texts = [];
          new MutationObserver(() => {
            texts.push(region.textContent);
            if (texts.length === 2) done(texts);
          }).observe(region, { childList: true, characterData: true, subtree: true });
        }),
      LAB,
    );
    await page.locator(`${LAB} [data-play]`).click();
    assert.deepEqual(await said, ['', 'Elige al menos una activación para entrenar.']);
    assert.equal(await page.locator(LAB).getAttribute('data-playing'), '0');
    assert.equal(await status.textContent(), 'Elige al menos una activación para entrenar.');
    await control(page, 'c2').selectOption('relu');
    await page.waitForFunction(
      () => document.querySelectorAll('#entrenamiento .thumb').length === 1,
    );
    assert.deepEqual(await invalid(), []);
    await control(page, 'c2').selectOption('ninguna');
    // The last input cannot go either, and the status says why the box stays checked.
    const inputs = page.locator(`${LAB} input[name^="entrada-"]:checked`);
    while ((await inputs.count()) > 1) await inputs.first().uncheck();
    await inputs.first().click();
    assert.equal(await inputs.count(), 1);
    assert.match(await status.textContent(), /^La red necesita al menos una entrada/);
    await noProblems(page);
    await page.close();
  });

  test('a dashed curve has a dashed sample in its legend, here and in the gradient lab', async () => {
    const page = await open();
    await page.waitForFunction(
      () => window.activaciones.charts['gradiente-norma']?.data.datasets.length > 1,
    );
    // Along each sample's middle row: how many separate strokes the canvas shows.
    const strokes = await page.evaluate(
      (keys) =>
        keys.map((key) => {
          const chart = window.activaciones.charts[key];
          const { ctx, legend } = chart;
          const ratio = chart.currentDevicePixelRatio;
          return legend.legendItems.map((item, i) => {
            const box = legend.legendHitBoxes[i];
            const y = Math.round((box.top + box.height / 2) * ratio);
            const row = ctx.getImageData(box.left * ratio, y, 40 * ratio, 1).data;
            let runs = 0;
            for (let x = 0, ink = false; x < row.length / 4; x++) {
              const now = row[4 * x + 3] > 128;
              if (now && !ink) runs += 1;
              ink = now;
            }
            return { text: item.text, dashed: (item.lineDash ?? []).length > 0, runs };
          });
        }),
      [CHART, 'gradiente-norma'],
    );
    for (const item of strokes.flat()) {
      if (item.dashed) assert.ok(item.runs >= 3, JSON.stringify(item));
      else assert.equal(item.runs, 1, JSON.stringify(item));
    }
    assert.ok(strokes.flat().filter((i) => i.dashed).length >= 2, JSON.stringify(strokes));
    await page.close();
  });

  test('without its worker the lab trains on the main thread', async () => {
    const page = await ctx.open('#entrenamiento?entrenamiento.datos=xor', {
      route: (p) => p.route('**/train-worker.js', (r) => r.abort()),
    });
    await waitForEpoch(page, 0);
    await page.locator(`${LAB} [data-play]`).click();
    await waitForEpoch(page, 20, Infinity);
    const [train] = await curves(page);
    assert.ok(train.data.at(-1).y < train.data[0].y);
    const problems = (await page.problems()).filter((p) => !p.includes('net::ERR_FAILED'));
    assert.deepEqual(problems, []);
    await page.close();
  });
});
