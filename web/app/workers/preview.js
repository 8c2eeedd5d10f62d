// A lab's quick first answer: the same runs on a smaller batch.

// The probe costs about depth × width² × batch multiply-adds per run; a preview gets this many.
// A preview always finishes, so when a drag ends the last value waits for up to two of them
// (the one under way, then its own). On the 2-core development machine, the last value of a
// storm on the depth slider showed 50–165 ms after it at 3e7; at 1.5e7, 14–138 ms. Since the
// probe's small batches lost their fixed costs (a transposed copy of every layer's weights,
// weights redrawn at each new depth, subnormal gradients through sigmoid), 13–45 ms, with 590
// redraws in 10 s instead of 380.
const PREVIEW_WORK = 1.5e7;
export const DEFAULT_BATCH = 256;

/** The runs on a batch small enough for a quick answer, or null if they are quick already. */
export function previewRuns(runs) {
  const work = runs.reduce((sum, o) => sum + o.depth * o.width * o.width, 0);
  const batch = Math.max(2, Math.floor(PREVIEW_WORK / Math.max(work, 1)));
  if (batch >= DEFAULT_BATCH || runs.some((o) => (o.batch ?? DEFAULT_BATCH) <= batch)) return null;
  return runs.map((o) => ({ ...o, batch }));
}
