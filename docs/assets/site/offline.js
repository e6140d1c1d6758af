// Keeps the guide readable offline: registers the site's service worker (sw.js at the site root,
// scope: the whole site), which stores the theme files, and asks it to store every guide page of
// this page's language (<html lang>). Not loaded on the calculator page, which has its own service
// worker (calculator/sw.js) and must not download the guide while Python starts. The page marks
// <html data-offline="ready"> once its language's pages are stored.
(function () {
  var script = document.currentScript;
  if (!script || !("serviceWorker" in navigator) || location.protocol === "file:") return;
  var url = new URL(script.dataset.sw, document.baseURI);
  var scope = new URL("./", url);
  var lang = document.documentElement.lang;
  window.addEventListener("load", function () {
    navigator.serviceWorker
      .register(url.href, { scope: scope.href })
      .then(function () { return navigator.serviceWorker.ready; })
      .then(function (registration) {
        var channel = new MessageChannel();
        channel.port1.onmessage = function (event) {
          if (event.data && event.data.ok) document.documentElement.dataset.offline = "ready";
        };
        registration.active.postMessage({ store: lang }, [channel.port2]);
      })
      .catch(function () {});
  });
})();
