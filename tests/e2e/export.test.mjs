// Exporting: every chart downloads as a PNG at twice its CSS size (on white or transparent) and
// as CSV with the curves it shows; the boundary map as a PNG and its grid; and "Imprimir" prints
// one section on one A4 page, without controls, while Ctrl+P prints the whole lesson.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, test } from 'node:test';
import { inflateSync } from 'node:zlib';
import { useBrowser } from './support/harness.mjs';
import { FUNCTION_SECTIONS } from './support/lesson.mjs';

const ctx = useBrowser();
const BOM = '\uFEFF';
// A4 at 96 dpi is 794 × 1123 px; print.css leaves 12 mm margins, so 273 mm of it hold content.
const A4 = { width: 794, height: 1123 };
const PRINTABLE_HEIGHT = (273 / 25.4) * 96;

/** Opens the «Exportar» that holds `button`, as a reader would, if it is folded. */
async function reveal(button) {
  if (await button.isVisible()) return;
  await button
    .locator('xpath=ancestor::div[contains(@class, "export-tools")][1]')
    .locator('.export-toggle')
    .click();
}

/** Clicks `button` and returns the file it downloads: { name, bytes }. */
async function download(page, button) {
  await reveal(button);
  const [file] = await Promise.all([page.waitForEvent('download'), button.click()]);
  return { name: file.suggestedFilename(), bytes: readFileSync(await file.path()) };
}

const tools = (page, scope) => page.locator(`${scope} .export-tools`).first();
const exportButton = (page, scope, name) =>
  tools(page, scope).getByRole('button', { name, exact: true, includeHidden: true });

/**
 * The PNG's size and its top-left pixel as RGBA. The first pixel of the first row is stored
 * as is whatever the row's filter, having no neighbour above or to the left.
 */
function readPng(bytes) {
  assert.deepEqual([...bytes.subarray(0, 8)], [137, 80, 78, 71, 13, 10, 26, 10], 'PNG signature');
  let header = null;
  const idat = [];
  for (let at = 8; at < bytes.length;) {
    const length = bytes.readUInt32BE(at);
    const type = bytes.toString('latin1', at + 4, at + 8);
    const data = bytes.subarray(at + 8, at + 8 + length);
    if (type === 'IHDR') {
      header = {
        width: data.readUInt32BE(0),
        height: data.readUInt32BE(4),
        depth: data[8],
        colorType: data[9],
      };
    }
    if (type === 'IDAT') idat.push(data);
    if (type === 'IEND') break;
    at += 12 + length;
  }
  assert.equal(header.depth, 8);
  const channels = { 2: 3, 6: 4 }[header.colorType];
  assert.ok(channels, `colour type ${header.colorType}`);
  const pixels = unfilter(inflateSync(Buffer.concat(idat)), header.width, header.height, channels);
  const corner = [...pixels.subarray(0, channels)];
  /** How many pixels are exactly the colour #rrggbb. */
  const count = (hex) => {
    const [r, g, b] = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16));
    let n = 0;
    for (let i = 0; i < pixels.length; i += channels) {
      if (pixels[i] === r && pixels[i + 1] === g && pixels[i + 2] === b) n += 1;
    }
    return n;
  };
  return {
    width: header.width,
    height: header.height,
    corner: [...corner, 255].slice(0, 4),
    count,
  };
}

/** PNG scanlines back to raw pixels: each line's filter (None, Sub, Up, Average, Paeth) undone. */
function unfilter(data, width, height, channels) {
  const stride = width * channels;
  const out = Buffer.alloc(stride * height);
  for (let y = 0; y < height; y++) {
    const type = data[y * (stride + 1)];
    const line = data.subarray(y * (stride + 1) + 1, (y + 1) * (stride + 1));
    for (let x = 0; x < stride; x++) {
      const a = x >= channels ? out[y * stride + x - channels] : 0;
      const b = y > 0 ? out[(y - 1) * stride + x] : 0;
      const c = x >= channels && y > 0 ? out[(y - 1) * stride + x - channels] : 0;
      const p = a + b - c;
      const [pa, pb, pc] = [Math.abs(p - a), Math.abs(p - b), Math.abs(p - c)];
      const paeth = pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
      const predictor = [0, a, b, (a + b) >> 1, paeth][type];
      out[y * stride + x] = (line[x] + predictor) & 0xff;
    }
  }
  return out;
}

