import { ActivationError, describe } from './errors.js';

/** The longest input the API accepts: 2^24 doubles is 128 MiB per array. */
export const MAX_LENGTH = 2 ** 24;

/**
 * Checks that `value` is an array-like of numbers and returns it as a Float64Array (the same
 * object when it already is one). NaN and ±Infinity are numbers and pass; anything else fails
 * with a message naming the element.
 */
export function toFloat64Array(value, name, where) {
  if (value instanceof Float64Array) return checkLength(value, name, where);
  if (ArrayBuffer.isView(value) && !(value instanceof DataView)) {
    if (value instanceof BigInt64Array || value instanceof BigUint64Array) {
      throw new ActivationError(`${where}: ${name} must hold numbers, got ${describe(value)}`, {
        culprit: name,
      });
    }
    return Float64Array.from(checkLength(value, name, where));
  }
  if (value === null || typeof value !== 'object' || !Number.isSafeInteger(value.length)) {
    throw new ActivationError(
      `${where}: ${name} must be an array-like of numbers (an Array or a typed array), got ${describe(value)}`,
      { culprit: name },
    );
  }
  checkLength(value, name, where);
  const out = new Float64Array(value.length);
  for (let i = 0; i < value.length; i++) {
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

function checkLength(value, name, where) {
  if (value.length < 0 || value.length > MAX_LENGTH) {
    throw new ActivationError(
      `${where}: ${name} has ${value.length} elements; the API takes 0 to ${MAX_LENGTH}`,
      { culprit: name },
    );
  }
  return value;
}
