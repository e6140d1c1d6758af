// mkdocs-material's inline announce script (partials/javascripts/announce.html), as a file (CSP).
(function () {
  var el = document.querySelector("[data-md-component=announce]");
  if (el) {
    var content = el.querySelector(".md-typeset");
    if (__md_hash(content.innerHTML) === __md_get("__announce")) el.hidden = true;
  }
})();
