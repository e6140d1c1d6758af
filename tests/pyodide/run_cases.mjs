// Runs bridge requests inside Pyodide (Python 3.14, the browser's runtime) under Node.
// Usage: node run_cases.mjs <engine dir> <rules.json> <requests.json>  → prints a JSON array of responses.
import { readFileSync, readdirSync } from "node:fs";
import { dirname, join, relative } from "node:path";
import { loadPyodide } from "pyodide";

const [engineDir, rulesPath, requestsPath] = process.argv.slice(2);
const py = await loadPyodide();
// The engine's modules and its compiled catalogs (locale/<lang>/LC_MESSAGES/calculator.mo).
for (const entry of readdirSync(engineDir, { recursive: true, withFileTypes: true })) {
  if (!entry.isFile() || !/\.(py|mo)$/.test(entry.name)) continue;
  const path = join(entry.parentPath, entry.name);
  const target = `/engine/calculator/${relative(engineDir, path)}`;
  py.FS.mkdirTree(dirname(target));
  py.FS.writeFile(target, readFileSync(path));
}
py.runPython("import sys; sys.path.insert(0, '/engine')");
const bridge = py.pyimport("calculator.bridge");
bridge.load(readFileSync(rulesPath, "utf8"));
const requests = JSON.parse(readFileSync(requestsPath, "utf8"));
const responses = requests.map((r) => JSON.parse(bridge.handle(JSON.stringify(r))));
const version = py.runPython("import sys; sys.version.split()[0]");
process.stdout.write(JSON.stringify({ python: version, responses }));
