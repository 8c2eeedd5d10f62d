// "Otras funciones de activación": every card draws and follows its controls, the family filter
// and the comparison work, frameworks can be compared, and the code comes in four frameworks.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { useBrowser } from './support/harness.mjs';
import { nudge, renders, snapshot, waitForRender } from './support/lesson.mjs';

const ctx = useBrowser();

const ADDED = [
  'gelu',
  'silu',
  'mish',
  'leaky_relu',
  'relu6',
  'hard_sigmoid',
  'hard_silu',
  'hard_tanh',
  'log_sigmoid',
  'celu',
  'squareplus',
  'sparse_plus',
  'sparse_sigmoid',
  'soft_shrink',
  'hard_shrink',
  'tanh_shrink',
  'threshold',
  'linear',
];

const cardLab = (id) => `#funcion-${id} [data-lab-card]`;

describe('the gallery of other functions', () => {
  test('has a card per added Keras 3 function, each with formulas, a chart with data and code', async () => {
    const page = await ctx.open('#otras-funciones');
    const ids = await page.locator('[data-card]').evaluateAll((a) => a.map((e) => e.dataset.card));
    assert.deepEqual(ids, ADDED);
    for (const id of ADDED) {
      const n = await page.evaluate(
        (k) => window.activaciones.charts[`funcion-${k}`].data.datasets[0].data.length,
        id,
      );
      assert.ok(n > 300, `${id} has data`);
      assert.equal(await page.locator(`#funcion-${id} .formula .katex-display`).count(), 2, id);
      assert.equal(await page.locator(`#funcion-${id} [role=tab]`).count(), 4, id);
    }
    // tanh_shrink' = tanh² peaks at both ends: the summary names both.
    assert.match(
      await page.locator('#funcion-tanh_shrink [data-summary]').textContent(),
      /f′ alcanza su máximo, 0,9987, en z = −4 y en z = 4\./,
    );
    // Hard SiLU' = (2z + 3)/6 tends to 1,5 at 3⁻ and is 1 at 3: no sample reaches 1,5.
    assert.match(
      await page.locator('#funcion-hard_silu [data-summary]').textContent(),
      /f′ no llega a un máximo: se acerca a 1,5 cuando z tiende a 3 por la izquierda/,
    );
    assert.deepEqual(await page.problems(), []);
    await page.close();
  });

  test('the comparison’s summary gives a derivative’s range up to its limits at jumps', async () => {
    const page = await ctx.open(
      '#otras-funciones?otras-funciones.comparar=hard_silu&otras-funciones.derivadas=1',
    );
    assert.match(
      await page.locator('[data-gallery-compare] [data-summary]').textContent(),
      // Limits at −3⁺ and 3⁻ that the core's f′ never takes (at ±3 it is 0 and 1): «casi».
      /: la derivada de la SiLU dura va de casi −0,5 a casi 1,5\./,
    );
    await page.close();
  });

  test('parameters read as the formulas name them, and Keras’s defaults only where it has them', async () => {
    const page = await ctx.open('#funcion-threshold');
    const card = page.locator(cardLab('threshold'));
    const summary = card.locator('[data-summary]');
    await page.waitForFunction(
      () => /θ = /.test(document.querySelector('#funcion-threshold [data-summary]').textContent),
      null,
      { polling: 100 },
    );
    assert.match(await summary.textContent(), /^Umbral con θ = 0 y v = 0,/);
    // keras.activations.threshold has no defaults: its buttons go back to the lesson's start.
    const resets = card.getByRole('button', { name: /volver al valor/i });
    assert.deepEqual(await resets.allTextContents(), [
      'Volver al valor inicial (0)',
      'Volver al valor inicial (0)',
    ]);
    // Alike on screen, but a screen reader hears which parameter each one resets.
    assert.deepEqual(
      await resets.evaluateAll((bs) => bs.map((b) => b.getAttribute('aria-label'))),
      ['Volver al valor inicial (0), parámetro θ', 'Volver al valor inicial (0), parámetro v'],
    );
    const leaky = page.locator(cardLab('leaky_relu'));
    assert.equal(
      await leaky.getByRole('button', { name: /volver al valor/i }).textContent(),
      'Volver al valor de Keras (0,2)',
    );
    assert.ok(await leaky.getByLabel('Pendiente s para z < 0 (negative_slope)').isVisible());
    await page.close();
  });

  test('every control of every card changes its chart', async () => {
    const page = await ctx.open('#otras-funciones');
    for (const id of ADDED) {
      const lab = cardLab(id);
      const key = `funcion-${id}`;
      for (const input of await page.locator(`${lab} input`).all()) {
        const name = await input.getAttribute('name');
        const checkbox = (await input.getAttribute('type')) === 'checkbox';
        const before = await snapshot(page, key);
        const count = await renders(page, lab);
        if (checkbox) await input.click();
        else await nudge(page, input);
        await waitForRender(page, lab, count);
        assert.ok((await snapshot(page, key)) !== before, `${id}: ${name} changed nothing`);
        if (checkbox && name.endsWith('-deriv')) {
          const again = await renders(page, lab);
          await input.click();
          await waitForRender(page, lab, again);
        }
      }
    }
    assert.deepEqual(await page.problems(), []);
    await page.close();
  });

  test('the family filter shows only the cards of a family', async () => {
    const page = await ctx.open('#otras-funciones');
    // Nothing is said before the reader does anything: the count, a status, is in the page as
    // served, so the filter's first run at load leaves it as it was.
    const served = await page.evaluate(() => fetch(location.pathname).then((r) => r.text()));
    assert.match(served, /data-filter-count>Se muestran las 18 funciones\.</);
    assert.equal(
      await page.locator('[data-filter-count]').textContent(),
      'Se muestran las 18 funciones.',
    );
    for (const family of ['relu', 'sigmoid', 'smooth', 'sparse', 'shrink']) {
      await page.locator(`[data-filter] input[value=${family}]`).check();
      const cards = await page
        .locator('[data-card]')
        .evaluateAll((a) => a.map((e) => [e.dataset.families.split(' '), e.hidden]));
      assert.ok(
        cards.some(([, hidden]) => !hidden),
        `${family} shows something`,
      );
      for (const [families, hidden] of cards) assert.equal(hidden, !families.includes(family));
      // The count, a status, tells a screen reader what the filter left.
      const shown = cards.filter(([, hidden]) => !hidden).length;
      assert.match(
        await page.locator('[data-filter-count]').textContent(),
        new RegExp(`^Se muestran ${shown} de ${cards.length} funciones \\([a-z]`),
      );
    }
    await page.waitForFunction(() => location.hash.includes('otras-funciones.filtro=shrink'));
    await page.locator('[data-filter] input[value=todas]').check();
    assert.equal(await page.locator('[data-card][hidden]').count(), 0);
    assert.equal(
      await page.locator('[data-filter-count]').textContent(),
      `Se muestran las ${await page.locator('[data-card]').count()} funciones.`,
    );
    await page.close();
  });

  test('a link to a card the filter hides shows it, with the filter back at «Todas»', async () => {
    const inView = (page) =>
      page.locator('#funcion-celu').evaluate((card) => {
        const box = card.getBoundingClientRect();
        return !card.hidden && box.top < innerHeight && box.bottom > 0;
      });
    // A link that says both (CELU is not a sigmoid).
    const linked = await ctx.open('#funcion-celu?otras-funciones.filtro=sigmoid');
    await linked.waitForFunction(() => !document.getElementById('funcion-celu').hidden);
    assert.ok(await linked.locator('[data-filter] input[value=todas]').isChecked());
    await linked.waitForFunction(() => !location.hash.includes('filtro='));
    assert.ok(await inView(linked), 'scrolled to the card');
    await linked.close();
    // A plain link followed after choosing a family.
    const page = await ctx.open('#otras-funciones');
    await page.locator('[data-filter] input[value=sigmoid]').check();
    assert.ok(await page.locator('#funcion-celu').isHidden());
    await page.evaluate(() => (location.hash = '#funcion-celu'));
    await page.waitForFunction(() => !document.getElementById('funcion-celu').hidden);
    assert.ok(await inView(page), 'scrolled to the card');
    assert.ok(await page.locator('[data-filter] input[value=todas]').isChecked());
    assert.doesNotMatch(await page.evaluate(() => location.hash), /filtro=/);
    assert.deepEqual(await page.problems(), []);
    await page.close();
  });

  test('any card can be added to the comparison at the top, and removed', async () => {
    const page = await ctx.open('#otras-funciones');
    const visible = () =>
      page.evaluate(() =>
        window.activaciones.charts['otras-funciones'].data.datasets
          .filter((d) => !d.hidden)
          .map((d) => d.fnId),
      );
    assert.deepEqual(await visible(), ['gelu', 'silu', 'mish']);
    const button = page.locator('#funcion-leaky_relu .compare-toggle');
    assert.equal(await button.textContent(), 'Añadir a la comparación');
    await button.click();
    await page.waitForFunction(() =>
      window.activaciones.charts['otras-funciones'].data.datasets.some(
        (d) => d.fnId === 'leaky_relu' && !d.hidden,
      ),
    );
    assert.equal(await button.textContent(), 'Quitar de la comparación');
    assert.equal(await button.getAttribute('aria-label'), 'Quitar de la comparación: Leaky ReLU');
    assert.equal(await button.getAttribute('aria-pressed'), null);
    assert.deepEqual(await visible(), ['gelu', 'silu', 'mish', 'leaky_relu']);
    // The comparison is far above: a status tells a screen reader what the button did.
    const said = page.locator('[data-gallery] > [role="status"]');
    assert.equal(await said.textContent(), 'Añadida a la comparación: Leaky ReLU (4 de 7).');
    // The comparison uses the card's own parameters.
    const slope = page.locator(cardLab('leaky_relu')).getByLabel('negative_slope');
    await slope.fill('0.5');
    await page.waitForFunction(() => {
      const d = window.activaciones.charts['otras-funciones'].data.datasets.find(
        (x) => x.fnId === 'leaky_relu',
      );
      return d.data[0].y === -2.5;
    });
    await page
      .locator('#funcion-leaky_relu')
      .getByRole('button', { name: 'Quitar de la comparación' })
      .click();
    await page.waitForFunction(
      () =>
        !window.activaciones.charts['otras-funciones'].data.datasets.some(
          (d) => d.fnId === 'leaky_relu' && !d.hidden,
        ),
    );
    assert.equal(await said.textContent(), 'Quitada de la comparación: Leaky ReLU (3 de 7).');
    await page.getByLabel('Comparar las derivadas').check();
    await page.waitForFunction(() =>
      window.activaciones.charts['otras-funciones'].data.datasets[0].label.endsWith('′'),
    );
    assert.deepEqual(await page.problems(), []);
    await page.close();
  });

  test('compared curves take distinct colours in comparison order, solid unless derivatives', async () => {
    const page = await ctx.open('#otras-funciones?otras-funciones.comparar=mish,celu');
    // The chart's curves and the legend's samples, in comparison order.
    const styles = () =>
      page.evaluate(() => {
        const chart = window.activaciones.charts['otras-funciones'];
        const items = [...document.querySelectorAll('[data-gallery-compare] [data-legend] li')];
        return items.map((li) => {
          const name = li.textContent;
          const d = chart.data.datasets.find((x) => !x.hidden && x.label.replace('′', '') === name);
          const line = li.querySelector('line');
          return {
            name,
            color: d?.borderColor,
            dash: d?.borderDash.join(' '),
            legend: [line.getAttribute('stroke'), line.getAttribute('stroke-dasharray') ?? ''],
          };
        });
      });
    const distinct = (list) =>
      new Set(list.map((s) => `${s.color}|${s.dash}`)).size === list.length;
    let list = await styles();
    assert.deepEqual(
      list.map((s) => [s.name, s.color, s.dash]),
      [
        ['Mish', '#0072b2', ''],
        ['CELU', '#d55e00', ''],
      ],
    );
    for (const s of list) assert.deepEqual(s.legend, [s.color, s.dash], s.name);
    // Filled up to the palette: seven colours, all solid; then the other cards cannot be added.
    for (const id of ['gelu', 'silu', 'relu6', 'threshold', 'linear']) {
      await page.locator(`#funcion-${id} .compare-toggle`).click();
    }
    await page.waitForFunction(
      () => document.querySelectorAll('[data-gallery-compare] [data-legend] li').length === 7,
    );
    list = await styles();
    assert.ok(distinct(list), JSON.stringify(list));
    assert.ok(
      list.every((s) => s.dash === ''),
      'functions are solid',
    );
    assert.equal(list.at(-1).name, 'Lineal');
    // Full, a card's button does nothing, says why, and stays in the keyboard's way.
    const blocked = page.locator('#funcion-hard_silu .compare-toggle');
    assert.equal(await blocked.getAttribute('aria-disabled'), 'true');
    assert.equal(await blocked.evaluate((b) => b.disabled || b.tabIndex < 0), false);
    assert.equal(
      await blocked.getAttribute('aria-label'),
      'Comparación completa: quita una función para añadir la SiLU dura',
    );
    await blocked.click({ force: true });
    assert.equal(await page.locator('[data-gallery-compare] [data-legend] li').count(), 7);
    // Derivatives are dashed, and still differ.
    await page.getByLabel('Comparar las derivadas').check();
    await page.waitForFunction(() =>
      window.activaciones.charts['otras-funciones'].data.datasets[0].label.endsWith('′'),
    );
    list = await styles();
    assert.ok(distinct(list), JSON.stringify(list));
    for (const s of list) {
      assert.notEqual(s.dash, '', `${s.name}′ is dashed`);
      assert.deepEqual(s.legend, [s.color, s.dash], s.name);
    }
    // Removing the first moves the others up a colour: CELU is now first.
    await page.locator('#funcion-mish .compare-toggle').click();
    await page.waitForFunction(
      () => document.querySelectorAll('[data-gallery-compare] [data-legend] li').length === 6,
    );
    list = await styles();
    assert.deepEqual([list[0].name, list[0].color], ['CELU', '#0072b2']);
    assert.equal(await blocked.getAttribute('aria-disabled'), 'false');
    assert.deepEqual(await page.problems(), []);
    await page.close();
  });

  test('a hand-written comparison link is taken in any order; bad ones get a notice', async () => {
    const page = await ctx.open('#otras-funciones?otras-funciones.comparar=celu,gelu');
    assert.equal(await page.locator('#app-notice').isVisible(), false);
    const legend = page.locator('[data-gallery-compare] [data-legend] li');
    assert.deepEqual(await legend.allTextContents(), ['CELU', 'GELU']);
    // The link the page writes keeps that order, and opens the same way.
    await page.getByLabel('Comparar las derivadas').check();
    await page.waitForFunction(() => location.hash.includes('comparar=celu%2Cgelu'));
    const again = await ctx.open(await page.evaluate(() => location.hash));
    assert.equal(await again.locator('#app-notice').isVisible(), false);
    assert.deepEqual(
      await again.locator('[data-gallery-compare] [data-legend] li').allTextContents(),
      ['CELU', 'GELU'],
    );
    await again.close();
    await page.close();
    const eight = 'gelu,silu,mish,celu,relu6,threshold,linear,hard_silu';
    for (const bad of ['celu,nada', 'celu,gelu,celu', eight]) {
      const p = await ctx.open(`#otras-funciones?otras-funciones.comparar=${bad}`);
      assert.match(await p.locator('#app-notice').innerText(), /comparar=.*»: no válido/, bad);
      await p.close();
    }
  });

  test('"Comparar bibliotecas" overlays the other frameworks’ versions', async () => {
    const page = await ctx.open('#otras-funciones');
    for (const id of ['leaky_relu', 'hard_sigmoid', 'gelu']) {
      const lab = cardLab(id);
      const count = await renders(page, lab);
      await page.locator(lab).getByLabel('Comparar bibliotecas').check();
      await waitForRender(page, lab, count);
      const labels = await page.evaluate(
        (k) =>
          window.activaciones.charts[`funcion-${k}`].data.datasets.slice(2).map((d) => d.label),
        id,
      );
      assert.ok(labels.length >= 1, `${id} has overlays`);
      assert.ok((await page.locator(`${lab} [data-legend] li`).count()) >= 1);
      // A screen reader hears what the overlays added: the legend ends the summary.
      const legend = await page.locator(`${lab} [data-legend] li`).allTextContents();
      const summary = await page.locator(`${lab} [data-summary]`).textContent();
      // Each entry's library and value, in a sentence with one colon, not a chain of them.
      const added = summary.slice(summary.indexOf(' Otras bibliotecas: '));
      assert.ok(added.length > 0 && added.split(':').length === 2, summary);
      for (const item of legend) {
        const said = item.replace(/^[^:]+: /, '').split(': ');
        assert.ok(
          said.every((part) => added.includes(part)),
          `${item} in ${summary}`,
        );
      }
    }
    const leaky = await page.locator(`${cardLab('leaky_relu')} [data-legend] li`).allTextContents();
    assert.deepEqual(leaky.slice(0, 2), [
      'Línea gris discontinua: PyTorch y JAX (pendiente 0,01)',
      'Línea gris de trazo y punto: Capa LeakyReLU de Keras y TF.js (0,3)',
    ]);
    // CELU′ is continuous at 0, where Keras on TensorFlow gives 2: a grey square says so.
    const celu = cardLab('celu');
    const before = await renders(page, celu);
    await page.locator(celu).getByLabel('Comparar bibliotecas').check();
    await waitForRender(page, celu, before);
    const squares = await page.evaluate(() =>
      window.activaciones.charts['funcion-celu'].options.plugins.markers.points.filter(
        (p) => p.square,
      ),
    );
    assert.deepEqual(
      squares.map((p) => [p.x, p.y]),
      [[0, 2]],
    );
    // hard_sigmoid's TF.js form is 0.2z + 0.5: at z = 1 it is 0.7.
    const tfjs = await page.evaluate(() => {
      const d = window.activaciones.charts['funcion-hard_sigmoid'].data.datasets[2].data;
      return d.find((p) => Math.abs(p.x - 1) < 1e-9)?.y;
    });
    assert.ok(Math.abs(tfjs - 0.7) < 1e-12, `0.2·1 + 0.5 = ${tfjs}`);
    await page.close();
  });

  test('the lesson’s ELU and SELU compare frameworks too', async () => {
    const page = await ctx.open('#elu');
    const lab = '#elu [data-lab]';
    let count = await renders(page, lab);
    await page.locator(lab).getByLabel('Comparar bibliotecas').check();
    await waitForRender(page, lab, count);
    const labels = await page.evaluate(() =>
      window.activaciones.charts.elu.data.datasets.slice(2).map((d) => d.label),
    );
    assert.ok(
      labels.some((l) => /TF\.js/.test(l)),
      labels.join(),
    );
    const selu = '#selu [data-lab]';
    count = await renders(page, selu);
    await page.locator(selu).getByLabel('Comparar bibliotecas').check();
    await waitForRender(page, selu, count);
    const squares = await page.evaluate(() =>
      window.activaciones.charts.selu.options.plugins.markers.points.filter((p) => p.square),
    );
    assert.equal(squares.length, 1);
    assert.ok(Math.abs(squares[0].y - 1.6732632423543772 * 1.0507009873554805) < 1e-12, 'λα');
    await page.close();
  });

  test('code tabs switch with the mouse and the keyboard, in the lesson and the gallery', async () => {
    const page = await ctx.open('#sigmoide');
    const tabs = page.locator('#sigmoide [role=tab]');
    assert.deepEqual(await tabs.allTextContents(), ['Keras', 'PyTorch', 'TensorFlow.js', 'NumPy']);
    await tabs.nth(1).click();
    const panel = page.locator('#sigmoide [role=tabpanel]:not([hidden])');
    assert.match(await panel.textContent(), /torch/);
    await tabs.nth(1).press('ArrowRight');
    assert.match(
      await page.locator('#sigmoide [role=tabpanel]:not([hidden])').textContent(),
      /tf\./,
    );
    assert.equal(await page.evaluate(() => document.activeElement.textContent), 'TensorFlow.js');
    await page.keyboard.press('End');
    assert.match(
      await page.locator('#sigmoide [role=tabpanel]:not([hidden])').textContent(),
      /np\./,
    );
    assert.equal(await page.locator('#sigmoide [role=tabpanel]:not([hidden])').count(), 1);
    // Tab from the tabs lands on the code, which says what it is: it can scroll sideways.
    await page.keyboard.press('Tab');
    assert.deepEqual(
      await page.evaluate(() => [document.activeElement.tagName, document.activeElement.ariaLabel]),
      ['PRE', 'Código en NumPy'],
    );
    const unnamed = await page.locator('pre[tabindex="0"]:not([aria-label^="Código en "])').count();
    assert.equal(unnamed, 0);
    await page.close();
  });
});
