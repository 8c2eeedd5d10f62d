// Each function section's lab as a student drives it: every control changes the chart, the
// probe reads the core's numbers, hovering moves it, and the derivative can be hidden.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { useBrowser } from './support/harness.mjs';
import {
  FUNCTION_SECTIONS,
  nudge,
  parseSpanish,
  renders,
  snapshot,
  waitForRender,
} from './support/lesson.mjs';

const ctx = useBrowser();

describe('function labs', () => {
  test('every slider, checkbox and button of every lab changes what its chart plots', async () => {
    const page = await ctx.open();
    for (const anchor of Object.keys(FUNCTION_SECTIONS)) {
      const lab = `#${anchor} [data-lab]`;
      const inputs = page.locator(`${lab} input`);
      const n = await inputs.count();
      assert.ok(n >= 5, `${anchor} has its controls`);
      for (let i = 0; i < n; i++) {
        const input = inputs.nth(i);
        const name = await input.getAttribute('name');
        const before = await snapshot(page, anchor);
        const count = await renders(page, lab);
        const checkbox = (await input.getAttribute('type')) === 'checkbox';
        if (checkbox) await input.click();
        else await nudge(page, input);
        await waitForRender(page, lab, count);
        assert.ok((await snapshot(page, anchor)) !== before, `${anchor}: ${name} changed nothing`);
        if (checkbox) {
          // Back as it was, so the next controls are judged with f′ on screen.
          const again = await renders(page, lab);
          await input.click();
          await waitForRender(page, lab, again);
          assert.equal(await snapshot(page, anchor), before);
        }
      }
      // "Back to Keras's default" moves the parameter back.
      // (The export buttons under the chart download it; they are not controls.)
      for (const button of await page.locator(`${lab} [data-controls] button`).all()) {
        const before = await snapshot(page, anchor);
        const count = await renders(page, lab);
        await button.click();
        await waitForRender(page, lab, count);
        assert.ok((await snapshot(page, anchor)) !== before, `${anchor}: reset changed nothing`);
      }
    }
    assert.deepEqual(await page.problems(), []);
    await page.close();
  });

  test('the probe reads exactly what the JS API computes, and prints it', async () => {
    const page = await ctx.open();
    for (const [anchor, id] of Object.entries(FUNCTION_SECTIONS)) {
      const lab = `#${anchor} [data-lab]`;
      for (const z of ['-2.37', '0', '1.5']) {
        const count = await renders(page, lab);
        await page.locator(lab).getByLabel('Sonda: z').fill(z);
        await waitForRender(page, lab, count);
        const shown = await page.locator(`${lab} [data-readout]`).evaluate((el) => ({
          ...el.dataset,
          text: [...el.querySelectorAll('.readout-value')].map((o) => o.textContent),
        }));
        const params = id === 'elu' ? { alpha: 1.5 } : {};
        const api = await page.evaluate(
          ([i, v, p]) => {
            const r = window.activaciones.api.evaluate(i, [v], p);
            return { f: r.f[0], df: r.df[0] };
          },
          [id, Number(z), params],
        );
        assert.equal(Number(shown.z), Number(z));
        assert.equal(Number(shown.f), api.f, `${anchor} f(${z})`);
        assert.equal(Number(shown.df), api.df, `${anchor} f′(${z})`);
        const [tz, tf, tdf] = shown.text.map(parseSpanish);
        assert.equal(tz, Number(z));
        assert.ok(
          Math.abs(tf - api.f) <= 5e-6 * Math.max(1e-300, Math.abs(api.f)),
          `${anchor} printed f`,
        );
        assert.ok(
          Math.abs(tdf - api.df) <= 5e-6 * Math.max(1e-300, Math.abs(api.df)),
          `${anchor} printed f′`,
        );
      }
    }
    await page.close();
  });

  test('the probe follows the pointer over the chart and returns when it leaves', async () => {
    const page = await ctx.open('#sigmoide');
    const lab = '#sigmoide [data-lab]';
    const canvas = page.locator(`${lab} canvas`);
    const box = await canvas.boundingBox();
    const count = await renders(page, lab);
    await page.mouse.move(box.x + box.width * 0.75, box.y + box.height / 2);
    await waitForRender(page, lab, count);
    const hovered = Number(await page.locator(`${lab} [data-readout]`).getAttribute('data-z'));
    assert.ok(hovered > 3, `hovering the right part moves the probe right (${hovered})`);
    const count2 = await renders(page, lab);
    await page.mouse.move(box.x + box.width / 2, box.y - 40);
    await waitForRender(page, lab, count2);
    assert.equal(await page.locator(`${lab} [data-readout]`).getAttribute('data-z'), '0');
    await page.close();
  });

  test('a click pins the probe where the pointer leaves it, and the link keeps it', async () => {
    const page = await ctx.open('#sigmoide');
    const lab = '#sigmoide [data-lab]';
    const box = await page.locator(`${lab} canvas`).boundingBox();
    const count = await renders(page, lab);
    await page.mouse.click(box.x + box.width * 0.75, box.y + box.height / 2);
    await waitForRender(page, lab, count);
    const pinned = await page.locator(`${lab} [data-readout]`).getAttribute('data-z');
    assert.ok(Number(pinned) > 3, `the click moved the probe right (${pinned})`);
    await page.mouse.move(box.x + box.width / 2, box.y - 40);
    await page.waitForFunction((z) => location.hash.includes(`z=${z}`), pinned);
    assert.equal(await page.locator(`${lab} [data-readout]`).getAttribute('data-z'), pinned);
    assert.equal(await page.locator(`${lab} input[name="z"]`).inputValue(), pinned);
    assert.deepEqual(await page.problems(), []);
    await page.close();
  });

  test('on a touch screen a tap pins the probe, a sideways drag moves it, and a vertical swipe still scrolls', async () => {
    const context = await ctx.browser.newContext({
      viewport: { width: 390, height: 740 },
      hasTouch: true,
      isMobile: true,
      serviceWorkers: 'block',
    });
    const page = await ctx.open('#sigmoide', { context });
    const lab = '#sigmoide [data-lab]';
    const canvas = page.locator(`${lab} canvas`);
    await canvas.scrollIntoViewIfNeeded();
    const box = await canvas.boundingBox();
    const readZ = async () =>
      Number(await page.locator(`${lab} [data-readout]`).getAttribute('data-z'));
    const y = box.y + box.height / 2;

    await page.touchscreen.tap(box.x + box.width * 0.25, y);
    await page.waitForFunction(
      (s) => Number(document.querySelector(s).dataset.z) < -2,
      `${lab} [data-readout]`,
    );
    const tapped = await readZ();
    await page.waitForTimeout(100);
    assert.equal(await readZ(), tapped, 'the probe stays where the finger lifted');

    const cdp = await context.newCDPSession(page);
    const touch = (type, x, yy) =>
      cdp.send('Input.dispatchTouchEvent', {
        type,
        touchPoints: type === 'touchEnd' ? [] : [{ x, y: yy }],
      });
    await touch('touchStart', box.x + box.width * 0.3, y);
    for (let i = 1; i <= 10; i++) await touch('touchMove', box.x + box.width * (0.3 + i * 0.05), y);
    await touch('touchEnd');
    await page.waitForFunction(
      (s) => Number(document.querySelector(s).dataset.z) > 2,
      `${lab} [data-readout]`,
    );
    const dragged = await readZ();

    const scrolled = await page.evaluate(() => scrollY);
    await touch('touchStart', box.x + box.width / 2, y + 60);
    for (let i = 1; i <= 10; i++) await touch('touchMove', box.x + box.width / 2, y + 60 - i * 15);
    await touch('touchEnd');
    await page.waitForFunction((s0) => scrollY > s0 + 50, scrolled);
    assert.equal(await readZ(), dragged, 'a vertical swipe leaves the probe alone');
    assert.deepEqual(await page.problems(), []);
    await context.close();
  });

  test('a screen reader hears each step once, the probe’s whole reading, and the new summary at rest', async () => {
    const page = await ctx.open('#sigmoide');
    // The sliders' shown values are hidden from screen readers (an <output> is a live region).
    assert.equal(await page.locator('main output:not([aria-hidden="true"])').count(), 0);
    const announced = () => page.locator('[data-announcer]').textContent();
    const lab = '#sigmoide [data-lab]';
    const probe = page.locator(`${lab} input[name="z"]`);
    const count = await renders(page, lab);
    await probe.focus();
    await page.keyboard.press('ArrowRight');
    await waitForRender(page, lab, count);
    const shown = await page.locator(`${lab} .readout-value`).allTextContents();
    assert.equal(
      await probe.getAttribute('aria-valuetext'),
      `z = ${shown[0]}; f(z) = ${shown[1]}; f′(z) = ${shown[2]}`,
    );
    // The probe changes no summary, so nothing more is said.
    await page.waitForTimeout(1500);
    assert.equal(await announced(), '');
    // The threshold does: its summary is said once the slider rests.
    const sat = page.locator(`${lab} input[name="sat"]`);
    await sat.focus();
    for (let i = 0; i < 3; i++) await page.keyboard.press('ArrowRight');
    const summary = page.locator(`${lab} [data-summary]`);
    await page.waitForFunction(() => document.querySelector('[data-announcer]').textContent !== '');
    assert.equal(await announced(), (await summary.textContent()).trim());
    assert.match(await announced(), /Zona de saturación/);
    assert.deepEqual(await page.problems(), []);
    await page.close();
  });

  test('a single step of a slider is announced too', async () => {
    const page = await ctx.open('#elu');
    const lab = '#elu [data-lab]';
    const before = await page.locator(`${lab} [data-summary]`).textContent();
    await page.locator(`${lab} input[name="alpha"]`).focus();
    await page.keyboard.press('ArrowRight');
    await page.waitForFunction(
      (s) => {
        const said = document.querySelector('[data-announcer]').textContent;
        return (
          said !== '' && said === document.querySelector(`${s} [data-summary]`).textContent.trim()
        );
      },
      lab,
      { timeout: 5000 },
    );
    assert.notEqual(await page.locator('[data-announcer]').textContent(), before.trim());
    assert.deepEqual(await page.problems(), []);
    await page.close();
  });

  test('ReLU marks the convention at its kink: f′(0) = 0 filled, the limit 1 hollow', async () => {
    const page = await ctx.open('#relu');
    const markers = await page.evaluate(() =>
      window.activaciones.charts.relu.options.plugins.markers.points.filter((p) => p.x === 0),
    );
    assert.ok(markers.some((p) => p.y === 0 && !p.open));
    assert.ok(markers.some((p) => p.y === 1 && p.open));
    // The f′ curve is cut at 0 rather than joined by a vertical segment.
    const gap = await page.evaluate(() =>
      window.activaciones.charts.relu.data.datasets[1].data.some((p) => p.x === 0 && p.y === null),
    );
    assert.ok(gap);
    await page.close();
  });

  test('saturation shading covers where |f′| is below the threshold', async () => {
    const page = await ctx.open('#sigmoide');
    const { bands, edge } = await page.evaluate(() => {
      const { api, charts } = window.activaciones;
      // Bisection on the core's sigma'(z) = 0.01, for z > 0.
      let [lo, hi] = [0, 10];
      for (let i = 0; i < 60; i++) {
        const mid = (lo + hi) / 2;
        if (api.evaluate('sigmoid', [mid]).df[0] > 0.01) lo = mid;
        else hi = mid;
      }
      return { bands: charts.sigmoide.options.plugins.bands.intervals, edge: lo };
    });
    assert.equal(bands.length, 2, 'a band on each side');
    assert.ok(Math.abs(bands[0][1] + edge) < 1e-3, `left edge ${bands[0][1]} vs ${-edge}`);
    assert.ok(Math.abs(bands[1][0] - edge) < 1e-3, `right edge ${bands[1][0]} vs ${edge}`);
    const summary = await page.locator('#sigmoide [data-summary]').textContent();
    assert.match(summary, /Zona de saturación \(\|f′\| < 0,01\): z < −4,58 y z > 4,58/);
    assert.match(summary, /f′ alcanza su máximo, 0,25, en z = 0/);
    assert.match(summary, /f es creciente/);
    await page.close();
  });

  test('SELU’s summary gives the sup of f′, λα, as the limit at 0⁻, not a sample’s 1,73', async () => {
    const page = await ctx.open('#selu');
    assert.match(
      await page.locator('#selu [data-summary]').textContent(),
      /f′ no llega a un máximo: se acerca a 1,758 cuando z tiende a 0 por la izquierda, y en z = 0 vale 1,051\./,
    );
    await page.close();
  });

  test('ELU starts at the lesson’s α = 1.5 and goes back to Keras’s 1.0', async () => {
    const page = await ctx.open('#elu');
    const alpha = page.locator('#elu').getByLabel('α (alpha)');
    assert.equal(await alpha.inputValue(), '1.5');
    assert.match(
      await page.locator('#elu [data-snippet-framework="keras"] [data-snippet-code]').textContent(),
      /ELU\(alpha=1\.5\)/,
    );
    const pytorch = page.locator('#elu [data-snippet-framework="pytorch"] [data-snippet-code]');
    assert.match(await pytorch.textContent(), /torch\.nn\.ELU\(alpha=1\.5\)/);
    // PyTorch's line follows the chart's α too, as Keras's does.
    await alpha.fill('0.1');
    await page.waitForFunction(() =>
      document
        .querySelector('#elu [data-snippet-framework="pytorch"] [data-snippet-code]')
        .textContent.includes('torch.nn.ELU(alpha=0.1)'),
    );
    await page
      .locator('#elu')
      .getByRole('button', { name: /valor de Keras/ })
      .click();
    assert.equal(await alpha.inputValue(), '1');
    await page.waitForFunction(
      () =>
        !document
          .querySelector('#elu [data-snippet-framework="keras"] [data-snippet-code]')
          .textContent.includes('ELU(alpha'),
    );
    assert.match(await pytorch.textContent(), /torch\.nn\.ELU\(alpha=1\.0\)/);
    await page.close();
  });

  test('SELU shows its fixed constants', async () => {
    const page = await ctx.open('#selu');
    const text = await page.locator('#selu [data-controls]').innerText();
    assert.match(text, /α \(alpha\) = 1,6732632424/);
    assert.match(text, /λ \(scale\) = 1,0507009874/);
    await page.close();
  });

  test('the copy button copies the Keras snippet', async () => {
    const context = await ctx.browser.newContext();
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], {
      origin: ctx.server.url,
    });
    const page = await ctx.open('#relu', { context });
    const snippet = page.locator('#relu [role=tabpanel]:not([hidden]) .snippet');
    // Named for its code: a list of buttons does not read «Copiar» four times over.
    await snippet.getByRole('button', { name: 'Copiar el código en Keras', exact: true }).click();
    await page.waitForFunction(
      () =>
        document.querySelector('#relu [role=tabpanel]:not([hidden]) [data-copy-status]')
          .textContent !== '',
    );
    assert.match(await snippet.locator('[data-copy-status]').textContent(), /Copiado/);
    const copied = await page.evaluate(() => navigator.clipboard.readText());
    assert.equal(copied, await snippet.locator('code').textContent());
    assert.match(copied, /activation="relu"/);
    await context.close();
  });

  test('follows the light/dark preference live', async () => {
    const page = await ctx.open('#sigmoide');
    const color = () =>
      page.evaluate(() => window.activaciones.charts.sigmoide.data.datasets[0].borderColor);
    const light = await color();
    await page.emulateMedia({ colorScheme: 'dark' });
    await page.waitForFunction(
      (c) => window.activaciones.charts.sigmoide.data.datasets[0].borderColor !== c,
      light,
    );
    assert.notEqual(await color(), light);
    await page.close();
  });
});
