// Stays in and out of the page, as text: CSV exactly as the command line's --stays-file reads it
// (UTF-8, a header line `entry,exit`, one stay a line, an empty exit while still there), JSON as the
// bridge's request ({"action": "status", "nationality": "NL", "stays": ["ENTRY..EXIT", …]}), and
// pasted lines of dates as people have them: ISO (2025-04-01) or dd.mm.yyyy / dd.mm.yy as Kazakh
// stamps and Russian forms write them (01.04.2025 – 10.05.2025), one stay a line.
// Nothing here decides what a stay means (overlaps, order, limits): the engine does, after the
// import. This file only turns text into "YYYY-MM-DD..YYYY-MM-DD" strings and says, by line number,
// which lines it could not read; a two-digit year is 20yy (stamps of the 1900s are not stays anyone
// counts today).

import { RULE_FIELDS } from "./fields.js";
import { t } from "./i18n.js";

const TEXT = {
  noDate: t("no date found; write ENTRY – EXIT, e.g. 01.04.2025 – 10.05.2025"),
  badDate: (text) => t("{text} is not a date (use 2025-04-01, 01.04.2025 or 01.04.25)", { text }),
  noDay: (text) => t("{text} does not exist in the calendar", { text }),
  tooMany: t("more than two dates on one line"),
  backwards: t("the exit is before the entry"),
  noHeader: t("the first line must be the header entry,exit"),
  notJson: t("this is not JSON the calculator wrote"),
  noStays: t("the JSON has no list of stays"),
  notStay: (text) => t("{text} is not a stay (ENTRY..EXIT)", { text }),
};

const MOST_STAYS = 5000; // the engine's bound (calculator/core/bounds.py)
const ISO = /^(\d{4})-(\d{2})-(\d{2})$/;
const DOTTED = /^(\d{1,2})\.(\d{1,2})\.(\d{2}|\d{4})$/;
// a date in ISO or dotted form anywhere on a line
const DATE_TOKEN = /\d{4}-\d{2}-\d{2}|\d{1,2}\.\d{1,2}\.\d{2,4}(?!\d)/g;

function clip(text) {
  const s = String(text).trim();
  return s.length > 32 ? `${s.slice(0, 32)}…` : s;
}

// "01.04.25" -> "2025-04-01"; {error} when the text is not a real calendar day.
export function toIso(text) {
  let y, m, d;
  const iso = ISO.exec(text);
  const dotted = DOTTED.exec(text);
  if (iso) [y, m, d] = [+iso[1], +iso[2], +iso[3]];
  else if (dotted) [d, m, y] = [+dotted[1], +dotted[2], dotted[3].length === 2 ? 2000 + +dotted[3] : +dotted[3]];
  else return { error: TEXT.badDate(clip(text)) };
  const day = new Date(Date.UTC(y, m - 1, d));
  if (m < 1 || m > 12 || day.getUTCFullYear() !== y || day.getUTCMonth() !== m - 1 || day.getUTCDate() !== d) {
    return { error: TEXT.noDay(clip(text)) };
  }
  const pad = (n, w = 2) => String(n).padStart(w, "0");
  return { iso: `${pad(y, 4)}-${pad(m)}-${pad(d)}` };
}

// Pasted lines: each non-empty line is one stay, "ENTRY [–|-|..|to] [EXIT]" (no exit: still there).
// Returns {stays: [{entry, exit, line}], errors: [{line, text, message}]}.
export function parseLines(text) {
  const stays = [];
  const errors = [];
  String(text).split(/\r\n|\r|\n/).forEach((raw, index) => {
    const line = index + 1;
    const body = raw.trim();
    if (!body) return;
    const found = body.match(DATE_TOKEN) || [];
    const leftover = body.replace(DATE_TOKEN, " ").replace(/[\s\u00a0–—‒\-.,;:/]|to|по|до|с/giu, "");
    if (!found.length) return errors.push({ line, text: clip(body), message: TEXT.noDate });
    if (found.length > 2) return errors.push({ line, text: clip(body), message: TEXT.tooMany });
    if (leftover) return errors.push({ line, text: clip(body), message: TEXT.badDate(clip(body)) });
    const [entry, exit] = found.map(toIso);
    const bad = [entry, exit].find((x) => x && x.error);
    if (bad) return errors.push({ line, text: clip(body), message: bad.error });
    if (exit && exit.iso < entry.iso) return errors.push({ line, text: clip(body), message: TEXT.backwards });
    stays.push({ entry: entry.iso, exit: exit ? exit.iso : "", line });
  });
  return { stays, errors };
}

