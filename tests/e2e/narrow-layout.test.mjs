// The lesson on a phone: formulas fit their boxes, the softmax Jacobian fits or scrolls by whole
// columns and Tab follows the softmax lab as laid out, checkboxes keep one size whatever their
// label, and a card alone in embed.html has no empty band above it.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { useBrowser } from './support/harness.mjs';

const ctx = useBrowser();
const PHONE = { width: 375, height: 800 };

/** Formula boxes wider than their content, as "section: scroll/client", and KaTeX sizes in px. */
function measureFormulas(page) {
  return page.evaluate(() => {
    const wide = [];
    const sizes = [];
    for (const box of document.querySelectorAll('main .formula')) {
      const where = box.closest('[id^="funcion-"], section[id]').id;
      if (box.scrollWidth > box.clientWidth)
        wide.push(`${where}: ${box.scrollWidth}/${box.clientWidth}`);
      for (const k of box.querySelectorAll('.katex-display > .katex')) {
        sizes.push(parseFloat(getComputedStyle(k).fontSize));
      }
    }
    return { wide, sizes };
  });
}

describe('at phone width', () => {
  test('every formula of the function sections and the gallery cards fits its box', async () => {
    for (const width of [360, 375, 486]) {
      const page = await ctx.open('', { viewport: { width, height: 800 } });
      const { wide, sizes } = await measureFormulas(page);
      assert.ok(sizes.length > 40, `${sizes.length} display formulas`);
      assert.deepEqual(wide, [], `${width}px`);
      assert.ok(Math.min(...sizes) >= 14, `${width}px: formulas at ${Math.min(...sizes)}px`);
      await page.close();
    }
  });

  test('on a phone’s 3 device pixels per CSS pixel, a curve is drawn smooth, not in steps', async () => {
    const page = await ctx.open('#comparacion', { viewport: PHONE, deviceScaleFactor: 3 });
    await page.waitForFunction(() => window.activaciones?.charts['comparacion-funciones']);
    // Chart.js's fast path draws a line of more points than CSS pixels as one vertical stroke
    // per whole CSS pixel (three lineTo at one x), which shows as a staircase at this density.
    const steps = await page.evaluate(() => {
      const chart = window.activaciones.charts['comparacion-funciones'];
      const points = chart.getDatasetMeta(0).data.length;
      // Chart.js builds each line as a Path2D (or on the context, without one).
      const xs = []; // each lineTo's x; NaN for a moveTo, which starts a new stroke
      const saved = [];
      for (const proto of [Path2D.prototype, CanvasRenderingContext2D.prototype]) {
        for (const [name, x] of [
          ['lineTo', (args) => args[0]],
          ['bezierCurveTo', (args) => args[4]],
          ['moveTo', () => NaN],
        ]) {
          const draw = proto[name];
          saved.push([proto, name, draw]);
          proto[name] = function (...args) {
            xs.push(x(args));
            return draw.apply(this, args);
          };
        }
      }
      chart.getDatasetMeta(0).dataset._path = undefined; // no cached path: build it again
      chart.draw();
      for (const [proto, name, draw] of saved) proto[name] = draw;
      let stairs = 0;
      for (let i = 2; i < xs.length; i++) if (xs[i] === xs[i - 1] && xs[i] === xs[i - 2]) stairs++;
      return { points, width: chart.width, segments: xs.length, stairs };
    });
    assert.ok(steps.points > steps.width, JSON.stringify(steps)); // more points than pixels
    assert.ok(steps.segments > steps.points, JSON.stringify(steps)); // the curve was drawn here
    assert.equal(steps.stairs, 0, JSON.stringify(steps));
    await page.close();
  });

  test('a negative bound after «si» is a unary minus, not a subtraction', async () => {
    const page = await ctx.open('#otras-funciones');
    const binary = await page.$$eval('#otras-funciones .katex-html .mbin', (ops) =>
      ops
        .filter((op) => {
          let before = op.previousElementSibling;
          while (before?.matches('.mspace')) before = before.previousElementSibling;
          return op.textContent === '−' && before?.matches('.text');
        })
        .map((op) => op.closest('[id^="funcion-"]').id),
    );
    assert.deepEqual(binary, []);
    await page.close();
  });

  test('the softmax Jacobian with 3 logits fits; with 6 it scrolls by whole columns', async () => {
    const page = await ctx.open('#softmax', { viewport: PHONE });
    // Log-softmax's headers are the longest («ln s₁» and ∂ ln sᵢ over ∂zⱼ): they fit too, on
    // one line each.
    for (const label of ['Log-softmax', 'Softmax']) {
      await page.getByRole('radio', { name: label, exact: true }).check();
      const row = label === 'Softmax' ? 's₁' : 'ln s₁';
      await page.locator('#softmax tbody th', { hasText: row }).first().waitFor();
      const fits = await page.$eval('#softmax .jacobian', (box) => {
        const table = box.querySelector('table').getBoundingClientRect();
        const inner = box.getBoundingClientRect();
        const scrollers = [box, ...box.querySelectorAll(':not(.visually-hidden)')].filter(
          (e) => e.scrollWidth > e.clientWidth + 1,
        );
        const lines = (e) => {
          const range = document.createRange();
          range.selectNodeContents(e);
          return new Set([...range.getClientRects()].map((r) => Math.round(r.top))).size;
        };
        const headers = [...box.querySelectorAll('tbody th, .jacobian-fraction > span')];
        const wrapped = headers.filter((e) => lines(e) > 1).map((e) => e.textContent);
        return { table: table.width, box: inner.width, scrolls: scrollers.length, wrapped };
      });
      assert.ok(fits.table <= fits.box, `${label}: table ${fits.table}px in ${fits.box}px`);
      assert.equal(fits.scrolls, 0, `${label}: nothing scrolls sideways`);
      assert.deepEqual(fits.wrapped, [], `${label}: headers on one line`);
    }
    assert.equal(await page.locator('#softmax .jacobian-hint').isVisible(), false, 'no hint');
    assert.equal(await page.locator('#softmax .jacobian-scroll[tabindex]').count(), 0);
    await page.close();

    const six = await ctx.open('#softmax?softmax.logits=2,1,0.1,-1,0.5,3', { viewport: PHONE });
    await six.waitForFunction(
      () => document.querySelectorAll('#softmax .jacobian-table td').length === 36,
    );
    const cut = (scrollTo) =>
      six.$eval(
        '#softmax .jacobian',
        async (box, where) => {
          const scroller = [box, ...box.querySelectorAll('*')].find(
            (e) => e.scrollWidth > e.clientWidth + 1,
          );
          scroller.scrollLeft = where === 'end' ? scroller.scrollWidth : 0;
          box.scrollIntoView({ block: 'center' });
          await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
          const port = scroller.getBoundingClientRect();
          const out = [];
          const caption = box.querySelector('caption, .jacobian-caption');
          const c = caption.getBoundingClientRect();
          const b = box.getBoundingClientRect();
          if (
            caption.scrollWidth > caption.clientWidth ||
            c.left < b.left - 1 ||
            c.right > b.right + 1
          )
            out.push(`caption ${c.left}–${c.right} in ${b.left}–${b.right}`);
          // A cell is half shown when one of its ends can be seen and the other is clipped or
          // covered (by the row headers, if they stay while the columns scroll).
          const seen = (td, x) => {
            const y = (td.getBoundingClientRect().top + td.getBoundingClientRect().bottom) / 2;
            return td.contains(document.elementFromPoint(x, y));
          };
          for (const td of box.querySelectorAll('td')) {
            const r = td.getBoundingClientRect();
            if (seen(td, r.left + 2) !== seen(td, r.right - 2))
              out.push(`${td.textContent}: ${r.left - port.left}–${r.right - port.left}`);
          }
          return out;
        },
        scrollTo,
      );
    assert.deepEqual(await cut('start'), [], 'at the start');
    assert.deepEqual(await cut('end'), [], 'at the end');
    assert.ok(
      await six.locator('#softmax .jacobian-hint').isVisible(),
      'a hint says the table scrolls',
    );
    assert.equal(
      await six.locator('#softmax .jacobian-scroll').getAttribute('tabindex'),
      '0',
      'the scrolling box can be reached with Tab',
    );
    assert.deepEqual(await six.problems(), []);
    await six.close();
  });

  test('on a phone, a lab’s chart stays in sight while the reader works down its sliders', async () => {
    // The softmax bars, a function lab and a gallery card: each one's last slider.
    const labs = [
      ['#softmax', '[name="t"]'],
      ['#elu', '[name="zmax"]'],
      ['#funcion-celu', 'input[type=range]'],
    ];
    for (const [scope, last] of labs) {
      const page = await ctx.open(scope, { viewport: PHONE });
      const lab = `${scope} [data-lab], ${scope} [data-lab-card]`;
      // Tab brings the slider into view: it is not left under the chart, and the chart shows.
      await page.locator(`${scope} ${last}`).last().focus();
      const sight = () =>
        page.evaluate(
          ([l, sel]) => {
            const root = document.querySelector(l);
            const box = root.querySelector('.chart-box').getBoundingClientRect();
            const slider = [...root.querySelectorAll(sel)].at(-1);
            const s = slider.getBoundingClientRect();
            const hit = document.elementFromPoint(s.left + s.width / 2, s.top + s.height / 2);
            return {
              chart: box.top >= 0 && box.bottom <= innerHeight,
              slider: hit === slider,
              below: s.top >= box.bottom,
            };
          },
          [lab, last],
        );
      const seen = { chart: true, slider: true, below: true };
      assert.deepEqual(await sight(), seen, scope);
      await page.keyboard.press('ArrowRight');
      assert.deepEqual(await sight(), seen, scope);
      // Past the lab, the chart goes with it.
      await page.locator(lab).evaluate((e) => e.scrollIntoView({ block: 'end' }));
      await page.evaluate(() => scrollBy(0, innerHeight));
      const bottom = await page
        .locator(`${scope} .chart-box`)
        .first()
        .evaluate((box) => box.getBoundingClientRect().bottom);
      assert.ok(bottom <= 1, `${scope}: the chart ends at ${bottom}`); // a pixel's rounding
      assert.deepEqual(await page.problems(), []);
      await page.close();
    }
  });

  test('Tab goes through the softmax lab in the order it is laid out', async () => {
    for (const width of [375, 1280]) {
      const page = await ctx.open('#softmax', { viewport: { width, height: 800 } });
      // From the last control before the lab, Tab until focus leaves it.
      await page.evaluate(() => {
        const lab = document.querySelector('#softmax [data-lab]');
        const controls = document.querySelectorAll('a[href], button, input, [tabindex="0"]');
        const before = [...controls].filter(
          (e) =>
            lab.compareDocumentPosition(e) & Node.DOCUMENT_POSITION_PRECEDING &&
            e.checkVisibility(),
        );
        before.at(-1).focus();
      });
      const visited = [];
      for (let i = 0; i < 30; i++) {
        await page.keyboard.press('Tab');
        const step = await page.evaluate(() => {
          const e = document.activeElement;
          if (!e.closest('#softmax [data-lab]')) return null;
          const name = e.labels?.[0]?.textContent.trim() ?? e.textContent.trim();
          return { name, top: Math.round(e.getBoundingClientRect().top + scrollY) };
        });
        if (!step) break;
        visited.push(step);
      }
      const names = visited.map((v) => v.name);
      const at = (name) => names.findIndex((n) => n.startsWith(name));
      assert.ok(at('Exportar') >= 0 && at('Logit z₁') >= 0, `${width}px: ${names.join(', ')}`);
      if (width === 375) {
        // One column, the bars above the sliders: top to bottom.
        assert.ok(at('Exportar') < at('Logit z₁'), `${width}px: ${names.join(', ')}`);
        const tops = visited.map((v) => v.top);
        assert.ok(
          tops.every((t, i) => i === 0 || t >= tops[i - 1]),
          `${width}px: ${JSON.stringify(visited)}`,
        );
      } else {
        // The sliders on the left, the bars on the right.
        assert.ok(at('Temperatura') < at('Exportar'), `${width}px: ${names.join(', ')}`);
      }
      await page.close();
    }
  });

  test('at 360 px, the «Insertar» panel’s choices show the whole text of every option', async () => {
    // A select is as wide as its longest option: as wide on a phone as on a wide screen, unless
    // the phone cuts it.
    const widths = async (width) => {
      const page = await ctx.open('#comparacion', { viewport: { width, height: 800 } });
      await page
        .locator('#comparacion .share-bar')
        .getByRole('button', { name: 'Insertar' })
        .click();
      const found = await page
        .locator('#comparacion .embed-panel select')
        .evaluateAll((all) => all.map((s) => [s.labels[0].textContent, s.offsetWidth]));
      assert.deepEqual(await page.problems(), []);
      await page.close();
      return found;
    };
    const wide = await widths(1280);
    assert.deepEqual(
      wide.map(([label]) => label),
      ['Gráficas', 'Colores'],
    );
    assert.deepEqual(await widths(360), wide);
  });

  test('checkboxes keep one size when their label wraps', async () => {
    for (const width of [375, 1280]) {
      const page = await ctx.open('#entrenamiento', { viewport: { width, height: 800 } });
      await page.waitForFunction(
        () => document.querySelectorAll('#entrenamiento input[type=checkbox]').length >= 2,
      );
      const sizes = await page.$$eval('main input[type=checkbox]', (boxes) =>
        boxes
          .filter((b) => b.offsetParent)
          .map((b) => ({
            where: `${b.closest('section').id}: ${(b.labels[0] ?? b.parentElement).textContent.trim()}`,
            w: b.getBoundingClientRect().width,
            h: b.getBoundingClientRect().height,
          })),
      );
      // "Mostrar la derivada" in the sigmoid lab is on one line at any width.
      const one = sizes.find((s) => s.where.startsWith('sigmoide'));
      for (const s of sizes) {
        assert.ok(Math.abs(s.w - one.w) < 0.5, `${width}px ${s.where}: ${s.w} vs ${one.w}`);
        assert.ok(Math.abs(s.h - one.h) < 0.5, `${width}px ${s.where}: ${s.h} vs ${one.h}`);
      }
      assert.ok(
        ['autonormalizacion', 'entrenamiento'].every((id) =>
          sizes.some((s) => s.where.startsWith(id)),
        ),
      );
      await page.close();
    }
  });

  test('with the browser text at 200 %, the charts keep their room and their labels grow', async () => {
    // The reader's default font size, as set in the browser's settings (not zoom): 32 px.
    const bigText = async (page) => {
      const cdp = await page.context().newCDPSession(page);
      await cdp.send('Page.setFontSizes', { fontSizes: { standard: 32, fixed: 26 } });
    };
    const page = await ctx.open('', { viewport: { width: 1024, height: 900 }, route: bigText });
    const widths = await page.evaluate(() => {
      for (const s of document.querySelectorAll('.section')) s.style.contentVisibility = 'visible';
      return [...document.querySelectorAll('main canvas')]
        .filter((c) => c.checkVisibility())
        .map((c) => [c.closest('[id]').id, Math.round(c.getBoundingClientRect().width)]);
    });
    assert.ok(widths.length > 30, `${widths.length} charts`);
    assert.deepEqual(
      widths.filter(([, w]) => w < 400),
      [],
      'at 1024 px the labs stack their controls under the chart instead of squeezing it',
    );
    const tickPx = await page.evaluate(() => window.activaciones.charts.sigmoide.options.font.size);
    assert.equal(tickPx, 24, 'chart text scales with the page text (12 px at 16 px)');
    assert.deepEqual(await page.problems(), []);
    await page.close();
  });

  test('a card alone in embed.html has no empty band above it', async () => {
    for (const viewport of [PHONE, { width: 1280, height: 900 }]) {
      const page = await ctx.open('', { viewport, file: 'embed.html?fn=celu' });
      const bands = await page.evaluate(() => {
        const card = document.querySelector('.embed-target');
        const top = card.getBoundingClientRect().top;
        const page = getComputedStyle(document.body).backgroundColor;
        const paints = (cs) =>
          (cs.backgroundColor !== page && !/rgba\(.*, 0\)$/.test(cs.backgroundColor)) ||
          (parseFloat(cs.borderTopWidth) > 0 && cs.borderTopStyle !== 'none');
        const textAbove = (e) => {
          const range = document.createRange();
          const walker = document.createTreeWalker(e, NodeFilter.SHOW_TEXT);
          for (let n = walker.nextNode(); n; n = walker.nextNode()) {
            if (!n.textContent.trim()) continue;
            range.selectNodeContents(n);
            if ([...range.getClientRects()].some((r) => r.height > 0 && r.top < top - 1))
              return true;
          }
          return false;
        };
        return [...document.body.querySelectorAll('*')]
          .filter((e) => {
            const r = e.getBoundingClientRect();
            return r.width > 0 && r.height > 0 && r.top < top - 1 && paints(getComputedStyle(e));
          })
          .filter((e) => !textAbove(e))
          .map(
            (e) =>
              `${e.tagName.toLowerCase()}#${e.id}.${e.className}: ${e.getBoundingClientRect().top}–${top}`,
          );
      });
      assert.deepEqual(bands, [], `${viewport.width}px`);
      await page.close();
    }
  });
});

