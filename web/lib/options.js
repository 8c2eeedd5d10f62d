import { ActivationError, describe } from './errors.js';

// The JS-side checks shared by the option objects of probeNetwork and createTrainer: types,
// whole numbers, unknown keys and the activation's params. Ranges are the core's job: it names
// the option and its valid range.

/**
 * `kinds` maps every option to 'string', 'number', 'integer', 'strings', 'integers' or
 * 'params'; `defaults` gives every option's default. Returns the merged options, with params
 * split into paramNames and paramValues.
 */
export function checkOptions(api, options, defaults, kinds) {
  const fail = (message, culprit) => {
    throw new ActivationError(`${api}: ${message}`, { culprit });
  };
  if (options === null || typeof options !== 'object' || Array.isArray(options)) {
    fail(`options must be an object, got ${describe(options)}`, 'options');
  }
  const out = { ...defaults };
  for (const key of Object.keys(options)) {
    // Own keys only: "toString" or "__proto__" are not options.
    if (!Object.hasOwn(defaults, key)) {
      fail(`unknown option "${key}"; valid options: ${Object.keys(defaults).join(', ')}`, key);
    }
    out[key] = options[key];
  }
  const integer = (value, name) => {
    if (typeof value !== 'number') fail(`${name} must be a number, got ${describe(value)}`, name);
    // Beyond int32 the core could not even receive the value: report it here, in its words.
    if (!Number.isInteger(value) || Math.abs(value) > 2 ** 31 - 1) {
      fail(`${name} = ${value} must be a whole number`, name);
    }
  };
  const array = (value, name, max) => {
    if (!Array.isArray(value)) fail(`${name} must be an array, got ${describe(value)}`, name);
    if (value.length > max) fail(`${name} has ${value.length} elements; at most ${max}`, name);
  };
  let paramNames = [];
  let paramValues = [];
  for (const [key, kind] of Object.entries(kinds)) {
    const value = out[key];
    if (kind === 'string' && typeof value !== 'string') {
      fail(`${key} must be a string, got ${describe(value)}`, key);
    } else if (kind === 'number' && typeof value !== 'number') {
      fail(`${key} must be a number, got ${describe(value)}`, key);
    } else if (kind === 'integer') {
      integer(value, key);
    } else if (kind === 'strings') {
      array(value, key, 64);
      value.forEach((v, i) => {
        if (typeof v !== 'string') fail(`${key}[${i}] must be a string, got ${describe(v)}`, key);
      });
      out[key] = [...value];
    } else if (kind === 'integers') {
      array(value, key, 64);
      value.forEach((v, i) => integer(v, `${key}[${i}]`));
      out[key] = [...value];
    } else if (kind === 'params') {
      ({ paramNames, paramValues } = splitParams(value ?? {}, fail));
      delete out[key];
    }
  }
  if ('seed' in kinds && (out.seed < 0 || out.seed > Number.MAX_SAFE_INTEGER)) {
    fail(
      `seed = ${out.seed} is out of range; valid range is [0, ${Number.MAX_SAFE_INTEGER}]`,
      'seed',
    );
  }
  return { ...out, paramNames, paramValues };
}

function splitParams(params, fail) {
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
  return { paramNames, paramValues };
}

/** The options back as the caller would write them: params as an object. */
export function echoOptions({ paramNames, paramValues, ...rest }) {
  return { ...rest, params: Object.fromEntries(paramNames.map((n, i) => [n, paramValues[i]])) };
}
