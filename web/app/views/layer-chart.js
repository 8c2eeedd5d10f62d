// A line chart of one statistic per layer (x = layer 1 .. depth), one series per run: the
// gradient norm on a logarithmic axis, fractions on [0, 1], means and deviations. Created once,
// updated in place; series are added or removed without recreating the chart.
import { applyThemeToAxes, baseLineOptions, Chart, themeColors } from './chart-setup.js';

const SUPERSCRIPT = {
  '-': '⁻',
  0: '⁰',
  1: '¹',
  2: '²',
  3: '³',
  4: '⁴',
  5: '⁵',
  6: '⁶',
  7: '⁷',
  8: '⁸',
  9: '⁹',
};

export function powerOfTen(e) {
  if (e === 0) return '1';
  if (e === 1) return '10';
  return `10${[...String(e)].map((c) => SUPERSCRIPT[c]).join('')}`;
}

/**
 * A legend for series that come in pairs, a solid and a dashed line per run: one entry per run's
 * colour, then one per line style, so that 4 runs take 6 short entries instead of 8 long ones
 * (on a phone, Chart.js drops the entries that do not fit).
 */
function pairedLabels(chart, { solid, dashed }, textColor) {
  // Runs are told apart by colour (the same activation may be chosen twice).
  const seen = new Map(); // colour -> group
  for (const d of chart.data.datasets)
    if (!seen.has(d.borderColor)) seen.set(d.borderColor, d.group);
  const entry = (text, color, dash) => ({
    text,
    strokeStyle: color,
    fillStyle: color,
    fontColor: textColor,
    lineWidth: 2.25,
    lineDash: dash,
    hidden: false,
  });
  return [
    ...[...seen].map(([color, group]) => entry(group, color, [])),
    entry(solid, textColor, []),
    entry(dashed, textColor, [5, 4]),
  ];
}

export class LayerChart {
  /**
   * y: { log: bool, min, max, title }; pairs: { solid, dashed }, the meaning of each line style
   * when every run has a solid and a dashed series (each series then has a `group`, its run).
   */
  constructor(canvas, { y = {}, xTitle = 'capa', pairs = null } = {}) {
    this.colors = themeColors();
    this.y = y;
    const options = baseLineOptions(this.colors, { x: [1, 2], y: [y.min ?? 0, y.max ?? 1] });
    options.scales.x.title.text = xTitle;
    options.scales.x.ticks.precision = 0;
    if (y.log) {
      options.scales.y.type = 'logarithmic';
      delete options.scales.y.min;
      delete options.scales.y.max;
      // Only the powers of ten, written as such: 10⁻¹⁸ reads better than 0,000…001.
      options.scales.y.ticks.callback = (value) => {
        const e = Math.log10(value);
        return Math.abs(e - Math.round(e)) < 1e-9 ? powerOfTen(Math.round(e)) : '';
      };
      options.scales.y.ticks.autoSkip = true;
      options.scales.y.ticks.maxTicksLimit = 12;
    }
    if (y.title) options.scales.y.title = { display: true, text: y.title, color: this.colors.text };
    options.plugins.legend.labels.boxHeight = 0;
    if (pairs) {
      options.plugins.legend.labels.generateLabels = (chart) =>
        pairedLabels(chart, pairs, chart.options.plugins.legend.labels.color);
    }
    options.elements.point.radius = 0;
    this.chart = new Chart(canvas, { type: 'line', data: { datasets: [] }, options });
  }

  /** series: [{ label, values: number[], color, dash, group }] (values[i] is layer i + 1). */
  update(series, { reference = [] } = {}) {
    this.last = [series, { reference }];
    const { datasets } = this.chart.data;
    datasets.length = series.length;
    series.forEach((s, i) => {
      const d = datasets[i] ?? (datasets[i] = { data: [], borderWidth: 2.25 });
      d.label = s.label;
      d.borderColor = s.color;
      d.backgroundColor = s.color;
      d.borderDash = s.dash ?? [];
      d.group = s.group;
      d.data = Array.from(s.values, (v, layer) => ({
        x: layer + 1,
        y: Number.isFinite(v) && (!this.y.log || v > 0) ? v : null,
      }));
    });
    const depth = Math.max(2, ...series.map((s) => s.values.length));
    Object.assign(this.chart.options.scales.x, { min: 1, max: depth });
    this.chart.options.plugins.referenceLines.y = reference;
    this.chart.update('none');
  }

  applyTheme() {
    this.colors = themeColors();
    applyThemeToAxes(this.chart, this.colors);
    if (this.last) this.update(...this.last);
  }
}
