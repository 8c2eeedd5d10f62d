// On a narrow screen the training lab's controls sit 1500–2200 px below its map, and a reader who
// changes the learning rate there cannot see what it does. While the controls are on screen and
// the map is not, a bar at the bottom of the screen shows the boundary (each run's, when
// comparing), the epoch and the training loss, the first sentence of the lab's status, and play
// and pause. It repeats the lab for the eye only: screen readers have the lab's own summary,
// status and buttons.
import { seriesStyle } from '../sections/series-style.js';
import { keepBottomRoom } from '../ui/bottom-space.js';
import { el } from '../ui/controls.js';
import { BoundaryMap } from '../views/boundary-map.js';
import { formatLoss } from './view.js';

// Below this width the lab stacks its controls under the map (training.css).
const NARROW = '(max-width: 50em)';

export function createMiniView(root, { onPlay }) {
  // An embed's frame is as tall as its content, so its bottom edge is the frame's, often far
  // below what the reader sees; there the bar covered the footer's link and made the frame grow.
  if (document.documentElement.hasAttribute('data-embed')) {
    return { render() {}, note() {}, showPlaying() {}, applyTheme() {} };
  }
  const maps = el('div', { class: 'mini-maps' });
  const text = el('p', { class: 'mini-text' });
  const warning = el('p', { class: 'mini-note', hidden: true });
  const play = el('button', { type: 'button', class: 'button button-primary', tabindex: '-1' });
  play.addEventListener('click', onPlay);
  const bar = el('div', { class: 'train-mini', 'aria-hidden': 'true', hidden: true }, [
    maps,
    el('div', { class: 'mini-words' }, [text, warning]),
    play,
  ]);
  // Outside the section: its content-visibility would make it the bar's containing block.
  document.body.append(bar);
  let thumbs = [];
  let last = null;
  const seen = { figure: true, controls: false };
  const figure = root.querySelector('.train-boundary');
  const controls = root.querySelector('[data-controls]');
  const narrow = matchMedia(NARROW);

  function draw(state) {
    const runs = state.compare ? state.runs : state.runs.slice(0, 1);
    if (thumbs.length !== runs.length || bar.classList.contains('is-compare') !== state.compare) {
      // Compared, each map is framed in its curve's colour, as the legend shows it, and has its
      // run's training loss under it.
      thumbs = runs.map((_, i) => {
        const canvas = el('canvas', { class: 'mini-map' });
        if (state.compare) canvas.style.borderColor = seriesStyle(i).color;
        const loss = el('span', { class: 'mini-loss' });
        const run = el('div', { class: 'mini-run' }, state.compare ? [canvas, loss] : [canvas]);
        return { map: new BoundaryMap(canvas, { compact: true }), loss, run };
      });
      maps.replaceChildren(...thumbs.map((t) => t.run));
      bar.classList.toggle('is-compare', state.compare);
    }
    runs.forEach((run, i) => {
      if (run.grid) thumbs[i].map.draw(run.grid, run.n, { train: state.points?.train });
      const last = run.train.at(-1);
      thumbs[i].loss.textContent = last ? formatLoss(last.y) : '';
    });
    const [first] = state.runs;
    text.textContent =
      state.compare || !first
        ? `Época ${state.epoch}${state.compare ? ' · pérdida bajo cada mapa' : ''}`
        : `Época ${state.epoch} · pérdida ${formatLoss(first.train.at(-1)?.y)}`;
  }

  function update() {
    const show = narrow.matches && seen.controls && !seen.figure;
    if (bar.hidden === !show) return;
    bar.hidden = !show;
    root.classList.toggle('has-mini', show);
    keepBottomRoom('training', show ? bar : null);
    if (show && last) draw(last);
  }

  const watch = new IntersectionObserver(
    (entries) => {
      for (const entry of entries) {
        if (entry.target === figure) seen.figure = entry.intersectionRatio >= 0.25;
        else seen.controls = entry.isIntersecting;
      }
      update();
    },
    { threshold: [0, 0.25] },
  );
  watch.observe(figure);
  watch.observe(controls);
  narrow.addEventListener('change', update);

  return {
    render(state) {
      last = state;
      if (!bar.hidden) draw(state);
    },
    /** The lab's status: its first sentence, or nothing. */
    note(status) {
      warning.textContent = status.split(/(?<=[.:])\s/)[0].replace(/:$/, '.');
      warning.hidden = !status;
    },
    showPlaying(on) {
      play.textContent = on ? 'Pausa' : 'Entrenar';
    },
    applyTheme() {
      for (const t of thumbs) t.map.applyTheme();
      if (!bar.hidden && last) draw(last);
    },
  };
}
