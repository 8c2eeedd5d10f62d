import { ActivationError, describe } from './errors.js';
import { checkCount, ownHandle, startHandle } from './handles.js';
import { createBeyond, echoOptions } from './options.js';
import { trainerOptions } from './trainer-options.js';

const MAX_GRID = 512;

/**
 * Makes a trainer on the core `core` (see createTrainer in activations.js); `check` turns a
 * core status into a thrown ActivationError; `registry` is list().
 */
export function makeTrainer(core, check, options, registry) {
  const resolved = trainerOptions(options, registry);
  const create = (h) => resolved.beyond.restore(h.create(resolved));
  const handle = startHandle(core._Trainer, create, check);
  const owned = ownHandle(handle, 'trainer');
  const use = owned.use;

  return Object.freeze({
    /** The options in force, defaults filled in. */
    options: Object.freeze(echoOptions(resolved)),

    /** Trains `epochs` more epochs (0 to 1000); returns { epoch, trainLoss, testLoss }. */
    step(epochs = 1) {
      if (typeof epochs !== 'number') {
        throw new ActivationError(
          `trainer.step: epochs must be a number, got ${describe(epochs)}`,
          { culprit: 'epochs' },
        );
      }
      // The core knows the valid range: a fraction goes there to be named with it.
      const beyond = createBeyond();
      const raw = use('step').step(beyond.toInt32(epochs, 'epochs'));
      check(beyond.restore(raw));
      return { epoch: raw.epoch, trainLoss: raw.trainLoss, testLoss: raw.testLoss };
    },

    /**
     * P(class 1) on an n×n grid over [-6, 6]², row-major from the top left: row i has
     * x₂ = 6 − 12i/(n−1), column j has x₁ = −6 + 12j/(n−1). n in [2, 512]. Pass `out` (a
     * Float64Array of n·n) to reuse a buffer.
     */
    predictGrid(n = 100, out = undefined) {
      const where = 'trainer.predictGrid';
      checkCount(n, 'n', where, [2, MAX_GRID]);
      const target = out ?? new Float64Array(n * n);
      if (!(target instanceof Float64Array) || target.length !== n * n) {
        throw new ActivationError(
          `${where}: out must be a Float64Array of ${n * n} elements, got ${describe(target)}`,
          { culprit: 'out' },
        );
      }
      check(use('predictGrid').predictGrid(n, target));
      return target;
    },

    /** Every layer's weights (out × in, row-major) and biases, as copies. */
    weights() {
      return use('weights').layers();
    },

    /** Per hidden layer, the indices of the units that are 0 on every training point. */
    deadUnits() {
      return use('deadUnits').deadUnits();
    },

    /** The training and test points, as Float64Arrays of (x₁, x₂, label) triples. */
    points() {
      return use('points').points();
    },

    /** Frees the trainer's memory in the core; any later call throws. */
    dispose() {
      owned.dispose();
    },

    get disposed() {
      return !owned.live;
    },
  });
}
