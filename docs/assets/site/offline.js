// Keeps the guide readable offline: registers the site's service worker (sw.js at the site root,
// scope: the whole site), which stores every guide page and its theme files after the first visit.
// Not loaded on the calculator page, which has its own service worker (calculator/sw.js) and must
// not download the guide while Python starts. The page marks <html data-offline="ready"> when done.
(function () {
  var script = document.currentScript;
  if (!script || !("serviceWorker" in navigator) || location.protocol === "file:") return;
  var url = new URL(script.dataset.sw, document.baseURI);
  var scope = new URL("./", url);
  window.addEventListener("load", function () {
    navigator.serviceWorker.register(url.href, { scope: scope.href }).then(function (registration) {
      var worker = registration.installing || registration.waiting || registration.active;
      function mark() { if (worker && worker.state === "activated") document.documentElement.dataset.offline = "ready"; }
      if (worker) { worker.addEventListener("statechange", mark); mark(); }
    }).catch(function () {});
  });
})();
