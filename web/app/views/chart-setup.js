// Chart.js, with only the parts the page uses (a smaller bundle), the lesson's plugins, and the
// page's palette.
import {
  BarController,
  BarElement,
  CategoryScale,
  Chart,
  Legend,
  LinearScale,
  LineController,
  LogarithmicScale,
  LineElement,
  PointElement,
} from 'chart.js';
import { bands, emptyNote, markers, referenceLines } from './plugins.js';
import { isDark } from '../theme.js';

// Chart.js draws a solid line of more points than CSS pixels by a fast path: one vertical stroke
// per whole CSS pixel, which a phone's 2 or 3 device pixels per CSS pixel show as a staircase.
// A line marked as decimated takes its ordinary path, a segment per point, as dashed lines do.
// (A tension of 1e-9 does too, but computes Bézier control points: a third more time per drag.)
// narrow-layout.test.mjs counts the staircase's strokes, should a new Chart.js change this.
const smoothLines = {
  id: 'smoothLines',
  beforeDatasetDraw(_chart, { meta }) {
    if (meta.type === 'line' && meta.dataset) meta.dataset._decimated = true;
  },
};

Chart.register(
  smoothLines,
  LineController,
  LineElement,
  PointElement,
  LinearScale,
  LogarithmicScale,
  BarController,
  BarElement,
  CategoryScale,
  Legend,
  referenceLines,
  bands,
  markers,
  emptyNote,
);

// Chart text follows the reader's text size, as the page's does: 12 px at the usual 16 px.
const rootPx = parseFloat(getComputedStyle(document.documentElement).fontSize);
Chart.defaults.font.size = Number.isFinite(rootPx) ? Math.round((12 * rootPx) / 16) : 12;

// Negative tick labels with a true minus sign («−2», not «-2»), as in the readouts and summaries.
const numericTick = Chart.defaults.scales.linear.ticks.callback;
Chart.defaults.scales.linear.ticks.callback = function minusTick(...args) {
  return String(numericTick.apply(this, args)).replace('-', '\u2212');
};

/**
 * Colours that follow the page's light or dark theme, read from its CSS variables. The curve
 * colours are from the Okabe–Ito palette, distinguishable with common colour-vision deficiencies.
 */
export function themeColors() {
  const style = getComputedStyle(document.documentElement);
  const read = (name, fallback) => style.getPropertyValue(name).trim() || fallback;
  return {
    dark: isDark(),
    text: read('--text-muted', '#444'),
    grid: read('--grid', 'rgba(0,0,0,0.08)'),
    axis: read('--axis', 'rgba(0,0,0,0.45)'),
    reference: read('--reference', 'rgba(0,0,0,0.35)'),
    surface: read('--surface', '#fff'),
    bg: read('--bg', '#fbfbf8'),
    f: read('--f', '#0072b2'),
    df: read('--df', '#d55e00'),
    band: read('--band', 'rgba(213,94,0,0.12)'),
    probe: read('--probe', '#555'),
  };
}

/**
 * Legend samples drawn as one line with the series' dash. A box of height 0, Chart.js's usual
 * line sample, is stroked there and back, and the way back fills the dash's gaps: solid.
 */
export function lineLegend(labels) {
  const items = Chart.defaults.plugins.legend.labels.generateLabels;
  Object.assign(labels, {
    usePointStyle: true,
    pointStyle: 'line',
    pointStyleWidth: 40,
    // As a point style, the sample takes the points' options: the line's are put back.
    generateLabels: (chart) =>
      items(chart).map((item) => {
        const d = chart.data.datasets[item.datasetIndex];
        return {
          ...item,
          strokeStyle: d.borderColor,
          lineWidth: d.borderWidth,
          lineDash: d.borderDash,
        };
      }),
  });
}

/** Options every line chart shares: fixed axes, no animation, no parsing. */
export function baseLineOptions(colors, { x, y }) {
  return {
    locale: 'es-ES',
    parsing: false,
    normalized: true,
    animation: false,
    responsive: true,
    maintainAspectRatio: false,
    spanGaps: false,
    events: ['mousemove', 'mouseout', 'touchstart', 'touchmove'],
    elements: { point: { radius: 0, hitRadius: 0, hoverRadius: 0 }, line: { tension: 0 } },
    plugins: {
      legend: { labels: { color: colors.text, boxHeight: 2 } },
      tooltip: { enabled: false },
      referenceLines: { x: [], y: [], color: colors.reference },
      bands: { intervals: [], color: colors.band, levels: [], levelColor: colors.df },
      markers: { guide: null, guideColor: colors.probe, points: [], background: colors.surface },
      emptyNote: { text: '', color: colors.text, background: colors.bg },
    },
    scales: {
      x: {
        type: 'linear',
        min: x[0],
        max: x[1],
        title: { display: true, text: 'z', color: colors.text },
        ticks: { color: colors.text, includeBounds: false },
        grid: { color: colors.grid },
      },
      y: {
        type: 'linear',
        min: y[0],
        max: y[1],
        ticks: { color: colors.text, includeBounds: false },
        grid: { color: colors.grid },
      },
    },
  };
}

/** Re-applies theme colours to a chart built from baseLineOptions. */
export function applyThemeToAxes(chart, colors) {
  const { options } = chart;
  options.plugins.legend.labels.color = colors.text;
  options.plugins.referenceLines.color = colors.reference;
  options.plugins.bands.color = colors.band;
  options.plugins.bands.levelColor = colors.df;
  options.plugins.markers.guideColor = colors.probe;
  options.plugins.markers.background = colors.surface;
  options.plugins.emptyNote.color = colors.text;
  options.plugins.emptyNote.background = colors.bg;
  for (const axis of Object.values(options.scales)) {
    axis.ticks.color = colors.text;
    axis.grid.color = colors.grid;
    if (axis.title) axis.title.color = colors.text;
  }
}

export { Chart };
