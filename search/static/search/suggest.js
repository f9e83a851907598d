// Suggestions while typing, for browsers with JavaScript: the search box's datalist is filled
// from /search/suggest/. Without JavaScript the form works as it is.
(function () {
  "use strict";
  var input = document.querySelector("input[data-suggest-url]");
  if (!input || !window.fetch) { return; }
  var list = document.getElementById(input.getAttribute("list"));
  var timer = null;
  input.addEventListener("input", function () {
    window.clearTimeout(timer);
    var query = input.value.trim();
    if (query.length < 2) { return; }
    timer = window.setTimeout(function () {
      var url = input.dataset.suggestUrl + "?q=" + encodeURIComponent(query);
      fetch(url, { headers: { Accept: "application/json" } })
        .then(function (response) { return response.ok ? response.json() : { suggestions: [] }; })
        .then(function (body) {
          list.replaceChildren.apply(list, body.suggestions.map(function (suggestion) {
            var option = document.createElement("option");
            option.value = suggestion.label;
            return option;
          }));
        })
        .catch(function () { /* suggestions are a convenience; the form still works */ });
    }, 150);
  });
})();
