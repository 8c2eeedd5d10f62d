import { ActivationError, describe } from './errors.js';

// Frees core objects that were dropped without dispose(), whenever the JS engine collects them.
const orphans =
  typeof FinalizationRegistry === 'function'
    ? new FinalizationRegistry((handle) => handle.delete())
    : null;

/**
 * `new Handle()`, then `init(handle)`, which returns the core's status for `check` to throw; the
 * object is freed if that throws.
 */
export function startHandle(Handle, init, check) {
  const handle = new Handle();
  try {
    check(init(handle));
  } catch (error) {
    handle.delete();
    throw error;
  }
  return handle;
}

/**
 * Owns an Embind object for a JS wrapper named `name` ("trainer", "probeRun"): use(where)
 * returns it, or throws once it is disposed; dispose() frees it (a second call does nothing).
 */
export function ownHandle(handle, name) {
  let live = true;
  const token = {};
  orphans?.register(token, handle, token);
  return {
    use(where) {
      if (!live) {
        throw new ActivationError(`${name}.${where}: this ${name} was disposed`, {
          culprit: name,
        });
      }
      return handle;
    },
    dispose() {
      if (!live) return;
      live = false;
      orphans?.unregister(token);
      handle.delete();
    },
    get live() {
      return live;
    },
  };
}

/**
 * Throws unless `value` is a whole number (a count of steps, a grid's size) in [min, max]; with
 * max = Infinity, Infinity itself is taken too. Both messages name the range.
 */
export function checkCount(value, name, where, [min, max]) {
  const range = `[${min}, ${max === Infinity ? '+inf' : max}]`;
  const endless = value === Infinity && max === Infinity;
  if (typeof value !== 'number' || !(Number.isInteger(value) || endless)) {
    throw new ActivationError(
      `${where}: ${name} must be a whole number in ${range}, got ${describe(value)}`,
      { culprit: name },
    );
  }
  if (value < min || value > max) {
    throw new ActivationError(
      `${where}: ${name} = ${value} is out of range; valid range is ${range}`,
      { culprit: name },
    );
  }
}
