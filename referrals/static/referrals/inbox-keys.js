// Keyboard shortcuts for the referral inbox: j / k move to the next / previous referral, Enter
// opens it (the focused link does that by itself). Without this script the list works as is.
(() => {
  "use strict";
  const links = () => Array.from(document.querySelectorAll(".referral-row th a"));
  const typing = (target) =>
    target instanceof HTMLElement &&
    (target.isContentEditable || ["INPUT", "SELECT", "TEXTAREA"].includes(target.tagName));

  document.addEventListener("keydown", (event) => {
    if (event.altKey || event.ctrlKey || event.metaKey || typing(event.target)) return;
    if (event.key !== "j" && event.key !== "k") return;
    const rows = links();
    if (rows.length === 0) return;
    const current = rows.indexOf(document.activeElement);
    let next;
    if (current === -1) next = event.key === "j" ? 0 : rows.length - 1;
    else next = Math.min(rows.length - 1, Math.max(0, current + (event.key === "j" ? 1 : -1)));
    event.preventDefault();
    rows[next].focus();
    rows[next].scrollIntoView({ block: "nearest" });
  });
})();
