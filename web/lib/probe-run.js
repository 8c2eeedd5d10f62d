import { ActivationError } from './errors.js';
import { checkCount, ownHandle, startHandle } from './handles.js';
import { echoOptions } from './options.js';
import { probeOptions } from './probe-options.js';

function started(core, check, options, registry) {
  const resolved = probeOptions(options, registry);
  const start = (handle) => resolved.beyond.restore(handle.start(resolved));
  return { resolved, handle: startHandle(core._ProbeRun, start, check) };
}

function result(resolved, raw) {
  const layers = Array.from(raw.mean, (mean, i) => ({
    mean,
    std: raw.std[i],
    saturated: raw.saturated[i],
    dead: raw.dead[i],
    gradientNorm: raw.gradientNorm[i],
  }));
  return {
    options: echoOptions(resolved),
    layers,
    histogram: { edges: raw.edges, counts: raw.counts },
  };
}

/** probeNetwork in one go (see activations.js). */
export function runProbe(core, check, options, registry) {
  const { resolved, handle } = started(core, check, options, registry);
  try {
    handle.step(handle.totalSteps());
    return result(resolved, handle.result());
  } finally {
    handle.delete();
  }
}

/** startProbeNetwork (see activations.js): the same run, a step at a time. */
export function startProbe(core, check, options, registry) {
  const { resolved, handle } = started(core, check, options, registry);
  const owned = ownHandle(handle, 'probeRun');
  const totalSteps = handle.totalSteps();
  let stepsDone = 0;

  return Object.freeze({
    /** The options in force, defaults filled in. */
    options: Object.freeze(echoOptions(resolved)),

    /** 2 × depth: each layer forward, then each layer backward. */
    totalSteps,

    get stepsDone() {
      return stepsDone;
    },

    get finished() {
      return stepsDone === totalSteps;
    },

    /** Runs up to `steps` more steps (a whole number ≥ 0, or Infinity); returns `finished`. */
    step(steps = 1) {
      const where = 'probeRun.step';
      checkCount(steps, 'steps', where, [0, Infinity]);
      const core = owned.use('step');
      stepsDone = core.step(Math.min(steps, totalSteps - stepsDone));
      return stepsDone === totalSteps;
    },

    /** probeNetwork's result, { options, layers, histogram }, once step() has returned true. */
    result() {
      const core = owned.use('result');
      if (stepsDone < totalSteps) {
        throw new ActivationError(
          `probeRun.result: the run is not finished (${stepsDone} of ${totalSteps} steps done); call step() until it returns true`,
          { culprit: 'probeRun' },
        );
      }
      return result(resolved, core.result());
    },

    /** Frees the run's memory in the core; any later call throws. */
    dispose() {
      owned.dispose();
    },

    get disposed() {
      return !owned.live;
    },
  });
}
