// Runs command lines through calculator.cli.main.main inside Pyodide (Python 3.14's argparse) under Node,
// as far as argparse goes (help and argparse's errors; answers need data/, which stays on the host).
// Usage: node run_cli.mjs <engine dir> <argvs.json>  → prints {python, runs: [{code, stdout, stderr}]}.
import { readFileSync } from "node:fs";
import { loadEngine } from "./load_engine.mjs";

const [engineDir, argvsPath] = process.argv.slice(2);
const py = await loadEngine(engineDir);
py.globals.set("argvs_json", readFileSync(argvsPath, "utf8"));
const runs = py.runPython(`
import contextlib, io, json, os
from calculator.cli.main import main

os.environ.update(COLUMNS="80", NO_COLOR="1")  # the width and colours of a plain 80-column pipe
runs = []
for argv in json.loads(argvs_json):
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        try:
            code = main(argv)
        except SystemExit as stop:
            code = stop.code
    runs.append({"code": code, "stdout": out.getvalue(), "stderr": err.getvalue()})
json.dumps(runs)
`);
const version = py.runPython("import sys; sys.version.split()[0]");
process.stdout.write(JSON.stringify({ python: version, runs: JSON.parse(runs) }));
