import { ActivationError, describe } from './errors.js';
import { lengthOf, typeOf } from './typed-arrays.js';

/** The longest input the API accepts: 2^24 doubles is 128 MiB per array. */
export const MAX_LENGTH = 2 ** 24;

/**
 * Checks that `value` is an array-like of numbers and returns it as a Float64Array (the same
 * object when it already is one). NaN and ±Infinity are numbers and pass; anything else fails
 * with a message naming the element.
 */
export function toFloat64Array(value, name, where) {
  const type = typeOf(value);
  // A detached array (its buffer transferred away) has length 0, and is taken as empty.
  if (type !== undefined && lengthOf(value) === 0) return new Float64Array(0);
  if (type === 'Float64Array') return checkLength(value, lengthOf(value), name, where);
  if (type !== undefined) {
    if (type === 'BigInt64Array' || type === 'BigUint64Array') {
      throw new ActivationError(`${where}: ${name} must hold numbers, got ${describe(value)}`, {
        culprit: name,
      });
    }
    // The copy constructor reads the array's internal slots: no getter or iterator of its own runs.
    return new Float64Array(checkLength(value, lengthOf(value), name, where));
  }
  if (value === null || typeof value !== 'object' || !Number.isSafeInteger(value.length)) {
    throw new ActivationError(
      `${where}: ${name} must be an array-like of numbers (an Array or a typed array), got ${describe(value)}`,
      { culprit: name },
    );
  }
  // The length is read once: a getter that shrinks the array makes later elements undefined.
  const n = value.length;
  checkLength(value, n, name, where);
  const out = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const v = value[i];
    if (typeof v !== 'number') {
      throw new ActivationError(
        `${where}: ${name}[${i}] is ${describe(v)}; ${name} must contain only numbers`,
        { culprit: `${name}[${i}]` },
      );
    }
    out[i] = v;
  }
  return out;
}

function checkLength(value, length, name, where) {
  if (length < 0 || length > MAX_LENGTH) {
    throw new ActivationError(
      `${where}: ${name} has ${length} elements; the API takes 0 to ${MAX_LENGTH}`,
      { culprit: name },
    );
  }
  return value;
}
