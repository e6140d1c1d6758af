// The language switcher goes to the same page in the other language and keeps the part after
// '#': ids are the same in every language, so /guide/#sign_rental_agreement switches to
// /ru/guide/#sign_rental_agreement. The links already point at the page's twin (mkdocs-static-i18n);
// this runs first (capture phase) so mkdocs-material's own handler, which looks pages up in a
// per-language sitemap and falls back to the language's home page, does not take over.
// A deferred file, not an inline script (the site's CSP forbids those).
document.addEventListener(
  "click",
  function (event) {
    var link = event.target.closest && event.target.closest("a.md-select__link[hreflang]");
    if (!link || event.metaKey || event.ctrlKey || event.shiftKey || event.button !== 0) {
      return;
    }
    event.preventDefault();
    event.stopPropagation();
    var url = new URL(link.href);
    url.hash = location.hash;
    location.assign(url.href);
  },
  true
);