describe('the training lab on a narrow screen', () => {
  const LAB = '#entrenamiento [data-lab]';
  const bar = '.train-mini';
  const scrollTo = (page, selector) =>
    page
      .locator(selector)
      .evaluate((e) => e.scrollIntoView({ block: 'center', behavior: 'instant' }));
  const shown = (page) => page.locator(bar).isVisible();
  const waitShown = (page, on) =>
    page.waitForFunction(([s, v]) => !document.querySelector(s).hidden === v, [bar, on]);

  test('a bar shows the map, epoch and loss while the reader works down the controls', async () => {
    const page = await ctx.open('#entrenamiento?entrenamiento.velocidad=10', {
      viewport: PHONE,
    });
    await scrollTo(page, `${LAB} [data-map]`);
    await page.waitForTimeout(300);
    assert.equal(await shown(page), false, 'the map itself is on screen');
    await scrollTo(page, `${LAB} [name="tasa"]`);
    await waitShown(page, true);
    assert.equal(await page.locator(bar).getAttribute('aria-hidden'), 'true');
    // Play and pause from the bar drive the lab.
    await page.locator(`${bar} button`).click();
    await page.waitForFunction((s) => Number(document.querySelector(s).dataset.epoch) >= 300, LAB);
    await page.locator(`${bar} button`).click();
    await page.waitForFunction((s) => document.querySelector(s).dataset.playing === '0', LAB);
    await page.waitForTimeout(200);
    const read = await page.evaluate(
      ([s, b]) => {
        const canvas = document.querySelector(`${b} canvas`);
        const ctx = canvas.getContext('2d');
        const pixel = (x, y) => [...ctx.getImageData(x, y, 1, 1).data];
        const w = canvas.width;
        return {
          epoch: document.querySelector(s).dataset.epoch,
          readout: document.querySelector('#entrenamiento [data-readout]').textContent,
          text: document.querySelector(`${b} .mini-text`).textContent,
          button: document.querySelector(`${b} button`).textContent,
          // The circle's inside is class 1 (blue), its outside class 0 (orange).
          centre: pixel(Math.round(w / 2) + 2, Math.round(w / 2) + 2),
          corner: pixel(2, 2),
        };
      },
      [LAB, bar],
    );
    assert.equal(read.button, 'Entrenar');
    const loss = read.readout.match(/pérdida de entrenamiento (\S+)/)[1];
    assert.equal(read.text, `Época ${read.epoch} · pérdida ${loss}`);
    assert.ok(read.centre[2] > read.centre[0] + 40, `centre ${read.centre}`);
    assert.ok(read.corner[0] > read.corner[2] + 40, `corner ${read.corner}`);
    // At the end of the lab, the last control is above the bar, not under it.
    const hidden = await page.evaluate(
      ([s, b]) => {
        const lab = document.querySelector(s).getBoundingClientRect();
        window.scrollBy(0, lab.bottom - innerHeight);
        const last = [...document.querySelectorAll(`${s} [data-controls] input`)]
          .filter((e) => e.offsetParent)
          .at(-1);
        return (
          last.getBoundingClientRect().bottom -
          document.querySelector(b).getBoundingClientRect().top
        );
      },
      [LAB, bar],
    );
    assert.ok(hidden <= 0, `the last control goes ${hidden}px under the bar`);
    // Back at the map, the bar goes.
    await scrollTo(page, `${LAB} [data-map]`);
    await waitShown(page, false);
    assert.deepEqual(await page.problems(), []);
    await page.close();
  });

  test('compared, the bar has one map per run, framed in its curve’s colour; wide, no bar', async () => {
    const page = await ctx.open(
      '#entrenamiento?entrenamiento.comparar=1&entrenamiento.c3=sigmoid',
      { viewport: PHONE },
    );
    await scrollTo(page, `${LAB} [name="tasa"]`);
    await waitShown(page, true);
    const maps = await page
      .locator(`${bar} canvas`)
      .evaluateAll((cs) => cs.map((c) => getComputedStyle(c).borderTopColor));
    // The legend's colours, as CSS computes them.
    const legend = await page.evaluate(() =>
      window.activaciones.charts['entrenamiento-perdida'].data.datasets.map((d) => {
        const probe = document.createElement('i');
        probe.style.color = d.borderColor;
        document.body.append(probe);
        const color = getComputedStyle(probe).color;
        probe.remove();
        return color;
      }),
    );
    assert.equal(maps.length, 3);
    assert.equal(new Set(maps).size, 3);
    assert.deepEqual(maps, legend);
    // Under each map, its run's training loss: a number, as the readout writes it.
    await page.waitForFunction(
      (b) => [...document.querySelectorAll(`${b} .mini-loss`)].every((l) => l.textContent),
      bar,
    );
    const losses = await page.locator(`${bar} .mini-loss`).allTextContents();
    assert.equal(losses.length, 3);
    assert.ok(
      losses.every((l) => /^\d+(,\d+)?$/.test(l)),
      losses.join(' | '),
    );
    await page.setViewportSize({ width: 1280, height: 900 });
    await scrollTo(page, `${LAB} [name="tasa"]`);
    await waitShown(page, false);
    assert.deepEqual(await page.problems(), []);
    await page.close();
  });
});
