// Suggestions on every search box (issue 20), as progressive enhancement: each
// `[role=search] input[type=search]` becomes a combobox (ARIA 1.2 pattern) whose listbox is
// filled from /search/suggest/ as the person types. Arrow keys move through the suggestions
// (aria-activedescendant), Enter or a click opens the chosen item's page; a suggested search
// word fills the box and sends the form it belongs to. Escape closes the list, a second Escape
// clears the box. Without JavaScript the forms work as they are. No inline script or style:
// the few rules are a constructed style sheet, which the page's CSP leaves alone.
(function () {
  "use strict";
  if (!window.fetch || !document.querySelectorAll) { return; }

  var MIN_LENGTH = 2;
  var DELAY = 120;
  var RULES = [
    ".suggest-anchor { position: relative; }",
    ".suggest-list { position: absolute; inset-inline: 0; inset-block-start: 100%; z-index: 30;",
    "  margin: 0.25rem 0 0; padding: 0.25rem 0; list-style: none; background: #fff; color: #1b1b1b;",
    "  border: 1px solid #5a6570; border-radius: 0.375rem; box-shadow: 0 4px 16px rgb(0 0 0 / 0.18);",
    "  max-block-size: min(60vh, 26rem); overflow-y: auto; }",
    ".suggest-list[hidden] { display: none; }",
    ".suggest-option { display: flex; flex-wrap: wrap; gap: 0 0.5rem; align-items: baseline;",
    "  padding: 0.6rem 0.75rem; min-block-size: 2.75rem; box-sizing: border-box; cursor: pointer;",
    "  text-align: start; }",
    ".suggest-option[aria-selected=true] { background: #073f56; color: #fff; }",
    ".suggest-option[aria-selected=true] .suggest-kind { color: #fff; }",
    ".suggest-option:hover { background: #e6eef2; color: #1b1b1b; }",
    ".suggest-option[aria-selected=true]:hover { background: #073f56; color: #fff; }",
    ".suggest-label { font-weight: 600; overflow-wrap: anywhere; }",
    ".suggest-kind { font-size: 0.875rem; color: #4a545c; }",
    "@media (forced-colors: active) { .suggest-option[aria-selected=true] {",
    "  outline: 2px solid Highlight; background: Highlight; color: HighlightText; } }"
  ].join("\n");

  function addStyles() {
    if (document.adoptedStyleSheets !== undefined && window.CSSStyleSheet) {
      try {
        var sheet = new CSSStyleSheet();
        sheet.replaceSync(RULES);
        document.adoptedStyleSheets = document.adoptedStyleSheets.concat([sheet]);
        return;
      } catch (error) { /* fall through: the list still works unstyled */ }
    }
  }

  function suggestUrl(input) {
    var holder = input.closest("[data-suggest-url]");
    if (input.dataset.suggestUrl) { return input.dataset.suggestUrl; }
    if (holder) { return holder.dataset.suggestUrl; }
    // The site's languages other than German have their prefix (/en/, /ar/ …).
    var lang = (document.documentElement.lang || "de").split("-")[0].toLowerCase();
    return (lang === "de" ? "" : "/" + lang) + "/search/suggest/";
  }

  var counter = 0;

  function attach(input) {
    if (input.dataset.suggestAttached || input.dataset.suggest === "off") { return; }
    input.dataset.suggestAttached = "1";
    counter += 1;
    var listId = (input.id || "search") + "-suggestions-" + counter;
    var anchor = input.parentElement;
    anchor.classList.add("suggest-anchor");
    var list = document.createElement("ul");
    list.id = listId;
    list.className = "suggest-list";
    list.setAttribute("role", "listbox");
    var label = input.labels && input.labels[0];
    if (label) {
      if (!label.id) { label.id = listId + "-label"; }
      list.setAttribute("aria-labelledby", label.id);
    }
    list.hidden = true;
    anchor.appendChild(list);

    input.setAttribute("role", "combobox");
    input.setAttribute("aria-autocomplete", "list");
    input.setAttribute("aria-expanded", "false");
    input.setAttribute("aria-controls", listId);
    input.setAttribute("autocomplete", "off");

    var items = [];
    var active = -1;
    var timer = null;
    var asked = 0;
    var controller = null;

    function close() {
      list.hidden = true;
      input.setAttribute("aria-expanded", "false");
      input.removeAttribute("aria-activedescendant");
      active = -1;
    }

    function highlight(index) {
      var options = list.children;
      for (var i = 0; i < options.length; i += 1) {
        options[i].setAttribute("aria-selected", i === index ? "true" : "false");
      }
      active = index;
      if (index < 0) {
        input.removeAttribute("aria-activedescendant");
        return;
      }
      input.setAttribute("aria-activedescendant", options[index].id);
      if (options[index].scrollIntoView) { options[index].scrollIntoView({ block: "nearest" }); }
    }

    function choose(index) {
      var suggestion = items[index];
      if (!suggestion) { return; }
      close();
      if (suggestion.kind === "term" || !suggestion.url) {
        // A search word: this box's own search, with the word.
        input.value = suggestion.label;
        var form = input.form;
        if (form) {
          if (form.requestSubmit) { form.requestSubmit(); } else { form.submit(); }
        } else if (suggestion.url) {
          window.location.assign(suggestion.url);
        }
        return;
      }
      window.location.assign(suggestion.url);
    }

    function show(suggestions) {
      // The option the visitor moved to stays chosen when an answer for the words typed last
      // arrives after the arrow key, wherever it now stands in the list.
      var chosen = active >= 0 ? items[active] : null;
      items = suggestions;
      list.replaceChildren();
      suggestions.forEach(function (suggestion, index) {
        var option = document.createElement("li");
        option.id = listId + "-" + index;
        option.className = "suggest-option";
        option.setAttribute("role", "option");
        option.setAttribute("aria-selected", "false");
        var text = document.createElement("span");
        text.className = "suggest-label";
        text.dir = "auto";
        text.textContent = suggestion.label;
        option.appendChild(text);
        if (suggestion.kind_label) {
          var kind = document.createElement("span");
          kind.className = "suggest-kind";
          kind.textContent = suggestion.kind_label;
          option.appendChild(kind);
        }
        // Pressed, not released: the input keeps its focus until the choice is made.
        option.addEventListener("mousedown", function (event) { event.preventDefault(); });
        option.addEventListener("click", function () { choose(index); });
        list.appendChild(option);
      });
      active = -1;
      input.removeAttribute("aria-activedescendant");
      if (suggestions.length) {
        list.hidden = false;
        input.setAttribute("aria-expanded", "true");
        if (chosen) {
          var again = suggestions.findIndex(function (suggestion) {
            return suggestion.url === chosen.url && suggestion.label === chosen.label;
          });
          if (again >= 0) { highlight(again); }
        }
      } else {
        close();
      }
    }

    function settled(mine) {
      if (mine === asked) { list.removeAttribute("aria-busy"); }
    }

    function ask() {
      var query = input.value.trim();
      asked += 1;
      var mine = asked;
      if (query.length < MIN_LENGTH) { settled(mine); show([]); return; }
      // Until the answer for these words is shown (assistive technology and tests wait for it).
      list.setAttribute("aria-busy", "true");
      if (controller) { controller.abort(); }
      controller = window.AbortController ? new AbortController() : null;
      var url = suggestUrl(input) + "?q=" + encodeURIComponent(query);
      fetch(url, {
        headers: { Accept: "application/json" },
        credentials: "same-origin",
        signal: controller ? controller.signal : undefined
      })
        .then(function (response) { return response.ok ? response.json() : { suggestions: [] }; })
        .then(function (body) {
          if (mine === asked && document.activeElement === input) { show(body.suggestions || []); }
          settled(mine);
        })
        .catch(function () {
          settled(mine);  // suggestions are a convenience; the form still works
        });
    }

    input.addEventListener("input", function () {
      window.clearTimeout(timer);
      timer = window.setTimeout(ask, DELAY);
    });

    input.addEventListener("keydown", function (event) {
      var open = !list.hidden && items.length > 0;
      switch (event.key) {
        case "ArrowDown":
        case "Down":
          if (!open) {
            if (items.length) { list.hidden = false; input.setAttribute("aria-expanded", "true"); }
            else { ask(); }
            event.preventDefault();
            return;
          }
          highlight(active + 1 >= items.length ? 0 : active + 1);
          event.preventDefault();
          break;
        case "ArrowUp":
        case "Up":
          if (!open) { return; }
          highlight(active <= 0 ? items.length - 1 : active - 1);
          event.preventDefault();
          break;
        case "Home":
        case "End":
          if (!open || active < 0) { return; }
          highlight(event.key === "Home" ? 0 : items.length - 1);
          event.preventDefault();
          break;
        case "Enter":
          if (open && active >= 0) {
            event.preventDefault();
            choose(active);
          }
          break;
        case "Escape":
        case "Esc":
          if (open) {
            close();
            event.preventDefault();
          } else if (input.value) {
            input.value = "";
            event.preventDefault();
          }
          break;
        case "Tab":
          close();
          break;
        default:
          break;
      }
    });

    input.addEventListener("blur", function () { close(); });
  }

  function start() {
    addStyles();
    var inputs = document.querySelectorAll(
      "form[role=search] input[type=search], [role=search] input[type=search]"
    );
    for (var i = 0; i < inputs.length; i += 1) { attach(inputs[i]); }
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
