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

  /**
   * view: { fPoints, dfPoints, jumps: { f, df }, zmin, zmax, ylim, showDerivative, and optionally
   * intervals + threshold (saturation), probe { z, f, df }, overlays [{ label, points, dash }]
   * (other frameworks' curves, drawn thin) and extraMarkers [{ x, y }] (their values at a kink) }.
   */
  update(view) {
    this.last = view;
    const { fPoints, dfPoints, jumps, zmin, zmax, ylim, showDerivative } = view;
    const { intervals = [], threshold, probe, overlays = [], extraMarkers = [] } = view;
    const { data, options } = this.chart;
    data.datasets[0].data = fPoints;
    data.datasets[1].data = dfPoints;
    data.datasets[1].hidden = !showDerivative;
    this.setOverlays(overlays);
    Object.assign(options.scales.x, { min: zmin, max: zmax });
    Object.assign(options.scales.y, { min: ylim[0], max: ylim[1] });
    options.plugins.referenceLines.x = zmin < 0 && zmax > 0 ? [0] : [];
    options.plugins.referenceLines.y = [0];
    options.plugins.bands.intervals = intervals;
    // The threshold itself, where f' can be compared with it.
    options.plugins.bands.levels = showDerivative && threshold ? [threshold, -threshold] : [];
    const points = jumpMarkers(jumps.f, this.colors.f);
    if (probe) points.push({ x: probe.z, y: probe.f, color: this.colors.f });
    if (showDerivative) {
      points.unshift(...jumpMarkers(jumps.df, this.colors.df));
      if (probe) points.push({ x: probe.z, y: probe.df, color: this.colors.df });
      for (const m of extraMarkers) {
        points.push({ x: m.x, y: m.y, color: this.colors.probe, square: true });
      }
    }
    Object.assign(options.plugins.markers, { guide: probe ? probe.z : null, points });
    this.chart.update('none');
  }

  /** Thin extra curves after f and f': added or removed in place, never by recreating. */
  setOverlays(overlays) {
    const { datasets } = this.chart.data;
    datasets.length = 2 + overlays.length;
    overlays.forEach((o, i) => {
      const d = datasets[2 + i] ?? (datasets[2 + i] = { data: [], borderWidth: 1.75 });
      Object.assign(d, { label: o.label, data: o.points, borderDash: o.dash ?? [4, 3] });
      d.borderColor = o.derivative ? this.colors.df : this.colors.probe;
    });
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
