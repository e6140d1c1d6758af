// The personal plan page (/plan/, /ru/plan/): the answers (a form rendered at build, usable before
// Python starts) go to the engine's `route` action in the calculator's worker (boot.js, started
// from <head>); the answer is rendered by render.js. The link (the URL fragment, fragment.js) holds
// every answer and the ticked documents, so a consultant's link opens the same plan cold.
// A message about a field appears next to it only once the person has left that field, or when
// the field came with the link (the link asked for it); nothing typed is ever dropped.

import { boot } from "../calculator/boot.js";
import { humanDate, lang, t, todayIso } from "../calculator/i18n.js";
import { DATES, fieldOf, readFragment, toRequest, writeFragment } from "./fragment.js";
import { renderAnswers } from "./answers.js";
import { renderLate, renderPlan } from "./render.js";

const TEXT = {
  ready: t("Ready."),
  offline: t("Saved for offline use."),
  failed: (why) => t("The plan could not start: {why}", { why }),
  workerFailed: t("the worker failed"),
  waiting: t("Your plan appears here as soon as the engine has started."),
  chooseNationality: t("Choose your nationality to see your plan."),
  fix: t("Fix the marked answer to see your plan."),
  incomplete: t("this date is incomplete or does not exist"),
  badDay: (message) => t("The link asks for the plan on a day that cannot be read: {message}.", { message }),
  otherDay: (date) => t("This plan is made for {date}, the day the link gives, not for today.", { date }),
  today: t("Make the plan for today"),
  copied: t("Link copied."),
  copyByHand: t("Copy the link from the address bar."),
  progress: {
    "Loading Python (Pyodide)…": t("Loading Python (Pyodide)…"),
    "Loading the calculator engine…": t("Loading the calculator engine…"),
  },
};

const root = document.getElementById("kzplan");
const form = document.getElementById("plan-form");
const loading = document.getElementById("plan-loading");
const results = document.getElementById("plan-results");
const wrong = document.getElementById("plan-wrong");
const stayList = document.getElementById("plan-stays");
const rowTemplate = document.getElementById("plan-stay-row");
const { worker, build, swUrl, siteRoot } = boot;
const guide = new URL("../guide/", location.href).pathname;

let state = readFragment(location.hash);
const touched = new Set();
// the answers a link gives are the link's question: their messages show at once
function touchLinkFields() {
  for (const key of Object.keys(state)) if (state[key] && key !== "stays" && key !== "done") touched.add(key);
  if (state.stays.length) touched.add("stay");
}
touchLinkFields();
let engine = null;
let lastResult = null;
let generation = 0;
const pending = new Map();
let nextId = 1;
// Dates the browser holds half typed or impossible (31/02): their value is "", which the engine
// would read as "not given" (a stay without its exit would even run to today), so the plan is not
// asked until they are whole; each is named next to its field once the person has left it.
const halfTyped = (input) => input.type === "date" && input.validity.badInput;

function incompleteDates() {
  const found = DATES.filter((name) => halfTyped(form.elements[name])).map((field) => ({ field, message: TEXT.incomplete }));
  for (const [index, row] of [...stayList.children].entries()) {
    for (const input of row.querySelectorAll("input")) {
      if (halfTyped(input)) found.push({ field: `stays[${index}].${input.dataset.part}`, message: TEXT.incomplete });
    }
  }
  return found;
}

// -- the form <-> state ----------------------------------------------------------------------------
function addStayRow(stay = { entry: "", exit: "" }) {
  const row = rowTemplate.content.firstElementChild.cloneNode(true);
  for (const input of row.querySelectorAll("input")) input.value = stay[input.dataset.part] || "";
  stayList.append(row);
  numberRows();
  return row;
}

// Each row's fields are named with its number ("Entry 2"), renumbered when a row goes.
function numberRows() {
  for (const [index, row] of [...stayList.children].entries()) {
    for (const input of row.querySelectorAll("input")) {
      input.setAttribute("aria-label", `${input.closest("label").textContent.trim()} ${index + 1}`);
    }
  }
}

function fillForm() {
  for (const name of ["nationality", "income", ...DATES]) {
    const input = form.elements[name];
    if (!input || state[name] === undefined) continue;
    if (name === "nationality" && state[name] && ![...input.options].some((o) => o.value === state[name])) {
      input.append(new Option(state[name], state[name])); // a code the lists do not name: kept
    }
    input.value = state[name];
  }
  for (const name of ["it", "city", "family"]) {
    for (const radio of form.querySelectorAll(`input[name="${name}"]`)) radio.checked = radio.value === (state[name] || "");
  }
  stayList.replaceChildren();
  for (const stay of state.stays) addStayRow(stay);
}

