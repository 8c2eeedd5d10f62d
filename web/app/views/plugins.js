// Four small Chart.js plugins the lesson's charts share, each configured under
// options.plugins.<id>: reference lines, shaded bands (saturation zones), point markers (the
// probe, and the value a convention gives at a kink) and a note for a chart with nothing to show.

function clipToArea(ctx, area, draw) {
  ctx.save();
  ctx.beginPath();
  ctx.rect(area.left, area.top, area.right - area.left, area.bottom - area.top);
  ctx.clip();
  draw();
  ctx.restore();
}

/** options: { x: number[], y: number[], color } */
export const referenceLines = {
  id: 'referenceLines',
  beforeDatasetsDraw(chart, _args, options) {
    const { ctx, chartArea: area, scales } = chart;
    if (!options.x?.length && !options.y?.length) return;
    clipToArea(ctx, area, () => {
      ctx.strokeStyle = options.color;
      ctx.lineWidth = 1;
      for (const x of options.x ?? []) {
        const px = Math.round(scales.x.getPixelForValue(x)) + 0.5;
        ctx.beginPath();
        ctx.moveTo(px, area.top);
        ctx.lineTo(px, area.bottom);
        ctx.stroke();
      }
      for (const y of options.y ?? []) {
        const py = Math.round(scales.y.getPixelForValue(y)) + 0.5;
        ctx.beginPath();
        ctx.moveTo(area.left, py);
        ctx.lineTo(area.right, py);
        ctx.stroke();
      }
    });
  },
};

/**
 * options: { intervals: [[z0, z1], …], color, levels: [y, …], levelColor } — full-height
 * vertical bands, and dotted horizontal lines at the levels that define them (±threshold).
 */
export const bands = {
  id: 'bands',
  beforeDatasetsDraw(chart, _args, options) {
    const { ctx, chartArea: area, scales } = chart;
    clipToArea(ctx, area, () => {
      ctx.fillStyle = options.color;
      for (const [a, b] of options.intervals ?? []) {
        const x0 = scales.x.getPixelForValue(a);
        const x1 = scales.x.getPixelForValue(b);
        ctx.fillRect(x0, area.top, x1 - x0, area.bottom - area.top);
      }
      ctx.strokeStyle = options.levelColor;
      ctx.setLineDash([2, 3]);
      for (const y of options.levels ?? []) {
        const py = scales.y.getPixelForValue(y);
        ctx.beginPath();
        ctx.moveTo(area.left, py);
        ctx.lineTo(area.right, py);
        ctx.stroke();
      }
      ctx.setLineDash([]);
    });
  },
};

/**
 * options: { guide: z | null, guideColor, points: [{ x, y, color, open, square }] }. A guide
 * is a dashed vertical line; open points are hollow (a limit the function does not take); square
 * ones mark another framework's value.
 */
export const markers = {
  id: 'markers',
  afterDatasetsDraw(chart, _args, options) {
    const { ctx, chartArea: area, scales } = chart;
    clipToArea(ctx, area, () => {
      if (options.guide !== null && options.guide !== undefined) {
        const px = scales.x.getPixelForValue(options.guide);
        ctx.strokeStyle = options.guideColor;
        ctx.setLineDash([4, 4]);
        ctx.lineWidth = 1.5;
        ctx.beginPath();
        ctx.moveTo(px, area.top);
        ctx.lineTo(px, area.bottom);
        ctx.stroke();
        ctx.setLineDash([]);
      }
      for (const p of options.points ?? []) {
        if (!Number.isFinite(p.y)) continue;
        const px = scales.x.getPixelForValue(p.x);
        const py = scales.y.getPixelForValue(p.y);
        ctx.beginPath();
        if (p.square) ctx.rect(px - 4, py - 4, 8, 8);
        else ctx.arc(px, py, 4.5, 0, 2 * Math.PI);
        ctx.lineWidth = 2;
        ctx.strokeStyle = p.color;
        ctx.fillStyle = p.open ? options.background : p.color;
        ctx.fill();
        ctx.stroke();
      }
    });
  },
};

/** options: { text, color, background } — text, when set, is written in the middle of the plot. */
export const emptyNote = {
  id: 'emptyNote',
  afterDraw(chart, _args, options) {
    if (!options.text) return;
    const { ctx, chartArea: area } = chart;
    const { size, family } = chart.options.font;
    const x = (area.left + area.right) / 2;
    const y = (area.top + area.bottom) / 2;
    ctx.save();
    ctx.font = `${size + 1}px ${family}`;
    const width = Math.min(ctx.measureText(options.text).width, area.right - area.left - 16);
    // On the plot's own background, so that no grid or reference line runs through the words.
    ctx.fillStyle = options.background;
    ctx.fillRect(x - width / 2 - 8, y - size, width + 16, 2 * size);
    ctx.fillStyle = options.color;
    ctx.textAlign = 'center';
    ctx.textBaseline = 'middle';
    ctx.fillText(options.text, x, y, width);
    ctx.restore();
  },
};
