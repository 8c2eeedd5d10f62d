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

const article = (word) => (/^[AEIOU]/.test(word) ? 'an' : 'a');

/** A short description of any value, safe to put in a message (no huge strings, no throwing). */
export function describe(value) {
  if (value === null) return 'null';
  if (Array.isArray(value)) return `an array of length ${value.length}`;
  switch (typeof value) {
    case 'string':
      return `the string "${clip(value)}"`;
    case 'number':
      return `the number ${String(value)}`;
    case 'boolean':
      return String(value);
    case 'bigint':
      return `the bigint ${String(value)}n`;
    case 'undefined':
      return 'undefined';
    case 'object': {
      // The tag ("Map", "Date", "Int32Array"); a plain object or a class instance is "an
      // object". Reading the tag runs a Symbol.toStringTag getter, which may throw.
      let tag = 'Object';
      try {
        tag = Object.prototype.toString.call(value).slice(8, -1);
      } catch {
        // keep "an object"
      }
      return tag === 'Object' ? 'an object' : `${article(tag)} ${tag.slice(0, 40)}`;
    }
    default:
      return `${article(typeof value)} ${typeof value}`;
  }
}

/**
 * A string as it may appear in a message: its first 40 characters, with quotes, backslashes and
 * control characters escaped. A clipped string is never a valid id or name, so it can go to the
 * core instead of the original, which keeps the core's messages short.
 */
export function clip(text) {
  const short = text.length > 40 ? `${text.slice(0, 40)}…` : text;
  return JSON.stringify(short).slice(1, -1);
}
