// The calculator's Python engine, in a module Web Worker (Pyodide's webworker pattern).
// Messages in:  {type: "init", manifest: {...absolute URLs...}}  then {type: "handle", id, request}
// Messages out: {type: "progress", text} · {type: "ready", version, meta, boot} · {type: "snapshot", saved}
//               {type: "response", id, response} · {type: "failed", message}
// Only JSON strings cross into Python (calculator.bridge.handle); no PyProxy is kept.

const SNAPSHOT_CACHE = "kzcalc-snapshot";  // one entry, replaced when the build changes
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

const IMPORTS = `
import importlib
import calculator.bridge
for _name in ("calculator.timeline", "calculator.obligations", "calculator.ics"):
    try:
        importlib.import_module(_name)
    except ImportError:
        pass
`;

async function boot(manifest) {
  const started = performance.now();
  const phases = {};
  const mark = (name) => { phases[name] = Math.round(performance.timeOrigin + performance.now()); };
  mark("start");
  say("Loading Python (Pyodide)…");
  const { loadPyodide } = await import(manifest.pyodide_module);
  mark("pyodide_mjs");
  const wheel = fetchOk(manifest.wheel, "bytes");
  const rules = fetchOk(manifest.rules, "text");
  const snapshot = await readSnapshot(manifest);
  let py = null;
  let how = "cold";
  if (snapshot) {
    try {
      py = await loadPyodide({ indexURL: manifest.pyodide_url, _loadSnapshot: snapshot });
      how = "snapshot";
    } catch (error) {
      py = null; // a snapshot from another build: fall back to a plain boot
    }
  }
  if (!py) {
    py = await loadPyodide({ indexURL: manifest.pyodide_url, _makeSnapshot: true });
  }
  mark("python");
  say("Loading the calculator engine…");
  // The wheel is unpacked on every boot: the snapshot holds imported modules, not files.
  py.unpackArchive(await wheel, "wheel");
  if (how === "cold") {
    py.runPython(IMPORTS);
    snapshotLater = () => saveSnapshot(manifest, py);
  } else {
    py.runPython("import random; random.seed()");
  }
  py.globals.set("_rules_json", await rules);
  const version = py.runPython("__import__('calculator.bridge').bridge.load(_rules_json)");
  py.globals.delete("_rules_json");
  pyodide = py;
  const meta = JSON.parse(handle(JSON.stringify({ action: "meta" })));
  mark("ready");
  postMessage({ type: "ready", version, meta, boot: { how, ms: Math.round(performance.now() - started), phases } });
  for (const message of queue) answer(message);
  queue = [];
}

// Made after the first answer is on screen, so it never delays it. The snapshot keeps the imported
// engine; the rule data is loaded again on restore (bridge.load), so it may hold old data safely.
let snapshotLater = null;

async function saveSnapshot(manifest, py) {
  let saved = false;
  try {
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
  if (snapshotLater) {
    const save = snapshotLater;
    snapshotLater = null;
    setTimeout(save, 0);
  }
}

onmessage = (event) => {
  const message = event.data;
  if (message.type === "init") {
    boot(message.manifest).catch((error) => {
      postMessage({ type: "failed", message: String((error && error.message) || error) });
    });
  } else if (message.type === "handle") {
    if (pyodide) answer(message);
    else queue.push(message);
  }
};
