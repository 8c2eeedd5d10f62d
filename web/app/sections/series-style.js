// Colours and dash patterns for the runs of a lab, by slot: Okabe–Ito colours that follow the
// light or dark theme, and a different dash per slot so colour is never the only cue.
import { isDark } from '../theme.js';
import { SERIES } from '../views/palettes.js';

const DASHES = [[], [10, 4], [2, 3], [12, 4, 3, 4]];

export function seriesStyle(slot) {
  return { color: SERIES[isDark() ? 'dark' : 'light'][slot % 4], dash: DASHES[slot % 4] };
}
