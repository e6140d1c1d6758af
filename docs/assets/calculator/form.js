// The form: built from fields.js into the page's skeleton, read back as a bridge request.
// Date inputs hand over their value as the ISO string the browser keeps ("YYYY-MM-DD"); no Date
// object ever touches an input, so no time zone can move a day. A value from a link that an
// input cannot hold (2025-02-30, "abc") is kept as the control's `data-raw` and sent as it is, so
// the engine names the problem and the link keeps the user's text until the field is edited.

import { FIELDS, MODES, RULE_MODES, STAY_MODES, TRIP_MODES } from "./fields.js";
import { humanDate, lang, t, tn, todayIso } from "./i18n.js";
import { el } from "./render.js";

const TEXT = {
  form: t("Calculator input"),
  modes: t("What do you want to know?"),
  rule: t("Which visa-free rule applies"),
  ruleBy: t("Choose the rule by"),
  ruleByChoices: [["nationality", t("By nationality")], ["rule", t("By rule set")], ["custom", t("Custom numbers")]],
  nationality: t("Nationality (passport)"),
  chooseNationality: t("Choose a nationality…"),
  ruleSet: t("Rule set"),
  chooseRule: t("Choose a rule set…"),
  limit: t("Days allowed"),
  window: t("In a window of (days)"),
  perEntry: t("Per entry at most (days, optional)"),
  tables: {
    stays: {
      legend: t("Stays in Kazakhstan"), hint: t("Leave the exit empty if you are still there."),
      entry: t("Entry"), exit: t("Exit"), add: t("Add a stay"),
      // "Stay 2, exit": the accessible name of a row's date, and how its errors begin
      rowLabel: { entry: t("Stay {n}, entry"), exit: t("Stay {n}, exit") },
      removeRow: t("Remove stay {n}"),
      more: (n) => tn("{n} more stay from the link counts but is not shown here.", "{n} more stays from the link count but are not shown here.", n, { n: n.toLocaleString(lang) }),
      showAll: t("Show every stay"),
    },
    trips: {
      legend: t("Trips abroad since the permit"), hint: t("Leave the return empty if you are still abroad."),
      entry: t("Left Kazakhstan"), exit: t("Came back"), add: t("Add a trip"),
      rowLabel: { entry: t("Trip {n}, left Kazakhstan"), exit: t("Trip {n}, came back") },
      removeRow: t("Remove trip {n}"),
      more: (n) => tn("{n} more trip from the link counts but is not shown here.", "{n} more trips from the link count but are not shown here.", n, { n: n.toLocaleString(lang) }),
      showAll: t("Show every trip"),
    },
  },
  bothDaysCount: t("Entry and exit days both count."),
  remove: t("Remove"),
  dates: t("Dates and details"),
  optional: t("Optional."),
  notInList: (value) => t("{value} (not in the list)", { value }),
  incomplete: t("this date is incomplete or does not exist"),
  enterDate: t("enter a date"),
  outOfRange: (first, last) => t("the calculator counts dates from {first} to {last}", { first, last }),
  fieldMessage: (label, message) => t("{label}: {message}", { label, message }),
};

const SHOWN_ROWS = 30; // rows of a stays or trips table built at once (a link may list thousands)
const BATCH_ROWS = 50; // rows built per task when the person asks to see them all

function fieldBox(id, labelText, control, hint) {
  const box = el("div", { class: "kzcalc-field", "data-field-box": control.dataset.field });
  box.append(el("label", { for: id, text: labelText }));
  if (hint) {
    const hintNode = el("p", { class: "kzcalc-hint", id: `${id}-hint`, text: hint });
    control.setAttribute("aria-describedby", hintNode.id);
    box.append(hintNode);
  }
  box.append(control);
  return box;
}

function input(field, attrs) {
  return el("input", { id: `f-${field}`, name: field, "data-field": field, ...attrs });
}

