// Runs bridge requests inside Pyodide (Python 3.14, the browser's runtime) under Node.
// Usage: node run_cases.mjs <engine dir> <rules.json> <requests.json>  → prints a JSON array of responses.
import { readFileSync } from "node:fs";
import { loadEngine } from "./load_engine.mjs";

const [engineDir, rulesPath, requestsPath] = process.argv.slice(2);
const py = await loadEngine(engineDir);
const bridge = py.pyimport("calculator.bridge");
bridge.load(readFileSync(rulesPath, "utf8"));
const requests = JSON.parse(readFileSync(requestsPath, "utf8"));
const responses = requests.map((r) => JSON.parse(bridge.handle(JSON.stringify(r))));
const version = py.runPython("import sys; sys.version.split()[0]");
process.stdout.write(JSON.stringify({ python: version, responses }));
