// Suggest units as the admin types a part of a name or code (templates/admin.html): the
// province may have 12,000 of them, so the list is asked for, not sent with the page.
(function () {
  "use strict";
  var timer = null;
  function fill(input, units) {
    var list = document.getElementById(input.getAttribute("list"));
    list.replaceChildren.apply(list, units.map(function (u) {
      var option = document.createElement("option");
      option.value = u.code;
      option.label = u.name;
      option.textContent = u.name;
      return option;
    }));
  }
  function ask(input) {
    var text = input.value.trim();
    if (text.length < 2) return fill(input, []);
    var url = input.getAttribute("data-unit-search") + "?q=" + encodeURIComponent(text);
    fetch(url, { credentials: "same-origin", headers: { Accept: "application/json" } })
      .then(function (r) { return r.ok ? r.json() : []; })
      .then(function (units) { if (input.value.trim() === text) fill(input, units); })
      .catch(function () { /* no suggestions: the code can still be typed */ });
  }
  document.addEventListener("input", function (e) {
    if (!e.target.matches("[data-unit-search]")) return;
    clearTimeout(timer);
    timer = setTimeout(ask, 200, e.target);
  });
})();
