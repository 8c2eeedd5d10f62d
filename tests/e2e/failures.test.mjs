// When part of the site cannot load, the reader gets a Spanish explanation, never a blank page.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { useBrowser } from './support/harness.mjs';

const ctx = useBrowser();

/** The whole lesson ran: ready, ELU's chart drawn by the core, no problem but the refused requests. */
async function assertLessonRan(page) {
  assert.equal(await page.evaluate(() => document.documentElement.dataset.app), 'ready');
  const points = await page.evaluate(
    () => window.activaciones.charts.elu.data.datasets[0].data.length,
  );
  assert.ok(points > 100);
  const problems = (await page.problems()).filter((p) => !p.includes('net::ERR_FAILED'));
  assert.deepEqual(problems, []);
}

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

  test('without its stylesheet the lesson still starts, at once, with its charts', async () => {
    const page = await ctx.open('#elu', {
      route: (p) => p.route(/\/main\.css$/, (r) => r.abort()),
    });
    // It did not sit out the 5 s the app gives a stylesheet still on its way.
    const since = await page.evaluate(() => performance.now());
    assert.ok(since < 5000, `ready ${Math.round(since)} ms after the navigation`);
    await assertLessonRan(page);
    await page.close();
  });

  test('where the modules cannot load, the classic bundle runs the whole lesson', async () => {
    const page = await ctx.open('#elu', {
      route: (p) => p.route(/\/app\.js$/, (r) => r.abort()),
    });
    await assertLessonRan(page);
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

  // Safari before 16.4 (iPads that schools keep for years) has no WebAssembly SIMD: it must get
  // the module without SIMD, and fetch only that one. Workers are blocked here, so that every
  // fetch comes from the page, where the engine can be made to refuse SIMD code.
  for (const simd of [false, true]) {
    test(`an engine ${simd ? 'with' : 'without'} WebAssembly SIMD downloads one core module, the one it runs`, async () => {
      const wasm = [];
      const page = await ctx.open('#elu?elu.alpha=2', {
        route: async (p) => {
          if (!simd) await p.addInitScript(() => (WebAssembly.validate = () => false));
          await p.route(/-worker\.js$/, (r) => r.abort());
          p.on('request', (r) => r.url().endsWith('.wasm') && wasm.push(new URL(r.url()).pathname));
        },
      });
      assert.equal(await page.evaluate(() => document.documentElement.dataset.app), 'ready');
      const file = simd ? 'activations-core.wasm' : 'activations-core-nosimd.wasm';
      assert.deepEqual(
        wasm.map((p) => p.split('/').pop()),
        [file],
      );
      // ELU(−1) with α = 2, computed by that module.
      const y = await page.evaluate(() => {
        const [f] = window.activaciones.charts.elu.data.datasets;
        return f.data.reduce((a, p) => (Math.abs(p.x + 1) < Math.abs(a.x + 1) ? p : a)).y;
      });
      assert.ok(Math.abs(y - 2 * Math.expm1(-1)) < 0.02, `ELU(-1) = ${y}`);
      const problems = (await page.problems()).filter((p) => !p.includes('net::ERR_FAILED'));
      assert.deepEqual(problems, []);
      await page.close();
    });
  }
});
