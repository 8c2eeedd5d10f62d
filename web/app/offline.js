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
      navigator.serviceWorker.register(new URL('sw.js', document.baseURI)).catch((error) => {
        console.warn('Sin modo sin conexión:', error);
      });
    if (document.readyState === 'complete') register();
    else addEventListener('load', register, { once: true });
  } catch (error) {
    console.warn('Sin modo sin conexión:', error);
  }
}
