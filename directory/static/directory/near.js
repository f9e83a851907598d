/* "Meinen Standort verwenden" in the directory's filters (templates/directory/_near.html).
 * Only with JavaScript and a browser that offers geolocation: the button appears, asks for the
 * position once, and sends the form with lat/lon (rounded to about 100 m) sorted by distance,
 * instead of a municipality. Choosing a municipality forgets a shared position. */
(function () {
  "use strict";
  var box = document.querySelector("[data-near]");
  if (!box) return;
  var form = box.closest("form");
  var select = box.querySelector("[data-near-select]");
  var button = box.querySelector("[data-near-locate]");
  var status = box.querySelector("[data-near-status]");

  function forgetPoint() {
    box.querySelectorAll("[data-near-point]").forEach(function (input) { input.remove(); });
  }

  function hidden(name, value) {
    var input = document.createElement("input");
    input.type = "hidden";
    input.name = name;
    input.value = value;
    input.setAttribute("data-near-point", "");
    box.appendChild(input);
  }

  if (select) {
    select.addEventListener("change", function () {
      forgetPoint();
      var sort = form && form.querySelector("select[name='sort']");
      if (select.value && sort) sort.value = "distance";
    });
  }

  if (!button || !form || !("geolocation" in navigator)) return;
  button.hidden = false;
  button.addEventListener("click", function () {
    status.textContent = button.dataset.locating;
    button.disabled = true;
    navigator.geolocation.getCurrentPosition(
      function (position) {
        forgetPoint();
        if (select) select.value = "";
        hidden("lat", position.coords.latitude.toFixed(3));
        hidden("lon", position.coords.longitude.toFixed(3));
        var sort = form.querySelector("select[name='sort']");
        if (sort) sort.value = "distance";
        form.submit();
      },
      function () {
        status.textContent = button.dataset.failed;
        button.disabled = false;
      },
      { maximumAge: 600000, timeout: 15000 }
    );
  });
})();