// The engine's date bounds (from the page's HTML): a date input then takes a four-digit year.
function dateBounds() {
  const template = document.getElementById("calc-choices");
  return template ? { min: template.dataset.dateMin, max: template.dataset.dateMax } : {};
}

function select(field, placeholder) {
  const node = el("select", { id: `f-${field}`, name: field, "data-field": field });
  if (placeholder) node.append(el("option", { value: "", text: placeholder }));
  return node;
}

// The option lists rendered into the page from data/ at build time (kb/render_calculator.py).
function buildChoices(name) {
  const template = document.getElementById("calc-choices");
  const list = template && template.content.querySelector(`[data-choices="${name}"]`);
  return list ? [...list.options].map((o) => [o.value, o.textContent]) : [];
}

// A link's key in words (a field's label, or the stays' and trips' tables), for notes about a link.
export function keyLabel(key) {
  const field = FIELDS.find((f) => f.name === key);
  const other = {
    nationality: TEXT.nationality, rule: TEXT.ruleSet, limit: TEXT.limit, window: TEXT.window,
    per_entry: TEXT.perEntry, stay: TEXT.tables.stays.legend, trip: TEXT.tables.trips.legend,
  };
  return field ? field.label : other[key] || key;
}

// What a control holds for the request: its value, else the link's text it could not hold. A date
// half typed or impossible (02/30/2025) gives nothing, so the link never holds a date the field
// does not show (not even the 2025-02-03 it showed on the way); the form names the field instead.
// A number outside the field's range goes to the engine as typed, which names what it must be.
function controlText(control) {
  if (control.value !== "") {
    const { rangeOverflow, rangeUnderflow } = control.validity || {};
    if (control.type === "date" && (rangeOverflow || rangeUnderflow)) return { text: "", outOfRange: true };
    return { text: control.value };
  }
  if (control.dataset.raw !== undefined) return { text: control.dataset.raw };
  if (control.validity && control.validity.badInput) return { text: "", incomplete: true };
  return { text: "" };
}

export class CalculatorForm {
  constructor(root, onChange) {
    this.root = root;
    this.onChange = onChange;
    // Errors wait until the person is done with a field (left it, or changed it to a whole value)
    // or asks for the answer (Enter, copy, calendar, print): never red on arrival or mode switch.
    this.touched = new Set();
    this.asked = false;
    this.build();
  }

  ask() {
    this.asked = true;
  }

