// The answers a plan was made from, for paper. The form is not printed (plan.css), so a printed plan
// repeats each question with the answer as the person sees it in the form: the country's name,
// the chosen option's words, dates in words, the stays one per line. A question left empty is left
// out. Shown only in print; on screen the form itself says the same.

import { humanDate, t } from "../calculator/i18n.js";
import { el } from "./render.js";

const TEXT = {
  answers: t("Your answers"),
  stay: (entry, exit) => t("{entry} to {exit}", { entry, exit }),
  stayOpen: (entry) => t("since {entry}, in Kazakhstan now", { entry }),
};

// a date in words; anything else (a date the input could not hold) as typed, as humanDate does
const day = (value) => humanDate(value, { weekday: false });

function stays(box) {
  const lines = [];
  for (const row of box.querySelectorAll("li")) {
    const [entry, exit] = [...row.querySelectorAll("input")].map((input) => input.value.trim());
    if (entry) lines.push(exit ? TEXT.stay(day(entry), day(exit)) : TEXT.stayOpen(day(entry)));
  }
  return lines;
}

// What one question's box answers, as lines of text (none: not answered).
function answerOf(box) {
  const select = box.querySelector("select");
  if (select) return select.value ? [select.selectedOptions[0].textContent.trim()] : [];
  if (box.querySelector("input[type=radio]")) {
    const checked = box.querySelector("input[type=radio]:checked");
    return checked ? [checked.closest("label").textContent.trim()] : [];
  }
  if (box.dataset.field === "stay") return stays(box);
  const input = box.querySelector("input");
  return input && input.value.trim() ? [day(input.value.trim())] : [];
}

export function renderAnswers(form) {
  const list = el("dl", { class: "kzplan-facts" });
  for (const box of form.querySelectorAll(".kzplan-field[data-field]")) {
    const question = box.querySelector(":scope > legend, :scope > label");
    const lines = answerOf(box);
    if (!question || !lines.length) continue;
    list.append(el("dt", { text: question.textContent.trim() }),
      ...lines.map((line) => el("dd", { text: line })));
  }
  if (!list.children.length) return null;
  return el("section", { class: "kzplan-printonly", "data-testid": "plan-answers-print" },
    el("h2", { text: TEXT.answers }), list);
}
