// The calendar's lead times: how many days before each deadline the .ics reminds (one VALARM
// each, at 09:00 on that day). Three labelled number inputs beside "Download calendar", filled with
// the defaults of data/site.yaml (calendar_export.reminder_days_before, rendered into the page's
// <template id="calc-choices" data-reminders="14 5 1">); an empty input means no reminder.

import { t } from "./i18n.js";
import { el } from "./render.js";

const TEXT = {
  legend: t("Reminders before each deadline"),
  hint: t("Days before; each rings at 9:00 that day. Leave a box empty for fewer reminders."),
  label: (n) => t("Reminder {n} (days before)", { n }),
  problem: (n, message) => t("Reminder {n}: {message}", { n, message }),
};
const BOXES = 3;

export function createReminders(mount, before) {
  const template = document.getElementById("calc-choices");
  const defaults = ((template && template.dataset.reminders) || "").split(" ").filter(Boolean);
  const set = el("fieldset", { class: "kzcalc-reminders", "data-testid": "ics-reminders", "aria-describedby": "calc-reminders-hint" });
  set.append(el("legend", { text: TEXT.legend }), el("p", { id: "calc-reminders-hint", class: "kzcalc-hint", text: TEXT.hint }));
  const inputs = [];
  for (let i = 0; i < BOXES; i++) {
    const id = `calc-reminder-${i}`;
    const input = el("input", { type: "number", id, min: "0", max: "365", inputmode: "numeric", "data-testid": "ics-reminder", value: defaults[i] ?? "" });
    inputs.push(input);
    set.append(el("div", { class: "kzcalc-field" }, el("label", { for: id, text: TEXT.label(i + 1) }), input));
  }
  mount.insertBefore(set, before);
  return {
    // The request's `reminders`: the boxes' values as typed (the engine checks them).
    values: () => inputs.map((input) => input.value.trim()).filter((v) => v !== ""),
    // The engine's error about `reminders[i]`, in the words of the form.
    describe(field, message) {
      const m = /^reminders\[(\d+)\]$/.exec(field || "");
      if (!m) return message;
      const typed = inputs.filter((input) => input.value.trim() !== "");
      const box = typed[+m[1]];
      return TEXT.problem(box ? inputs.indexOf(box) + 1 : +m[1] + 1, message);
    },
  };
}
