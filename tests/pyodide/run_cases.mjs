// Runs bridge requests inside Pyodide (Python 3.14, the browser's runtime) under Node.
// Usage: node run_cases.mjs <engine dir> <rules.json> <requests.json>  → prints a JSON array of responses.
import { readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { loadPyodide } from "pyodide";

const [engineDir, rulesPath, requestsPath] = process.argv.slice(2);
const py = await loadPyodide();
py.FS.mkdirTree("/engine/calculator");
for (const name of readdirSync(engineDir).filter((n) => n.endsWith(".py"))) {
  py.FS.writeFile(`/engine/calculator/${name}`, readFileSync(join(engineDir, name), "utf8"));
}
py.runPython("import sys; sys.path.insert(0, '/engine')");
const bridge = py.pyimport("calculator.bridge");
bridge.load(readFileSync(rulesPath, "utf8"));
const requests = JSON.parse(readFileSync(requestsPath, "utf8"));
const responses = requests.map((r) => JSON.parse(bridge.handle(JSON.stringify(r))));
const version = py.runPython("import sys; sys.version.split()[0]");
process.stdout.write(JSON.stringify({ python: version, responses }));
