// mkdocs-material's inline cookie-consent script (partials/javascripts/consent.html), as a file.
(function () {
  var form = document.forms.consent;
  var consent = __md_get("__consent");
  if (consent) {
    for (var input of form.elements) if (input.name) input.checked = consent[input.name] || false;
  } else if (location.protocol !== "file:") {
    setTimeout(function () {
      document.querySelector("[data-md-component=consent]").hidden = false;
    }, 250);
  }
  for (var action of ["submit", "reset"]) {
    form.addEventListener(action, function (e) {
      e.preventDefault();
      if (e.type === "reset") for (var n of form.elements) if (n.name) n.checked = false;
      __md_set("__consent", Object.fromEntries(
        Array.from(new FormData(form).keys()).map(function (k) { return [k, true]; })));
      location.hash = "";
      location.reload();
    });
  }
})();
