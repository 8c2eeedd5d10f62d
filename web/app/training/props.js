// The training lab's state in the URL: one property per control. Every value is checked and
// clamped, so a hand-edited link can never build an invalid trainer.
import { boolProp, choiceProp, numberProp, subsetProp } from '../state/props.js';
import {
  CURVES,
  DATASETS,
  FEATURES,
  L2_RATES,
  LEARNING_RATES,
  OPTIMIZERS,
  SPEEDS,
  STOPS,
} from '../content/training.es.js';
import { INITS } from '../content/functions.es.js';

export const MAX_LAYERS = 6;
export const MAX_UNITS = 16;
export const SLOTS = 4;
export const SLOT_START = ['tanh', 'relu', 'sigmoid', 'ninguna'];

/** Hidden layer widths, "4,2"; an empty value is a network without hidden layers. */
function hiddenProp(key, fallback) {
  return {
    key,
    fallback,
    parse(text) {
      if (text === null) return fallback;
      if (text === '') return [];
      const parts = text.split(',').slice(0, MAX_LAYERS).map(Number);
      if (parts.some((n) => !Number.isFinite(n))) return fallback;
      return parts.map((n) => Math.min(MAX_UNITS, Math.max(1, Math.round(n))));
    },
    format: (values) => values.join(','),
  };
}

/** A parameter of the chosen activation; null (absent) means the function's default. */
function optionalNumberProp(key) {
  return {
    key,
    fallback: null,
    parse(text) {
      if (text === null || text.trim() === '') return null;
      const value = Number(text);
      return Number.isFinite(value) ? value : null;
    },
    format: String,
  };
}

function nonEmpty(prop) {
  return {
    ...prop,
    parse(text) {
      const value = prop.parse(text);
      return value.length > 0 ? value : prop.fallback;
    },
  };
}

export function trainingProps(ids, paramNames) {
  return [
    choiceProp('datos', Object.keys(DATASETS), 'circle'),
    numberProp('ruido', { min: 0, max: 0.5, step: 0.05, fallback: 0 }),
    numberProp('entreno', { min: 0.1, max: 0.9, step: 0.1, fallback: 0.5 }),
    numberProp('semilla', { min: 1, max: 1e9, step: 1, fallback: 1 }),
    nonEmpty(subsetProp('entradas', Object.keys(FEATURES), ['x1', 'x2'])),
    hiddenProp('capas', [4, 2]),
    choiceProp('act', ids, 'tanh'),
    ...paramNames.map(optionalNumberProp),
    choiceProp('opt', Object.keys(OPTIMIZERS), 'sgd'),
    choiceProp('tasa', LEARNING_RATES, '0.03'),
    numberProp('lote', { min: 1, max: 50, step: 1, fallback: 10 }),
    choiceProp('l2', L2_RATES, '0'),
    choiceProp('init', ['auto', ...Object.keys(INITS)], 'auto'),
    choiceProp('velocidad', Object.keys(SPEEDS), '2'),
    choiceProp('parar', Object.keys(STOPS), 'no'),
    boolProp('prueba', false),
    boolProp('discreto', false),
    boolProp('comparar', false),
    ...SLOT_START.map((id, i) => choiceProp(`c${i + 1}`, ['ninguna', ...ids], id)),
    choiceProp('curva', Object.keys(CURVES), 'prueba'),
  ];
}

/** The value of each of the activation's parameters: the URL's, clamped, or the default. */
export function effectiveParams(spec, values) {
  return Object.fromEntries(
    spec.params.map((p) => {
      const v = values[p.name];
      if (v === null || v === undefined) return [p.name, p.default];
      if (p.type === 'boolean') return [p.name, v ? 1 : 0];
      return [p.name, Math.min(p.ui.max, Math.max(p.ui.min, v))];
    }),
  );
}

/**
 * The createTrainer options of every run: the chosen activation alone, or two to four side by
 * side. Compared runs share one initialiser so they start from the same weights.
 */
export function trainerRuns(values, specs) {
  const base = {
    dataset: values.datos,
    samples: 500,
    noise: values.ruido,
    trainFraction: values.entreno,
    seed: values.semilla,
    features: values.entradas,
    hidden: values.capas,
    optimizer: values.opt,
    learningRate: Number(values.tasa),
    batchSize: values.lote,
    l2: Number(values.l2),
  };
  const paramsOf = (id) => (id === values.act ? effectiveParams(specs.get(id), values) : {});
  if (!values.comparar) {
    const init = values.init === 'auto' ? '' : values.init;
    return [{ ...base, activation: values.act, params: paramsOf(values.act), init }];
  }
  const ids = [
    ...new Set(
      Array.from({ length: SLOTS }, (_, i) => values[`c${i + 1}`]).filter((id) => id !== 'ninguna'),
    ),
  ];
  const init = values.init === 'auto' ? 'glorot_uniform' : values.init;
  return ids.map((id) => ({ ...base, activation: id, params: paramsOf(id), init }));
}
