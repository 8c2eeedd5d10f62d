// The small pieces the training lab's status sentences are built from.
import { formatList, formatSignificant } from '../format.js';

export const format = (v) => formatSignificant(v, 3);

/** «con ELU y la exponencial, » when comparing, '' with one run. */
export const whose = (runs, many) => (many ? `con ${formatList(runs.map((r) => r.phrase))}, ` : '');

/** «2,76», or «2,76 y 3,1, respectivamente» for several runs. */
export const values = (numbers) =>
  formatList(numbers.map(format)) + (numbers.length > 1 ? ', respectivamente' : '');

export const sentence = (text) => text[0].toUpperCase() + text.slice(1);
