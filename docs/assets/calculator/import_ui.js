// Import and export of stays: CSV (as --stays-file reads it) and JSON (the bridge's request) out;
// a file (CSV or JSON) or pasted lines in. What was read is shown first (paste-preview), lines that
// cannot be read are named by number, and the form's stays change only when the person says so,
// with an undo; the pasted text stays in its box, so nothing typed is lost.

import { t, tn } from "./i18n.js";
import { el, humanDate } from "./render.js";
import { parseAny, toCsv, toJson } from "./stays_io.js";

const TEXT = {
  heading: t("Import and export stays"),
  exportCsv: t("Export CSV"),
  exportJson: t("Export JSON"),
  exportHint: t("The CSV is the file the command line reads with --stays-file; the JSON is the calculator’s request."),
  file: t("Import a file (CSV or JSON)"),
  paste: t("Or paste stays, one a line"),
  pasteHint: t("Dates as 2025-04-01, 01.04.2025 or 01.04.25; entry and exit on one line (01.04.2025 – 10.05.2025); no exit if you are still there."),
  read: t("Show what was read"),
  previewCaption: t("Stays read"),
  line: t("Line"),
  entry: t("Entry"),
  exit: t("Exit"),
  stillThere: t("still there"),
  found: (n) => tn("{n} stay read.", "{n} stays read.", n),
  refused: (n) => tn("{n} line could not be read; fix it and show again. Your stays are unchanged.", "{n} lines could not be read; fix them and show again. Your stays are unchanged.", n),
  lineError: (line, text, message) => (text ? t("Line {line} ({text}): {message}", { line, text, message }) : t("Line {line}: {message}", { line, message })),
  nothing: t("Nothing to read: paste lines of dates or choose a file."),
  apply: (n) => tn("Replace my stays with this {n} stay", "Replace my stays with these {n} stays", n),
  applied: (n, before) => t("Stays replaced: {n} now, {before} before.", { n, before }),
  undo: t("Undo"),
  undone: t("The previous stays are back."),
  unreadable: t("The file could not be read as text."),
  exported: (file) => t("{file} downloaded.", { file }),
};

function download(name, text, type) {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const a = el("a", { href: url, download: name, hidden: "" });
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10000);
}

export function importExport({ form, apply, current, activeRule }) {
  const box = el("section", { class: "kzcalc-import", "aria-labelledby": "calc-import-title" });
  box.append(el("h3", { id: "calc-import-title", text: TEXT.heading }));
  const status = el("p", { class: "kzcalc-tracker__status", role: "status", "aria-live": "polite", "data-testid": "import-status" });
  const say = (text) => { status.textContent = text; };

  const csvButton = el("button", { type: "button", class: "md-button", "data-testid": "export-csv", text: TEXT.exportCsv, "aria-describedby": "calc-export-hint" });
  const jsonButton = el("button", { type: "button", class: "md-button", "data-testid": "export-json", text: TEXT.exportJson, "aria-describedby": "calc-export-hint" });
  box.append(el("div", { class: "kzcalc-tracker__buttons" }, csvButton, jsonButton), el("p", { id: "calc-export-hint", class: "kzcalc-hint", text: TEXT.exportHint }));

  const file = el("input", { type: "file", id: "calc-import-file", "data-testid": "import-stays", accept: ".csv,.json,.txt,text/csv,application/json,text/plain" });
  box.append(el("div", { class: "kzcalc-field" }, el("label", { for: "calc-import-file", text: TEXT.file }), file));
  const area = el("textarea", { id: "calc-paste", "data-testid": "paste-stays", rows: "4", spellcheck: "false", "aria-describedby": "calc-paste-hint" });
  const readButton = el("button", { type: "button", class: "md-button", "data-testid": "paste-read", text: TEXT.read });
  box.append(el("div", { class: "kzcalc-field" }, el("label", { for: "calc-paste", text: TEXT.paste }), el("p", { id: "calc-paste-hint", class: "kzcalc-hint", text: TEXT.pasteHint }), area), readButton);
  const preview = el("div", { class: "kzcalc-preview", "data-testid": "paste-preview", "aria-live": "polite" });
  box.append(preview, status);

  let previous = null; // the form's stays before the last import, for undo

  function rowsNow() {
    return form.readRows("stays").filter((r) => r.entry || r.exit);
  }

  function show(text) {
    preview.replaceChildren();
    say("");
    if (!text.trim()) return preview.append(el("p", { text: TEXT.nothing }));
    const { stays, errors, rule } = parseAny(text);
    if (errors.length) {
      preview.append(el("p", { class: "kzcalc-field-error", role: "alert", text: TEXT.refused(errors.length) }));
      const ul = el("ul", { class: "kzcalc-preview__errors" });
      for (const e of errors) ul.append(el("li", { "data-testid": "import-error", "data-line": e.line, text: TEXT.lineError(e.line, e.text, e.message) }));
      preview.append(ul);
    }
    preview.append(el("p", { text: TEXT.found(stays.length) }));
    if (stays.length) {
      const table = el("table", { class: "kzcalc-preview__table" });
      table.append(el("caption", { text: TEXT.previewCaption }));
      const head = el("tr");
      for (const h of [TEXT.line, TEXT.entry, TEXT.exit]) head.append(el("th", { scope: "col", text: h }));
      table.append(el("thead", {}, head));
      const body = el("tbody");
      for (const s of stays) {
        const tr = el("tr", { "data-testid": "preview-stay", "data-entry": s.entry, "data-exit": s.exit });
        tr.append(el("td", { text: s.line }), el("td", { text: humanDate(s.entry) }), el("td", { text: s.exit ? humanDate(s.exit) : TEXT.stillThere }));
        body.append(tr);
      }
      table.append(body);
      preview.append(table);
    }
    if (!stays.length || errors.length) return;
    const go = el("button", { type: "button", class: "md-button", "data-testid": "import-apply", text: TEXT.apply(stays.length) });
    go.addEventListener("click", () => {
      const before = rowsNow();
      previous = { stays: before.map((r) => `${r.entry}..${r.exit}`), rule: current() ? current().rule : activeRule() };
      const chosen = rule && Object.keys(rule).length ? rule : previous.rule;
      apply({ rule: chosen, stays: stays.map((s) => `${s.entry}..${s.exit}`) });
      preview.replaceChildren();
      say(TEXT.applied(stays.length, before.length));
      const undo = el("button", { type: "button", class: "md-button", "data-testid": "import-undo", text: TEXT.undo });
      undo.addEventListener("click", () => {
        apply(previous);
        previous = null;
        undo.remove();
        say(TEXT.undone);
        // the button is gone: the keyboard goes to the message that says what happened
        status.tabIndex = -1;
        status.focus();
      });
      status.append(" ", undo);
      undo.focus();
    });
    preview.append(go);
  }

  readButton.addEventListener("click", () => show(area.value));
  file.addEventListener("change", async () => {
    const chosen = file.files && file.files[0];
    if (!chosen) return;
    try {
      show(await chosen.text());
    } catch {
      say(TEXT.unreadable);
    }
  });

  function exportStays(kind) {
    const now = current();
    const stays = rowsNow();
    const rule = now ? now.rule : activeRule();
    const { request } = form.request();
    const name = kind === "csv" ? "kz-stays.csv" : "kz-stays.json";
    if (kind === "csv") download(name, toCsv(stays), "text/csv;charset=utf-8");
    else download(name, toJson(rule, stays, request.on), "application/json");
    say(TEXT.exported(name));
  }
  csvButton.addEventListener("click", () => exportStays("csv"));
  jsonButton.addEventListener("click", () => exportStays("json"));
  return box;
}
