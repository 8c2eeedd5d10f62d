// What the sparsemax Jacobian shows for the logits on screen. Two cases puzzle a student: a
// support of one class, where the whole table is 0, and a logit exactly on the threshold τ, a
// corner of sparsemax where the table holds the derivative from one side only.
import { formatList, subscript } from '../format.js';

const logit = (i) => `z${subscript(i + 1)}`;

function names(indices) {
  const list = formatList(indices.map(logit));
  return indices.length === 1 ? `El logit ${list} está` : `Los logits ${list} están`;
}

const MOVES = { down: ['baja', 'bajan'], up: ['sube', 'suben'] };

/**
 * Logits on the threshold: the table holds the derivative as they move `side` ('down' for
 * classes outside the support, 'up' for those in it); the other way, they cross the threshold.
 */
function cornerRemark(indices, side) {
  const n = indices.length === 1 ? 0 : 1;
  const other = side === 'down' ? 'up' : 'down';
  const crossing =
    side === 'down'
      ? ['su clase entra en el soporte', 'sus clases entran en el soporte']
      : ['su clase sale del soporte', 'sus clases salen del soporte'];
  return (
    `${names(indices)} justo en el umbral τ, una esquina de sparsemax: la tabla da la derivada ` +
    `si ${MOVES[side][n]}; si ${MOVES[other][n]}, ${crossing[n]} y la jacobiana cambia.`
  );
}

/** Where sparsemax(z / T) = p stands: its support and the logits that sit on its threshold. */
export function sparsemaxState(logits, t, p) {
  const scaled = logits.map((z) => z / t);
  const support = [];
  for (let i = 0; i < p.length; i++) if (p[i] > 0) support.push(i);
  const tau = (support.reduce((sum, i) => sum + scaled[i], 0) - 1) / support.length;
  // Rounding leaves a logit on the threshold a few ULP off it (1,3 − 1 is not 0,3).
  const onThreshold = (i) =>
    Math.abs(scaled[i] - tau) <= 1e-12 * Math.max(1, Math.abs(scaled[i]), Math.abs(tau));
  return {
    support,
    // Outside the support, at the threshold: the table is the derivative as the logit falls.
    enteringAbove: scaled.flatMap((_, i) => (p[i] === 0 && onThreshold(i) ? [i] : [])),
    // In the support with p ≈ 0: the table is the derivative as the logit rises.
    leavingBelow: support.filter(onThreshold),
  };
}

/** Sentences for the note under the Jacobian: the support's size, and any logit on the threshold. */
export function sparsemaxRemarks(logits, t, p) {
  const { support, enteringAbove, leavingBelow } = sparsemaxState(logits, t, p);
  const remarks = [];
  if (support.length === 1) {
    remarks.push(
      `Ahora el soporte es solo la clase ${support[0] + 1} (k = 1): su probabilidad es 1, ` +
        'la de las demás es 0, y eso no cambia si los logits se mueven un poco; por eso toda la ' +
        'jacobiana es 0.',
    );
  } else {
    remarks.push(`Ahora hay k = ${support.length} clases en el soporte.`);
  }
  if (enteringAbove.length > 0) remarks.push(cornerRemark(enteringAbove, 'down'));
  if (leavingBelow.length > 0) remarks.push(cornerRemark(leavingBelow, 'up'));
  return remarks.join(' ');
}
