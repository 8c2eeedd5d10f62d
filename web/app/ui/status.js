import { ActivationError } from '../../lib/activations.js';

const status = () => document.getElementById('app-status');

/** Shows a message to the reader; the page stays usable around it. */
export function showStatus(message) {
  const el = status();
  if (!el) return;
  el.textContent = message;
  el.hidden = false;
}

export function clearStatus() {
  const el = status();
  if (el) el.hidden = true;
}

const CODE_TEXT = {
  unknown_activation: 'la función pedida no existe',
  unknown_parameter: 'ese parámetro no existe para esta función',
  non_finite_parameter: 'un parámetro no es un número finito',
  parameter_out_of_range: 'un parámetro está fuera de su rango válido',
  invalid_argument: 'un dato de entrada no es válido',
};

/** A Spanish sentence for any error. The API's English detail goes to the console for developers. */
export function describeError(error) {
  console.warn(error);
  if (error instanceof ActivationError) {
    const what = CODE_TEXT[error.code] ?? CODE_TEXT.invalid_argument;
    const culprit = error.culprit ? ` («${error.culprit}»)` : '';
    return `No se ha podido calcular la gráfica: ${what}${culprit}.`;
  }
  return 'Algo ha fallado al actualizar la gráfica. Prueba a recargar la página.';
}
