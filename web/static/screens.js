// Work screens: running totals, which explanations are needed, evidence upload per item.
(function () {
  "use strict";
  function num(text) {
    var v = parseFloat(String(text).replace(",", "."));
    return isNaN(v) ? 0 : v;
  }
  function fmt(v) {
    return (Math.round(v * 100) / 100).toString().replace(".", ",");
  }
  function csrf() {
    var m = document.querySelector('meta[name="csrf-token"]');
    return m ? m.getAttribute("content") : "";
  }
  // The rule of the criteria set: a leaf scored above 0 with no evidence needs an explanation.
  function refreshRow(row) {
    var score = num(row.querySelector("[data-score]").value);
    var hasEvidence = parseInt(row.getAttribute("data-evidence"), 10) > 0;
    var expl = row.querySelector("[data-expl]");
    var need = score > 0 && !hasEvidence && !expl.value.trim();
    row.querySelector(".sa-need").hidden = !need;
    row.classList.toggle("sa-missing", need);
  }
  function refreshTotals() {
    var fields = {}, total = 0;
    document.querySelectorAll("tr.sa-leaf").forEach(function (row) {
      var v = num(row.querySelector("[data-score]").value);
      var f = row.getAttribute("data-field");
      fields[f] = (fields[f] || 0) + v;
      total += v;
      refreshRow(row);
    });
    document.querySelectorAll("[data-field-total]").forEach(function (out) {
      out.textContent = fmt(fields[out.getAttribute("data-field-total")] || 0);
    });
    var all = document.getElementById("sa-total");
    if (all) all.textContent = fmt(total);
  }
  // The chosen file's name beside a Vietnamese file input (templates/_file_pick.html).
  function showName(input, file) {
    var out = document.getElementById(input.getAttribute("data-file-name") || "");
    if (out) out.textContent = file ? file.name : out.getAttribute("data-empty");
  }
  function upload(input, dropped) {
    var row = input.closest("tr");
    var msg = row.querySelector(".sa-msg");
    var file = dropped || input.files[0];
    if (!file) return;
    showName(input, file);
    var limit = parseInt(input.getAttribute("data-max-bytes"), 10);
    if (file.size > limit) {
      msg.textContent = "Tệp quá lớn (tối đa " + fmt(limit / 1048576) + " MB)";
      return;
    }
    var body = new FormData();
    body.append("file", file);
    body.append("item_code", input.getAttribute("data-upload"));
    msg.textContent = "Đang tải lên…";
    var url = document.getElementById("sa-upload-url").getAttribute("data-url");
    fetch(url, { method: "POST", body: body, credentials: "same-origin",
                 headers: { "X-CSRF-Token": csrf() } })
      .then(function (r) { return r.json().then(function (j) { return [r.ok, j]; }); })
      .then(function (res) {
        if (!res[0]) { msg.textContent = res[1].error ? res[1].error.message : "Lỗi"; return; }
        var li = document.createElement("li");
        li.textContent = res[1].filename;
        row.querySelector(".sa-docs").appendChild(li);
        row.setAttribute("data-evidence", String(parseInt(row.getAttribute("data-evidence"), 10) + 1));
        msg.textContent = "Đã tải lên";
        input.value = "";
        showName(input, null);
        refreshTotals();
      })
      .catch(function () { msg.textContent = "Không kết nối được máy chủ"; });
  }
  document.addEventListener("input", function (e) {
    if (e.target.matches("[data-score], [data-expl]")) refreshTotals();
  });
  document.addEventListener("change", function (e) {
    if (e.target.matches("[data-file-name]")) {
      e.target.setCustomValidity("");
      showName(e.target, e.target.files[0]);
    }
    if (e.target.matches("[data-upload]")) upload(e.target);
  });
  // The button in a file input's label opens the picker from the keyboard too.
  document.addEventListener("keydown", function (e) {
    if (!e.target.matches || !e.target.matches(".file-button")) return;
    if (e.key !== "Enter" && e.key !== " ") return;
    e.preventDefault();
    e.target.closest("label").control.click();
  });
  // The browser's own "Please select a file" would be in English.
  document.addEventListener("invalid", function (e) {
    if (e.target.matches("[data-file-name]") && !e.target.files.length) {
      e.target.setCustomValidity("Hãy chọn tệp trước khi nạp.");
    }
  }, true);
  // A file dropped on an item's row is uploaded as that item's evidence.
  document.addEventListener("dragover", function (e) {
    if (e.target.closest && e.target.closest("tr.sa-leaf")) e.preventDefault();
  });
  document.addEventListener("drop", function (e) {
    var row = e.target.closest && e.target.closest("tr.sa-leaf");
    if (!row || !e.dataTransfer.files.length) return;
    e.preventDefault();
    upload(row.querySelector("[data-upload]"), e.dataTransfer.files[0]);
  });
  document.addEventListener("DOMContentLoaded", refreshTotals);
})();
