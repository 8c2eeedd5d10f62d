// "Comparar bibliotecas": other frameworks' versions of a function, drawn over its chart. Every
// number still comes from the core: a variant is the same function with other parameters, or
// of a scaled input (TF.js's hard sigmoid 0.2z + 0.5 is Keras 3's at 1.2z).
import { formatNumber } from '../format.js';
import { el } from '../ui/controls.js';
import { jumps, toPoints } from '../views/curve-data.js';

/**
 * Overlays and markers for `fw` ({ variants, conventions }) at the current parameters.
 * `mainJumps.df` are the function's own f' jumps, whose one-sided limits the conventions pick.
 */
// Each variant its own dash, so that two of them (Leaky ReLU's) are told apart by more than slope.
const STYLES = [
  { f: [7, 4], df: [2, 3], words: 'Línea gris discontinua' },
  { f: [14, 3, 2, 3], df: [2, 3, 8, 3], words: 'Línea gris de trazo y punto' },
];

export function frameworkOverlays(api, spec, fw, params, z, zmin, zmax, mainJumps, derivative) {
  const overlays = [];
  for (const [i, variant] of (fw.variants ?? []).entries()) {
    const style = STYLES[i % STYLES.length];
    const label = variant.short ?? variant.label;
    const merged = { ...params, ...variant.params };
    const scale = variant.scale ?? 1;
    // Unscaled, the same (float32) z as the function's own curve; scaled, z is scaled in double
    // (the float64 path), so that each sample stays on its side of the kinks at k / scale.
    const input = scale === 1 ? z : Float64Array.from(z, (v) => scale * v);
    const { f, df } = api.evaluate(spec.id, input, merged);
    const cut = jumps(api, spec, merged, zmin, zmax, scale);
    overlays.push({ label, points: toPoints(z, f, cut.f), dash: style.f });
    if (derivative) {
      const slope = scale === 1 ? df : df.map((v) => scale * v);
      overlays.push({
        label: `${label} (f′)`,
        points: toPoints(z, slope, cut.df),
        dash: style.df,
        derivative: true,
      });
    }
  }
  const extraMarkers = [];
  for (const c of derivative ? (fw.conventions ?? []) : []) {
    if (c.value !== undefined) {
      if (c.at >= zmin && c.at <= zmax) extraMarkers.push({ x: c.at, y: c.value });
      continue;
    }
    const jump = mainJumps.df.find((j) => j.z === c.at);
    if (jump) extraMarkers.push({ x: c.at, y: c.side === 'left' ? jump.left : jump.right });
  }
  return { overlays, extraMarkers };
}

/**
 * What each overlay and marker is: in the legend, «Línea gris discontinua: PyTorch y JAX
 * (pendiente 0,01)»; in a sentence, «PyTorch y JAX (pendiente 0,01), en línea gris discontinua»
 * and «PyTorch y JAX dan λα en z = 0 (cuadrado gris)», without a chain of colons.
 */
function frameworkNotes(fw) {
  return [
    ...(fw.variants ?? []).map((v, i) => {
      const { words } = STYLES[i % STYLES.length];
      return {
        kind: 'variant',
        text: `${words}: ${v.label}`,
        // «TF.js y Keras 2: 0,2z + 0,5» reads «TF.js y Keras 2 (0,2z + 0,5)» in a sentence.
        sentence:
          `${v.label.replace(/^([^:]+): (.+)$/, '$1 ($2)')}, ` +
          `en ${words[0].toLowerCase()}${words.slice(1)}`,
      };
    }),
    ...(fw.conventions ?? []).map((c) => {
      const at = `z = ${formatNumber(c.at)}`;
      const [who, value] = c.label.split(': ');
      return {
        kind: 'convention',
        text: `Cuadrado gris en ${at}: ${c.label}`,
        sentence: `${who} ${who.includes(' y ') ? 'dan' : 'da'} ${value} en ${at} (cuadrado gris)`,
      };
    }),
  ];
}

/** A short legend for the overlays, under the chart. */
export function frameworkLegend(container, fw, show) {
  const items = show
    ? frameworkNotes(fw).map((n) => el('li', { class: `legend-${n.kind}`, text: n.text }))
    : [];
  container.replaceChildren(...items);
  container.hidden = items.length === 0;
}

/** The legend as the end of a summary, for a reader who cannot see what the overlays added. */
export function frameworkSentence(fw, show) {
  const notes = show ? frameworkNotes(fw) : [];
  if (notes.length === 0) return '';
  return ` Otras bibliotecas: ${notes.map((n) => n.sentence).join('; ')}.`;
}

export const hasFrameworks = (fw) => Boolean(fw?.variants?.length || fw?.conventions?.length);
