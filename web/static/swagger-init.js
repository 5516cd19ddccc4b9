// Start Swagger UI on /docs (kept out of the page: the CSP forbids inline scripts).
window.addEventListener("load", function () {
  var el = document.getElementById("swagger-ui");
  window.ui = SwaggerUIBundle({ url: el.getAttribute("data-url"), dom_id: "#swagger-ui" });
});
