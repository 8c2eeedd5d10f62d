// A line chart of one statistic per layer (x = layer 1 .. depth), one series per run: the
// gradient norm on a logarithmic axis, fractions on [0, 1], means and deviations. Created once,
// updated in place; series are added or removed without recreating the chart.
import { formatSignificant, powerOfTen } from '../format.js';
import {
  applyThemeToAxes,
  baseLineOptions,
  Chart,
  lineLegend,
  themeColors,
} from './chart-setup.js';
import { grownFrame } from './curve-data.js';

/**
 * A legend for series that come in pairs, a solid and a dashed line per run: one entry per line
 * style, then one per run's colour, so that 4 runs take 6 short entries instead of 8 long ones
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
    pointStyle: 'line',
    hidden: false,
  });
  // The line styles first: after the runs, a wrapped legend read «SELU saturadas» as one name.
  return [
    entry(solid, textColor, []),
    entry(dashed, textColor, [5, 4]),
    ...[...seen].map(([color, group]) => entry(group, color, [])),
  ];
}

const MAX_DECADE_LABELS = 10;
// Steps between labelled decades that a reader counts in: 10⁻¹⁰, 10⁻²⁰…, not 10⁻⁷, 10⁻¹⁴…
const DECADE_STEPS = [1, 2, 3, 5, 10, 20, 25, 50, 100];

/**
 * Tick values for a log axis over [min, max]: the powers of ten, every k-th (k in DECADE_STEPS)
 * so that at most 10 remain; over less than a decade (a one-layer network), 2 and 5 times them
 * as well.
 */
function logTicks(min, max) {
  if (!(min > 0) || !(max >= min)) return [];
  const lo = Math.floor(Math.log10(min));
  const hi = Math.ceil(Math.log10(max));
  const inside = (v) => v >= min * (1 - 1e-9) && v <= max * (1 + 1e-9);
  const fewest = Math.ceil((hi - lo + 1) / MAX_DECADE_LABELS);
  const step = DECADE_STEPS.find((s) => s >= fewest) ?? fewest;
  const powers = [];
  for (let e = Math.floor(hi / step) * step; e >= lo; e -= step) powers.push(10 ** e);
  const shown = powers.filter(inside);
  if (shown.length >= 2) return shown;
  const fine = [];
  for (let e = hi; e >= lo; e -= 1) for (const m of [5, 2, 1]) fine.push(m * 10 ** e);
  return fine.filter(inside);
}

/** A log axis's label: 10⁻¹⁸ for a power of ten, 0,2 or 5·10⁻³ for the others. */
function logLabel(value) {
  const e = Math.round(Math.log10(value));
  return Math.abs(value / 10 ** e - 1) < 1e-9 ? powerOfTen(e) : formatSignificant(value, 1);
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
    // Layers are whole: no label at the half-layer ends of a one-layer axis.
    options.scales.x.ticks.callback = (value) => (Number.isInteger(value) ? String(value) : '');
    if (y.log) {
      options.scales.y.type = 'logarithmic';
      delete options.scales.y.min;
      delete options.scales.y.max;
      // Powers of ten, evenly spaced and written as such (see logTicks): 10⁻¹⁸ reads better than
      // 0,000…001. Chart.js's own log ticks include 2·10ⁿ…9·10ⁿ, and skipping among those left
      // uneven labels (10⁻², 10⁻⁷, 10⁻¹², 10⁻²⁰).
      // The axis ends where update() says (whole decades), not at Chart.js's own ticks: for
      // some ranges (data down to 10⁻³⁰, 10⁻⁵⁰ or 1,6·10⁻⁶³) those began with a 0, which left a
      // log axis from 0 and a blank chart.
      options.scales.y.bounds = 'data';
      options.scales.y.afterBuildTicks = (scale) => {
        scale.ticks = logTicks(scale.min, scale.max).map((value) => ({ value }));
      };
      options.scales.y.ticks.callback = logLabel;
      options.scales.y.ticks.autoSkip = false;
    }
    if (y.title) options.scales.y.title = { display: true, text: y.title, color: this.colors.text };
    lineLegend(options.plugins.legend.labels);
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
      // A network of one layer is one point per run, which a line without markers would hide.
      d.pointRadius = s.values.length === 1 ? 4 : 0;
    });
    const depth = Math.max(1, ...series.map((s) => s.values.length));
    // One layer sits in the middle of an axis that shows no layer it does not have.
    const [min, max] = depth === 1 ? [0.5, 1.5] : [1, depth];
    Object.assign(this.chart.options.scales.x, { min, max });
    if (this.y.log) this.decadesY();
    else if (this.y.min !== undefined) this.growY(series);
    this.chart.options.plugins.referenceLines.y = reference;
    // Chart.js's 'none' mode leaves the points' shared options as they were, so the radius
    // changes (100 layers to 1, or back) only in a full update. (A scriptable radius would work
    // too, but resolves every point's options on every frame: 1,8 ms more per update at 100 layers.)
    const single = depth === 1;
    this.chart.update(single === this.single ? 'none' : undefined);
    this.single = single;
  }

  /** A log axis from the decade below the smallest point plotted to the one above the largest. */
  decadesY() {
    const plotted = this.chart.data.datasets.flatMap((d) => d.data.map((p) => p.y));
    const values = plotted.filter((v) => v !== null);
    const y = this.chart.options.scales.y;
    if (values.length === 0) {
      delete y.min;
      delete y.max;
      return;
    }
    y.min = 10 ** Math.floor(Math.log10(Math.min(...values)));
    y.max = 10 ** Math.ceil(Math.log10(Math.max(...values)));
    if (y.min === y.max) y.max = 10 * y.min; // a single power of ten: one decade above it
  }

  /** The chart's own frame, grown to take in values beyond it (SELU's deviation with He). */
  growY(series) {
    let lo = this.y.min;
    let hi = this.y.max;
    for (const s of series) {
      for (const v of s.values) {
        if (v < lo) lo = v;
        else if (v > hi) hi = v;
      }
    }
    Object.assign(this.chart.options.scales.y, grownFrame([this.y.min, this.y.max], lo, hi));
  }

  applyTheme() {
    this.colors = themeColors();
    applyThemeToAxes(this.chart, this.colors);
    if (this.last) this.update(...this.last);
  }
}
