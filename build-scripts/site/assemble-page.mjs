// Assembles index.html from the shell (web/index.html) and the lesson's section fragments
// (web/content/sections/*.html): wraps each section, builds the table of contents and the
// previous/next links, and expands the few custom tags the fragments use into the markup the
// page's scripts expect.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { frameworksAttribute, galleryLab } from './gallery-markup.mjs';
import { chartBox, codeTabs, escapeHtml, frameworkNote } from './markup.mjs';

/**
 * A section's title as a label names it mid-sentence: a common noun loses its capital
 * («sigmoide», «tangente hiperbólica», «exponencial», «softplus»); names with capitals inside,
 * such as ReLU or SELU, stay as they are.
 */
const inLabel = (title) =>
  /^.[^A-Z]*$/u.test(title) ? title[0].toLowerCase() + title.slice(1) : title;

// The network labs' «Calculando…», at the right of their first chart's title, in a margin kept
// for it (lab.css): the charts do not move when it shows, and no empty line sits above them.
const CALCULATING =
  '<span class="lab-status" data-status data-calculating hidden>Calculando…</span>';

const TAGS = {
  'function-lab': (
    { fn },
    _body,
    section,
    content,
  ) => `<div class="lab lab-function" data-lab="function" data-fn="${fn}"${frameworksAttribute(content.lessonFrameworks[fn])}>
  <div class="lab-figure">
    ${chartBox(`Gráfica de la función ${inLabel(section.title)} y de su derivada`)}
    <ul class="framework-legend" data-legend hidden></ul>
    <div class="probe-readout" data-readout></div>
    <p class="chart-summary" id="resumen-${section.anchor}" data-summary></p>
  </div>
  <form class="lab-controls controls" data-controls aria-label="Controles de la gráfica de la función ${escapeHtml(inLabel(section.title))}"></form>
</div>`,

  'softmax-lab': () => `<div class="lab lab-softmax" data-lab="softmax">
  <form class="lab-controls controls" data-controls aria-label="Logits y temperatura"></form>
  <div class="lab-figure">
    ${chartBox('Probabilidades de softmax para cada logit', ' chart-box-short')}
    <p class="chart-summary" id="resumen-softmax" data-summary></p>
  </div>
  <div class="jacobian" data-jacobian></div>
</div>`,

  'compare-figure': ({
    id,
  }) => `<figure class="lab lab-compare" data-lab="compare" data-figure="${id}">
  <fieldset class="curve-toggles" data-toggles><legend>Curvas</legend></fieldset>
  ${chartBox('Gráfica comparativa')}
  <figcaption class="chart-summary" id="resumen-${id}" data-summary></figcaption>
</figure>`,

  // Written as <pre class="keras-snippet">, which formatters leave alone. The other frameworks'
  // tabs and the note on their differences come from the content module.
  'keras-snippet': ({ 'data-fn': liveFn }, body, section, content) => {
    const fn = section.fn;
    const codes = { keras: body.replace(/^\n+|\s+$/g, '') };
    for (const [key, code] of Object.entries(content.lessonCode[fn] ?? {})) {
      if (key !== 'keras') codes[key] = escapeHtml(code);
    }
    return `${frameworkNote(content.lessonFrameworks[fn]?.differs)}
${codeTabs(`codigo-${section.anchor}`, codes, { liveFn })}`;
  },

  'gallery-lab': (_attrs, _body, _section, content) => galleryLab(content),

  'gradient-lab': () => `<div class="lab lab-network" data-lab="gradient">
  <div class="lab-figure">
    <p class="chart-title has-status">Gradiente en cada capa (escala logarítmica) ${CALCULATING}</p>
    ${chartBox('Tamaño del gradiente por capa (media cuadrática), en escala logarítmica')}
    <p class="chart-title">Unidades saturadas (|f′| &lt; 0,01) y muertas (0 en todo el lote)</p>
    ${chartBox('Fracción de unidades saturadas y muertas por capa', ' chart-box-short')}
    <p class="chart-summary" id="resumen-gradiente" data-summary></p>
  </div>
  <form class="lab-controls controls" data-controls aria-label="Activaciones y red"></form>
</div>`,

  'selu-lab': () => `<div class="lab lab-network" data-lab="selu">
  <div class="lab-figure">
    <p class="chart-title has-status">Media de las activaciones en cada capa ${CALCULATING}</p>
    ${chartBox('Media de las activaciones por capa', ' chart-box-short')}
    <p class="chart-title">Desviación típica de las activaciones en cada capa</p>
    ${chartBox('Desviación típica de las activaciones por capa', ' chart-box-short')}
    <p class="chart-title">Histograma de la última capa con SELU, frente a la normal estándar</p>
    ${chartBox('Histograma de las activaciones de la última capa con SELU', ' chart-box-short')}
    <p class="chart-summary" id="resumen-autonormalizacion" data-summary></p>
  </div>
  <form class="lab-controls controls" data-controls aria-label="Condiciones de SELU y red"></form>
</div>`,

  'training-lab': () => `<div class="lab lab-train" data-lab="training">
  <div class="lab-figure">
    <div class="train-actions" data-actions></div>
    <p class="lab-status" data-status role="status"></p>
    <div class="train-view">
      <div class="train-boundary">
        <div data-single>
          <canvas class="train-map" data-map role="img" aria-label="Frontera de decisión de la red sobre los datos"></canvas>
          <p class="map-caption">x₁ en horizontal y x₂ en vertical, de −6 a 6. Fondo: la probabilidad que da la red, <span class="class-0">naranja</span> para la clase 0 y <span class="class-1">azul</span> para la 1.</p>
        </div>
        <div class="thumbs" data-compare hidden></div>
      </div>
      <div class="train-loss">
        <p class="chart-title">Pérdida a lo largo del entrenamiento</p>
        ${chartBox('Pérdida de entrenamiento y de prueba en cada época', ' chart-box-short')}
        <p class="train-readout" data-readout></p>
        <div class="dead-units" data-dead></div>
      </div>
    </div>
    <p class="chart-summary" id="resumen-entrenamiento" data-summary></p>
  </div>
  <form class="lab-controls controls" data-controls aria-label="Datos, red y entrenamiento"></form>
</div>`,
};

