// The calculator page: starts the Python engine in a worker at once, keeps the form, the URL
// fragment and the results in step, and offers the exports. All arithmetic happens in Python
// (calculator.bridge); this file forwards JSON strings and renders answers as text.


import { boot } from "./boot.js";
import { CalculatorForm } from "./form.js";
import { readFragment, writeFragment } from "./fragment.js";
import { FIELDS, RULE_MODES, TIMELINE_EMPTY, TIMELINE_STEPS } from "./fields.js";
import { el, renderResult } from "./render.js";

// The worker was started by boot.js from <head>, before this module was even fetched.
const BOOT_TIMEOUT_MS = 60000;
const { worker, build, swUrl } = boot;
const pending = new Map();
let nextId = 1;
let engine = null; // {version, meta} once ready

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
setLoading("Starting the calculator (loading Python in your browser, about 6 MB the first time)…", "loading");

const timer = setTimeout(() => {
  if (!engine) fail(`The calculator did not start within ${BOOT_TIMEOUT_MS / 1000} seconds. ` +
    "Reload the page; if it keeps failing, your browser may block WebAssembly or workers.");
}, BOOT_TIMEOUT_MS);

function fail(message) {
  clearTimeout(timer);
  setLoading(message, "failed");
  worker.terminate();
}

function onWorkerError(event) {
  fail(`The calculator could not start: ${event.message || "the worker failed"}.`);
}

function onWorkerMessage(event) {
  const m = event.data;
  if (m.type === "progress") setLoading(m.text, "loading");
  else if (m.type === "snapshot") root.dataset.snapshot = m.saved ? "saved" : "none";
  else if (m.type === "failed") fail(`The calculator could not start: ${m.message}`);
  else if (m.type === "ready") {
    clearTimeout(timer);
    engine = { version: m.version, meta: m.meta.result, boot: m.boot };
    root.dataset.boot = m.boot.how;
    // boot phases as ms since this page's navigation started (read by benchmarks/browser.py)
    root.dataset.bootPhases = Object.entries(m.boot.phases)
      .map(([k, t]) => `${k}=${Math.round(t - performance.timeOrigin)}`).join(" ");
    setLoading(`Ready. Rule data ${m.version}.`, "ready");
    start();
    registerOffline();
  } else if (m.type === "response") {
    const resolve = pending.get(m.id);
    pending.delete(m.id);
    if (resolve) resolve(JSON.parse(m.response));
  }
}

boot.attach(onWorkerMessage, onWorkerError);

function ask(request) {
  const id = nextId++;
  return new Promise((resolve) => {
    pending.set(id, resolve);
    worker.postMessage({ type: "handle", id, request: JSON.stringify(request) });
  });
}

// -- the form, the fragment and the results -------------------------------------------------------
const form = new CalculatorForm(document.getElementById("calc-form"), () => schedule());
form.setState(readFragment(location.hash));
let lastRequest = null;
let lastAnswer = null;
let timerId = 0;
let generation = 0;

function schedule() {
  clearTimeout(timerId);
  timerId = setTimeout(compute, 120);
}

function start() {
  form.setOptions(engine.meta);
  form.setState(readFragment(location.hash)); // again, now that the lists are filled
  document.getElementById("calc-actions").hidden = false;
  compute();
}

function showProblems(items) {
  problems.replaceChildren();
  for (const { field, message } of items) {
    const shown = form.showError(field, message, lastRowOf);
    if (!shown) problems.append(el("p", { class: "kzcalc-field-error", "data-testid": "calc-error", "data-field": field || "", role: "alert", text: message }));
  }
}

let lastRowOf = {};
const openedFromLink = location.hash.length > 1;

// Opened from a consultant's link on a phone, the answer sits below a long form: offer a jump.
function offerJump() {
  const jump = el("button", { type: "button", class: "md-button kzcalc-jump", "data-testid": "jump-to-results", text: "Show the results ↓" });
  jump.addEventListener("click", () => {
    results.setAttribute("tabindex", "-1");
    results.scrollIntoView({ block: "start" });
    results.focus({ preventScroll: true });
  });
  loading.after(jump);
}

