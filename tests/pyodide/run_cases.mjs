// Runs bridge requests inside Pyodide (Python 3.14, the browser's runtime) under Node.
// Usage: node run_cases.mjs <engine dir> <rules.json> <requests.json> [<stdlib.zip> <modules.json>]
//   → prints {python, responses} (a JSON array of responses).
// With a reduced stdlib zip (kb/stdlib_zip.py): Python boots from it, imports the modules listed in
// modules.json after the requests, and the output adds `fallback`: the modules that had to come
// from the full zip (none, if the reduced zip holds everything the engine imports).
import { readFileSync } from "node:fs";
import { loadEngine } from "./load_engine.mjs";

const [engineDir, rulesPath, requestsPath, stdlib, modulesPath] = process.argv.slice(2);
const py = await loadEngine(engineDir, stdlib);
const bridge = py.pyimport("calculator.bridge");
bridge.load(readFileSync(rulesPath, "utf8"));
const requests = JSON.parse(readFileSync(requestsPath, "utf8"));
const responses = requests.map((r) => JSON.parse(bridge.handle(JSON.stringify(r))));
const version = py.runPython("import sys; sys.version.split()[0]");
const out = { python: version, responses };
if (stdlib) {
  for (const name of JSON.parse(readFileSync(modulesPath, "utf8"))) py.pyimport(name);
  out.fallback = py.runPython("import _kzcalc_stdlib; _kzcalc_stdlib.loaded").toJs();
}
process.stdout.write(JSON.stringify(out));