function attributes(text) {
  return Object.fromEntries([...text.matchAll(/([\w-]+)="([^"]*)"/g)].map((m) => [m[1], m[2]]));
}

function expandTags(html, section, content) {
  return html
    .replace(/<pre class="keras-snippet"([^>]*)>([\s\S]*?)<\/pre>/g, (_, attrs, body) =>
      TAGS['keras-snippet'](attributes(attrs), body, section, content),
    )
    .replace(
      /<(function-lab|softmax-lab|compare-figure|gallery-lab|gradient-lab|selu-lab|training-lab)\b([^>]*)>([\s\S]*?)<\/\1>/g,
      (_, tag, attrs, body) => TAGS[tag](attributes(attrs), body, section, content),
    );
}

const navLabel = (s) => s.nav ?? s.title;

function heading(section, index) {
  const number = section.fn ? `<span class="section-number">${index}.</span> ` : '';
  return `<h2 id="${section.anchor}-titulo">${number}${escapeHtml(section.title)}</h2>`;
}

function neighbours(index, sections) {
  const prev = sections[index - 1];
  const next = sections[index + 1];
  const link = (s, rel, text) =>
    `<a href="#${s.anchor}" rel="${rel}" class="section-nav-${rel}">${text}</a>`;
  // Not a <nav>: fifteen landmarks more would bury the table of contents among them.
  return `<div class="section-nav">
  ${prev ? link(prev, 'prev', `<span aria-hidden="true">←</span> Anterior: ${escapeHtml(navLabel(prev))}`) : ''}
  <a href="#contenido" class="section-nav-toc">Contenido</a>
  ${next ? link(next, 'next', `Siguiente: ${escapeHtml(navLabel(next))} <span aria-hidden="true">→</span>`) : ''}
</div>`;
}

export function tableOfContents(sections) {
  const items = sections
    .map((s, i) => {
      const number = s.fn ? `<span class="toc-number">${i}.</span> ` : '';
      return `<li><a href="#${s.anchor}">${number}${escapeHtml(navLabel(s))}</a></li>`;
    })
    .join('\n    ');
  return `<nav class="toc" id="contenido" aria-labelledby="contenido-titulo">
  <h2 id="contenido-titulo">Contenido</h2>
  <ul>
    ${items}
  </ul>
</nav>`;
}

/**
 * The sections' HTML, wrapped and expanded, in order. `content` holds the data modules the tags
 * draw from: { lessonCode, lessonFrameworks, gallery, families }.
 */
export async function renderSections(sections, dir, content) {
  const parts = [];
  for (const [index, section] of sections.entries()) {
    const body = await readFile(path.join(dir, `${section.anchor}.html`), 'utf8');
    parts.push(`<section id="${section.anchor}" class="section" aria-labelledby="${section.anchor}-titulo"${
      section.fn ? ` data-fn="${section.fn}"` : ''
    }>
${heading(section, index)}
${expandTags(body, section, content)}
${neighbours(index, sections)}
</section>`);
  }
  return parts.join('\n\n');
}

/** The element that starts at `start` in `html`, up to its matching close tag. */
function balanced(html, start, tag) {
  const pattern = new RegExp(`<${tag}\\b|</${tag}>`, 'g');
  pattern.lastIndex = start;
  let depth = 0;
  for (let m = pattern.exec(html); m; m = pattern.exec(html)) {
    depth += m[0].startsWith('</') ? -1 : 1;
    if (depth === 0) return html.slice(start, m.index + m[0].length);
  }
  throw new Error(`unbalanced <${tag}> in a section`);
}

// The labs, and the comparison's α slider, which sits between its figures.
const LAB_TAGS =
  /<(function-lab|softmax-lab|compare-figure|gallery-lab|gradient-lab|selu-lab|training-lab)\b[^>]*>[\s\S]*?<\/\1>|<div\b[^>]*\bdata-family-controls\b[^>]*><\/div>/g;

/**
 * embed.html's sections: each one hidden until chosen, with its title, its formulas and its labs
 * only (no prose, no code, no navigation).
 */
export async function renderEmbedSections(sections, dir, content) {
  const parts = [];
  for (const section of sections) {
    const body = await readFile(path.join(dir, `${section.anchor}.html`), 'utf8');
    const at = body.indexOf('<div class="formulas">');
    const formulas = at < 0 ? '' : balanced(body, at, 'div');
    const labs = (body.match(LAB_TAGS) ?? []).join('\n');
    if (!labs) continue;
    parts.push(`<section id="${section.anchor}" class="section" aria-labelledby="${section.anchor}-titulo"${
      section.fn ? ` data-fn="${section.fn}"` : ''
    } hidden>
<h1 id="${section.anchor}-titulo">${escapeHtml(section.title)}</h1>
${formulas}
${expandTags(labs, section, content)}
</section>`);
  }
  return parts.join('\n\n');
}
