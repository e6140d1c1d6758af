// The personal plan's answers <-> the URL fragment, with the calculator's conventions
// (URLSearchParams syntax, repeated `stay`, values kept as typed; docs/assets/calculator/fragment.js):
//   #nationality=NL&it=yes&income=5000&city=astana&family=no&stay=2025-07-01..2025-07-30
//    &passport_expires=…&certificate_issued=…&approved=…&entered=…&done=passport,cv
// `done` holds the ticked document ids, comma-separated (a consultant can send a pre-ticked list).
// `on` (the day the plan is made for) is read when a link carries it; the page never writes it.

export const SINGLE = ["nationality", "it", "income", "city", "family", "passport_expires", "certificate_issued", "approved", "entered", "on"];
export const DATES = ["passport_expires", "certificate_issued", "approved", "entered"];

export function readFragment(hash) {
  const params = new URLSearchParams(hash.replace(/^#/, ""));
  const state = { stays: [], done: [] };
  for (const name of SINGLE) if (params.has(name)) state[name] = params.get(name);
  for (const text of params.getAll("stay")) {
    const at = text.indexOf("..");
    state.stays.push(at < 0 ? { entry: text, exit: "" } : { entry: text.slice(0, at), exit: text.slice(at + 2) });
  }
  for (const list of params.getAll("done")) state.done.push(...list.split(",").filter(Boolean));
  state.done = [...new Set(state.done)];
  return state;
}

export function writeFragment(state) {
  const params = new URLSearchParams();
  for (const name of SINGLE) if (state[name]) params.set(name, state[name]);
  for (const stay of state.stays) {
    if (stay.entry || stay.exit) params.append("stay", `${stay.entry}..${stay.exit}`);
  }
  if (state.done.length) params.set("done", state.done.join(","));
  return "#" + params.toString().replace(/%2C/g, ",");
}

// The bridge request for the answers: the engine's names (`income_usd`, `stays`).
export function toRequest(state) {
  const request = { action: "route" };
  for (const name of SINGLE) {
    if (state[name]) request[name === "income" ? "income_usd" : name] = state[name];
  }
  request.stays = state.stays.filter((s) => s.entry || s.exit).map((s) => `${s.entry}..${s.exit}`);
  return request;
}

// The form field an engine error belongs to: `income_usd` → income, `stays[1].exit` → stay row 1.
export function fieldOf(error) {
  const field = error.field || "";
  const stay = /^stays\[(\d+)\]/.exec(field);
  if (stay) return { name: "stay", row: Number(stay[1]) };
  if (field === "income_usd") return { name: "income" };
  return { name: field };
}
