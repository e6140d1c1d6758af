// The calculator page: starts the Python engine in a worker at once, keeps the form, the URL
// fragment and the results in step, and offers the exports. All arithmetic happens in Python
// (calculator.bridge); this file forwards JSON strings and renders answers as text. The form is
// usable at once (its lists come from the page's HTML); the answer appears when Python is ready.

import { boot } from "./boot.js";
import { CalculatorForm, keyLabel } from "./form.js";
import { MAX_ROWS, readFragment, writeFragment } from "./fragment.js";
import { FIELDS, MODES, RULE_FIELDS, RULE_MODES, STAY_MODES, TIMELINE_EMPTY, TIMELINE_STEPS } from "./fields.js";
import { lang, t, tn } from "./i18n.js";
import { createReminders } from "./reminders.js";
import { el, renderResult, setDataVersion } from "./render.js";
import { createTracker } from "./tracker.js";

const TEXT = {
  starting: t("Starting the calculator (Python in your browser, about 6 MB the first time). You can fill in the form meanwhile."),
  ready: t("Ready."),
  offline: t("Saved for offline use."),
  timeout: (seconds) => t("The calculator did not start within {seconds} seconds. Reload the page; if it keeps failing, your browser may block WebAssembly or workers.", { seconds }),
  failed: (why) => t("The calculator could not start: {why}", { why }),
  workerFailed: t("the worker failed"),
  waiting: t("The answer appears here as soon as the calculator has started."),
  chooseRule: t("Choose a nationality, a rule set or custom numbers to see results."),
  fix: t("Fix the marked field to see results."),
  fillIn: (label) => t("Fill in “{label}” to see the answer.", { label }),
  leftOut: t("Link copied. It leaves out a date that is not complete yet (marked above)."),
  jump: t("Show the results ↓"),
  quoted: (label) => t("“{label}”", { label }),
  noFit: (mode, keys) => tn(
    "This link’s fields do not fit one question: {keys} does not belong to “{mode}”, which fits the rest best, so it is left out.",
    "This link’s fields do not fit one question: {keys} do not belong to “{mode}”, which fits the rest best, so they are left out.",
    keys.length, { mode, keys: keys.map((key) => TEXT.quoted(keyLabel(key))).join(", ") }),
  unknownKeys: (keys) => t("The calculator does not know these link fields: {keys}.", { keys: keys.join(", ") }),
  tooMany: { // a link over the bound: refused before it is read, in the person's words
    stays: (n) => t("This link lists {n} stays; the calculator reads at most {most}. Shorten the list in the link, or enter your most recent stays below.", { n: n.toLocaleString(lang), most: MAX_ROWS.toLocaleString(lang) }),
    trips: (n) => t("This link lists {n} trips; the calculator reads at most {most}. Shorten the list in the link, or enter your most recent trips below.", { n: n.toLocaleString(lang), most: MAX_ROWS.toLocaleString(lang) }),
  },
  report: t("Consultant's report"),
  technical: t("Technical details (for consultants)"),
  question: t("Question"),
  dataVersion: t("Rule data version"),
  engineBuild: t("Engine build"),
  link: t("Link"),
  none: t("none"),
  noResult: t("No result: see the messages next to the inputs."),
  copied: t("Link copied."),
  copyByHand: t("Copy the selected link (Ctrl+C or ⌘C)."),
  nothingToExport: t("Nothing to export yet: fix the inputs first."),
  icsFailed: (why) => t("The calendar could not be made: {why}", { why }),
  icsDone: t("Calendar file downloaded."),
  reportLabels: {
    nationality: t("Nationality"), rule: t("Rule set"), limit: t("Days allowed in the window"), window: t("Window (days)"),
    per_entry: t("Most days per entry"), stays: t("Stays in Kazakhstan"), trips: t("Trips abroad"),
  },
};

// The worker was started by boot.js from <head>, before this module was even fetched.
const BOOT_TIMEOUT_MS = 60000;
const { worker, build, swUrl, siteRoot } = boot;
const pending = new Map();
let nextId = 1;
let engine = null; // {version, boot} once ready

const root = document.getElementById("kzcalc");
const loading = document.getElementById("calc-loading");
const results = document.getElementById("calc-results");
const problems = document.getElementById("calc-problems");
const report = document.getElementById("calc-report");

function setLoading(text, state) {
  loading.textContent = text;
  loading.dataset.state = state;
  root.setAttribute("aria-busy", state === "loading" ? "true" : "false");
}
setLoading(TEXT.starting, "loading");

const timer = setTimeout(() => {
  if (!engine) fail(TEXT.timeout(BOOT_TIMEOUT_MS / 1000));
}, BOOT_TIMEOUT_MS);

