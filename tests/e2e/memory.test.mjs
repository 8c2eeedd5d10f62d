// No leaks, no lag. A long session of API calls and slider moves must leave the wasm allocator and
// the JS heap where they were after warm-up, and an input storm must not build a backlog: the
// frame after the storm shows its last value.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { useBrowser } from './support/harness.mjs';
import { heapBytes } from './support/heap.mjs';

const ctx = useBrowser();

/** The JS heap after a full garbage collection (CDP), and the core's memory. */
async function measure(page, cdp) {
  const js = await heapBytes(cdp);
  const core = await page.evaluate(() => window.activaciones.api.memoryUsage());
  return { js: js.program, jsTotal: js.total, ...core };
}

/** `count` calls of every kind the API offers, good and bad, from inside the page. */
function apiCalls(page, count) {
  return page.evaluate((n) => {
    const api = window.activaciones.api;
    const ids = api
      .list()
      .filter((s) => s.kind === 'elementwise')
      .map((s) => s.id);
    const z64 = Array.from({ length: 257 }, (_, i) => (i - 128) / 16);
    const z32 = new Float32Array(z64);
    let errors = 0;
    for (let i = 0; i < n; i += 1) {
      const id = ids[i % ids.length];
      try {
        switch (i % 10) {
          case 0:
          case 1:
          case 2:
            api.evaluate(id, z64);
            break;
          case 3:
          case 4:
            api.evaluate(id, z32);
            break;
          case 5:
            api.softmax([1, 2, 3, i % 7]);
            break;
          case 6:
            api.softmaxJacobian([1, -2, 0.5, i % 5], 0.5);
            break;
          case 7:
            api.logSoftmax([i % 3, 2, -1]);
            break;
          case 8:
            api.evaluate(id, z64, { nope: 1 }); // throws
            break;
          default:
            api.evaluate('elu', z32, { alpha: Number.NaN }); // throws
        }
      } catch {
        errors += 1;
      }
    }
    // Trainers and probes hold real memory: create and free some.
    for (let i = 0; i < 20; i += 1) {
      const trainer = api.createTrainer({ dataset: 'xor', seed: i });
      trainer.step(2);
      trainer.predictGrid(20);
      trainer.dispose();
      api.probeNetwork({ activation: 'tanh', depth: 5, width: 16, batch: 32, seed: i });
    }
    return errors;
  }, count);
}

/** `count` moves of a slider, 20 per frame, as a fast drag would produce them. */
function sliderMoves(page, selector, count) {
  return page.evaluate(
    async ([s, n]) => {
      const input = document.querySelector(s);
      const min = Number(input.min);
      const steps = Math.round((Number(input.max) - min) / Number(input.step));
      for (let i = 0; i < n; i += 1) {
        input.value = String(min + ((i * 7) % (steps + 1)) * Number(input.step));
        input.dispatchEvent(new Event('input', { bubbles: true }));
        if (i % 20 === 19) await new Promise(requestAnimationFrame);
      }
    },
    [selector, count],
  );
}

describe('no leaks', () => {
  test('100,000 API calls and 10,000 slider moves leave both heaps where warm-up left them', async () => {
    const page = await ctx.open('#elu');
    const cdp = await page.context().newCDPSession(page);
    const alpha = '#elu input[name="alpha"]';
    const zmax = '#tanh input[name="zmax"]';

    // Warm-up: scratch buffers reach their size, caches fill.
    await apiCalls(page, 5000);
    await sliderMoves(page, alpha, 500);
    await sliderMoves(page, zmax, 500);
    const before = await measure(page, cdp);

    assert.equal(await apiCalls(page, 100_000), 20_000, 'every bad call threw');
    await sliderMoves(page, alpha, 5000);
    await sliderMoves(page, zmax, 5000);
    const after = await measure(page, cdp);

    console.log(
      `memory: wasm in use ${before.inUseBytes} → ${after.inUseBytes} B, wasm memory ` +
        `${before.heapBytes} → ${after.heapBytes} B, JS objects ${before.js} → ${after.js} B, ` +
        `JS heap with compiled code ${before.jsTotal} → ${after.jsTotal} B`,
    );
    assert.equal(after.inUseBytes, before.inUseBytes, 'the core kept memory');
    assert.equal(after.heapBytes, before.heapBytes, 'the wasm memory grew');
    // A leak of one redrawn curve per move (600 points) would be tens of megabytes, and of one
    // small object per call, megabytes; a few kilobytes come and go with the page's own timers.
    assert.ok(after.js - before.js < 32 * 1024, `JS objects grew by ${after.js - before.js} B`);
    assert.deepEqual(await page.problems(), []);
    await page.close(); // so that it takes no share of the next test's time
  });
});

