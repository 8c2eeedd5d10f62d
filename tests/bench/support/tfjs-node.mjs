// TensorFlow.js in Node, with its wasm backend's binaries found in node_modules.
import { createRequire } from 'node:module';
import path from 'node:path';

const require = createRequire(import.meta.url);

export async function loadTfjs() {
  // TF.js logs a hint about tfjs-node on import; keep the output readable.
  const log = console.log;
  console.log = () => {};
  const tf = await import('@tensorflow/tfjs');
  const { setWasmPaths } = await import('@tensorflow/tfjs-backend-wasm');
  console.log = log;
  setWasmPaths(
    `${path.dirname(require.resolve('@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm.wasm'))}/`,
  );
  return tf;
}
