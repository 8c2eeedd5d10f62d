/**
 * The one error type the API throws. `code` is machine-readable (the core's codes, plus
 * "invalid_argument" for JS-side type errors), `culprit` names the offending id, parameter or
 * argument, and `message` says what would have been valid.
 */
export class ActivationError extends Error {
  constructor(message, { code = 'invalid_argument', culprit = '', cause } = {}) {
    super(message, cause === undefined ? undefined : { cause });
    this.name = 'ActivationError';
    this.code = code;
    this.culprit = culprit;
  }
}

/** A short description of any value, safe to put in a message (no huge strings, no throwing). */
export function describe(value) {
  if (value === null) return 'null';
  if (Array.isArray(value)) return `an array of length ${value.length}`;
  switch (typeof value) {
    case 'string':
      return `the string ${JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value)}`;
    case 'number':
      return `the number ${String(value)}`;
    case 'bigint':
      return `the bigint ${String(value)}n`;
    case 'undefined':
      return 'undefined';
    case 'object':
      return ArrayBuffer.isView(value) ? `a ${value.constructor.name}` : 'an object';
    default:
      return `a ${typeof value}`;
  }
}
