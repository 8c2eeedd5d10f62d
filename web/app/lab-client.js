// The page's side of the lab worker. Each lab talks on its own channel:
//   const channel = client.channel(name, { onResults, onError, onBusy });
//   channel.request(runs);
// onResults(results, runs, { preview }) gets every answer that is newer than what the lab shows:
// the quick preview of a request, then its full results. Answers to requests that a newer one
// has replaced are dropped, except previews that are still the newest thing to show, so a slider
// dragged without pause keeps the chart moving. The worker gets one request at a time per
// channel: the next one waits here for the first answer to the last, so a storm of slider moves
// never piles up messages in the worker's queue (only the newest waiting request is kept). After 150 ms without an answer to the newest
// request, onBusy(true) lets the lab show that it is working. Where no module worker can start
// (an old browser, a sandbox), the same API runs on the main thread instead.
import { ActivationError } from '../lib/activations.js';
import { previewRuns } from './workers/preview.js';

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

  // On the main thread: a preview and the full runs, each in its own task, newest request only.
  function runHere(name, id, runs) {
    const run = (list, preview) => {
      if (channels.get(name).newest !== id) return;
      try {
        receive({ channel: name, id, preview, results: list.map((o) => api.probeNetwork(o)) });
      } catch (error) {
        receive({ channel: name, id, error });
      }
    };
    const preview = previewRuns(runs);
    if (preview) setTimeout(() => run(preview, true), 0);
    setTimeout(() => run(runs, false), 0);
  }

  function sendWaiting(name, ch) {
    ch.sent = 0;
    if (!ch.waiting || !worker) return;
    const { id, runs } = ch.waiting;
    ch.waiting = null;
    ch.sent = id;
    worker.postMessage({ channel: name, id, runs });
  }

  worker?.addEventListener('message', (event) => receive(event.data));
  worker?.addEventListener('error', (event) => {
    // The worker could not start (a missing file, no module workers): answer on this thread.
    event.preventDefault();
    worker = null;
    for (const [name, ch] of channels) {
      if (ch.requests.has(ch.newest)) runHere(name, ch.newest, ch.requests.get(ch.newest));
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
          if (!worker) runHere(name, id, runs);
          else {
            ch.waiting = { id, runs };
            if (!ch.sent) sendWaiting(name, ch);
          }
        },
      };
    },
  };
}
