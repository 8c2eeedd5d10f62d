// Softmax taught on a vector, and the four comparison figures with their checkboxes and the
// family's shared α.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { useBrowser } from './support/harness.mjs';
import { FIGURES, nudge, renders, snapshot, waitForRender } from './support/lesson.mjs';

const ctx = useBrowser();
const LAB = '#softmax [data-lab]';

function readSoftmax(page) {
  return page.evaluate(() => {
    const chart = window.activaciones.charts.softmax;
    const cells = [...document.querySelectorAll('#softmax .jacobian-table td')].map((td) =>
      Number(td.dataset.value),
    );
    return { bars: chart.data.datasets[0].data, cells };
  });
}

describe('softmax', () => {
  test('bars and Jacobian match the JS API, and the Jacobian is more than s(1 − s)', async () => {
    const page = await ctx.open('#softmax');
    const { bars, cells } = await readSoftmax(page);
    const api = await page.evaluate(() => ({
      s: Array.from(window.activaciones.api.softmax([2, 1, 0.1], 1)),
      j: Array.from(window.activaciones.api.softmaxJacobian([2, 1, 0.1], 1)),
    }));
    assert.deepEqual(bars, api.s);
    assert.deepEqual(cells, api.j);
    for (let i = 0; i < 3; i++) {
      assert.ok(Math.abs(cells[i * 3 + i] - api.s[i] * (1 - api.s[i])) < 1e-15, 'diagonal');
      const row = cells.slice(i * 3, i * 3 + 3).reduce((a, b) => a + b);
      assert.ok(Math.abs(row) < 1e-15, 'each row sums to 0');
    }
    assert.ok(cells[1] < 0, 'off-diagonal entries are −s_i s_j, not 0');
    await page.close();
  });

  test('the output functions are one radio group: each choice, and back, by mouse and by keys', async () => {
    const page = await ctx.open('#softmax');
    const api = (fn) =>
      page.evaluate((f) => Array.from(window.activaciones.api[f]([2, 1, 0.1], 1)), fn);
    const radio = (label) => page.getByRole('radio', { name: label, exact: true });
    const shows = async (label, fn) => {
      const want = await api(fn);
      await page.waitForFunction(
        (w) => JSON.stringify(window.activaciones.charts.softmax.data.datasets[0].data) === w,
        JSON.stringify(want),
      );
      const checked = await page.$$eval('#softmax input[type=radio]:checked', (r) => r.length);
      assert.equal(checked, 1, `only ${label} is checked`);
      assert.ok(await radio(label).isChecked(), label);
    };
    for (const [label, fn] of [
      ['Log-softmax', 'logSoftmax'],
      ['Softmax', 'softmax'],
      ['Sparsemax', 'sparsemax'],
      ['Softmax', 'softmax'],
    ]) {
      await radio(label).click();
      await shows(label, fn);
      // The table names the matrix it shows: log-softmax's is ∂(ln sᵢ)/∂zⱼ, not ∂sᵢ/∂zⱼ.
      const [d, row] = fn === 'logSoftmax' ? ['∂(ln sᵢ)/∂zⱼ', 'ln s₁'] : ['∂sᵢ/∂zⱼ', 's₁'];
      const table = page.getByRole('table', { name: `Matriz jacobiana ${d}`, exact: true });
      await table.getByRole('columnheader', { name: d, exact: true }).waitFor();
      assert.equal(await table.locator('tbody th').first().textContent(), row, label);
    }
    // Arrow keys move within the group, as in any radio group.
    await radio('Softmax').focus();
    await page.keyboard.press('ArrowDown');
    await shows('Sparsemax', 'sparsemax');
    await page.keyboard.press('ArrowUp');
    await shows('Softmax', 'softmax');
    assert.deepEqual(await page.problems(), []);
    await page.close();
  });

  test('tiny Jacobian entries show their size, not «−0», and ties are called ties', async () => {
    const page = await ctx.open('#softmax?softmax.fn=log_softmax&softmax.logits=-8,0,0');
    await page.waitForFunction(
      () => document.querySelectorAll('#softmax .jacobian-table td').length === 9,
    );
    const cells = await page.$$eval('#softmax .jacobian-table td', (tds) =>
      tds.map((td) => ({ text: td.textContent, value: Number(td.dataset.value) })),
    );
    for (const { text, value } of cells) {
      // «−2,2·10⁻⁴» or «0,5»: read back, it is the value to its 2 or 3 shown digits.
      const [m, e = '⁰'] = text.replace('−', '-').replace(',', '.').split('·10');
      const exponent = Number(
        [...e].map((c) => ('⁻'.includes(c) ? '-' : '⁰¹²³⁴⁵⁶⁷⁸⁹'.indexOf(c))).join(''),
      );
      const shown = Number(m) * 10 ** exponent;
      assert.ok(Math.abs(shown - value) <= 0.06 * Math.abs(value) + 5e-4, `${text} for ${value}`);
      assert.ok(value === 0 || Math.sign(shown) === Math.sign(value), `${text} keeps the sign`);
    }
    assert.match(
      await page.locator('#softmax [data-summary]').textContent(),
      /las clases 2 y 3 empatan como las más probables/,
    );
    await page.close();
  });

  test('the note under the Jacobian gives its diagonal with the temperature in it', async () => {
    for (const [fn, diagonal] of [
      ['softmax', (s) => (s * (1 - s)) / 0.5],
      ['log_softmax', (s) => (1 - s) / 0.5],
    ]) {
      const page = await ctx.open(`#softmax?softmax.fn=${fn}&softmax.logits=1,0,0&softmax.t=0.5`);
      const cell = page.locator('#softmax .jacobian-table td.diagonal').first();
      await cell.waitFor();
      const s = await page.evaluate(() => window.activaciones.api.softmax([1, 0, 0], 0.5)[0]);
      const value = Number(await cell.getAttribute('data-value'));
      assert.ok(Math.abs(value - diagonal(s)) < 1e-12, `${fn}: ${value}`);
      const note = await page.locator('#softmax .jacobian-note').textContent();
      assert.match(note, fn === 'softmax' ? /sᵢ\(1 − sᵢ\)\/T/ : /\(1 − sᵢ\)\/T/, fn);
      await page.close();
    }
  });

  test('sparsemax counts its exact zeros in words that agree', async () => {
    for (const [logits, words] of [
      ['1,0.9,0', 'una de ellas es exactamente 0'],
      ['0,0,0', 'ninguna es exactamente 0'],
      ['3,0,0', 'dos de ellas son exactamente 0'],
    ]) {
      const page = await ctx.open(`#softmax?softmax.fn=sparsemax&softmax.logits=${logits}`);
      const summary = page.locator('#softmax [data-summary]');
      await page.waitForFunction(() =>
        /suman/.test(document.querySelector('#softmax [data-summary]').textContent),
      );
      assert.match(await summary.textContent(), new RegExp(`suman 1, y ${words}\\.`), logits);
      await page.close();
    }
  });

  test('the summary never rounds a probability to a 1 it is not, and the chart is named for the output shown', async () => {
    const page = await ctx.open('#softmax?softmax.logits=10,1,0.1');
    const summary = page.locator('#softmax [data-summary]');
    await page.waitForFunction(() =>
      /suman/.test(document.querySelector('#softmax [data-summary]').textContent),
    );
    // s₁ = 0,99983: «1 (clase 1)» would say that the others are 0.
    assert.match(await summary.textContent(), /son 0,9998 \(clase 1\), 1,23·10⁻⁴ \(clase 2\)/);
    // Other values keep their three digits, a trailing zero too: 0,520, not «0,5199».
    await page.locator('#softmax').getByLabel('Logit z₁ (clase 1)').fill('2');
    await page.waitForFunction(() =>
      /son 0,\d+ \(clase 1\), 0,/.test(
        document.querySelector('#softmax [data-summary]').textContent,
      ),
    );
    assert.match(await summary.textContent(), /son 0,659 \(clase 1\), 0,242 \(clase 2\) y 0,0986/);
    await page.locator('#softmax').getByLabel('Logit z₂ (clase 2)').fill('0.6');
    await page.locator('#softmax').getByLabel('Logit z₃ (clase 3)').fill('0.3');
    await page.waitForFunction(() =>
      /0,128 \(clase 3\)/.test(document.querySelector('#softmax [data-summary]').textContent),
    );
    // s₁ = 0,69965. The logits are in the text too: printed, the sliders are not.
    assert.match(
      await summary.textContent(),
      /^Softmax con los 3 logits z = \(2; 0,6; 0,3\) y T = 1: las probabilidades son 0,700 \(clase 1\), 0,173 \(clase 2\) y 0,128/,
    );
    assert.match(
      await summary.textContent(),
      /suma 0, salvo errores de redondeo de \S+ como mucho\.$|suma exactamente 0\.$/,
    );
    const canvas = page.locator('#softmax canvas[data-chart]');
    assert.equal(
      await canvas.getAttribute('aria-label'),
      'Probabilidades de softmax para cada logit',
    );
    await page.locator('#softmax').getByLabel('Log-softmax').check();
    await page.waitForFunction(() =>
      /log-softmax/.test(
        document.querySelector('#softmax canvas[data-chart]').getAttribute('aria-label'),
      ),
    );
    assert.deepEqual(await page.problems(), []);
    await page.close();
  });

  test('sparsemax says why its Jacobian is all 0, and which side a logit on the threshold gets', async () => {
    // The default logits (2; 1; 0,1) put z₂ exactly on the threshold τ = 1, with one class in
    // the support. The note's claim is checked against one-sided differences of the API.
    const page = await ctx.open('#softmax?softmax.fn=sparsemax');
    const note = page.locator('#softmax .jacobian-note');
    await page.waitForFunction(
      () => /k = 1/.test(document.querySelector('#softmax .jacobian-note').textContent),
      null,
      { polling: 100 },
    );
    const text = await note.textContent();
    assert.match(text, /el soporte es solo la clase 1 \(k = 1\).*toda la jacobiana es 0/);
    // Its zeros are untinted: neither the orange of a positive nor the blue of a negative.
    const signs = await page
      .locator('#softmax .jacobian-table td')
      .evaluateAll((cells) => [...new Set(cells.map((c) => c.classList.contains('zero')))]);
    assert.deepEqual(signs, [true]);
    assert.match(text, /El logit z₂ está justo en el umbral τ.*la derivada si baja; si sube/);
    const sides = await page.evaluate(() => {
      const { api } = window.activaciones;
      const z = [2, 1, 0.1];
      const table = [...document.querySelectorAll('#softmax .jacobian-table td')].map((td) =>
        Number(td.dataset.value),
      );
      const h = 1e-6;
      const column = (step) => {
        const moved = z.map((v, j) => (j === 1 ? v + step : v));
        const [a, b] = [api.sparsemax(moved, 1), api.sparsemax(z, 1)];
        return Array.from(a, (v, i) => (v - b[i]) / step);
      };
      return { table, down: column(-h), up: column(h) };
    });
    assert.ok(
      sides.table.every((v) => v === 0),
      'all 0 with one class in the support',
    );
    const columnTwo = [1, 4, 7].map((k) => sides.table[k]);
    assert.ok(
      columnTwo.every((v, i) => Math.abs(v - sides.down[i]) < 1e-6),
      `the table is the derivative as z₂ falls: ${sides.down}`,
    );
    assert.ok(
      sides.up.some((v, i) => Math.abs(v - columnTwo[i]) > 0.1),
      `and not as it rises: ${sides.up}`,
    );

    // One step up, z₂ joins the support: two classes, no corner, a Jacobian that moves.
    await page.evaluate(() => {
      location.hash = '#softmax?softmax.fn=sparsemax&softmax.logits=2,1.1,0.1';
    });
    await page.waitForFunction(
      () => /k = 2/.test(document.querySelector('#softmax .jacobian-note').textContent),
      null,
      { polling: 100 },
    );
    const after = await note.textContent();
    assert.doesNotMatch(after, /umbral τ, una esquina/);
    const cells = await page
      .locator('#softmax .jacobian-table td')
      .evaluateAll((tds) => tds.map((td) => Number(td.dataset.value)));
    assert.equal(cells[0], 0.5, '(1 − 1/k)/T with k = 2');
    await page.close();
  });

  test('the Jacobian is tinted against the largest entry possible, so a saturated softmax is pale', async () => {
    const strengths = async (page) => {
      await page.locator('#softmax .jacobian-table td').first().waitFor();
      return page
        .locator('#softmax .jacobian-table td')
        .evaluateAll((tds) =>
          tds.map((td) => [
            Number(td.dataset.value),
            Number(td.style.getPropertyValue('--strength')),
          ]),
        );
    };
    const page = await ctx.open('#softmax?softmax.logits=0,0,-10&softmax.t=0.5');
    // s₁ = s₂ ≈ 1/2: the diagonal's s(1 − s)/T is near its bound 1/(4T) = 0,5.
    for (const [value, strength] of await strengths(page))
      assert.ok(
        Math.abs(strength - Math.min(1, Math.abs(value) / 0.5)) < 1e-3,
        `${value}: ${strength}`,
      );
    assert.match(await page.locator('#softmax .jacobian-legend').textContent(), /±1\/\(4T\)/);
    await page.evaluate(() => {
      location.hash = '#softmax?softmax.logits=10,-10,-10&softmax.t=0.1';
    });
    await page.waitForFunction(
      () => Number(document.querySelector('#softmax .jacobian-table td').dataset.value) < 1e-40,
      null,
      { polling: 100 },
    );
    // Every entry is below 10⁻⁴⁰: every tint is the palest, the largest entry's too.
    for (const [value, strength] of await strengths(page)) assert.equal(strength, 0, String(value));
    await page.evaluate(() => {
      location.hash = '#softmax?softmax.fn=log_softmax&softmax.logits=10,-10,-10&softmax.t=0.1';
    });
    await page.waitForFunction(
      () => /±1\/T\./.test(document.querySelector('#softmax .jacobian-legend').textContent),
      null,
      { polling: 100 },
    );
    // ln s: the diagonal 1 − sᵢ is 1/T for the two small classes, at the bound.
    const cells = await strengths(page);
    assert.equal(cells[4][1], 1);
    await page.evaluate(() => {
      location.hash = '#softmax?softmax.fn=sparsemax&softmax.logits=0,0,0&softmax.t=1';
    });
    await page.waitForFunction(
      () => /±2\/\(3T\)\./.test(document.querySelector('#softmax .jacobian-legend').textContent),
      null,
      { polling: 100 },
    );
    // Sparsemax with all 3 classes in the support: the diagonal's 1 − 1/3 is its bound, and the
    // rest, −1/3, half of it.
    const sparse = (await strengths(page)).map(([, strength]) => strength);
    assert.deepEqual(sparse, [1, 0.5, 0.5, 0.5, 1, 0.5, 0.5, 0.5, 1]);
    await page.close();
  });

  test('in forced colours the Jacobian note drops its colour key', async () => {
    const page = await ctx.open('#softmax');
    const legend = page.locator('#softmax .jacobian-legend');
    await legend.waitFor();
    assert.ok(await legend.isVisible(), 'the key shows with colours');
    await page.emulateMedia({ forcedColors: 'active' });
    assert.ok(await legend.isHidden(), 'the tints are gone, and so is the key');
    assert.match(await page.locator('#softmax .jacobian-note').textContent(), /sᵢ\(1 − sᵢ\)/);
    await page.close();
  });

  test('a button the last press disabled hands the focus to the other one', async () => {
    const page = await ctx.open('#softmax');
    const button = (name) => page.locator('#softmax').getByRole('button', { name });
    await button('Añadir un logit').focus();
    for (let i = 0; i < 3; i++) await page.keyboard.press('Enter');
    assert.ok(await button('Añadir un logit').isDisabled());
    assert.equal(await page.evaluate(() => document.activeElement.textContent), 'Quitar el último');
    for (let i = 0; i < 3; i++) await page.keyboard.press('Enter');
    assert.ok(await button('Quitar el último').isDisabled());
    assert.equal(await page.evaluate(() => document.activeElement.textContent), 'Añadir un logit');
    await page.close();
  });

  test('every logit, the temperature and the add/remove buttons change the chart', async () => {
    const page = await ctx.open('#softmax');
    for (const input of await page.locator(`${LAB} input[type=range]`).all()) {
      const before = await readSoftmax(page);
      const count = await renders(page, LAB);
      await nudge(page, input);
      await waitForRender(page, LAB, count);
      assert.ok(
        JSON.stringify(await readSoftmax(page)) !== JSON.stringify(before),
        await input.getAttribute('name'),
      );
    }
    const add = page.getByRole('button', { name: 'Añadir un logit' });
    const remove = page.getByRole('button', { name: 'Quitar el último' });
    assert.ok(await remove.isDisabled(), 'at least 3 logits');
    for (const n of [4, 5, 6]) {
      await add.click();
      await page.waitForFunction(
        (k) => window.activaciones.charts.softmax.data.datasets[0].data.length === k,
        n,
      );
      assert.equal((await readSoftmax(page)).cells.length, n * n);
    }
    assert.ok(await add.isDisabled(), 'at most 6 logits');
    await remove.click();
    await page.waitForFunction(
      () => window.activaciones.charts.softmax.data.datasets[0].data.length === 5,
    );
    assert.match(await page.evaluate(() => location.hash), /softmax\.logits=/);
    assert.deepEqual(await page.problems(), []);
    await page.close();
  });

  test('a cold temperature concentrates the probability, a hot one spreads it', async () => {
    const page = await ctx.open('#softmax?softmax.t=0.1');
    const cold = (await readSoftmax(page)).bars;
    assert.ok(cold[0] > 0.9999);
    const t = page.locator(LAB).getByLabel('Temperatura T');
    const count = await renders(page, LAB);
    await t.fill('5');
    await waitForRender(page, LAB, count);
    const hot = (await readSoftmax(page)).bars;
    assert.ok(Math.max(...hot) - Math.min(...hot) < 0.2);
    await page.close();
  });
});

