// The language switcher keeps the part after '#': ids are the same in every language, so
// /guide/#sign_rental_agreement switches to /ru/guide/#sign_rental_agreement (same step, other
// language). A deferred file, not an inline script (the site's CSP forbids those).
document.addEventListener("click", function (event) {
  var link = event.target.closest && event.target.closest("a.md-select__link[hreflang]");
  if (link && location.hash && !link.hash) {
    link.hash = location.hash;
  }
});