/** RFC 4180: records end in CRLF, fields are split on commas, quoted fields may hold both. */
function parseCsv(text, separator = ',') {
  const rows = [];
  let row = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === separator) {
      row.push(field);
      field = '';
    } else if (c === '\r' && text[i + 1] === '\n') {
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
      i++;
    } else field += c;
  }
  assert.ok(field === '' && row.length === 0, 'the last record ends in CRLF');
  return rows;
}

function readCsv(bytes, separator = ',') {
  const text = bytes.toString('utf8');
  assert.ok(text.startsWith(BOM), 'UTF-8 with a byte order mark');
  assert.ok(text.endsWith('\r\n'), 'CRLF after the last record');
  const [header, ...rows] = parseCsv(text.slice(1), separator);
  return { header, rows };
}

/** «CSV para Excel» holds the same cells as «CSV», with ';' between them and decimal commas. */
async function sameInSpanish(page, scope, file, { header, rows }) {
  const spanish = await download(page, exportButton(page, scope, 'CSV para Excel'));
  assert.equal(spanish.name, file);
  const text = spanish.bytes.toString('utf8');
  assert.ok(!/\d\.\d/.test(text), 'no decimal point');
  const comma = (cell) => (/^-?[\d.]+(e[-+]?\d+)?$/.test(cell) ? cell.replace('.', ',') : cell);
  assert.deepEqual(readCsv(spanish.bytes, ';'), { header, rows: rows.map((r) => r.map(comma)) });
}

/** Labels of the chart's visible datasets, and their point counts. */
const visibleCurves = (page, key) =>
  page.evaluate((k) => {
    const chart = window.activaciones.charts[k];
    return chart.data.datasets
      .filter((_, i) => chart.isDatasetVisible(i))
      .map((d) => ({ label: d.label, points: d.data.length }));
  }, key);

const cssSize = (page, key) =>
  page.evaluate((k) => {
    const { width, height } = window.activaciones.charts[k].canvas.getBoundingClientRect();
    return { width, height };
  }, key);

