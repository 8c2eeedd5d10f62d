// The page in headless Chromium: input → repaint latency while a slider is dragged (the shared α
// of the comparison figures, and ELU's own lab), how soon the gradient lab answers a move made
// while its worker runs a 100-layer network, time from navigation to the charts being drawn,
// and the transfer size of everything the page loads. Timings live here, never in tests.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { DIST } from '../js/support/paths.mjs';
import { startStaticServer } from '../../build-scripts/lib/static-server.mjs';
import { launchBrowser } from '../e2e/support/browser.mjs';

const quantile = (sorted, q) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
const ms = (v) => `${v.toFixed(2)} ms`;

async function dragLatency(browser, url, sectionSelector, label) {
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  await page.goto(url);
  await page.waitForFunction(() => document.documentElement.dataset.app === 'ready');
  const slider = page.locator(sectionSelector).getByLabel(label);
  await slider.scrollIntoViewIfNeeded();
  // A capture listener on the document runs before the page's own handler, and a listener added
  // to the slider now runs after it: the render has happened by then.
  await slider.evaluate((input) => {
    window.__latencies = [];
    window.__handler = [];
    let start = 0;
    document.addEventListener('input', () => (start = performance.now()), true);
    input.addEventListener('input', (e) => {
      const end = performance.now();
      window.__latencies.push(end - e.timeStamp);
      window.__handler.push(end - start);
    });
  });
  const box = await slider.boundingBox();
  const y = box.y + box.height / 2;
  await page.mouse.move(box.x + 4, y);
  await page.mouse.down();
  for (let pass = 0; pass < 3; pass++) {
    for (let i = 0; i <= 100; i++) {
      const t = pass % 2 === 0 ? i / 100 : 1 - i / 100;
      await page.mouse.move(box.x + 4 + t * (box.width - 8), y);
    }
  }
  await page.mouse.up();
  const sorted = (key) => page.evaluate((k) => window[k], key).then((a) => a.sort((x, y) => x - y));
  const samples = await sorted('__latencies');
  const handler = await sorted('__handler');
  await page.close();
  return {
    n: samples.length,
    p50: quantile(samples, 0.5),
    p95: quantile(samples, 0.95),
    max: samples.at(-1),
    handler50: quantile(handler, 0.5),
    handler95: quantile(handler, 0.95),
  };
}

/**
 * The gradient lab at depth 100: once its preview is drawn and the full run has started (after
 * each pause, in ms), the depth moves to 99. Returns the times from that move to the frame that
 * draws 99 layers. The first move, which also warms up the page, is not counted.
 */
async function resumeAfterPause(browser, url, pauses) {
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  await page.goto(`${url}#gradiente`);
  await page.waitForFunction(() => document.documentElement.dataset.app === 'ready');
  const times = await page.evaluate(async (list) => {
    const input = document.querySelector('#gradiente input[name="depth"]');
    const chart = window.activaciones.charts['gradiente-norma'];
    const set = (v) => {
      input.value = String(v);
      input.dispatchEvent(new Event('input', { bubbles: true }));
    };
    const drawn = async (depth) => {
      do await new Promise(requestAnimationFrame);
      while (!chart.data.datasets.every((d) => d.data.length === depth));
    };
    const out = [];
    for (const pause of list) {
      set(100);
      await drawn(100);
      await new Promise((resolve) => setTimeout(resolve, pause));
      const start = performance.now();
      set(99);
      await drawn(99);
      out.push(performance.now() - start);
    }
    return out;
  }, pauses);
  await page.close();
  return times.slice(1).sort((a, b) => a - b);
}

async function loadTimes(browser, url, runs = 7) {
  const first = [];
  const ready = [];
  const fcp = [];
  for (let i = 0; i < runs; i++) {
    const context = await browser.newContext(); // a cold cache each time
    const page = await context.newPage({ viewport: { width: 1280, height: 900 } });
    await page.goto(url);
    await page.waitForFunction(() => document.documentElement.dataset.app === 'ready');
    const t = await page.evaluate(() => ({
      first: performance.getEntriesByName('activaciones:first-chart')[0].startTime,
      ready: performance.getEntriesByName('activaciones:ready')[0].startTime,
      fcp: performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? NaN,
    }));
    first.push(t.first);
    ready.push(t.ready);
    fcp.push(t.fcp);
    await context.close();
  }
  for (const list of [first, ready, fcp]) list.sort((a, b) => a - b);
  return {
    first: quantile(first, 0.5),
    firstMax: first.at(-1),
    ready: quantile(ready, 0.5),
    fcp: quantile(fcp, 0.5),
  };
}

