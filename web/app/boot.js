// A classic script in ES5, so that it runs where the module bundle cannot. It loads the app:
// as ES modules where it can, or as one classic script with the core inside where modules
// cannot load (a page opened from file://, a sandboxed frame whose host sends no CORS headers).
// If neither starts, the page says so in Spanish instead of staying half-drawn.
(function () {
  var root = document.documentElement;
  var me = document.currentScript;

  // The theme, before the stylesheets apply it (base.css): the one the address asks for, or
  // the reader's, followed when it changes. The app redraws its charts when this attribute does.
  var forced = /[?&]tema=(claro|oscuro)(&|$)/.exec(location.search);
  var scheme = window.matchMedia ? window.matchMedia('(prefers-color-scheme: dark)') : null;
  function applyTheme() {
    var dark = forced ? forced[1] === 'oscuro' : !!(scheme && scheme.matches);
    root.setAttribute('data-tema', dark ? 'oscuro' : 'claro');
  }
  applyTheme();
  if (scheme && !forced) {
    if (scheme.addEventListener) scheme.addEventListener('change', applyTheme);
    else if (scheme.addListener) scheme.addListener(applyTheme);
  }
  var base = me.src.replace(/[^/]*$/, '');
  var classicLoading = false;

  function fail(message) {
    if (root.getAttribute('data-app') === 'error') return;
    root.setAttribute('data-app', 'error');
    var status = document.getElementById('app-status');
    if (!status) return;
    status.textContent = message;
    status.hidden = false;
    var placeholders = document.querySelectorAll('[data-placeholder]');
    for (var i = 0; i < placeholders.length; i++) {
      placeholders[i].textContent = 'Gráfica no disponible.';
    }
  }

  function missing(src) {
    fail(
      'No se ha podido cargar el código de la lección (' +
        src +
        '). Comprueba la conexión y vuelve a cargar la página.'
    );
  }

  function add(tag, attributes) {
    var node = document.createElement(tag);
    for (var key in attributes) node.setAttribute(key, attributes[key]);
    document.head.appendChild(node);
    return node;
  }

  function supportsSimd() {
    try {
      var probe = (me.getAttribute('data-simd-probe') || '').split(',');
      return WebAssembly.validate(new Uint8Array(probe));
    } catch (e) {
      return false;
    }
  }

  function classic() {
    if (classicLoading) return;
    classicLoading = true;
    var script = add('script', { src: base + me.getAttribute('data-classic') });
    script.onerror = function () {
      missing(script.getAttribute('src'));
    };
    script.onload = checkStarted;
  }

  function checkStarted() {
    if (!root.hasAttribute('data-app')) {
      fail(
        'Tu navegador no puede ejecutar esta lección: necesita JavaScript moderno y ' +
          'WebAssembly. Ábrela con una versión reciente de Firefox, Chrome, Edge o Safari.'
      );
    }
  }

  var modules = 'noModule' in document.createElement('script');
  if (location.protocol === 'file:' || !modules) {
    classic();
  } else {
    // The API and its .wasm, fetched while the app's bundle downloads. The .wasm is the one the
    // API will choose: with SIMD where the engine validates SIMD code (lib/simd.js's probe, whose
    // bytes the build writes into data-simd-probe), without it elsewhere (Safari before 16.4).
    var wasm = (me.getAttribute('data-wasm') || '').split(' ');
    add('link', { rel: 'modulepreload', href: base + me.getAttribute('data-api') });
    add('link', {
      rel: 'preload',
      href: base + wasm[supportsSimd() ? 0 : 1],
      as: 'fetch',
      type: 'application/wasm',
      crossorigin: ''
    });
    var app = add('script', { type: 'module', src: base + me.getAttribute('data-module') });
    app.onerror = classic;
  }

  window.addEventListener('load', function () {
    if (!classicLoading) checkStarted();
  });
})();
