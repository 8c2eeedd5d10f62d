// The training lab's engine, shared by its worker and by the main-thread fallback. It owns the
// trainers (one, or two to four trained side by side on the same data and initial weights),
// trains them `speed` epochs per frame while playing, and sends the next update (losses,
// boundary grids, dead units) only once the page has drawn the previous one: a slow page slows
// the training down instead of piling up frames.
//
// Messages in: configure { generation, runs: [createTrainer options], grid, speed, stopAt,
// playing }, play, pause, step, pace { speed, stopAt }, drawn { generation }. Any of them may
// carry `seq`, the page's command counter, which updates echo: the page trusts an update's
// `playing` only when it answers its latest command.
// Messages out: update { generation, seq, epoch, losses, grids, dead, playing, points? },
// error { generation, error }. A run whose loss stops being finite stops there, and the others go
// on: from then on its entries in `losses`, `grids` and `dead` are null.

function plainError(error) {
  const { message, code, culprit } = error ?? {};
  return { message: String(message ?? error), code, culprit };
}

export function createSession(api, emit) {
  let plan = null;
  let trainers = [];
  let stopped = new Set(); // runs that diverged
  let epoch = 0;
  let playing = false;
  let waiting = false; // an update is with the page
  let scheduled = false;
  let seq = 0;

  function dispose() {
    for (const t of trainers) t.dispose();
    trainers = [];
    stopped = new Set();
  }

  function fail(error) {
    playing = false;
    emit({ type: 'error', generation: plan?.generation, error: plainError(error) });
  }

  function send(losses, extra = {}) {
    const grids = trainers.map((t, i) =>
      losses[i] ? Float32Array.from(t.predictGrid(plan.grid)) : null,
    );
    losses.forEach((l, i) => l && !Number.isFinite(l.trainLoss) && stopped.add(i));
    if (stopped.size === trainers.length) playing = false;
    waiting = true;
    emit(
      {
        type: 'update',
        generation: plan.generation,
        seq,
        epoch,
        losses,
        grids,
        dead: trainers.map((t, i) => (losses[i] ? t.deadUnits() : null)),
        playing,
        ...extra,
      },
      grids.filter(Boolean).map((g) => g.buffer),
    );
  }

  function train(epochs) {
    const losses = trainers.map((t, i) => (stopped.has(i) ? null : t.step(epochs)));
    epoch = losses.find(Boolean)?.epoch ?? epoch;
    if (epoch >= plan.stopAt) playing = false;
    return losses;
  }

  function cycle() {
    scheduled = false;
    if (!playing || waiting || !plan) return;
    try {
      send(train(Math.max(0, Math.min(plan.speed, plan.stopAt - epoch))));
    } catch (error) {
      fail(error);
    }
  }

  function schedule() {
    if (playing && !waiting && !scheduled) {
      scheduled = true;
      setTimeout(cycle, 0);
    }
  }

  const handlers = {
    configure(message) {
      dispose();
      plan = message;
      epoch = 0;
      waiting = false;
      playing = false;
      try {
        for (const options of message.runs) trainers.push(api.createTrainer(options));
        const points = trainers[0].points();
        playing = message.playing && epoch < plan.stopAt;
        send(train(0), { points });
      } catch (error) {
        dispose();
        fail(error);
        return;
      }
      schedule();
    },
    play() {
      if (!plan || trainers.length === 0) return;
      playing = epoch < plan.stopAt && stopped.size < trainers.length;
      if (playing) {
        schedule();
        return;
      }
      try {
        send(train(0)); // the page, which shows «Pausa» already, learns that nothing runs
      } catch (error) {
        fail(error);
      }
    },
    pause() {
      playing = false;
    },
    step() {
      if (!plan || trainers.length === 0) return;
      playing = false;
      try {
        send(train(1));
      } catch (error) {
        fail(error);
      }
    },
    pace(message) {
      if (!plan) return;
      plan = { ...plan, speed: message.speed, stopAt: message.stopAt };
    },
    drawn(message) {
      if (!plan || message.generation !== plan.generation) return;
      waiting = false;
      schedule();
    },
  };

  return {
    handle(message) {
      if (message.seq !== undefined) seq = message.seq;
      handlers[message.type]?.(message);
    },
  };
}
