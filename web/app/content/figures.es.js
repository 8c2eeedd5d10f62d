// The source's four comparison figures: their curves, ranges and reference lines.
// Colours are from the Okabe–Ito palette; each function keeps its colour in every figure.

export const CURVE_COLORS = {
  sigmoid: { light: '#0072b2', dark: '#56b4e9' },
  tanh: { light: '#d55e00', dark: '#e69f00' },
  relu: { light: '#1d1d1f', dark: '#ececec' },
  softsign: { light: '#c46f9f', dark: '#cc79a7' },
  softplus: { light: '#009e73', dark: '#2fc79a' },
  elu: { light: '#d55e00', dark: '#e69f00' },
  selu: { light: '#009e73', dark: '#2fc79a' },
};

// Derivatives are always dashed; each function gets its own pattern, so the curves differ in
// more than colour.
export const DERIVATIVE_DASH = {
  sigmoid: [8, 4],
  tanh: [3, 3],
  relu: [14, 5],
  softsign: [8, 3, 2, 3],
  softplus: [4, 7],
  elu: [3, 3],
  selu: [8, 3, 2, 3],
};

/**
 * A figure's short name, its key in links and embeds: «derivadas» for comparacion-derivadas (the
 * id of the figure and of its heading in the lesson).
 */
export const figureKey = (id) => id.replace(/^comparacion-/, '');

export const FIGURES = {
  'comparacion-funciones': {
    title: 'Funciones',
    kind: 'f',
    ids: ['sigmoid', 'tanh', 'relu', 'softsign', 'softplus'],
    x: [-10, 10],
    y: [-2, 2],
    lines: { x: [0], y: [0, -1, 1] },
  },
  'comparacion-derivadas': {
    title: 'Derivadas',
    kind: 'df',
    ids: ['sigmoid', 'tanh', 'relu', 'softsign', 'softplus'],
    x: [-5, 5],
    y: [-0.1, 1.1],
    lines: { x: [0], y: [-1, 1] },
  },
  'comparacion-familia': {
    title: 'ReLU, ELU y SELU',
    kind: 'f',
    ids: ['relu', 'elu', 'selu'],
    x: [-10, 10],
    y: [-5, 5],
    lines: { x: [0], y: [0] },
    family: true,
  },
  'comparacion-familia-derivadas': {
    title: 'Derivadas de ReLU, ELU y SELU',
    kind: 'df',
    ids: ['relu', 'elu', 'selu'],
    x: [-3, 3],
    y: [-1, 2],
    lines: {},
    family: true,
  },
};
