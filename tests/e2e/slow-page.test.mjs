// A slow connection: the lesson's HTML arrives in two parts, seconds apart, while the app's
// scripts (preloaded) are already there. The app must wait for the whole page before it builds
// the labs, or the sections still in transit never get theirs.
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import http from 'node:http';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { DIST } from '../js/support/paths.mjs';
import { useBrowser } from './support/harness.mjs';

const ctx = useBrowser();
let slow;

before(async () => {
  const html = await readFile(path.join(DIST, 'index.html'));
  // Everything up to the network labs first; the rest 2 s later.
  const cut = html.indexOf('id="gradiente"');
  assert.ok(cut > 0);
  const server = http.createServer(async (req, res) => {
    const { pathname } = new URL(req.url, 'http://localhost');
    if (pathname === '/' || pathname === '/index.html') {
      res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' });
      res.write(html.subarray(0, cut));
      setTimeout(() => res.end(html.subarray(cut)), 2000);
      return;
    }
    // Everything else as the test server serves it.
    const upstream = await fetch(new URL(`.${pathname}`, ctx.server.url));
    res.writeHead(upstream.status, { 'Content-Type': upstream.headers.get('content-type') });
    res.end(Buffer.from(await upstream.arrayBuffer()));
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  slow = { url: `http://localhost:${server.address().port}/`, close: () => server.close() };
});
after(() => slow?.close());

describe('a slow connection', () => {
  test('the HTML arriving in two parts still gets every lab built', async () => {
    const page = await ctx.browser.newPage({ serviceWorkers: 'block' });
    const problems = [];
    page.on('pageerror', (e) => problems.push(e.message));
    await page.goto(`${slow.url}#elu`, { waitUntil: 'commit' });
    await page.waitForFunction(
      () => ['ready', 'error'].includes(document.documentElement.dataset.app),
      null,
      { timeout: 30000 },
    );
    const built = await page.evaluate(() => ({
      app: document.documentElement.dataset.app,
      charts: Object.keys(window.activaciones.charts),
      play: document.querySelectorAll('#entrenamiento [data-play]').length,
    }));
    assert.equal(built.app, 'ready');
    for (const key of ['elu', 'gradiente', 'entrenamiento']) {
      assert.ok(
        built.charts.some((k) => k === key || k.startsWith(`${key}-`)),
        `${key} has its charts`,
      );
    }
    assert.equal(built.play, 1, 'the training lab has its controls');
    assert.deepEqual(problems, []);
    await page.close();
  });

  test('a stylesheet that arrives after the app still gives the charts their theme', async () => {
    const page = await ctx.open('#comparacion', {
      colorScheme: 'dark',
      route: (p) =>
        p.route(/\/main\.css$/, async (r) => {
          await new Promise((resolve) => setTimeout(resolve, 1500));
          await r.continue();
        }),
    });
    const colours = await page.evaluate(() => {
      const style = getComputedStyle(document.documentElement);
      const { options } = window.activaciones.charts['comparacion-funciones'];
      return {
        ticks: options.scales.x.ticks.color,
        expected: style.getPropertyValue('--text-muted').trim(),
      };
    });
    assert.ok(colours.expected, 'main.css has loaded');
    assert.equal(colours.ticks, colours.expected);
    assert.deepEqual(await page.problems(), []);
    await page.close();
  });
});
