// Compiles the engine's modules for the browser, inside Pyodide under Node (its Python 3.14 makes
// the bytecode the page runs). kb/engine_wheel.py runs it at build time, cached per engine source
// and Pyodide version. Usage: node kb/engine_compile.mjs <sources.zip> <out.zip>
// Every `<name>.py` of sources.zip becomes `<name>.pyc` in out.zip (kb/stdlib_graph.py: compiled,
// without docstrings but with the asserts, one line per function in tracebacks).
import { readFileSync, writeFileSync } from "node:fs";
import { loadPyodide } from "pyodide";

const [sources, out] = process.argv.slice(2); // read first: Pyodide's boot may change process.argv
const py = await loadPyodide();
py.FS.writeFile("/tmp/stdlib_graph.py", readFileSync(new URL("./stdlib_graph.py", import.meta.url)));
py.FS.writeFile("/tmp/sources.zip", readFileSync(sources));
py.runPython(`
import sys, zipfile
sys.path.insert(0, "/tmp")
import stdlib_graph
with zipfile.ZipFile("/tmp/sources.zip") as source, zipfile.ZipFile("/tmp/out.zip", "w") as target:
    for name in source.namelist():
        target.writestr(name + "c", stdlib_graph.compiled(source.read(name), name, keep_asserts=True))
`);
writeFileSync(out, py.FS.readFile("/tmp/out.zip"));
