import { ActivationError, describe } from './errors.js';

// Option and parameter objects are read by their own string keys. Anything else the caller may
// have meant (a Map, a class instance, a symbol key) would be read as nothing and fall back to
// the defaults without a word: it is rejected instead.

/** Whether `value` is a plain object: its prototype is some realm's Object.prototype, or null. */
function isPlain(value) {
  if (value === null || typeof value !== 'object') return false;
  const proto = Object.getPrototypeOf(value);
  return proto === null || Object.getPrototypeOf(proto) === null;
}

/**
 * The own string keys of `value`, non-enumerable ones included, after checking that it is a plain
 * object without symbol keys. `name` and `example` go into the message, as in "params must be a
 * plain object such as { alpha: 1.5 }".
 */
export function plainKeys(value, { name, example, where }) {
  if (!isPlain(value)) {
    throw new ActivationError(
      `${where}: ${name} must be a plain object such as ${example}, got ${describe(value)}`,
      { culprit: name },
    );
  }
  if (Object.getOwnPropertySymbols(value).length > 0) {
    throw new ActivationError(`${where}: ${name} has a symbol key; its keys must be strings`, {
      culprit: name,
    });
  }
  return Object.getOwnPropertyNames(value);
}
