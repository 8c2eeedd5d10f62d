// embed.html: every function and every lab, alone in a frame; inside a sandboxed iframe
// (allow-scripts without allow-same-origin) on another origin, reporting its height; and hostile
// query strings, which get a Spanish message or a clamp, never a script, a dialog or a blank frame.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { startStaticServer } from '../../build-scripts/lib/static-server.mjs';
import { axeViolations } from './support/axe.mjs';
import { useBrowser } from './support/harness.mjs';
import { ANCHORS } from './support/lesson.mjs';
import { mkdtemp, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';

const ctx = useBrowser();
const LABS = ANCHORS.filter((a) => a !== 'introduccion');

/** What the frame shows: state of the app, visible sections, charts with data. */
const shown = (page) =>
  page.evaluate(() => ({
    app: document.documentElement.dataset.app,
    sections: [...document.querySelectorAll('section.section')]
      .filter((s) => !s.hidden)
      .map((s) => s.id),
    charts: Object.values(window.activaciones?.charts ?? {}).filter((c) =>
      c.data.datasets.some((d) => d.data.length > 0),
    ).length,
    status: document.getElementById('app-status').hidden
      ? ''
      : document.getElementById('app-status').textContent,
  }));

describe('embed.html', () => {
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
              !/Exportar|PNG|CSV|Entrenar|Una época|Reiniciar|Imprimir|Copiar|Keras|PyTorch|TensorFlow|NumPy/.test(
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

  test('works in a sandboxed iframe on another origin and reports its height', async (t) => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'host-'));
    const frames = [
      'fn=elu&alpha=2',
      'fn=gelu',
      'section=softmax',
      'lab=entrenamiento',
      'section=gradiente&controls=0',
    ];
    await writeFile(
      path.join(dir, 'index.html'),
      `<!doctype html><meta charset="utf-8"><title>Curso</title>
<script>
  window.heights = {};
  addEventListener('message', (e) => {
    if (e.data && e.data.type === 'activaciones:height') {
      window.heights[e.data.id] = e.data.height;
      document.getElementById(e.data.id).height = e.data.height;
    }
  });
</script>
${frames
  .map(
    (q, i) =>
      `<iframe id="f${i}" sandbox="allow-scripts" src="${ctx.server.url}embed.html?${q}&id=f${i}" title="f${i}" width="600" height="300"></iframe>`,
  )
  .join('\n')}`,
    );
    await writeFile(path.join(dir, 'favicon.ico'), ''); // the host's, which Chromium asks for
    const host = await startStaticServer({ root: dir });
    t.after(() => host.close()); // also when an assertion fails: an open server keeps Node alive
    // Service workers allowed: Playwright's blocking script itself would read navigator.serviceWorker
    // in the sandboxed frames, which logs an error there.
    const page = await ctx.browser.newPage();
    const problems = [];
    page.on('console', (m) => m.type() === 'error' && problems.push(m.text()));
    page.on('pageerror', (e) => problems.push(e.message));
    await page.goto(host.url);
    await page.waitForFunction((n) => Object.keys(window.heights).length === n, frames.length, {
      timeout: 30000,
    });
    for (const [i, q] of frames.entries()) {
      const frame = page.frame({ url: (u) => u.href.includes(`id=f${i}`) });
      await frame.waitForFunction(() => document.documentElement.dataset.app === 'ready');
      assert.equal(await frame.evaluate(() => self.origin), 'null', 'an opaque origin');
      // Chromium pauses rendering (and ResizeObserver) in a cross-origin frame out of view: a
      // reader sees the frame once scrolled to it, and so does this check.
      await page.locator(`#f${i}`).scrollIntoViewIfNeeded();
      // The frame reports again whenever its height changes: the last report must match it.
      let reported = 0;
      let actual = -1;
      for (const start = Date.now(); Date.now() - start < 5000;) {
        reported = await page.evaluate((id) => window.heights[id], `f${i}`);
        actual = await frame.evaluate(() =>
          Math.ceil(document.documentElement.getBoundingClientRect().height),
        );
        if (Math.abs(reported - actual) <= 2) break;
        await page.waitForTimeout(50);
      }
      assert.ok(
        reported > 200 && Math.abs(reported - actual) <= 2,
        `${q}: ${reported} vs ${actual}`,
      );
      // Sized as it asks, the frame is left with nothing to scroll: a screen-reader-only element
      // once stuck out 1 px below the content, and desktops showed a scrollbar for it. (A frame
      // still growing, on a busy machine, reports again and is resized: hence the wait.)
      let overflow = Infinity;
      for (const start = Date.now(); Date.now() - start < 5000 && overflow > 0;) {
        overflow = await frame.evaluate(() => document.documentElement.scrollHeight - innerHeight);
        if (overflow > 0) await page.waitForTimeout(100);
      }
      assert.ok(overflow <= 0, `${q}: ${overflow} px to scroll inside the frame`);
    }
    // A frame is as tall as its content: the narrow screen's bar, fixed to the frame's bottom,
    // would sit out of sight, over the footer's link.
    const trainingFrame = page.frame({ url: (u) => u.href.includes('lab=entrenamiento') });
    assert.equal(await trainingFrame.locator('.train-mini').count(), 0);
    // The training lab trains on the frame's main thread (no worker without an origin). It trains
    // as fast as its frame draws, and Chromium stops drawing a cross-origin frame out of view: the
    // frame is brought into view, and play is pressed by keyboard, which no late resize of another
    // frame can move away from the button.
    const index = frames.indexOf('lab=entrenamiento');
    const frameBox = page.locator(`#f${index}`);
    const training = page.frame({ url: (u) => u.href.includes(`id=f${index}`) });
    const epoch = async () =>
      Number(await training.locator('#entrenamiento [data-lab]').getAttribute('data-epoch'));
    // Polled by timer, not by the frame's animation frames, which are what a stall would stop.
    const trainsTo = (target) =>
      training
        .waitForFunction(
          (n) => Number(document.querySelector('#entrenamiento [data-lab]').dataset.epoch) >= n,
          target,
          { polling: 100, timeout: 30000 },
        )
        .catch(async (error) => {
          const state = await training.evaluate(() => {
            const { epoch, playing, renders } = document.querySelector(
              '#entrenamiento [data-lab]',
            ).dataset;
            const status = document.querySelector('#entrenamiento [data-status]').textContent;
            return { epoch, playing, renders, status, document: document.visibilityState };
          });
          const box = await frameBox.boundingBox();
          assert.fail(`${error.message}\n${JSON.stringify({ state, box, problems })}`);
        });
    await frameBox.scrollIntoViewIfNeeded();
    await training.press('[data-play]', 'Enter');
    await trainsTo(5);
    // Scrolled away and back, as a reader of the host page might: it goes on from where it was.
    await page.evaluate(() => scrollTo(0, document.documentElement.scrollHeight));
    await page.waitForTimeout(300);
    await frameBox.scrollIntoViewIfNeeded();
    await trainsTo((await epoch()) + 5);
    assert.deepEqual(problems, []);
    await page.close();
  });

  test('figura= shows one figure of the comparison alone; a wrong name gets the list', async () => {
    for (const [key, title, family] of [
      ['funciones', 'Funciones', false],
      ['derivadas', 'Derivadas', false],
      ['familia', 'ReLU, ELU y SELU', true],
      ['familia-derivadas', 'Derivadas de ReLU, ELU y SELU', true],
    ]) {
      const page = await ctx.open('', { file: `embed.html?section=comparacion&figura=${key}` });
      const shown = await page
        .locator('[data-figure]')
        .evaluateAll((all) => all.filter((f) => f.checkVisibility()).map((f) => f.dataset.figure));
      assert.deepEqual(shown, [`comparacion-${key}`]);
      assert.equal(await page.locator('#comparacion h1').textContent(), `Comparación · ${title}`);
      assert.equal(await page.title(), `Comparación · ${title} · Funciones de activación`);
      // The α slider goes with the ReLU family's figures only.
      assert.equal(await page.getByRole('slider', { name: /^α de ELU/ }).isVisible(), family, key);
      const points = await page.evaluate(
        (k) => window.activaciones.charts[`comparacion-${k}`].data.datasets[0].data.length,
        key,
      );
      assert.ok(points > 100, `${key}: ${points} points`);
      // «Abrir la lección completa» opens at the figure's heading.
      assert.match(
        await page.locator('[data-embed-open]').getAttribute('href'),
        new RegExp(`/index\\.html#comparacion-${key}$`),
      );
      assert.equal(await page.locator('#app-notice').isVisible(), false);
      assert.deepEqual(await page.problems(), []);
      await page.close();
    }
    for (const [query, note, figures] of [
      [
        'section=comparacion&figura=nada',
        '«figura=nada»: no válido; se ha ignorado; las que hay: funciones, derivadas, familia, familia-derivadas',
        4,
      ],
      [
        'fn=elu&figura=derivadas',
        '«figura=derivadas»: no válido; se ha ignorado; solo vale con section=comparacion',
        0,
      ],
    ]) {
      const page = await ctx.open('', { file: `embed.html?${query}` });
      assert.equal(await page.locator('#app-notice li').textContent(), note);
      const shown = await page
        .locator('[data-figure]')
        .evaluateAll((all) => all.filter((f) => f.checkVisibility()).length);
      assert.equal(shown, figures, query);
      assert.deepEqual(await page.problems(), []);
      await page.close();
    }
  });

  test('tema= gives the frame the course’s colours, whatever the reader’s, charts included', async () => {
    for (const [tema, scheme, dark] of [
      ['claro', 'dark', false],
      ['oscuro', 'light', true],
      ['', 'dark', true],
    ]) {
      const page = await ctx.open('', {
        file: `embed.html?fn=elu${tema ? `&tema=${tema}` : ''}`,
        colorScheme: scheme,
      });
      const seen = await page.evaluate(() => {
        const style = getComputedStyle(document.body);
        const chart = Object.values(window.activaciones.charts)[0];
        return {
          background: style.backgroundColor,
          ticks: chart.options.scales.x.ticks.color,
          scheme: getComputedStyle(document.documentElement).colorScheme,
        };
      });
      const light = { background: 'rgb(255, 255, 255)', ticks: '#4a4a4f', scheme: 'light' };
      const night = { background: 'rgb(29, 31, 35)', ticks: '#b9b9be', scheme: 'dark' };
      assert.deepEqual(seen, dark ? night : light, `tema=${tema} on a ${scheme} system`);
      assert.deepEqual(await page.problems(), []);
      await page.close();
    }
    const wrong = await ctx.open('', { file: 'embed.html?fn=elu&tema=azul', colorScheme: 'dark' });
    assert.match(
      await wrong.locator('#app-notice').textContent(),
      /«tema=azul»: no válido; se ha ignorado; los que hay: claro, oscuro/,
    );
    await wrong.close();
  });

  test('an unknown function or section gets a Spanish message, not a blank frame', async () => {
    for (const [query, message] of [
      [
        'fn=nada',
        /No hay ninguna función «nada» en la lección\. Las funciones se piden por su nombre en Keras: sigmoid, .*, celu/,
      ],
      [
        'fn=sigmoide',
        /«sigmoide» es una sección; su función se pide por su nombre en Keras: fn=sigmoid\./,
      ],
      [
        'section=otra',
        /No hay ninguna sección «otra» en la lección\. Las secciones: sigmoide, tanh, .*, entrenamiento\./,
      ],
      ['', /Falta indicar qué mostrar/],
    ]) {
      const embed = await ctx.open('', { file: `embed.html?${query}` });
      const s = await shown(embed);
      assert.equal(s.app, 'error');
      assert.match(s.status, message);
      assert.equal(
        await embed.getByRole('heading', { level: 1 }).textContent(),
        'Esta gráfica no se puede mostrar',
      );
      // Framed, it reports its size with its id: a host with several frames knows which failed.
      const host = await ctx.browser.newPage();
      await host.setContent(
        `<script>window.sizes = []; addEventListener('message', (e) => sizes.push(e.data));</script>` +
          `<iframe src="${ctx.server.url}embed.html?${query}&id=f9"></iframe>`,
      );
      await host.waitForFunction(() => window.sizes.length > 0);
      const size = await host.evaluate(() => window.sizes.at(-1));
      assert.deepEqual([size.type, size.id], ['activaciones:height', 'f9'], query);
      assert.ok(size.height > 100, `${size.height}`);
      await host.close();
      assert.deepEqual(await embed.problems(), []);
      await embed.close();
    }
  });
});
