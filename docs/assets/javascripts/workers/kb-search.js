// The site's search worker: mkdocs-material's own worker (lunr), started only when someone
// searches, over the index of the page's language, with Russian words cut to their stem.
//
// The page (Material's bundle) creates this worker at load and hands it search/search_index.json,
// which kb/search_build.py leaves with the settings only (no documents). This worker answers
// "ready" at once and loads nothing more until the first non-empty query; then it imports
// Material's worker (MATERIAL, written in by kb/search_build.py), fetches search/<lang>.json
// (<lang> from this script's ?lang=, the page's language) and hands both to it. So a page that is
// only read never downloads the index, the lunr language files or Material's worker.
//
// Material searches every term as a prefix ("справк" → справка, справку, справки), which
// bypasses lunr's stemmer: a whole inflected word ("справку") would only find itself. Before a
// query reaches Material, each Cyrillic word becomes its Snowball stem (lunr.ru.stemmer, the one
// Material loads for Russian) when the stem begins the word, so "справку" searches "справк*".
// Messages follow Material's worker protocol (src/.../integrations/search/worker/message).

const MATERIAL = "search.dev.min.js"; // replaced at build: Material's worker, same folder
const SETUP = 0;
const READY = 1;
const QUERY = 2;
const RESULT = 3;
const LANG = new URL(self.location.href).searchParams.get("lang") || "en";
const SITE = new URL("../../../", self.location.href); // this file: assets/javascripts/workers/
const CYRILLIC_WORD = /[А-Яа-яЁё]+/g;
const SHORTEST_STEM = 3; // shorter stems match too much as prefixes: keep the typed word

let options = {}; // Material's search options (search.suggest), from the page's setup message
let material = null; // Material's message listener, once imported
let loading = null; // the promise of Material set up with this language's documents
let materialReady = null; // resolves when Material answers its setup message

// Material registers its listener with the global addEventListener and answers with the global
// postMessage: keep the listener to call it ourselves, and swallow its "ready" (the page has had
// ours already). (Names of our own: a top-level const named like a global would shadow it for
// every script of this worker, Material's too.)
const listen = self.addEventListener.bind(self);
const send = self.postMessage.bind(self);
self.addEventListener = (type, listener, ...rest) =>
  type === "message" ? (material = listener) : listen(type, listener, ...rest);
self.postMessage = (message, ...rest) => {
  if (message && message.type === READY) materialReady();
  else send(message, ...rest);
};

function load() {
  if (!loading) {
    loading = (async () => {
      const response = await fetch(new URL(`search/${LANG}.json`, SITE));
      if (!response.ok) throw new Error(`search/${LANG}.json: ${response.status}`);
      const index = await response.json();
      if (!material) importScripts(MATERIAL);
      const ready = new Promise((resolve) => (materialReady = resolve));
      material({ data: { type: SETUP, data: { ...index, options } } });
      await ready;
    })();
    loading.catch(() => (loading = null)); // offline and not stored: try again on the next query
  }
  return loading;
}

/** Each Cyrillic word as its stem, when the stem is a long enough beginning of the word. */
function stemmed(query) {
  const stem = self.lunr && self.lunr.ru && self.lunr.ru.stemmer;
  if (!stem) return query;
  return query.replace(CYRILLIC_WORD, (word) => {
    const lower = word.toLowerCase();
    const root = stem(lower);
    return root.length >= SHORTEST_STEM && lower.startsWith(root) ? root : word;
  });
}

async function answer(message) {
  if (message.type === SETUP) {
    options = message.data.options || {};
    send({ type: READY });
  } else if (message.type === QUERY) {
    if (!message.data.trim()) {
      send({ type: RESULT, data: { items: [] } });
      return;
    }
    try {
      await load();
    } catch (error) {
      console.warn(`Search is not available: ${error.message}`);
      send({ type: RESULT, data: { items: [] } });
      return;
    }
    await material({ data: { type: QUERY, data: stemmed(message.data) } });
  }
}

let queue = Promise.resolve(); // one message at a time, in the order the page sent them
listen("message", (event) => {
  queue = queue.then(() => answer(event.data));
});
