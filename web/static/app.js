// 留痕: keyboard help for the search page and small touches; no inline scripts (CSP).
(function () {
  "use strict";
  function results() {
    return Array.prototype.slice.call(document.querySelectorAll("#results .provision a"));
  }
  document.addEventListener("keydown", function (event) {
    var target = event.target;
    var typing = target && (target.tagName === "INPUT" || target.tagName === "TEXTAREA" ||
      target.tagName === "SELECT");
    var box = document.getElementById("q");
    if (event.key === "/" && !typing && box) {
      event.preventDefault();
      box.focus();
      box.select();
      return;
    }
    if (event.key !== "ArrowDown" && event.key !== "ArrowUp") return;
    var links = results();
    if (!links.length) return;
    if (typing && target !== box) return;
    var at = links.indexOf(document.activeElement);
    if (event.key === "ArrowDown") {
      event.preventDefault();
      links[Math.min(at + 1, links.length - 1)].focus();
    } else if (at >= 0) {
      event.preventDefault();
      if (at === 0 && box) box.focus(); else links[at - 1].focus();
    }
  });
  // A confirmation on forms that write (data-confirm), without inline handlers.
  document.addEventListener("submit", function (event) {
    var form = event.target;
    var text = form && form.getAttribute && form.getAttribute("data-confirm");
    if (text && !window.confirm(text)) event.preventDefault();
  });
})();
