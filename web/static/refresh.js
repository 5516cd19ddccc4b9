// Reload the page every N seconds while a campaign runs, but never while the user is typing.
(function () {
  var el = document.querySelector("[data-refresh]");
  if (!el) return;
  var seconds = parseInt(el.getAttribute("data-refresh"), 10) || 30;
  var typing = false;
  document.addEventListener("input", function () { typing = true; });
  setInterval(function () { if (!typing && !document.hidden) location.reload(); }, seconds * 1000);
})();
