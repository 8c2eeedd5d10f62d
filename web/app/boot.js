// A classic script in ES5, so that it runs where the module bundle cannot: if app.js never
// starts (an old browser without ES modules, a missing file), the page says so in Spanish
// instead of staying half-drawn.
(function () {
  var root = document.documentElement;

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

  window.addEventListener(
    'error',
    function (event) {
      var target = event.target;
      if (target && target.tagName === 'SCRIPT') {
        fail(
          'No se ha podido cargar el código de la lección (' +
            (target.getAttribute('src') || 'script') +
            '). Comprueba la conexión y vuelve a cargar la página.'
        );
      }
    },
    true
  );

  window.addEventListener('load', function () {
    if (!root.hasAttribute('data-app')) {
      fail(
        'Tu navegador no puede ejecutar esta lección: necesita módulos de JavaScript y ' +
          'WebAssembly. Ábrela con una versión reciente de Firefox, Chrome, Edge o Safari.'
      );
    }
  });
})();
