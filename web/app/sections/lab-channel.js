// A network lab's channel to the worker: answers may come faster than frames, so the newest is
// drawn at most once a frame; data-settled tells a preview (0) from the full batch (1).
import { describeError } from '../ui/status.js';
import { DEFAULT_BATCH, previewRuns } from '../workers/preview.js';
import { createRenderScheduler } from './render-scheduler.js';

// A preview's few inputs make noisy statistics (with 2 of them, half the ReLU units of a wide
// network look dead): its summary says it is provisional, and on how many inputs.
function provisional(runs) {
  const batch = previewRuns(runs)?.[0].batch;
  const full = runs[0]?.batch ?? DEFAULT_BATCH;
  return batch
    ? `Resultado provisional, con ${batch} entradas por lote (el definitivo usa ${full} y llega en unos segundos). `
    : 'Resultado provisional. ';
}

/**
 * render(runs) gets [{ id, depth, result, options }], one per run, in the order requested;
 * `options` is the very object the lab requested.
 */
export function labChannel({ client, name, root, summary, status, render }) {
  let incoming = null;
  const draw = createRenderScheduler(() => {
    root.dataset.settled = incoming.preview ? '0' : '1';
    render(incoming.runs);
    if (incoming.preview)
      summary.textContent = provisional(incoming.requested) + summary.textContent;
  });
  return client.channel(name, {
    onResults(results, runs, { preview }) {
      incoming = {
        runs: runs.map((o, i) => ({
          id: o.activation,
          depth: o.depth,
          result: results[i],
          options: o,
        })),
        requested: runs,
        preview,
      };
      draw();
    },
    onError: (error) => (summary.textContent = describeError(error)),
    onBusy: (busy) => (status.hidden = !busy),
  });
}
