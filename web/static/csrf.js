// Send the page's anti-forgery token (meta csrf-token) with every script write: X-CSRF-Token.
(function () {
  "use strict";
  var meta = document.querySelector('meta[name="csrf-token"]');
  if (!meta || !window.fetch) { return; }
  var token = meta.getAttribute("content");
  var plain = window.fetch.bind(window);
  window.fetch = function (input, init) {
    init = init || {};
    var method = (init.method || (input && input.method) || "GET").toUpperCase();
    if (["GET", "HEAD", "OPTIONS"].indexOf(method) < 0) {
      var headers = new Headers(init.headers || (input && input.headers) || {});
      headers.set("X-CSRF-Token", token);
      init.headers = headers;
    }
    return plain(input, init);
  };
  window.cchcCsrfToken = token;
})();
