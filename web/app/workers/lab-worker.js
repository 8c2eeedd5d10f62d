// Runs the labs' heavy computations off the main thread, with the same wasm core through the
// same public API. Each lab has its own channel, and only a channel's newest request matters:
// one that arrives while an older one is running makes the older stop at its next step, so
// dragging a slider never queues up work.
import { loadActivations } from '../lib/activations.js';

const ready = loadActivations();
const newest = new Map(); // channel -> request
let busy = false;

const nextTask = () => new Promise((resolve) => setTimeout(resolve, 0));

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
    const results = [];
    try {
      for (const options of request.runs) {
        await nextTask(); // let a newer request in
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
  serve();
});
