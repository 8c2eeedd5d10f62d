// Spanish names and texts for each registry id, and where each chart starts. Numbers that
// belong to the maths (defaults, valid ranges, constants) are not repeated here: they come from
// the core's registry through list().

// `name` labels legends, selects and charts; where the gallery gives a function a Spanish name, it
// is that name without the card title's English gloss («Sigmoide dura», not «Sigmoide dura (hard
// sigmoid)»), so that legends stay short. `phrase` is how a sentence names the function after a
// preposition («con la sigmoide», «con softplus»), given only where it differs from `name`: Spanish
// common nouns take the article and a lowercase initial; acronyms such as ReLU go bare.
export const FUNCTION_TEXT = {
  sigmoid: { name: 'Sigmoide', symbol: 'σ', phrase: 'la sigmoide' },
  tanh: { name: 'Tangente hiperbólica', symbol: 'tanh', phrase: 'la tangente hiperbólica' },
  relu: { name: 'ReLU', symbol: 'ReLU' },
  elu: { name: 'ELU', symbol: 'ELU' },
  selu: { name: 'SELU', symbol: 'SELU' },
  softmax: { name: 'Softmax', symbol: 's', phrase: 'softmax' },
  softsign: { name: 'Softsign', symbol: 'softsign', phrase: 'softsign' },
  softplus: { name: 'Softplus', symbol: 'softplus', phrase: 'softplus' },
  exponential: { name: 'Exponencial', symbol: 'exp', phrase: 'la exponencial' },
  gelu: { name: 'GELU' },
  silu: { name: 'SiLU (Swish)' },
  mish: { name: 'Mish' },
  leaky_relu: { name: 'Leaky ReLU' },
  relu6: { name: 'ReLU6' },
  hard_sigmoid: { name: 'Sigmoide dura', phrase: 'la sigmoide dura' },
  hard_silu: { name: 'SiLU dura', phrase: 'la SiLU dura' },
  hard_tanh: { name: 'Tanh dura', phrase: 'la tanh dura' },
  log_sigmoid: { name: 'Log-sigmoide', phrase: 'la log-sigmoide' },
  celu: { name: 'CELU' },
  squareplus: { name: 'Squareplus', phrase: 'squareplus' },
  sparse_plus: { name: 'Softplus dispersa', phrase: 'la softplus dispersa' },
  sparse_sigmoid: { name: 'Sigmoide dispersa', phrase: 'la sigmoide dispersa' },
  soft_shrink: { name: 'Contracción suave', phrase: 'la contracción suave' },
  hard_shrink: { name: 'Contracción dura', phrase: 'la contracción dura' },
  tanh_shrink: { name: 'Contracción tanh', phrase: 'la contracción tanh' },
  threshold: { name: 'Umbral', phrase: 'la función umbral' },
  linear: { name: 'Lineal', phrase: 'la activación lineal' },
  log_softmax: { name: 'Log-softmax', phrase: 'log-softmax' },
  sparsemax: { name: 'Sparsemax', phrase: 'sparsemax' },
};

export const PARAM_TEXT = {
  alpha: { label: 'α (alpha)', symbol: 'α' },
  temperature: { label: 'Temperatura T', symbol: 'T' },
  // The symbols the gallery's formulas use: LeakyReLU_s, SoftShrink_θ, threshold_{θ, v}.
  negative_slope: { label: 'Pendiente s para z < 0 (negative_slope)', symbol: 's' },
  b: { label: 'Suavidad b', symbol: 'b' },
  threshold: { label: 'Umbral θ (threshold)', symbol: 'θ' },
  default_value: { label: 'Valor v bajo el umbral (default_value)', symbol: 'v' },
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

/** An initialiser's name in a sentence: without the select's note on Keras's default. */
export const initName = (id) => INITS[id].replace(' (Keras)', '');

// Functions whose parameters Keras leaves without a default (keras.activations.threshold): their
// reset buttons go back to the lesson's starting value, not to «el valor de Keras».
export const NO_KERAS_DEFAULT = new Set(['threshold']);

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

/**
 * A function's display name; with `{ inSentence: true }`, the form a sentence uses after a
 * preposition («la sigmoide», «ReLU»).
 */
export function functionName(id, options) {
  const text = FUNCTION_TEXT[id];
  if (options?.inSentence === true) return text?.phrase ?? text?.name ?? id;
  return text?.name ?? id;
}

const python = (v) => (Number.isInteger(v) ? v.toFixed(1) : String(v));

/**
 * A code panel kept in step with the chart's parameters (ELU's α): Keras gets the lines for an
 * α other than its default; PyTorch's ELU(alpha=…) takes the chart's value.
 */
export function liveSnippet(spec, framework, base, values) {
  if (spec.id !== 'elu') return base;
  const alpha = python(values.alpha);
  if (framework === 'pytorch') return base.replace(/ELU\(alpha=[^)]*\)/, `ELU(alpha=${alpha})`);
  if (values.alpha === spec.params.find((p) => p.name === 'alpha').default) return base;
  return (
    `${base}\n\n# Con alpha = ${alpha}, como en la gráfica: una capa lineal seguida de ELU\n` +
    `lineal = keras.layers.Dense(64)\n` +
    `activacion = keras.layers.ELU(alpha=${alpha})`
  );
}
