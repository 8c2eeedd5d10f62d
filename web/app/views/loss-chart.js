// Loss against epoch, one line per series (train and test, or one per activation). Created once
// and updated in place as the training lab's updates arrive.
import { MAX_LOSS_SHOWN } from '../training/verdict.js';
import {
  applyThemeToAxes,
  baseLineOptions,
  Chart,
  lineLegend,
  themeColors,
} from './chart-setup.js';

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
    lineLegend(options.plugins.legend.labels);
    this.chart = new Chart(canvas, { type: 'line', data: { datasets: [] }, options });
  }

  /**
   * series: [{ label, color, dash, width, points: [{ x: epoch, y: loss }] }]; names: { axis,
   * label }, the y axis's title and the canvas's accessible name, for what the series are.
   */
  update(series, names = this.names) {
    this.last = series;
    this.names = names;
    if (names) {
      this.chart.options.scales.y.title.text = names.axis;
      this.chart.canvas.setAttribute('aria-label', names.label);
    }
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
      for (const p of s.points) if (p.y <= MAX_LOSS_SHOWN) top = Math.max(top, p.y);
    });
    // Losses above MAX_LOSS_SHOWN leave the chart (the lab's status says so) rather than flatten
    // it, or the curves that stay on it.
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
