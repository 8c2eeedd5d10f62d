// The page's side of the training session: in a module worker where one can start, on the main
// thread otherwise (an old browser, a sandboxed embed). `send` takes the session's messages;
// `onMessage` receives its updates and errors.
import { createSession } from './session.js';

export function createTrainingClient(api, onMessage) {
  let worker = null;
  let local = null;
  let lastConfigure = null;
  let playing = false;

  function runHere() {
    worker = null;
    // Answers arrive in a later task, as they would from a worker.
    local = createSession(api, (message) => setTimeout(() => onMessage(message), 0));
    if (lastConfigure) local.handle({ ...lastConfigure, playing });
  }

  try {
    worker = new Worker(new URL('./train-worker.js', import.meta.url), { type: 'module' });
    worker.addEventListener('message', (event) => onMessage(event.data));
    worker.addEventListener('error', (event) => {
      event.preventDefault();
      runHere();
    });
  } catch {
    runHere();
  }

  return {
    send(message) {
      if (message.type === 'configure') lastConfigure = message;
      if (message.type === 'configure') playing = message.playing;
      if (message.type === 'play') playing = true;
      if (message.type === 'pause' || message.type === 'step') playing = false;
      if (worker) worker.postMessage(message);
      else local.handle(message);
    },
  };
}
