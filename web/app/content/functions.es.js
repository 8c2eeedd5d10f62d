// Spanish names and texts for each registry id, and where each chart starts. Numbers that
// belong to the maths (defaults, valid ranges, constants) are not repeated here: they come from
// the core's registry through list().

export const FUNCTION_TEXT = {
  sigmoid: { name: 'Sigmoide', symbol: 'σ' },
  tanh: { name: 'Tangente hiperbólica', symbol: 'tanh' },
  relu: { name: 'ReLU', symbol: 'ReLU' },
  elu: { name: 'ELU', symbol: 'ELU' },
  selu: { name: 'SELU', symbol: 'SELU' },
  softmax: { name: 'Softmax', symbol: 's' },
  softsign: { name: 'Softsign', symbol: 'softsign' },
  softplus: { name: 'Softplus', symbol: 'softplus' },
  exponential: { name: 'Exponencial', symbol: 'exp' },
  gelu: { name: 'GELU' },
  silu: { name: 'SiLU (swish)' },
  mish: { name: 'Mish' },
  leaky_relu: { name: 'Leaky ReLU' },
  relu6: { name: 'ReLU6' },
  hard_sigmoid: { name: 'Hard sigmoid' },
  hard_silu: { name: 'Hard SiLU (hard swish)' },
  hard_tanh: { name: 'Hard tanh' },
  log_sigmoid: { name: 'Log-sigmoide' },
  celu: { name: 'CELU' },
  squareplus: { name: 'Squareplus' },
  sparse_plus: { name: 'Sparse plus' },
  sparse_sigmoid: { name: 'Sparse sigmoid' },
  soft_shrink: { name: 'Soft shrink' },
  hard_shrink: { name: 'Hard shrink' },
  tanh_shrink: { name: 'Tanh shrink' },
  threshold: { name: 'Threshold' },
  linear: { name: 'Lineal' },
  log_softmax: { name: 'Log-softmax' },
  sparsemax: { name: 'Sparsemax' },
};

export const PARAM_TEXT = {
  alpha: { label: 'α (alpha)', symbol: 'α' },
  temperature: { label: 'Temperatura T', symbol: 'T' },
  negative_slope: { label: 'Pendiente negativa (negative_slope)', symbol: 'pendiente' },
  b: { label: 'Suavidad b', symbol: 'b' },
  threshold: { label: 'Umbral (threshold)', symbol: 'umbral' },
  default_value: { label: 'Valor bajo el umbral (default_value)', symbol: 'valor' },
  // A yes/no parameter reads as words in the summaries: «GELU con la erf exacta».
  approximate: {
    label: 'Aproximación con tanh (approximate)',
    symbol: 'approximate',
    on: 'la aproximación tanh',
    off: 'la erf exacta',
  },
};

// Keras's weight initialisers, by their API names.
export const INITS = {
  glorot_uniform: 'Glorot uniforme (Keras)',
  glorot_normal: 'Glorot normal',
  he_normal: 'He normal',
  he_uniform: 'He uniforme',
  lecun_normal: 'LeCun normal',
};

export const CONSTANT_TEXT = {
  alpha: 'α (alpha)',
  scale: 'λ (scale)',
};

// Where each function's chart starts: a z-range that shows its shape, and the lesson's own
// parameter values where they differ from Keras's (the course plots ELU with α = 1.5).
export const LAB_START = {
  sigmoid: { zmin: -10, zmax: 10 },
  tanh: { zmin: -5, zmax: 5 },
  relu: { zmin: -5, zmax: 5 },
  elu: { zmin: -5, zmax: 5, params: { alpha: 1.5 } },
  selu: { zmin: -5, zmax: 5 },
  softsign: { zmin: -10, zmax: 10 },
  softplus: { zmin: -6, zmax: 6 },
  exponential: { zmin: -5, zmax: 3 },
};

export function functionName(id) {
  return FUNCTION_TEXT[id]?.name ?? id;
}

/** The Keras line for a function with the given parameters, when they differ from the default. */
export function kerasVariant(spec, values) {
  const changed = spec.params.filter((p) => values[p.name] !== p.default);
  if (spec.id !== 'elu' || changed.length === 0) return '';
  const alpha = values.alpha;
  return (
    `\n\n# Con alpha = ${alpha}, como en la gráfica: una capa lineal seguida de ELU\n` +
    `lineal = keras.layers.Dense(64)\n` +
    `activacion = keras.layers.ELU(alpha=${alpha})`
  );
}