  build() {
    const form = el("form", { class: "kzcalc-form", novalidate: "", "aria-label": TEXT.form });
    form.addEventListener("submit", (e) => { e.preventDefault(); this.asked = true; this.onChange(); });

    const modes = el("fieldset", { class: "kzcalc-modes" });
    modes.append(el("legend", { text: TEXT.modes }));
    for (const mode of MODES) {
      const id = `mode-${mode.id}`;
      const radio = el("input", { type: "radio", name: "mode", id, value: mode.id, "aria-describedby": `${id}-hint` });
      const label = el("label", { for: id, class: "kzcalc-mode" });
      label.append(radio, el("span", { text: mode.label }), el("span", { class: "kzcalc-hint", id: `${id}-hint`, text: mode.hint }));
      modes.append(label);
    }
    form.append(modes);

    const rule = el("fieldset", { class: "kzcalc-rule", "data-modes": RULE_MODES.join(" ") });
    rule.append(el("legend", { text: TEXT.rule }));
    const by = el("div", { class: "kzcalc-ruleby", role: "radiogroup", "aria-label": TEXT.ruleBy });
    for (const [value, text] of TEXT.ruleByChoices) {
      const id = `ruleby-${value}`;
      const label = el("label", { for: id });
      label.append(el("input", { type: "radio", name: "rule_by", id, value }), el("span", { text }));
      by.append(label);
    }
    rule.append(by);
    this.nationality = select("nationality", TEXT.chooseNationality);
    this.ruleSet = select("rule", TEXT.chooseRule);
    for (const [node, name] of [[this.nationality, "nationality"], [this.ruleSet, "rule"]]) {
      for (const [value, text] of buildChoices(name)) node.append(el("option", { value, text }));
    }
    rule.append(el("div", { "data-rule-by": "nationality" }, fieldBox("f-nationality", TEXT.nationality, this.nationality)));
    rule.append(el("div", { "data-rule-by": "rule" }, fieldBox("f-rule", TEXT.ruleSet, this.ruleSet)));
    const custom = el("div", { "data-rule-by": "custom", class: "kzcalc-row" });
    custom.append(
      fieldBox("f-limit", TEXT.limit, input("limit", { type: "number", min: "1", inputmode: "numeric" })),
      fieldBox("f-window", TEXT.window, input("window", { type: "number", min: "1", inputmode: "numeric" })),
      fieldBox("f-per_entry", TEXT.perEntry, input("per_entry", { type: "number", min: "1", inputmode: "numeric" })),
    );
    rule.append(custom);
    form.append(rule);

    this.tables = {};
    form.append(this.intervalTable("stays", "stay", STAY_MODES));
    form.append(this.intervalTable("trips", "trip", TRIP_MODES));

    const dates = el("fieldset", { class: "kzcalc-dates" });
    dates.append(el("legend", { text: TEXT.dates }));
    for (const f of FIELDS) {
      let control;
      if (f.type === "choice") {
        control = select(f.name, f.placeholder);
        for (const [value, text] of f.choices || buildChoices(f.choicesFrom)) control.append(el("option", { value, text }));
      } else if (f.type === "number") {
        control = input(f.name, { type: "number", min: f.min, inputmode: "numeric" });
      } else {
        control = input(f.name, { type: "date", ...dateBounds() });
      }
      const box = fieldBox(`f-${f.name}`, f.label, control, f.hint || (f.optional ? TEXT.optional : null));
      box.dataset.modes = f.modes.join(" ");
      dates.append(box);
    }
    form.append(dates);

    // Editing a control drops the link's text it could not hold: from now on it holds the user's.
    form.addEventListener("input", (e) => { delete e.target.dataset.raw; this.onChange(); });
    form.addEventListener("change", (e) => {
      delete e.target.dataset.raw;
      if (e.target.dataset.field) this.touched.add(e.target.dataset.field);
      this.showMode();
      this.onChange();
    });
    form.addEventListener("focusout", (e) => {
      const field = e.target.dataset && e.target.dataset.field;
      if (field && !this.touched.has(field)) {
        this.touched.add(field);
        this.onChange();
      }
    });
    this.form = form;
    this.root.append(form);
  }

  intervalTable(name, key, modes) {
    const text = TEXT.tables[name];
    const set = el("fieldset", { class: "kzcalc-intervals", "data-modes": modes.join(" ") });
    set.append(el("legend", { text: text.legend }));
    set.append(el("p", { class: "kzcalc-hint", text: `${text.hint} ${TEXT.bothDaysCount}` }));
    const table = el("table", { class: "kzcalc-table" });
    const head = el("tr");
    for (const h of [text.entry, text.exit, ""]) head.append(el("th", { scope: "col", text: h }));
    const body = el("tbody");
    table.append(el("thead", {}, head), body);
    set.append(table);
    const add = el("button", { type: "button", class: "md-button kzcalc-add", text: text.add });
    add.addEventListener("click", () => {
      const row = this.addRow(name, { entry: "", exit: "" });
      row.querySelector("input").focus();
      this.onChange();
    });
    set.append(add);
    // Rows past SHOWN_ROWS (a link may list thousands) are kept as data, sent with every request
    // and turned into rows only on demand: one date input per row would block the page for seconds.
    // The note (in the page only while there are such rows) says how many, with a button.
    const more = el("p", { class: "kzcalc-hint kzcalc-more", "data-testid": `${name}-more` });
    const showAll = el("button", { type: "button", class: "md-button", text: text.showAll });
    showAll.addEventListener("click", () => this.revealRows(name));
    more.append(el("span"), " ", showAll);
    this.tables[name] = { body, key, more, add, rest: [] };
    return set;
  }

