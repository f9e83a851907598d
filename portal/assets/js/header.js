// The header's language list and menu (templates/base.html) work as details/summary without
// this file. With it: one of them open at a time, Escape closes the open one and gives the focus
// back to its button, and a click or tap outside closes it.
(() => {
  "use strict";
  const disclosures = () => [...document.querySelectorAll(".site-header .disclosure")];
  const shownOpen = (details) => details.open && getComputedStyle(details.querySelector("summary")).display !== "none";

  document.addEventListener("toggle", (event) => {
    const opened = event.target;
    if (!(opened instanceof HTMLDetailsElement) || !opened.classList.contains("disclosure") || !opened.open) return;
    for (const other of disclosures()) if (other !== opened && shownOpen(other)) other.open = false;
  }, true);

  document.addEventListener("keydown", (event) => {
    if (event.key !== "Escape") return;
    const open = disclosures().find((details) => shownOpen(details) && details.contains(document.activeElement));
    if (!open) return;
    open.open = false;
    open.querySelector("summary").focus();
  });

  document.addEventListener("click", (event) => {
    for (const details of disclosures()) {
      if (shownOpen(details) && !details.contains(event.target)) details.open = false;
    }
  });
})();
