// The calculator's Python engine, in a module Web Worker (Pyodide's webworker pattern).
// Messages in:  {type: "init", manifest: {...absolute URLs...}}  then {type: "handle", id, request}
//               or, in a second worker started after the first answer, {type: "snapshot", manifest}
// Messages out: {type: "progress", text} · {type: "ready", version, boot}
//               {type: "response", id, response} · {type: "failed", message} · {type: "snapshot", saved}
// Only JSON strings cross into Python (calculator.bridge.handle); no PyProxy is kept.
//
// The first visit downloads each file once: Pyodide boots plainly from the network (no copy of
// the download stream: a cloned response loses the browser's fast path into the wasm compiler);
// after the first answer the service worker pre-caches the same URLs, which the HTTP cache then
// answers (versioned files are sent `immutable`, see kb/serve.py and the README). The memory
// snapshot that makes the next visit fast is made by a second worker after the first answer,
// off the path to it (a `_makeSnapshot` boot is slower than a plain one). On the path to the first
// answer: the downloads start with the pyodide.mjs import, the wheel is unzipped by the browser
// while Python boots, and a request the page sent early is answered as soon as Python is ready.

const SNAPSHOT_CACHE = "kzcalc-snapshot";  // one entry, replaced when the build changes
const TEXT = { python: "Loading Python (Pyodide)…", engine: "Loading the calculator engine…" };
let pyodide = null;
let queue = [];

function say(text) {
  postMessage({ type: "progress", text });
}

async function fetchOk(url, as) {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`${url} answered ${response.status}`);
  return as === "text" ? response.text() : response.arrayBuffer();
}

// A memory snapshot of Pyodide with the engine imported, kept in Cache Storage and keyed by the
// Pyodide version and the build key; a second visit restores it instead of booting Python again.
function snapshotUrl(manifest) {
  return new URL(`snapshot/${manifest.pyodide}/${manifest.key}.bin`, manifest.base).href;
}

async function readSnapshot(manifest) {
  try {
    const cache = await caches.open(SNAPSHOT_CACHE);
    const hit = await cache.match(snapshotUrl(manifest));
    return hit ? new Uint8Array(await hit.arrayBuffer()) : null;
  } catch {
    return null; // Cache Storage unavailable (private mode, file://): boot normally
  }
}

async function writeSnapshot(manifest, bytes) {
  try {
    const cache = await caches.open(SNAPSHOT_CACHE);
    for (const old of await cache.keys()) await cache.delete(old);
    await cache.put(snapshotUrl(manifest), new Response(bytes));
    return true;
  } catch {
    return false; // no cache: the next visit boots normally
  }
}

// The engine wheel's files, unzipped by the browser (DecompressionStream) while Python boots; Python's
// own unpackArchive, the fallback, would spend its time on the path to the first answer instead.
async function unzip(buffer) {
  const bytes = new Uint8Array(buffer);
  const view = new DataView(buffer);
  const u16 = (at) => view.getUint16(at, true);
  const u32 = (at) => view.getUint32(at, true);
  let end = bytes.length - 22; // the end-of-central-directory record, after any archive comment
  while (end >= 0 && u32(end) !== 0x06054b50) end--;
  if (end < 0) throw new Error("not a zip archive");
  const files = [];
  for (let i = 0, at = u32(end + 16); i < u16(end + 10); i++) {
    if (u32(at) !== 0x02014b50) throw new Error("bad zip central directory");
    const [method, packed, size, local] = [u16(at + 10), u32(at + 20), u32(at + 24), u32(at + 42)];
    const name = new TextDecoder().decode(bytes.subarray(at + 46, at + 46 + u16(at + 28)));
    at += 46 + u16(at + 28) + u16(at + 30) + u16(at + 32);
    if (name.endsWith("/")) continue;
    if (u32(local) !== 0x04034b50 || ![0, 8].includes(method)) throw new Error(`cannot unzip ${name}`);
    const start = local + 30 + u16(local + 26) + u16(local + 28);
    const data = bytes.subarray(start, start + packed);
    files.push((async () => {
      const out = method === 0 ? data : new Uint8Array(await new Response(
        new Blob([data]).stream().pipeThrough(new DecompressionStream("deflate-raw"))).arrayBuffer());
      if (out.length !== size) throw new Error(`${name}: wrong size`);
      return [name, out];
    })());
  }
  return Promise.all(files);
}

// Where unpackArchive would put them: Python's working directory, which is on sys.path.
function install(py, files) {
  const home = py.FS.cwd();
  for (const [name, data] of files) {
    const path = `${home}/${name}`;
    py.FS.mkdirTree(path.slice(0, path.lastIndexOf("/")));
    py.FS.writeFile(path, data);
  }
}

// issue 21: the reduced standard library. loadPyodide gets the build's python_stdlib.zip (only what
// Pyodide's boot and the engine import, kb/stdlib_zip.py) and a lock file without packages; the
// zip's _kzcalc_stdlib finder, last on sys.meta_path, calls kzcalcFullStdlib() if an import ever
// asks for a module left out: a synchronous request (allowed in a worker) for the full zip.
// If the reduced zip cannot boot at all, the full one does.
let fullStdlib = null;
globalThis.kzcalcFullStdlib = () => {
  const request = new XMLHttpRequest();
  request.open("GET", fullStdlib, false);
  request.responseType = "arraybuffer";
  request.send(null);
  if (request.status !== 200) throw new Error(`${fullStdlib} answered ${request.status}`);
  return new Uint8Array(request.response);
};

