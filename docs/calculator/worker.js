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
// A returning visit reads the snapshot, which holds every engine module imported and the rules
// loaded, so it fetches neither the wheel nor rules.json.

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

// A memory snapshot of Pyodide with the engine imported and this build's rules loaded, made in a
// second worker that never sees a person's request (so it holds no one's dates). A second visit
// restores it instead of booting Python again. It is kept in the origin-private file system
// (OPFS), one file per Pyodide version and build key: a synchronous read of its 31 MB takes about
// 25 ms in this worker, where Cache Storage took 60 ms alone and 150–340 ms while the wasm was
// read beside it (benchmarks/README.md). Where OPFS cannot write atomically (no createWritable),
// Cache Storage keeps it as before.
const SNAPSHOT_CACHE = "kzcalc-snapshot";  // the fallback store: one entry, replaced per build
const SNAPSHOT_PREFIX = "kzcalc-snapshot-";

function snapshotName(manifest) {
  return `${SNAPSHOT_PREFIX}${manifest.pyodide}-${manifest.key}.bin`;
}

function snapshotUrl(manifest) {
  return new URL(`snapshot/${manifest.pyodide}/${manifest.key}.bin`, manifest.base).href;
}

// Where this build's snapshot is, without reading it: {read: () => Promise<Uint8Array>} or null.
async function findSnapshot(manifest) {
  try {
    const root = await navigator.storage.getDirectory();
    const file = await root.getFileHandle(snapshotName(manifest));
    return { read: () => readFile(file) };
  } catch {
    // not in OPFS (none yet, or no OPFS here): the fallback store, then a normal boot
  }
  try {
    const hit = await (await caches.open(SNAPSHOT_CACHE)).match(snapshotUrl(manifest));
    return hit ? { read: async () => new Uint8Array(await hit.arrayBuffer()) } : null;
  } catch {
    return null; // no Cache Storage either (private mode, file://): boot normally
  }
}

async function readFile(file) {
  let access = null;
  try {
    access = await file.createSyncAccessHandle();
  } catch {
    // another tab holds the file's one synchronous handle: read it as a File instead
    return new Uint8Array(await (await file.getFile()).arrayBuffer());
  }
  try {
    const bytes = new Uint8Array(access.getSize());
    if (access.read(bytes, { at: 0 }) !== bytes.length) throw new Error("snapshot read short");
    return bytes;
  } finally {
    access.close();
  }
}

