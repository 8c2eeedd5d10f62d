// A lab's quick first answer: the same runs on a smaller batch.

// The probe costs about depth × width² × batch multiply-adds per run; a preview gets this many.
// A preview always finishes, so when a drag ends the last value waits for up to two of them
// (the one under way, then its own). On the 2-core development machine, the last value of a
// storm on the depth slider showed 50–165 ms after it at 3e7, and 14–138 ms at 1.5e7. Since
// the probe's small batches lost their fixed costs (a transposed copy of every layer's weights,
// weights redrawn at each new depth, subnormal gradients through sigmoid), most of a small
// preview's time no longer grows with its batch: six runs gave 13–45 ms and about 590 redraws in
// 10 s at 1.5e7, 12–35 ms and 570 at 3e7, 19–48 ms and 385 at 6e7. At 3e7 a preview has twice
// the inputs, so fewer units look dead by chance (a ReLU unit is dead in a batch of 2 with
// probability 1/4; of 4, 1/16).
const PREVIEW_WORK = 3e7;
export const DEFAULT_BATCH = 256;

/** The runs on a batch small enough for a quick answer, or null if they are quick already. */
export function previewRuns(runs) {
  const work = runs.reduce((sum, o) => sum + o.depth * o.width * o.width, 0);
  const batch = Math.max(2, Math.floor(PREVIEW_WORK / Math.max(work, 1)));
  if (batch >= DEFAULT_BATCH || runs.some((o) => (o.batch ?? DEFAULT_BATCH) <= batch)) return null;
  return runs.map((o) => ({ ...o, batch }));
}
