// The network labs' sentences, read off the numbers: how the gradient changes from the last
// layer back to the first (gradient-lab.js), and whether SELU keeps every layer near mean 0 and
// standard deviation 1 (selu-lab.js).
import { functionName } from './content/functions.es.js';
import { formatList, formatNumber, formatSignificant, powerOfTen } from './format.js';
import { range } from './summaries.js';

/**
 * «45,6» or «1,04» for a ratio a reader can take in as it is; «del orden de 10⁻⁹» for one that
 * is only an order of magnitude (a 45,6 rounded to «10²» would read as 100).
 */
function orderOf(ratio) {
  if (ratio >= 1e-2 && ratio < 1e3) return formatSignificant(ratio, 3);
  return `del orden de ${powerOfTen(Math.round(Math.log10(ratio)))}`;
}

/** How the gradient at layer 1 compares with the one at the last layer, `depth`. */
function compareEnds(first, last, depth) {
  if (!Number.isFinite(first) || !Number.isFinite(last)) {
    return 'la red se desborda: sus valores dejan de ser números finitos y no hay gradiente que comparar';
  }
  if (last === 0) return `el gradiente ya es 0 en la capa ${depth}`;
  const of = `veces el de la capa ${depth}`;
  // The probe scales the gradient on its way back, so it does not underflow: a 0 is exact (a
  // layer whose units are all dead, say).
  if (first === 0) return 'el gradiente se anula por el camino: en la capa 1 es 0';
  const ratio = orderOf(first / last);
  // «1 veces» reads wrong, and a ratio that rounds to 1 says the two are alike.
  if (ratio === '1')
    return `el gradiente en la capa 1 es prácticamente igual al de la capa ${depth}`;
  return `el gradiente en la capa 1 es ${ratio} ${of}`;
}

// A layer whose values overflowed (the exponential's, within a few layers) has no fraction of
// saturated or dead units to speak of: NaN counts as neither, so the chart leaves it as a gap.
export const overflowed = (layer) => !Number.isFinite(layer.mean) || !Number.isFinite(layer.std);

/** «el 12 %», «el 0,4 %», «menos del 0,1 %» of a fraction in (0, 1]. */
function percent(fraction) {
  const p = 100 * fraction;
  if (p < 0.05) return 'menos del 0,1 %';
  return `el ${formatNumber(p, p < 10 ? 1 : 0)} %`;
}

/**
 * What the units chart shows, for a reader who cannot see it: per function, the most saturated
 * and the most dead units any layer has.
 */
function describeUnits(runs) {
  const parts = runs.flatMap(({ id, result }) => {
    const layers = result.layers.filter((l) => !overflowed(l));
    if (layers.length === 0) return [];
    const worst = (key) => {
      let at = 0;
      for (let i = 1; i < layers.length; i++) if (layers[i][key] > layers[at][key]) at = i;
      return { value: layers[at][key], layer: result.layers.indexOf(layers[at]) + 1 };
    };
    const say = ({ value, layer }, none, some) =>
      value === 0 ? none : `hasta ${percent(value)} ${some} (capa ${layer})`;
    return [
      `con ${functionName(id, { inSentence: true })}, ` +
        `${say(worst('saturated'), 'ninguna saturada', 'saturadas')} y ` +
        `${say(worst('dead'), 'ninguna muerta', 'muertas')}`,
    ];
  });
  return parts.length ? ` Unidades por capa: ${parts.join('; ')}.` : '';
}

export function describeGradients(runs, depth) {
  if (runs.length === 0) return 'Elige al menos una activación.';
  if (depth === 1) {
    return (
      'Con una sola capa, el gradiente no atraviesa ninguna otra: sube la profundidad para ver ' +
      'cómo cambia de una capa a la siguiente.'
    );
  }
  // «con la sigmoide», «con la tangente hiperbólica», «con ReLU»: each function's in-sentence form.
  const parts = runs.map(({ id, result }) => {
    const ends = compareEnds(
      result.layers[0].gradientNorm,
      result.layers.at(-1).gradientNorm,
      depth,
    );
    return `con ${functionName(id, { inSentence: true })}, ${ends}`;
  });
  const text = parts.join('; ');
  return `${text[0].toUpperCase()}${text.slice(1)}.${describeUnits(runs)}`;
}

const near = (layer) => Math.abs(layer.mean) < 0.15 && Math.abs(layer.std - 1) < 0.2;
const distance = (layer) => Math.abs(layer.mean) + Math.abs(layer.std - 1);

/** Layers that strayed and are coming back, but not yet near: raw inputs through few layers. */
const returning = (layers) =>
  layers.length >= 2 &&
  distance(layers.at(-1)) <= distance(layers.at(-2)) &&
  distance(layers.at(-1)) < 0.9 * Math.max(...layers.map(distance));

/** «va de 0,12 a 0,31», or «se queda en 0» when both ends read the same. */
function span(lo, hi) {
  const [a, b] = [formatNumber(lo, 2), formatNumber(hi, 2)];
  return a === b ? `se queda en ${a}` : `va de ${a} a ${b}`;
}

/** What SELU's layers do when some are not near mean 0 and deviation 1. */
function strayed(layers) {
  const last = layers.at(-1);
  const at = (still) =>
    `en la capa ${layers.length} la media ${still}es ${formatNumber(last.mean, 2)} y la ` +
    `desviación típica ${formatNumber(last.std, 2)}`;
  const away = 'SELU se aparta de media 0 y desviación típica 1';
  if (layers.length === 1) {
    return (
      `Con una sola capa, ${away}; sube la profundidad para ver si las capas siguientes ` +
      'vuelven a esos valores'
    );
  }
  if (near(last)) {
    return `${away}, pero la autonormalización hace volver las capas a esos valores: ${at('')}`;
  }
  if (returning(layers)) {
    return (
      `${away} y las capas vuelven hacia esos valores, pero despacio: ${at('aún ')}, y ` +
      'harían falta más capas'
    );
  }
  return (
    'SELU ya no se autonormaliza: las capas se alejan de media 0 y desviación típica 1 y ' +
    'no vuelven'
  );
}

export function describeSelu(result, broken) {
  const { layers } = result;
  const [mlo, mhi] = range(layers.map((l) => l.mean));
  const [slo, shi] = range(layers.map((l) => l.std));
  const list = formatList(broken);
  // A broken condition need not show in the statistics (a bottleneck barely does): then the
  // sentence says "despite", not "because".
  const verdict = layers.every(near)
    ? `SELU se autonormaliza${broken.length ? ` aun con ${list}` : ''}: ` +
      `${layers.length === 1 ? 'su única capa se queda' : 'todas las capas se quedan'} cerca de ` +
      'media 0 y desviación típica 1'
    : strayed(layers) +
      (broken.length
        ? ` (${broken.length === 1 ? 'condición rota' : 'condiciones rotas'}: ${list})`
        : '');
  if (layers.length === 1) {
    return (
      `${verdict}. En su única capa, la media es ${formatNumber(mlo, 2)} y la desviación típica ` +
      `${formatNumber(slo, 2)}.`
    );
  }
  return (
    `${verdict}. En las ${layers.length} capas, la media ${span(mlo, mhi)} y la desviación ` +
    `típica ${span(slo, shi)}.`
  );
}
