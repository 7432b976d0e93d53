// The site's service worker. scripts/postbuild.mjs writes it to the build's root as sw.js, after two
// lines it computes from the build (src/online/service-worker.mjs):
//   const VERSION = '3f9c0a1b2c3d';          a hash of the precached files' names and bytes
//   const PRECACHE = ['zh/', 'zh/socket-phone/', '_astro/urls.bjuI262w.css', …];  relative to sw.js
// A new build with any changed file is a new sw.js, which the browser installs on its next visit; the new
// worker takes over at once and drops the old build's cache, so the next page read is the new build's.
/* global VERSION, PRECACHE */

const PREFIX = 'hello-tcp-';
const CACHE = PREFIX + VERSION;

self.addEventListener('install', (event) => {
  event.waitUntil(
    (async () => {
      const cache = await caches.open(CACHE);
      await cache.addAll(PRECACHE);
      await self.skipWaiting();
    })(),
  );
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    (async () => {
      for (const key of await caches.keys()) {
        if (key.startsWith(PREFIX) && key !== CACHE) await caches.delete(key);
      }
      await self.clients.claim();
    })(),
  );
});

self.addEventListener('fetch', (event) => {
  const { request } = event;
  if (request.method !== 'GET' || new URL(request.url).origin !== self.location.origin) return;
  event.respondWith(respond(request));
});

/**
 * From the cache when the build's copy is there (the precached lessons, and any page or search file read
 * before), else from the network, keeping a copy so it reads offline next time.
 */
async function respond(request) {
  const cache = await caches.open(CACHE);
  const cached = await cache.match(request, { ignoreSearch: true });
  if (cached) return cached;
  const response = await fetch(request);
  // Only whole, plain answers from this site: a range (206) or a redirect cannot stand in for the request.
  if (response.status === 200 && response.type === 'basic' && !response.redirected) {
    cache.put(request, response.clone()).catch(() => undefined);
  }
  return response;
}
