// The personal plan's answer as HTML, answer first (style.md §9): which route is open, what to look
// out for, my steps with dates, my documents (tickable), then the technical details. Built with
// textContent only (nothing typed is ever parsed as HTML); ids live in data attributes and the
// "Technical details" fold, never in the words a person reads.

import { humanDate, t } from "../calculator/i18n.js";

const TEXT = {
  routes: t("Which route is open to you"),
  lookOut: t("Look out"),
  steps: t("My steps"),
  documents: t("My documents"),
  documentsHint: t("Tick what you have: the ticks are kept in the link."),
  eligible: { yes: t("You qualify"), no: t("Not for you"), unknown: t("Not known yet") },
  open: { yes: t("Open"), no: t("Not open"), unknown: t("Open? Not confirmed") },
  confidence: {
    confirmed: t("confirmed by two or more sources"),
    single: t("rests on one source"),
    conflict: t("sources disagree"),
    unverified: t("not verified"),
  },
  sources: (how) => t("Sources ({how})", { how }),
  expected: (date) => t("Expected {date}", { date }),
  latest: (date) => t("at the latest {date}", { date }),
  due: (date) => t("by {date}", { date }),
  from: (date) => t("Get it on or after {date}", { date }),
  issuedFrom: (date) => t("Issued on or after {date}: still valid at the latest hand-in", { date }),
  issuedInKazakhstan: (date) => t("Issued in Kazakhstan, so on or after {date}, when you are there; still valid at the latest hand-in", { date }),
  validUntil: (date) => t("Yours is accepted until {date}", { date }),
  neededUntil: (date) => t("Must stay valid after {date}", { date }),
  maybe: t("Maybe yours: it depends on an answer not given"),
  optional: t("If needed"),
  assumed: (date) => t("Dates assume you apply to Astana Hub on {date}. Give the dates you know to fix them.", { date }),
  late: {
    approved: (date) => t("No eGov decision by {date}: the review is late. Ask the migration service, with your application number.", { date }),
    final_review: (date) => t("No final review by {date}: it is late. Ask the Migration Service inspector who took your file.", { date }),
    permit_issued: (date) => t("No card by {date}: it is late. Ask at the Public Service Center where you ordered it.", { date }),
  },
  technical: t("Technical details"),
  made: (date) => t("Plan made on {date}.", { date }),
};

export function el(tag, attrs = {}, ...children) {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(attrs)) {
    if (value === undefined || value === null || value === false) continue;
    if (key === "text") node.textContent = value;
    else node.setAttribute(key, value === true ? "" : value);
  }
  for (const child of children.flat()) if (child) node.append(child);
  return node;
}

function routeCard(route) {
  const sources = route.sources.map((s) =>
    el("li", {}, el("a", { href: s.url, rel: "noopener" , text: s.title }), `, ${s.publisher}${s.date && s.date !== "undated" ? `, ${s.date}` : ""}`));
  return el("article", {
    class: `kzplan-route kzplan-eligible-${route.eligible} kzplan-open-${route.open}`,
    "data-testid": `route-${route.id}`, "data-eligible": route.eligible, "data-open": route.open,
  },
  el("h3", { text: route.title }),
  el("p", { class: "kzplan-verdict" },
    el("span", { class: "kzplan-tag", "data-answer": route.eligible, text: TEXT.eligible[route.eligible] }), " ",
    el("span", { class: "kzplan-tag", "data-answer": route.open, text: TEXT.open[route.open] })),
  el("ul", { class: "kzplan-reasons" }, route.reasons.map((r) => el("li", { text: r }))),
  el("details", { class: "kzplan-fold" },
    el("summary", { text: TEXT.sources(TEXT.confidence[route.confidence] || route.confidence) }),
    el("ul", {}, sources)));
}

function stepDates(step) {
  const parts = [];
  if (step.date) parts.push(TEXT.expected(humanDate(step.date)));
  // a step with a legal deadline says "by" that day once, not "at the latest" too
  if (step.latest && step.latest !== step.date && step.latest !== step.due) parts.push(TEXT.latest(humanDate(step.latest)));
  if (step.due) parts.push(TEXT.due(humanDate(step.due)));
  if (step.obtain_from) parts.push(TEXT.from(humanDate(step.obtain_from)));
  return parts.join(", ");
}

