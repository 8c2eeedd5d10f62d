// The f / f' chart of a function section: created once, then updated in place. It draws the
// saturation bands, the probe and the convention's value at each kink.
import { applyThemeToAxes, baseLineOptions, Chart, themeColors } from './chart-setup.js';
import { jumpMarkers } from './curve-data.js';

// How far a finger moves before its gesture counts as a drag, not a tap.
const SLOP_PX = 8;

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

  /**
   * Calls `listener(z)` as a mouse or pen moves over the plot, and `listener(null)` when it
   * leaves. A finger has no hover; `onPick` serves it.
   */
  onHover(listener) {
    const canvas = this.chart.canvas;
    const at = (event) => {
      if (event.pointerType !== 'touch') listener(this.zAt(event));
    };
    canvas.addEventListener('pointermove', at);
    canvas.addEventListener('pointerleave', (event) => {
      if (event.pointerType !== 'touch') listener(null);
    });
  }

  /**
   * Calls `listener(z)` when the reader clicks or taps the plot, and again as the pointer drags
   * along it, past the plot's edges too (z is clamped there). The canvas claims only sideways
   * swipes (`touch-action: pan-y` in the CSS): a finger that starts a vertical one scrolls the
   * page, the browser cancels the pointer, and the probe stays where it was.
   */
  onPick(listener) {
    const canvas = this.chart.canvas;
    canvas.classList.add('chart-pickable');
    // The pointer being followed: its id, where it went down, and whether it is dragging
    // sideways yet. A mouse drags at once; a finger first has to move sideways more than
    // vertically, since the browser still sends a few moves before it cancels a vertical swipe.
    let drag = null;
    canvas.addEventListener('pointerdown', (event) => {
      if (event.button !== 0 || this.zAt(event) === null) return;
      const mouse = event.pointerType === 'mouse';
      drag = { id: event.pointerId, x: event.clientX, y: event.clientY, sideways: mouse };
      canvas.setPointerCapture(event.pointerId);
      if (mouse) listener(this.zAt(event));
    });
    canvas.addEventListener('pointermove', (event) => {
      if (event.pointerId !== drag?.id) return;
      const dx = Math.abs(event.clientX - drag.x);
      const dy = Math.abs(event.clientY - drag.y);
      if (!drag.sideways && Math.max(dx, dy) < SLOP_PX) return;
      if (!drag.sideways && dy >= dx) {
        drag = null;
        return;
      }
      drag.sideways = true;
      listener(this.zAt(event, { clamp: true }));
    });
    canvas.addEventListener('pointerup', (event) => {
      // A tap, or the end of a drag; a swipe that turned vertical has already let go.
      if (event.pointerId === drag?.id) listener(this.zAt(event, { clamp: true }));
      drag = null;
    });
    canvas.addEventListener('pointercancel', () => {
      drag = null;
    });
  }

  /** The z under a pointer event, or null outside the plot area (unless `clamp`). */
  zAt(event, { clamp = false } = {}) {
    const rect = this.chart.canvas.getBoundingClientRect();
    const { x, y } = this.chart.scales;
    let px = event.clientX - rect.left;
    const py = event.clientY - rect.top;
    if (clamp) px = Math.min(x.right, Math.max(x.left, px));
    else if (px < x.left || px > x.right || py < y.top || py > y.bottom) return null;
    return x.getValueForPixel(px);
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
