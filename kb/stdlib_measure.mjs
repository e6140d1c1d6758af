// Measured inside Pyodide under Node at build time (kb/stdlib_zip.py runs it, once per Pyodide
// version): what Pyodide's own boot imports, as the calculator's worker boots it (a plain boot and
// a `_makeSnapshot` boot, a wheel unpacked with unpackArchive, a memory snapshot made), which
// modules are compiled into the runtime, and the import graph of the full python_stdlib.zip
// (kb/stdlib_graph.py, run by Pyodide's Python 3.14, which reads the 3.14 sources).
// It also compiles every module of the full zip (kb/stdlib_graph.py: compile_zip) into <pyc.zip>.
// Usage: node kb/stdlib_measure.mjs <pyc.zip>  → prints JSON {pyodide, python, builtin, boot, graph}.
import { readFileSync, writeFileSync } from "node:fs";
import { loadPyodide, version } from "pyodide";

const PYC_OUT = process.argv[2]; // read first: Pyodide's boot may change process.argv
const GRAPH = readFileSync(new URL("./stdlib_graph.py", import.meta.url));
const boot = new Set();
const record = (py) => {
  for (const name of py.runPython("import sys; sorted(sys.modules)").toJs()) boot.add(name);
};

const plain = await loadPyodide();
record(plain);
const py = await loadPyodide({ _makeSnapshot: true });
const wheel = py.runPython(`
import io, zipfile
_buffer = io.BytesIO()
with zipfile.ZipFile(_buffer, "w") as _archive:
    _archive.writestr("kz_probe/__init__.py", "")
    _archive.writestr("kz_probe-0.dist-info/METADATA", "Metadata-Version: 2.1\\nName: kz-probe\\nVersion: 0\\n")
    _archive.writestr("kz_probe-0.dist-info/WHEEL", "Wheel-Version: 1.0\\nRoot-Is-Purelib: true\\nTag: py3-none-any\\n")
    _archive.writestr("kz_probe-0.dist-info/RECORD", "")
_buffer.getvalue()
`).toJs();
py.unpackArchive(wheel, "wheel");
py.runPython("import random; random.seed()");
record(py);
py.makeMemorySnapshot();
record(py);

plain.FS.writeFile("/tmp/stdlib_graph.py", GRAPH);
const out = plain.runPython(`
import json, sys
sys.path.insert(0, "/tmp")
import stdlib_graph
_zip = next(p for p in sys.path if p.endswith(".zip"))
stdlib_graph.compile_zip(_zip, "/tmp/stdlib_pyc.zip", _zip)
json.dumps({
    "python": sys.version.split()[0],
    "builtin": sorted(sys.builtin_module_names),
    "graph": stdlib_graph.zip_graph(_zip),
})
`);
writeFileSync(PYC_OUT, plain.FS.readFile("/tmp/stdlib_pyc.zip"));
const result = JSON.parse(out);
process.stdout.write(JSON.stringify({ pyodide: version, ...result, boot: [...boot].sort() }));