async function writeSnapshot(manifest, bytes) {
  try {
    const root = await navigator.storage.getDirectory();
    const file = await root.getFileHandle(snapshotName(manifest), { create: true });
    if (!file.createWritable) throw new Error("no atomic write");
    const writable = await file.createWritable(); // written aside, swapped in on close()
    await writable.write(bytes);
    await writable.close();
    try {
      for await (const name of root.keys()) {
        if (name.startsWith(SNAPSHOT_PREFIX) && name !== snapshotName(manifest)) await root.removeEntry(name);
      }
    } catch {
      // an older build's file stays until the next snapshot is written; this one is stored
    }
    return true;
  } catch {
    // no OPFS that writes atomically: Cache Storage
  }
  try {
    const cache = await caches.open(SNAPSHOT_CACHE);
    for (const old of await cache.keys()) await cache.delete(old);
    await cache.put(snapshotUrl(manifest), new Response(bytes));
    return true;
  } catch {
    return false; // no store: the next visit boots normally
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

// Every module of the engine, from the wheel's file names (calculator/core/dates.pyc, compiled
// at build time by kb/engine_wheel.py, -> calculator.core.dates; not calculator/__main__, the
// command line's door).
function engineModules(files) {
  return files.map(([name]) => name.replace(/\.pyc$/, ".py"))
    .filter((name) => /^calculator\/.*\.py$/.test(name) && !name.endsWith("/__main__.py"))
    .map((name) => name.slice(0, -3).replace(/\/__init__$/, "").replaceAll("/", "."));
}

// In the snapshot: every engine module imported and every language's catalog read (the only files
// the engine opens once running), so a restore needs none of the wheel's files.
const PREPARE = `
import importlib, json
for _name in json.loads(_kz_modules):
    importlib.import_module(_name)
from calculator.core import i18n
for _lang in i18n.LANGUAGES:
    i18n.translations(_lang)
`;

function loadRules(py, json) {
  py.globals.set("_rules_json", json);
  const version = py.runPython("__import__('calculator.bridge').bridge.load(_rules_json)");
  py.globals.delete("_rules_json");
  return version;
}

const later = (value) => new Promise((resolve) => setTimeout(resolve, 0, value));

function once(make) {
  let made = null;
  return () => (made ??= make());
}

async function boot(manifest) {
  const started = performance.now();
  const phases = {};
  const mark = (name) => { phases[name] = Math.round(performance.timeOrigin + performance.now()); };
  mark("start");
  say(TEXT.python);
  // The snapshot lookup and both of Pyodide's modules start at once (loadPyodide would import
  // pyodide.asm.mjs only once pyodide.mjs has run; the second import below is the same module).
  const stored = findSnapshot(manifest);
  const imported = import(manifest.pyodide_module);
  import(new URL("pyodide.asm.mjs", manifest.pyodide_url).href).catch(() => {});
  // The engine's files and rules: a cold boot fetches them at once; a restore of this build
  // needs neither (the snapshot holds the engine imported and the rules loaded).
  const wheel = once(() => fetchOk(manifest.wheel, "bytes"));
  const rules = once(() => fetchOk(manifest.rules, "text"));
  const unzipped = once(() => wheel().then(later).then(unzip).catch(() => null));
  const snapshot = await stored;
  if (!snapshot) { unzipped(); rules().catch(() => {}); }
  const { loadPyodide } = await imported;
  mark("pyodide_mjs");
  const full = () => loadPyodide({ indexURL: manifest.pyodide_url }).then((py) => [py, "full"]);
  const plain = () => { unzipped(); return loadPyodide(options(manifest)).then((py) => [py, "cold"], full); };
  // the snapshot is read a task later, so that loadPyodide has asked for the wasm first
  const booting = snapshot
    ? loadPyodide(options(manifest, { _loadSnapshot: later().then(snapshot.read) }))
        .then((py) => [py, "snapshot"], plain) // unreadable, or of an older Pyodide: a plain boot
    : plain();
  const [py, how] = await booting;
  mark("python");
  say(TEXT.engine);
  let version = how === "snapshot" && py.globals.get("_kz_build") === manifest.key
    ? py.globals.get("_kz_version") : null;
  if (!version) {
    const files = await unzipped();
    if (files) install(py, files);
    else py.unpackArchive(await wheel(), "wheel");
  }
  mark("wheel");
  if (how === "snapshot") py.runPython(RESTORED);
  else if (how === "cold") py.runPython(FALLBACK);
  if (!version) version = loadRules(py, await rules());
  pyodide = py;
  mark("ready");
  // the page's option lists come from its HTML (built from data/), so no `meta` round trip here
  postMessage({ type: "ready", version, boot: { how, ms: Math.round(performance.now() - started), phases } });
  for (const message of queue) answer(message);
  queue = [];
}

// In a second worker, after the first answer: boot Python for a snapshot, import every module of
// the engine, load this build's rules, keep the snapshot. The files come from the HTTP cache. If
// any module fails to import there is no snapshot, and the next visit boots normally.
async function makeSnapshot(manifest) {
  let saved = false;
  try {
    const { loadPyodide } = await import(manifest.pyodide_module);
    const py = await loadPyodide(options(manifest, { _makeSnapshot: true }));
    const files = await unzip(await fetchOk(manifest.wheel, "bytes"));
    install(py, files);
    py.runPython(FALLBACK);
    py.globals.set("_kz_modules", JSON.stringify(engineModules(files)));
    py.runPython(PREPARE);
    py.globals.delete("_kz_modules");
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
