// The service worker: after one visit the lesson works with the network cut. The build fills
// in the cache name (the assets' content hash) and the files to keep. Pages are fetched from
// the network first (a new deploy shows up at once) and from the cache when offline; the hashed
// assets never change, so they come from the cache.
const CACHE = 'activaciones-@HASH@';
const ASSETS = '/assets/@HASH@/';
const PRECACHE = '@PRECACHE@';
const WASM = '@WASM@'; // { simd, plain }: the two builds of the core
const SIMD_PROBE = '@SIMD_PROBE@'; // web/lib/simd.js

function supportsSimd() {
  try {
    return WebAssembly.validate(new Uint8Array(SIMD_PROBE));
  } catch {
    return false;
  }
}

self.addEventListener('install', (event) => {
  const core = supportsSimd() ? WASM.simd : WASM.plain;
  event.waitUntil(
    caches
      .open(CACHE)
      .then(async (cache) => {
        await cache.addAll([...PRECACHE, core]);
        // The same page under its other address, without downloading it twice.
        await cache.put('index.html', await cache.match('./'));
      })
      .then(() => self.skipWaiting()),
  );
});

// A hashed file of this deploy, which never changes: worth keeping.
function isAsset(url) {
  const { origin, pathname } = new URL(url, self.location.href);
  return origin === self.location.origin && pathname.includes(ASSETS);
}

// The page sends the files it fetched before this worker took control (on a first visit, the
// KaTeX fonts its maths uses); they come from the browser's HTTP cache.
self.addEventListener('message', (event) => {
  const { type, urls } = event.data ?? {};
  if (type !== 'keep' || !Array.isArray(urls)) return;
  const wanted = urls.filter((u) => typeof u === 'string' && isAsset(u));
  // On later visits the page names the same fonts: only what is missing is fetched.
  const keep = async () => {
    const cache = await caches.open(CACHE);
    const found = await Promise.all(wanted.map((u) => cache.match(u)));
    await cache.addAll(wanted.filter((u, i) => !found[i]));
  };
  event.waitUntil(
    keep()
      .then(
        () => 'kept',
        () => 'failed',
      )
      .then((status) => event.ports[0]?.postMessage(status)),
  );
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    caches
      .keys()
      .then((keys) =>
        Promise.all(
          keys
            .filter((k) => k.startsWith('activaciones-') && k !== CACHE)
            .map((k) => caches.delete(k)),
        ),
      )
      .then(() => self.clients.claim()),
  );
});

async function pageFirst(request) {
  const cache = await caches.open(CACHE);
  try {
    const response = await fetch(request);
    if (response.ok) cache.put(request, response.clone());
    return response;
  } catch (error) {
    const cached = await cache.match(request, { ignoreSearch: true });
    if (cached) return cached;
    throw error;
  }
}

// `event` keeps the worker alive until a fetched asset is stored.
async function cacheFirst(request, event) {
  const cached = await caches.match(request);
  if (cached) return cached;
  const response = await fetch(request);
  if (response.ok && isAsset(request.url)) {
    const copy = response.clone();
    event.waitUntil(caches.open(CACHE).then((cache) => cache.put(request, copy)));
  }
  return response;
}

self.addEventListener('fetch', (event) => {
  const { request } = event;
  if (request.method !== 'GET' || new URL(request.url).origin !== self.location.origin) return;
  event.respondWith(request.mode === 'navigate' ? pageFirst(request) : cacheFirst(request, event));
});
