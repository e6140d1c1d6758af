// The DNR timeline as a plan: every warning, the milestones by date, a picture of the collision
// between the visa-free days and the milestones, and the exit-and-return plan with its
// alternatives. Python computed every date; this file lays them out as text nodes only.

import { t, tn } from "./i18n.js";
import { el, explanation, figures, humanDate } from "./render.js";

const SVG = "http://www.w3.org/2000/svg";

// Interface text of this module, kept together for the translation catalogs (i18n.js).
const CONFIDENCE = {
  confirmed: t("confirmed"),
  single: t("one source only"),
  conflict: t("the sources disagree"),
  unverified: t("not verified"),
  custom: t("typed in by hand"),
};
const TEXT = {
  warnings: t("Warnings"),
  milestones: t("Milestones, by expected date"),
  yours: t("your date"),
  between: (a, b) => t("between {a} and {b}", { a, b }),
  window: (a, b) => t("any day from {a}; the last day allowed is {b}", { a, b }),
  why: t("How this date was worked out"),
  leaveNow: [t("Leave Kazakhstan now by"), t("the latest legal exit of your current stay")],
  enterBy: [t("Enter Kazakhstan by"), t("after the approval")],
  freeEnd: [t("Visa-free days end"), t("if you enter on the expected date")],
  freeEndKnown: [t("Visa-free days end"), t("in the entry you gave")],
  certificate: t("Police certificate valid until"),
  licence: t("Exchange your driving licence by"),
  later: t("Later, if it applies to you"),
  licenceNote: t("only if you drive in Kazakhstan on a foreign licence"),
  picture: t("Visa-free days and milestones"),
  pictureStart: (a, b) => t("From {a} to {b}. Bars: the days you may stay without a visa; marks: the milestones.", { a, b }),
  legendBar: t("days you may stay without a visa"),
  legendReturn: t("the same, on the planned return"),
  legendMark: t("a milestone within those days"),
  legendOut: t("a milestone outside them"),
  legendPilot: t("the pilot's legal end"),
  pilotEnd: (d) => t("The pilot's legal term ends on {d}.", { d }),
  pilotShort: (d) => t("pilot ends {d}", { d }),
  roles: { current: t("Your current stay"), application: t("The entry after the approval"), reentry: t("The planned return") },
  bar: (role, a, b) => t("{role}: from {a}, visa-free to {b}.", { role, a, b }),
  barNone: (role, a) => t("{role}: from {a}, no visa-free day left.", { role, a }),
  inside: (title, d) => t("{title}, {d}: within your visa-free days.", { title, d }),
  outside: (title, d) => t("{title}, {d}: outside your visa-free days.", { title, d }),
  before: (title, d) => t("{title}, {d}: before the picture starts.", { title, d }),
  reentry: t("Exit and return"),
  reentryIntro: t("The card is expected after your visa-free days. Leave, and come back for the card stage:"),
  leaveBy: [t("Leave Kazakhstan by"), t("the last visa-free day of this entry")],
  searchFrom: [t("A return is useful from"), t("when the final review is expected to end")],
  daysNeeded: [t("Days needed in the country"), t("from the return to the card")],
  enterOn: [t("Come back on"), t("the earliest return that allows those days")],
  noReturn: t("no single visa-free entry is long enough"),
  cardReady: [t("Card expected"), t("on this route")],
  openNextEntry: t("Check it in “Earliest re-entry” with the same stays"),
  model: t("How this plan was worked out"),
  alternatives: t("Alternatives"),
  confidence: (c) => t("confidence: {c}", { c: CONFIDENCE[c] || c }),
  saved: (n) => tn("saves {n} day", "saves {n} days", n),
  sources: t("Sources:"),
};

// Append only the parts that exist (append(null) would print "null").
function add(parent, ...parts) {
  for (const part of parts) if (part) parent.append(part);
  return parent;
}

function closed(details) {
  if (details) details.removeAttribute("open");
  return details;
}

