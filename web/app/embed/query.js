// What an embed.html query string asks for: which section or function, its state, and how to
// frame it. Every value is checked here or by the section's props; nothing from the query is
// ever used as HTML or as a URL.
//
//   embed.html?fn=elu&alpha=1.5&deriv=1&zmin=-5&zmax=5
//   embed.html?section=softmax&logits=1,2,3      embed.html?lab=entrenamiento&datos=xor
//   …&controls=0 (no controls) &hide=z,sat (these controls hidden) &formulas=0 &id=frame-1
//   &tema=claro|oscuro (the theme, whatever the reader's preference)
//   embed.html?section=comparacion&figura=derivadas (one figure of a section that has several)
// With section= or lab=, fn= is that section's state (the softmax lab's output function), as in
// the page's links: «Insertar» writes embed.html?section=softmax&fn=sparsemax.
const RESERVED = new Set([
  'fn',
  'section',
  'lab',
  'controls',
  'hide',
  'formulas',
  'id',
  'tema',
  'figura',
]);
// tema= is applied by boot.js, before the stylesheets; here it is only checked.
const THEMES = ['claro', 'oscuro'];
const GALLERY = 'otras-funciones';

const first = (params, key) => params.getAll(key)[0] ?? null;
const short = (text) => (text.length > 40 ? `${text.slice(0, 40)}…` : text);

/**
 * `sections` is [{ anchor, fn }] (every section of the page), `cards` the ids of the gallery's
 * functions, `figures` [{ anchor, key }] the figures of sections that have several. Returns
 * { anchor, card, figure, params, notes, controls, hide, formulas, frameId } or
 * { error, frameId } with a Spanish message.
 */
export function embedPlan(search, { sections, cards, figures = [] }) {
  // «&amp;» is how the iframe's code writes «&»: a src copied from it into an address keeps it.
  const query = new URLSearchParams(
    [...new URLSearchParams(search)].map(([key, value]) => [key.replace(/^amp;/, ''), value]),
  );
  // Echoed in the size messages so a host page with several frames knows which one spoke, even
  // when the frame only shows an error.
  const frameId = first(query, 'id')?.slice(0, 64) ?? null;
  const notes = [];
  // The values dropped, not the one kept: «fn=relu: repetido; vale el primero».
  for (const key of RESERVED) {
    for (const text of query.getAll(key).slice(1)) notes.push({ key, text, reason: 'repeated' });
  }
  const fn = first(query, 'fn');
  const wanted = first(query, 'section') ?? first(query, 'lab');
  let anchor = null;
  let card = null;
  if (wanted !== null) {
    anchor = sections.find((s) => s.anchor === wanted)?.anchor ?? null;
    if (!anchor) {
      const names = sections.map((s) => s.anchor).join(', ');
      return {
        error: `No hay ninguna sección «${short(wanted)}» en la lección. Las secciones: ${names}.`,
        frameId,
      };
    }
  } else if (fn !== null) {
    anchor = sections.find((s) => s.fn === fn)?.anchor ?? null;
    if (!anchor && cards.includes(fn)) [anchor, card] = [GALLERY, fn];
    if (!anchor) {
      // A Spanish name is most likely its section's: «sigmoide» for sigmoid.
      const named = sections.find((s) => s.fn && s.anchor === fn);
      const names = [...sections.filter((s) => s.fn).map((s) => s.fn), ...cards].join(', ');
      const hint = named
        ? `«${named.anchor}» es una sección; su función se pide por su nombre en Keras: fn=${named.fn}.`
        : `Las funciones se piden por su nombre en Keras: ${names}.`;
      return { error: `No hay ninguna función «${short(fn)}» en la lección. ${hint}`, frameId };
    }
  } else {
    const given = [...new Set(query.keys())].filter((k) => !RESERVED.has(k));
    const listed = given.map((k) => `«${short(k)}»`).join(', ');
    const seen = listed ? ` La dirección trae ${listed}, que no es ninguna de las tres.` : '';
    return {
      error: `Falta indicar qué mostrar: añade ?fn=, ?section= o ?lab= a la dirección.${seen}`,
      frameId,
    };
  }

  // The rest is the section's state, under the names the page's own links use.
  const prefix = card ? `${anchor}.${card}.` : `${anchor}.`;
  const params = new URLSearchParams();
  const state = (key) => !RESERVED.has(key) || (key === 'fn' && wanted !== null);
  for (const [key, value] of query) {
    if (state(key)) params.append(prefix + key, value);
  }
  const flag = (key) => {
    const text = first(query, key);
    if (text === null || text === '1') return true;
    if (text !== '0') notes.push({ key, text, reason: 'ignored', hint: '; vale 0 o 1' });
    return text !== '0';
  };
  const theme = first(query, 'tema');
  if (theme !== null && !THEMES.includes(theme)) {
    notes.push({
      key: 'tema',
      text: theme,
      reason: 'ignored',
      hint: `; los que hay: ${THEMES.join(', ')}`,
    });
  }
  return {
    anchor,
    card,
    figure: figureOf(first(query, 'figura'), card ? null : anchor, figures, notes),
    params,
    notes,
    controls: flag('controls'),
    formulas: flag('formulas'),
    hide: new Set((first(query, 'hide') ?? '').split(',').filter(Boolean)),
    frameId,
  };
}

/** figura=: one of the section's figures, or null (all of them) with a note if it names none. */
function figureOf(text, anchor, figures, notes) {
  if (text === null) return null;
  const here = figures.filter((f) => f.anchor === anchor).map((f) => f.key);
  if (here.includes(text)) return text;
  const withFigures = [...new Set(figures.map((f) => `section=${f.anchor}`))].join(' o ');
  const hint = here.length ? `; las que hay: ${here.join(', ')}` : `; solo vale con ${withFigures}`;
  notes.push({ key: 'figura', text, reason: 'ignored', hint });
  return null;
}
