import { ActivationError, describe } from './errors.js';

// probeNetwork's options, their defaults, and the JS-side checks (types, integers, unknown
// names). Ranges are checked by the core, which names the option and its valid range.
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

const INTEGERS = ['depth', 'width', 'batch', 'seed', 'bottleneck', 'histogramBins'];

function fail(message, culprit) {
  throw new ActivationError(`probeNetwork: ${message}`, { culprit });
}

export function probeOptions(options) {
  if (options === null || typeof options !== 'object' || Array.isArray(options)) {
    fail(`options must be an object, got ${describe(options)}`, 'options');
  }
  const out = { ...DEFAULTS };
  for (const key of Object.keys(options)) {
    if (!(key in DEFAULTS)) {
      fail(`unknown option "${key}"; valid options: ${Object.keys(DEFAULTS).join(', ')}`, key);
    }
    out[key] = options[key];
  }
  for (const key of ['activation', 'init']) {
    if (typeof out[key] !== 'string')
      fail(`${key} must be a string, got ${describe(out[key])}`, key);
  }
  for (const key of ['inputMean', 'inputStd', ...INTEGERS]) {
    if (typeof out[key] !== 'number')
      fail(`${key} must be a number, got ${describe(out[key])}`, key);
  }
  for (const key of INTEGERS) {
    // Beyond int32 the core could not even receive the value: report it here, with the same words.
    if (!Number.isInteger(out[key]) || Math.abs(out[key]) > 2 ** 31 - 1) {
      fail(`${key} = ${out[key]} must be a whole number`, key);
    }
  }
  if (out.seed < 0 || out.seed > Number.MAX_SAFE_INTEGER) {
    fail(
      `seed = ${out.seed} is out of range; valid range is [0, ${Number.MAX_SAFE_INTEGER}]`,
      'seed',
    );
  }
  const params = out.params ?? {};
  if (typeof params !== 'object' || Array.isArray(params)) {
    fail(`params must be an object such as { alpha: 1.5 }, got ${describe(params)}`, 'params');
  }
  const paramNames = Object.keys(params);
  const paramValues = paramNames.map((name) => {
    const v = params[name];
    if (typeof v === 'boolean') return v ? 1 : 0;
    if (typeof v !== 'number')
      fail(`parameter "${name}" must be a number, got ${describe(v)}`, name);
    return v;
  });
  delete out.params;
  return { ...out, paramNames, paramValues };
}
