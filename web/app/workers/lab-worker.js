// Runs the labs' heavy computations off the main thread, with the same wasm core through the
// same public API. Each lab has its own channel, and only a channel's newest request matters.
// A request is answered twice: first a preview on a small batch (a few tens of milliseconds,
// always finished, so a slider dragged without pause still moves the chart), then, once the
// slider rests, the full batch, which a newer request interrupts at its next step. Dragging
// never queues up work.
import { loadActivations } from '../lib/activations.js';
import { previewRuns } from './preview.js';

const ready = loadActivations();
const newest = new Map(); // channel -> request
let busy = false;

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
// After a preview, the full runs wait this long for the slider to rest: one full run cannot be
// interrupted, and starting one in the middle of a drag would hold the next preview back.
const SETTLE_MS = 60;
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
  postMessage({
    channel: request.channel,
    id: request.id,
    error: { message: String(message ?? error), code, culprit },
  });
}

async function serve() {
  if (busy) return;
  busy = true;
  const api = await ready.catch((error) => ({ error }));
  while (newest.size > 0) {
    const [channel, request] = newest.entries().next().value;
    newest.delete(channel);
    if (api.error) {
      fail(request, api.error);
      continue;
    }
    const preview = previewRuns(request.runs);
    try {
      if (preview) {
        const results = preview.map((options) => api.probeNetwork(options));
        postMessage({ channel, id: request.id, results, preview: true });
      }
    } catch (error) {
      fail(request, error);
      continue;
    }
    if (preview && !newest.has(channel)) await settle();
    if (newest.has(channel)) continue;
    const results = [];
    try {
      for (const options of request.runs) {
        await sleep(0); // let a newer request in
        if (newest.has(channel)) break;
        results.push(api.probeNetwork(options));
      }
    } catch (error) {
      fail(request, error);
      continue;
    }
    if (!newest.has(channel)) postMessage({ channel, id: request.id, results });
  }
  busy = false;
}

addEventListener('message', (event) => {
  newest.set(event.data.channel, event.data);
  wake?.();
  serve();
});
