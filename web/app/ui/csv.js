// A Chart.js chart's visible data as CSV (RFC 4180: CRLF line ends, fields quoted only when they
// hold a comma, a quote or a line break), with a UTF-8 byte order mark so that Excel reads the
// accents of "época" correctly. Numbers keep full precision with a '.' decimal point.

const BOM = '\uFEFF';

function field(value) {
  const text = String(value);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

const row = (cells) => cells.map(field).join(',');
const number = (v) => (typeof v === 'number' && Number.isFinite(v) ? String(v) : '');
const yOf = (p) => (p !== null && typeof p === 'object' ? p.y : p);

/** In Chart.js's own order (tooltips, legend, drawing): by each dataset's `order`, then by place. */
function visibleDatasets(chart) {
  return chart.data.datasets
    .filter((_, i) => chart.isDatasetVisible(i))
    .sort((a, b) => (a.order ?? 0) - (b.order ?? 0));
}

/** The x axis's title, or a default. */
function xTitle(chart, fallback) {
  const text = chart.options.scales?.x?.title?.text;
  const title = Array.isArray(text) ? text.join(' ') : text;
  return title || fallback;
}

/** Bar charts over category labels (softmax): a row per label. */
function categoryRows(chart, datasets) {
  return (chart.data.labels ?? []).map((label, i) => [
    label,
    ...datasets.map((d) => number(yOf(d.data[i]))),
  ]);
}

/**
 * Charts of {x, y} points: a row per x in the union of the curves' x values, in increasing
 * order, with an empty cell where a curve has no point. Where a curve has several points at one
 * x (a jump: left limit, gap, right limit) it gets as many rows there, in the order drawn.
 */
function pointRows(datasets) {
  const columns = datasets.map((d) => {
    const byX = new Map();
    for (const p of d.data) {
      if (p === null || typeof p !== 'object' || !Number.isFinite(p.x)) continue;
      if (!byX.has(p.x)) byX.set(p.x, []);
      byX.get(p.x).push(p.y);
    }
    return byX;
  });
  const xs = [...new Set(columns.flatMap((byX) => [...byX.keys()]))].sort((a, b) => a - b);
  const rows = [];
  for (const x of xs) {
    const count = Math.max(...columns.map((byX) => byX.get(x)?.length ?? 0));
    for (let k = 0; k < count; k++) {
      rows.push([String(x), ...columns.map((byX) => number(byX.get(x)?.[k]))]);
    }
  }
  return rows;
}

export function chartCsv(chart) {
  const datasets = visibleDatasets(chart);
  const category = chart.scales?.x?.type === 'category';
  const header = [
    xTitle(chart, category ? 'categoría' : 'z'),
    ...datasets.map((d) => d.label ?? ''),
  ];
  const rows = category ? categoryRows(chart, datasets) : pointRows(datasets);
  return toCsv(header, rows);
}

/** header: column names; rows: arrays of cells (already text, or numbers). */
export function toCsv(header, rows) {
  return BOM + [header, ...rows].map(row).join('\r\n') + '\r\n';
}
