import { checkOptions } from './options.js';

// probeNetwork's options and their defaults. Ranges are checked by the core.
const DEFAULTS = {
  activation: 'selu',
  params: {},
  depth: 30,
  width: 128,
  batch: 256,
  init: 'lecun_normal',
  inputMean: 0,
  inputStd: 1,
  seed: 1,
  bottleneck: 0,
  histogramBins: 40,
};

const KINDS = {
  activation: 'string',
  init: 'string',
  params: 'params',
  inputMean: 'number',
  inputStd: 'number',
  depth: 'integer',
  width: 'integer',
  batch: 'integer',
  seed: 'integer',
  bottleneck: 'integer',
  histogramBins: 'integer',
};

/** `registry` is list(), for the params' ranges. */
export function probeOptions(options, registry) {
  return checkOptions('probeNetwork', options, DEFAULTS, KINDS, registry);
}
