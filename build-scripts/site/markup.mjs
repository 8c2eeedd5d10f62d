// Small HTML builders shared by the page's sections and the gallery's cards.

export const escapeHtml = (text) =>
  String(text)
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;');

export function chartBox(label, extraClass = '') {
  return `<div class="chart-box${extraClass}">
  <canvas data-chart role="img" aria-label="${escapeHtml(label)}"></canvas>
  <p class="chart-placeholder" data-placeholder>Cargando la gráfica…</p>
</div>`;
}

export const FRAMEWORKS = [
  { key: 'keras', label: 'Keras' },
  { key: 'pytorch', label: 'PyTorch' },
  { key: 'tfjs', label: 'TensorFlow.js' },
  { key: 'numpy', label: 'NumPy' },
];

// The code block is focusable (it may scroll sideways): as a named group, it says what Tab landed
// on, where a bare <pre> is announced as nothing in particular.
function snippet(codeHtml, framework, attrs = '') {
  return `<div class="snippet"${attrs}>
  <pre tabindex="0" role="group" aria-label="Código en ${framework}"><code data-snippet-code>${codeHtml}</code></pre>
  <button type="button" class="button copy-button" data-copy aria-label="Copiar el código en ${framework}">Copiar</button>
  <span class="copy-status" role="status" data-copy-status></span>
</div>`;
}

// The panels whose code the page keeps in step with the chart (ELU's α): TF.js has no α.
const LIVE_FRAMEWORKS = ['keras', 'pytorch'];

/**
 * One tab per framework, each with its code and a copy button. `codes` maps framework keys to
 * HTML-escaped code; `liveFn` marks the panels whose code the page updates (LIVE_FRAMEWORKS).
 */
export function codeTabs(prefix, codes, { liveFn } = {}) {
  const present = FRAMEWORKS.filter((f) => codes[f.key]);
  if (present.length === 1)
    return snippet(
      codes.keras,
      'Keras',
      liveFn ? ` data-snippet-fn="${liveFn}" data-snippet-framework="keras"` : '',
    );
  const tabs = present
    .map(
      (f, i) =>
        `<button type="button" role="tab" id="${prefix}-tab-${f.key}" aria-controls="${prefix}-panel-${f.key}" aria-selected="${i === 0}" tabindex="${i === 0 ? 0 : -1}">${f.label}</button>`,
    )
    .join('\n    ');
  const panels = present
    .map((f, i) => {
      const live =
        liveFn && LIVE_FRAMEWORKS.includes(f.key)
          ? ` data-snippet-fn="${liveFn}" data-snippet-framework="${f.key}"`
          : '';
      return `<div role="tabpanel" id="${prefix}-panel-${f.key}" aria-labelledby="${prefix}-tab-${f.key}"${i === 0 ? '' : ' hidden'}>
  ${snippet(codes[f.key], f.label, live)}
</div>`;
    })
    .join('\n');
  return `<div class="code-tabs" data-tabs>
  <div class="tab-list" role="tablist" aria-label="El mismo código en cada biblioteca">
    ${tabs}
  </div>
  ${panels}
</div>`;
}

/** "Diferencias entre frameworks": plain text from the content, as a note. */
export function frameworkNote(text) {
  if (!text) return '';
  return `<div class="framework-note" role="note">
  <p><strong>Diferencias entre bibliotecas.</strong> ${escapeHtml(text)}</p>
</div>`;
}