// A CSV as --stays-file reads it: the header decides the columns; dates go through the same checks.
export function parseCsv(text) {
  const lines = String(text).replace(/^\ufeff/, "").split(/\r\n|\r|\n/);
  const header = (lines[0] || "").split(",").map((s) => s.trim().replace(/^"|"$/g, ""));
  const at = { entry: header.indexOf("entry"), exit: header.indexOf("exit") };
  if (at.entry < 0 || at.exit < 0) return { stays: [], errors: [{ line: 1, text: clip(lines[0] || ""), message: TEXT.noHeader }] };
  const stays = [];
  const errors = [];
  lines.slice(1).forEach((raw, index) => {
    const line = index + 2;
    if (!raw.trim()) return;
    const cells = raw.split(",").map((s) => s.trim().replace(/^"|"$/g, ""));
    const entry = toIso(cells[at.entry] || "");
    const exit = cells[at.exit] ? toIso(cells[at.exit]) : null;
    const bad = [entry, exit].find((x) => x && x.error);
    if (bad) return errors.push({ line, text: clip(raw), message: bad.error });
    if (exit && exit.iso < entry.iso) return errors.push({ line, text: clip(raw), message: TEXT.backwards });
    stays.push({ entry: entry.iso, exit: exit ? exit.iso : "", line });
  });
  return { stays, errors };
}

// The bridge's request (what "Export JSON" writes): its stays, and its rule if it names one.
export function parseJson(text) {
  let data;
  try {
    data = JSON.parse(text);
  } catch {
    return { stays: [], errors: [{ line: 1, text: "", message: TEXT.notJson }] };
  }
  if (!data || typeof data !== "object" || !Array.isArray(data.stays)) return { stays: [], errors: [{ line: 1, text: "", message: TEXT.noStays }] };
  const rule = {};
  for (const key of RULE_FIELDS) if (typeof data[key] === "string" || typeof data[key] === "number") rule[key] = String(data[key]);
  const stays = [];
  const errors = [];
  data.stays.forEach((item, index) => {
    const text = typeof item === "string" ? item : "";
    const at = text.indexOf("..");
    const entry = at < 0 ? { error: TEXT.notStay(clip(JSON.stringify(item))) } : toIso(text.slice(0, at));
    const exitText = at < 0 ? "" : text.slice(at + 2);
    const exit = exitText ? toIso(exitText) : null;
    const bad = [entry, exit].find((x) => x && x.error);
    if (bad) return errors.push({ line: index + 1, text: clip(text), message: bad.error });
    stays.push({ entry: entry.iso, exit: exit ? exit.iso : "", line: index + 1 });
  });
  return { stays, errors, rule };
}

// Any of the three, told apart by their first characters; more than the engine reads is an error.
export function parseAny(text) {
  const body = String(text).replace(/^\ufeff/, "").trimStart();
  const result = body.startsWith("{") ? parseJson(body) : /^"?entry"?\s*,/i.test(body) ? parseCsv(body) : parseLines(body);
  if (result.stays.length > MOST_STAYS) result.errors.push({ line: 0, text: "", message: t("more than {most} stays", { most: MOST_STAYS }) });
  return result;
}

export function toCsv(stays) {
  return "entry,exit\r\n" + stays.map((s) => `${s.entry},${s.exit || ""}\r\n`).join("");
}

export function toJson(rule, stays, on) {
  const request = { action: "status", ...rule, stays: stays.map((s) => `${s.entry}..${s.exit || ""}`) };
  if (on) request.on = on;
  return JSON.stringify(request, null, 1) + "\n";
}