function byStage(items, stages) {
  return stages.map((stage) => ({ stage, items: items.filter((i) => i.stage === stage.id) }))
    .filter((group) => group.items.length);
}

function stepItem(step, guide) {
  const when = stepDates(step);
  return el("li", { class: "kzplan-step", "data-testid": `step-${step.id}`, "data-applies": step.applies, "data-date": step.date },
    el("a", { href: `${guide}#${step.id}`, text: step.title }),
    when ? el("span", { class: "kzplan-date", text: ` — ${when}` }) : null,
    step.applies !== "yes" ? el("span", { class: "kzplan-note", text: TEXT.maybe }) : null,
    step.optional ? el("span", { class: "kzplan-note", text: TEXT.optional }) : null);
}

function documentItem(doc, done) {
  const lines = [];
  if (doc.obtain_from) {
    const issued = doc.obtain_because === "in_kazakhstan" ? TEXT.issuedInKazakhstan : TEXT.issuedFrom;
    lines.push(issued(humanDate(doc.obtain_from)));
  }
  if (doc.valid_until) lines.push(TEXT.validUntil(humanDate(doc.valid_until)));
  if (doc.needed_until) lines.push(TEXT.neededUntil(humanDate(doc.needed_until)));
  const box = el("input", { type: "checkbox", "data-doc": doc.id, checked: done.has(doc.id) });
  return el("li", { class: "kzplan-doc", "data-testid": `doc-${doc.id}`, "data-obtain-from": doc.obtain_from },
    el("label", {}, box, " ", doc.title),
    lines.length ? el("p", { class: "kzplan-date", text: lines.join(" · ") }) : null,
    doc.warnings.map((w) => el("p", { class: "kzplan-warning", text: w })));
}

// The whole answer; `done` is the set of ticked document ids.
export function renderPlan(result, done, { guide, version }) {
  const out = [el("h2", { id: "plan-routes", text: TEXT.routes }),
    el("div", { class: "kzplan-routes" }, result.routes.map(routeCard))];
  const look = [...result.warnings]; // the engine's, the stay's "leave by" first
  if (look.length) {
    out.push(el("h2", { id: "plan-look-out", text: TEXT.lookOut }),
      el("ul", { class: "kzplan-warnings", "data-testid": "plan-warnings" }, look.map((w) => el("li", { text: w }))));
  }
  // no steps: the warnings above say why (the guide's route is not for this person)
  if (result.steps.length) out.push(el("h2", { id: "plan-steps", text: TEXT.steps }));
  if (result.assumed_start) out.push(el("p", { class: "kzplan-hint", text: TEXT.assumed(humanDate(result.assumed_start)) }));
  for (const group of byStage(result.steps, result.stages)) {
    out.push(el("h3", { text: group.stage.title }), el("ol", { class: "kzplan-steps" }, group.items.map((s) => stepItem(s, guide))));
  }
  if (result.documents.length) {
    out.push(el("h2", { id: "plan-documents", text: TEXT.documents }), el("p", { class: "kzplan-hint kzplan-noprint", text: TEXT.documentsHint }));
    for (const group of byStage(result.documents, result.stages)) {
      out.push(el("h3", { text: group.stage.title }), el("ul", { class: "kzplan-docs" }, group.items.map((d) => documentItem(d, done))));
    }
  }
  out.push(el("details", { class: "kzplan-fold kzplan-technical", "data-testid": "plan-technical" },
    el("summary", { text: TEXT.technical }),
    el("p", { text: TEXT.made(humanDate(result.on)) }),
    el("ul", {}, result.explanation.steps.map((s) => el("li", { text: s }))),
    el("pre", { text: JSON.stringify({
      data_version: version,
      routes: Object.fromEntries(result.routes.map((r) => [r.id, [r.eligible, r.open]])),
      steps: result.steps.map((s) => s.id),
      documents: result.documents.map((d) => d.id),
    }, null, 1) })));
  return out;
}

export function renderLate(list, late) {
  list.replaceChildren(...late.map((item) =>
    el("li", { "data-testid": `late-${item.id}`, "data-date": item.date, text: TEXT.late[item.id](humanDate(item.date)) })));
}
