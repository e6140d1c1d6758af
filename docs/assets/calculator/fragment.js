// The URL fragment <-> the form's state, in URLSearchParams syntax (documented on the page):
//   #mode=status&nationality=NL&stay=2025-04-01..2025-05-10&stay=2025-05-17..&on=2025-06-01
// Repeated `stay` / `trip` keys are the rows of the stays / trips tables. Values stay strings:
// nothing here parses a date (the engine does); nothing here is ever rendered as HTML.

import { FIELDS, RULE_FIELDS } from "./fields.js";

const SINGLE = ["mode", ...RULE_FIELDS, ...FIELDS.map((f) => f.name)];

export function readFragment(hash) {
  const params = new URLSearchParams(hash.replace(/^#/, ""));
  const state = { stays: [], trips: [] };
  for (const name of SINGLE) {
    if (params.has(name)) state[name] = params.get(name);
  }
  for (const [key, list] of [["stay", state.stays], ["trip", state.trips]]) {
    for (const text of params.getAll(key)) {
      const at = text.indexOf("..");
      list.push(at < 0 ? { entry: text, exit: "" } : { entry: text.slice(0, at), exit: text.slice(at + 2) });
    }
  }
  if (state.nationality !== undefined) state.rule_by = "nationality";
  else if (state.rule !== undefined) state.rule_by = "rule";
  else if (state.limit !== undefined || state.window !== undefined) state.rule_by = "custom";
  return state;
}

// The request the bridge gets is also what the fragment shows: one source for both.
export function writeFragment(request, mode) {
  const params = new URLSearchParams();
  params.set("mode", mode);
  for (const [key, value] of Object.entries(request)) {
    if (key === "action") continue;
    if (key === "stays" || key === "trips") {
      for (const text of value) params.append(key.slice(0, -1), text);
    } else {
      params.set(key, String(value));
    }
  }
  return "#" + params.toString().replace(/%2C/g, ",");
}