/**
 * What crosses the network on a first visit, counted where it is served, from a server that
 * caches as GitHub Pages does (max-age=600): the workers' second requests for the core then come
 * from the browser's cache, as they would for a reader. Text counts at its gzip size. With
 * service workers allowed, the visit also downloads the offline copy.
 */
async function transfer(browser, serviceWorkers) {
  const host = await startStaticServer({ root: DIST, headers: { 'Cache-Control': 'max-age=600' } });
  const served = [];
  host.server.on('request', (req) => served.push(new URL(req.url, host.url).pathname));
  const context = await browser.newContext({ serviceWorkers });
  const page = await context.newPage({ viewport: { width: 1280, height: 900 } });
  await page.goto(host.url);
  await page.waitForFunction(() => document.documentElement.dataset.app === 'ready');
  // Scroll through the page so that every font the maths needs is fetched.
  await page.evaluate(async () => {
    for (let y = 0; y < document.body.scrollHeight; y += innerHeight) {
      scrollTo(0, y);
      await new Promise((r) => requestAnimationFrame(r));
    }
    await document.fonts.ready;
  });
  if (serviceWorkers === 'allow') {
    // The offline copy is complete once the worker has kept the fonts the page used.
    await page.waitForFunction(() => document.documentElement.dataset.offline === 'ready');
  } else await page.waitForTimeout(500);
  await context.close();
  await host.close();
  const files = [];
  for (const url of served) {
    const file = path.join(DIST, url.endsWith('/') ? `${url}index.html` : url);
    const body = await readFile(file).catch(() => null);
    if (!body) continue;
    const gzip = gzipSync(body, { level: 9 }).length;
    // woff2 and png are compressed already; text is what a server would gzip.
    files.push({ url, raw: body.length, sent: /\.(woff2|png)$/.test(url) ? body.length : gzip });
  }
  files.sort((a, b) => b.sent - a.sent);
  return {
    files,
    total: files.reduce((a, f) => a + f.sent, 0),
    raw: files.reduce((a, f) => a + f.raw, 0),
  };
}

const server = await startStaticServer({ root: DIST });
const browser = await launchBrowser();
try {
  console.log('Página en Chromium sin interfaz (2 núcleos), servida desde localhost\n');
  const drags = [
    ['figuras comparativas (α compartido, 2 figuras)', '#comparacion', /α de ELU/],
    ['laboratorio de ELU (α)', '#elu', 'α (alpha)'],
    ['laboratorio de la sigmoide (z máxima)', '#sigmoide', 'z máxima'],
  ];
  const rows = [];
  for (const [name, section, label] of drags) {
    const r = await dragLatency(browser, server.url, section, label);
    rows.push({
      control: name,
      eventos: r.n,
      p50: ms(r.p50),
      p95: ms(r.p95),
      máximo: ms(r.max),
      'código de la página p50': ms(r.handler50),
      'código p95': ms(r.handler95),
    });
  }
  console.log('Latencia entrada → gráfica redibujada, arrastrando un control:');
  console.table(rows);

  // The full run starts 60 ms after the preview; at depth 100 it lasts about 400 ms.
  const pauses = Array.from({ length: 21 }, (_, i) => 80 + 15 * i);
  const resume = await resumeAfterPause(browser, server.url, pauses);
  console.log(
    `\nLaboratorio del gradiente a 100 capas: de mover la profundidad, con el cálculo completo en marcha, ` +
      `a la gráfica redibujada: mediana ${ms(quantile(resume, 0.5))}, p95 ${ms(quantile(resume, 0.95))}, peor ${ms(resume.at(-1))} (${resume.length} veces)`,
  );

  const load = await loadTimes(browser, server.url);
  console.log(
    `Navegación → primera gráfica dibujada: mediana ${ms(load.first)} (peor ${ms(load.firstMax)}); ` +
      `todas las gráficas: ${ms(load.ready)}; primer contenido: ${ms(load.fcp)}`,
  );

  const kb = (bytes) => `${(bytes / 1024).toFixed(1)} KB`;
  const page = await transfer(browser, 'block');
  console.log(
    `\nTransferencia de la página con todo lo que carga (primera visita, caché como GitHub Pages): ` +
      `${kb(page.total)} con gzip (${kb(page.raw)} sin comprimir), ${page.files.length} ficheros`,
  );
  console.table(
    page.files.map((f) => ({
      fichero: f.url,
      'KB enviados': (f.sent / 1024).toFixed(1),
      'KB sin comprimir': (f.raw / 1024).toFixed(1),
    })),
  );
  const offline = await transfer(browser, 'allow');
  console.log(
    `Con el service worker, que guarda además la copia para usarla sin red: ${kb(offline.total)} ` +
      `con gzip, ${offline.files.length} ficheros`,
  );
} finally {
  await browser.close();
  await server.close();
}
