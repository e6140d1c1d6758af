// Results as DOM nodes built with textContent only: nothing from the engine, the URL or the form is
// ever parsed as HTML. Python computed every number; this file only lays them out, in the page's
// language (i18n.js); the engine wrote the explanations in that language too.

import { humanDate, t, tn } from "./i18n.js";

export { humanDate };

import { timeline } from "./render_timeline.js";
import { daysReturn } from "./render_returns.js";

const SVG = "http://www.w3.org/2000/svg";

// The words this module shows (a translation replaces this table). Ids and versions are kept for
// consultants in a closed "Technical details" element, in data attributes and in the print report.
const TEXT = {
  warnings: t("Warnings"),
  howWorkedOut: t("How this was worked out"),
  howSure: t("How sure we are"),
  confidence: {
    confirmed: t("two independent sources agree"),
    single: t("one source only: check it"),
    conflict: t("the sources disagree: check it"),
    unverified: t("not verified: check it"),
    custom: t("numbers you typed in"),
  },
  lastChecked: t("Last checked"),
  sources: t("Sources"),
  technical: t("Technical details (for consultants)"),
  ruleId: t("Rule id"),
  dataVersion: t("Rule data version"),
  limitedBy: {
    per_entry: t("limited by the days allowed per entry"),
    rolling: t("limited by the days allowed in the rolling window"),
    both: t("limited by both the per-entry and the rolling-window limits"),
  },
  daysOff: (n) => t("Days off skipped ({n})", { n }),
  workingDay: (n, start) => t("Working day {n} after {start}", { n, start }),
  validUntil: t("Last day it is accepted"),
  issued: (day) => t("issued {day}", { day }),
  daysLeft: t("Days left"),
  fromDateToCheck: t("from the date to check"),
};
let dataVersion = "";

// The rule data version the engine reported, shown in each result's technical details.
export function setDataVersion(version) {
  dataVersion = version || "";
}

export function el(tag, attrs = {}, ...children) {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(attrs)) {
    if (value === null || value === undefined || value === false) continue;
    if (key === "text") node.textContent = String(value);
    else node.setAttribute(key, String(value));
  }
  for (const child of children) if (child) node.append(child);
  return node;
}

function dayNumber(iso) {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  return Math.round(Date.UTC(+m[1], +m[2] - 1, +m[3]) / 86400000);
}

// One headline figure: <div data-testid data-value><dt>label</dt><dd>value</dd></div>.
function figure(testid, label, value, kind, note) {
  const isDate = kind === "date";
  const shown = value === null || value === undefined ? "–" : isDate ? humanDate(value) : String(value);
  const box = el("div", {
    class: "kzcalc-figure",
    "data-testid": testid,
    "data-value": value === null || value === undefined ? "" : String(value),
  });
  box.append(el("dt", { text: label }), el("dd", { class: "kzcalc-figure__value", text: shown }));
  if (isDate && value) box.append(el("dd", { class: "kzcalc-figure__iso", text: value }));
  if (note) box.append(el("dd", { class: "kzcalc-figure__note", text: note }));
  return box;
}

export function figures(items) {
  const list = el("dl", { class: "kzcalc-figures" });
  for (const item of items) if (item) list.append(figure(...item));
  return list;
}

function warnings(list) {
  if (!list || !list.length) return null;
  const box = el("div", { class: "kzcalc-warnings", role: "note", "aria-label": TEXT.warnings });
  box.append(el("h3", { text: TEXT.warnings }));
  const ul = el("ul");
  for (const w of list) ul.append(el("li", { "data-testid": "warning", text: w }));
  box.append(ul);
  return box;
}

