// The document view: bring the quote a link asked for into view, and let the reader hide the marks.
(function () {
  "use strict";
  var text = document.getElementById("text");
  var quote = text && text.querySelector("[data-quote]");
  if (quote && location.hash === "#quote") quote.scrollIntoView({ block: "center" });
  var toggle = document.getElementById("toggle-marks");
  if (toggle) toggle.addEventListener("change", function () { text.classList.toggle("plain", !toggle.checked); });
})();
