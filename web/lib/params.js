import { ActivationError, clip, describe } from './errors.js';
import { plainKeys } from './plain.js';

/**
 * Splits `{ alpha: 1.5 }` into names and numbers for the core. A yes/no parameter (GELU's
 * `approximate`) takes true and false, which cross as 1 and 0; any other parameter takes only
 * numbers. A value of the wrong type is rejected here, with the parameter's valid range from
 * `spec` (the activation's entry in list()). An unknown id or name is the core's to report, with
 * the valid ones, whatever its value; ranges are the core's to check too. Names cross clipped
 * (see clip()), so a huge unknown name gets a short message. `given` holds the values as the
 * caller wrote them.
 */
export function splitParams(params, where, spec) {
  if (params === undefined || params === null) return { names: [], values: [], given: [] };
  const keys = plainKeys(params, { name: 'params', example: '{ alpha: 1.5 }', where });
  // Each value read once (a getter runs once), and kept as given for echoes. Undefined is no
  // value, as for an option: the default stays.
  const read = keys.map((name) => [name, params[name]]).filter(([, v]) => v !== undefined);
  const names = read.map(([name]) => name);
  const given = read.map(([, v]) => v);
  const values = names.map((name, i) => {
    const value = given[i];
    const param = spec?.params.find((p) => p.name === name);
    if (!param) return typeof value === 'number' ? value : NaN;
    const yesNo = param.type === 'boolean';
    if (yesNo && typeof value === 'boolean') return value ? 1 : 0;
    if (typeof value !== 'number') {
      const valid = yesNo ? 'true or false' : `a number in ${param.range}`;
      throw new ActivationError(
        `${where}: parameter "${clip(name)}" must be ${valid}, got ${describe(value)}`,
        { culprit: clip(name) },
      );
    }
    return value;
  });
  return { names: names.map(clip), values, given };
}

/** The registry entry of `id` (or of the function it is an alias of), if there is one. */
export function specOf(registry, id) {
  return registry.find((s) => s.id === id || s.aliases.includes(id));
}
