// "When used days come back" under a status answer: a picture of the window with each stay's
// counted days as its own band and, on the same line, the dates they leave the window (the engine's
// days_return: a day spent on d is back on d + window, if no stay follows the date asked); each
// band's words beside it are the picture's text equivalent. Then the runs in words, and every date
// as a row (data-testid="days-return", data-date, data-days) in a fold. Python computed every date.

import { humanDate, t, tn } from "./i18n.js";
import { el } from "./render.js";

const SVG = "http://www.w3.org/2000/svg";

const TEXT = {
  heading: t("When used days come back"),
  assumption: (on, window) => t("A day spent in the country leaves the {window}-day window {window} days later and can be used again; this assumes no stay after {on}. Each band is one stay: the days that count on {on} (filled) and when they come back (outlined).", { on, window }),
  counts: t("counts now"),
  back: t("comes back"),
  band: (n, first, last, backFirst, backLast) => tn(
    "{first} to {last}: {n} day counts now; back from {backFirst} to {backLast}",
    "{first} to {last}: {n} days count now; back from {backFirst} to {backLast}",
    n, { first, last, backFirst, backLast },
  ),
  run: (run) => (run.first === run.last
    ? tn("on {date}, {n} day back", "on {date}, {n} days back", run.days, { date: humanDate(run.first) })
    : tn("from {first}, 1 day back each day until {last} ({n} day)", "from {first}, 1 day back each day until {last} ({n} days)", run.days, {
      first: humanDate(run.first), last: humanDate(run.last),
    })),
  every: (n) => tn("Every date ({n} date)", "Every date ({n} dates)", n),
  date: t("Date"),
  days: t("Days back"),
  nothing: t("No day counts in the window: nothing needs to come back."),
};

function dayNumber(iso) {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  return Math.round(Date.UTC(+m[1], +m[2] - 1, +m[3]) / 86400000);
}

function isoOf(day) {
  return new Date(day * 86400000).toISOString().slice(0, 10);
}

function rect(svg, attrs) {
  const node = document.createElementNS(SVG, "rect");
  for (const [k, v] of Object.entries(attrs)) node.setAttribute(k, v);
  svg.append(node);
}

// One stay's band: the whole span from the window's start to the last possible return date.
function band(part, start, span, on, windowDays) {
  const li = el("li", { class: "kzcalc-returns__band", "data-entry": part.entry, "data-exit": part.exit });
  const backFirst = isoOf(dayNumber(part.entry) + windowDays);
  const backLast = isoOf(dayNumber(part.exit) + windowDays);
  li.append(el("span", {
    class: "kzcalc-returns__words",
    text: TEXT.band(part.days, humanDate(part.entry), humanDate(part.exit), humanDate(backFirst), humanDate(backLast)),
  }));
  const svg = document.createElementNS(SVG, "svg");
  svg.setAttribute("viewBox", `0 0 ${span} 10`);
  svg.setAttribute("preserveAspectRatio", "none");
  svg.setAttribute("aria-hidden", "true");
  svg.setAttribute("focusable", "false");
  rect(svg, { x: 0, y: 0, width: dayNumber(on) - start + 1, height: 10, class: "kzcalc-returns__window" });
  rect(svg, { x: dayNumber(part.entry) - start, y: 1, width: part.days, height: 8, class: "kzcalc-returns__count" });
  rect(svg, { x: dayNumber(backFirst) - start, y: 1, width: part.days, height: 8, class: "kzcalc-returns__back" });
  li.append(svg);
  return li;
}

export function daysReturn(r) {
  const returns = r.days_return || [];
  const runs = r.days_return_runs || [];
  const box = el("section", { class: "kzcalc-returns", "data-testid": "days-return-section", "aria-labelledby": "calc-returns-title" });
  box.append(el("h3", { id: "calc-returns-title", text: TEXT.heading }));
  if (!returns.length) {
    box.append(el("p", { text: TEXT.nothing }));
    return box;
  }
  const start = dayNumber(r.window_start);
  const windowDays = dayNumber(r.on) - start + 1;
  box.append(el("p", { class: "kzcalc-hint", text: TEXT.assumption(humanDate(r.on, { weekday: false }), windowDays) }));
  const span = 2 * windowDays + 2; // the window, then as long again: every return falls inside
  const legend = el("p", { class: "kzcalc-returns__legend" });
  legend.append(
    el("span", { class: "kzcalc-swatch kzcalc-swatch--count", "aria-hidden": "true" }), ` ${TEXT.counts} `,
    el("span", { class: "kzcalc-swatch kzcalc-swatch--back", "aria-hidden": "true" }), ` ${TEXT.back}`,
  );
  const figure = el("figure", { class: "kzcalc-returns__picture", "data-testid": "days-return-picture" });
  const bands = el("ol", { class: "kzcalc-returns__bands" });
  for (const part of r.window) bands.append(band(part, start, span, r.on, windowDays));
  const axis = el("div", { class: "kzcalc-returns__axis" });
  axis.append(
    el("span", { text: humanDate(r.window_start, { weekday: false }) }),
    el("span", { class: "kzcalc-returns__on", text: humanDate(r.on, { weekday: false }) }),
    el("span", { text: humanDate(isoOf(start + 2 * windowDays - 1), { weekday: false }) }),
  );
  figure.append(legend, bands, axis);
  box.append(figure);

  const list = el("ul", { class: "kzcalc-returns__runs", "data-testid": "days-return-runs" });
  for (const run of runs) list.append(el("li", { "data-first": run.first, "data-last": run.last, "data-days": run.days, text: TEXT.run(run) }));
  box.append(list);

  const every = el("details", { class: "kzcalc-daysback" });
  every.append(el("summary", { text: TEXT.every(returns.length) }));
  const table = el("table");
  const head = el("tr");
  head.append(el("th", { scope: "col", text: TEXT.date }), el("th", { scope: "col", text: TEXT.days }));
  table.append(el("thead", {}, head));
  const body = el("tbody");
  for (const row of returns) {
    const tr = el("tr", { "data-testid": "days-return", "data-date": row.date, "data-days": row.days });
    tr.append(el("td", { text: humanDate(row.date) }), el("td", { text: row.days }));
    body.append(tr);
  }
  table.append(body);
  every.append(table);
  box.append(every);
  return box;
}