function fail(message) {
  clearTimeout(timer);
  setLoading(message, "failed");
  worker.terminate();
}

function onWorkerError(event) {
  fail(TEXT.failed(event.message || TEXT.workerFailed));
}

function onWorkerMessage(event) {
  const m = event.data;
  if (m.type === "progress") setLoading(PROGRESS[m.text] || m.text, "loading");
  else if (m.type === "failed") fail(TEXT.failed(m.message));
  else if (m.type === "ready") {
    clearTimeout(timer);
    engine = { version: m.version, boot: m.boot };
    root.dataset.boot = m.boot.how;
    // boot phases as ms since this page's navigation started (read by benchmarks/browser.py)
    root.dataset.bootPhases = Object.entries(m.boot.phases)
      .map(([k, at]) => `${k}=${Math.round(at - performance.timeOrigin)}`).join(" ");
    root.dataset.dataVersion = m.version;
    setDataVersion(m.version);
    setLoading(TEXT.ready, "ready");
    start();
  } else if (m.type === "response") {
    const resolve = pending.get(m.id);
    pending.delete(m.id);
    if (resolve) resolve(JSON.parse(m.response));
  }
}


// The worker's progress messages, by their English text.
const PROGRESS = {
  "Loading Python (Pyodide)…": t("Loading Python (Pyodide)…"),
  "Loading the calculator engine…": t("Loading the calculator engine…"),
};

// Every request carries the page's language: the engine answers (explanations, warnings, errors,
// the calendar file) in it. The language is not part of the link: /ru/calculator/ is Russian.
function ask(request) {
  const id = nextId++;
  return new Promise((resolve) => {
    pending.set(id, resolve);
    worker.postMessage({ type: "handle", id, request: JSON.stringify({ ...request, lang }) });
  });
}

// -- the form, the fragment and the results -------------------------------------------------------
let tracker = null; // the kept profiles (tracker.js), once built below
const form = new CalculatorForm(document.getElementById("calc-form"), edited);
let linkNotes = [];
let refusedLink = null; // the note refusing a link over the bound, until the person edits the form
applyLink();

// Stays and a rule from a profile or an import into the form; the other fields stay as they are.
function applyStays({ rule, stays, quiet }) {
  const state = readFragment(writeFragment(form.request().request, form.mode));
  for (const key of RULE_FIELDS) delete state[key];
  Object.assign(state, rule);
  state.rule_by = "nationality" in rule ? "nationality" : "rule" in rule ? "rule" : "limit" in rule || "window" in rule ? "custom" : "nationality";
  state.stays = stays.map((text) => {
    const at = text.indexOf("..");
    return at < 0 ? { entry: text, exit: "" } : { entry: text.slice(0, at), exit: text.slice(at + 2) };
  });
  if (!STAY_MODES.includes(state.mode)) state.mode = "status";
  delete state.inferred;
  form.setState(state);
  history.replaceState(null, "", writeFragment(form.request().request, form.mode));
  if (quiet) return;
  schedule();
  if (tracker) tracker.changed();
}
tracker = createTracker({
  mount: document.getElementById("calc-tracker"),
  form,
  apply: applyStays,
  linkHasStays: readFragment(location.hash).stays.length > 0,
});
const reminders = createReminders(document.getElementById("calc-actions"), document.getElementById("calc-action-status"));
function edited() {
  if (refusedLink) linkNotes = linkNotes.filter((note) => note !== refusedLink);
  refusedLink = null;
  schedule();
  if (tracker) tracker.changed();
}

// The link's state into the form, and what to tell about the link itself (no mode, odd fields).
function applyLink() {
  const state = readFragment(location.hash);
  form.setState(state);
  linkNotes = [];
  refusedLink = state.tooMany ? TEXT.tooMany[state.tooMany.name](state.tooMany.n) : null;
  if (refusedLink) linkNotes.push(refusedLink);
  const info = state.inferred;
  if (!info) return;
  const title = MODES.find((m) => m.id === info.mode).label;
  if (!info.fits) linkNotes.push(TEXT.noFit(title, info.ignored));
  if (info.unknown.length) linkNotes.push(TEXT.unknownKeys(info.unknown));
  root.dataset.inferredMode = info.explicit ? "" : info.mode;
}
let lastRequest = null;
let lastAnswer = null;
let timerId = 0;
let generation = 0;

function schedule() {
  clearTimeout(timerId);
  timerId = setTimeout(compute, 120);
}

function start() {
  document.getElementById("calc-actions").hidden = false;
  if (!pending.size) compute(); // else the answer to the request sent before "ready" is coming
}

