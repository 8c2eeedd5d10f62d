// The lab worker's logic (lab-worker.js wires it to the worker's messages): the labs' heavy
// computations, through the public API. Each lab has its own channel, and only a channel's
// newest request matters.
//
// A request is answered twice: first a preview on a small batch (a few tens of milliseconds,
// always finished, so a slider dragged without pause still moves the chart), then, once the
// slider rests, the full batch, run a few layers at a time (startProbeNetwork) so that a newer
// request stops it within one slice. Dragging never queues up work.
import { previewRuns } from './preview.js';

// A run computes for this long between two looks at the message queue (and, where there is no
// worker, between two chances for the page to paint).
const SLICE_MS = 8;
// After a preview, the full runs wait this long for the slider to rest: started in the middle
// of a drag, they would be thrown away a slice later.
const SETTLE_MS = 60;

/**
 * `ready` resolves to the API (or rejects); `post(message)` answers the page; `now()` reads a
 * clock in milliseconds. Returns { receive(request) } for each { channel, id, runs } request,
 * and close(), which lets a Node test end (a worker never calls it).
 */
export function createLabServer(ready, post, now = () => performance.now()) {
  const newest = new Map(); // channel -> request
  let busy = false;

  // Lets queued messages in. A MessageChannel, not setTimeout(0), which browsers stretch to 4 ms
  // once timers nest.
  const tick = new MessageChannel();
  let resume = null;
  tick.port1.onmessage = () => resume?.();
  const nextTask = () =>
    new Promise((resolve) => {
      resume = resolve;
      tick.port2.postMessage(null);
    });
  let wake = null; // ends a settle early when a request arrives

  function settle() {
    return new Promise((resolve) => {
      const timer = setTimeout(resolve, SETTLE_MS);
      wake = () => {
        clearTimeout(timer);
        resolve();
      };
    }).finally(() => (wake = null));
  }

  function fail(request, error) {
    const { message, code, culprit } = error;
    post({
      channel: request.channel,
      id: request.id,
      error: { message: String(message ?? error), code, culprit },
    });
  }

  // Every run's result, computed a slice at a time; null as soon as `replaced()` says a newer
  // request came.
  async function runAll(api, runs, replaced = () => false) {
    const results = [];
    for (const options of runs) {
      const run = api.startProbeNetwork(options);
      try {
        while (!run.finished) {
          await nextTask();
          if (replaced()) return null;
          const until = now() + SLICE_MS;
          while (!run.step() && now() < until);
        }
        results.push(run.result());
      } finally {
        run.dispose();
      }
    }
    return results;
  }

  async function serve() {
    if (busy) return;
    busy = true;
    try {
      const api = await ready.catch((error) => ({ error }));
      while (newest.size > 0) {
        const [channel, request] = newest.entries().next().value;
        newest.delete(channel);
        if (api.error) fail(request, api.error);
        else await answer(api, channel, request);
      }
    } finally {
      busy = false; // even if `post` threw: the next request is served
    }
  }

  // A preview (if the runs are heavy), then, once no newer request has come, the full runs.
  // Errors, the core's or a `post` that throws (on the main thread, a lab's render), are sent
  // as the request's answer.
  async function answer(api, channel, request) {
    try {
      const preview = previewRuns(request.runs);
      if (preview) {
        // Always finished, but in slices too: on the main thread, it must not hold a frame.
        const results = await runAll(api, preview);
        post({ channel, id: request.id, results, preview: true });
        if (!newest.has(channel)) await settle();
      }
      if (newest.has(channel)) return;
      const results = await runAll(api, request.runs, () => newest.has(channel));
      if (results) post({ channel, id: request.id, results });
    } catch (error) {
      fail(request, error);
    }
  }

  return {
    receive(request) {
      newest.set(request.channel, request);
      wake?.();
      serve();
    },
    close() {
      tick.port1.close();
    },
  };
}
