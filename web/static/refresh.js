// Reload the page every N seconds while a campaign runs, but never while the user is typing.
(function () {
  var el = document.querySelector("[data-refresh]");
  if (!el) return;
  var seconds = parseInt(el.getAttribute("data-refresh"), 10) || 30;
  var typing = false;
  document.addEventListener("input", function () { typing = true; });
  setInterval(function () { if (!typing && !document.hidden) location.reload(); }, seconds * 1000);
})();
// A box that scrolls sideways (a wide table on a phone) can be focused and scrolled by keyboard.
(function () {
  var boxes = document.querySelectorAll(".card, .scroll");
  for (var i = 0; i < boxes.length; i++) {
    var box = boxes[i];
    if (box.scrollWidth > box.clientWidth + 1 && !box.hasAttribute("tabindex")) {
      box.setAttribute("tabindex", "0");
      box.setAttribute("role", "region");
      var title = box.previousElementSibling;
      box.setAttribute("aria-label", (title && title.textContent.trim()) || "Bảng cuộn ngang");
    }
  }
})();
