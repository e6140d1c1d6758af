// Print keeps what is folded: before printing, every closed <details> on the page opens, and after
// printing the ones this script opened close again. Loaded on every page (mkdocs.yml), so the
// guide, the checklists, the calculator's explanations and the personal plan all print whole.
(() => {
  let opened = [];
  window.addEventListener("beforeprint", () => {
    opened = Array.from(document.querySelectorAll("details:not([open])"));
    for (const details of opened) details.open = true;
  });
  window.addEventListener("afterprint", () => {
    for (const details of opened) details.open = false;
    opened = [];
  });
})();
