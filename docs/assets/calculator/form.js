// The form: built from fields.js into the page's skeleton, read back as a bridge request.
// Date inputs hand over their value as the ISO string the browser keeps ("YYYY-MM-DD"); no Date
// object ever touches an input, so no time zone can move a day.

import { FIELDS, MODES, RULE_MODES, STAY_MODES, TRIP_MODES } from "./fields.js";
import { el } from "./render.js";

const ISO = /^\d{4}-\d{2}-\d{2}$/;

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

export function todayIso() {
  const now = new Date(); // the user's own calendar day, formatted by hand (no UTC shift)
  const pad = (n) => String(n).padStart(2, "0");
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

export class CalculatorForm {
  constructor(root, onChange) {
    this.root = root;
    this.onChange = onChange;
    this.linkProblems = []; // values from the link that an input could not hold
    this.build();
  }

  build() {
    const form = el("form", { class: "kzcalc-form", novalidate: "", "aria-label": "Calculator input" });
    form.addEventListener("submit", (e) => { e.preventDefault(); this.onChange(); });

    const modes = el("fieldset", { class: "kzcalc-modes" });
    modes.append(el("legend", { text: "What do you want to know?" }));
    for (const mode of MODES) {
      const id = `mode-${mode.id}`;
      const radio = el("input", { type: "radio", name: "mode", id, value: mode.id, "aria-describedby": `${id}-hint` });
      const label = el("label", { for: id, class: "kzcalc-mode" });
      label.append(radio, el("span", { text: mode.label }), el("span", { class: "kzcalc-hint", id: `${id}-hint`, text: mode.hint }));
      modes.append(label);
    }
    form.append(modes);

    const rule = el("fieldset", { class: "kzcalc-rule", "data-modes": RULE_MODES.join(" ") });
    rule.append(el("legend", { text: "Which visa-free rule applies" }));
    const by = el("div", { class: "kzcalc-ruleby", role: "radiogroup", "aria-label": "Choose the rule by" });
    for (const [value, text] of [["nationality", "By nationality"], ["rule", "By rule set"], ["custom", "Custom numbers"]]) {
      const id = `ruleby-${value}`;
      const label = el("label", { for: id });
      label.append(el("input", { type: "radio", name: "rule_by", id, value }), el("span", { text }));
      by.append(label);
    }
    rule.append(by);
    this.nationality = el("select", { id: "f-nationality", name: "nationality", "data-field": "nationality" });
    this.nationality.append(el("option", { value: "", text: "Choose a nationality…" }));
    rule.append(el("div", { "data-rule-by": "nationality" }, fieldBox("f-nationality", "Nationality (passport)", this.nationality)));
    this.ruleSet = el("select", { id: "f-rule", name: "rule", "data-field": "rule" });
    this.ruleSet.append(el("option", { value: "", text: "Choose a rule set…" }));
    rule.append(el("div", { "data-rule-by": "rule" }, fieldBox("f-rule", "Rule set", this.ruleSet)));
    const custom = el("div", { "data-rule-by": "custom", class: "kzcalc-row" });
    custom.append(
      fieldBox("f-limit", "Days allowed", input("limit", { type: "number", min: "1", inputmode: "numeric" })),
      fieldBox("f-window", "In a window of (days)", input("window", { type: "number", min: "1", inputmode: "numeric" })),
      fieldBox("f-per_entry", "Per entry at most (days, optional)", input("per_entry", { type: "number", min: "1", inputmode: "numeric" })),
    );
    rule.append(custom);
    form.append(rule);

    this.tables = {};
    form.append(this.intervalTable("stays", "stay", "Stays in Kazakhstan", "Leave the exit empty if you are still there.", STAY_MODES));
    form.append(this.intervalTable("trips", "trip", "Trips abroad since the permit", "Leave the return empty if you are still abroad.", TRIP_MODES));

    const dates = el("fieldset", { class: "kzcalc-dates" });
    dates.append(el("legend", { text: "Dates and details" }));
    for (const f of FIELDS) {
      let control;
      if (f.type === "choice") {
        control = el("select", { id: `f-${f.name}`, name: f.name, "data-field": f.name });
        for (const [value, text] of f.choices) control.append(el("option", { value, text }));
      } else if (f.type === "number") {
        control = input(f.name, { type: "number", min: f.min, inputmode: "numeric" });
      } else {
        control = input(f.name, { type: "date" });
      }
      const box = fieldBox(`f-${f.name}`, f.label, control, f.hint || (f.type === "date" && !f.today ? "Optional." : null));
      box.dataset.modes = f.modes.join(" ");
      dates.append(box);
    }
    form.append(dates);

    form.addEventListener("input", () => this.onChange());
    form.addEventListener("change", () => { this.showMode(); this.onChange(); });
    this.form = form;
    this.root.append(form);
  }

  intervalTable(name, key, legend, hint, modes) {
    const set = el("fieldset", { class: "kzcalc-intervals", "data-modes": modes.join(" ") });
    set.append(el("legend", { text: legend }));
    set.append(el("p", { class: "kzcalc-hint", text: `${hint} Entry and exit days both count.` }));
    const table = el("table", { class: "kzcalc-table" });
    const head = el("tr");
    for (const h of [key === "stay" ? "Entry" : "Left Kazakhstan", key === "stay" ? "Exit" : "Came back", ""]) {
      head.append(el("th", { scope: "col", text: h }));
    }
    const body = el("tbody");
    table.append(el("thead", {}, head), body);
    set.append(table);
    const add = el("button", { type: "button", class: "md-button kzcalc-add", text: `Add a ${key}` });
    add.addEventListener("click", () => {
      const row = this.addRow(name, { entry: "", exit: "" });
      row.querySelector("input").focus();
      this.onChange();
    });
    set.append(add);
    this.tables[name] = { body, key };
    return set;
  }

  addRow(name, value) {
    const { body, key } = this.tables[name];
    const i = body.rows.length;
    const tr = el("tr");
    const cells = [];
    for (const part of ["entry", "exit"]) {
      const id = `${key}-${i}-${part}`;
      const field = `${name}[${i}].${part}`;
      const label = `${key === "stay" ? "Stay" : "Trip"} ${i + 1}: ${part === "entry" ? (key === "stay" ? "entry" : "left") : (key === "stay" ? "exit" : "came back")}`;
      const control = el("input", { type: "date", id, "data-field": field, "aria-label": label });
      this.setDate(control, value[part], field);
      const td = el("td", { "data-field-box": field });
      td.append(control);
      cells.push(td);
    }
    const remove = el("button", { type: "button", class: "kzcalc-remove", text: "Remove", "aria-label": `Remove ${key} ${i + 1}` });
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

  readRows(name) {
    return [...this.tables[name].body.rows].map((tr) => {
      const [entry, exit] = tr.querySelectorAll("input");
      return { entry: entry.value, exit: exit.value };
    });
  }

  setRows(name, rows) {
    this.tables[name].body.replaceChildren();
    for (const row of rows.length ? rows : [{ entry: "", exit: "" }]) this.addRow(name, row);
  }

  setDate(control, value, field) {
    control.value = value || "";
    if (value && control.value !== value) {
      // a date input refuses anything but YYYY-MM-DD: say so instead of dropping it silently
      this.linkProblems.push({ field, message: `The link gave “${value}”, which is not a date in the form YYYY-MM-DD.` });
    }
  }

  setOptions(meta) {
    this.optionsLoaded = true;
    for (const n of meta.nationalities) {
      this.nationality.append(el("option", { value: n.code, text: `${n.name} (${n.code})` }));
    }
    for (const r of meta.stay_rules) {
      this.ruleSet.append(el("option", { value: r.id, text: r.title }));
    }
  }

  // Put a value in a <select>; a value the list lacks becomes a marked option so the user still
  // sees (as text) what the link said, and the engine's message explains it.
  setSelect(select, value) {
    for (const option of select.querySelectorAll("option[data-unknown]")) option.remove();
    if (value === undefined || value === "") return;
    const lists = select === this.nationality || select === this.ruleSet;
    if (lists && !this.optionsLoaded) return; // the engine's lists are not there yet
    if (![...select.options].some((o) => o.value === value)) {
      select.append(el("option", { value, "data-unknown": "", text: `${value} (not in the list)` }));
    }
    select.value = value;
  }

  setState(state) {
    this.linkProblems = [];
    const mode = MODES.some((m) => m.id === state.mode) ? state.mode : "status";
    this.form.querySelector(`#mode-${mode}`).checked = true;
    const ruleBy = state.rule_by || "nationality";
    this.form.querySelector(`#ruleby-${ruleBy}`).checked = true;
    this.setSelect(this.nationality, state.nationality);
    this.setSelect(this.ruleSet, state.rule);
    for (const name of ["limit", "window", "per_entry"]) this.form.querySelector(`#f-${name}`).value = state[name] || "";
    this.setRows("stays", state.stays || []);
    this.setRows("trips", state.trips || []);
    for (const f of FIELDS) {
      const control = this.form.querySelector(`#f-${f.name}`);
      const value = state[f.name] ?? (f.today ? todayIso() : "");
      if (f.type === "date") this.setDate(control, value, f.name);
      else if (f.type === "choice") this.setSelect(control, value);
      else control.value = /^\d*$/.test(value) ? value : "";
    }
    this.showMode();
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
  }

  // The bridge request for the current mode, and where each stays[i] came from (row index).
  request() {
    const mode = this.mode;
    const request = { action: mode };
    const rowOf = {};
    if (RULE_MODES.includes(mode)) {
      const ruleBy = this.form.querySelector("input[name=rule_by]:checked").value;
      if (ruleBy === "nationality") request.nationality = this.nationality.value;
      else if (ruleBy === "rule") request.rule = this.ruleSet.value;
      else {
        for (const name of ["limit", "window", "per_entry"]) {
          const value = this.form.querySelector(`#f-${name}`).value;
          if (value !== "" || name !== "per_entry") request[name] = value;
        }
      }
    }
    const tableName = STAY_MODES.includes(mode) ? "stays" : TRIP_MODES.includes(mode) ? "trips" : null;
    if (tableName) {
      request[tableName] = [];
      rowOf[tableName] = [];
      this.readRows(tableName).forEach((row, i) => {
        if (!row.entry && !row.exit) return;
        rowOf[tableName].push(i);
        request[tableName].push(`${row.entry}..${row.exit}`);
      });
    }
    for (const f of FIELDS) {
      if (!f.modes.includes(mode)) continue;
      const value = this.form.querySelector(`#f-${f.name}`).value;
      if (value !== "") request[f.name] = value;
    }
    return { request, rowOf };
  }

  // The engine names a field ("stays[1].exit"); find the control the user sees for it.
  controlFor(field, rowOf) {
    if (!field) return null;
    const m = /^(stays|trips)\[(\d+)\]\.(entry|exit)$/.exec(field);
    if (m) {
      const row = (rowOf[m[1]] || [])[+m[2]];
      return row === undefined ? null : this.form.querySelector(`[data-field="${m[1]}[${row}].${m[3]}"]`);
    }
    if (field === "stays" || field === "trips") return this.tables[field].body.querySelector("input");
    return [...this.form.querySelectorAll("[data-field]")].find((n) => n.dataset.field === field) || null;
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

  // Show one message next to its control; returns false when no control matches the field.
  showError(field, message, rowOf) {
    const control = this.controlFor(field, rowOf);
    if (!control) return false;
    const id = `err-${control.id}`;
    const note = el("p", { class: "kzcalc-field-error", id, "data-testid": "calc-error", "data-field": field, role: "alert", text: message });
    control.closest("[data-field-box]").append(note);
    control.setAttribute("aria-invalid", "true");
    const ids = (control.getAttribute("aria-describedby") || "").split(" ").filter(Boolean);
    control.setAttribute("aria-describedby", [...ids, id].join(" "));
    return true;
  }
}
