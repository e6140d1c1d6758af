// The page's words in the page's language (<html lang>, set per edition: /calculator/ is English,
// /ru/calculator/ Russian). English is written in the code and is its own catalog; another language
// loads build/<key>/i18n/<lang>.json, made at build time from a gettext catalog
// (kb/locale/<lang>/LC_MESSAGES/calculator_page.po). Adding a language adds catalogs, not code.
// Placeholders are named: t("{n} of {limit}", { n, limit }). Plurals follow CLDR: the browser's
// Intl.PluralRules names the category, the catalog maps it to a gettext form.

const tag = document.getElementById("kzcalc-boot");
const wanted = (document.documentElement.lang || "en").toLowerCase().split("-")[0];

async function loadCatalog() {
  if (wanted === "en" || !tag) return null;
  try {
    const url = new URL(`build/${tag.dataset.key}/i18n/${wanted}.json`, new URL("./", tag.src));
    const response = await fetch(url);
    return response.ok ? await response.json() : null;
  } catch {
    return null; // no catalog: the page stays in English rather than failing
  }
}

const catalog = await loadCatalog();
export const lang = catalog ? catalog.lang : "en";
const messages = catalog ? catalog.messages : {};
const plurals = new Intl.PluralRules(lang);

function fill(text, values) {
  return values ? text.replace(/\{(\w+)\}/g, (all, name) => (name in values ? String(values[name]) : all)) : text;
}

export function t(message, values) {
  const text = messages[message];
  return fill(typeof text === "string" ? text : message, values);
}

export function tn(singular, plural, n, values) {
  const forms = messages[singular];
  let text;
  if (Array.isArray(forms)) {
    const index = catalog.plural_index[plurals.select(n)];
    text = forms[index === undefined ? forms.length - 1 : index];
  } else {
    text = n === 1 ? singular : plural;
  }
  return fill(text, { n, ...values });
}

// English is the engine's own (calculator/core/i18n.py MONTHS, WEEKDAYS, and its date patterns),
// so the page never writes "Wed, 3 Sept 2025" beside the explanations' "Wed 3 Sep 2025".
const ENGLISH_DATE = {
  pattern: "{weekday} {day} {month} {year}",
  short: "{day} {month} {year}",
  months: ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"],
  weekdays: ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"],
};

// Today in the person's own calendar, as ISO text (formatted by hand: no UTC shift).
export function todayIso() {
  const now = new Date();
  const pad = (n) => String(n).padStart(2, "0");
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

// A calendar date for people, as the engine writes it: "Sun 15 Jun 2025" / "15 июня 2025 г. (вс)".
// Built from the ISO text in UTC, so no time zone moves the day.
export function humanDate(iso, { weekday = true } = {}) {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso || "");
  if (!m) return iso || "–";
  const day = new Date(Date.UTC(+m[1], +m[2] - 1, +m[3]));
  const words = catalog ? catalog.date : ENGLISH_DATE;
  return fill(weekday ? words.pattern : words.short, {
    weekday: words.weekdays[(day.getUTCDay() + 6) % 7],
    day: day.getUTCDate(),
    month: words.months[day.getUTCMonth()],
    year: day.getUTCFullYear(),
  });
}