function readForm() {
  const next = { ...state, stays: [] };
  for (const name of ["nationality", "income", ...DATES]) {
    const input = form.elements[name];
    if (halfTyped(input)) continue; // the state and the link keep the last whole date
    // a date the input cannot hold (2025-02-30 from a link) stays as typed until it is changed
    if (input.type === "date" && !input.value && state[name] && !input.dataset.edited) continue;
    next[name] = input.value.trim();
  }
  for (const name of ["it", "city", "family"]) {
    const checked = form.querySelector(`input[name="${name}"]:checked`);
    next[name] = checked ? checked.value : "";
  }
  for (const [index, row] of [...stayList.children].entries()) {
    const stay = {};
    for (const input of row.querySelectorAll("input")) {
      const part = input.dataset.part;
      // half typed: not an open stay, the last whole date
      stay[part] = halfTyped(input) ? (state.stays[index] || {})[part] || "" : input.value;
    }
    next.stays.push(stay);
  }
  return next;
}

// -- the engine ------------------------------------------------------------------------------------
function ask(request) {
  const id = nextId++;
  return new Promise((resolve) => {
    pending.set(id, resolve);
    worker.postMessage({ type: "handle", id, request: JSON.stringify({ ...request, lang }) });
  });
}

function setLoading(text, status) {
  loading.textContent = text;
  loading.dataset.state = status;
  root.setAttribute("aria-busy", status === "loading" ? "true" : "false");
}

function clearErrors() {
  for (const p of form.querySelectorAll(".kzplan-error")) p.textContent = "";
  for (const node of form.querySelectorAll("[aria-invalid]")) node.removeAttribute("aria-invalid");
}

function showError(error) {
  const where = fieldOf(error);
  if (where.name === "stay") {
    const row = stayList.children[where.row];
    if (!row || !touched.has("stay")) return false;
    row.querySelector(".kzplan-error").textContent = error.message;
    row.querySelector(`input[data-part="${error.field.endsWith("exit") ? "exit" : "entry"}"]`).setAttribute("aria-invalid", "true");
    return true;
  }
  const box = form.querySelector(`[data-field="${where.name}"]`);
  if (!box || !touched.has(where.name)) return false;
  box.querySelector(".kzplan-error").textContent = error.message;
  const input = form.elements[where.name];
  if (input && input.setAttribute) input.setAttribute("aria-invalid", "true");
  return true;
}

async function compute() {
  history.replaceState(null, "", writeFragment(state));
  const mine = ++generation;
  if (!state.nationality) {
    clearErrors();
    results.replaceChildren(notice(TEXT.chooseNationality));
    wrong.hidden = true;
    if (engine) root.dataset.state = "prompt";
    return;
  }
  const incomplete = incompleteDates(); // read each time: a link opened since may have replaced them
  if (incomplete.length) {
    refuse(incomplete);
    return;
  }
  if (!engine) {
    results.replaceChildren(notice(TEXT.waiting));
    return;
  }
  const request = toRequest(state);
  // rows left empty are not sent: map the engine's stays[i] back to the form's row
  const rows = state.stays.map((s, i) => [s, i]).filter(([s]) => s.entry || s.exit).map(([, i]) => i);
  const answer = await ask(request);
  if (mine !== generation) return;
  if (!answer.ok) {
    const error = { ...answer.error };
    const stay = /^stays\[(\d+)\](.*)$/.exec(error.field || "");
    if (stay) error.field = `stays[${rows[Number(stay[1])]}]${stay[2]}`;
    refuse([error]);
    return;
  }
  clearErrors();
  lastResult = answer.result;
  draw();
  root.dataset.state = "ready";
  settle();
}

function notice(text) {
  return Object.assign(document.createElement("p"), { className: "kzplan-prompt", textContent: text });
}

function todayButton() {
  const button = Object.assign(document.createElement("button"), { type: "button", className: "md-button kzplan-noprint", textContent: TEXT.today });
  button.addEventListener("click", () => {
    const { on, ...rest } = state;
    state = rest;
    compute();
  });
  return button;
}

// Answers the form or the engine refuses. Each is named next to its field once the person has left
// it (at once when the link gave it), and the answers unfold so that the mark is seen. The link's
// day (`on`) has no field: its message takes the plan's place, with a way out. While the person is
// still in a field, nothing is marked and the plan on screen stays.
function refuse(errors) {
  clearErrors();
  const day = errors.find((e) => e.field === "on");
  if (day) {
    results.replaceChildren(notice(TEXT.badDay(day.message)), todayButton());
  } else {
    if (!errors.map(showError).some(Boolean)) return;
    document.getElementById("plan-answers").open = true;
    results.replaceChildren(notice(TEXT.fix));
  }
  wrong.hidden = true;
  root.dataset.state = "error";
}

