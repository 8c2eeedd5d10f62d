// A lab's quick first answer: the same runs on a smaller batch.

// The probe costs about depth × width² × batch multiply-adds per run; a preview gets this many.
// A preview always finishes, so when a drag ends the last value waits for up to two of them
// (the one under way, then its own): at 3e7, 50–165 ms after a storm on the depth slider; at
// 1.5e7, 14–83 ms in five runs and 138 ms in a sixth, with 380 redraws in 10 s instead of 270.
// The 100 ms is met most of the time on the 2-core development machine, not always.
const PREVIEW_WORK = 1.5e7;
export const DEFAULT_BATCH = 256;

/** The runs on a batch small enough for a quick answer, or null if they are quick already. */
export function previewRuns(runs) {
  const work = runs.reduce((sum, o) => sum + o.depth * o.width * o.width, 0);
  const batch = Math.max(2, Math.floor(PREVIEW_WORK / Math.max(work, 1)));
  if (batch >= DEFAULT_BATCH || runs.some((o) => (o.batch ?? DEFAULT_BATCH) <= batch)) return null;
  return runs.map((o) => ({ ...o, batch }));
}
