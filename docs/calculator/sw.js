// Service worker for one language's calculator page (/calculator/, /ru/calculator/ …; the build
// puts a copy beside each): makes the calculator work offline after one visit.
// Registered as sw.js?v=<build key>&site=<site root> after the first answer; on install it
// pre-caches its own page and worker.js and every file the build's manifest lists (theme and
// calculator files, Pyodide, the engine wheel, rules.json, the page's words) that is not in its
// cache yet. Those requests are answered by the HTTP cache (versioned files are sent `immutable`;
// the page and the unversioned modules revalidate with a 304), so the first visit downloads
// nothing twice. Versioned files are served cache-first (Pyodide's wasm from the HTTP cache
// first, see fromHttpCache); the page itself network-first, so a new build shows up when online.
// Every language's worker of one build shares one cache (the same 26 MB of Pyodide); a new
// build's worker deletes the caches of older builds.

const PARAMS = new URL(self.location.href).searchParams;
const KEY = PARAMS.get("v") || "dev";
const CACHE = `kzcalc-${KEY}`;
const PAGE = new URL("./", self.location.href); // the calculator page this worker serves
const GIVEN = new URL(PARAMS.get("site") || "../", self.location.href);
const SITE = GIVEN.origin === self.location.origin ? GIVEN : new URL("../", self.location.href);

self.addEventListener("install", (event) => {
  event.waitUntil((async () => {
    const manifestUrl = new URL(`assets/calculator/build/${KEY}/manifest.json`, SITE);
    const manifest = await (await fetch(manifestUrl, { cache: "no-store" })).json();
    const cache = await caches.open(CACHE);
    const missing = [];
    const own = [PAGE.href, new URL(`worker.js?v=${KEY}`, self.location.href).href];
    for (const url of new Set([...own, ...manifest.precache.map((path) => new URL(path, SITE).href)])) {
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
          (await cache.match(PAGE)) || Response.error();
      }
    })());
    return;
  }
  const wasm = new URL(request.url).pathname.endsWith(".wasm");
  event.respondWith(wasm ? fromHttpCache(request) : cacheFirst(request));
});

async function cacheFirst(request) {
  const cache = await caches.open(CACHE);
  return (await cache.match(request)) || fetch(request);
}

// Pyodide's wasm from the browser's HTTP cache when it has it (never from the network: the
// request fails at once instead), else from this worker's cache. Only the HTTP cache carries
// the compiled code the browser keeps for a wasm file (V8's code cache), so a returning visit
// skips compiling Python's 9.6 MB of wasm; a response from Cache Storage is compiled again.
async function fromHttpCache(request) {
  try {
    const hit = await fetch(request.url, { cache: "only-if-cached", mode: "same-origin" });
    if (hit.ok) return hit;
  } catch {
    // not in the HTTP cache
  }
  return cacheFirst(request);
}
