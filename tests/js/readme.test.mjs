// The README's Node example must run exactly as written and print what the README says.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { ROOT } from './support/paths.mjs';

const readme = readFileSync(path.join(ROOT, 'README.md'), 'utf8');
const [, example, printed] = readme.match(
  /<!-- ejemplo-node -->\s*```js\n([\s\S]*?)```[\s\S]*?```text\n([\s\S]*?)```/,
);

test('the README example runs in Node and prints what the README shows', () => {
  assert.match(example, /from '\.\/dist\/lib\/activations\.js'/);
  const output = execFileSync(process.execPath, ['--input-type=module', '-'], {
    cwd: ROOT,
    input: example,
    encoding: 'utf8',
  });
  assert.equal(output.trim(), printed.trim());
  assert.match(output, /ELU\(z\) {2}= \[ -1\.2969970/);
});
