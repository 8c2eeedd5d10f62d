// "Entrena una red": a small network trained in the browser with any activation of the
// registry, or two to four of them side by side on the same data and initial weights. The
// session runs in a worker (training/session.js); this module holds the state (all of it in
// the URL), the controls, and the histories the charts show.
import { functionName } from '../content/functions.es.js';
import { describeParams } from '../summaries.js';
import { createTrainingClient } from '../training/client.js';
import { buildTrainingControls } from '../training/controls.js';
import { createMiniView } from '../training/mini-view.js';
import { trainerRuns, trainingProps } from '../training/props.js';
import { createTrainingView } from '../training/view.js';
import { describeError } from '../ui/status.js';
import { chanceLoss } from '../training/stuck.js';
import { lossRecord, recordLoss, trainingVerdict } from '../training/verdict.js';

const GRID = 100;
const NO_RUNS = 'Elige al menos una activación para entrenar.';
const THUMB_GRID = 50;
const MAX_POINTS = 1500; // per loss curve: older points are thinned beyond this

function thin(points) {
  if (points.length <= MAX_POINTS) return;
  const kept = points.filter((_, i) => i % 2 === 0 || i === points.length - 1);
  points.splice(0, points.length, ...kept);
}

// «ELU (α = 1,5)», «GELU (la erf exacta)»: the parameters the run was given, as the summaries
// name them. `sentence` ({ inSentence: true }) gives the form after «con»: «la sigmoide».
function labelOf(options, spec, sentence) {
  const name = functionName(options.activation, sentence);
  const given = spec.params.filter((p) => options.params?.[p.name] !== undefined);
  if (given.length === 0) return name;
  return `${name} (${describeParams(given, options.params)})`;
}