describe('exporting charts', () => {
  test('a chart downloads as a PNG at twice its CSS size, on white or transparent', async () => {
    const page = await ctx.open('#elu');
    const size = await cssSize(page, 'elu');
    const ratio = await page.evaluate(() => devicePixelRatio);

    const white = await download(page, exportButton(page, '#elu', 'Descargar PNG'));
    assert.equal(white.name, 'elu.png');
    const png = readPng(white.bytes);
    assert.ok(Math.abs(png.width - 2 * size.width) <= 1, `${png.width} px for ${size.width}`);
    // Above the chart, a line names its parameters («α = 1,5»): ELU at two αs must differ.
    const band = png.height - 2 * size.height;
    assert.ok(band >= 30 && band <= 60, `${png.height} px for ${size.height}`);
    assert.deepEqual(png.corner, [255, 255, 255, 255]);
    // A function without parameters has no such line: the image is the chart.
    const plain = readPng(
      (await download(page, exportButton(page, '#sigmoide', 'Descargar PNG'))).bytes,
    );
    const sigmoid = await cssSize(page, 'sigmoide');
    assert.ok(Math.abs(plain.height - 2 * sigmoid.height) <= 1, `${plain.height} px`);

    const clear = await download(page, exportButton(page, '#elu', 'PNG sin fondo'));
    assert.equal(clear.name, 'elu-sin-fondo.png');
    const transparent = readPng(clear.bytes);
    assert.equal(transparent.width, png.width);
    assert.equal(transparent.corner[3], 0);

    // The chart on the page is back at the screen's resolution, at the same size.
    const after = await page.evaluate(() => {
      const { canvas } = window.activaciones.charts.elu;
      return { width: canvas.width, css: canvas.getBoundingClientRect().width };
    });
    assert.equal(after.css, size.width);
    assert.equal(after.width, Math.floor(size.width * ratio));
    assert.match(
      await tools(page, '#elu').getByRole('status').textContent(),
      /Descarga iniciada: elu-sin-fondo\.png\./,
    );
    assert.deepEqual(await page.problems(), []);
    await page.close();
  });

  test('in the dark theme the PNG on white is drawn for paper, and the page keeps its colours', async () => {
    const page = await ctx.open('#elu', { colorScheme: 'dark' });
    const colors = () =>
      page.evaluate(() => {
        const { options } = window.activaciones.charts.elu;
        return [options.scales.x.ticks.color, options.scales.y.grid.color];
      });
    const before = await colors();
    const png = readPng((await download(page, exportButton(page, '#elu', 'Descargar PNG'))).bytes);
    assert.deepEqual(png.corner, [255, 255, 255, 255]);
    assert.deepEqual(await colors(), before);
    // The curves too take the light theme's colours: the pale #56b4e9 and #e69f00 of the dark
    // theme would have 2.3:1 contrast on white.
    assert.ok(png.count('#0072b2') > 200 && png.count('#d55e00') > 200, 'light curves');
    assert.equal(png.count('#56b4e9') + png.count('#e69f00'), 0, 'no dark-theme curve colour');
    const page2 = await ctx.open('#comparacion', { colorScheme: 'dark' });
    const figure = readPng(
      (
        await download(
          page2,
          exportButton(page2, '[data-figure="comparacion-familia"]', 'Descargar PNG'),
        )
      ).bytes,
    );
    // (ReLU's dark #ececec is left out: the grid's grey on white blends to it.)
    assert.equal(figure.count('#2fc79a') + figure.count('#e69f00'), 0);
    assert.ok(figure.count('#d55e00') > 200, 'ELU in its light colour');
    await page2.close();
    assert.deepEqual(await page.problems(), []);
    await page.close();
  });

  test('the ELU chart’s CSV has z, f and f′ with the core’s values', async () => {
    const page = await ctx.open('#elu');
    const alpha = Number(await page.locator('#elu').getByLabel('α (alpha)').inputValue());
    const curves = await visibleCurves(page, 'elu');
    const { name, bytes } = await download(page, exportButton(page, '#elu', 'CSV'));
    assert.equal(name, 'elu.csv');
    const { header, rows } = readCsv(bytes);
    // Each curve's column names the parameters it was drawn with.
    assert.deepEqual(header, ['z', ...curves.map((c) => `${c.label} · α = 1,5`)]);
    assert.equal(header.length, 3);
    // f′ jumps at 0 (α ≠ 1): its two one-sided limits and the gap between them take three rows.
    assert.equal(rows.length, Math.max(...curves.map((c) => c.points)));
    assert.ok(rows.every((r) => r.length === 3));
    const z = rows.map((r) => Number(r[0]));
    assert.ok(
      z.every((v, i) => i === 0 || v >= z[i - 1]),
      'z in increasing order',
    );
    const atZero = rows.filter((r) => r[0] === '0').map((r) => r[2]);
    assert.equal(atZero.length, 3);
    assert.equal(atZero[1], '');
    assert.ok(Math.abs(Number(atZero[0]) - alpha) < 1e-12, `left limit ${atZero[0]}`);
    assert.ok(Math.abs(Number(atZero[2]) - 1) < 1e-12, `right limit ${atZero[2]}`);
    await sameInSpanish(page, '#elu', 'elu-excel.csv', { header, rows });

    // The curves are drawn through the core's float32 path: the CSV has exactly its numbers,
    // each with the fewest digits that read back as that float32 (at most 9).
    const sample = [0, 1, 150, 299, 450, rows.length - 1].map((i) => rows[i]);
    const core = await page.evaluate(
      ([zs, a]) => {
        const z32 = new Float32Array(zs);
        const { f, df } = window.activaciones.api.evaluate('elu', z32, { alpha: a });
        return { f: [...f], df: [...df] };
      },
      [sample.map((r) => Number(r[0])), alpha],
    );
    const digits = (text) =>
      text
        .replace(/e.*$/, '')
        .replace(/[^0-9]/g, '')
        .replace(/^0+/, '');
    sample.forEach((row, i) => {
      const same = (text, want) => {
        assert.equal(Math.fround(Number(text)), want, text);
        assert.ok(digits(text).length <= 9, `${text}: more digits than a float32 holds`);
      };
      assert.notEqual(row[1], '');
      same(row[1], core.f[i]);
      same(row[2], core.df[i]);
    });
    // Only the one-sided limits at the kink, computed in double, may have more digits.
    const float32 = (cell) => Math.fround(Number(cell)) === Number(cell);
    assert.ok(
      rows.every((r) => r.every((cell) => !float32(cell) || digits(cell).length <= 9)),
      'no 17-digit expansions of float32s',
    );
    assert.deepEqual(await page.problems(), []);
    await page.close();
  });

  test('a comparison figure’s CSV has a column per visible curve', async () => {
    const page = await ctx.open('#comparacion');
    const figure = '[data-figure="comparacion-funciones"]';
    const key = 'comparacion-funciones';
    let curves = await visibleCurves(page, key);
    let csv = readCsv((await download(page, exportButton(page, figure, 'CSV'))).bytes);
    assert.deepEqual(csv.header, ['z', ...curves.map((c) => c.label)]);
    assert.ok(curves.length >= 3);

    const hidden = curves[1].label;
    await page.locator(figure).getByLabel(hidden, { exact: true }).uncheck();
    await page.waitForFunction(
      ([k, n]) => window.activaciones.charts[k].getSortedVisibleDatasetMetas().length === n,
      [key, curves.length - 1],
    );
    curves = await visibleCurves(page, key);
    csv = readCsv((await download(page, exportButton(page, figure, 'CSV'))).bytes);
    assert.deepEqual(csv.header, ['z', ...curves.map((c) => c.label)]);
    assert.ok(!csv.header.includes(hidden));
    assert.ok(csv.rows.every((r) => r.length === csv.header.length));
    assert.deepEqual(await page.problems(), []);
    await page.close();
  });

  test('the gallery comparison’s CSV has its columns in comparison order, as its legend', async () => {
    // Not the gallery's order (GELU, SiLU, Mish, …, CELU): the link's, then what is added.
    const page = await ctx.open('#otras-funciones?otras-funciones.comparar=mish,celu,gelu');
    const scope = '[data-gallery-compare]';
    const legend = page.locator(`${scope} [data-legend] li`);
    await page.locator('#funcion-silu .compare-toggle').click();
    await page.waitForFunction(
      (s) => document.querySelectorAll(s).length === 4,
      `${scope} [data-legend] li`,
    );
    const names = await legend.allTextContents();
    assert.deepEqual(names, ['Mish', 'CELU', 'GELU', 'SiLU (Swish)']);
    const { header, rows } = readCsv(
      (await download(page, exportButton(page, scope, 'CSV'))).bytes,
    );
    assert.deepEqual(header, ['z', ...names]);

    // Each column holds its own function's values.
    const sample = [0, 100, 250, 400].map((i) => rows[i]);
    const core = await page.evaluate(
      (zs) => {
        const z = new Float32Array(zs);
        return ['mish', 'celu', 'gelu', 'silu'].map((id) => [
          ...window.activaciones.api.evaluate(id, z, {}).f,
        ]);
      },
      sample.map((r) => Number(r[0])),
    );
    sample.forEach((row, i) =>
      core.forEach((f, c) => {
        // The same float32, in the fewest digits that read back as it.
        const same = Math.fround(Number(row[c + 1])) === f[i];
        assert.ok(same, `${header[c + 1]} at z = ${row[0]}: ${row[c + 1]}, not ${f[i]}`);
      }),
    );
    assert.deepEqual(await page.problems(), []);
    await page.close();
  });

  test('a comparison figure’s PNG names its curves: its legend, drawn for the image only', async () => {
    const page = await ctx.open('#comparacion');
    const key = 'comparacion-familia';
    const figure = `[data-figure="${key}"]`;
    const hidden = (await visibleCurves(page, key))[1].label;
    await page.locator(figure).getByLabel(hidden, { exact: true }).uncheck();
    // Every draw of the chart records the legend it drew.
    await page.evaluate((k) => {
      const chart = window.activaciones.charts[k];
      window.legends = [];
      const draw = chart.draw.bind(chart);
      chart.draw = () => {
        draw();
        const { display } = chart.options.plugins.legend;
        window.legends.push(display ? chart.legend.legendItems.map((i) => i.text) : null);
      };
    }, key);
    const png = await download(page, exportButton(page, figure, 'Descargar PNG'));
    assert.equal(png.name, `${key}.png`);
    const drawn = await page.evaluate(() => window.legends.filter((l) => l && l.length > 0));
    const shown = (await visibleCurves(page, key)).map((c) => c.label);
    assert.ok(
      drawn.some((l) => JSON.stringify(l) === JSON.stringify(shown)),
      JSON.stringify(drawn),
    );
    assert.ok(!drawn.flat().includes(hidden), `${hidden} is not on show`);
    // The page keeps its own legend, the checkboxes.
    assert.equal(
      await page.evaluate((k) => window.activaciones.charts[k].options.plugins.legend.display, key),
      false,
    );
    assert.deepEqual(await page.problems(), []);
    await page.close();
  });

  test('softmax’s bars export one row per class', async () => {
    const page = await ctx.open('#softmax');
    const { name, bytes } = await download(page, exportButton(page, '#softmax', 'CSV'));
    assert.equal(name, 'softmax.csv');
    const { header, rows } = readCsv(bytes);
    const chart = await page.evaluate(() => {
      const { data } = window.activaciones.charts.softmax;
      return { label: data.datasets[0].label, values: data.datasets[0].data };
    });
    assert.deepEqual(header, ['clase', chart.label]);
    assert.deepEqual(
      rows,
      chart.values.map((v, i) => [`Clase ${i + 1}`, String(v)]),
    );
    await page.close();
  });

  test('the training lab exports its loss by epoch and its boundary map', async () => {
    const page = await ctx.open('#entrenamiento');
    const lab = page.locator('#entrenamiento [data-lab]');
    await page.waitForFunction(() => document.querySelector('#entrenamiento [data-epoch]'));
    for (let i = 1; i <= 2; i++) {
      await lab.locator('button', { hasText: 'Una época' }).click();
      await page.waitForFunction(
        (n) => Number(document.querySelector('#entrenamiento [data-lab]').dataset.epoch) >= n,
        i,
      );
    }
    const loss = await download(page, exportButton(page, '#entrenamiento .train-loss', 'CSV'));
    assert.equal(loss.name, 'entrenamiento-perdida.csv');
    const { header, rows } = readCsv(loss.bytes);
    assert.deepEqual(header, ['época', 'Entrenamiento', 'Prueba']);
    const drawn = await page.evaluate(() =>
      window.activaciones.charts['entrenamiento-perdida'].data.datasets.map((d) =>
        d.data.map((p) => [String(p.x), String(p.y)]),
      ),
    );
    assert.deepEqual(
      rows,
      drawn[0].map(([x, y], i) => [x, y, drawn[1][i][1]]),
    );
    assert.ok(rows.length >= 2);

    const map = page.locator('#entrenamiento canvas[data-map]');
    const width = await map.evaluate((c) => c.clientWidth);
    const png = await download(
      page,
      exportButton(page, '#entrenamiento .train-boundary', 'Descargar PNG'),
    );
    assert.equal(png.name, 'entrenamiento-frontera.png');
    const image = readPng(png.bytes);
    assert.equal(image.width, 2 * width);
    assert.equal(image.height, 2 * width);
    const grid = readCsv(
      (await download(page, exportButton(page, '#entrenamiento .train-boundary', 'CSV'))).bytes,
    );
    assert.deepEqual(grid.header, ['x1', 'x2', 'P(clase 1)']);
    assert.equal(grid.rows.length, 100 * 100);
    assert.deepEqual(grid.rows[0].slice(0, 2), ['-6', '6']);
    assert.deepEqual(grid.rows.at(-1).slice(0, 2), ['6', '-6']);
    assert.ok(grid.rows.every((r) => Number(r[2]) >= 0 && Number(r[2]) <= 1));
    await sameInSpanish(
      page,
      '#entrenamiento .train-boundary',
      'entrenamiento-frontera-excel.csv',
      grid,
    );
    assert.deepEqual(await page.problems(), []);
    await page.close();
  });

  test('every chart has one «Exportar» that shows its four buttons, named for screen readers', async () => {
    const page = await ctx.open();
    const keys = await page.evaluate(() => Object.keys(window.activaciones.charts));
    const groups = page.locator('.export-tools:not(.export-tools-map)');
    assert.equal(await groups.count(), keys.length);
    const names = await groups.evaluateAll((g) =>
      g.map((e) => {
        const toggle = e.querySelector(':scope > button');
        const panel = document.getElementById(toggle.getAttribute('aria-controls'));
        return [
          toggle.textContent,
          toggle.getAttribute('aria-label'),
          toggle.getAttribute('aria-expanded'),
          panel.getAttribute('aria-label'),
          panel.checkVisibility(),
          [...panel.querySelectorAll('button')].map((b) => b.textContent),
        ];
      }),
    );
    for (const [text, label, expanded, group, shown, buttons] of names) {
      assert.equal(text, 'Exportar');
      assert.match(label, /^Exportar: \S/);
      assert.deepEqual([expanded, group, shown], ['false', label, false], label);
      assert.deepEqual(buttons, ['Descargar PNG', 'PNG sin fondo', 'CSV', 'CSV para Excel']);
    }
    await page.close();
  });

  test('by keyboard: Enter opens «Exportar», Tab reaches its buttons, Escape folds it back', async () => {
    const page = await ctx.open('#elu');
    const toggle = page.locator('#elu .export-toggle').first();
    const name = () => page.evaluate(() => document.activeElement.textContent);
    await toggle.focus();
    // Folded, the next Tab stop is past the buttons.
    await page.keyboard.press('Tab');
    assert.notEqual(await name(), 'Descargar PNG');
    await toggle.focus();
    await page.keyboard.press('Enter');
    assert.equal(await toggle.getAttribute('aria-expanded'), 'true');
    await page.keyboard.press('Tab');
    assert.equal(await name(), 'Descargar PNG');
    await page.keyboard.press('Tab');
    assert.equal(await name(), 'PNG sin fondo');
    await page.keyboard.press('Escape');
    assert.equal(await toggle.getAttribute('aria-expanded'), 'false');
    assert.equal(await name(), 'Exportar');
    assert.equal(await page.locator('#elu .export-actions').first().isVisible(), false);
    assert.deepEqual(await page.problems(), []);
    await page.close();
  });

  test('a failed export says so beside the buttons and breaks nothing', async () => {
    const page = await ctx.open('#elu');
    await page.evaluate(() => {
      HTMLCanvasElement.prototype.toBlob = (callback) => callback(null);
    });
    const png = exportButton(page, '#elu', 'Descargar PNG');
    await reveal(png);
    await png.click();
    await page.waitForFunction(() =>
      /No se ha podido preparar elu\.png/.test(
        document.querySelector('#elu .export-status').textContent,
      ),
    );
    assert.deepEqual(await page.problems(), []);
    await page.close();
  });
});

