// The softmax bar chart: one bar per class, probabilities on a fixed [0, 1] axis.
import { Chart, themeColors } from './chart-setup.js';

export class ProbabilityChart {
  constructor(canvas) {
    this.colors = themeColors();
    this.chart = new Chart(canvas, {
      type: 'bar',
      data: {
        labels: [],
        datasets: [
          {
            label: 'Probabilidad sᵢ',
            data: [],
            backgroundColor: this.colors.f,
            borderRadius: 3,
            maxBarThickness: 64,
          },
        ],
      },
      options: {
        locale: 'es-ES',
        animation: false,
        responsive: true,
        maintainAspectRatio: false,
        events: [],
        plugins: { legend: { display: false }, tooltip: { enabled: false } },
        scales: {
          x: {
            // Not drawn (the bars say «Clase 1», «Clase 2»…): it names the CSV's first column.
            title: { display: false, text: 'clase' },
            ticks: { color: this.colors.text },
            grid: { display: false },
          },
          y: {
            min: 0,
            max: 1,
            title: { display: true, text: 'probabilidad', color: this.colors.text },
            ticks: { color: this.colors.text },
            grid: { color: this.colors.grid },
          },
        },
      },
    });
  }

  /** Probabilities on [0, 1], or log-probabilities (negative) on [min, 0]. */
  update(values, { log = false } = {}) {
    this.last = [values, { log }];
    const { data, options } = this.chart;
    data.labels = Array.from(values, (_, i) => `Clase ${i + 1}`);
    data.datasets[0].data = Array.from(values, (v) => (Number.isFinite(v) ? v : null));
    data.datasets[0].label = log ? 'Log-probabilidad' : 'Probabilidad sᵢ';
    const lowest = Math.min(...values.filter(Number.isFinite), -1);
    Object.assign(options.scales.y, log ? { min: Math.floor(lowest), max: 0 } : { min: 0, max: 1 });
    options.scales.y.title.text = log ? 'log-probabilidad' : 'probabilidad';
    this.chart.update('none');
  }

  applyTheme() {
    this.colors = themeColors();
    const { options, data } = this.chart;
    data.datasets[0].backgroundColor = this.colors.f;
    for (const axis of Object.values(options.scales)) {
      axis.ticks.color = this.colors.text;
      if (axis.title) axis.title.color = this.colors.text;
    }
    options.scales.y.grid.color = this.colors.grid;
    if (this.last) this.update(...this.last);
  }
}