export function createTrainingLab({ root, section, api, store, specs }) {
  const elementwise = [...specs.values()].filter((s) => s.kind === 'elementwise');
  const ids = elementwise.map((s) => s.id);
  const paramNames = [...new Set(elementwise.flatMap((s) => s.params.map((p) => p.name)))];
  const props = trainingProps(ids, paramNames);
  const values = {};
  const status = root.querySelector('[data-status]');
  const view = createTrainingView(root, `resumen-${section.id}`);

  let generation = 0;
  let runs = []; // [{ options, label, train: [{x, y}], test: [{x, y}], grid, n, dead }]
  let points = null;
  let chance = 0; // the training loss of a network that answers the same everywhere
  let epoch = 0;
  let playing = false;
  let frame = 0;
  let seq = 0; // commands sent to the session

  // The status stays rendered, flat when empty (training.css): a live region shown
  // in the same step as its text is one that screen readers often skip.
  status.id = `estado-${section.id}`;
  let repeat = 0;
  const say = (text, { again = false } = {}) => {
    clearTimeout(repeat);
    if (status.textContent === text) {
      // A live region: unchanged text is not news, unless the reader asked again (pressed
      // «Entrenar» once more): then it is said again, cleared first so that it changes.
      if (!again || !text) return;
      status.textContent = '';
      repeat = setTimeout(() => (status.textContent = text), 100);
      return;
    }
    status.textContent = text;
    mini.note(text);
  };
  // With no activation chosen, the choices are what is wrong: they say so, and point to the why.
  const markSlots = (invalid) => {
    const slots = [...root.querySelectorAll('select')].filter((e) => /^(act|c\d)$/.test(e.name));
    for (const select of slots) {
      if (invalid) {
        select.setAttribute('aria-invalid', 'true');
        select.setAttribute('aria-describedby', status.id);
      } else {
        select.removeAttribute('aria-invalid');
        select.removeAttribute('aria-describedby');
      }
    }
  };

  const stopAt = () => (values.parar === 'no' ? Infinity : Number(values.parar));
  const pace = () => ({ speed: Number(values.velocidad), stopAt: stopAt() });

  function draw() {
    frame = 0;
    const state = {
      compare: values.comparar,
      epoch,
      runs,
      hidden: values.capas,
      points,
      showTest: values.prueba,
      discretize: values.discreto,
      curve: values.curva,
    };
    view.render(state);
    mini.render(state);
    root.dataset.epoch = String(epoch);
    root.dataset.renders = String(Number(root.dataset.renders ?? 0) + 1);
    client.send({ type: 'drawn', generation });
  }

  const redraw = () => {
    if (!frame) frame = requestAnimationFrame(draw);
  };

  // Every update of the session says whether it plays: the page is rewritten only when that
  // changes, not on every frame (a relayout each time, on a slow laptop).
  function setPlaying(on) {
    if (root.dataset.playing === (on ? '1' : '0')) return;
    playing = on;
    controls.showPlaying(on);
    mini.showPlaying(on);
    root.dataset.playing = on ? '1' : '0';
  }

  function onMessage(message) {
    if (message.generation !== undefined && message.generation !== generation) return;
    if (message.type === 'error') {
      setPlaying(false);
      say(describeError(Object.assign(new Error(message.error.message), message.error)));
      return;
    }
    if (message.points) {
      points = message.points;
      chance = chanceLoss(points.train);
    }
    epoch = message.epoch;
    message.losses.forEach((l, i) => {
      const run = runs[i];
      // A diverged run stops (null), and an update that trains nothing repeats the last epoch.
      if (!l || run.train.at(-1)?.x === l.epoch) return;
      run.train.push({ x: l.epoch, y: l.trainLoss });
      run.test.push({ x: l.epoch, y: l.testLoss });
      recordLoss(run.record.train, l.trainLoss, l.epoch);
      recordLoss(run.record.test, l.testLoss, l.epoch);
      thin(run.train);
      thin(run.test);
      run.grid = message.grids[i];
      run.dead = message.dead[i];
    });
    // Only an answer to the latest command says whether the session is still playing; an
    // older update may have been on its way when the reader pressed pause.
    const wasPlaying = playing;
    if (message.seq === seq) setPlaying(message.playing);
    const limited = wasPlaying && !message.playing && epoch >= stopAt() && epoch > 0;
    sayVerdict(limited ? epoch : undefined);
    redraw();
  }

  /** The status for the runs as they stand (`stoppedAt`: the epoch «Parar en» just stopped). */
  function sayVerdict(stoppedAt) {
    if (runs.length === 0) return;
    const test = values.comparar && values.curva !== 'entrenamiento';
    const shown = (run) => (test ? run.record.test : run.record.train);
    say(
      trainingVerdict(
        runs.map((run) => ({
          phrase: run.phrase,
          train: run.record.train,
          shown: shown(run),
          dead: run.dead,
          options: run.options,
        })),
        { shown: test ? 'de prueba' : 'de entrenamiento', playing, stoppedAt, epoch, chance },
      ),
    );
  }

  const session = createTrainingClient(api, onMessage);
  const client = {
    send(message) {
      if (message.type !== 'drawn') seq += 1;
      session.send({ ...message, seq });
    },
  };

  // A change that leaves every run's options as they are (while comparing, the hidden layers'
  // activation when it is not compared) keeps the runs rather than starting them over.
  const sameRuns = () =>
    runs.length > 0 &&
    runs[0].n === (values.comparar ? THUMB_GRID : GRID) &&
    JSON.stringify(trainerRuns(values, specs)) === JSON.stringify(runs.map((r) => r.options));

  /** Starts a new run from epoch 0 with the current options, playing if it was. */
  function configure(play = playing) {
    generation += 1;
    const options = trainerRuns(values, specs);
    const n = values.comparar ? THUMB_GRID : GRID;
    runs = options.map((o) => ({
      options: o,
      label: labelOf(o, specs.get(o.activation)),
      phrase: labelOf(o, specs.get(o.activation), { inSentence: true }),
      train: [],
      test: [],
      record: { train: lossRecord(), test: lossRecord() },
      n,
    }));
    epoch = 0;
    say('');
    markSlots(options.length === 0);
    if (options.length === 0) {
      setPlaying(false);
      say(NO_RUNS);
      redraw(); // without the last runs' maps and curves
      return;
    }
    client.send({
      type: 'configure',
      generation,
      runs: options,
      grid: n,
      ...pace(),
      playing: play,
    });
    setPlaying(play);
  }

  function onPlay() {
    if (playing) {
      client.send({ type: 'pause' });
      setPlaying(false);
    } else if (runs.length === 0) {
      say(NO_RUNS, { again: true });
    } else if (epoch >= stopAt()) {
      // In an embed without controls «Parar en» is not there to raise.
      const limit = root.querySelector('[name="parar"]');
      const raise = limit?.offsetParent ? 'súbelo para seguir entrenando, o ' : '';
      say(
        `El entrenamiento ya va por la época ${epoch} y «Parar en» pide ${stopAt()}: ` +
          `${raise}pulsa «Reiniciar» para empezar de nuevo.`,
        { again: true },
      );
    } else {
      client.send({ type: 'play' });
      setPlaying(true);
    }
  }

  const mini = createMiniView(root, { onPlay });

  const controls = buildTrainingControls({
    root,
    values,
    specs,
    ids,
    onChange(kind) {
      store.changed(section.id);
      if (kind === 'view') {
        redraw();
        sayVerdict(); // the comparison may now plot the other loss
      } else if (kind === 'pace') client.send({ type: 'pace', ...pace() });
      else if (!sameRuns()) configure();
    },
    onPlay,
    onStep() {
      if (runs.length === 0) return say(NO_RUNS, { again: true });
      client.send({ type: 'step' });
      setPlaying(false);
    },
    onReset() {
      configure(false);
    },
    onNotice: say,
  });

  store.register(section.id, props, values, () => {
    controls.show();
    configure(false);
  });
  controls.show();
  for (const p of root.querySelectorAll('[data-placeholder]')) p.hidden = true;
  configure(false);

  return {
    charts: { [`${section.id}-perdida`]: view.chart },
    applyTheme() {
      view.applyTheme();
      mini.applyTheme();
    },
  };
}
