/**
 * The `out` option of evaluate() and evaluateF(): arrays the caller owns, written in place, so
 * that a loop that evaluates again and again allocates nothing.
 */
import { ActivationError, clip, describe } from './errors.js';
import { plainKeys } from './plain.js';
import { lengthOf, span, typeOf, view } from './typed-arrays.js';

/** Whether two typed arrays share bytes. */
function overlap(a, b) {
  const x = span(a);
  const y = span(b);
  return x.buffer === y.buffer && x.start < y.end && y.start < x.end;
}

/** Whether two typed arrays view the same bytes (an evaluation in place). */
function sameBytes(a, b) {
  const x = span(a);
  const y = span(b);
  return x.buffer === y.buffer && x.start === y.start && x.end === y.end;
}

function checkArray(value, name, type, n, where) {
  if (typeOf(value) !== type) {
    throw new ActivationError(
      `${where}: ${name} must be a ${type} (the type of the result for this z), got ${describe(value)}`,
      { culprit: name },
    );
  }
  const length = lengthOf(value);
  if (length !== n) {
    throw new ActivationError(
      `${where}: ${name} has ${length} elements; it must have z's length, ${n}`,
      { culprit: name },
    );
  }
  return value;
}

/**
 * Reads `options` ({ out } or nothing) for a result of `n` elements of `type` ("Float32Array" or
 * "Float64Array"). With `withDf` (evaluate), out is { f, df }; without (evaluateF), out is the
 * array for f. Returns { f, df } (df undefined without `withDf`), or null when there is no out.
 * Only own keys count, so a polluted Object.prototype adds no option.
 */
export function readOut(options, { where, type, n, withDf }) {
  if (options === undefined || options === null) return null;
  for (const key of plainKeys(options, { name: 'options', example: '{ out }', where })) {
    if (key !== 'out') {
      throw new ActivationError(`${where}: unknown option "${clip(key)}"; the only option is out`, {
        culprit: clip(key),
      });
    }
  }
  if (!Object.hasOwn(options, 'out') || options.out === undefined) return null;
  const out = options.out;
  if (!withDf) return { f: checkArray(out, 'out', type, n, where), df: undefined };
  if (
    out === null ||
    typeof out !== 'object' ||
    !Object.hasOwn(out, 'f') ||
    !Object.hasOwn(out, 'df')
  ) {
    throw new ActivationError(
      `${where}: out must be an object { f, df } of two ${type}s, got ${describe(out)}`,
      { culprit: 'out' },
    );
  }
  const f = checkArray(out.f, 'out.f', type, n, where);
  const df = checkArray(out.df, 'out.df', type, n, where);
  if (overlap(f, df)) {
    throw new ActivationError(`${where}: out.f and out.df share memory; they must be apart`, {
      culprit: 'out.df',
    });
  }
  return { f, df };
}

/**
 * Throws unless z and the outputs readOut() gave (`out`, or null) still have `n` elements. Called
 * once the caller's code has run for the last time in a call: a getter on the parameters or the
 * options can detach or resize z or an output after its length was read.
 */
export function checkUnchanged(where, n, z, out) {
  const arrays = [['z', z]];
  if (out?.df) arrays.push(['out.f', out.f], ['out.df', out.df]);
  else if (out) arrays.push(['out', out.f]);
  for (const [name, array] of arrays) {
    const length = lengthOf(array);
    if (length !== n) {
      throw new ActivationError(
        `${where}: ${name} went from ${n} to ${length} elements while the parameters and options were read; arrays must not change during a call`,
        { culprit: name },
      );
    }
  }
}

/**
 * z itself, or a copy of it (a `Type`) when an output shares its bytes without being z exactly:
 * chunk by chunk, such an output would overwrite elements of z before they are read. An output
 * that is z exactly (an evaluation in place) is safe, since each chunk is read before it is
 * written.
 */
export function safeInput(z, out, Type) {
  const clash = (a) => a !== undefined && overlap(z, a) && !sameBytes(z, a);
  return out !== null && (clash(out.f) || clash(out.df)) ? new Type(view(Type, z)) : z;
}
