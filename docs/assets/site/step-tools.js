// Tools beside each step, stage and checklist of the guide: a visible "Copy link" button (a long
// press on a 20 px ¶ is no way to copy on a phone) with feedback, and "Print" for that block only.
// On the checklists page each document can be ticked on screen; the ticks live in the link
// (`#done=passport,police_certificate`, the personal plan's convention), so a consultant can send
// a pre-ticked list, and print shows ☑ / ☐. The words come from this tag's data-* attributes (the
// kb catalog, in the page's language, overrides/main.html). A deferred file: no inline script.
(function () {
  var script = document.currentScript;
  if (!script) return;
  var words = script.dataset;
  var BLOCKS = [
    ["h3.kb-step-title", words.printStep, "h2, h3"],
    ["h2.kb-stage-title", words.printStage, "h2"],
    ["h2.kb-checklist-title", words.printChecklist, "h2"],
  ];

  function linkTo(id) {
    return location.origin + location.pathname + location.search + "#" + id;
  }

  // The heading and what follows it, up to the next heading of the given kinds.
  function blockOf(heading, until) {
    var nodes = [heading];
    var before = heading.previousElementSibling;
    while (before && before.matches("span.kb-alias, span.kb-anchor")) {
      nodes.unshift(before);
      before = before.previousElementSibling;
    }
    for (var node = heading.nextElementSibling; node && !node.matches(until); node = node.nextElementSibling) {
      if (node.matches("p.kb-join") || (node.matches("span.kb-alias, span.kb-anchor") && node.nextElementSibling && node.nextElementSibling.matches(until))) break;
      if (!node.matches(".kb-step-tools")) nodes.push(node);
    }
    return nodes;
  }

  function printOnly(nodes) {
    nodes.forEach(function (n) { n.classList.add("kb-print-target"); });
    document.documentElement.dataset.printOnly = "";
    var done = function () {
      nodes.forEach(function (n) { n.classList.remove("kb-print-target"); });
      delete document.documentElement.dataset.printOnly;
      window.removeEventListener("afterprint", done);
    };
    window.addEventListener("afterprint", done);
    window.print();
  }

  async function copy(id, status, fallback) {
    var link = linkTo(id);
    try {
      await navigator.clipboard.writeText(link);
      status.textContent = words.copied;
    } catch (error) {
      fallback.hidden = false;
      fallback.value = link;
      fallback.select();
      status.textContent = words.copyByHand;
    }
  }

  function tools(heading, printWord, until) {
    var id = heading.id;
    var box = document.createElement("div");
    box.className = "kb-step-tools";
    var copyButton = document.createElement("button");
    copyButton.type = "button";
    copyButton.className = "kb-step-tools__button";
    copyButton.dataset.testid = "copy-step-link";
    copyButton.textContent = words.copy;
    var printButton = document.createElement("button");
    printButton.type = "button";
    printButton.className = "kb-step-tools__button";
    printButton.dataset.testid = "print-block";
    printButton.textContent = printWord;
    var fallback = document.createElement("input");
    fallback.type = "text";
    fallback.readOnly = true;
    fallback.hidden = true;
    fallback.className = "kb-step-tools__link";
    fallback.setAttribute("aria-label", words.linkLabel);
    var status = document.createElement("span");
    status.className = "kb-step-tools__status";
    status.setAttribute("role", "status");
    status.dataset.testid = "copy-step-status";
    copyButton.setAttribute("aria-label", words.copy + ": " + heading.textContent.replace(/¶$/, "").trim());
    printButton.setAttribute("aria-label", printWord + ": " + heading.textContent.replace(/¶$/, "").trim());
    copyButton.addEventListener("click", function () { copy(id, status, fallback); });
    printButton.addEventListener("click", function () { printOnly(blockOf(heading, until)); });
    box.append(copyButton, printButton, fallback, status);
    heading.after(box);
  }

  // -- ticks on the checklists page, kept in the link's `done=` ----------------------------------
  function readDone() {
    var match = /(?:^#|&)done=([^&]*)/.exec(location.hash);
    return new Set(match ? decodeURIComponent(match[1]).split(",").filter(Boolean) : []);
  }

  function writeDone(done) {
    var anchor = location.hash.replace(/^#/, "").split("&").filter(function (p) { return p && !/^done=/.test(p); });
    if (done.size) anchor.push("done=" + Array.from(done).sort().join(","));
    history.replaceState(null, "", location.pathname + location.search + (anchor.length ? "#" + anchor.join("&") : ""));
  }

  function ticks() {
    var items = document.querySelectorAll(".kb-checklist li");
    if (!items.length) return;
    var done = readDone();
    var boxes = [];
    items.forEach(function (li, index) {
      var link = li.querySelector("a[href*='#']");
      var id = link ? link.getAttribute("href").split("#")[1] : "";
      if (!id) return;
      var box = document.createElement("input");
      box.type = "checkbox";
      box.className = "kb-tick";
      box.id = "tick-" + index;
      box.dataset.doc = id;
      box.dataset.testid = "tick-" + id;
      box.setAttribute("aria-label", words.tick + ": " + link.textContent);
      box.checked = done.has(id);
      li.classList.toggle("kb-done", box.checked);
      li.prepend(box);
      boxes.push(box);
    });
    document.addEventListener("change", function (event) {
      if (!event.target.matches || !event.target.matches("input.kb-tick")) return;
      var id = event.target.dataset.doc;
      var now = readDone();
      if (event.target.checked) now.add(id);
      else now.delete(id);
      boxes.forEach(function (b) {
        if (b.dataset.doc === id) {
          b.checked = event.target.checked;
          b.closest("li").classList.toggle("kb-done", b.checked);
        }
      });
      writeDone(now);
    });
    // a link with ticks and an anchor (#checklist_x&done=…) still lands on the anchor
    var anchor = location.hash.replace(/^#/, "").split("&")[0];
    if (anchor && !/^done=/.test(anchor)) {
      var target = document.getElementById(anchor);
      if (target) target.scrollIntoView();
    }
  }

  BLOCKS.forEach(function (entry) {
    document.querySelectorAll(entry[0]).forEach(function (heading) {
      if (heading.id) tools(heading, entry[1], entry[2]);
    });
  });
  ticks();
  // a table wider than a phone scrolls sideways: the keyboard must reach it too
  document.querySelectorAll(".md-typeset__scrollwrap").forEach(function (wrap) {
    if (wrap.scrollWidth > wrap.clientWidth) wrap.tabIndex = 0;
  });
})();
