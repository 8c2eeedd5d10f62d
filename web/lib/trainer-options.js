import { checkOptions } from './options.js';

// createTrainer's options. The defaults are TensorFlow Playground's: circle, no noise, half the
// points for training, x1 and x2, hidden [4, 2], tanh, SGD at 0.03, batch 10. Ranges are
// checked by the core (see TrainerLimits in cpp/include/activations/trainer.h).
export const TRAINER_DEFAULTS = Object.freeze({
  dataset: 'circle',
  samples: 500,
  noise: 0,
  trainFraction: 0.5,
  seed: 1,
  features: Object.freeze(['x1', 'x2']),
  hidden: Object.freeze([4, 2]),
  activation: 'tanh',
  params: Object.freeze({}),
  optimizer: 'sgd',
  learningRate: 0.03,
  batchSize: 10,
  l2: 0,
  init: '',
});

const KINDS = {
  dataset: 'string',
  samples: 'integer',
  noise: 'number',
  trainFraction: 'number',
  seed: 'integer',
  features: 'strings',
  hidden: 'integers',
  activation: 'string',
  params: 'params',
  optimizer: 'string',
  learningRate: 'number',
  batchSize: 'integer',
  l2: 'number',
  init: 'string',
};

/** `registry` is list(), for the params' ranges. */
export function trainerOptions(options, registry) {
  return checkOptions('createTrainer', options, TRAINER_DEFAULTS, KINDS, registry);
}
