// The labs' worker logic (web/app/workers/lab-server.js) in Node, on the real API: a preview,
// then the full results; a newer request stops a full run within one slice; errors are answered.
import assert from 'node:assert/strict';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { after, before, describe, test } from 'node:test';
import { API_URL, ROOT } from './support/paths.mjs';

const { loadActivations } = await import(API_URL);
const serverUrl = pathToFileURL(path.join(ROOT, 'web/app/workers/lab-server.js')).href;
const { createLabServer } = await import(serverUrl);

let api;
before(async () => {
  api = await loadActivations();
});

// The API, with every step of a stepped run reported to `onStep(options)`.
function spied(real, onStep) {
  const counts = { started: 0, disposed: 0 };
  const wrapped = {
    probeNetwork: (options) => real.probeNetwork(options),
    startProbeNetwork(options) {
      const run = real.startProbeNetwork(options);
      counts.started += 1;
      return {
        get finished() {
          return run.finished;
        },
        step(n) {
          onStep(options);
          return run.step(n);
        },
        result: () => run.result(),
        dispose() {
          counts.disposed += 1;
          run.dispose();
        },
      };
    },
  };
  return { wrapped, counts };
}

// A server on `apiPromise` whose answers can be awaited one by one.
function serverOn(apiPromise, now) {
  const answers = [];
  const waiters = [];
  const server = createLabServer(
    apiPromise,
    (message) => {
      const waiter = waiters.shift();
      if (waiter) waiter(message);
      else answers.push(message);
    },
    now,
  );
  const next = () =>
    answers.length ? answers.shift() : new Promise((resolve) => waiters.push(resolve));
  return { server, next };
}

const deep = (activation) => ({ activation, depth: 100, width: 128, batch: 256, seed: 4 });

describe('lab server', () => {
  const servers = [];
  after(() => servers.forEach((s) => s.close()));

  test('answers with a preview on a small batch, then the full results', async () => {
    const { wrapped, counts } = spied(api, () => {});
    const { server, next } = serverOn(Promise.resolve(wrapped));
    servers.push(server);
    const runs = [
      { activation: 'selu', depth: 30, width: 128, batch: 256, seed: 1 },
      { activation: 'tanh', depth: 30, width: 128, batch: 256, seed: 1, init: 'glorot_uniform' },
    ];
    server.receive({ channel: 'a', id: 1, runs });
    const preview = await next();
    assert.equal(preview.preview, true);
    assert.equal(preview.id, 1);
    const batch = preview.results[0].options.batch;
    assert.ok(batch < 256, `preview batch ${batch}`);
    assert.deepEqual(
      preview.results,
      runs.map((o) => api.probeNetwork({ ...o, batch })),
    );
    const full = await next();
    assert.equal(full.preview, undefined);
    assert.deepEqual(
      full.results,
      runs.map((o) => api.probeNetwork(o)),
    );
    assert.deepEqual(counts, { started: 4, disposed: 4 }, 'previews and full runs, all disposed');
  });

  test('a newer request stops a full run within one slice, and gets its own answers', async () => {
    // A clock that moves 1 ms per reading: a slice (8 ms) is then at most 8 steps, whatever
    // the machine's speed.
    let clock = 0;
    const SLICE = 8;
    let server;
    let stepsOfA = 0;
    let stepsOfAAfterB = 0;
    const b = { channel: 'lab', id: 2, runs: [{ ...deep('relu'), depth: 3 }] };
    const { wrapped, counts } = spied(api, (options) => {
      if (options.activation !== 'sigmoid' || options.batch !== 256) return; // A's full run
      stepsOfA += 1;
      if (stepsOfA === 20) server.receive(b);
      else if (stepsOfA > 20) stepsOfAAfterB += 1;
    });
    const made = serverOn(Promise.resolve(wrapped), () => clock++);
    server = made.server;
    servers.push(server);
    server.receive({ channel: 'lab', id: 1, runs: [deep('sigmoid'), deep('tanh')] });
    const previewA = await made.next();
    assert.deepEqual([previewA.id, previewA.preview], [1, true]);
    const second = await made.next();
    assert.ok(stepsOfA >= 20, `the full run was not run in steps (${stepsOfA} steps seen)`);
    assert.equal(second.id, 2, 'the replaced request must get no full answer');
    assert.ok(
      stepsOfAAfterB < SLICE,
      `${stepsOfAAfterB} steps of the old run after the newer request`,
    );
    const fullB = second.preview ? await made.next() : second;
    assert.equal(fullB.id, 2);
    assert.deepEqual(fullB.results, [api.probeNetwork(b.runs[0])]);
    assert.equal(counts.started, counts.disposed, 'every stepped run is disposed');
  });

  test('bad options and a core that failed to load are answered with an error', async () => {
    const { server, next } = serverOn(Promise.resolve(api));
    servers.push(server);
    server.receive({ channel: 'x', id: 7, runs: [{ activation: 'nope', depth: 5, width: 8 }] });
    const bad = await next();
    assert.equal(bad.id, 7);
    assert.equal(bad.error.culprit, 'nope');
    assert.match(bad.error.message, /unknown/i);
    server.receive({ channel: 'x', id: 8, runs: [{ activation: 'relu', depth: 2, width: 8 }] });
    assert.deepEqual((await next()).results, [
      api.probeNetwork({ activation: 'relu', depth: 2, width: 8 }),
    ]);

    const broken = serverOn(Promise.reject(new Error('no wasm')));
    servers.push(broken.server);
    broken.server.receive({ channel: 'y', id: 1, runs: [deep('relu')] });
    assert.deepEqual((await broken.next()).error.message, 'no wasm');
  });

  test('an answer the page fails to take is followed by an error, and the next request is served', async () => {
    const answers = [];
    let throws = 1;
    const server = createLabServer(Promise.resolve(api), (message) => {
      answers.push(message);
      if (message.results && throws-- > 0) throw new Error('render failed');
    });
    servers.push(server);
    const small = { activation: 'relu', depth: 2, width: 8, seed: 1 };
    const until = async (n) => {
      for (const start = Date.now(); answers.length < n;) {
        assert.ok(Date.now() - start < 10_000, `${answers.length} answers, not ${n}`);
        await new Promise((resolve) => setTimeout(resolve, 5));
      }
    };
    server.receive({ channel: 'z', id: 1, runs: [small] });
    await until(2);
    assert.deepEqual(
      answers.map((a) => [a.id, a.error?.message ?? 'results']),
      [
        [1, 'results'],
        [1, 'render failed'],
      ],
    );
    server.receive({ channel: 'z', id: 2, runs: [{ ...small, seed: 2 }] });
    await until(3);
    assert.deepEqual(answers[2].results, [api.probeNetwork({ ...small, seed: 2 })]);
  });
});