describe('comparison figures', () => {
  test('reproduce the source’s ranges and reference lines', async () => {
    const page = await ctx.open('#comparacion');
    const figs = await page.evaluate(
      (ids) =>
        ids.map((id) => {
          const c = window.activaciones.charts[id];
          const { x, y } = c.options.scales;
          return { x: [x.min, x.max], y: [y.min, y.max], lines: c.options.plugins.referenceLines };
        }),
      FIGURES,
    );
    assert.deepEqual(
      figs.map((f) => [f.x, f.y]),
      [
        [
          [-10, 10],
          [-2, 2],
        ],
        [
          [-5, 5],
          [-0.1, 1.1],
        ],
        [
          [-10, 10],
          [-5, 5],
        ],
        [
          [-3, 3],
          [-1, 2],
        ],
      ],
    );
    assert.deepEqual([figs[0].lines.x, figs[0].lines.y], [[0], [0, -1, 1]]);
    await page.close();
  });

  test('the family derivatives’ summary gives SELU′ up to λα, its limit at 0⁻', async () => {
    const page = await ctx.open('#comparacion');
    assert.match(
      await page
        .locator('[data-figure="comparacion-familia-derivadas"] [data-summary]')
        .textContent(),
      // λα is approached from the left; SELU′(0) = λ: «casi».
      /la derivada de SELU va de 0,08753 a casi 1,758[;.]/,
    );
    await page.close();
  });

  test('the summaries give no bound a function only tends to: the sigmoid stays below 1', async () => {
    const page = await ctx.open('#comparacion');
    const summary = (figure) =>
      page.locator(`[data-figure="comparacion-${figure}"] [data-summary]`).textContent();
    assert.match(
      await summary('funciones'),
      /^Funciones, para z entre −10 y 10: la sigmoide va de 4,54·10⁻⁵ a 0,99995; la tangente hiperbólica va de −0,999999996 a 0,999999996; ReLU va de 0 a 10;/,
    );
    // ELU with the lesson's α = 1,5 tends to −1,5 and never takes it.
    assert.match(await summary('familia'), /; ELU va de −1,4999 a 10;/);
    await page.close();
  });

  test('each checkbox adds or removes its curve', async () => {
    const page = await ctx.open('#comparacion');
    for (const figure of FIGURES) {
      const root = `[data-figure="${figure}"]`;
      const boxes = await page.locator(`${root} input[type=checkbox]`).all();
      assert.ok(boxes.length >= 3);
      for (const [i, box] of boxes.entries()) {
        const count = await renders(page, root);
        await box.click();
        await waitForRender(page, root, count);
        const hidden = await page.evaluate(
          ([id, k]) => window.activaciones.charts[id].data.datasets[k].hidden,
          [figure, i],
        );
        assert.equal(hidden, true, `${figure} curve ${i}`);
        // The figure says why it is empty only once every curve is gone.
        const note = await page.evaluate(
          (id) => window.activaciones.charts[id].options.plugins.emptyNote.text,
          figure,
        );
        assert.equal(note === '', i < boxes.length - 1, `${figure} curve ${i}: «${note}»`);
      }
      assert.match(await page.locator(`${root} [data-summary]`).textContent(), /ninguna curva/);
    }
    assert.match(await page.evaluate(() => location.hash), /comparacion\.funciones=(&|$)/);
    for (const figure of FIGURES) {
      await page.locator(`[data-figure="${figure}"] input[type=checkbox]`).first().click();
      await page.waitForFunction(
        (id) => window.activaciones.charts[id].options.plugins.emptyNote.text === '',
        figure,
        { polling: 100 },
      );
    }
    await page.close();
  });

  test('the family figures share ELU’s α; the others do not move', async () => {
    const page = await ctx.open('#comparacion');
    const before = await Promise.all(FIGURES.map((f) => snapshot(page, f)));
    const alpha = page.locator('#comparacion').getByLabel(/α de ELU/);
    assert.equal(await alpha.inputValue(), '1.5');
    const count = await renders(page, '[data-figure="comparacion-familia-derivadas"]');
    await alpha.fill('0.5');
    await waitForRender(page, '[data-figure="comparacion-familia-derivadas"]', count);
    const after = await Promise.all(FIGURES.map((f) => snapshot(page, f)));
    assert.deepEqual(
      after.map((s, i) => s !== before[i]),
      [false, false, true, true],
    );
    // ELU saturates at −α.
    const eluLeft = await page.evaluate(
      () => window.activaciones.charts['comparacion-familia'].data.datasets[1].data[0].y,
    );
    assert.ok(Math.abs(eluLeft + 0.5) < 1e-4);
    // At α = 3, ELU′ reaches 3 at the kink: the source's frame (up to 2) grows to show it.
    const again = await renders(page, '[data-figure="comparacion-familia-derivadas"]');
    await alpha.fill('3');
    await waitForRender(page, '[data-figure="comparacion-familia-derivadas"]', again);
    const frame = await page.evaluate(() => {
      const { y } = window.activaciones.charts['comparacion-familia-derivadas'].options.scales;
      return [y.min, y.max];
    });
    assert.equal(frame[0], -1);
    assert.ok(frame[1] > 3 && frame[1] < 3.5, `y up to ${frame[1]}`);
    await page.close();
  });
});
