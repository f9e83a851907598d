// The profile editor's enhancements; without them the form works as plain HTML.
// - Choice lists (languages, topics, target groups) get a filter box and chips of what is chosen.
// - The hours grid gets "copy to all weekdays" on each row.
// - After a preview the page starts at the preview.
(function () {
  "use strict";

  function text(element, name) {
    return element.closest("form").dataset[name] || "";
  }

  function enhanceChoiceList(list) {
    const items = Array.from(list.querySelectorAll("li"));
    const filter = document.createElement("div");
    filter.className = "choice-filter";
    const search = document.createElement("input");
    search.type = "search";
    // Each offer has three such lists: the filter is named after its own list.
    const legend = list.closest("fieldset")?.querySelector("legend");
    const listName = legend ? legend.textContent.trim().replace(/[:*\s]+$/, "") : "";
    search.setAttribute("aria-label", listName ? `${text(list, "labelFilter")}: ${listName}` : text(list, "labelFilter"));
    search.placeholder = text(list, "labelFilter");
    search.setAttribute("aria-controls", list.id);
    const chips = document.createElement("ul");
    chips.className = "choice-chips";
    chips.setAttribute("aria-label", text(list, "labelChosen"));
    filter.append(search, chips);
    list.before(filter);

    function renderChips() {
      chips.replaceChildren();
      items.forEach((item) => {
        const box = item.querySelector("input");
        if (!box.checked) return;
        const chip = document.createElement("li");
        const button = document.createElement("button");
        button.type = "button";
        button.className = "choice-chip";
        const name = item.textContent.trim();
        button.textContent = `${name} ×`;
        button.setAttribute("aria-label", `${text(list, "labelRemove")}: ${name}`);
        button.addEventListener("click", () => {
          box.checked = false;
          renderChips();
          search.focus();
        });
        chip.append(button);
        chips.append(chip);
      });
    }
    search.addEventListener("input", () => {
      const wanted = search.value.trim().toLocaleLowerCase();
      items.forEach((item) => {
        item.hidden = wanted !== "" && !item.textContent.toLocaleLowerCase().includes(wanted);
      });
    });
    search.addEventListener("keydown", (event) => {
      if (event.key !== "Enter") return;
      event.preventDefault(); // Enter picks the only match instead of sending the form
      const shown = items.filter((item) => !item.hidden);
      if (shown.length === 1) {
        const box = shown[0].querySelector("input");
        box.checked = !box.checked;
        renderChips();
      }
    });
    list.addEventListener("change", renderChips);
    renderChips();
  }

  function enhanceHoursGrid(grid) {
    const rows = grid.querySelector("[data-hours-rows]");
    const empty = grid.querySelector("template[data-hours-empty]");
    const total = grid.querySelector('input[name$="-TOTAL_FORMS"]');
    const prefix = total.name.replace(/-TOTAL_FORMS$/, "");

    function field(row, name) {
      return row.querySelector(`[name$="-${name}"]`);
    }
    function freeRow() {
      const unused = Array.from(rows.querySelectorAll("[data-hours-row]")).find(
        (row) => !field(row, "weekday").value && !field(row, "opens").value && !field(row, "closes").value,
      );
      if (unused) return unused;
      const index = Number(total.value);
      const html = empty.innerHTML.replaceAll(`${prefix}-__prefix__`, `${prefix}-${index}`);
      rows.insertAdjacentHTML("beforeend", html);
      total.value = String(index + 1);
      const added = rows.lastElementChild;
      addCopyButton(added);
      return added;
    }
    function copyToWeekdays(source) {
      const opens = field(source, "opens").value;
      const closes = field(source, "closes").value;
      const appointment = field(source, "by_appointment").checked;
      const own = field(source, "weekday").value;
      if (!opens || !closes) return;
      const existing = Array.from(rows.querySelectorAll("[data-hours-row]")).map(
        (row) => `${field(row, "weekday").value}@${field(row, "opens").value}`,
      );
      for (let day = 0; day <= 4; day += 1) {
        if (String(day) === own || existing.includes(`${day}@${opens}`)) continue;
        const row = freeRow();
        field(row, "weekday").value = String(day);
        field(row, "opens").value = opens;
        field(row, "closes").value = closes;
        field(row, "by_appointment").checked = appointment;
      }
    }
    function addCopyButton(row) {
      const cell = row.querySelector(".hours-grid__tools");
      const button = document.createElement("button");
      button.type = "button";
      button.className = "button--secondary hours-grid__copy";
      button.textContent = text(grid, "labelCopyWeekShort");
      button.title = text(grid, "labelCopyWeek");
      // The name begins with what the button shows (WCAG 2.5.3, label in name).
      button.setAttribute("aria-label", `${text(grid, "labelCopyWeekShort")}: ${text(grid, "labelCopyWeek")}`);
      button.addEventListener("click", () => copyToWeekdays(row));
      cell.append(button);
    }
    rows.querySelectorAll("[data-hours-row]").forEach(addCopyButton);
  }

  document.querySelectorAll("[data-choice-list]").forEach(enhanceChoiceList);
  document.querySelectorAll("[data-hours-grid]").forEach(enhanceHoursGrid);
  const preview = document.getElementById("preview");
  if (preview) preview.focus();
})();