// Messages next to their fields (one per field); those without a field go above the results.
// A field the person has not finished with gets no message yet: the labels of those come back,
// for a calm prompt in the results ("Fill in “Planned entry date” to see the answer.").
function showProblems(items, rowOf) {
  problems.replaceChildren();
  const waiting = [];
  for (const text of linkNotes) problems.append(el("p", { class: "kzcalc-link-note", "data-testid": "link-note", role: "status", text }));
  for (const { field, message } of items) {
    const shown = form.showError(field, message, rowOf);
    if (shown === "wait") waiting.push(form.labelOf(form.controlFor(field, rowOf)));
    else if (!shown) problems.append(el("p", { class: "kzcalc-field-error", "data-testid": "calc-error", "data-field": field || "", role: "alert", text: form.messageFor(field, message, rowOf) }));
  }
  return waiting;
}

function promptFor(waiting) {
  if (!waiting.length) return el("p", { class: "kzcalc-prompt", text: TEXT.fix });
  return el("p", { class: "kzcalc-prompt", "data-testid": "fill-in", text: TEXT.fillIn(waiting[0]) });
}

const openedFromLink = location.hash.length > 1;

// Opened from a consultant's link on a phone, the answer sits below a long form: offer a jump.
function offerJump() {
  const jump = el("button", { type: "button", class: "md-button kzcalc-jump", "data-testid": "jump-to-results", text: TEXT.jump });
  jump.addEventListener("click", () => {
    results.setAttribute("tabindex", "-1");
    results.scrollIntoView({ block: "start" });
    results.focus({ preventScroll: true });
  });
  loading.after(jump);
}

// Once the page shows its first outcome, the service worker is registered (its pre-cache comes
// from the HTTP cache) and, after a cold boot, a second worker makes the next visit's snapshot.
let settled = false;
function settle() {
  if (settled || !engine) return;
  settled = true;
  registerOffline();
  if (engine.boot.how === "snapshot") return;
  boot.makeSnapshot((saved) => { root.dataset.snapshot = saved ? "saved" : "none"; });
}

async function compute() {
  if (refusedLink) { // the link stays in the address bar as it was; nothing is asked
    ++generation;
    showProblems([], null);
    results.replaceChildren();
    lastAnswer = null;
    settle();
    return;
  }
  const { request, rowOf, problems: seen } = form.request();
  const mode = request.action;
  history.replaceState(null, "", writeFragment(request, mode));
  const mine = ++generation;
  form.clearErrors();
  if (seen.length) {
    const waiting = showProblems(seen, null);
    if (!engine) results.replaceChildren(el("p", { class: "kzcalc-waiting", "data-testid": "waiting", text: TEXT.waiting }));
    else results.replaceChildren(promptFor(waiting));
    lastAnswer = null;
    renderReport(request, null);
    settle();
    return;
  }
  if (RULE_MODES.includes(mode) && !request.nationality && !request.rule && !("limit" in request)) {
    showProblems([], rowOf);
    results.replaceChildren(el("p", { class: "kzcalc-prompt", text: TEXT.chooseRule }));
    lastAnswer = null;
    renderReport(request, null);
    settle();
    return;
  }
  if (mode === "timeline" && !TIMELINE_STEPS.some((name) => request[name])) {
    showProblems([], rowOf);
    results.replaceChildren(el("p", { class: "kzcalc-prompt", "data-testid": "timeline-empty", text: TIMELINE_EMPTY }));
    lastAnswer = null;
    renderReport(request, null);
    settle();
    return;
  }
  // Before Python is ready the worker keeps the request and answers it as soon as it has booted,
  // without waiting for the page to hear "ready" and ask again.
  if (!engine) results.replaceChildren(el("p", { class: "kzcalc-waiting", "data-testid": "waiting", text: TEXT.waiting }));
  const answer = await ask(request);
  if (mine !== generation) return; // the user typed on; a newer answer is coming
  form.clearErrors();
  if (answer.ok) {
    showProblems([], rowOf);
    results.replaceChildren(renderResult(answer.action, answer.result));
    if (!root.dataset.firstResultMs) {
      root.dataset.firstResultMs = String(Math.round(performance.now()));
      if (openedFromLink) offerJump();
    }
    lastRequest = request;
    lastAnswer = answer;
  } else {
    results.replaceChildren(promptFor(showProblems([answer.error], rowOf)));
    lastAnswer = null;
  }
  renderReport(request, lastAnswer);
  settle();
}

// -- exports --------------------------------------------------------------------------------------
// The report header only shows in print: the inputs exactly as sent, and which data answered.