describe('no lag', () => {
  /**
   * Moves `selector` 1,000 times a second for `ms`, one move per task so the page can paint in
   * between, then waits for the frame that shows the last value (`window.__shows(value)`).
   * Returns the delay from the storm's end to that frame, and how many frames were drawn.
   */
  async function storm(page, selector, ms = 10_000) {
    return page.evaluate(
      async ([s, duration]) => {
        const input = document.querySelector(s);
        const shows = window.__shows;
        const lab = input.closest('[data-lab]');
        const rendersBefore = Number(lab.dataset.renders ?? 0);
        const min = Number(input.min);
        const step = Number(input.step);
        const steps = Math.round((Number(input.max) - min) / step);
        const channel = new MessageChannel();
        const nextTask = () =>
          new Promise((resolve) => {
            channel.port1.onmessage = resolve;
            channel.port2.postMessage(0);
          });
        const start = performance.now();
        let moves = 0;
        let value = input.value;
        while (performance.now() - start < duration) {
          // One move per elapsed millisecond: 1,000 a second.
          while (moves < Math.floor(performance.now() - start)) {
            value = String(min + ((moves * 13) % (steps + 1)) * step);
            input.value = value;
            input.dispatchEvent(new Event('input', { bubbles: true }));
            moves += 1;
          }
          await nextTask();
        }
        const end = performance.now();
        for (;;) {
          await new Promise(requestAnimationFrame);
          if (shows(Number(input.value))) break;
          if (performance.now() - end > 5000) return { delay: Infinity, moves };
        }
        return {
          delay: performance.now() - end,
          moves,
          frames: Number(lab.dataset.renders ?? 0) - rendersBefore,
        };
      },
      [selector, ms],
    );
  }

  test('a slider moved 1,000 times a second for 10 s: the next frames show its last value', async () => {
    const page = await ctx.open('#elu');
    // ELU's curve at its left end is α(e^z − 1): the chart shows α when that point matches.
    await page.evaluate(() => {
      window.__shows = (alpha) => {
        const point = window.activaciones.charts.elu.data.datasets[0].data[0];
        const want = alpha * Math.expm1(point.x);
        return Math.abs(point.y - want) <= 1e-6 * Math.abs(want);
      };
    });
    const result = await storm(page, '#elu input[name="alpha"]');
    console.log(`storm (ELU α): ${JSON.stringify(result)}`);
    assert.ok(result.moves >= 9500, `only ${result.moves} moves`);
    assert.ok(result.frames > 100, `the chart was redrawn only ${result.frames} times`);
    assert.ok(result.delay <= 100, `the last value appeared ${result.delay} ms after the storm`);
    assert.deepEqual(await page.problems(), []);
    await page.close();
  });

  test('the depth slider of the gradient lab, whose work goes to a worker, catches up as fast', async () => {
    const page = await ctx.open('#gradiente');
    const lab = '#gradiente [data-lab]';
    await page.waitForFunction((s) => Number(document.querySelector(s).dataset.renders) > 0, lab);
    // The chart shows a depth when it plots that many layers for every activation.
    await page.evaluate(() => {
      window.__shows = (depth) =>
        window.activaciones.charts['gradiente-norma'].data.datasets.every(
          (d) => d.data.length === depth,
        );
    });
    const result = await storm(page, '#gradiente input[name="depth"]');
    console.log(`storm (depth): ${JSON.stringify(result)}`);
    assert.ok(result.moves >= 9500, `only ${result.moves} moves`);
    assert.ok(result.frames > 20, `the chart was redrawn only ${result.frames} times`);
    assert.ok(result.delay <= 100, `the last value appeared ${result.delay} ms after the storm`);
    assert.deepEqual(await page.problems(), []);
    await page.close();
  });
});
