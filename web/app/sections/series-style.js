// Colours and dash patterns for the runs of a lab, by slot: Okabe–Ito colours that follow the
// light or dark theme, and a different dash per slot so colour is never the only cue.
const COLORS = {
  light: ['#0072b2', '#d55e00', '#009e73', '#cc79a7'],
  dark: ['#56b4e9', '#e69f00', '#2fc79a', '#cc79a7'],
};
const DASHES = [[], [10, 4], [2, 3], [12, 4, 3, 4]];

export function seriesStyle(slot) {
  const dark = matchMedia('(prefers-color-scheme: dark)').matches;
  return { color: COLORS[dark ? 'dark' : 'light'][slot % 4], dash: DASHES[slot % 4] };
}
