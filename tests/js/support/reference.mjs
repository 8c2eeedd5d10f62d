// Readers for the TSV files that tests/reference/generate.py and the native dump write, and the
// ULP distance the C++ tests use, so both suites judge alike.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { REFERENCE_DIR } from './paths.mjs';

const SPECIAL = { inf: Infinity, '+inf': Infinity, '-inf': -Infinity, nan: NaN, '-nan': NaN };

export function parseNumber(text) {
  const value = text in SPECIAL ? SPECIAL[text] : Number(text);
  if (Number.isNaN(value) && !(text in SPECIAL)) throw new Error(`bad number ${text}`);
  return value;
}

function rows(file) {
  return readFileSync(path.join(REFERENCE_DIR, file), 'utf8')
    .split('\n')
    .filter((line) => line && !line.startsWith('#'))
    .map((line) => line.split('\t'));
}

export function parseParams(text) {
  if (text === '-') return {};
  return Object.fromEntries(
    text.split(',').map((pair) => {
      const [name, value] = pair.split('=');
      return [name, parseNumber(value)];
    }),
  );
}

/** [{ id, params, paramsText, z, f, df }] */
export function readElementwise(file = 'elementwise.tsv') {
  return rows(file).map(([id, paramsText, z, f, df]) => ({
    id,
    paramsText,
    params: parseParams(paramsText),
    z: parseNumber(z),
    f: parseNumber(f),
    df: parseNumber(df),
  }));
}

/** [{ id, temperature, logits, output, jacobian }] */
export function readVector(file = 'vector.tsv') {
  const list = (text) => text.split(',').map(parseNumber);
  return rows(file).map(([id, t, logits, y, jac]) => ({
    id,
    temperature: parseNumber(t),
    logits: list(logits),
    output: list(y),
    jacobian: list(jac),
  }));
}

const buffer = new DataView(new ArrayBuffer(8));
function key(x) {
  buffer.setFloat64(0, x);
  const bits = buffer.getBigInt64(0);
  return bits >= 0n ? bits : -(bits & 0x7fffffffffffffffn);
}

/** Doubles between a and b; NaN matches NaN only, an infinity matches itself only. */
export function ulpDistance(a, b) {
  if (Number.isNaN(a) || Number.isNaN(b)) return Number.isNaN(a) && Number.isNaN(b) ? 0 : Infinity;
  if (!Number.isFinite(a) || !Number.isFinite(b)) return a === b ? 0 : Infinity;
  const d = key(a) - key(b);
  return Number(d < 0n ? -d : d);
}

/** Groups rows by a key function, keeping order. */
export function groupBy(items, keyOf) {
  const groups = new Map();
  for (const item of items) {
    const k = keyOf(item);
    if (!groups.has(k)) groups.set(k, []);
    groups.get(k).push(item);
  }
  return groups;
}