  addRow(name, value) {
    const { body, key } = this.tables[name];
    const text = TEXT.tables[name];
    const i = body.rows.length;
    const tr = el("tr");
    const cells = [];
    for (const part of ["entry", "exit"]) {
      const id = `${key}-${i}-${part}`;
      const field = `${name}[${i}].${part}`;
      const label = text.rowLabel[part].replace("{n}", i + 1); // "Stay 2, exit"
      const control = el("input", { type: "date", id, "data-field": field, "aria-label": label, ...dateBounds() });
      this.setDate(control, value[part]);
      const td = el("td", { "data-field-box": field });
      td.append(control);
      cells.push(td);
    }
    const remove = el("button", { type: "button", class: "kzcalc-remove", text: TEXT.remove, "aria-label": text.removeRow.replace("{n}", i + 1) });
    remove.addEventListener("click", () => {
      const rows = this.readRows(name).filter((_, j) => j !== i);
      this.setRows(name, rows);
      const buttons = body.querySelectorAll(".kzcalc-remove");
      (buttons[Math.min(i, buttons.length - 1)] || this.form.querySelector(".kzcalc-add")).focus();
      this.onChange();
    });
    tr.append(...cells, el("td", {}, remove));
    body.append(tr);
    return tr;
  }

  rowInputs(name) {
    return [...this.tables[name].body.rows].map((tr) => tr.querySelectorAll("input"));
  }

  readRows(name) {
    const shown = this.rowInputs(name).map(([entry, exit]) => ({ entry: controlText(entry).text, exit: controlText(exit).text }));
    return [...shown, ...this.tables[name].rest];
  }

  setRows(name, rows) {
    const table = this.tables[name];
    table.body.replaceChildren();
    const all = rows.length ? rows : [{ entry: "", exit: "" }];
    for (const row of all.slice(0, SHOWN_ROWS)) this.addRow(name, row);
    table.rest = all.slice(SHOWN_ROWS);
    this.noteRest(name);
  }

  noteRest(name) {
    const { more, add, rest } = this.tables[name];
    if (!rest.length) {
      more.remove();
      return;
    }
    more.firstChild.textContent = TEXT.tables[name].more(rest.length);
    if (!more.isConnected) add.after(more);
  }

  // The kept rows into the table, a batch per task, so the page keeps answering meanwhile.
  revealRows(name) {
    const table = this.tables[name];
    for (const row of table.rest.splice(0, BATCH_ROWS)) this.addRow(name, row);
    this.noteRest(name);
    if (table.rest.length) setTimeout(() => this.revealRows(name), 0);
  }

  // A date input refuses anything but a real YYYY-MM-DD: keep the link's text instead of dropping it.
  setDate(control, value) {
    control.value = value || "";
    if (value && control.value !== value) control.dataset.raw = value;
    else delete control.dataset.raw;
  }

  // Put a value in a <select>; a value the list lacks becomes a marked option so the user still
  // sees (as text) what the link said, and the engine's message explains it.
  setSelect(node, value) {
    for (const option of node.querySelectorAll("option[data-unknown]")) option.remove();
    if (value === undefined || value === "") {
      node.selectedIndex = 0;
      return;
    }
    if (![...node.options].some((o) => o.value === value)) {
      node.append(el("option", { value, "data-unknown": "", text: TEXT.notInList(value) }));
    }
    node.value = value;
  }

  setNumber(control, value) {
    control.value = value || "";
    if (value && control.value !== value) control.dataset.raw = value;
    else delete control.dataset.raw;
  }

