// The site's service worker (scope: the whole site): the guide stays readable offline.
// On install it stores the theme files every page loads; a page then asks it (a message with
// its language) to store every guide page of that language, so a reader of the Russian pages
// does not download the English ones and the other way round. The lists and the version are
// written in by kb/site_build.py at build time, so a new build installs a new worker. Pages are
// served network-first (a new build shows up when online), falling back to the stored copy;
// whatever was fetched is kept. Each language's list holds its search index and the search
// worker's files, so search works offline even if it was never used online.
// The calculator is left alone: it has its own service worker (calculator/sw.js) and its own
// versioned files, and no guide page ever downloads Pyodide.

const VERSION = "dev"; // replaced at build
const PRECACHE = {}; // replaced at build: {"": theme files, "en": pages, "ru": pages}, site-relative
const CACHE = `kbsite-${VERSION}`;
const SITE = new URL("./", self.location.href);
// the calculator's pages in every language (calculator/, ru/calculator/ …) and its files
const NOT_MINE = /^(?:[a-z]{2}\/)?calculator\/|^assets\/calculator\//;

function mine(url) {
  if (url.origin !== SITE.origin || !url.href.startsWith(SITE.href)) return false;
  return !NOT_MINE.test(url.href.slice(SITE.href.length));
}

/** Store the files of ``paths`` that are not stored yet. */
async function store(paths) {
  const cache = await caches.open(CACHE);
  const missing = [];
  for (const path of paths) {
    const url = new URL(path, SITE).href;
    if (!(await cache.match(url))) missing.push(url);
  }
  await cache.addAll(missing);
}

self.addEventListener("install", (event) => {
  event.waitUntil(store(PRECACHE[""] || []).then(() => self.skipWaiting()));
});

self.addEventListener("activate", (event) => {
  event.waitUntil((async () => {
    for (const name of await caches.keys()) {
      if (name.startsWith("kbsite-") && name !== CACHE) await caches.delete(name);
    }
    await self.clients.claim();
  })());
});

// {store: "ru"} from a page: keep that language's pages; answers on the message's port when done
self.addEventListener("message", (event) => {
  const lang = event.data && event.data.store;
  const reply = (ok) => event.ports[0] && event.ports[0].postMessage({ stored: lang, ok });
  if (!Object.prototype.hasOwnProperty.call(PRECACHE, lang) || !lang) {
    reply(false);
    return;
  }
  event.waitUntil(store(PRECACHE[lang]).then(() => reply(true), () => reply(false)));
});

// The language of a URL of this site ("ru" for ru/…, "" for the default), null for other URLs.
function languageOf(href) {
  if (!href || !href.startsWith(SITE.href)) return null;
  const lang = href.slice(SITE.href.length).match(/^([a-z]{2})\//);
  return lang ? lang[1] : "";
}

// Offline, a page that is not stored: the not-found page of the reader's language (the page they
// came from, else the address's), turned into the offline notice (overrides/404.html marks it
// `data-offline-notice hidden`; offline-notice.js lists what is stored). `calculator`: the page
// asked for is the calculator, which needs one visit online before it works offline.
async function offlineNotice(request, calculator) {
  const cache = await caches.open(CACHE);
  const fromPage = languageOf(request.referrer);
  const lang = fromPage === null ? languageOf(request.url) : fromPage;
  const page =
    (lang && (await cache.match(new URL(`${lang}/404.html`, SITE).href))) ||
    (await cache.match(new URL("404.html", SITE).href));
  if (!page) return null;
  const text = (await page.text()).replace(
    "data-offline-notice hidden",
    `data-offline-notice data-calculator="${calculator ? "yes" : "no"}"`,
  );
  return new Response(text, { status: 503, headers: { "Content-Type": "text/html; charset=utf-8" } });
}

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
      const notice = await offlineNotice(request, false);
      if (notice) return notice;
    }
    throw error;
  }
}

// The calculator's own service worker answers for its pages once it has been opened online;
// before that, a visit offline gets the notice instead of the browser's error page.
async function calculatorFirstVisit(request) {
  try {
    return await fetch(request);
  } catch (error) {
    const notice = await offlineNotice(request, true);
    if (notice) return notice;
    throw error;
  }
}

self.addEventListener("fetch", (event) => {
  const request = event.request;
  if (request.method !== "GET") return;
  const url = new URL(request.url);
  if (mine(url)) event.respondWith(networkFirst(request));
  else if (request.mode === "navigate" && languageOf(url.href) !== null) event.respondWith(calculatorFirstVisit(request));
});
