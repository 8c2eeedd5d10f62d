// The gallery of "Otras funciones de activación", from web/content/gallery.es.js: a family
// filter, the comparison chart, and a card per function (formulas as TeX for KaTeX, a lab the
// page fills in, the code in four frameworks).
import { functionName } from '../../web/app/content/functions.es.js';
import { chartBox, codeTabs, escapeHtml, frameworkNote } from './markup.mjs';

/** Variants and conventions travel to the page as JSON in an attribute. */
export function frameworksAttribute(fw) {
  if (!fw || (!fw.variants?.length && !fw.conventions?.length)) return '';
  const data = { variants: fw.variants ?? [], conventions: fw.conventions ?? [] };
  return ` data-frameworks="${escapeHtml(JSON.stringify(data))}"`;
}

/** `count`: the cards, said in the status from the start so that nothing is announced at load. */
function filter(families, count) {
  const option = (value, label, checked) =>
    `<label class="filter-option"><input type="radio" name="familia" value="${value}"${checked ? ' checked' : ''} /> ${escapeHtml(label)}</label>`;
  return `<fieldset class="gallery-filter" data-filter data-key="filtro">
  <legend>Mostrar</legend>
  ${option('todas', 'Todas', true)}
  ${Object.entries(families)
    .map(([key, label]) => option(key, label, false))
    .join('\n  ')}
  <span class="filter-count" role="status" data-filter-count>Se muestran las ${count} funciones.</span>
</fieldset>`;
}

function compare() {
  return `<div class="lab gallery-compare" data-gallery-compare>
  <div class="lab-figure">
    <h3 id="comparar-funciones">Compara funciones</h3>
    <p class="hint">Añade (hasta siete) o quita funciones con el botón de cada tarjeta. La comparación usa los parámetros que tenga cada una.</p>
    ${chartBox('Comparación de las funciones elegidas')}
    <ul class="compare-legend" data-legend aria-label="Funciones en la comparación"></ul>
    <p class="chart-summary" id="resumen-comparar-funciones" data-summary></p>
  </div>
  <div class="lab-controls controls" data-compare-controls></div>
</div>`;
}

/** «Sigmoide dura (hard sigmoid)», its gloss read as English by a screen reader. */
function title(c) {
  const name = escapeHtml(c.name);
  if (c.en === undefined) return name;
  const gloss = escapeHtml(c.en);
  return `${name.slice(0, -gloss.length - 2)}(<span lang="en">${gloss}</span>)`;
}

// A card's form has no name: a named form is a landmark, and eighteen of them would bury the
// page's few among them. Its fieldsets («Curvas», «Parámetros») name its groups.
function card(c, families) {
  const anchor = `funcion-${c.id}`;
  const tags = c.families.map((f) => families[f]).join(' · ');
  const codes = Object.fromEntries(Object.entries(c.code).map(([k, v]) => [k, escapeHtml(v)]));
  return `<article class="card" id="${anchor}" data-card="${c.id}" data-families="${c.families.join(' ')}" data-z="${c.z.join(' ')}"${frameworksAttribute(c)} aria-labelledby="${anchor}-titulo">
  <h3 id="${anchor}-titulo">${title(c)} <code>"${c.id}"</code></h3>
  <p class="card-families">${escapeHtml(tags)}</p>
  <div class="formulas">
    <div class="formula">
      <p class="formula-label">Función</p>
      \\[ ${escapeHtml(c.f)} \\]
    </div>
    <div class="formula">
      <p class="formula-label">Derivada</p>
      \\[ ${escapeHtml(c.df)} \\]
    </div>
  </div>
  <p class="card-use">${escapeHtml(c.use)}</p>
  ${frameworkNote(c.differs)}
  <div class="lab lab-card" data-lab-card>
    <div class="lab-figure">
      ${chartBox(`Gráfica de ${functionName(c.id, { inSentence: true })} y de su derivada`)}
      <ul class="framework-legend" data-legend hidden></ul>
      <p class="chart-summary" id="resumen-${anchor}" data-summary></p>
    </div>
    <form class="lab-controls controls" data-controls></form>
  </div>
  ${codeTabs(`codigo-${c.id}`, codes)}
</article>`;
}

export function galleryLab({ gallery, families }) {
  return `<div class="gallery" data-lab="gallery" data-gallery>
${filter(families, gallery.length)}
${compare()}
<div class="cards">
${gallery.map((c) => card(c, families)).join('\n')}
</div>
</div>`;
}
