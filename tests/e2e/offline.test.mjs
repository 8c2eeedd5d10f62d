// The lesson without a server and without a network: dist/ opened from file:// (a USB stick),
// and a reload with the network cut after one visit (the service worker).
import assert from 'node:assert/strict';
import path from 'node:path';
import { describe, test } from 'node:test';
import { pathToFileURL } from 'node:url';
import { DIST } from '../js/support/paths.mjs';
import { useBrowser } from './support/harness.mjs';

const ctx = useBrowser();

const ready = (page) =>
  page.waitForFunction(
    () => ['ready', 'error'].includes(document.documentElement.dataset.app),
    null,
    {
      timeout: 30000,
    },
  );

/** Trains a few epochs in the training lab and returns the epoch reached. */
async function trains(page) {
  await page.click('#entrenamiento [data-play]');
  await page.waitForFunction(
    () => Number(document.querySelector('#entrenamiento [data-lab]').dataset.epoch) >= 10,
    null,
    { timeout: 30000 },
  );
  await page.click('#entrenamiento [data-play]');
}

describe('without a server or a network', () => {
  test('dist/index.html opened from file:// works completely', async () => {
    const page = await ctx.browser.newPage({ viewport: { width: 1280, height: 900 } });
    const problems = [];
    page.on('console', (m) => m.type() === 'error' && problems.push(m.text()));
    page.on('pageerror', (e) => problems.push(e.message));
    await page.goto(`${pathToFileURL(path.join(DIST, 'index.html')).href}#elu?elu.alpha=2`);
    await ready(page);
    assert.equal(await page.evaluate(() => document.documentElement.dataset.app), 'ready');
    const { charts, alpha, katex } = await page.evaluate(() => ({
      charts: Object.keys(window.activaciones.charts).length,
      alpha: document.querySelector('#elu [name="alpha"]').value,
      katex: document.fonts.check('16px LessonMath_Main'),
    }));
    assert.ok(charts > 30, `${charts} charts`);
    assert.equal(alpha, '2', 'the state in the hash is restored');
    assert.ok(katex, 'the KaTeX fonts load');
    // ELU's value at z = -1 with α = 2, drawn from the embedded core.
    const y = await page.evaluate(() => {
      const [f] = window.activaciones.charts.elu.data.datasets;
      return f.data.reduce((best, p) => (Math.abs(p.x + 1) < Math.abs(best.x + 1) ? p : best)).y;
    });
    assert.ok(Math.abs(y - 2 * Math.expm1(-1)) < 0.02, `ELU(-1) = ${y}`);
    await trains(page); // no worker from file://: the lab trains on the main thread
    // A link to a file on this computer is no use to anyone else: «Insertar» says so.
    await page
      .locator('#elu')
      .getByRole('button', { name: /^Insertar/ })
      .click();
    assert.match(
      await page.locator('#elu .embed-local').textContent(),
      /^Ojo: esta copia de la lección se ha abierto desde un archivo \(file:\/\/\)/,
    );
    assert.deepEqual(problems, []);
    await page.close();
  });

  test('after one visit, a reload with the network cut still works', async () => {
    const context = await ctx.browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await ctx.open('#entrenamiento', { context });
    await page.evaluate(async () => {
      await navigator.serviceWorker.ready;
      if (!navigator.serviceWorker.controller) {
        await new Promise((resolve) =>
          navigator.serviceWorker.addEventListener('controllerchange', resolve, { once: true }),
        );
      }
    });
    // The page names the fonts it used to the worker, which keeps them; then it says so.
    await page.waitForFunction(() => document.documentElement.dataset.offline === 'ready');
    await context.setOffline(true);
    await page.reload();
    await ready(page);
    assert.equal(await page.evaluate(() => document.documentElement.dataset.app), 'ready');
    assert.ok(
      await page.evaluate(() => window.activaciones.charts.elu.data.datasets[0].data.length > 100),
    );
    // The maths is drawn in its own fonts, kept from the first visit, not in a fallback.
    const fonts = await page.evaluate(async () => {
      await document.fonts.ready;
      return [...document.fonts]
        .filter((f) => f.family.startsWith('LessonMath_'))
        .map((f) => `${f.family} ${f.status}`);
    });
    assert.ok(
      fonts.some((f) => f === 'LessonMath_Main loaded'),
      fonts.join(', '),
    );
    assert.deepEqual(
      fonts.filter((f) => f.endsWith('error')),
      [],
    );
    await trains(page); // the training worker and its wasm come from the cache too
    assert.deepEqual(await page.problems(), []);
    await context.close();
  });
});
