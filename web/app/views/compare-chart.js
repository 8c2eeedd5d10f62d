// A comparison figure: several functions (or several derivatives) on fixed axes with the source
// figure's reference lines. Created once; curves are updated and shown or hidden in place.
import { CURVE_COLORS, DERIVATIVE_DASH } from '../content/figures.es.js';
import { functionName } from '../content/functions.es.js';
import { applyThemeToAxes, baseLineOptions, Chart, themeColors } from './chart-setup.js';
import { jumpMarkers } from './curve-data.js';

export class CompareChart {
  constructor(canvas, figure) {
    this.figure = figure;
    this.colors = themeColors();
    const derivative = figure.kind === 'df';
    const options = baseLineOptions(this.colors, { x: figure.x, y: figure.y });
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
          borderDash: derivative ? DERIVATIVE_DASH[id] : [],
          fnId: id,
        })),
      },
      options,
    });
    this.jumps = {};
  }

  /** The dash pattern each curve is drawn with. */
  dash(id) {
    return this.figure.kind === 'df' ? DERIVATIVE_DASH[id] : [];
  }

  color(id) {
    return CURVE_COLORS[id][this.colors.dark ? 'dark' : 'light'];
  }

  /** curves: { id: { points, jumps } }, visible: Set of ids. */
  update(curves, visible) {
    this.state = { curves, visible };
    for (const dataset of this.chart.data.datasets) {
      const curve = curves[dataset.fnId];
      if (curve) dataset.data = curve.points;
      dataset.hidden = !visible.has(dataset.fnId);
    }
    this.chart.options.plugins.markers.points = Object.entries(curves)
      .filter(([id]) => visible.has(id))
      .flatMap(([id, curve]) => jumpMarkers(curve.jumps ?? [], this.color(id)));
    this.chart.update('none');
  }

  applyTheme() {
    this.colors = themeColors();
    for (const dataset of this.chart.data.datasets) dataset.borderColor = this.color(dataset.fnId);
    applyThemeToAxes(this.chart, this.colors);
    if (this.state) this.update(this.state.curves, this.state.visible);
  }
}
