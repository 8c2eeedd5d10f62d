// Colours for a chart on white paper. A chart drawn for the dark theme has light grey text,
// white grid lines and pale curves that vanish on white (#56b4e9 has 2.3:1 contrast there): for
// a printout or a PNG with a white background they briefly take the light theme's values (those
// of base.css), then go back.
import { boundaryMapOf } from './boundary-map.js';
import { themeColors } from './chart-setup.js';
import { LIGHT_OF } from './palettes.js';

const PAPER = {
  text: '#4a4a4f',
  grid: 'rgba(0, 0, 0, 0.08)',
  reference: 'rgba(0, 0, 0, 0.38)',
  probe: '#5a5a60',
  surface: '#ffffff',
  band: 'rgba(213, 94, 0, 0.11)',
};

/** Swaps `object[key]` for its light pair, if it has one; returns how to put it back. */
function toLight(object, key) {
  const light = LIGHT_OF.get(String(object?.[key]).toLowerCase());
  if (!light) return null;
  const dark = object[key];
  object[key] = light;
  return () => (object[key] = dark);
}

/**
 * Puts paper colours in the chart's own options (only where the page set a colour, so Chart.js's
 * defaults are never touched) and returns a function that puts the old ones back. Takes effect at
 * the chart's next update or resize. With the light theme it changes nothing.
 */
export function usePaperColors(chart) {
  if (!themeColors().dark) return () => {};
  // Paths, not objects: each update of the chart replaces its merged scale options.
  const at = (path) => path.reduce((o, key) => o?.[key], chart.config.options);
  const slots = [
    [['plugins', 'legend', 'labels'], 'color', PAPER.text],
    [['plugins', 'referenceLines'], 'color', PAPER.reference],
    [['plugins', 'markers'], 'guideColor', PAPER.probe],
    [['plugins', 'markers'], 'background', PAPER.surface],
    [['plugins', 'bands'], 'color', PAPER.band],
    [['plugins', 'emptyNote'], 'color', PAPER.text],
    [['plugins', 'emptyNote'], 'background', PAPER.surface],
  ];
  for (const id of Object.keys(chart.config.options.scales ?? {})) {
    slots.push(
      [['scales', id, 'ticks'], 'color', PAPER.text],
      [['scales', id, 'title'], 'color', PAPER.text],
      [['scales', id, 'grid'], 'color', PAPER.grid],
    );
  }
  const saved = [];
  for (const [path, key, value] of slots) {
    const target = at(path);
    if (!target || !(key in target)) continue;
    saved.push([path, key, target[key]]);
    target[key] = value;
  }
  // The curves, their legend (drawn from them), the markers on them and the band's edges.
  const curves = [
    ...chart.data.datasets.flatMap((d) => [
      toLight(d, 'borderColor'),
      toLight(d, 'backgroundColor'),
    ]),
    ...(at(['plugins', 'markers'])?.points ?? []).map((p) => toLight(p, 'color')),
    toLight(at(['plugins', 'bands']), 'levelColor'),
  ].filter(Boolean);
  return () => {
    for (const [path, key, value] of saved) {
      const target = at(path);
      if (target) target[key] = value;
    }
    for (const back of curves) back();
  };
}

/**
 * For a printout: the line swatches in `scope` (beside legends and toggles, svg.swatch) and its
 * decision maps take the light theme's colours; returns how to put the screen's back.
 */
export function usePaperPage(scope) {
  if (!themeColors().dark) return () => {};
  const swapped = [];
  for (const node of scope.querySelectorAll('svg.swatch [stroke]')) {
    const dark = node.getAttribute('stroke');
    const light = LIGHT_OF.get(dark.toLowerCase());
    if (!light) continue;
    node.setAttribute('stroke', light);
    swapped.push([node, dark]);
  }
  const maps = [...scope.querySelectorAll('canvas')].map(boundaryMapOf).filter(Boolean);
  for (const map of maps) map.applyTheme({ paper: true });
  return () => {
    for (const [node, dark] of swapped) node.setAttribute('stroke', dark);
    for (const map of maps) map.applyTheme();
  };
}