function warningList(list, className = "kzcalc-warnings") {
  const items = [...new Set((list || []).filter(Boolean))];
  if (!items.length) return null;
  const box = el("div", { class: className, role: "note", "aria-label": TEXT.warnings });
  if (className === "kzcalc-warnings") box.append(el("h3", { text: TEXT.warnings }));
  const ul = el("ul");
  for (const w of items) ul.append(el("li", { "data-testid": "warning", text: w }));
  box.append(ul);
  return box;
}

function headline(r) {
  const entered = (r.milestones || []).find((m) => m.id === "entered");
  const free = entered && entered.known ? TEXT.freeEndKnown : TEXT.freeEnd;
  const item = (value, testid, [label, note], kind = "date") => (value ? [testid, label, value, kind, note] : null);
  return figures([
    item(r.current_stay_latest_exit, "leave-by", TEXT.leaveNow),
    item(r.entry_deadline, "entry-deadline", TEXT.enterBy),
    item(r.visa_free_last_day, "visa-free-last-day", free),
    item(r.certificate_valid_until, "certificate-valid-until", [TEXT.certificate]),
  ]);
}

// Optional steps never headline: they come after the plan, under their own heading.
function later(r) {
  if (!r.licence_exchange_by) return null;
  const box = el("section", { class: "kzcalc-later", "aria-label": TEXT.later });
  box.append(el("h3", { text: TEXT.later }));
  box.append(figures([["licence-exchange-by", TEXT.licence, r.licence_exchange_by, "date", TEXT.licenceNote]]));
  return box;
}

function milestoneList(r) {
  const box = el("section", { class: "kzcalc-plan", "aria-label": TEXT.milestones });
  box.append(el("h3", { text: TEXT.milestones }));
  const ol = el("ol", { class: "kzcalc-milestones" });
  for (const m of r.milestones || []) {
    const li = el("li", {
      class: "kzcalc-ms" + (m.known ? " kzcalc-ms--known" : ""),
      "data-testid": `milestone-${m.id}`,
      "data-value": m.expected || "",
      "data-earliest": m.earliest || "",
      "data-latest": m.latest || "",
    });
    li.append(el("time", { class: "kzcalc-ms__date", datetime: m.expected, text: humanDate(m.expected) }));
    const body = el("div", { class: "kzcalc-ms__body" });
    body.append(el("span", { class: "kzcalc-ms__title", text: m.title + (m.known ? ` (${TEXT.yours})` : "") }));
    let range = null;
    if (m.due) range = TEXT.window(humanDate(m.earliest), humanDate(m.due));
    else if (m.earliest !== m.latest) range = TEXT.between(humanDate(m.earliest), humanDate(m.latest));
    if (range) body.append(el("span", { class: "kzcalc-ms__range", text: range }));
    add(body, warningList(m.explanation && m.explanation.warnings, "kzcalc-ms__warnings"));
    add(body, closed(explanation(m.explanation, TEXT.why)));
    li.append(body);
    ol.append(li);
  }
  box.append(ol);
  return box;
}

function dayNumber(iso) {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  return Math.round(Date.UTC(+m[1], +m[2] - 1, +m[3]) / 86400000);
}

function svgNode(tag, attrs) {
  const node = document.createElementNS(SVG, tag);
  for (const [k, v] of Object.entries(attrs)) node.setAttribute(k, String(v));
  return node;
}