function options(manifest, extra = {}) {
  fullStdlib = manifest.full_stdlib;
  return { indexURL: manifest.pyodide_url, stdLibURL: manifest.stdlib, lockFileURL: manifest.lockfile, ...extra };
}

const FALLBACK = "import _kzcalc_stdlib; _kzcalc_stdlib.install()";
const RESTORED = "import _kzcalc_stdlib; _kzcalc_stdlib.restored(); import random; random.seed()";

const IMPORTS = `
import importlib
import calculator.bridge
for _name in ("calculator.visa_free.plan", "calculator.visa_free.next_entry", "calculator.core.periods",
              "calculator.timeline.checks", "calculator.after_permit.obligations", "calculator.export.ics"):
    try:
        importlib.import_module(_name)
    except ImportError:
        pass
`;

function loadRules(py, json) {
  py.globals.set("_rules_json", json);
  const version = py.runPython("__import__('calculator.bridge').bridge.load(_rules_json)");
  py.globals.delete("_rules_json");
  return version;
}

async function boot(manifest) {
  const started = performance.now();
  const phases = {};
  const mark = (name) => { phases[name] = Math.round(performance.timeOrigin + performance.now()); };
  mark("start");
  say(TEXT.python);
  // the downloads and the snapshot lookup start at once, in parallel with the import
  const stored = readSnapshot(manifest);
  const wheel = fetchOk(manifest.wheel, "bytes");
  const rules = fetchOk(manifest.rules, "text");
  rules.catch(() => {}); // a restore of this build does not wait for it (see below)
  const { loadPyodide } = await import(manifest.pyodide_module);
  mark("pyodide_mjs");
  const snapshot = await stored;
  const full = () => loadPyodide({ indexURL: manifest.pyodide_url }).then((py) => [py, "full"]);
  const plain = () => loadPyodide(options(manifest)).then((py) => [py, "cold"], full);
  const booting = snapshot
    ? loadPyodide(options(manifest, { _loadSnapshot: snapshot }))
        .then((py) => [py, "snapshot"], plain) // a snapshot of another build: a plain boot
    : plain();
  // the wheel is unzipped while Python boots (a task later: loadPyodide's downloads go first)
  const later = (value) => new Promise((resolve) => setTimeout(resolve, 0, value));
  const unzipped = wheel.then(later).then(unzip).catch(() => null);
  const [py, how] = await booting;
  mark("python");
  say(TEXT.engine);
  // The wheel is unpacked on every boot: the snapshot holds imported modules, not files.
  const files = await unzipped;
  if (files) install(py, files);
  else py.unpackArchive(await wheel, "wheel");
  mark("wheel");
  if (how === "snapshot") py.runPython(RESTORED);
  else if (how === "cold") py.runPython(FALLBACK);
  // issue 21: a snapshot of this build (its URL has the build key, which has the data version)
  // already holds the rules loaded; anything else loads them
  let version = how === "snapshot" && py.globals.get("_kz_build") === manifest.key
    ? py.globals.get("_kz_version") : null;
  if (!version) version = loadRules(py, await rules);
  pyodide = py;
  mark("ready");
  // the page's option lists come from its HTML (built from data/), so no `meta` round trip here
  postMessage({ type: "ready", version, boot: { how, ms: Math.round(performance.now() - started), phases } });
  for (const message of queue) answer(message);
  queue = [];
}

// In a second worker, after the first answer: boot Python for a snapshot, import the engine, keep
// the snapshot. It holds the imported engine and this build's rule data (loaded again on restore
// only if the snapshot is not of this build). The files come from the HTTP cache.
async function makeSnapshot(manifest) {
  let saved = false;
  try {
    const { loadPyodide } = await import(manifest.pyodide_module);
    const py = await loadPyodide(options(manifest, { _makeSnapshot: true }));
    const response = await fetch(manifest.wheel);
    py.unpackArchive(await response.arrayBuffer(), "wheel");
    py.runPython(FALLBACK);
    py.runPython(IMPORTS);
    // the rules too (Python strings only, no JS object): a restore of this build skips loading them
    py.globals.set("_kz_version", loadRules(py, await fetchOk(manifest.rules, "text")));
    py.globals.set("_kz_build", manifest.key);
    saved = await writeSnapshot(manifest, py.makeMemorySnapshot());
  } catch {
    saved = false; // the next visit boots normally
  }
  postMessage({ type: "snapshot", saved });
}

function handle(requestJson) {
  pyodide.globals.set("_request_json", requestJson);
  return pyodide.runPython("__import__('calculator.bridge').bridge.handle(_request_json)");
}

function answer(message) {
  postMessage({ type: "response", id: message.id, response: handle(message.request) });
}

onmessage = (event) => {
  const message = event.data;
  if (message.type === "init") {
    boot(message.manifest).catch((error) => {
      postMessage({ type: "failed", message: String((error && error.message) || error) });
    });
  } else if (message.type === "snapshot") {
    makeSnapshot(message.manifest);
  } else if (message.type === "handle") {
    if (pyodide) answer(message);
    else queue.push(message);
  }
};
