// Loss against epoch, one line per series (train and test, or one per activation). Created once
// and updated in place as the training lab's updates arrive.
import { applyThemeToAxes, baseLineOptions, Chart, themeColors } from './chart-setup.js';

// Above it (a run that does not converge) the curve leaves the chart: the lab says so.
export const MAX_LOSS_SHOWN = 2;

export class LossChart {
  constructor(canvas) {
    this.colors = themeColors();
    const options = baseLineOptions(this.colors, { x: [0, 10], y: [0, 1] });
    options.scales.x.title.text = 'época';
    options.scales.x.ticks.precision = 0;
    options.scales.y.title = {
      display: true,
      text: 'pérdida (entropía cruzada)',
      color: this.colors.text,
    };
    options.plugins.legend.labels.boxHeight = 0;
    this.chart = new Chart(canvas, { type: 'line', data: { datasets: [] }, options });
  }

  /** series: [{ label, color, dash, width, points: [{ x: epoch, y: loss }] }]. */
  update(series) {
    this.last = series;
    const { datasets } = this.chart.data;
    datasets.length = series.length;
    let epochs = 10;
    let top = 0;
    series.forEach((s, i) => {
      const d = datasets[i] ?? (datasets[i] = { data: [] });
      d.label = s.label;
      d.borderColor = s.color;
      d.backgroundColor = s.color;
      d.borderDash = s.dash ?? [];
      d.borderWidth = s.width ?? 2.25;
      d.data = s.points;
      const last = s.points.at(-1);
      if (last) epochs = Math.max(epochs, last.x);
      for (const p of s.points) if (Number.isFinite(p.y)) top = Math.max(top, p.y);
    });
    // Losses above MAX_LOSS_SHOWN leave the chart rather than flatten it.
    const { x, y } = this.chart.options.scales;
    Object.assign(x, { min: 0, max: epochs });
    y.max = Math.min(MAX_LOSS_SHOWN, Math.max(0.1, top * 1.05));
    y.min = 0;
    this.chart.update('none');
  }

  applyTheme() {
    this.colors = themeColors();
    applyThemeToAxes(this.chart, this.colors);
    if (this.last) this.update(this.last);
  }
}
