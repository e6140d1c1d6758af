// What the form asks for. Names are the bridge's request fields and the URL fragment's keys
// (CONTRIBUTING.md, "Bridge"); `modes` says where a field is shown and sent. Every user-facing
// word of the form's fields is here, in the page's language (i18n.js: t() looks each one up in the
// page's catalog).

import { t } from "./i18n.js";

export const MODES = [
  { id: "status", label: t("Status on a date"), hint: t("Days used and left in the window, and the last day to leave.") },
  { id: "plan", label: t("Plan a trip"), hint: t("The longest stay from an entry date, and which limit stops it.") },
  { id: "next_entry", label: t("Earliest re-entry"), hint: t("The first day a stay of N days fits, and when days come back.") },
  { id: "workdays", label: t("Count working days"), hint: t("The N-th Kazakhstan working day after a date (weekends and holidays skipped).") },
  { id: "validity", label: t("Document validity"), hint: t("The last day a document such as the police certificate is accepted.") },
  { id: "timeline", label: t("DNR timeline"), hint: t("Every milestone of the residency application from the dates known so far.") },
  { id: "abroad", label: t("After the permit"), hint: t("Days abroad per year, licence exchange and address deadlines.") },
];

export const RULE_MODES = ["status", "plan", "next_entry", "timeline"];
export const STAY_MODES = ["status", "plan", "next_entry", "timeline"];
export const TRIP_MODES = ["abroad"];

// type: date | number | choice. `choices` = [value, label] (the first is the engine's default);
// `choicesFrom` names a list rendered into the page from data/ (the <template id="calc-choices">).
// `labels` overrides the label in one mode; `today` pre-fills today's date; `optional` adds a hint;
// `hint`: a short line under the label; `step`: a timeline step's date (one of them is needed).
export const FIELDS = [
  { name: "on", label: t("Date to check"), type: "date", modes: ["status", "abroad", "validity"], today: true },
  { name: "enter", label: t("Planned entry date"), type: "date", modes: ["plan"] },
  {
    name: "from", label: t("Earliest date you could enter"), type: "date", modes: ["next_entry", "workdays"], today: true,
    labels: { workdays: t("Count from this date (not itself counted)") },
  },
  { name: "days", label: t("Length of the stay you need (days)"), type: "number", modes: ["next_entry"], min: 1 },
  { name: "add", label: t("Number of working days"), type: "number", modes: ["workdays"], min: 1 },
  { name: "document", label: t("Document"), type: "choice", modes: ["validity"], choicesFrom: "document", placeholder: t("Choose a document…") },
  { name: "issued", label: t("Issued on"), type: "date", modes: ["validity"] },
  { name: "hub_applied", label: t("Astana Hub application sent"), type: "date", modes: ["timeline"], step: true, hint: t("Only if you have not applied on eGov yet.") },
  { name: "egov_submitted", label: t("eGov application submitted"), type: "date", modes: ["timeline"], step: true, hint: t("Start here once you have applied: the date on your eGov receipt.") },
  { name: "approved", label: t("Application approved"), type: "date", modes: ["timeline"], step: true, hint: t("When eGov shows the approval; the entry window counts from it.") },
  { name: "entered", label: t("Entered Kazakhstan after approval"), type: "date", modes: ["timeline"], step: true, hint: t("The day you crossed the border after the approval (or plan to).") },
  { name: "psc_submitted", label: t("Documents handed in at the Public Service Center"), type: "date", modes: ["timeline"], step: true, hint: t("Once you have handed them in; leave empty before.") },
  { name: "permit_issued", label: t("Residence permit issued"), type: "date", modes: ["timeline", "abroad"], step: true, hint: t("The day you received the card.") },
  { name: "certificate_issued", label: t("Police certificate issued"), type: "date", modes: ["timeline"], hint: t("Optional: checks it is still valid at each hand-in.") },
  { name: "passport_expiry", label: t("Passport expires"), type: "date", modes: ["timeline"], hint: t("Optional: checks it stays valid long enough.") },
  {
    name: "review", label: t("eGov review"), type: "choice", modes: ["timeline"],
    choices: [["in_demand", t("In-demand profession (shorter review)")], ["standard", t("Standard review")]],
  },
  {
    name: "card", label: t("ID card"), type: "choice", modes: ["timeline"],
    choices: [["expedited", t("Expedited")], ["standard", t("Standard")]],
  },
  { name: "moved", label: t("Moved to a new address on"), type: "date", modes: ["abroad"], optional: true },
];

export const RULE_FIELDS = ["nationality", "rule", "limit", "window", "per_entry"];

// The fragment keys each mode understands (repeated `stay` / `trip` keys are the tables' rows).
export function modeKeys(mode) {
  const keys = FIELDS.filter((f) => f.modes.includes(mode)).map((f) => f.name);
  if (RULE_MODES.includes(mode)) keys.push(...RULE_FIELDS);
  if (STAY_MODES.includes(mode)) keys.push("stay");
  if (TRIP_MODES.includes(mode)) keys.push("trip");
  return keys;
}

// The timeline needs one step's date; with none, the page says what to enter instead of an error.
export const TIMELINE_STEPS = FIELDS.filter((f) => f.step).map((f) => f.name);
export const TIMELINE_EMPTY = t("Enter the date of the latest step you have reached (for example the eGov application), and your earlier stays in Kazakhstan: the timeline counts every step after it.");
