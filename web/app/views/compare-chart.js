// A comparison figure: several functions (or several derivatives) on the same axes, with
// reference lines. Created once; curves are updated and shown or hidden in place. Fixed y limits
// (the source's figures) or, with figure.y = null, limits that fit the visible curves.
import { CURVE_COLORS, DERIVATIVE_DASH } from '../content/figures.es.js';
import { functionName } from '../content/functions.es.js';
import { applyThemeToAxes, baseLineOptions, Chart, themeColors } from './chart-setup.js';
import { grownFrame, jumpMarkers, paddedLimits } from './curve-data.js';

// The frame of a figure whose limits fit its curves, before it has any (and when it has none).
const FREE_FRAME = [-1, 1];

const defaultStyle = {
  color: (id, dark) => CURVE_COLORS[id][dark ? 'dark' : 'light'],
  dash: (id, derivative) => (derivative ? DERIVATIVE_DASH[id] : []),
};

/**
 * The source's frame for a family figure, grown where α takes the curves out of it: down to
 * their saturation levels (SELU's −λα is −5,27 at α = 3) and up to their values at the kink
 * (ELU′ reaches α there), but not up the lines that climb off it by design (ReLU).
 */
function familyLimits(frame, shown) {
  let low = frame[0];
  let high = frame[1];
  for (const [, curve] of shown) {
    for (const v of curve.values) if (v < low) low = v;
    for (const j of curve.jumps ?? []) high = Math.max(high, j.left, j.value, j.right);
  }
  return grownFrame(frame, low, high);
}

export class CompareChart {
  /**
   * style: { color(id, dark), dash(id, derivative), order?(id) }, for figures beyond the source's
   * four; order ranks the curves (Chart.js's dataset order: tooltips, drawing, the CSV's columns).
   */
  constructor(canvas, figure, style = defaultStyle) {
    this.figure = figure;
    this.style = style;
    this.colors = themeColors();
    const derivative = figure.kind === 'df';
    const options = baseLineOptions(this.colors, { x: figure.x, y: figure.y ?? FREE_FRAME });
    options.plugins.referenceLines.x = figure.lines.x ?? [];
    options.plugins.referenceLines.y = figure.lines.y ?? [];
    // The checkboxes above the figure carry the legend (a line sample beside each name).
    options.plugins.legend.display = false;
    this.chart = new Chart(canvas, {
      type: 'line',
      data: {
        datasets: figure.ids.map((id) => ({
          label: derivative ? `${functionName(id)}′` : functionName(id),
          data: [],
          borderColor: this.color(id),
          borderWidth: derivative ? 2.25 : 2.5,
          borderDash: style.dash(id, derivative),
          fnId: id,
        })),
      },
      options,
    });
    this.jumps = {};
  }

  /** The dash pattern each curve is drawn with. */
  dash(id) {
    return this.style.dash(id, this.figure.kind === 'df');
  }

  color(id) {
    return this.style.color(id, this.colors.dark);
  }

  /** Shows derivatives (dashed) instead of functions, or back. */
  setKind(kind) {
    this.figure = { ...this.figure, kind };
    for (const dataset of this.chart.data.datasets) {
      dataset.borderDash = this.dash(dataset.fnId);
      dataset.label = `${functionName(dataset.fnId)}${kind === 'df' ? '′' : ''}`;
    }
  }

  /** curves: { id: { points, jumps } }, visible: Set of ids. Styles may depend on what is shown. */
  update(curves, visible) {
    this.state = { curves, visible };
    for (const dataset of this.chart.data.datasets) {
      dataset.borderColor = this.color(dataset.fnId);
      dataset.borderDash = this.dash(dataset.fnId);
      dataset.order = this.style.order?.(dataset.fnId) ?? 0;
      const curve = curves[dataset.fnId];
      if (curve) dataset.data = curve.points;
      dataset.hidden = !visible.has(dataset.fnId);
    }
    const shown = Object.entries(curves).filter(([id]) => visible.has(id));
    this.chart.options.plugins.emptyNote.text =
      shown.length === 0 ? (this.figure.empty ?? 'Marca una curva para verla') : '';
    this.chart.options.plugins.markers.points = shown.flatMap(([id, curve]) =>
      jumpMarkers(curve.jumps ?? [], this.color(id)),
    );
    if (!this.figure.y) {
      // With no curve, the frame the chart was created with, not a sliver around 0.
      const [min, max] = shown.length
        ? paddedLimits(...shown.map(([, curve]) => curve.values))
        : FREE_FRAME;
      Object.assign(this.chart.options.scales.y, { min, max });
    } else if (this.figure.family) {
      Object.assign(this.chart.options.scales.y, familyLimits(this.figure.y, shown));
    }
    this.chart.update('none');
  }

  applyTheme() {
    this.colors = themeColors();
    for (const dataset of this.chart.data.datasets) dataset.borderColor = this.color(dataset.fnId);
    applyThemeToAxes(this.chart, this.colors);
    if (this.state) this.update(this.state.curves, this.state.visible);
  }
}
