// When part of the site cannot load, the reader gets a Spanish explanation, never a blank page.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { useBrowser } from './support/harness.mjs';

const ctx = useBrowser();

describe('when something is missing', () => {
  test('without the wasm file the page says so in Spanish and the lesson stays readable', async () => {
    const page = await ctx.open('', { route: (p) => p.route('**/*.wasm', (r) => r.abort()) });
    assert.equal(await page.evaluate(() => document.documentElement.dataset.app), 'error');
    const status = page.locator('#app-status');
    assert.ok(await status.isVisible());
    assert.match(await status.textContent(), /No se ha podido cargar el motor de cálculo/);
    assert.match(await page.locator('#sigmoide').innerText(), /forma de S/);
    assert.equal(
      await page.locator('[data-placeholder]').first().textContent(),
      'Gráfica no disponible.',
    );
    const problems = (await page.problems()).filter((p) => !p.includes('net::ERR_FAILED'));
    assert.deepEqual(problems, []);
    await page.close();
  });

  test('where the modules cannot load, the classic bundle runs the whole lesson', async () => {
    const page = await ctx.open('#elu', {
      route: (p) => p.route(/\/app\.js$/, (r) => r.abort()),
    });
    assert.equal(await page.evaluate(() => document.documentElement.dataset.app), 'ready');
    const points = await page.evaluate(
      () => window.activaciones.charts.elu.data.datasets[0].data.length,
    );
    assert.ok(points > 100);
    const problems = (await page.problems()).filter((p) => !p.includes('net::ERR_FAILED'));
    assert.deepEqual(problems, []);
    await page.close();
  });

  test('without the app bundles the boot script explains what happened', async () => {
    // app.js (the modules) first, then app-file.js (the classic fallback): both missing.
    const page = await ctx.open('', {
      route: (p) => p.route(/\/app(-file)?\.js$/, (r) => r.abort()),
    });
    const status = page.locator('#app-status');
    assert.ok(await status.isVisible());
    assert.match(await status.textContent(), /No se ha podido cargar el código de la lección/);
    await page.close();
  });
});