async function compute() {
  const { request, rowOf } = form.request();
  const mode = request.action;
  history.replaceState(null, "", writeFragment(request, mode));
  if (!engine) return;
  const mine = ++generation;
  lastRowOf = rowOf;
  form.clearErrors();
  problems.replaceChildren();
  const linkProblems = form.linkProblems;
  if (RULE_MODES.includes(mode) && !request.nationality && !request.rule && !("limit" in request)) {
    showProblems(linkProblems);
    results.replaceChildren(el("p", { class: "kzcalc-prompt", text: "Choose a nationality, a rule set or custom numbers to see results." }));
    lastAnswer = null;
    renderReport(request, null);
    return;
  }
  if (mode === "timeline" && !TIMELINE_STEPS.some((name) => request[name])) {
    showProblems(linkProblems);
    results.replaceChildren(el("p", { class: "kzcalc-prompt", "data-testid": "timeline-empty", text: TIMELINE_EMPTY }));
    lastAnswer = null;
    renderReport(request, null);
    return;
  }
  const answer = await ask(request);
  if (mine !== generation) return; // the user typed on; a newer answer is coming
  form.clearErrors();
  if (answer.ok) {
    showProblems(linkProblems);
    results.replaceChildren(renderResult(answer.action, answer.result));
    if (!root.dataset.firstResultMs) {
      root.dataset.firstResultMs = String(Math.round(performance.now()));
      if (openedFromLink) offerJump();
    }
    lastRequest = request;
    lastAnswer = answer;
  } else {
    showProblems([...linkProblems, answer.error]);
    results.replaceChildren(el("p", { class: "kzcalc-prompt", text: "Fix the marked field to see results." }));
    lastAnswer = null;
  }
  renderReport(request, lastAnswer);
}

// -- exports --------------------------------------------------------------------------------------
// The report header only shows in print: the inputs exactly as sent, and which data answered.
const REPORT_LABELS = {
  nationality: "Nationality", rule: "Rule set", limit: "Days allowed in the window", window: "Window (days)",
  per_entry: "Most days per entry", stays: "Stays in Kazakhstan", trips: "Trips abroad",
};

function renderReport(request, answer) {
  const dl = el("dl", { class: "kzcalc-facts" });
  const add = (k, v) => dl.append(el("dt", { text: k }), el("dd", { text: v }));
  add("Question", document.querySelector(`#mode-${request.action} + span`).textContent);
  for (const [key, value] of Object.entries(request)) {
    if (key === "action") continue;
    const field = FIELDS.find((f) => f.name === key);
    const choice = field && field.choices ? field.choices.find(([v]) => v === value) : null;
    const label = field ? field.label : REPORT_LABELS[key] || key;
    add(label, Array.isArray(value) ? value.join(", ") || "none" : choice ? choice[1] : String(value));
  }
  add("Rule data version", engine ? engine.version : build.dataVersion);
  add("Engine build", `${build.key} · Pyodide ${build.pyodide}`);
  add("Link", location.href);
  report.replaceChildren(el("h2", { text: "Consultant's report" }), dl);
  if (!answer) report.append(el("p", { text: "No result: see the messages next to the inputs." }));
}

const status = document.getElementById("calc-action-status");
document.getElementById("calc-copy").addEventListener("click", async () => {
  const link = location.href;
  try {
    await navigator.clipboard.writeText(link);
    status.textContent = "Link copied.";
  } catch {
    const box = document.getElementById("calc-link");
    box.hidden = false;
    box.value = link;
    box.select();
    status.textContent = "Copy the selected link (Ctrl+C or ⌘C).";
  }
});

document.getElementById("calc-ics").addEventListener("click", async () => {
  if (!lastRequest || !lastAnswer) {
    status.textContent = "Nothing to export yet: fix the inputs first.";
    return;
  }
  const answer = await ask({ action: "ics", requests: [lastRequest] });
  if (!answer.ok) {
    status.textContent = `The calendar could not be made: ${answer.error.message}`;
    return;
  }
  const url = URL.createObjectURL(new Blob([answer.result.ics], { type: "text/calendar;charset=utf-8" }));
  const a = el("a", { href: url, download: `kz-dnr-${lastRequest.action}.ics`, hidden: "" });
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10000);
  status.textContent = "Calendar file downloaded.";
});

document.getElementById("calc-print").addEventListener("click", () => window.print());

window.addEventListener("hashchange", () => {
  form.setState(readFragment(location.hash));
  if (engine) compute();
});

// -- offline: a service worker scoped to this page caches the versioned files ---------------------
// Registered once the engine runs, so its downloads never compete with the first boot.
function registerOffline() {
  if (!("serviceWorker" in navigator) || location.protocol === "file:") return;
  navigator.serviceWorker.register(`${swUrl.href}?v=${encodeURIComponent(build.key)}`).catch(() => {});
  navigator.serviceWorker.ready.then(() => {
    root.dataset.offline = "ready";
    loading.textContent += " Saved for offline use.";
  });
}