  setState(state) {
    const mode = MODES.some((m) => m.id === state.mode) ? state.mode : "status";
    this.form.querySelector(`#mode-${mode}`).checked = true;
    const ruleBy = state.rule_by || "nationality";
    this.form.querySelector(`#ruleby-${ruleBy}`).checked = true;
    this.setSelect(this.nationality, state.nationality);
    this.setSelect(this.ruleSet, state.rule);
    for (const name of ["limit", "window", "per_entry"]) this.setNumber(this.form.querySelector(`#f-${name}`), state[name]);
    this.setRows("stays", state.stays || []);
    this.setRows("trips", state.trips || []);
    for (const f of FIELDS) {
      const control = this.form.querySelector(`#f-${f.name}`);
      const value = state[f.name] ?? (f.today ? todayIso() : "");
      if (f.type === "date") this.setDate(control, value);
      else if (f.type === "choice") this.setSelect(control, value);
      else this.setNumber(control, value);
    }
    this.showMode();
    // What the link filled in counts as asked for: its problems show at once, next to the field.
    this.touched = new Set();
    for (const control of this.form.querySelectorAll("[data-field]")) {
      const field = FIELDS.find((f) => `f-${f.name}` === control.id);
      const given = field ? state[field.name] !== undefined : control.value !== "" || control.dataset.raw !== undefined;
      if (given && (control.value !== "" || control.dataset.raw !== undefined)) this.touched.add(control.dataset.field);
    }
  }

  get mode() {
    return this.form.querySelector("input[name=mode]:checked").value;
  }

  showMode() {
    const mode = this.mode;
    for (const node of this.form.querySelectorAll("[data-modes]")) {
      node.hidden = !node.dataset.modes.split(" ").includes(mode);
    }
    const ruleBy = this.form.querySelector("input[name=rule_by]:checked").value;
    for (const node of this.form.querySelectorAll("[data-rule-by]")) node.hidden = node.dataset.ruleBy !== ruleBy;
    for (const f of FIELDS) {
      if (!f.labels) continue;
      this.form.querySelector(`label[for="f-${f.name}"]`).textContent = f.labels[mode] || f.label;
    }
  }

  // The bridge request for the current mode, where each stays[i] came from (row index), and the
  // problems the form sees itself (a half-typed date), which the engine is not asked about.
  request() {
    const mode = this.mode;
    const request = { action: mode };
    const rowOf = {};
    const problems = [];
    const read = (control, field) => {
      const { text, incomplete, outOfRange } = controlText(control);
      if (incomplete) problems.push({ field, message: TEXT.incomplete });
      if (outOfRange) problems.push({ field, message: TEXT.outOfRange(humanDate(control.min, { weekday: false }), humanDate(control.max, { weekday: false })) });
      return text;
    };
    if (RULE_MODES.includes(mode)) {
      const ruleBy = this.form.querySelector("input[name=rule_by]:checked").value;
      if (ruleBy === "nationality") request.nationality = this.nationality.value;
      else if (ruleBy === "rule") request.rule = this.ruleSet.value;
      else {
        for (const name of ["limit", "window", "per_entry"]) {
          const value = read(this.form.querySelector(`#f-${name}`), name);
          if (value !== "" || name !== "per_entry") request[name] = value;
        }
      }
    }
    const tableName = STAY_MODES.includes(mode) ? "stays" : TRIP_MODES.includes(mode) ? "trips" : null;
    if (tableName) {
      request[tableName] = [];
      rowOf[tableName] = [];
      const shown = this.rowInputs(tableName);
      shown.forEach(([entryInput, exitInput], i) => {
        const entry = read(entryInput, `${tableName}[${i}].entry`);
        const exit = read(exitInput, `${tableName}[${i}].exit`);
        if (!entry && !exit) return;
        rowOf[tableName].push(i);
        request[tableName].push(`${entry}..${exit}`);
      });
      this.tables[tableName].rest.forEach(({ entry, exit }, j) => {
        if (!entry && !exit) return;
        rowOf[tableName].push(shown.length + j); // no control: its message goes above the results
        request[tableName].push(`${entry}..${exit}`);
      });
    }
    for (const f of FIELDS) {
      if (!f.modes.includes(mode)) continue;
      const control = this.form.querySelector(`#f-${f.name}`);
      const value = f.type === "choice" ? control.value : read(control, f.name);
      if (value !== "") request[f.name] = value;
    }
    return { request, rowOf, problems };
  }

