// The site's service worker (scope: the whole site): the guide stays readable offline.
// On install it stores every guide page and the theme files they load (the list and the version
// are written in by kb/site_build.py at build time, so a new build installs a new worker). Pages
// are served network-first (a new build shows up when online), falling back to the stored copy.
// The calculator is left alone: it has its own service worker (calculator/sw.js) and its own
// versioned files, and no guide page ever downloads Pyodide.

const VERSION = "dev"; // replaced at build
const PRECACHE = []; // replaced at build: site-relative URLs
const CACHE = `kbsite-${VERSION}`;
const SITE = new URL("./", self.location.href);
// the calculator's pages in every language (calculator/, ru/calculator/ …) and its files
const NOT_MINE = /^(?:[a-z]{2}\/)?calculator\/|^assets\/calculator\//;

function mine(url) {
  if (url.origin !== SITE.origin || !url.href.startsWith(SITE.href)) return false;
  return !NOT_MINE.test(url.href.slice(SITE.href.length));
}

self.addEventListener("install", (event) => {
  event.waitUntil((async () => {
    const cache = await caches.open(CACHE);
    await cache.addAll(PRECACHE.map((path) => new URL(path, SITE).href));
    await self.skipWaiting();
  })());
});

self.addEventListener("activate", (event) => {
  event.waitUntil((async () => {
    for (const name of await caches.keys()) {
      if (name.startsWith("kbsite-") && name !== CACHE) await caches.delete(name);
    }
    await self.clients.claim();
  })());
});

async function networkFirst(request) {
  const cache = await caches.open(CACHE);
  try {
    const response = await fetch(request);
    if (response.ok && response.type === "basic") cache.put(request, response.clone());
    return response;
  } catch (error) {
    const hit = await cache.match(request, { ignoreSearch: request.mode === "navigate" });
    if (hit) return hit;
    if (request.mode === "navigate") {
      // the not-found page of the request's language (ru/404.html), else the default one
      const lang = new URL(request.url).href.slice(SITE.href.length).match(/^([a-z]{2})\//);
      const notFound =
        (lang && (await cache.match(new URL(`${lang[1]}/404.html`, SITE).href))) ||
        (await cache.match(new URL("404.html", SITE).href));
      if (notFound) return notFound;
    }
    throw error;
  }
}

self.addEventListener("fetch", (event) => {
  const request = event.request;
  if (request.method !== "GET" || !mine(new URL(request.url))) return;
  event.respondWith(networkFirst(request));
});