// Bars: the visa-free days of each entry; marks: the milestones' expected dates. The SVG is a
// picture only; the list in the caption says the same in words.
function collision(r) {
  const bars = (r.visa_free_entries || []).filter((b) => b.entry);
  if (!bars.length) return null;
  const plan = r.reentry;
  const ends = [...bars.map((b) => b.last_day || b.entry), ...(r.milestones || []).map((m) => m.expected)];
  if (plan && plan.card_ready) ends.push(plan.card_ready);
  const startIso = bars.map((b) => b.entry).sort()[0];
  const endIso = ends.sort().at(-1);
  const start = dayNumber(startIso);
  const span = dayNumber(endIso) - start + 1;
  const inside = (iso) => bars.some((b) => b.last_day && b.entry <= iso && iso <= b.last_day);
  const fig = el("figure", { class: "kzcalc-collide", "data-testid": "collision" });
  // a picture with a name and a description (the caption's list says every bar and mark in words)
  const svg = svgNode("svg", {
    viewBox: `0 0 ${span} 24`, preserveAspectRatio: "none", role: "img", focusable: "false",
    "aria-labelledby": "collide-title", "aria-describedby": "collide-desc",
  });
  const name = svgNode("title", { id: "collide-title" });
  name.textContent = TEXT.picture;
  const desc = svgNode("desc", { id: "collide-desc" });
  desc.textContent = TEXT.pictureStart(humanDate(startIso), humanDate(endIso));
  svg.append(name, desc);
  svg.append(svgNode("rect", { x: 0, y: 0, width: span, height: 24, class: "kzcalc-collide__bg" }));
  for (const b of bars) {
    if (!b.last_day) continue;
    const x = dayNumber(b.entry) - start;
    svg.append(svgNode("rect", { x, y: 2, width: dayNumber(b.last_day) - dayNumber(b.entry) + 1, height: 9, class: `kzcalc-collide__bar kzcalc-collide__bar--${b.role}` }));
  }
  const caption = el("figcaption");
  caption.append(el("span", { text: TEXT.pictureStart(humanDate(startIso), humanDate(endIso)) }));
  const ul = el("ul", { "data-testid": "collision-text" });
  for (const b of bars) {
    const role = TEXT.roles[b.role] || b.role;
    ul.append(el("li", { text: b.last_day ? TEXT.bar(role, humanDate(b.entry), humanDate(b.last_day)) : TEXT.barNone(role, humanDate(b.entry)) }));
  }
  for (const m of r.milestones || []) {
    const day = humanDate(m.expected);
    if (m.expected < startIso) {
      ul.append(el("li", { text: TEXT.before(m.title, day) }));
      continue;
    }
    const ok = inside(m.expected);
    svg.append(svgNode("rect", { x: dayNumber(m.expected) - start, y: 13, width: 1, height: 9, class: ok ? "kzcalc-collide__mark" : "kzcalc-collide__mark kzcalc-collide__mark--out" }));
    ul.append(el("li", { class: ok ? null : "kzcalc-collide__out", text: (ok ? TEXT.inside : TEXT.outside)(m.title, day) }));
  }
  // the pilot's legal end, when it falls inside the picture: a dashed line, labelled below
  const pilotEnd = r.pilot_end && r.pilot_end >= startIso && r.pilot_end <= endIso ? r.pilot_end : null;
  if (pilotEnd) {
    const x = dayNumber(pilotEnd) - start + 1;
    svg.append(svgNode("line", { x1: x, x2: x, y1: 0, y2: 24, class: "kzcalc-collide__pilot", "vector-effect": "non-scaling-stroke" }));
    ul.append(el("li", { "data-testid": "collision-pilot-end", text: TEXT.pilotEnd(humanDate(pilotEnd)) }));
  }
  fig.append(svg);
  // dates under the picture: its ends, and the pilot's end where it is
  const axis = el("div", { class: "kzcalc-collide__axis", "aria-hidden": "true" });
  axis.append(el("span", { text: humanDate(startIso) }), el("span", { text: humanDate(endIso) }));
  if (pilotEnd) {
    const at = ((dayNumber(pilotEnd) - start + 1) / span) * 100;
    axis.append(el("span", { class: "kzcalc-collide__pilot-label", style: `left: ${Math.min(85, Math.max(15, at)).toFixed(1)}%`, text: TEXT.pilotShort(humanDate(pilotEnd, { weekday: false })) }));
  }
  fig.append(axis);
  fig.append(legend(pilotEnd));
  caption.append(ul);
  fig.append(caption);
  return fig;
}

// What the colours and marks mean (the picture's legend), as a list with swatches.
function legend(pilotEnd) {
  const list = el("ul", { class: "kzcalc-collide__legend", "data-testid": "collision-legend" });
  const entries = [
    ["bar", TEXT.legendBar],
    ["bar-reentry", TEXT.legendReturn],
    ["mark", TEXT.legendMark],
    ["mark-out", TEXT.legendOut],
  ];
  if (pilotEnd) entries.push(["pilot", TEXT.legendPilot]);
  for (const [kind, text] of entries) {
    const item = el("li");
    item.append(el("span", { class: `kzcalc-swatch kzcalc-swatch--${kind}`, "aria-hidden": "true" }), el("span", { text }));
    list.append(item);
  }
  return list;
}

