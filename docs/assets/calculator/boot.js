// Loaded with `async` from the calculator page's <head>: starts Pyodide in the worker before the
// page has finished parsing, and keeps the worker's first messages until calculator.js listens.
// The worker lives in /calculator/ (not /assets/) so that it is inside the service worker's scope:
// a dedicated worker is controlled by the registration matching its own URL, and only a
// controlled worker can load Pyodide from the cache when offline.

const tag = document.getElementById("kzcalc-boot");
const here = new URL("./", tag.src);
const build = {
  key: tag.dataset.key,
  pyodide: tag.dataset.pyodide,
  dataVersion: tag.dataset.dataVersion,
};
const pyodideUrl = new URL(`vendor/pyodide-${build.pyodide}/`, here).href;
const manifest = {
  key: build.key,
  pyodide: build.pyodide,
  base: here.href,
  pyodide_url: pyodideUrl,
  pyodide_module: new URL("pyodide.mjs", pyodideUrl).href,
  wheel: new URL(`build/${build.key}/${tag.dataset.wheel}`, here).href,
  rules: new URL(`build/${build.key}/rules.json`, here).href,
  // issue 21: Python boots from the build's reduced stdlib and package-less lock file
  // (kb/stdlib_zip.py); the full zip is fetched only if an import ever needs a module left out
  stdlib: new URL(`build/${build.key}/python_stdlib.zip`, here).href,
  lockfile: new URL(`build/${build.key}/pyodide-lock.json`, here).href,
  full_stdlib: new URL("python_stdlib.zip", pyodideUrl).href,
};
const swUrl = new URL(tag.dataset.sw, document.baseURI); // this language's calculator/sw.js
const siteRoot = new URL("../../", here); // boot.js is in <site>/assets/calculator/
const worker = new Worker(new URL(`worker.js?v=${build.key}`, swUrl), { type: "module" });
worker.postMessage({ type: "init", manifest });

const early = [];
worker.onmessage = (event) => early.push(["message", event]);
worker.onerror = (event) => early.push(["error", event]);

// A second worker, started after the first answer, makes the memory snapshot for the next visit.
function makeSnapshot(onDone) {
  const helper = new Worker(new URL(`worker.js?v=${build.key}`, swUrl), { type: "module" });
  helper.onmessage = (event) => {
    if (event.data.type !== "snapshot") return;
    helper.terminate();
    onDone(event.data.saved);
  };
  helper.onerror = () => { helper.terminate(); onDone(false); };
  helper.postMessage({ type: "snapshot", manifest });
}

export const boot = {
  worker,
  build,
  swUrl,
  siteRoot,
  makeSnapshot,
  attach(onMessage, onError) {
    worker.onmessage = onMessage;
    worker.onerror = onError;
    for (const [kind, event] of early.splice(0)) (kind === "message" ? onMessage : onError)(event);
  },
};