function renderReport(request, answer) {
  const dl = el("dl", { class: "kzcalc-facts" });
  const add = (k, v) => dl.append(el("dt", { text: k }), el("dd", { text: v }));
  add(TEXT.question, document.querySelector(`#mode-${request.action} + span`).textContent);
  for (const [key, value] of Object.entries(request)) {
    if (key === "action") continue;
    const field = FIELDS.find((f) => f.name === key);
    const choice = field && field.choices ? field.choices.find(([v]) => v === value) : null;
    const label = field ? (field.labels && field.labels[request.action]) || field.label : TEXT.reportLabels[key] || key;
    const listed = (field && field.choicesFrom) || key === "nationality" || key === "rule";
    const shown = listed ? document.querySelector(`#f-${key}`).selectedOptions[0]?.textContent : null;
    add(label, Array.isArray(value) ? value.join(", ") || TEXT.none : choice ? choice[1] : shown || String(value));
  }
  // versions and the link (whose keys are the engine's names) are the report's technical section
  const technical = el("section", { class: "kzcalc-report__technical", "data-technical": "" });
  const ids = el("dl", { class: "kzcalc-facts" });
  const addId = (k, v) => ids.append(el("dt", { text: k }), el("dd", { text: v, translate: "no" }));
  addId(TEXT.dataVersion, engine ? engine.version : build.dataVersion);
  addId(TEXT.engineBuild, `${build.key} · Pyodide ${build.pyodide}`);
  addId(TEXT.link, location.href);
  technical.append(el("h3", { text: TEXT.technical }), ids);
  report.replaceChildren(el("h2", { text: TEXT.report }), dl, technical);
  if (!answer) report.append(el("p", { text: TEXT.noResult }));
}

const status = document.getElementById("calc-action-status");
// Asking for a link, a calendar or a print is asking for the answer: every error shows now.
function askNow() {
  form.ask();
  compute();
}

document.getElementById("calc-copy").addEventListener("click", async () => {
  askNow();
  const link = location.href;
  try {
    await navigator.clipboard.writeText(link);
    status.textContent = form.request().problems.length ? TEXT.leftOut : TEXT.copied;
  } catch {
    const box = document.getElementById("calc-link");
    box.hidden = false;
    box.value = link;
    box.select();
    status.textContent = TEXT.copyByHand;
  }
});

document.getElementById("calc-ics").addEventListener("click", async () => {
  askNow();
  if (!lastRequest || !lastAnswer) {
    status.textContent = TEXT.nothingToExport;
    return;
  }
  const answer = await ask({ action: "ics", requests: [lastRequest], reminders: reminders.values() });
  if (!answer.ok) {
    status.textContent = TEXT.icsFailed(reminders.describe(answer.error.field, answer.error.message));
    return;
  }
  const url = URL.createObjectURL(new Blob([answer.result.ics], { type: "text/calendar;charset=utf-8" }));
  const a = el("a", { href: url, download: `kz-dnr-${lastRequest.action}.ics`, hidden: "" });
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10000);
  status.textContent = TEXT.icsDone;
});

document.getElementById("calc-print").addEventListener("click", () => {
  askNow();
  window.print();
});

// A new link inside the page (the plan's "Check it in Earliest re-entry"): the new answer is what
// the person asked for, so the page lands on it (results keep clear of the sticky header).
window.addEventListener("hashchange", async () => {
  applyLink();
  tracker.linkOpened(readFragment(location.hash).stays.length > 0);
  await compute();
  results.scrollIntoView({ block: "start" });
});

// -- offline: a service worker scoped to this page caches the versioned files ---------------------
// Registered after the first answer, so nothing competes with the first boot; its pre-cache is
// answered by the HTTP cache (versioned files are immutable), so nothing is downloaded twice.
function registerOffline() {
  if (!("serviceWorker" in navigator) || location.protocol === "file:") return;
  const query = new URLSearchParams({ v: build.key, site: siteRoot.pathname });
  navigator.serviceWorker.register(`${swUrl.href}?${query}`).catch(() => {});
  navigator.serviceWorker.ready.then(() => {
    root.dataset.offline = "ready";
    loading.textContent += " " + TEXT.offline;
  });
}

// A table of the page wider than a phone (the link keys) scrolls sideways: let the keyboard reach it.
for (const wrap of document.querySelectorAll(".md-typeset__scrollwrap")) {
  if (wrap.scrollWidth > wrap.clientWidth) wrap.tabIndex = 0;
}

// Last, so that an answer the worker sent early finds everything above initialised.
compute();
boot.attach(onWorkerMessage, onWorkerError);
