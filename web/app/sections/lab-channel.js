// A network lab's channel to the worker: answers may come faster than frames, so the newest is
// drawn at most once a frame; data-settled tells a preview (0) from the full batch (1).
import { describeError } from '../ui/status.js';
import { createRenderScheduler } from './render-scheduler.js';

/** render(runs) gets [{ id, depth, result }], one per run, in the order requested. */
export function labChannel({ client, name, root, summary, status, render }) {
  let incoming = null;
  const draw = createRenderScheduler(() => {
    root.dataset.settled = incoming.preview ? '0' : '1';
    render(incoming.runs);
  });
  return client.channel(name, {
    onResults(results, runs, { preview }) {
      incoming = {
        runs: runs.map((o, i) => ({ id: o.activation, depth: o.depth, result: results[i] })),
        preview,
      };
      draw();
    },
    onError: (error) => (summary.textContent = describeError(error)),
    onBusy: (busy) => (status.hidden = !busy),
  });
}
