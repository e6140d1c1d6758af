// mkdocs-material's inline outdated-version script (partials/javascripts/outdated.html), as a file.
(function () {
  var script = document.currentScript;
  var el = document.querySelector("[data-md-component=outdated]");
  var base = new URL(script.dataset.base, location);
  var outdated = __md_get("__outdated", sessionStorage, base);
  if (outdated === true && el) el.hidden = false;
})();
