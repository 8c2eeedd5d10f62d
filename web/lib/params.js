import { ActivationError, clip, describe } from './errors.js';
import { plainKeys } from './plain.js';

/**
 * Splits `{ alpha: 1.5 }` into names and numbers for the core. A yes/no parameter (GELU's
 * `approximate`) takes true and false, which cross as 1 and 0; any other parameter takes only
 * numbers. A value of the wrong type is rejected here, with the parameter's valid range from
 * `spec` (the activation's entry in list()). An unknown id or name is the core's to report, with
 * the valid ones, whatever its value; ranges are the core's to check too. Names cross clipped
 * (see clip()), so a huge unknown name gets a short message.
 */
export function splitParams(params, where, spec) {
  if (params === undefined || params === null) return { names: [], values: [] };
  const names = plainKeys(params, { name: 'params', example: '{ alpha: 1.5 }', where });
  const values = names.map((name) => {
    const value = params[name];
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
  return { names: names.map(clip), values };
}

/** The registry entry of `id` (or of the function it is an alias of), if there is one. */
export function specOf(registry, id) {
  return registry.find((s) => s.id === id || s.aliases.includes(id));
}
