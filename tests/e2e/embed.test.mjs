// embed.html in frames: inside a sandboxed iframe (allow-scripts without allow-same-origin) on
// another origin, reporting its height; the course's theme; and bad targets, which get a Spanish
// message and still report their size. (Opened alone, in embed-query.test.mjs.)
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { startStaticServer } from '../../build-scripts/lib/static-server.mjs';
import { shown } from './support/embed.mjs';
import { useBrowser } from './support/harness.mjs';
import { mkdtemp, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';

const ctx = useBrowser();

describe('embed.html', () => {
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
