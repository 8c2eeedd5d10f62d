// Shareable state: every section's controls survive a reload through the URL, "Compartir" copies
// that link, "Insertar" gives the iframe code for embed.html in the same state, and a link with
// bad values carries on with a quiet Spanish note.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { mkdtemp, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { startStaticServer } from '../../build-scripts/lib/static-server.mjs';
import { useBrowser } from './support/harness.mjs';
import { ANCHORS, nudge, snapshot } from './support/lesson.mjs';

const ctx = useBrowser();
const WITH_LABS = process.env.ONLY
  ? [process.env.ONLY]
  : ANCHORS.filter((a) => a !== 'introduccion');
// Charts drawn synchronously from the state; the network labs draw later, from a worker.
const SYNC = (key) => !/^(gradiente|autonormalizacion|entrenamiento)/.test(key);

/** Every control's value in a section, by name, as the reader sees it. */
const controlValues = (page, anchor) =>
  page.locator(`#${anchor}`).evaluate((section) =>
    [...section.querySelectorAll('input[name], select[name]')]
      .filter((c) => c.type !== 'radio' || c.checked)
      .map((c) => {
        // A radio group's name ends in a number the page gives it as it builds the labs.
        const name = c.type === 'radio' ? c.name.replace(/-\d+$/, '') : c.name;
        return `${name}=${c.type === 'checkbox' ? c.checked : c.value}`;
      })
      .sort()
      .join('&'),
  );

const chartsOf = (page, anchor) =>
  page.evaluate(
    (a) => Object.keys(window.activaciones.charts).filter((k) => k === a || k.startsWith(`${a}-`)),
    anchor,
  );

/** Changes a few of the section's controls: up to three sliders, a checkbox and a select. */
async function changeControls(page, anchor) {
  const section = page.locator(`#${anchor}`);
  const sliders = section.locator('input[type=range]:visible');
  for (let i = 0; i < Math.min(3, await sliders.count()); i += 1) await nudge(page, sliders.nth(i));
  const boxes = section.locator('input[type=checkbox]:visible');
  if ((await boxes.count()) > 0) await boxes.first().click();
  const selects = section.locator('select:visible');
  if ((await selects.count()) > 0) {
    const select = selects.first();
    const options = await select.locator('option').evaluateAll((o) => o.map((x) => x.value));
    const current = await select.inputValue();
    await select.selectOption(options.find((v) => v !== current));
  }
}

