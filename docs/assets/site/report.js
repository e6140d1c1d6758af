// "Report a problem with this page" (kb/page_header.py): when the reader clicks the link, put the
// page's address with the nearest anchor above the upper third of the window (the step, document
// or question being read) into it. The link stays in view under the header (kb.css), so clicking
// it does not scroll. Nothing is requested from the report address before the click.
(function () {
  "use strict";

  function nearestAnchor() {
    var root = document.querySelector(".md-content") || document.body;
    var nodes = root.querySelectorAll("h1[id], h2[id], h3[id], h4[id], span.kb-anchor[id], [id].kb-alias");
    var found = "";
    var line = Math.max(120, window.innerHeight * 0.3); // the part of the window being read
    for (var i = 0; i < nodes.length; i++) {
      if (nodes[i].getBoundingClientRect().top > line) break;
      found = nodes[i].id;
    }
    return found || decodeURIComponent(location.hash.slice(1));
  }

  function build(template, address) {
    var value = encodeURIComponent(address);
    if (template.indexOf("{page}") >= 0) return template.split("{page}").join(value);
    return template + (template.indexOf("?") >= 0 ? "&" : "?") + "page=" + value;
  }

  function fill(event) {
    var link = event.target && event.target.closest ? event.target.closest("a.kb-report") : null;
    if (!link) return;
    var anchor = nearestAnchor();
    var address = location.origin + location.pathname + (anchor ? "#" + anchor : "");
    link.href = build(link.getAttribute("data-report"), address);
  }

  ["click", "auxclick", "contextmenu", "focusin"].forEach(function (name) {
    document.addEventListener(name, fill, true);
  });
})();
