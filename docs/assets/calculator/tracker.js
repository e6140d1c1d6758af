// "Keep my stays on this device": the opt-in, the named profiles (switch, new, rename, delete one,
// delete all) and saving the form's stays into the active profile as the person edits them.
// Storage is profiles.js (localStorage, this browser only). The link stays the way to share: a
// link that carries stays is shown as it is and is not saved over a profile unless asked.

import { STAY_MODES } from "./fields.js";
import { t } from "./i18n.js";
import * as store from "./profiles.js";
import { el } from "./render.js";
import { importExport } from "./import_ui.js";

const TEXT = {
  heading: t("Your stays on this device"),
  plain: t("Off by default. When you tick it, your stays and nationality are kept in this browser only (its local storage) so they are here next time, also offline. Nothing leaves the browser; the link is still the way to share them. Delete them here at any time."),
  keep: t("Keep my stays on this device"),
  unavailable: t("This browser does not let the page keep anything (private mode or storage blocked)."),
  profile: t("Profile"),
  fromLink: t("The stays of the link (not kept)"),
  name: t("Name of this profile"),
  firstName: t("Me"),
  nextName: (n) => t("Profile {n}", { n }),
  add: t("New profile"),
  keepLink: t("Keep the link’s stays as a new profile"),
  remove: t("Delete this profile"),
  removeAll: t("Delete all"),
  confirmAll: t("Delete every kept profile from this device? The link in the address bar is not affected."),
  yesAll: t("Yes, delete all"),
  cancel: t("Cancel"),
  kept: (name) => t("Kept on this device as “{name}”.", { name }),
  switched: (name) => t("Showing “{name}”.", { name }),
  deleted: (name) => t("“{name}” deleted from this device.", { name }),
  allDeleted: t("Everything kept on this device is deleted."),
  full: t("The browser refused to keep the stays (its storage is full or blocked)."),
};