describe('shareable state', () => {
  test('every section’s state survives a reload through the URL', async () => {
    const page = await ctx.open('');
    for (const anchor of WITH_LABS) {
      // One page makes every section's changes (a move within the page); a fresh one restores each.
      await page.goto(`${ctx.server.url}#${anchor}`);
      await changeControls(page, anchor);
      await page.waitForFunction((a) => location.hash.includes(`${a}.`), anchor);
      // The URL is written at most every 250 ms, and at once when the page is left: leave it.
      await page.evaluate(() => dispatchEvent(new Event('pagehide')));
      const url = page.url();
      const values = await controlValues(page, anchor);
      const charts = (await chartsOf(page, anchor)).filter(SYNC);
      const before = await Promise.all(charts.map((k) => snapshot(page, k)));

      const again = await ctx.open(url.slice(ctx.server.url.length));
      assert.equal(await controlValues(again, anchor), values, `${anchor}: controls restored`);
      const after = await Promise.all(charts.map((k) => snapshot(again, k)));
      assert.deepEqual(after, before, `${anchor}: charts restored`);
      assert.deepEqual(await again.problems(), []);
      await again.close();
    }
    assert.deepEqual(await page.problems(), []);
    await page.close();
  });

  test('«Compartir» copies the link to the section in its state', async () => {
    const context = await ctx.browser.newContext({
      permissions: ['clipboard-read', 'clipboard-write'],
      serviceWorkers: 'block',
    });
    const page = await ctx.open('#elu?elu.alpha=2', { context });
    await page.locator('#elu .share-bar').getByRole('button', { name: 'Compartir' }).click();
    await page.waitForFunction(() => document.querySelector('#elu .share-status').textContent);
    const copied = await page.evaluate(() => navigator.clipboard.readText());
    assert.equal(copied, `${ctx.server.url}#elu?elu.alpha=2`);
    assert.match(await page.locator('#elu .share-status').textContent(), /Copiado/);
    await context.close();
  });

  test('«Insertar» gives the iframe and a plain link for the state on screen', async () => {
    const page = await ctx.open('#relu');
    await nudge(page, page.locator('#relu input[name="zmax"]'));
    await page.locator('#relu .share-bar').getByRole('button', { name: 'Insertar' }).click();
    const code = await page.locator('#relu .embed-code').inputValue();
    const url = `${ctx.server.url}embed.html?section=relu&amp;zmax=5.5`;
    assert.match(code, /^<iframe src="[^"]+" title="ReLU · Funciones de activación"/);
    assert.ok(code.includes(`src="${url}"`), code);
    assert.match(code, /width="100%" height="\d+" loading="lazy"/);
    assert.match(
      code,
      /<a href="[^"]+" target="_blank" rel="noopener">ReLU · [^<]+: abrir en una pestaña nueva<\/a>/,
    );
    await page.locator('#relu .embed-panel').getByLabel('Con los controles').uncheck();
    assert.match(await page.locator('#relu .embed-code').inputValue(), /zmax=5\.5&amp;controls=0/);
    // A course with dark pages asks for the dark theme, whatever each student's system uses.
    await page.locator('#relu .embed-panel').getByLabel('Colores').selectOption('oscuro');
    assert.match(
      await page.locator('#relu .embed-code').inputValue(),
      /controls=0&amp;tema=oscuro"/,
    );
    // The code follows the controls while the panel is open.
    await nudge(page, page.locator('#relu input[name="zmax"]'));
    assert.match(await page.locator('#relu .embed-code').inputValue(), /zmax=6/);
    // Escape, from inside the panel, closes it and gives the keyboard back to «Insertar».
    await page.locator('#relu .embed-panel').getByLabel('Colores').focus();
    await page.keyboard.press('Escape');
    const insert = page.locator('#relu .share-bar').getByRole('button', { name: 'Insertar' });
    assert.equal(await page.locator('#relu .embed-panel').isVisible(), false);
    assert.equal(await insert.getAttribute('aria-expanded'), 'false');
    assert.ok(await insert.evaluate((b) => b === document.activeElement));
    assert.deepEqual(await page.problems(), []);
    await page.close();
  });

  test('«Insertar» of the comparison can embed one of its four figures', async () => {
    const page = await ctx.open('#comparacion');
    const bar = page.locator('#comparacion .share-bar');
    await bar.getByRole('button', { name: 'Insertar' }).click();
    const figures = bar.getByLabel('Gráficas');
    assert.deepEqual(
      await figures.locator('option').evaluateAll((all) => all.map((o) => o.textContent)),
      [
        'todas (4)',
        'Las funciones',
        'Sus derivadas',
        'La familia de ReLU',
        'Las derivadas de la familia',
      ],
    );
    const code = () => page.locator('#comparacion .embed-code').inputValue();
    assert.ok(!(await code()).includes('figura='));
    await figures.selectOption('Sus derivadas');
    assert.ok(
      (await code()).includes(
        `src="${ctx.server.url}embed.html?section=comparacion&amp;figura=derivadas"`,
      ),
      await code(),
    );
    assert.match(await code(), /title="Comparación: Sus derivadas · Funciones de activación"/);
    // The height is measured for that figure alone: a quarter of the section, give or take.
    const measured = async () => {
      const box = await page.waitForFunction(
        () => document.querySelector('#comparacion .embed-code').dataset.measured,
      );
      return Number(await box.jsonValue());
    };
    const one = await measured();
    await figures.selectOption('todas (4)');
    const all = await measured();
    assert.ok(one > 300 && one < all / 2, `one figure ${one} px, all four ${all} px`);
    assert.deepEqual(await page.problems(), []);
    await page.close();
  });

  test('the code follows changes that buttons make too, not only the controls', async () => {
    const page = await ctx.open('#elu');
    await page.locator('#elu .share-bar').getByRole('button', { name: 'Insertar' }).click();
    await nudge(page, page.locator('#elu input[name="alpha"]'));
    await page.waitForFunction(() =>
      /alpha=1\.[^0]/.test(document.querySelector('#elu .embed-code').value),
    );
    // The lab starts at the lesson's α = 1,5; the button sets Keras's 1.
    await page
      .locator('#elu')
      .getByRole('button', { name: 'Volver al valor de Keras (1)' })
      .click();
    await page.waitForFunction(() =>
      /section=elu&amp;alpha=1"/.test(document.querySelector('#elu .embed-code').value),
    );

    await page.locator('#softmax .share-bar').getByRole('button', { name: 'Insertar' }).click();
    await page.locator('#softmax').getByRole('button', { name: 'Añadir un logit' }).click();
    await page.waitForFunction(() =>
      /logits=2(%2C|,)1(%2C|,)0\.1(%2C|,)0"/.test(
        document.querySelector('#softmax .embed-code').value,
      ),
    );
    assert.deepEqual(await page.problems(), []);
    await page.close();
  });

  test('a plain link inside the page moves without dropping the state from the URL', async () => {
    const page = await ctx.open('#elu?elu.alpha=2');
    await page
      .locator('#elu')
      .getByRole('link', { name: /^Siguiente: SELU/ })
      .click();
    await page.waitForFunction(() => location.hash === '#selu?elu.alpha=2');
    await page.reload();
    await page.waitForSelector('[data-app="ready"]');
    assert.equal(await page.locator('#elu input[name="alpha"]').inputValue(), '2');
    // Back returns to the link's own entry, state and all.
    await page.goBack();
    await page.waitForFunction(() => location.hash === '#elu?elu.alpha=2');
    assert.deepEqual(await page.problems(), []);
    await page.close();
  });

  test('the iframe’s height is what the embed needs in a course column 700 px wide', async (t) => {
    // «Insertar» measures the embed; pasted in a column of that width on another origin, the
    // frame neither cuts it nor leaves a band of empty space under it.
    const dir = await mkdtemp(path.join(os.tmpdir(), 'curso-'));
    await writeFile(path.join(dir, 'favicon.ico'), '');
    const host = await startStaticServer({ root: dir });
    t.after(() => host.close());
    const page = await ctx.open('#elu');
    const snippet = async (bar) => {
      const code = page.locator(`${bar} .embed-code`);
      await code.and(page.locator('[data-measured]')).waitFor({ timeout: 30000 });
      return code.inputValue();
    };
    const heights = {};
    for (const bar of [
      '#elu .share-bar',
      '#comparacion .share-bar',
      '#softmax .share-bar',
      '#funcion-celu .share-bar',
    ]) {
      await page.locator(bar).first().getByRole('button', { name: 'Insertar' }).click();
      const code = await snippet(bar);
      const height = Number(/height="(\d+)"/.exec(code)[1]);
      const file = `${Object.keys(heights).length}.html`;
      await writeFile(
        path.join(dir, file),
        `<!doctype html><meta charset="utf-8"><title>Curso</title><body style="margin:0"><main style="width:${700}px">${code}</main>`,
      );
      const course = await ctx.browser.newPage({ viewport: { width: 1000, height: 800 } });
      await course.goto(host.url + file);
      const frame = course.frames()[1];
      await frame.waitForFunction(() => document.documentElement.dataset.app === 'ready');
      await course.waitForTimeout(300);
      // The content's own height: scrollHeight would never be less than the frame's.
      const needed = await frame.evaluate(() =>
        Math.ceil(document.documentElement.getBoundingClientRect().height),
      );
      assert.ok(
        height >= needed && height <= needed + 12,
        `${bar}: height="${height}", needs ${needed}`,
      );
      heights[bar] = height;
      await course.close();
    }
    const eluBar = '#elu .share-bar';
    await page.locator('#elu .embed-panel').getByLabel('Con los controles').uncheck();
    const bare = Number(/height="(\d+)"/.exec(await snippet(eluBar))[1]);
    assert.ok(bare < heights[eluBar] - 100, `without controls ${bare}, with ${heights[eluBar]}`);
    assert.match(
      await page.locator('#elu .embed-size').textContent(),
      new RegExp(`^Altura de ${bare} px: la que necesita en una columna de 700 px`),
    );
    await page.close();
  });

  test('a gallery card has its own «Compartir» and «Insertar», which open on that card', async () => {
    const context = await ctx.browser.newContext({
      permissions: ['clipboard-read', 'clipboard-write'],
      serviceWorkers: 'block',
    });
    const page = await ctx.open('#otras-funciones', { context });
    const card = page.locator('#funcion-celu');
    await nudge(page, card.locator('input[name="alpha"]'));
    // Moving a card's control makes the page's own link point at the card.
    await page.waitForFunction(() => location.hash.startsWith('#funcion-celu?'));
    await page.evaluate(() => dispatchEvent(new Event('pagehide')));
    const alpha = await card.locator('input[name="alpha"]').inputValue();
    assert.notEqual(alpha, '1');
    const chart = await snapshot(page, 'funcion-celu');

    await card.locator('.share-bar').getByRole('button', { name: 'Compartir' }).click();
    await page.waitForFunction(
      () => document.querySelector('#funcion-celu .share-status').textContent,
    );
    const link = await page.evaluate(() => navigator.clipboard.readText());
    assert.equal(link, `${ctx.server.url}#funcion-celu?otras-funciones.celu.alpha=${alpha}`);
    assert.equal(link, page.url());
    const again = await ctx.open(link.slice(ctx.server.url.length), { context });
    assert.equal(await again.locator('#funcion-celu input[name="alpha"]').inputValue(), alpha);
    assert.equal(await snapshot(again, 'funcion-celu'), chart);
    // It opens on the card, not at the top of the gallery 18 cards above.
    await again.waitForFunction(() => {
      const { top } = document.getElementById('funcion-celu').getBoundingClientRect();
      return Math.abs(top) < 40;
    });

    await card.locator('.share-bar').getByRole('button', { name: 'Insertar' }).click();
    const code = await card.locator('.embed-code').inputValue();
    assert.match(code, /^<iframe src="[^"]+" title="CELU · Funciones de activación"/);
    assert.ok(code.includes(`src="${ctx.server.url}embed.html?fn=celu&amp;alpha=${alpha}"`), code);
    const embed = await ctx.open('', { file: `embed.html?fn=celu&alpha=${alpha}`, context });
    assert.equal(await embed.locator('#funcion-celu input[name="alpha"]').inputValue(), alpha);
    assert.equal(await snapshot(embed, 'funcion-celu'), chart);
    // The embed's own link back to the lesson opens on the card too.
    assert.equal(
      await embed.locator('[data-embed-open]').getAttribute('href'),
      `${ctx.server.url}index.html#funcion-celu?otras-funciones.celu.alpha=${alpha}`,
    );
    // The section's own bar still shares the whole gallery.
    const whole = await page
      .locator('#otras-funciones > .share-bar')
      .getByRole('button', { name: 'Compartir' })
      .getAttribute('title');
    assert.match(whole, /sección/);
    // Its «Insertar» points a course to the cards': the whole gallery is some 28 000 px tall.
    await page
      .locator('#otras-funciones > .share-bar')
      .getByRole('button', { name: 'Insertar' })
      .click();
    assert.match(
      await page.locator('#otras-funciones > .share-bar .embed-size').textContent(),
      /La sección entera es muy alta: para una sola función, usa el «Insertar» de su tarjeta\.$/,
    );
    // A card's own panel has no such advice.
    assert.doesNotMatch(await card.locator('.embed-size').textContent(), /muy alta/);
    for (const p of [page, again, embed]) assert.deepEqual(await p.problems(), []);
    await context.close();
  });

  test('bad values in a link are ignored or clamped, with a quiet note', async () => {
    const page = await ctx.open(
      '#elu?elu.alpha=abc&elu.zmax=1e308&elu.deriv=2&elu.alpha=3&nada.x=1&elu.inventado=1',
    );
    assert.equal(await page.evaluate(() => document.documentElement.dataset.app), 'ready');
    const note = page.locator('#app-notice');
    assert.ok(await note.isVisible());
    const text = await note.innerText();
    for (const expected of [
      /«elu\.alpha=abc»: no válido; se usa 1\.5, el de partida/,
      /«elu\.zmax=1e308»: no válido; se usa \d+(?!, el de partida)/,
      /«elu\.deriv=2»: no válido; se usa 1, el de partida/,
      /«elu\.alpha=3»: repetido/,
      /«nada\.x=1»: no existe/,
      /«elu\.inventado=1»: no existe; los que hay: zmin, zmax, .*alpha$/m,
    ]) {
      assert.match(text, expected);
    }
    // alpha falls back to the lesson's 1.5; zmax is clamped to its largest value.
    assert.equal(await page.locator('#elu input[name="alpha"]').inputValue(), '1.5');
    assert.equal(
      await page.locator('#elu input[name="zmax"]').evaluate((i) => i.value === i.max),
      true,
    );
    await note.getByRole('button', { name: 'Cerrar' }).click();
    assert.equal(await note.isVisible(), false);
    assert.deepEqual(await page.problems(), []);
    await page.close();
  });

  test('an empty z range and an anchor the page lacks are noted too, not dropped silently', async () => {
    const page = await ctx.open('#elu?elu.zmin=5&elu.zmax=-5');
    assert.match(
      await page.locator('#app-notice').innerText(),
      /«elu\.zmin=5, zmax=-5»: el intervalo está vacío/,
    );
    assert.equal(await page.locator('#elu input[name="zmin"]').inputValue(), '-5');
    const lost = await ctx.open('#noexiste');
    assert.match(await lost.locator('#app-notice').innerText(), /«#noexiste»: no hay nada/);
    const embed = await ctx.open('', { file: 'embed.html?fn=elu&zmin=5&zmax=-5' });
    assert.match(
      await embed.locator('#app-notice').innerText(),
      /«zmin=5, zmax=-5»: el intervalo está vacío/,
    );
    // The comparison figures' checkboxes are a set: another order, or none, is no mistake.
    for (const hash of [
      '#comparacion?comparacion.funciones=tanh,sigmoid',
      '#comparacion?comparacion.funciones=',
    ]) {
      const figures = await ctx.open(hash);
      assert.equal(await figures.locator('#app-notice').isVisible(), false, hash);
      await figures.close();
    }
    const fine = await ctx.open('#funcion-celu');
    assert.equal(await fine.locator('#app-notice').isVisible(), false);
    for (const p of [page, lost, embed, fine]) {
      assert.deepEqual(await p.problems(), []);
      await p.close();
    }
  });
});
