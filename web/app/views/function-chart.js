// The f / f' chart of a function section: created once, then updated in place. It draws the
// saturation bands, the probe and the convention's value at each kink.
import { applyThemeToAxes, baseLineOptions, Chart, themeColors } from './chart-setup.js';
import { jumpMarkers } from './curve-data.js';

export class FunctionChart {
  constructor(canvas, { fLabel, dfLabel }) {
    this.colors = themeColors();
    this.chart = new Chart(canvas, {
      type: 'line',
      data: {
        datasets: [
          { label: fLabel, data: [], borderColor: this.colors.f, borderWidth: 2.5 },
          {
            label: dfLabel,
            data: [],
            borderColor: this.colors.df,
            borderWidth: 2,
            borderDash: [7, 5],
          },
        ],
      },
      options: baseLineOptions(this.colors, { x: [-1, 1], y: [-1, 1] }),
    });
    this.last = null;
  }

  /** Calls `listener(z)` as the pointer moves over the plot, and `listener(null)` when it leaves. */
  onHover(listener) {
    const canvas = this.chart.canvas;
    const at = (event) => {
      const rect = canvas.getBoundingClientRect();
      const { x } = this.chart.scales;
      const point = event.touches?.[0] ?? event;
      const px = point.clientX - rect.left;
      if (px < x.left || px > x.right) return listener(null);
      listener(x.getValueForPixel(px));
    };
    canvas.addEventListener('pointermove', at);
    canvas.addEventListener('pointerleave', () => listener(null));
  }

  update(view) {
    this.last = view;
    const {
      fPoints,
      dfPoints,
      jumps,
      zmin,
      zmax,
      ylim,
      showDerivative,
      intervals,
      threshold,
      probe,
    } = view;
    const { data, options } = this.chart;
    data.datasets[0].data = fPoints;
    data.datasets[1].data = dfPoints;
    data.datasets[1].hidden = !showDerivative;
    Object.assign(options.scales.x, { min: zmin, max: zmax });
    Object.assign(options.scales.y, { min: ylim[0], max: ylim[1] });
    options.plugins.referenceLines.x = zmin < 0 && zmax > 0 ? [0] : [];
    options.plugins.referenceLines.y = [0];
    options.plugins.bands.intervals = intervals;
    // The threshold itself, where f' can be compared with it.
    options.plugins.bands.levels = showDerivative ? [threshold, -threshold] : [];
    const points = [
      ...jumpMarkers(jumps.f, this.colors.f),
      { x: probe.z, y: probe.f, color: this.colors.f },
    ];
    if (showDerivative) {
      points.unshift(...jumpMarkers(jumps.df, this.colors.df));
      points.push({ x: probe.z, y: probe.df, color: this.colors.df });
    }
    Object.assign(options.plugins.markers, { guide: probe.z, points });
    this.chart.update('none');
  }

  applyTheme() {
    this.colors = themeColors();
    const [f, df] = this.chart.data.datasets;
    f.borderColor = this.colors.f;
    df.borderColor = this.colors.df;
    applyThemeToAxes(this.chart, this.colors);
    if (this.last) this.update(this.last);
  }
}
