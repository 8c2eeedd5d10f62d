// embed.html opened alone: every function and every lab, configured by the query (hide=, the
// frame's headings). Frames on another origin, whose rendering Chromium pauses when busy, are in
// embed.test.mjs, which runs with the timed tests.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { axeViolations } from './support/axe.mjs';
import { shown } from './support/embed.mjs';
import { useBrowser } from './support/harness.mjs';
import { ANCHORS } from './support/lesson.mjs';

const ctx = useBrowser();
const LABS = ANCHORS.filter((a) => a !== 'introduccion');

describe('embed.html alone', () => {
  test('shows every function of the registry alone, from ?fn=', async () => {
    const page = await ctx.open('');
    const ids = await page.evaluate(() =>
      window.activaciones.api
        .list()
        .filter((s) => s.id !== 'log_softmax' && s.id !== 'sparsemax')
        .map((s) => s.id),
    );
    await page.close();
    for (const id of ids) {
      const embed = await ctx.open('', { file: `embed.html?fn=${id}` });
      const s = await shown(embed);
      assert.equal(s.app, 'ready', `${id}: ${s.status}`);
      assert.equal(s.sections.length, 1, id);
      assert.ok(s.charts >= 1, `${id} draws`);
      // A gallery card's embed builds that card's lab alone, not the other hidden ones.
      const cards = await embed.evaluate((fn) => {
        const charts = Object.keys(window.activaciones.charts).filter((k) =>
          k.startsWith('funcion-'),
        );
        return document.querySelector(`[data-card="${fn}"]`) ? charts : null;
      }, id);
      if (cards) {
        assert.deepEqual(cards, [`funcion-${id}`], id);
        // Like a section's frame: title, formulas and lab; the chart right under the formulas.
        const layout = await embed.evaluate((fn) => {
          const card = document.querySelector(`[data-card="${fn}"]`);
          const shown = (sel) =>
            [...card.querySelectorAll(sel)].filter((e) => e.getClientRects().length > 0).length;
          return {
            prose: shown('.card-use, .card-families, .framework-note, .code-tabs, .snippet'),
            gap:
              card.querySelector('canvas[data-chart]').getBoundingClientRect().top -
              card.querySelector('.formulas').getBoundingClientRect().bottom,
          };
        }, id);
        assert.equal(layout.prose, 0, `${id}: no prose or code in the frame`);
        assert.ok(layout.gap < 150, `${id}: the chart follows the formulas (${layout.gap} px)`);
      }
      assert.ok(
        !(await embed.locator('.toc, .site-header, .section-nav').count()),
        'no site chrome',
      );
      assert.deepEqual(await embed.problems(), [], id);
      await embed.close();
    }
  });

  test('shows every lab, from ?section= and ?lab=, configured by the query', async () => {
    for (const anchor of LABS) {
      const key = anchor === 'entrenamiento' ? 'lab' : 'section';
      const embed = await ctx.open('', { file: `embed.html?${key}=${anchor}` });
      const s = await shown(embed);
      assert.equal(s.app, 'ready', anchor);
      assert.deepEqual(s.sections, [anchor]);
      assert.doesNotMatch(await embed.title(), /^\d/, 'no section number');
      assert.equal(
        await embed.title(),
        `${(await embed.locator(`#${anchor} h1`).textContent()).replace(/^\d+\.\s*/, '')} · Funciones de activación`,
      );
      assert.deepEqual(await embed.problems(), [], anchor);
      await embed.close();
    }
    const elu = await ctx.open('', {
      file: 'embed.html?fn=elu&alpha=2&deriv=1&zmin=-5&zmax=5&hide=sat,z',
    });
    assert.equal(await elu.locator('#elu input[name="alpha"]').inputValue(), '2');
    assert.equal(await elu.locator('#elu input[name="zmin"]').inputValue(), '-5');
    assert.equal(await elu.locator('#elu input[name="sat"]').isVisible(), false);
    assert.equal(await elu.locator('#elu input[name="z"]').isVisible(), false);
    assert.equal(await elu.locator('#elu input[name="alpha"]').isVisible(), true);
    assert.equal(await elu.locator('#app-notice').isVisible(), false);
    const open = await elu.locator('[data-embed-open]').getAttribute('href');
    assert.equal(open, `${ctx.server.url}index.html#elu?elu.alpha=2`);
    await elu.close();
    // A name that no control has is noted, like any other value the frame cannot use.
    const typo = await ctx.open('', { file: 'embed.html?fn=elu&hide=probe,sat' });
    assert.equal(await typo.locator('#elu input[name="sat"]').isVisible(), false);
    assert.match(
      await typo.locator('#app-notice').textContent(),
      /«hide=probe»: no hay ningún control con ese nombre en este marco/,
    );
    await typo.close();
    // A card's own controls go by the same names: «deriv», not «celu-deriv».
    const card = await ctx.open('', { file: 'embed.html?fn=celu&hide=deriv' });
    assert.equal(
      await card
        .getByLabel(/derivada/i)
        .first()
        .isVisible(),
      false,
    );
    assert.equal(await card.locator('#app-notice').isVisible(), false);
    await card.close();
    // With section=, fn= is the section's own state: softmax's output function, as «Insertar»
    // writes it.
    const output = await ctx.open('', { file: 'embed.html?section=softmax&fn=sparsemax' });
    await output.getByRole('radio', { name: 'Sparsemax', exact: true }).waitFor();
    assert.ok(await output.getByRole('radio', { name: 'Sparsemax', exact: true }).isChecked());
    assert.equal(await output.locator('#app-notice').isVisible(), false);
    assert.deepEqual(await output.problems(), []);
    await output.close();
    const bare = await ctx.open('', {
      file: 'embed.html?lab=entrenamiento&datos=xor&controls=0&parar=100&velocidad=50',
    });
    assert.equal(await bare.locator('#entrenamiento [data-controls]').isVisible(), false);
    assert.equal(await bare.locator('#entrenamiento [data-map]').isVisible(), true);
    // Without its play button the map would stay at epoch 0 for good.
    await bare.locator('#entrenamiento [data-play]').click();
    await bare.waitForFunction(
      () => Number(document.querySelector('#entrenamiento [data-lab]').dataset.epoch ?? 0) > 0,
      null,
      { polling: 100 },
    );
    // At «Parar en», play says what to do with the buttons the frame has: «Parar en» is hidden.
    await bare.waitForFunction(
      () => document.querySelector('#entrenamiento [data-lab]').dataset.epoch === '100',
    );
    await bare.locator('#entrenamiento [data-play]').click();
    assert.equal(
      await bare.locator('#entrenamiento [data-status]').textContent(),
      'El entrenamiento ya va por la época 100 y «Parar en» pide 100: pulsa «Reiniciar» para empezar de nuevo.',
    );
    await bare.close();
    // The comparison's checkbox labels are its legend: without controls the boxes go, and so do
    // the unticked curves' labels and ELU's α, but each curve drawn keeps its name and sample.
    const figures = await ctx.open('', {
      file: 'embed.html?section=comparacion&controls=0&funciones=sigmoid,tanh',
    });
    const toggles = figures.locator('[data-figure="comparacion-funciones"] .curve-toggles');
    assert.deepEqual(await toggles.locator('label:visible').allTextContents(), [
      'Sigmoide',
      'Tangente hiperbólica',
    ]);
    assert.equal(await toggles.locator('label:visible .swatch').count(), 2);
    assert.equal(await toggles.locator('input:visible').count(), 0);
    assert.equal(await figures.locator('[data-family-controls]').isVisible(), false);
    assert.deepEqual(await figures.problems(), []);
    await figures.close();
  });

  test('hide= takes every link key of every frame, and a wrong name lists the right ones', async () => {
    // The keys links use, which teachers' pages keep: a control named otherwise in the markup
    // («salida-3» for fn, «entrada-x1» for entradas) answers to its key all the same.
    const FRAMES = {
      'fn=elu': ['zmin', 'zmax', 'z', 'sat', 'deriv', 'fw', 'alpha'],
      'fn=gelu': ['deriv', 'fw', 'approximate'],
      'section=softmax': ['fn', 'logits', 't'],
      'section=comparacion': ['alpha', 'funciones', 'derivadas', 'familia', 'familia-derivadas'],
      'section=otras-funciones': ['filtro', 'comparar', 'derivadas'],
      'section=gradiente': ['a1', 'a2', 'a3', 'a4', 'depth', 'width', 'init', 'seed'],
      'section=autonormalizacion': ['depth', 'init', 'raw', 'bottleneck', 'seed'],
      'lab=entrenamiento': [
        'datos',
        'ruido',
        'entreno',
        'semilla',
        'entradas',
        'capas',
        'act',
        'opt',
        'tasa',
        'lote',
        'l2',
        'init',
        'velocidad',
        'parar',
        'prueba',
        'discreto',
        'comparar',
        'c1',
        'c2',
        'c3',
        'c4',
        'curva',
      ],
    };
    for (const [query, keys] of Object.entries(FRAMES)) {
      const typo = await ctx.open('', { file: `embed.html?${query}&hide=nada` });
      assert.equal(
        await typo.locator('#app-notice li').textContent(),
        `«hide=nada»: no hay ningún control con ese nombre en este marco; los que hay: ${keys.join(', ')}`,
        query,
      );
      await typo.close();
      const page = await ctx.open('', { file: `embed.html?${query}&hide=${keys.join(',')}` });
      assert.equal(await page.locator('#app-notice').isVisible(), false, query);
      // Nothing a reader could change is left on show, but the gallery cards' own controls
      // (their keys are the cards': embed.html?fn=celu&hide=alpha).
      const left = await page.evaluate(() =>
        [...document.querySelectorAll('section.section:not([hidden]) :is(input, select, button)')]
          .filter(
            (e) => e.checkVisibility() && (!e.closest('[data-card]') || e.closest('[data-key]')),
          )
          .filter(
            (e) =>
              !/PNG|CSV|Entrenar|Una época|Reiniciar|Imprimir|Copiar|Keras|PyTorch|TensorFlow|NumPy/.test(
                e.textContent,
              ),
          )
          .map((e) => e.name || e.textContent.trim()),
      );
      assert.deepEqual(left, [], query);
      assert.deepEqual(await page.problems(), [], query);
      await page.close();
    }
  });

  test('a frame’s headings start at level 1 and go down one step at a time', async () => {
    // Chrome's own tree: a card's title (an h3 in the lesson) is the frame's top heading, and a
    // section's h3s follow its h1 as level 2, as axe's heading-order rule wants.
    for (const [query, top] of [
      ['fn=gelu', 'GELU "gelu"'],
      ['section=otras-funciones', 'Otras funciones de activación'],
    ]) {
      const page = await ctx.open('', { file: `embed.html?${query}` });
      const cdp = await page.context().newCDPSession(page);
      const { nodes } = await cdp.send('Accessibility.getFullAXTree');
      const levels = nodes
        .filter((n) => !n.ignored && n.role?.value === 'heading')
        .map((n) => [n.name?.value, n.properties.find((p) => p.name === 'level').value.value]);
      assert.deepEqual(levels[0], [top, 1], query);
      levels.slice(1).forEach(([name, level], i) => {
        assert.ok(level >= 2 && level <= levels[i][1] + 1, `${query}: ${name} at level ${level}`);
      });
      assert.deepEqual(await axeViolations(page), [], query);
      await page.close();
    }
  });
});
