// The training lab's worker: the session (../training/session.js) on the wasm core, off the
// main thread, so the page stays responsive however fast the network trains.
import { loadActivations } from '../lib/activations.js';
import { createSession } from '../training/session.js';

const queue = [];
let session = null;

loadActivations().then(
  (api) => {
    session = createSession(api, (message, transfer) => postMessage(message, transfer));
    for (const message of queue.splice(0)) session.handle(message);
  },
  (error) => postMessage({ type: 'error', error: { message: String(error?.message ?? error) } }),
);

addEventListener('message', (event) => {
  if (session) session.handle(event.data);
  else queue.push(event.data);
});
