// The whole lesson as a reader meets it: every section at its anchor with a live chart, deep
// links, no console error or CSP violation, axe-core clean, readable from 360 to 1920 px.
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { describe, test } from 'node:test';
import { ROOT } from '../js/support/paths.mjs';
import { axeViolations } from './support/axe.mjs';
import { useBrowser } from './support/harness.mjs';
import { ANCHORS, FIGURES, FUNCTION_SECTIONS } from './support/lesson.mjs';

const ctx = useBrowser();
const SCREENSHOTS = path.join(ROOT, 'build', 'test-results', 'screenshots');

describe('the lesson page', () => {
  test('has every section in order, each at its anchor with its title', async () => {
    const page = await ctx.open();
    const ids = await page.locator('main > section').evaluateAll((s) => s.map((e) => e.id));
    assert.deepEqual(ids, ANCHORS);
    const titles = await page.locator('main > section h2').allTextContents();
    assert.deepEqual(
      titles.map((t) => t.replace(/^\d+\.\s*/, '')),
      [
        'Funciones de activación',
        'Sigmoide',
        'Tangente hiperbólica',
        'ReLU',
        'ELU',
        'SELU',
        'Softmax',
        'Softsign',
        'Softplus',
        'Exponencial',
        'Comparación',
        'Otras funciones de activación',
        'El gradiente en una red profunda',
        'SELU y la autonormalización',
        'Entrena una red',
      ],
    );
    // The table of contents links every section.
    const toc = await page.locator('.toc a').evaluateAll((a) => a.map((e) => e.hash));
    assert.deepEqual(
      toc,
      ANCHORS.map((a) => `#${a}`),
    );
    // Each section ends with «Contenido» right after «Anterior» (first at the left in the first
    // section), and «Siguiente» at the right, the last section's nav included.
    const navs = await page.locator('.section-nav').evaluateAll((navs) =>
      navs.map((nav) => {
        nav.closest('section').style.contentVisibility = 'visible';
        const box = (s) => nav.querySelector(s)?.getBoundingClientRect();
        const [all, prev, toc, next] = [
          '',
          '.section-nav-prev',
          '.section-nav-toc',
          '.section-nav-next',
        ].map((s) => (s ? box(s) : nav.getBoundingClientRect()));
        return {
          id: nav.closest('section').id,
          gap: Math.round(toc.left - (prev ? prev.right : all.left)),
          right: next ? Math.round(all.right - next.right) : null,
        };
      }),
    );
    for (const { id, gap, right } of navs) {
      assert.ok(gap <= 16, `${id}: «Contenido» ${gap} px after «Anterior»`);
      assert.ok(right === null || right <= 1, `${id}: «Siguiente» ${right} px from the right`);
    }
    assert.equal(navs.at(-1).right, null);
    assert.deepEqual(await page.problems(), []);
    await page.close();
  });

  test('every chart has data: eight function labs, softmax and four comparison figures', async () => {
    const page = await ctx.open();
    const counts = await page.evaluate(() =>
      Object.fromEntries(
        Object.entries(window.activaciones.charts).map(([k, c]) => [
          k,
          c.data.datasets.map(
            (d) => d.data.filter((p) => (typeof p === 'number' ? p : p.y) !== null).length,
          ),
        ]),
      ),
    );
    for (const anchor of Object.keys(FUNCTION_SECTIONS)) {
      assert.ok(
        counts[anchor]?.[0] > 500 && counts[anchor][1] > 500,
        `${anchor}: ${counts[anchor]}`,
      );
    }
    assert.deepEqual(counts.softmax, [3]);
    for (const figure of FIGURES) {
      assert.ok(
        counts[figure].every((n) => n > 400),
        `${figure}: ${counts[figure]}`,
      );
    }
    await page.close();
  });

  test('restores the formulas as KaTeX rendered at build time, with MathML for screen readers', async () => {
    const page = await ctx.open();
    for (const anchor of Object.keys(FUNCTION_SECTIONS)) {
      const n = await page.locator(`#${anchor} .formula .katex-display`).count();
      assert.equal(n, 2, `${anchor} shows f and f′`);
    }
    const mathml = await page.locator('#sigmoide .formula annotation').first().textContent();
    assert.match(mathml, /\\sigma\(z\) = \\frac\{1\}\{1 \+ e\^\{-z\}\}/);
    // No maths JavaScript ships with the page.
    const scripts = await page.locator('script[src]').evaluateAll((s) => s.map((e) => e.src));
    assert.ok(scripts.every((src) => !/katex/i.test(src)));
    await page.close();
  });

  test('draws every glyph of the maths in its own fonts, cut to the lesson’s characters', async () => {
    const page = await ctx.open();
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('DOM.enable');
    await cdp.send('CSS.enable');
    const fallbacks = [];
    const families = new Set();
    let checked = 0;
    // A glyph has a font once its box is laid out: lay out every section and card now, rather
    // than wait for ui/lay-out.js (the accessibility-tree test covers that).
    await page.evaluate(() => {
      for (const box of document.querySelectorAll('main .section, main .card')) {
        box.style.contentVisibility = 'visible';
      }
    });
    for (const anchor of ANCHORS) {
      await page.locator(`#${anchor}`).scrollIntoViewIfNeeded();
      await page.evaluate(() => document.fonts.ready);
      const { root } = await cdp.send('DOM.getDocument', { depth: 0 });
      const { nodeIds } = await cdp.send('DOM.querySelectorAll', {
        nodeId: root.nodeId,
        selector: `#${anchor} .katex-html span:not(:has(*))`,
      });
      for (const nodeId of nodeIds) {
        const { fonts } = await cdp.send('CSS.getPlatformFontsForNode', { nodeId });
        for (const font of fonts) {
          checked += font.glyphCount;
          families.add(font.familyName);
          if (!font.isCustomFont || !font.familyName.startsWith('LessonMath_')) {
            const { outerHTML } = await cdp.send('DOM.getOuterHTML', { nodeId });
            fallbacks.push(`#${anchor}: ${font.familyName} draws ${outerHTML}`);
          }
        }
      }
    }
    assert.deepEqual(fallbacks, [], 'a glyph missing from the subset fonts falls back');
    assert.ok(checked > 2000, `${checked} glyphs checked`);
    assert.ok(families.has('LessonMath_Main') && families.has('LessonMath_Math'), [...families]);
    await page.close();
  });

  test('does not repeat the source’s errors', async () => {
    const page = await ctx.open();
    const text = await page.locator('main').innerText();
    for (const wrong of [/softsing/i, /thanh/i, /simular a/i, /tendrá a/i, /curva logarítmica/i]) {
      assert.doesNotMatch(text, wrong);
    }
    assert.doesNotMatch(await page.locator('#softsign').innerText(), /desviación típica es 1/);
    await page.close();
  });

  test('English terms are marked as English, so a screen reader does not read them in Spanish', async () => {
    const page = await ctx.open();
    const unmarked = await page.evaluate(() =>
      [...document.querySelectorAll('main em')]
        .filter((e) =>
          /Linear Unit|gradient|dropout|sparsity|forward pass|^hard$/.test(e.textContent),
        )
        .filter((e) => e.closest('[lang]').lang !== 'en')
        .map((e) => e.textContent),
    );
    assert.deepEqual(unmarked, []);
    assert.equal(await page.locator('main em[lang="en"]').count(), 10);
    // The gallery's titles gloss nine names in English: «Contracción dura (hard shrink)».
    const glosses = await page.locator('.card h3 span[lang="en"]').allTextContents();
    assert.equal(glosses.length, 9);
    assert.ok(glosses.includes('hard shrink'), glosses.join());
    const unglossed = await page.evaluate(() =>
      [...document.querySelectorAll('.card h3')]
        .map((h) => h.firstChild.textContent)
        .filter((t) => /\((hard|soft|sparse|tanh|threshold)/.test(t)),
    );
    assert.deepEqual(unglossed, []);
    // A glossed title names the card's buttons whole, not up to its English part.
    const names = await page
      .locator('.card [aria-label^="Compartir:"], .card [aria-label^="Insertar:"]')
      .evaluateAll((buttons) => buttons.map((b) => b.getAttribute('aria-label')));
    assert.ok(names.includes('Compartir: Contracción dura (hard shrink)'), names.join());
    assert.ok(
      names.every((n) => !/\($/.test(n)),
      names.join(),
    );
    // A control's Keras argument in brackets, «α (alpha)», is code in English.
    assert.equal(await page.locator('#elu .control label code[lang="en"]').textContent(), 'alpha');
    assert.equal(
      await page.locator('#funcion-leaky_relu .control label code[lang="en"]').textContent(),
      'negative_slope',
    );
    // Spanish words in brackets stay Spanish: «Profundidad (capas)».
    assert.equal(
      await page.locator('#gradiente .control label code, #entrenamiento label code').count(),
      0,
    );
    await page.close();
  });

  test('a deep link opens at its section, and a link with state restores it', async () => {
    let page = await ctx.open('#selu');
    let top = await page.locator('#selu').evaluate((el) => el.getBoundingClientRect().top);
    assert.ok(Math.abs(top) < 40, `#selu starts at the top of the window (${top}px)`);
    await page.close();

    // Each comparison figure has its own anchor, at its heading.
    page = await ctx.open('#comparacion-derivadas');
    top = await page
      .locator('#comparacion-derivadas')
      .evaluate((el) => el.getBoundingClientRect().top);
    assert.ok(Math.abs(top) < 40, `#comparacion-derivadas at the top (${top}px)`);
    assert.equal(await page.locator('#comparacion-derivadas').textContent(), 'Sus derivadas');
    assert.equal(await page.locator('#app-notice').isVisible(), false);
    await page.close();

    page = await ctx.open('#elu?elu.alpha=2&elu.zmin=-3&elu.zmax=2&sigmoide.deriv=0');
    top = await page.locator('#elu').evaluate((el) => el.getBoundingClientRect().top);
    assert.ok(Math.abs(top) < 40, `#elu at the top (${top}px)`);
    assert.equal(await page.locator('#elu').getByLabel('α (alpha)').inputValue(), '2');
    const elu = await page.evaluate(() => {
      const c = window.activaciones.charts.elu;
      return {
        x: [c.options.scales.x.min, c.options.scales.x.max],
        f0: c.data.datasets[0].data[0].y,
      };
    });
    assert.deepEqual(elu.x, [-3, 2]);
    // The curves come from the float32 path: within 4 float32 ULP of the exact value.
    assert.ok(Math.abs(elu.f0 - 2 * Math.expm1(-3)) <= 4 * 2 ** -23, `f(-3) = ${elu.f0}`);
    const sigmoidHidden = await page.evaluate(
      () => window.activaciones.charts.sigmoide.data.datasets[1].hidden,
    );
    assert.equal(sigmoidHidden, true);
    assert.deepEqual(await page.problems(), []);
    await page.close();
  });

  test('the table of contents marks the section being read, and only that one', async () => {
    const page = await ctx.open('', { viewport: { width: 1280, height: 600 } });
    const marked = () =>
      page.evaluate(() =>
        [...document.querySelectorAll('.toc [aria-current]')].map((a) => [
          a.getAttribute('aria-current'),
          a.hash,
        ]),
      );
    for (const anchor of ['relu', 'otras-funciones', 'entrenamiento', 'sigmoide']) {
      await page.locator(`#${anchor}`).evaluate((s) => s.scrollIntoView({ block: 'start' }));
      await page.waitForFunction(
        (hash) => document.querySelector('.toc [aria-current]')?.hash === hash,
        `#${anchor}`,
        { timeout: 5000 },
      );
      assert.deepEqual(await marked(), [['location', `#${anchor}`]]);
      // The sidebar, shorter than its list here, shows the marked link.
      const [link, toc] = await page.evaluate(() =>
        [document.querySelector('.toc [aria-current]'), document.querySelector('.toc')].map((e) =>
          e.getBoundingClientRect().toJSON(),
        ),
      );
      assert.ok(link.top >= toc.top && link.bottom <= toc.bottom, `#${anchor}`);
    }
    assert.deepEqual(await page.problems(), []);
    await page.close();
  });

  test('moving a control writes the state to the URL, and a reload brings it back', async () => {
    const page = await ctx.open('#tanh');
    const slider = page.locator('#tanh').getByLabel('z máxima');
    await slider.fill('7');
    await page.waitForFunction(() => location.hash.includes('tanh.zmax=7'));
    assert.match(await page.evaluate(() => location.hash), /^#tanh\?/);
    await page.reload();
    await page.waitForFunction(() => document.documentElement.dataset.app === 'ready');
    assert.equal(await page.locator('#tanh').getByLabel('z máxima').inputValue(), '7');
    await page.close();
  });

  test('a hostile or malformed hash falls back to defaults without breaking', async () => {
    const page = await ctx.open(
      '#elu?elu.alpha=NaN&elu.zmin=1e308&elu.zmax=abc&softmax.logits=1,x,3&comparacion.funciones=<script>&elu.alpha=9',
    );
    assert.equal(await page.evaluate(() => document.documentElement.dataset.app), 'ready');
    assert.equal(await page.locator('#elu').getByLabel('α (alpha)').inputValue(), '1.5');
    assert.equal(await page.locator('#softmax input[type=range][name^=logit]').count(), 3);
    assert.deepEqual(await page.problems(), []);
    await page.close();
  });

  test('axe-core finds no accessibility violation, in light and dark, wide and narrow', async () => {
    for (const [colorScheme, width] of [
      ['light', 1280],
      ['dark', 1280],
      ['light', 375],
    ]) {
      const page = await ctx.open('', { colorScheme, viewport: { width, height: 900 } });
      const violations = await axeViolations(page);
      assert.ok(violations.length === 0, `${colorScheme} ${width}px:\n${violations.join('\n')}`);
      await page.close();
    }
  });

  test('Chrome’s accessibility tree holds every heading and slider, far sections too', async () => {
    // What a screen reader lists: Chrome's own tree, not the DOM (Playwright's snapshots read
    // the DOM, so they would pass even when the browser leaves a section out).
    const page = await ctx.open();
    // Polled by a timer: polling every frame would leave the page no free moment to lay out in.
    await page.waitForFunction(
      () =>
        [...document.querySelectorAll('main .section, main .card')].every((s) =>
          s.classList.contains('section-laid-out'),
        ),
      null,
      { polling: 100 },
    );
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('Accessibility.enable');
    const exposed = async () => {
      const { nodes } = await cdp.send('Accessibility.getFullAXTree');
      const count = (role) => nodes.filter((n) => !n.ignored && n.role?.value === role).length;
      return { headings: count('heading'), sliders: count('slider') };
    };
    const inDom = await page.evaluate(() => {
      const shown = (sel) =>
        [...document.querySelectorAll(sel)].filter((e) => !e.closest('[hidden]'));
      return {
        headings: shown(':is(h1, h2, h3, h4, h5, h6):not([aria-hidden] *)').length,
        sliders: shown('input[type=range]').length,
      };
    });
    assert.ok(inDom.headings > 60 && inDom.sliders > 40, JSON.stringify(inDom));
    assert.deepEqual(await exposed(), inDom);
    // Few enough landmarks to move by: one navigation (the contents) and one form per lab, not
    // per gallery card or per section's «Anterior / Siguiente». A form is a landmark when named.
    const { nodes } = await cdp.send('Accessibility.getFullAXTree');
    const landmarks = (role) =>
      nodes.filter((n) => !n.ignored && n.role?.value === role && n.name?.value).length;
    assert.deepEqual(
      { navigation: landmarks('navigation'), form: landmarks('form') },
      { navigation: 1, form: 12 },
    );
    assert.deepEqual(await page.problems(), []);
    await page.close();
  });

  test('the radio buttons of each group share one name, and no other group has it', async () => {
    const page = await ctx.open('#entrenamiento');
    await page.waitForFunction(() => document.querySelectorAll('input[type=radio]').length >= 5);
    const groups = await page.$$eval('fieldset', (sets) =>
      sets
        .map((f) =>
          [...f.querySelectorAll('input[type=radio]')]
            .filter((r) => r.closest('fieldset') === f)
            .map((r) => r.name),
        )
        .filter((names) => names.length > 0),
    );
    assert.ok(groups.length >= 2, `${groups.length} radio groups`);
    for (const names of groups) assert.equal(new Set(names).size, 1, `one name: ${names}`);
    assert.equal(new Set(groups.map((n) => n[0])).size, groups.length, 'a name per group');
    await page.close();
  });

  test('at 375 px every chart’s legend shows all its entries', async () => {
    const page = await ctx.open('', { viewport: { width: 375, height: 800 } });
    await page.waitForFunction(() => Object.keys(window.activaciones.charts).length >= 30);
    const cut = await page.evaluate(async () => {
      const frame = () => new Promise(requestAnimationFrame);
      const out = [];
      for (const [name, chart] of Object.entries(window.activaciones.charts)) {
        chart.canvas.scrollIntoView();
        await frame();
        await frame();
        const { legend } = chart;
        if (!legend?.options.display || !legend.legendHitBoxes) continue;
        const dropped = legend.legendHitBoxes.filter((b) => b.top + b.height > legend.bottom + 1);
        if (dropped.length) out.push(`${name}: ${dropped.length} of ${legend.legendItems.length}`);
      }
      return out;
    });
    assert.deepEqual(cut, []);
    await page.close();
  });

  test('reads well from 360 px to 1920 px: nothing overflows sideways', async () => {
    for (const width of [360, 375, 768, 1280, 1920]) {
      const page = await ctx.open('', { viewport: { width, height: 900 } });
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - innerWidth);
      assert.ok(overflow <= 0, `${width}px: ${overflow}px of sideways overflow`);
      await page.close();
    }
  });

  test('saves screenshots at 1280 and 375 px wide', async () => {
    mkdirSync(SCREENSHOTS, { recursive: true });
    for (const [width, colorScheme] of [
      [1280, 'light'],
      [375, 'light'],
      [1280, 'dark'],
    ]) {
      const page = await ctx.open('', { viewport: { width, height: 900 }, colorScheme });
      const file = path.join(SCREENSHOTS, `leccion-${width}-${colorScheme}.png`);
      await page.screenshot({ path: file, fullPage: true });
      for (const anchor of ['elu', 'softmax', 'comparacion']) {
        // Off-screen sections are skipped by content-visibility: bring it in and let it paint.
        await page.locator(`#${anchor}`).scrollIntoViewIfNeeded();
        await page.evaluate(
          () => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))),
        );
        await page.locator(`#${anchor}`).screenshot({
          path: path.join(SCREENSHOTS, `${anchor}-${width}-${colorScheme}.png`),
        });
      }
      await page.close();
    }
  });
});
