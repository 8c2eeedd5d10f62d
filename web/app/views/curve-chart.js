// The f / f' line chart: created once, then updated in place on every input.
import { Chart, themeColors } from './chart-setup.js';

function points(z, values) {
  const out = new Array(z.length);
  for (let i = 0; i < z.length; i++) {
    const y = values[i];
    out[i] = { x: z[i], y: Number.isFinite(y) ? y : null };
  }
  return out;
}

function finiteRange(arrays) {
  let lo = Infinity;
  let hi = -Infinity;
  for (const a of arrays) {
    for (const v of a) {
      if (Number.isFinite(v)) {
        if (v < lo) lo = v;
        if (v > hi) hi = v;
      }
    }
  }
  return lo <= hi ? [lo, hi] : [-1, 1];
}

/** Axis limits that include 0 and leave a margin, so curves never touch the frame. */
export function yLimits(arrays) {
  let [lo, hi] = finiteRange(arrays);
  lo = Math.min(lo, 0);
  hi = Math.max(hi, 0);
  const pad = (hi - lo || 1) * 0.08;
  return [lo - pad, hi + pad];
}

export class CurveChart {
  constructor(canvas, { fLabel = 'f(z)', dfLabel = 'f′(z)' } = {}) {
    const colors = themeColors();
    this.chart = new Chart(canvas, {
      type: 'line',
      data: {
        datasets: [
          { label: fLabel, data: [], borderColor: colors.f, borderWidth: 2.5 },
          { label: dfLabel, data: [], borderColor: colors.df, borderWidth: 2, borderDash: [7, 5] },
        ],
      },
      options: {
        locale: 'es-ES',
        parsing: false,
        normalized: true,
        animation: false,
        responsive: true,
        maintainAspectRatio: false,
        spanGaps: false,
        elements: { point: { radius: 0, hitRadius: 6 }, line: { tension: 0 } },
        interaction: { mode: 'index', intersect: false },
        plugins: {
          legend: { labels: { color: colors.text, usePointStyle: false, boxHeight: 2 } },
          tooltip: { enabled: false },
        },
        scales: {
          x: {
            type: 'linear',
            title: { display: true, text: 'z', color: colors.text },
            ticks: { color: colors.text, includeBounds: false },
            grid: { color: colors.grid },
          },
          y: {
            type: 'linear',
            ticks: { color: colors.text, includeBounds: false },
            grid: { color: (ctx) => (ctx.tick.value === 0 ? colors.axis : colors.grid) },
          },
        },
      },
    });
  }

  /** z, f and df are Float64Arrays of one length. */
  update({ z, f, df, zmin, zmax }) {
    const { datasets } = this.chart.data;
    datasets[0].data = points(z, f);
    datasets[1].data = points(z, df);
    const [ymin, ymax] = yLimits([f, df]);
    const { x, y } = this.chart.options.scales;
    x.min = zmin;
    x.max = zmax;
    y.min = ymin;
    y.max = ymax;
    this.chart.update('none');
  }
}
