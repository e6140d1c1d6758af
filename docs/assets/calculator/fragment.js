// The URL fragment <-> the form's state, in URLSearchParams syntax (documented on the page):
//   #mode=status&nationality=NL&stay=2025-04-01..2025-05-10&stay=2025-05-17..&on=2025-06-01
// Repeated `stay` / `trip` keys are the rows of the stays / trips tables. Values stay strings:
// nothing here parses a date (the engine does); nothing here is ever rendered as HTML.

import { FIELDS, MODES, RULE_FIELDS, modeKeys } from "./fields.js";

const SINGLE = ["mode", ...RULE_FIELDS, ...FIELDS.map((f) => f.name)];
const KNOWN = new Set([...SINGLE, "stay", "trip"]);

// A link without `mode=` (as first specified: `enter=` for a plan, `from=` + `days=` for the
// earliest re-entry, `trip=` for days abroad …) gets the first mode, in the form's order, whose
// fields include every key of the link. `inferred` says what happened, for the page to tell:
// {mode, unknown: keys no mode knows, ignored: keys the chosen mode does not use}.
export function inferMode(keys) {
  const known = keys.filter((k) => KNOWN.has(k) && k !== "mode");
  const unknown = keys.filter((k) => !KNOWN.has(k));
  if (!known.length) return { mode: "status", unknown, ignored: [], fits: true };
  const scored = MODES.map((m) => {
    const own = modeKeys(m.id);
    return { mode: m.id, misses: known.filter((k) => !own.includes(k)) };
  });
  const fit = scored.find((s) => !s.misses.length);
  if (fit) return { mode: fit.mode, unknown, ignored: [], fits: true };
  const best = scored.reduce((a, b) => (b.misses.length < a.misses.length ? b : a));
  return { mode: best.mode, unknown, ignored: best.misses, fits: false };
}

// The most stays (or trips) a link may list: MAX_INTERVALS of calculator/core/bounds.py (a test
// checks they agree). A longer link is refused before its text is parsed: counting its keys is
// cheap, while parsing it and making a form row per stay would hold the page for seconds.
export const MAX_ROWS = 5000;

// `{name, n}` for the first of stays / trips the link lists more than MAX_ROWS of, else null.
export function overBound(text) {
  for (const [key, name] of [["stay", "stays"], ["trip", "trips"]]) {
    const n = (text.match(new RegExp(`(?:^|&)${key}=`, "g")) || []).length;
    if (n > MAX_ROWS) return { name, n };
  }
  return null;
}

export function readFragment(hash) {
  let text = hash.replace(/^#/, "");
  const tooMany = overBound(text); // that list is left out; the link's other fields are read
  if (tooMany) text = text.split("&").filter((part) => !part.startsWith(`${tooMany.name.slice(0, -1)}=`)).join("&");
  const params = new URLSearchParams(text);
  const state = { stays: [], trips: [], tooMany };
  for (const name of SINGLE) {
    if (params.has(name)) state[name] = params.get(name);
  }
  for (const [key, list] of [["stay", state.stays], ["trip", state.trips]]) {
    for (const text of params.getAll(key)) {
      const at = text.indexOf("..");
      list.push(at < 0 ? { entry: text, exit: "" } : { entry: text.slice(0, at), exit: text.slice(at + 2) });
    }
  }
  const keys = [...new Set(params.keys())];
  if (!MODES.some((m) => m.id === state.mode)) {
    state.inferred = { ...inferMode(keys), given: state.mode };
    state.mode = state.inferred.mode;
  } else {
    const own = modeKeys(state.mode);
    const unknown = keys.filter((k) => !KNOWN.has(k));
    const ignored = keys.filter((k) => KNOWN.has(k) && k !== "mode" && !own.includes(k));
    if (unknown.length || ignored.length) state.inferred = { mode: state.mode, unknown, ignored, fits: !ignored.length, explicit: true };
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
