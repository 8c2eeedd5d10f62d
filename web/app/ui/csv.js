// A Chart.js chart's visible data as CSV (RFC 4180: CRLF line ends, fields quoted only when they
// hold a separator, a quote or a line break), with a UTF-8 byte order mark so that Excel reads
// the accents of "época" correctly. Numbers have every digit they hold: a curve computed in
// float32 (the lesson's curves are) gets the fewest digits that read back as the same float32,
// at most 9, not a 17-digit double expansion whose tail is rounding noise.
//
// Two dialects. The default one (',' between fields, '.' before decimals) is what Python, R and
// English spreadsheets read. A spreadsheet set to Spanish reads ';' between fields and ',' before
// decimals: given the default file, Excel puts each row in one cell, and reads 0.25 as text.

const BOM = '\uFEFF';
const NUMBER = /^-?\d+(\.\d+)?(e[-+]?\d+)?$/;

/** `spanish`: ';' between fields and a decimal comma in numbers. */
function dialect(spanish) {
  const separator = spanish ? ';' : ',';
  const field = (value) => {
    let text = String(value);
    if (spanish && NUMBER.test(text)) text = text.replace('.', ',');
    const quoted = text.includes(separator) || /["\r\n]/.test(text);
    return quoted ? `"${text.replace(/"/g, '""')}"` : text;
  };
  return (cells) => cells.map(field).join(separator);
}

/** The fewest significant digits that round to the float32 `v`: 0.07822827, not 0.0782282650…. */
function float32Text(v) {
  for (let digits = 1; digits < 9; digits++) {
    const t = Number(v.toPrecision(digits));
    if (Math.fround(t) === v) return String(t);
  }
  return String(Number(v.toPrecision(9)));
}

/**
 * Whether a column was computed in float32: nine in ten of its numbers are float32s. (A float32
 * curve may hold a few doubles: the one-sided limits at a kink come from the double path.)
 */
function computedInFloat32(values) {
  const finite = values.filter(Number.isFinite);
  return finite.filter((v) => Math.fround(v) === v).length >= 0.9 * finite.length;
}

/** How a column writes its numbers: a float32 column, each float32 in float32's digits. */
const writer = (float32) => (v) => {
  if (typeof v !== 'number' || !Number.isFinite(v)) return '';
  return float32 && Math.fround(v) === v ? float32Text(v) : String(v);
};
const number = writer(false);
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
  const write = columns.map((byX) => writer(computedInFloat32([...byX.values()].flat())));
  const xs = [...new Set(columns.flatMap((byX) => [...byX.keys()]))].sort((a, b) => a - b);
  const writeX = writer(computedInFloat32(xs));
  const rows = [];
  for (const x of xs) {
    const count = Math.max(...columns.map((byX) => byX.get(x)?.length ?? 0));
    for (let k = 0; k < count; k++) {
      rows.push([writeX(x), ...columns.map((byX, i) => write[i](byX.get(x)?.[k]))]);
    }
  }
  return rows;
}

/**
 * `note` (the parameters: «α = 2») goes into every curve's column name; `spanish` picks the
 * Spanish spreadsheets' dialect.
 */
export function chartCsv(chart, { note = '', spanish = false } = {}) {
  const datasets = visibleDatasets(chart);
  const category = chart.scales?.x?.type === 'category';
  const header = [
    xTitle(chart, category ? 'categoría' : 'z'),
    ...datasets.map((d) => (note ? `${d.label ?? ''} · ${note}` : (d.label ?? ''))),
  ];
  const rows = category ? categoryRows(chart, datasets) : pointRows(datasets);
  return toCsv(header, rows, { spanish });
}

/** header: column names; rows: arrays of cells (already text, or numbers). */
export function toCsv(header, rows, { spanish = false } = {}) {
  return BOM + [header, ...rows].map(dialect(spanish)).join('\r\n') + '\r\n';
}
