// The first page as a student uses it, in Debian's Chromium: it loads under the CSP, draws
// curves computed by the wasm core, and follows its controls.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { useBrowser } from './support/harness.mjs';

const ctx = useBrowser();

/** What the explorer's chart currently plots. */
function plotted(page) {
  return page.evaluate(() => {
    const chart = window.activaciones.charts.explorador;
    const [f, df] = chart.data.datasets;
    return {
      x: f.data.map((p) => p.x),
      f: f.data.map((p) => p.y),
      df: df.data.map((p) => p.y),
      xmin: chart.options.scales.x.min,
      xmax: chart.options.scales.x.max,
      renders: Number(document.querySelector('#explorador').dataset.renders),
    };
  });
}

async function waitForRender(page, previous) {
  await page.waitForFunction(
    (n) => Number(document.querySelector('#explorador').dataset.renders) > n,
    previous.renders,
  );
  return plotted(page);
}

describe('the explorer page', () => {
  test('loads under the CSP with no console error, and its chart has data', async () => {
    const page = await ctx.open();
    assert.equal(await page.evaluate(() => document.documentElement.dataset.app), 'ready');
    const data = await plotted(page);
    assert.equal(data.f.length, 601);
    assert.ok(data.f.every(Number.isFinite));
    // The default function is the sigmoid: f(0) = 1/2 and f'(0) = 1/4, from the wasm core.
    const mid = data.x.indexOf(0);
    assert.ok(mid > 0);
    assert.equal(data.f[mid], 0.5);
    assert.equal(data.df[mid], 0.25);
    assert.equal(await page.title(), 'Funciones de activación · lección interactiva');
    assert.equal(await page.locator('html').getAttribute('lang'), 'es');
    assert.deepEqual(await page.problems(), []);
    await page.close();
  });

  test('moving the z-range slider changes the plotted data and the URL', async () => {
    const page = await ctx.open();
    const before = await plotted(page);
    const slider = page.getByLabel('z máxima');
    await slider.focus();
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowRight');
    const after = await waitForRender(page, before);
    assert.equal(after.xmax, before.xmax + 1);
    assert.equal(after.x.at(-1), 7);
    assert.notDeepEqual(after.f, before.f);
    assert.match(await page.evaluate(() => location.hash), /zmax=7/);
    assert.deepEqual(await page.problems(), []);
    await page.close();
  });

  test('choosing ELU shows α; moving it changes f and matches the JS API', async () => {
    const page = await ctx.open();
    let before = await plotted(page);
    await page.getByLabel('Función', { exact: true }).selectOption('elu');
    before = await waitForRender(page, before);
    const alpha = page.getByLabel('α (alpha)');
    assert.equal(await alpha.inputValue(), '1.5', 'the lesson starts ELU at α = 1.5');
    await alpha.fill('2.5');
    const after = await waitForRender(page, before);
    const expected = await page.evaluate(
      (x) => Array.from(window.activaciones.api.evaluate('elu', x, { alpha: 2.5 }).f),
      after.x,
    );
    assert.deepEqual(after.f, expected);
    assert.ok(after.f[0] < before.f[0], 'a larger α saturates lower');
    // Back to Keras's default.
    await page.getByRole('button', { name: /Valor de Keras/ }).click();
    const reset = await waitForRender(page, after);
    assert.equal(await alpha.inputValue(), '1');
    assert.ok(Math.abs(reset.f[0] - Math.expm1(-6)) < 1e-15);
    assert.deepEqual(await page.problems(), []);
    await page.close();
  });

  test('a shared link reopens the same function, range and α', async () => {
    const page = await ctx.open('#explorador?fn=elu&zmin=-3&zmax=2&alpha=2');
    const data = await plotted(page);
    assert.equal(await page.getByLabel('Función', { exact: true }).inputValue(), 'elu');
    assert.deepEqual([data.xmin, data.xmax], [-3, 2]);
    assert.ok(Math.abs(data.f[0] - 2 * Math.expm1(-3)) < 1e-15);
    await page.close();
  });

  test('a malformed link falls back to defaults instead of breaking', async () => {
    const page = await ctx.open('#explorador?fn=<script>&zmin=abc&zmax=1e308&alpha=NaN');
    const data = await plotted(page);
    assert.equal(await page.getByLabel('Función', { exact: true }).inputValue(), 'sigmoid');
    assert.deepEqual([data.xmin, data.xmax], [-6, 50]);
    assert.deepEqual(await page.problems(), []);
    await page.close();
  });

  test('every function of the select draws finite curves', async () => {
    const page = await ctx.open();
    const ids = await page
      .getByLabel('Función', { exact: true })
      .evaluate((s) => [...s.options].map((o) => o.value));
    assert.equal(ids.length, 8);
    let data = await plotted(page);
    for (const id of ids.slice(1)) {
      await page.getByLabel('Función', { exact: true }).selectOption(id);
      data = await waitForRender(page, data);
      assert.ok(data.f.every(Number.isFinite), id);
      assert.ok(data.df.every(Number.isFinite), id);
    }
    assert.deepEqual(await page.problems(), []);
    await page.close();
  });
});

describe('when something is missing', () => {
  test('without the wasm file the page says so in Spanish and stays readable', async () => {
    const page = await ctx.open('', {
      route: (p) => p.route('**/*.wasm', (r) => r.abort()),
    });
    assert.equal(await page.evaluate(() => document.documentElement.dataset.app), 'error');
    const status = page.locator('#app-status');
    assert.ok(await status.isVisible());
    assert.match(await status.textContent(), /No se ha podido cargar el motor de cálculo/);
    assert.match(await page.locator('h1').textContent(), /Funciones de activación/);
    const problems = (await page.problems()).filter((p) => !p.includes('net::ERR_FAILED'));
    assert.deepEqual(problems, []);
    await page.close();
  });

  test('without the app bundle the boot script explains what happened', async () => {
    const page = await ctx.open('', {
      route: (p) => p.route('**/assets/app.js', (r) => r.abort()),
    });
    const status = page.locator('#app-status');
    assert.ok(await status.isVisible());
    assert.match(await status.textContent(), /No se ha podido cargar el código de la lección/);
    await page.close();
  });
});
