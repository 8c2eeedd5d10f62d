import { fileURLToPath } from 'node:url';
import path from 'node:path';

export const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
export const DIST = path.resolve(ROOT, process.env.ACTIVATIONS_DIST ?? 'dist');
export const NATIVE_BUILD = path.resolve(
  ROOT,
  process.env.ACTIVATIONS_NATIVE_BUILD ?? 'build/native',
);
export const REFERENCE_DIR = path.join(NATIVE_BUILD, 'tests', 'reference');
export const API_URL = new URL(`file://${path.join(DIST, 'lib', 'activations.js')}`).href;
