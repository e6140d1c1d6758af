// mkdocs-material's inline globals (partials/javascripts/base.html), moved to a file so the site's
// Content-Security-Policy can forbid inline script. bundle.js needs these four names.
/* eslint-disable no-var */
(function () {
  var script = document.currentScript;
  var scope = (script && script.dataset.mdScope) || ".";
  window.__md_scope = new URL(scope, location);
  window.__md_hash = function (e) {
    return [...e].reduce(function (e, _) { return (e << 5) - e + _.charCodeAt(0); }, 0);
  };
  window.__md_get = function (e, _ = localStorage, t = window.__md_scope) {
    return JSON.parse(_.getItem(t.pathname + "." + e));
  };
  window.__md_set = function (e, _, t = localStorage, a = window.__md_scope) {
    try { t.setItem(a.pathname + "." + e, JSON.stringify(_)); } catch (err) { /* storage full or off */ }
  };
})();
