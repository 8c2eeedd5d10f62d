// The labs' worker: lab-server.js on the wasm core, off the main thread.
import { loadActivations } from '../lib/activations.js';
import { createLabServer } from './lab-server.js';

const server = createLabServer(loadActivations(), (message) => postMessage(message));
addEventListener('message', (event) => server.receive(event.data));
