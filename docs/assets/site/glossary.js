// Glossary terms (<abbr title="…">, added by the abbr extension from data/glossary.yaml) show their
// definition on hover only with a mouse. Here a tap, a click or Enter on a term shows the
// definition right under it; a second tap or Escape hides it. The definition stays in `title`.
(function () {
  var terms = document.querySelectorAll(".md-typeset abbr[title]");
  for (var i = 0; i < terms.length; i++) {
    var abbr = terms[i];
    if (abbr.closest("a, button, summary, label")) continue; // no control inside a control
    abbr.dataset.definition = abbr.title;
    abbr.setAttribute("tabindex", "0");
    abbr.setAttribute("role", "button");
    abbr.setAttribute("aria-expanded", "false");
  }

  function toggle(abbr) {
    var open = abbr.nextElementSibling;
    if (open && open.classList.contains("kb-abbr-tip")) {
      open.remove();
      abbr.setAttribute("aria-expanded", "false");
      return;
    }
    var tip = document.createElement("span");
    tip.className = "kb-abbr-tip";
    tip.setAttribute("role", "note");
    tip.textContent = abbr.textContent + ": " + abbr.dataset.definition;
    abbr.after(tip);
    abbr.setAttribute("aria-expanded", "true");
  }

  document.addEventListener("click", function (event) {
    var abbr = event.target.closest && event.target.closest("abbr[data-definition]");
    if (abbr) toggle(abbr);
  });
  document.addEventListener("keydown", function (event) {
    var abbr = event.target.closest && event.target.closest("abbr[data-definition]");
    if (!abbr) return;
    if (event.key === "Enter" || event.key === " ") {
      event.preventDefault();
      toggle(abbr);
    } else if (event.key === "Escape" && abbr.getAttribute("aria-expanded") === "true") {
      toggle(abbr);
    }
  });
})();
