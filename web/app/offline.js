// Registers the service worker (dist/sw.js) so that the lesson works offline after one visit.
// Only over http(s): a page opened from file:// or framed without an origin of its own cannot
// have one, and touching navigator.serviceWorker there may throw.
export function keepOffline() {
  try {
    // An opaque origin (a frame sandboxed without allow-same-origin) may not even read
    // navigator.serviceWorker without the browser logging an error.
    if (!/^https?:$/.test(location.protocol) || self.origin === 'null') return;
    if (!('serviceWorker' in navigator)) return;
    // After the page has loaded: the worker's downloads must not compete with the first chart.
    const register = () =>
      navigator.serviceWorker
        .register(new URL('sw.js', document.baseURI))
        .then(() => keepFonts())
        .catch((error) => {
          console.warn('Sin modo sin conexión:', error);
        });
    if (document.readyState === 'complete') register();
    else addEventListener('load', register, { once: true });
  } catch (error) {
    console.warn('Sin modo sin conexión:', error);
  }
}

// The worker does not download every KaTeX font, only those the page has used: the fonts
// fetched before it took control are named to it here (later fetches go through it). Once it
// has them, <html data-offline="ready"> says the lesson works offline.
async function keepFonts() {
  await document.fonts.ready;
  const registration = await navigator.serviceWorker.ready;
  const urls = performance
    .getEntriesByType('resource')
    .map((entry) => entry.name)
    .filter((url) => /\.woff2$/.test(new URL(url).pathname));
  const reply = new MessageChannel();
  const answer = new Promise((resolve) => (reply.port1.onmessage = (event) => resolve(event.data)));
  registration.active?.postMessage({ type: 'keep', urls }, [reply.port2]);
  document.documentElement.dataset.offline = (await answer) === 'kept' ? 'ready' : 'partial';
}
