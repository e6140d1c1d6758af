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
//
// Short function words ("о", "в", "для", "the", "of") are left out of the query, so that
// «справка о несудимости» does not search every word beginning with «о» nor highlight each «о» on
// the page it opens (Material highlights the terms its worker matched); a query of stop words only
// is searched as typed. Results whose page or section title holds every word of the query come
// first, the title the query covers most first (of its words, the share the query's words begin),
// that section at the head of its page's group: "справку" puts the document «Справка о
// несудимости» first, not a pitfall that mentions it.
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
const WORD = /[\p{L}\p{N}]+/gu;
// Snowball's Russian and English stop words (the short ones a reader types), in lower case
const STOP_WORDS = new Set(
  (
    "и в во не что он на я с со как а то все она так его но да ты к у же вы за бы по только ее её " +
    "мне было вот от меня еще ещё нет о об обо из ему теперь когда даже ну ли если уже или ни быть " +
    "был него до вас нибудь уж вам ведь там потом себя ей может они тут где есть надо ней для мы " +
    "тебя их чем была сам чтоб без чего раз тоже себе под будет ж тогда кто этот того потому " +
    "этого какой ним здесь этом почти мой тем чтобы нее были куда всех можно при два другой " +
    "хоть после над тот через эти нас про всего них какая эту моя этой перед том такой им более " +
    "между a an and are as at be by for from has have in is it its of on or that the this to was " +
    "were will with"
  ).split(" "),
);

let options = {}; // Material's search options (search.suggest), from the page's setup message
let material = null; // Material's message listener, once imported
let loading = null; // the promise of Material set up with this language's documents
let materialReady = null; // resolves when Material answers its setup message
let asked = []; // the words of the query being answered (stems, no stop words), for the ranking

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
  else send(message && message.type === RESULT ? titlesFirst(message) : message, ...rest);
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

/** The query without its stop words (as typed when it has nothing else). */
function withoutStopWords(query) {
  const words = query.match(WORD) || [];
  const kept = words.filter((word) => !STOP_WORDS.has(word.toLowerCase()));
  return kept.length ? kept.join(" ") : query;
}

/** How much of a title (Material's, with its <mark> tags) the query covers: the share of the
 * title's words (stop words aside) that begin with a word asked for, 0 unless every word asked
 * for begins a word of the title. */
function coverage(title) {
  const words = (title.replace(/<[^>]*>/g, "").toLowerCase().match(WORD) || []).filter(
    (word) => !STOP_WORDS.has(word),
  );
  const found = (stem) => words.some((word) => word.startsWith(stem));
  if (!words.length || !asked.every(found)) return 0;
  return words.filter((word) => asked.some((stem) => word.startsWith(stem))).length / words.length;
}

/** Material's result, the pages whose best section title the query covers most first, that
 * section first among the page's sections (the page's own entry stays at the head). */
function titlesFirst(message) {
  const items = message.data && message.data.items;
  if (!Array.isArray(items) || !asked.length) return message;
  const ranked = items.map((group, order) => {
    const scores = group.map((doc) => coverage(doc.title || ""));
    const best = scores.indexOf(Math.max(...scores));
    const head = group[0] && !String(group[0].location).includes("#") ? 1 : 0;
    if (scores[best] === 0 || best <= head) return { group, score: scores[best], order };
    const others = group.slice(head).filter((_, i) => i + head !== best);
    const moved = [...group.slice(0, head), group[best], ...others];
    return { group: moved, score: scores[best], order };
  });
  ranked.sort((a, b) => b.score - a.score || a.order - b.order);
  return { ...message, data: { ...message.data, items: ranked.map(({ group }) => group) } };
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
    const query = stemmed(withoutStopWords(message.data));
    asked = (query.match(WORD) || []).map((word) => word.toLowerCase());
    await material({ data: { type: QUERY, data: query } });
  }
}

let queue = Promise.resolve(); // one message at a time, in the order the page sent them
listen("message", (event) => {
  queue = queue.then(() => answer(event.data));
});
