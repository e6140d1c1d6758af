// Named profiles kept in this browser's localStorage, only after the person ticks "Keep my stays on
// this device". Nothing is sent anywhere: localStorage belongs to this site in this browser
// profile, survives reloads and restarts, and is gone with "Delete all" (or the browser's "clear
// site data"). One key holds everything:
//   kzcalc.profiles.v1 = {"active": "p1", "profiles": [{"id": "p1", "name": "Me",
//     "rule": {"nationality": "NL"}, "stays": ["2025-04-01..2025-05-10", "2025-05-17.."]}]}
// `rule` holds the request's rule fields (nationality | rule | limit, window, per_entry); `stays`
// the request's stay strings, exactly what the link and the engine take.

const KEY = "kzcalc.profiles.v1";

function storage() {
  try {
    return window.localStorage;
  } catch {
    return null; // storage blocked (some private modes): keeping is then unavailable
  }
}

export function available() {
  const store = storage();
  if (!store) return false;
  try {
    store.setItem(`${KEY}.probe`, "1");
    store.removeItem(`${KEY}.probe`);
    return true;
  } catch {
    return false;
  }
}

function valid(data) {
  return data && typeof data === "object" && Array.isArray(data.profiles) &&
    data.profiles.every((p) => p && typeof p.id === "string" && typeof p.name === "string" && Array.isArray(p.stays));
}

// The kept profiles, or null when the person has not chosen to keep anything.
export function load() {
  const store = storage();
  const text = store && store.getItem(KEY);
  if (!text) return null;
  try {
    const data = JSON.parse(text);
    if (!valid(data)) return null;
    if (!data.profiles.some((p) => p.id === data.active)) data.active = data.profiles[0]?.id || null;
    return data;
  } catch {
    return null;
  }
}

export function save(data) {
  const store = storage();
  if (!store) return false;
  try {
    store.setItem(KEY, JSON.stringify(data));
    return true;
  } catch {
    return false; // full or blocked: the page says so
  }
}

export function deleteAll() {
  const store = storage();
  if (store) store.removeItem(KEY);
}

export function newId(data) {
  let n = data.profiles.length + 1;
  while (data.profiles.some((p) => p.id === `p${n}`)) n += 1;
  return `p${n}`;
}

export function active(data) {
  return data ? data.profiles.find((p) => p.id === data.active) || null : null;
}

// The rule fields of a request, as a profile keeps them.
export function ruleOf(request) {
  const rule = {};
  for (const key of ["nationality", "rule", "limit", "window", "per_entry"]) {
    if (request[key] !== undefined && request[key] !== "") rule[key] = String(request[key]);
  }
  return rule;
}
