// The decision boundary of a trained network: P(class 1) over [-6, 6]² as a heat map on a
// canvas, class 0 in orange and class 1 in blue fading to the page's surface at 0.5, with the
// data points drawn over it. The grid arrives as n·n probabilities, row-major from the top left.

function rgb(text) {
  const c = document.createElement('canvas').getContext('2d');
  c.fillStyle = text;
  const hex = c.fillStyle; // normalised to #rrggbb
  return [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16));
}

// The light theme's colours (base.css): the fallbacks, and what white paper gets (a printout, a
// PNG) whatever the screen's theme.
const LIGHT = {
  '--class-0': '#e08a00',
  '--class-1': '#0072b2',
  '--surface': '#ffffff',
  '--axis': 'rgba(0, 0, 0, 0.5)',
  '--text': '#1d1d1f',
};

/** The page's colours, or `paper`'s. */
function palette({ paper = false } = {}) {
  const style = getComputedStyle(document.documentElement);
  const read = (name) => (paper ? '' : style.getPropertyValue(name).trim()) || LIGHT[name];
  const colors = {
    zero: rgb(read('--class-0')),
    one: rgb(read('--class-1')),
    mid: rgb(read('--surface')),
    axis: read('--axis'),
    surface: read('--surface'),
    text: read('--text'),
  };
  // 256 shades from class 0 through the surface to class 1; strong ends, a pale middle.
  const strength = 0.62;
  colors.lut = new Uint8ClampedArray(257 * 4);
  for (let k = 0; k < 256; k += 1) {
    const p = k / 255;
    const c =
      p < 0.5
        ? mix(colors.mid, colors.zero, (1 - 2 * p) * strength)
        : mix(colors.mid, colors.one, (2 * p - 1) * strength);
    colors.lut.set([...c, 255], k * 4);
  }
  colors.lut.set([128, 128, 128, 255], 256 * 4); // not a number: the network diverged
  return colors;
}

const mix = (a, b, t) => a.map((v, i) => Math.round(v + (b[i] - v) * t));

const maps = new WeakMap();

/** The map drawn on `canvas`, if any: the export toolbar asks it for a larger copy. */
export const boundaryMapOf = (canvas) => maps.get(canvas);

export class BoundaryMap {
  /** `compact`: a thumbnail, without tick labels. */
  constructor(canvas, { compact = false } = {}) {
    this.canvas = canvas;
    this.compact = compact;
    this.image = document.createElement('canvas');
    maps.set(canvas, this);
    this.applyTheme();
  }

  /** `paper`: the light theme's colours, for a printout, until the next call. */
  applyTheme({ paper = false } = {}) {
    this.colors = palette({ paper });
    if (this.last) this.draw(...this.last);
  }

  /** grid: n·n probabilities; points: (x₁, x₂, label) triples; test: shown hollow, or null. */
  draw(grid, n, { train = null, test = null, discretize = false } = {}) {
    this.last = [grid, n, { train, test, discretize }];
    const canvas = this.canvas;
    const size = Math.max(1, Math.round(canvas.clientWidth * (devicePixelRatio || 1)));
    if (canvas.width !== size || canvas.height !== size) {
      canvas.width = size;
      canvas.height = size;
    }
    this.paint(canvas);
  }

  /**
   * A new canvas with the last drawing at `scale` pixels per CSS pixel (blank if none yet), in
   * the light theme's colours: a PNG goes on white paper or a slide, as the charts' do.
   */
  renderAt(scale) {
    const canvas = document.createElement('canvas');
    canvas.width = canvas.height = Math.max(1, Math.round(this.canvas.clientWidth * scale));
    if (this.last) this.paint(canvas, palette({ paper: true }));
    return canvas;
  }

  /** The last grid drawn, { grid, n } (row-major from the top left), or null. */
  lastGrid() {
    return this.last ? { grid: this.last[0], n: this.last[1] } : null;
  }

  /** Draws the last grid and points over the whole of a square `canvas`. */
  paint(canvas, colors = this.colors) {
    const [grid, n, { train, test, discretize }] = this.last;
    const size = canvas.width;
    const ctx = canvas.getContext('2d');
    this.image.width = n;
    this.image.height = n;
    const ictx = this.image.getContext('2d');
    const pixels = ictx.createImageData(n, n);
    const { data } = pixels;
    const { lut } = colors;
    for (let k = 0; k < n * n; k += 1) {
      const p = grid[k];
      let shade = 256;
      if (Number.isFinite(p)) shade = discretize ? (p >= 0.5 ? 217 : 38) : Math.round(p * 255);
      const from = shade * 4;
      const to = k * 4;
      data[to] = lut[from];
      data[to + 1] = lut[from + 1];
      data[to + 2] = lut[from + 2];
      data[to + 3] = 255;
    }
    ictx.putImageData(pixels, 0, 0);
    ctx.imageSmoothingEnabled = !discretize;
    ctx.drawImage(this.image, 0, 0, size, size);

    const scale = size / 12;
    const at = (x1, x2) => [(x1 + 6) * scale, (6 - x2) * scale];
    ctx.strokeStyle = colors.axis;
    ctx.globalAlpha = 0.35;
    ctx.lineWidth = Math.max(1, size / 400);
    ctx.beginPath();
    ctx.moveTo(size / 2, 0);
    ctx.lineTo(size / 2, size);
    ctx.moveTo(0, size / 2);
    ctx.lineTo(size, size / 2);
    ctx.stroke();
    ctx.globalAlpha = 1;

    const radius = Math.max(1.5, size / (this.compact ? 110 : 95));
    const dots = (triples, hollow) => {
      if (!triples) return;
      ctx.lineWidth = Math.max(1, radius / 2.5);
      for (let i = 0; i < triples.length; i += 3) {
        const [x, y] = at(triples[i], triples[i + 1]);
        const color = `rgb(${(triples[i + 2] === 1 ? colors.one : colors.zero).join(',')})`;
        ctx.beginPath();
        ctx.arc(x, y, radius, 0, 2 * Math.PI);
        ctx.fillStyle = hollow ? colors.surface : color;
        ctx.strokeStyle = hollow ? color : colors.surface;
        ctx.fill();
        ctx.stroke();
      }
    };
    dots(train, false);
    dots(test, true);

    if (!this.compact) {
      ctx.fillStyle = colors.text;
      ctx.font = `${Math.round(size / 28)}px system-ui, sans-serif`;
      ctx.textBaseline = 'bottom';
      ctx.textAlign = 'left';
      ctx.fillText('−6', 4, size - 2);
      ctx.textAlign = 'right';
      ctx.fillText('6', size - 4, size - 2);
      ctx.textBaseline = 'top';
      ctx.textAlign = 'left';
      ctx.fillText('6', 4, 2);
    }
  }
}
