// PNG images of the page's charts at a fixed number of device pixels per CSS pixel, whatever the
// screen: a Chart.js chart is redrawn at that pixel ratio for the copy, then put back as it was;
// the boundary map is redrawn at that size by its own view.
import { boundaryMapOf } from '../views/boundary-map.js';
import { usePaperColors } from '../views/paper-colors.js';

const SCALE = 2;

/** A width × height canvas, white when `white`, else transparent, and its context. */
function blank(width, height, white) {
  const canvas = document.createElement('canvas');
  canvas.width = width;
  canvas.height = height;
  const ctx = canvas.getContext('2d');
  if (white) {
    ctx.fillStyle = '#ffffff';
    ctx.fillRect(0, 0, width, height);
  }
  return { canvas, ctx };
}

/** A copy of the top-left width × height pixels of `source`, over white when `white`. */
function copyOf(source, width, height, white) {
  const { canvas, ctx } = blank(width, height, white);
  ctx.drawImage(source, 0, 0, width, height, 0, 0, width, height);
  return canvas;
}

/**
 * `image` with a line of text above it, `note` (the parameters: «α = 2»), in `ink`: two images of
 * one function at different parameters must not look the same.
 */
function captioned(image, note, ink, white) {
  const size = 13 * SCALE;
  const band = Math.round(size * 1.8);
  const { canvas, ctx } = blank(image.width, image.height + band, white);
  ctx.font = `${size}px ${getComputedStyle(document.body).fontFamily}`;
  ctx.fillStyle = ink;
  ctx.textBaseline = 'middle';
  ctx.fillText(note, 8 * SCALE, band / 2, canvas.width - 16 * SCALE);
  ctx.drawImage(image, 0, band);
  return canvas;
}

/**
 * A chart whose legend the page draws in HTML (the comparison figures' checkboxes) gets Chart.js's
 * own for the copy, with the curves on show: an image must name its curves by itself.
 */
function drawLegend(chart) {
  const legend = chart.config.options.plugins?.legend;
  if (!legend || legend.display !== false) return () => {};
  legend.display = true;
  legend.labels = { ...legend.labels, filter: (item) => !item.hidden };
  return () => {
    legend.display = false;
    delete legend.labels.filter;
  };
}

/**
 * A canvas with the chart drawn at SCALE × its CSS size; on white (with the light theme's axis
 * colours) when `white`, else on a transparent background.
 */
function chartCopy(chart, white, note) {
  const own = Object.hasOwn(chart.config.options, 'devicePixelRatio');
  const previous = chart.config.options.devicePixelRatio;
  const restoreColors = white ? usePaperColors(chart) : () => {};
  const restoreLegend = drawLegend(chart);
  try {
    chart.options.devicePixelRatio = SCALE;
    chart.resize();
    // On a screen already at SCALE the resize changes nothing and draws nothing.
    chart.update('none');
    // Chart.js keeps CSS sizes to a tenth of a pixel and floors the canvas to whole pixels.
    const width = Math.min(chart.canvas.width, Math.floor(chart.width * SCALE));
    const height = Math.min(chart.canvas.height, Math.floor(chart.height * SCALE));
    const copy = copyOf(chart.canvas, width, height, white);
    if (!note) return copy;
    return captioned(copy, note, chart.options.scales?.x?.ticks?.color ?? '#000000', white);
  } finally {
    if (own) chart.options.devicePixelRatio = previous;
    else delete chart.options.devicePixelRatio;
    restoreColors();
    restoreLegend();
    chart.resize();
    chart.update('none');
  }
}

function toPng(canvas) {
  return new Promise((resolve, reject) => {
    canvas.toBlob(
      (blob) => (blob ? resolve(blob) : reject(new Error('canvas.toBlob gave no image'))),
      'image/png',
    );
  });
}

/**
 * The chart as a PNG Blob: { white: true } on a white background, else transparent; `note`, a
 * line above it.
 */
export function chartPng(chart, { white, note = '' }) {
  return toPng(chartCopy(chart, white, note));
}

/** The boundary map drawn on `canvas` as a PNG Blob (it is opaque: no background to choose). */
export function mapPng(canvas) {
  const map = boundaryMapOf(canvas);
  if (!map) throw new Error('no boundary map on this canvas');
  return toPng(map.renderAt(SCALE));
}