export function explanation(ex, title = TEXT.howWorkedOut) {
  if (!ex) return null;
  const box = el("details", { class: "kzcalc-explanation", open: "", "data-rule-id": ex.rule_id || "" });
  box.append(el("summary", { text: title }));
  const facts = el("dl", { class: "kzcalc-facts" });
  const add = (k, v) => facts.append(el("dt", { text: k }), el("dd", { text: v }));
  if (ex.confidence && TEXT.confidence[ex.confidence]) add(TEXT.howSure, TEXT.confidence[ex.confidence]);
  if (ex.verified) add(TEXT.lastChecked, humanDate(ex.verified));
  if (facts.childNodes.length) box.append(facts);
  if (ex.steps && ex.steps.length) {
    const ol = el("ol", { class: "kzcalc-steps" });
    for (const step of ex.steps) ol.append(el("li", { text: step }));
    box.append(ol);
  }
  if (ex.sources && ex.sources.length) {
    box.append(el("h4", { text: TEXT.sources }));
    const ul = el("ul", { class: "kzcalc-sources" });
    for (const s of ex.sources) {
      const li = el("li");
      // a source's date in words; "undated" (a page that shows no date) is left out
      const day = /^\d{4}-\d{2}-\d{2}$/.test(s.date || "") ? humanDate(s.date, { weekday: false }) : "";
      const label = `${s.title}${s.publisher ? " — " + s.publisher : ""}${day ? ", " + day : ""}`;
      // print.css prints a link's address after it, once
      if (/^https?:\/\//.test(s.url || "")) li.append(el("a", { href: s.url, rel: "noopener noreferrer", text: label }));
      else li.append(el("span", { text: label }));
      ul.append(li);
    }
    box.append(ul);
  }
  const technical = el("details", { class: "kzcalc-technical" });
  technical.append(el("summary", { text: TEXT.technical }));
  const ids = el("dl", { class: "kzcalc-facts" });
  // identifiers, in no language: translate="no" keeps translation tools (and the Russian scan) off
  if (ex.rule_id) ids.append(el("dt", { text: TEXT.ruleId }), el("dd", { text: ex.rule_id, translate: "no" }));
  if (dataVersion) ids.append(el("dt", { text: TEXT.dataVersion }), el("dd", { text: dataVersion, translate: "no" }));
  technical.append(ids);
  if (ids.childNodes.length) box.append(technical);
  return box;
}

// The rolling window as bars, with the same facts as a list (the SVG is decoration).
function windowChart(result) {
  const start = dayNumber(result.window_start);
  const end = dayNumber(result.on);
  const span = end - start + 1;
  const fig = el("figure", { class: "kzcalc-window" });
  const svg = document.createElementNS(SVG, "svg");
  svg.setAttribute("viewBox", `0 0 ${span} 12`);
  svg.setAttribute("preserveAspectRatio", "none");
  svg.setAttribute("aria-hidden", "true");
  svg.setAttribute("focusable", "false");
  const back = document.createElementNS(SVG, "rect");
  for (const [k, v] of Object.entries({ x: 0, y: 0, width: span, height: 12, class: "kzcalc-window__bg" })) back.setAttribute(k, v);
  svg.append(back);
  for (const piece of result.window) {
    const bar = document.createElementNS(SVG, "rect");
    const x = dayNumber(piece.entry) - start;
    for (const [k, v] of Object.entries({ x, y: 1, width: piece.days, height: 10, class: "kzcalc-window__stay" })) bar.setAttribute(k, v);
    svg.append(bar);
  }
  fig.append(svg);
  const axis = el("div", { class: "kzcalc-window__axis", "aria-hidden": "true" });
  axis.append(el("span", { text: humanDate(result.window_start) }), el("span", { text: humanDate(result.on) }));
  fig.append(axis);
  const caption = el("figcaption");
  caption.append(el("span", {
    text: t("The {span}-day window from {start} to {end}: {used} of {limit} days used.", {
      span, start: humanDate(result.window_start), end: humanDate(result.on), used: result.days_used, limit: result.limit,
    }),
  }));
  const ul = el("ul");
  for (const piece of result.window) {
    ul.append(el("li", {
      text: tn("{start} to {end}: {n} day", "{start} to {end}: {n} days", piece.days, { start: humanDate(piece.entry), end: humanDate(piece.exit) }),
    }));
  }
  if (!result.window.length) ul.append(el("li", { text: t("No stays in this window.") }));
  caption.append(ul);
  fig.append(caption);
  return fig;
}

function daysBack(list) {
  if (!list || !list.length) return null;
  const box = el("details", { class: "kzcalc-daysback" });
  box.append(el("summary", { text: tn("When days come back ({n} date)", "When days come back ({n} dates)", list.length) }));
  const table = el("table");
  table.append(el("caption", { text: t("Days left on each date as old stays leave the window") }));
  const head = el("tr");
  head.append(el("th", { scope: "col", text: t("Date") }), el("th", { scope: "col", text: t("Days left") }));
  table.append(el("thead", {}, head));
  const body = el("tbody");
  for (const row of list) {
    const tr = el("tr");
    tr.append(el("td", { "data-value": row.date, text: humanDate(row.date) }), el("td", { text: row.days_left }));
    body.append(tr);
  }
  table.append(body);
  box.append(table);
  return box;
}


function status(r) {
  const inCountry = r.in_country;
  const past = r.entry_overstay_days > 0; // the engine's count of days past the per-entry limit
  const entry = !r.per_entry_days
    ? t("day {day} of this entry", { day: r.entry_day_number })
    : past
      ? t("day {day} of this entry, past its limit of {most}", { day: r.entry_day_number, most: r.per_entry_days })
      : t("day {day} of {most} of this entry", { day: r.entry_day_number, most: r.per_entry_days });
  const leftHint = !inCountry ? null : past ? t("none of them in this entry: it is past its limit") : t("the latest exit may come sooner");
  const more = tn("{n} more day after {date}", "{n} more days after {date}", r.days_to_latest_exit, { date: humanDate(r.on) });
  return [
    figures([
      ["latest-exit", t("Latest legal exit"), r.latest_exit, "date",
        inCountry ? (r.latest_exit ? `${more}; ${entry}` : t("no legal day in this entry")) : t("not in the country on this date")],
      ["days-used", t("Days used in the window"), r.days_used, "int", t("of {limit}", { limit: r.limit })],
      ["days-left", t("Days left in the window"), r.days_left, "int", leftHint],
      ["overstay-days", t("Over the window's limit"), r.overstay_days, "int", tn("day", "days", r.overstay_days)],
      r.per_entry_days ? ["entry-overstay-days", t("Over the per-entry limit"), r.entry_overstay_days, "int", tn("day", "days", r.entry_overstay_days)] : null,
      ["window-start", t("Window starts"), r.window_start, "date"],
    ]),
    windowChart(r),
    daysBack(r.days_back),
    daysReturn(r),
  ];
}

function plan(r) {
  return [figures([
    ["max-stay-days", t("Longest stay"), r.max_stay_days, "int", TEXT.limitedBy[r.binding] || null],
    ["latest-exit", t("Last day in the country"), r.latest_exit, "date"],
  ])];
}

function nextEntry(r) {
  return [
    figures([
      ["earliest-entry", t("Earliest entry"), r.earliest_entry, "date",
        tn("for a stay of {n} day from {date}", "for a stay of {n} days from {date}", r.days, { date: humanDate(r.search_from) })],
      ["latest-exit", t("Last day of that stay"), r.latest_exit, "date"],
      ["max-stay-days", t("Longest stay from that day"), r.max_stay_days, "int"],
    ]),
    daysBack(r.days_back),
  ];
}

function abroad(r) {
  const table = el("table", { class: "kzcalc-years" });
  table.append(el("caption", { text: t("Days abroad per calendar year") }));
  const head = el("tr");
  for (const h of [t("Year"), t("Days abroad"), t("Limit"), t("Days left")]) head.append(el("th", { scope: "col", text: h }));
  table.append(el("thead", {}, head));
  const body = el("tbody");
  for (const y of r.years || []) {
    const tr = el("tr", { "data-testid": `year-${y.year}` });
    tr.append(el("th", { scope: "row", text: y.year }));
    for (const key of ["days_abroad", "limit", "days_left"]) tr.append(el("td", { "data-value": y[key], text: y[key] }));
    body.append(tr);
  }
  table.append(body);
  return [
    figures([
      // abroad now: the last day to come back with no year over the limit
      r.return_by ? ["return-by", t("Come back to Kazakhstan by"), r.return_by, "date", t("the day you come back counts as a day abroad")] : null,
      ["licence-exchange-by", t("Exchange your driving licence by"), r.licence_exchange_by, "date"],
      // only when a move was given: a card showing "–" looks broken
      r.address_register_by ? ["address-register-by", t("Register a new address by"), r.address_register_by, "date"] : null,
    ]),
    table,
  ];
}

function workdays(r) {
  const list = el("details", { class: "kzcalc-daysback" });
  list.append(el("summary", { text: TEXT.daysOff(r.days_off.length) }));
  const ul = el("ul");
  for (const off of r.days_off) ul.append(el("li", { "data-value": off.date, text: `${humanDate(off.date)}: ${off.reason}` }));
  list.append(ul);
  return [
    figures([["workday-date", TEXT.workingDay(r.add, humanDate(r.start)), r.date, "date"]]),
    r.days_off.length ? list : null,
  ];
}

function validity(r) {
  return [figures([
    ["valid-until", TEXT.validUntil, r.valid_until, "date", TEXT.issued(humanDate(r.issued))],
    r.days_left === null || r.days_left === undefined ? null : ["days-left", TEXT.daysLeft, r.days_left, "int", TEXT.fromDateToCheck],
  ])];
}

const RENDER = { status, plan, next_entry: nextEntry, workdays, validity, timeline, abroad };

export function renderResult(action, result) {
  const out = el("div", { class: "kzcalc-result", "data-testid": `result-${action}` });
  const parts = (RENDER[action] || (() => []))(result);
  // the timeline lays out its own warnings (top level, per milestone, the plan's)
  if (action !== "timeline") parts.unshift(warnings(result.explanation && result.explanation.warnings));
  for (const part of parts) if (part) out.append(part);
  if (result.explanation) out.append(explanation(result.explanation));
  return out;
}