// mount: the element to fill; form: the CalculatorForm; apply({rule, stays}): puts them in the form.
export function createTracker({ mount, form, apply, linkHasStays }) {
  let data = store.load();
  let paused = Boolean(data && linkHasStays); // showing a link's stays: do not save over a profile
  const status = el("p", { class: "kzcalc-tracker__status", role: "status", "aria-live": "polite", "data-testid": "tracker-status" });
  const say = (text) => { status.textContent = text; };

  const box = el("section", { class: "kzcalc-tracker", "aria-labelledby": "calc-tracker-title", "data-testid": "tracker" });
  box.append(el("h2", { id: "calc-tracker-title", text: TEXT.heading }));
  box.append(el("p", { id: "calc-keep-hint", class: "kzcalc-hint", text: TEXT.plain }));
  const check = el("input", { type: "checkbox", id: "calc-keep", "data-testid": "keep-on-device", "aria-describedby": "calc-keep-hint" });
  const keepRow = el("div", { class: "kzcalc-tracker__keep" }, check, el("label", { for: "calc-keep", text: TEXT.keep }));
  box.append(keepRow);
  if (!store.available()) {
    check.disabled = true;
    box.append(el("p", { class: "kzcalc-hint", text: TEXT.unavailable }));
  }

  const select = el("select", { id: "calc-profile", "data-testid": "profile-select" });
  const name = el("input", { type: "text", id: "calc-profile-name", "data-testid": "profile-name", maxlength: "60", autocomplete: "off" });
  const button = (text, testid) => el("button", { type: "button", class: "md-button", "data-testid": testid, text });
  const addButton = button(TEXT.add, "profile-new");
  const keepLinkButton = button(TEXT.keepLink, "profile-keep-link");
  const removeButton = button(TEXT.remove, "profile-delete");
  const removeAllButton = button(TEXT.removeAll, "profiles-delete-all");
  const confirmBox = el("div", { class: "kzcalc-tracker__confirm", role: "group", "aria-labelledby": "calc-confirm-all" });
  const yes = button(TEXT.yesAll, "profiles-delete-all-yes");
  const no = button(TEXT.cancel, "profiles-delete-all-cancel");
  confirmBox.append(el("p", { id: "calc-confirm-all", text: TEXT.confirmAll }), yes, no);
  confirmBox.hidden = true;
  const profiles = el("div", { class: "kzcalc-tracker__profiles" });
  profiles.append(
    el("div", { class: "kzcalc-field" }, el("label", { for: "calc-profile", text: TEXT.profile }), select),
    el("div", { class: "kzcalc-field" }, el("label", { for: "calc-profile-name", text: TEXT.name }), name),
    el("div", { class: "kzcalc-tracker__buttons" }, addButton, keepLinkButton, removeButton, removeAllButton),
    confirmBox,
  );
  box.append(profiles, status);

  function persist() {
    if (data && !store.save(data)) say(TEXT.full);
  }

  function current() {
    const { request } = form.request();
    return STAY_MODES.includes(request.action) ? { rule: store.ruleOf(request), stays: request.stays } : null;
  }

  function show() {
    check.checked = Boolean(data);
    profiles.hidden = !data;
    if (!data) return;
    select.replaceChildren();
    if (paused) select.append(el("option", { value: "", text: TEXT.fromLink }));
    for (const p of data.profiles) select.append(el("option", { value: p.id, text: p.name }));
    select.value = paused ? "" : data.active;
    const profile = store.active(data);
    name.value = profile && !paused ? profile.name : "";
    name.disabled = paused || !profile;
    removeButton.disabled = paused || !profile;
    keepLinkButton.hidden = !paused;
  }

  function open(profile) {
    paused = false;
    data.active = profile.id;
    persist();
    apply({ rule: profile.rule || {}, stays: profile.stays });
    show();
  }

  function create(named, from) {
    const profile = { id: store.newId(data), name: named, rule: from ? from.rule : {}, stays: from ? from.stays : [] };
    data.profiles.push(profile);
    return profile;
  }

  function deleteEverything() {
    store.deleteAll();
    data = null;
    paused = false;
    confirmBox.hidden = true;
    show();
    say(TEXT.allDeleted);
  }

  check.addEventListener("change", () => {
    if (check.checked) {
      data = { active: null, profiles: [] };
      const profile = create(TEXT.firstName, current());
      data.active = profile.id;
      paused = false;
      persist();
      show();
      say(TEXT.kept(profile.name));
    } else {
      check.checked = true; // nothing is deleted before the person says yes
      confirmBox.hidden = false;
      yes.focus();
    }
  });
  select.addEventListener("change", () => {
    const profile = data.profiles.find((p) => p.id === select.value);
    if (!profile) return;
    open(profile);
    say(TEXT.switched(profile.name));
  });
  name.addEventListener("change", () => {
    const profile = store.active(data);
    const text = name.value.trim();
    if (!profile || !text) return show();
    profile.name = text;
    persist();
    show();
    say(TEXT.kept(text));
  });
  addButton.addEventListener("click", () => {
    open(create(TEXT.nextName(data.profiles.length + 1), null));
    say(TEXT.switched(store.active(data).name));
    name.focus();
  });
  keepLinkButton.addEventListener("click", () => {
    const profile = create(TEXT.nextName(data.profiles.length + 1), current());
    paused = false;
    data.active = profile.id;
    persist();
    show();
    say(TEXT.kept(profile.name));
  });
  removeButton.addEventListener("click", () => {
    const profile = store.active(data);
    data.profiles = data.profiles.filter((p) => p !== profile);
    if (!data.profiles.length) return deleteEverything();
    open(data.profiles[0]);
    say(TEXT.deleted(profile.name));
    select.focus();
  });
  removeAllButton.addEventListener("click", () => { confirmBox.hidden = false; yes.focus(); });
  yes.addEventListener("click", () => { deleteEverything(); check.focus(); });
  no.addEventListener("click", () => { confirmBox.hidden = true; removeAllButton.focus(); });

  mount.append(box, importExport({ form, apply, current, activeRule: () => store.active(data)?.rule || {} }));
  if (data && !paused && store.active(data)) apply({ rule: store.active(data).rule || {}, stays: store.active(data).stays, quiet: true });
  show();

  return {
    // A link opened in this page: its stays are shown, not saved over the active profile.
    linkOpened(hasStays) {
      if (!data || !hasStays) return;
      paused = true;
      show();
    },
    // After each edit of the form: the stays and rule go into the active profile.
    changed() {
      const profile = store.active(data);
      const now = current();
      if (!profile || paused || !now) return;
      profile.rule = now.rule;
      profile.stays = now.stays;
      persist();
    },
  };
}
