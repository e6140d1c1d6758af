// Pyodide (Python 3.14, the browser's runtime) under Node, with the engine importable from /engine.
import { readFileSync, readdirSync } from "node:fs";
import { dirname, join, relative } from "node:path";
import { loadPyodide } from "pyodide";

const FULL_STDLIB = new URL("../../node_modules/pyodide/python_stdlib.zip", import.meta.url);

/** Pyodide with the engine's modules (sources, or the browser wheel's .pyc) and its compiled catalogs
 *  (locale/<lang>/LC_MESSAGES/*.mo).
 *  With `stdlib` (a reduced python_stdlib.zip built by kb/stdlib_zip.py), Python boots from it as
 *  the browser's worker does, with its fallback to the full zip installed (read from disk here). */
export async function loadEngine(engineDir, stdlib) {
  const py = await loadPyodide(stdlib ? { stdLibURL: stdlib } : {});
  if (stdlib) {
    globalThis.kzcalcFullStdlib = () => new Uint8Array(readFileSync(FULL_STDLIB));
    py.runPython("import _kzcalc_stdlib; _kzcalc_stdlib.install()");
  }
  for (const entry of readdirSync(engineDir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile() || !/\.(py|pyc|mo)$/.test(entry.name)) continue;
    const path = join(entry.parentPath, entry.name);
    const target = `/engine/calculator/${relative(engineDir, path)}`;
    py.FS.mkdirTree(dirname(target));
    py.FS.writeFile(target, readFileSync(path));
  }
  py.runPython("import sys; sys.path.insert(0, '/engine')");
  return py;
}