function draw() {
  const done = new Set(state.done);
  results.replaceChildren(...renderPlan(lastResult, done, { guide, version: engine.version }));
  if (state.on && state.on !== todayIso()) {
    results.prepend(Object.assign(notice(TEXT.otherDay(humanDate(state.on))), { className: "kzplan-hint kzplan-day" }), todayButton());
  }
  const answers = renderAnswers(form); // printed after the plan: the form itself is not printed
  if (answers) results.append(answers);
  renderLate(document.getElementById("plan-late"), lastResult.late_from);
  wrong.hidden = !lastResult.steps.length;
}

let timer = null;
function schedule() {
  clearTimeout(timer);
  timer = setTimeout(compute, 200);
}

// -- events ----------------------------------------------------------------------------------------
form.addEventListener("input", (event) => {
  if (event.target.type === "date") event.target.dataset.edited = "1";
  state = readForm();
  schedule();
});
form.addEventListener("change", () => { state = readForm(); schedule(); });
form.addEventListener("focusout", (event) => {
  const box = event.target.closest("[data-field]");
  if (!box || box.contains(event.relatedTarget)) return;
  touched.add(box.dataset.field); // a date typed halfway fires no input event: compute reads it
  schedule();
});
form.addEventListener("submit", (event) => event.preventDefault());
document.getElementById("plan-add-stay").addEventListener("click", () => {
  addStayRow().querySelector("input").focus();
});
stayList.addEventListener("click", (event) => {
  if (!event.target.matches("[data-remove]")) return;
  const row = event.target.closest("li");
  // the keyboard stays where it was: the next row's first field, else the previous row's, else "Add"
  const next = row.nextElementSibling || row.previousElementSibling;
  row.remove();
  numberRows();
  (next ? next.querySelector("input") : document.getElementById("plan-add-stay")).focus();
  state = readForm();
  schedule();
});
results.addEventListener("change", (event) => {
  const box = event.target.closest("input[data-doc]");
  if (!box) return;
  const done = new Set(state.done);
  if (box.checked) done.add(box.dataset.doc); else done.delete(box.dataset.doc);
  state = { ...state, done: [...done] };
  history.replaceState(null, "", writeFragment(state));
});
const status = document.getElementById("plan-action-status");
document.getElementById("plan-copy").addEventListener("click", async () => {
  for (const name of Object.keys(state)) touched.add(name); // asking for the link shows every message
  touched.add("stay");
  compute();
  try {
    await navigator.clipboard.writeText(location.href);
    status.textContent = TEXT.copied;
  } catch {
    status.textContent = TEXT.copyByHand;
  }
});
document.getElementById("plan-print").addEventListener("click", () => window.print());
window.addEventListener("hashchange", () => {
  state = readFragment(location.hash);
  touchLinkFields();
  fillForm();
  compute();
});

// -- start -----------------------------------------------------------------------------------------
function onWorkerMessage(event) {
  const m = event.data;
  if (m.type === "progress") setLoading(TEXT.progress[m.text] || m.text, "loading");
  else if (m.type === "failed") setLoading(TEXT.failed(m.message), "failed");
  else if (m.type === "ready") {
    engine = { version: m.version, boot: m.boot };
    root.dataset.dataVersion = m.version;
    setLoading(TEXT.ready, "ready");
    compute();
  } else if (m.type === "response") {
    const resolve = pending.get(m.id);
    pending.delete(m.id);
    if (resolve) resolve(JSON.parse(m.response));
  }
}

let settled = false;
function settle() {
  if (settled) return;
  settled = true;
  if ("serviceWorker" in navigator && location.protocol !== "file:") {
    const query = new URLSearchParams({ v: build.key, site: siteRoot.pathname });
    navigator.serviceWorker.register(`${swUrl.href}?${query}`).catch(() => {});
    navigator.serviceWorker.ready.then(() => {
      root.dataset.offline = "ready";
      loading.textContent += " " + TEXT.offline;
    });
  }
  if (engine.boot.how !== "snapshot") boot.makeSnapshot((saved) => { root.dataset.snapshot = saved ? "saved" : "none"; });
}

fillForm();
// A link that already holds the answers (a consultant's) opens on the plan: the answers fold away.
if (state.nationality) document.getElementById("plan-answers").open = false;
compute();
boot.attach(onWorkerMessage, (event) => setLoading(TEXT.failed(event.message || TEXT.workerFailed), "failed"));