// The same stays and numbers, opened in the earliest-re-entry mode (the rule comes from the link).
function nextEntryLink(plan) {
  const current = new URLSearchParams(location.hash.replace(/^#/, ""));
  const params = new URLSearchParams();
  params.set("mode", "next_entry");
  for (const key of ["nationality", "rule", "limit", "window", "per_entry"]) {
    if (current.has(key)) params.set(key, current.get(key));
  }
  for (const stay of plan.next_entry.stays) params.append("stay", stay);
  params.set("from", plan.next_entry.from);
  params.set("days", String(plan.next_entry.days));
  return el("a", { href: "#" + params.toString(), "data-testid": "reentry-next-entry", class: "kzcalc-reentry__link", text: TEXT.openNextEntry });
}

function alternative(option) {
  const ex = option.explanation || {};
  const box = el("li", { class: "kzcalc-alt", "data-testid": `alternative-${option.id}` });
  const title = el("strong", { text: option.title });
  box.append(title, el("span", { class: "kzcalc-alt__confidence", text: ` (${TEXT.confidence(ex.confidence || "–")}` + (option.days_saved ? `; ${TEXT.saved(option.days_saved)})` : ")") }));
  const steps = (ex.steps || []).slice(0, option.sides && option.sides.length ? 2 : undefined);
  for (const step of steps) box.append(el("p", { text: step }));
  if (option.sides && option.sides.length) {
    const sides = el("ul", { class: "kzcalc-alt__sides" });
    for (const side of option.sides) {
      const li = el("li", { "data-testid": "alternative-side" });
      li.append(el("span", { text: side.says + " " }), el("span", { text: TEXT.sources + " " }));
      side.sources.forEach((s, i) => {
        if (i) li.append(document.createTextNode("; "));
        li.append(el("a", { href: s.url, rel: "noopener noreferrer", text: `${s.title} (${s.publisher})` }));
      });
      sides.append(li);
    }
    box.append(sides);
  }
  return add(box, warningList(ex.warnings, "kzcalc-ms__warnings"));
}

function reentryPlan(plan) {
  if (!plan) return null;
  const box = el("section", { class: "kzcalc-reentry", "data-testid": "reentry", "aria-label": TEXT.reentry });
  box.append(el("h3", { text: TEXT.reentry }), el("p", { text: TEXT.reentryIntro }));
  const item = (value, testid, [label, note], kind = "date") => [testid, label, value, kind, note];
  box.append(figures([
    item(plan.leave_by, "reentry-leave-by", TEXT.leaveBy),
    plan.search_from !== plan.enter_on ? item(plan.search_from, "reentry-search-from", TEXT.searchFrom) : null,
    item(plan.days_needed, "reentry-days-needed", TEXT.daysNeeded, "int"),
    item(plan.enter_on, "reentry-enter-on", plan.enter_on ? TEXT.enterOn : [TEXT.enterOn[0], TEXT.noReturn]),
    plan.card_ready ? item(plan.card_ready, "reentry-card-ready", TEXT.cardReady) : null,
  ]));
  add(box, nextEntryLink(plan), warningList(plan.explanation && plan.explanation.warnings, "kzcalc-ms__warnings"));
  add(box, closed(explanation(plan.explanation, TEXT.model)), el("h4", { text: TEXT.alternatives }));
  const list = el("ul", { class: "kzcalc-alts" });
  for (const option of plan.alternatives || []) list.append(alternative(option));
  box.append(list);
  return box;
}

// The answer first: the dates to act on and the exit-and-return plan, then the warnings, the
// picture, every milestone, and the optional steps last.
export function timeline(r) {
  const top = [...(r.warnings || []), ...((r.explanation && r.explanation.warnings) || [])];
  return [headline(r), reentryPlan(r.reentry), warningList(top), collision(r), milestoneList(r), later(r)];
}
