// The page's side of the lab worker. channel(name).request(runs) resolves with the results of
// that channel's newest request only (older ones resolve with null); after 150 ms without an
// answer `onBusy(true)` lets the section show that it is working. Where no module worker can
// start (an old browser, a sandbox), the same API runs on the main thread instead.
import { ActivationError } from '../lib/activations.js';

const BUSY_AFTER_MS = 150;

export function createLabClient(api) {
  let worker = null;
  try {
    worker = new Worker(new URL('./lab-worker.js', import.meta.url), { type: 'module' });
  } catch {
    worker = null;
  }
  let counter = 0;
  const pending = new Map(); // id -> { channel, resolve, reject, timer, onBusy, runs }

  function settle(id, outcome) {
    const p = pending.get(id);
    if (!p) return;
    for (const [key, other] of pending) {
      if (other.channel === p.channel && key < id) {
        clearTimeout(other.timer);
        other.resolve(null); // superseded
        pending.delete(key);
      }
    }
    pending.delete(id);
    clearTimeout(p.timer);
    p.onBusy(false);
    if (outcome.error) {
      const { message, code, culprit } = outcome.error;
      p.reject(new ActivationError(message, { code, culprit }));
    } else p.resolve(outcome.results);
  }

  function runHere(id, runs) {
    setTimeout(() => {
      try {
        settle(id, { results: runs.map((o) => api.probeNetwork(o)) });
      } catch (error) {
        settle(id, { error });
      }
    }, 0);
  }

  worker?.addEventListener('message', (event) => settle(event.data.id, event.data));
  worker?.addEventListener('error', (event) => {
    // The worker could not start (a missing file, no module workers): answer on this thread.
    event.preventDefault();
    worker = null;
    for (const [id, p] of pending) runHere(id, p.runs);
  });

  return {
    channel(name) {
      return {
        request(runs, onBusy = () => {}) {
          const id = ++counter;
          return new Promise((resolve, reject) => {
            const timer = setTimeout(() => onBusy(true), BUSY_AFTER_MS);
            pending.set(id, { channel: name, resolve, reject, timer, onBusy, runs });
            if (worker) worker.postMessage({ channel: name, id, runs });
            else runHere(id, runs);
          });
        },
      };
    },
  };
}
