// The histogram of the last layer's activations, as a density (so it can be compared with the
// standard normal drawn over it).
import { Chart, themeColors } from './chart-setup.js';

const normalPdf = (x) => Math.exp((-x * x) / 2) / Math.sqrt(2 * Math.PI);

/**
 * Ticks at the multiples of a round step (1, 2 or 5 × 10ᵏ, at most nine intervals) inside
 * [min, max]: the axis ends where the data does, and its labels stay round (not «4,3»).
 */
function roundTicks(min, max) {
  const rough = (max - min) / 9;
  const power = 10 ** Math.floor(Math.log10(rough));
  const step = [1, 2, 5, 10].map((m) => m * power).find((s) => s >= rough);
  const ticks = [];
  for (let k = Math.ceil(min / step); k * step <= max; k++) ticks.push({ value: k * step });
  return ticks;
}

export class HistogramChart {
  constructor(canvas) {
    this.colors = themeColors();
    this.chart = new Chart(canvas, {
      type: 'bar',
      data: {
        datasets: [
          {
            type: 'bar',
            label: 'Activaciones de la última capa',
            data: [],
            backgroundColor: this.colors.f,
            barPercentage: 1,
            categoryPercentage: 1,
            order: 1,
            pointStyle: 'rect',
          },
          {
            type: 'line',
            label: 'Normal estándar N(0, 1)',
            data: [],
            borderColor: this.colors.df,
            borderDash: [6, 4],
            borderWidth: 2,
            pointRadius: 0,
            // Drawn over the bars (a lower order is drawn later), where the two are compared;
            // the legend shows it as a dashed line, not as a filled box.
            order: 0,
            pointStyle: 'line',
          },
        ],
      },
      options: {
        locale: 'es-ES',
        animation: false,
        parsing: false,
        responsive: true,
        maintainAspectRatio: false,
        events: [],
        plugins: {
          legend: { reverse: true, labels: { color: this.colors.text, usePointStyle: true } },
          tooltip: { enabled: false },
        },
        scales: {
          x: {
            type: 'linear',
            offset: false,
            ticks: { color: this.colors.text },
            grid: { color: this.colors.grid },
            title: { display: true, text: 'activación', color: this.colors.text },
            afterBuildTicks(axis) {
              axis.ticks = roundTicks(axis.min, axis.max);
            },
          },
          y: {
            beginAtZero: true,
            ticks: { color: this.colors.text },
            grid: { color: this.colors.grid },
            title: { display: true, text: 'densidad', color: this.colors.text },
          },
        },
      },
    });
  }

  /** edges: bins + 1 numbers; counts: bins numbers. */
  update({ edges, counts }) {
    this.last = { edges, counts };
    const total = counts.reduce((a, b) => a + b, 0) || 1;
    const width = edges[1] - edges[0];
    const [bars, curve] = this.chart.data.datasets;
    bars.data = Array.from(counts, (c, i) => ({
      x: (edges[i] + edges[i + 1]) / 2,
      y: c / total / width,
    }));
    const min = Math.min(edges[0], -4);
    const max = Math.max(edges.at(-1), 4);
    // Dense where the bell is (beyond ±6 it is below 10⁻⁸), so its peak is drawn on any axis.
    const [lo, hi] = [Math.max(min, -6), Math.min(max, 6)];
    const bell = Array.from({ length: 121 }, (_, i) => lo + ((hi - lo) * i) / 120);
    curve.data = [min, ...bell, max].map((x) => ({ x, y: normalPdf(x) }));
    Object.assign(this.chart.options.scales.x, { min, max });
    this.chart.update('none');
  }

  applyTheme() {
    this.colors = themeColors();
    const [bars, curve] = this.chart.data.datasets;
    bars.backgroundColor = this.colors.f;
    curve.borderColor = this.colors.df;
    const { options } = this.chart;
    options.plugins.legend.labels.color = this.colors.text;
    for (const axis of Object.values(options.scales)) {
      axis.ticks.color = this.colors.text;
      axis.grid.color = this.colors.grid;
      axis.title.color = this.colors.text;
    }
    if (this.last) this.update(this.last);
  }
}
