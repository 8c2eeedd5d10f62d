// The page's side of the lab worker. Each lab talks on its own channel:
//   const channel = client.channel(name, { onResults, onError, onBusy });
//   channel.request(runs);
// onResults(results, runs, { preview }) gets every answer that is newer than what the lab shows:
// the quick preview of a request, then its full results. Answers to requests that a newer one
// has replaced are dropped, except previews that are still the newest thing to show, so a slider
// dragged without pause keeps the chart moving. The worker gets one request at a time per
// channel: the next one waits here for the first answer to the last, so a storm of slider moves
// never piles up messages in the worker's queue (only the newest waiting request is kept). After
// 150 ms without an answer to the newest request, onBusy(true) lets the lab show that it is
// working. Where no module worker can start (an old browser, a sandboxed frame), the worker's own
// logic (lab-server.js) runs on the main thread instead, in the same short slices, so a deep
// network never freezes the page.
import { ActivationError } from '../lib/activations.js';
import { createLabServer } from './workers/lab-server.js';

const BUSY_AFTER_MS = 150;

export function createLabClient(api) {
  let worker = null;
  try {
    worker = new Worker(new URL('./lab-worker.js', import.meta.url), { type: 'module' });
  } catch {
    worker = null;
  }
  let counter = 0;
  const channels = new Map(); // name -> channel state

  function receive({ channel: name, id, results, preview, error }) {
    const ch = channels.get(name);
    if (ch && id === ch.sent) sendWaiting(name, ch);
    if (!ch || id < ch.shown || (preview && id === ch.shown)) return;
    const runs = ch.requests.get(id);
    if (!runs) return;
    ch.shown = id;
    // Requests older than this answer will never be shown.
    for (const key of ch.requests.keys()) if (key < id) ch.requests.delete(key);
    if (!preview) ch.requests.delete(id);
    clearTimeout(ch.timer);
    ch.timer = 0;
    ch.onBusy(false);
    // Still working: on a newer request, or on the full batch after a preview.
    if (id < ch.newest || preview) ch.timer = setTimeout(() => ch.onBusy(true), BUSY_AFTER_MS);
    if (error) {
      const { message, code, culprit } = error;
      ch.onError(new ActivationError(message, { code, culprit }));
    } else ch.onResults(results, runs, { preview: !!preview });
  }

  let local = null; // lab-server.js on this thread, once no worker can run
  function deliver(message) {
    if (worker) worker.postMessage(message);
    else (local ??= createLabServer(Promise.resolve(api), receive)).receive(message);
  }

  function sendWaiting(name, ch) {
    ch.sent = 0;
    if (!ch.waiting) return;
    const { id, runs } = ch.waiting;
    ch.waiting = null;
    ch.sent = id;
    deliver({ channel: name, id, runs });
  }

  worker?.addEventListener('message', (event) => receive(event.data));
  worker?.addEventListener('error', (event) => {
    // The worker could not start (a missing file, no module workers): answer on this thread.
    event.preventDefault();
    worker = null;
    for (const [name, ch] of channels) {
      if (!ch.requests.has(ch.newest)) continue;
      ch.waiting = { id: ch.newest, runs: ch.requests.get(ch.newest) };
      sendWaiting(name, ch);
    }
  });

  return {
    channel(name, { onResults, onError = () => {}, onBusy = () => {} }) {
      const ch = {
        onResults,
        onError,
        onBusy,
        requests: new Map(),
        newest: 0,
        shown: 0,
        timer: 0,
        sent: 0, // the request the worker has and has not answered yet
        waiting: null, // the newest request not sent yet
      };
      channels.set(name, ch);
      return {
        request(runs) {
          const id = ++counter;
          ch.newest = id;
          ch.requests.set(id, runs);
          ch.timer ||= setTimeout(() => ch.onBusy(true), BUSY_AFTER_MS);
          ch.waiting = { id, runs };
          if (!ch.sent) sendWaiting(name, ch);
        },
      };
    },
  };
}