  // The engine names a field ("stays[1].exit", counting the rows it was sent); find the control.
  controlFor(field, rowOf) {
    if (!field) return null;
    const m = /^(stays|trips)\[(\d+)\]\.(entry|exit)$/.exec(field);
    if (m) {
      const row = rowOf ? (rowOf[m[1]] || [])[+m[2]] : +m[2];
      return row === undefined ? null : this.form.querySelector(`[data-field="${m[1]}[${row}].${m[3]}"]`);
    }
    if (field === "stays" || field === "trips") return this.tables[field].body.querySelector("input");
    return [...this.form.querySelectorAll("[data-field]")].find((n) => n.dataset.field === field) || null;
  }

  // A message for a field without a control (a row kept as data), with the row's words:
  // "Stay 4000, exit: exit 2025-01-01 is before entry 2025-01-05".
  messageFor(field, message, rowOf) {
    const m = /^(stays|trips)\[(\d+)\]\.(entry|exit)$/.exec(field || "");
    const row = m ? (rowOf ? (rowOf[m[1]] || [])[+m[2]] : +m[2]) : undefined;
    if (row === undefined) return message;
    return TEXT.fieldMessage(TEXT.tables[m[1]].rowLabel[m[3]].replace("{n}", row + 1), message);
  }

  // The words a person sees for a control: its label ("Stay 2, exit", "Date to check").
  labelOf(control) {
    if (control.getAttribute("aria-label")) return control.getAttribute("aria-label");
    const label = this.form.querySelector(`label[for="${control.id}"]`);
    return label ? label.textContent : control.name;
  }

  clearErrors() {
    for (const node of this.form.querySelectorAll(".kzcalc-field-error")) node.remove();
    for (const node of this.form.querySelectorAll("[aria-invalid]")) {
      node.removeAttribute("aria-invalid");
      const ids = (node.getAttribute("aria-describedby") || "").split(" ").filter((id) => id && !id.startsWith("err-"));
      if (ids.length) node.setAttribute("aria-describedby", ids.join(" "));
      else node.removeAttribute("aria-describedby");
    }
  }

  // Show one message next to its control ("Stay 2, exit: 30 February 2025 does not exist");
  // false when no control matches the field; true when shown (or it already shows a message);
  // "wait" when the person has not finished with that field yet (the page prompts instead).
  showError(field, message, rowOf) {
    const control = this.controlFor(field, rowOf);
    if (!control) return false;
    if (!this.asked && !this.touched.has(control.dataset.field)) return "wait";
    const id = `err-${control.id}`;
    if (document.getElementById(id)) return true; // one message per field
    // an empty date field: say so in the form's words, not the engine's "YYYY-MM-DD"
    const empty = control.type === "date" && control.value === "" && control.dataset.raw === undefined && !control.validity.badInput;
    const text = TEXT.fieldMessage(this.labelOf(control), empty ? TEXT.enterDate : message);
    const note = el("p", { class: "kzcalc-field-error", id, "data-testid": "calc-error", "data-field": field, role: "alert", text });
    control.closest("[data-field-box]").append(note);
    control.setAttribute("aria-invalid", "true");
    const ids = (control.getAttribute("aria-describedby") || "").split(" ").filter(Boolean);
    control.setAttribute("aria-describedby", [...ids, id].join(" "));
    return true;
  }
}
