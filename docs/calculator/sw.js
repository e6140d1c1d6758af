// Service worker for /calculator/: makes the calculator work offline after one visit.
// Registered as sw.js?v=<build key> after the first answer; on install it pre-caches every file
// the build's manifest lists (the page, theme and calculator files, Pyodide, the engine wheel,
// rules.json) that is not in its cache yet. Those requests are answered by the HTTP cache
// (versioned files are sent `immutable`; the page and the unversioned modules revalidate with a
// 304), so the first visit downloads nothing twice. Versioned files are served cache-first; the page itself
// network-first, so a new build shows up when online.

const KEY = new URL(self.location.href).searchParams.get("v") || "dev";
const CACHE = `kzcalc-${KEY}`;
const SITE = new URL("../", self.location.href); // the site root, seen from /calculator/sw.js

self.addEventListener("install", (event) => {
  event.waitUntil((async () => {
    const manifestUrl = new URL(`assets/calculator/build/${KEY}/manifest.json`, SITE);
    const manifest = await (await fetch(manifestUrl, { cache: "no-store" })).json();
    const cache = await caches.open(CACHE);
    const missing = [];
    for (const path of new Set(manifest.precache)) {
      const url = new URL(path, SITE).href;
      if (!(await cache.match(url))) missing.push(url);
    }
    await cache.addAll(missing);
    await self.skipWaiting();
  })());
});

self.addEventListener("activate", (event) => {
  event.waitUntil((async () => {
    for (const name of await caches.keys()) {
      if (name.startsWith("kzcalc-") && name !== CACHE && name !== "kzcalc-snapshot") await caches.delete(name);
    }
    await self.clients.claim();
  })());
});

self.addEventListener("fetch", (event) => {
  const request = event.request;
  if (request.method !== "GET" || new URL(request.url).origin !== self.location.origin) return;
  if (request.mode === "navigate") {
    event.respondWith((async () => {
      try {
        return await fetch(request);
      } catch {
        const cache = await caches.open(CACHE);
        return (await cache.match(request, { ignoreSearch: true })) ||
          (await cache.match(new URL("calculator/", SITE))) || Response.error();
      }
    })());
    return;
  }
  event.respondWith((async () => {
    const cache = await caches.open(CACHE);
    const hit = await cache.match(request);
    if (hit) return hit;
    return fetch(request);
  })());
});
