// mkdocs-material's inline content script (partials/javascripts/content.html), as a file (CSP).
(function () {
  var script = document.currentScript;
  if (script && script.dataset.tabsLink === "true") {
    var tabs = __md_get("__tabs");
    if (Array.isArray(tabs)) {
      sets: for (var set of document.querySelectorAll(".tabbed-set")) {
        var labels = set.querySelector(".tabbed-labels");
        for (var tab of tabs) {
          for (var label of labels.getElementsByTagName("label")) {
            if (label.innerText.trim() === tab) {
              document.getElementById(label.htmlFor).checked = true;
              continue sets;
            }
          }
        }
      }
    }
  }
  var target = document.getElementById(location.hash.slice(1));
  if (target && target.name) target.checked = target.name.startsWith("__tabbed_");
})();
