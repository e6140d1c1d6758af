// Pyodide (Python 3.14, the browser's runtime) under Node, with the engine importable from /engine.
import { readFileSync, readdirSync } from "node:fs";
import { dirname, join, relative } from "node:path";
import { loadPyodide } from "pyodide";

/** Pyodide with the engine's modules and its compiled catalogs (locale/<lang>/LC_MESSAGES/*.mo). */
export async function loadEngine(engineDir) {
  const py = await loadPyodide();
  for (const entry of readdirSync(engineDir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile() || !/\.(py|mo)$/.test(entry.name)) continue;
    const path = join(entry.parentPath, entry.name);
    const target = `/engine/calculator/${relative(engineDir, path)}`;
    py.FS.mkdirTree(dirname(target));
    py.FS.writeFile(target, readFileSync(path));
  }
  py.runPython("import sys; sys.path.insert(0, '/engine')");
  return py;
}