describe('printing', () => {
  /** For each selector, whether each element it matches is rendered, under the current media. */
  const rendered = (page, selectors) =>
    page.evaluate(
      (list) => list.map((s) => [...document.querySelectorAll(s)].map((e) => e.checkVisibility())),
      selectors,
    );

  async function markForPrint(page, anchor) {
    // Headless Chromium would print at once; the test looks at the print styles instead.
    await page.evaluate(() => {
      window.print = () => (window.printed = (window.printed ?? 0) + 1);
    });
    await page
      .locator(`#${anchor}`)
      .getByRole('button', { name: /^Imprimir la sección/ })
      .click();
    assert.equal(await page.evaluate(() => window.printed), 1);
    assert.equal(await page.evaluate(() => document.documentElement.dataset.print), anchor);
  }

  test('«Imprimir» prints its section alone, without controls, on one A4 page', async () => {
    const page = await ctx.open('#elu', { viewport: A4 });
    await markForPrint(page, 'elu');
    await page.emulateMedia({ media: 'print' });
    const sections = await page.evaluate(() =>
      [...document.querySelectorAll('main > section')].map((s) => [
        s.id,
        getComputedStyle(s).display,
      ]),
    );
    for (const [id, display] of sections) {
      assert.equal(display === 'none', id !== 'elu', `${id}: ${display}`);
    }
    const hidden = [
      '.toc',
      '.site-header',
      '#elu .lab-controls',
      '#elu .export-tools',
      '#elu .print-button',
      '#elu .section-nav',
      '#elu input',
      '#elu button',
    ];
    for (const [i, list] of (await rendered(page, hidden)).entries()) {
      assert.ok(list.length > 0, `${hidden[i]} exists`);
      assert.ok(!list.some(Boolean), `${hidden[i]} hidden`);
    }
    const shown = await rendered(page, ['#elu h2', '#elu .formulas', '#elu canvas', '#elu > ul']);
    assert.ok(shown.every((list) => list.length && list.every(Boolean)));
    // The chart takes print.css's fixed size once Chart.js has followed its box.
    await page.waitForFunction(() => {
      const { width, height } = window.activaciones.charts.elu.canvas.getBoundingClientRect();
      return width === 640 && height === 260;
    });
    const height = await page.locator('#elu').evaluate((s) => s.getBoundingClientRect().height);
    assert.ok(height <= PRINTABLE_HEIGHT, `#elu is ${height} px tall`);
    assert.deepEqual(await page.problems(), []);
    await page.close();
  });

  test('every function section fits one page', async () => {
    const page = await ctx.open('', { viewport: A4 });
    for (const anchor of [...Object.keys(FUNCTION_SECTIONS), 'softmax']) {
      await page.emulateMedia({ media: 'screen' });
      await markForPrint(page, anchor);
      await page.evaluate(() => (window.printed = 0));
      await page.emulateMedia({ media: 'print' });
      const height = await page
        .locator(`#${anchor}`)
        .evaluate((s) => s.getBoundingClientRect().height);
      assert.ok(height <= PRINTABLE_HEIGHT, `#${anchor} is ${height} px tall`);
    }
    await page.close();
  });

  test('the whole lesson flows on paper: no section starts a page of its own', async () => {
    const page = await ctx.open('', { viewport: A4 });
    const pages = async () => {
      const pdf = (await page.pdf({ format: 'A4' })).toString('latin1');
      return pdf.match(/\/Type\s*\/Page(?![a-z])/g).length;
    };
    const flowing = await pages();
    // The same lesson with a page for each section, as it printed before: most sections left
    // their last lines (the Keras code) alone on the next page.
    await page.evaluate(() => {
      for (const s of document.querySelectorAll('main > .section + .section')) {
        s.style.breakBefore = 'page';
      }
    });
    const paged = await pages();
    assert.ok(flowing < paged, `${flowing} pages, and ${paged} with a page for each section`);
    assert.deepEqual(await page.problems(), []);
    await page.close();
  });

  test('charts are redrawn at the print size before printing and put back after', async () => {
    const page = await ctx.open('#elu');
    const before = await cssSize(page, 'elu');
    await markForPrint(page, 'elu');
    await page.evaluate(() => dispatchEvent(new Event('beforeprint')));
    assert.deepEqual(await cssSize(page, 'elu'), { width: 640, height: 260 });
    // Only the marked section's charts are resized.
    assert.deepEqual(await cssSize(page, 'relu'), before);
    await page.evaluate(() => dispatchEvent(new Event('afterprint')));
    assert.deepEqual(await cssSize(page, 'elu'), before);
    assert.equal(await page.evaluate(() => document.documentElement.dataset.print), undefined);
    assert.equal(await page.locator('[data-print-target]').count(), 0);
    assert.deepEqual(await page.problems(), []);
    await page.close();
  });

  test('in the dark theme, the swatches and the decision map print in the light one', async () => {
    const page = await ctx.open('#comparacion', { colorScheme: 'dark' });
    const strokes = () =>
      page
        .locator('#comparacion svg.swatch [stroke]')
        .evaluateAll((all) => all.map((e) => e.getAttribute('stroke')));
    // The middle of the map, where an untrained network says 0,5: the page's surface.
    const mapMiddle = () =>
      page.locator('#entrenamiento canvas[data-map]').evaluate((c) => {
        const [r, g, b] = c.getContext('2d').getImageData(c.width / 2 + 3, c.height / 4, 1, 1).data;
        return Math.round((r + g + b) / 3);
      });
    await page.waitForFunction(
      () => document.querySelector('#entrenamiento [data-lab]').dataset.epoch,
    );
    const onScreen = await strokes();
    assert.ok(onScreen.includes('#ececec'), onScreen.join()); // ReLU, pale on a dark page
    assert.ok((await mapMiddle()) < 80);
    await page.evaluate(() => dispatchEvent(new Event('beforeprint')));
    const printed = await strokes();
    assert.ok(!printed.includes('#ececec') && printed.includes('#1d1d1f'), printed.join());
    assert.ok((await mapMiddle()) > 200);
    await page.evaluate(() => dispatchEvent(new Event('afterprint')));
    assert.deepEqual(await strokes(), onScreen);
    assert.ok((await mapMiddle()) < 80);
    assert.deepEqual(await page.problems(), []);
    await page.close();
  });

  test('with no mark (Ctrl+P) the whole lesson prints, without controls', async () => {
    const page = await ctx.open('', { viewport: A4 });
    await page.emulateMedia({ media: 'print' });
    const [sections] = await rendered(page, ['main > section']);
    assert.ok(sections.length >= 15 && sections.every(Boolean));
    const controls = await rendered(page, [
      '.toc',
      '.lab-controls',
      '.export-tools',
      '.print-button',
      '.section-nav',
    ]);
    assert.ok(controls.every((list) => list.length && !list.some(Boolean)));
    // A lab still computing when printed says so on paper, as a chart still loading does. Shown
    // and read in one task: the lab, still at work on a loaded machine, may hide its status as
    // soon as its answer comes.
    const waiting = await page.evaluate(() =>
      ['#gradiente [data-calculating]', '#elu [data-placeholder]'].map((s) => {
        const e = document.querySelector(s);
        e.hidden = false;
        return e.checkVisibility();
      }),
    );
    assert.deepEqual(waiting, [true, true]);
    assert.deepEqual(await page.problems(), []);
    await page.close();
  });
});
