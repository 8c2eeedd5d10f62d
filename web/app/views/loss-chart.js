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

// While a run trains, the chart is redrawn at most this often: a Chart.js update re-measures its
// axes, and on a slow laptop doing it on every frame left the page little time for the reader's
// input. The readout and the map still follow every frame; the last update is always drawn, and
// a change of curves at once.
const MIN_INTERVAL_MS = 100;

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
    this.drawnAt = -Infinity;
  }

  /**
   * series: [{ label, color, dash, width, points: [{ x: epoch, y: loss }] }]; names: { axis,
   * label }, the y axis's title and the canvas's accessible name, for what the series are.
   */
  update(series, names = this.names) {
    this.last = series;
    this.names = names;
    // Other curves (a new run, a run added or removed, another loss shown) are drawn at once.
    const { datasets } = this.chart.data;
    const same =
      series.length === datasets.length &&
      series.every((c, i) => c.label === datasets[i].label && c.points === datasets[i].data);
    const wait = same ? this.drawnAt + MIN_INTERVAL_MS - performance.now() : 0;
    clearTimeout(this.timer);
    if (wait > 0) this.timer = setTimeout(() => this.draw(), wait);
    else this.draw();
  }

  draw() {
    this.drawnAt = performance.now();
    const { last: series, names } = this;
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
    if (this.last) this.draw();
  }
}
