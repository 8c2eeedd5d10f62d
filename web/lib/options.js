import { ActivationError, clip, describe } from './errors.js';
import { splitParams, specOf } from './params.js';
import { plainKeys } from './plain.js';

// The JS-side checks shared by the option objects of probeNetwork and createTrainer: types,
// whole numbers, unknown keys and the activation's params. Ranges are the core's job: it names
// the option and its valid range.

const INT32_MAX = 2 ** 31 - 1;

/**
 * The core takes whole-number options as int32 and knows their valid ranges. Every such range
 * lies far inside int32, so a value beyond int32, or one that is not whole, goes to the core as
 * ±INT32_MAX: the core names the option and its valid range, and `restore` puts the caller's own
 * value back into that message (and says «whole number» for a fraction). (The seed, a double in
 * the core, is checked here instead.)
 */
export function createBeyond() {
  const values = new Map(); // culprit -> the caller's value
  return {
    toInt32(value, name) {
      if (Number.isInteger(value) && Math.abs(value) <= INT32_MAX) return value;
      values.set(name, value);
      return value < 0 ? -INT32_MAX : INT32_MAX;
    },
    restore(status) {
      if (status.code === 'ok' || !values.has(status.culprit)) return status;
      const value = values.get(status.culprit);
      const sent = `${status.culprit} = ${value < 0 ? -INT32_MAX : INT32_MAX}`;
      const message = Number.isInteger(value)
        ? status.message.replace(sent, `${status.culprit} = ${value}`)
        : status.message.replace(
            `${sent} is out of range; valid range is`,
            `${status.culprit} = ${value} must be a whole number in`,
          );
      return { ...status, message };
    },
  };
}

/**
 * `kinds` maps every option to 'string', 'number', 'integer', 'strings', 'integers' or
 * 'params'; `defaults` gives every option's default; `registry` is list(), for the params'
 * ranges. Returns the merged options, with params split into paramNames and paramValues, and
 * `beyond` (not enumerable) to pass the core's status through before it is thrown.
 */
export function checkOptions(api, options, defaults, kinds, registry) {
  const fail = (message, culprit) => {
    throw new ActivationError(`${api}: ${message}`, { culprit });
  };
  const [first] = Object.keys(defaults);
  const example = `{ ${first}: ${JSON.stringify(defaults[first])} }`;
  const keys = plainKeys(options, { name: 'options', example, where: api });
  const out = { ...defaults };
  for (const key of keys) {
    // Own keys only: "toString" or "__proto__" are not options.
    if (!Object.hasOwn(defaults, key)) {
      fail(
        `unknown option "${clip(key)}"; valid options: ${Object.keys(defaults).join(', ')}`,
        clip(key),
      );
    }
    // Undefined is no value, as for a missing argument: the default stays.
    const value = options[key];
    if (value !== undefined) out[key] = value;
  }
  const beyond = createBeyond();
  const integer = (value, name) => {
    if (typeof value !== 'number') fail(`${name} must be a number, got ${describe(value)}`, name);
    if (name !== 'seed') return beyond.toInt32(value, name);
    if (!Number.isInteger(value)) {
      fail(`seed = ${value} must be a whole number in [0, ${Number.MAX_SAFE_INTEGER}]`, 'seed');
    }
    return value;
  };
  // The elements of an array option, each checked by `each`, read once by index.
  const array = (value, name, each) => {
    if (!Array.isArray(value)) fail(`${name} must be an array, got ${describe(value)}`, name);
    const n = value.length;
    if (n > 64) fail(`${name} has ${n} elements; at most 64`, name);
    const copy = [];
    for (let i = 0; i < n; i++) copy.push(each(value[i], `${name}[${i}]`));
    return copy;
  };
  let paramNames = [];
  let paramValues = [];
  let paramsGiven = {};
  for (const [key, kind] of Object.entries(kinds)) {
    const value = out[key];
    if (kind === 'string') {
      if (typeof value !== 'string') fail(`${key} must be a string, got ${describe(value)}`, key);
      out[key] = clip(value);
    } else if (kind === 'number' && typeof value !== 'number') {
      fail(`${key} must be a number, got ${describe(value)}`, key);
    } else if (kind === 'integer') {
      out[key] = integer(value, key);
    } else if (kind === 'strings') {
      out[key] = array(value, key, (v, name) => {
        if (typeof v !== 'string') fail(`${name} must be a string, got ${describe(v)}`, key);
        return clip(v);
      });
    } else if (kind === 'integers') {
      out[key] = array(value, key, integer);
    } else if (kind === 'params') {
      const spec = specOf(registry, out.activation);
      const split = splitParams(value, api, spec);
      ({ names: paramNames, values: paramValues } = split);
      // As the caller wrote them: approximate: true, not the 1 the core takes.
      paramsGiven = Object.fromEntries(paramNames.map((n, i) => [n, split.given[i]]));
      delete out[key];
    }
  }
  if ('seed' in kinds && (out.seed < 0 || out.seed > Number.MAX_SAFE_INTEGER)) {
    fail(
      `seed = ${out.seed} is out of range; valid range is [0, ${Number.MAX_SAFE_INTEGER}]`,
      'seed',
    );
  }
  return Object.defineProperties(
    { ...out, paramNames, paramValues },
    { beyond: { value: beyond }, paramsGiven: { value: paramsGiven } },
  );
}

/** The options back as the caller would write them: params as an object. */
export function echoOptions(resolved) {
  const { paramNames, paramValues, ...rest } = resolved;
  return { ...rest, params: { ...resolved.paramsGiven } };
}
