// The offline notice (overrides/404.html): when the site's service worker serves this page for a
// page that is not stored (it removes `hidden` from [data-offline-notice]), or the browser says it
// is offline, the page says so instead of "Page not found" and lists the pages of its language
// stored on this device, by title, read from the service worker's cache. Nothing is fetched.
(function () {
  var me = document.currentScript;
  var notice = document.querySelector("[data-offline-notice]");
  if (!notice || (notice.hidden && navigator.onLine !== false)) return;
  notice.hidden = false;
  document.querySelector("[data-not-found]").hidden = true;
  document.title = notice.querySelector("h1").textContent;
  if (notice.dataset.calculator === "yes") notice.querySelector("[data-calculator-note]").hidden = false;
  var list = notice.querySelector("[data-offline-list]");
  var site = new URL("../../", me.src); // this file: assets/site/
  var lang = document.documentElement.lang.split("-")[0];
  var prefix = lang === "en" ? "" : lang + "/";

  function mine(path) {
    if (!path.endsWith("/")) return false;
    var own = /^[a-z]{2}\//.exec(path);
    return prefix ? path.startsWith(prefix) : !own;
  }

  async function stored() {
    var pages = [];
    if (!("caches" in window)) return pages;
    for (var name of await caches.keys()) {
      if (!name.startsWith("kbsite-")) continue;
      var cache = await caches.open(name);
      for (var request of await cache.keys()) {
        var path = request.url.slice(site.href.length);
        if (!request.url.startsWith(site.href) || !mine(path)) continue;
        var text = await (await cache.match(request)).text();
        var title = /<title>([^<]*)<\/title>/.exec(text);
        var holder = document.createElement("textarea");
        holder.innerHTML = title ? title[1] : path; // decodes &amp; and the like; never rendered
        // "Step by step - <site name>": the page's own title is enough in this list
        pages.push({ href: request.url, title: holder.value.replace(/^(.+) - [^-]+$/, "$1"), path: path });
      }
    }
    return pages.sort(function (a, b) { return a.path.length - b.path.length || a.path.localeCompare(b.path); });
  }

  stored().then(function (pages) {
    for (var page of pages) {
      var item = document.createElement("li");
      var link = document.createElement("a");
      link.href = page.href;
      link.textContent = page.title;
      item.append(link);
      list.append(item);
    }
    if (!pages.length) notice.querySelector("[data-offline-none]").hidden = false;
    notice.dataset.listed = String(pages.length);
  });
})();
