// Zoom for the server-drawn timeline: drag across the chart (or use the buttons) and the page
// reloads with the chosen range as its from/to filters. Written for pactwatch; no library.
(function () {
  "use strict";
  var box = document.getElementById("timeline-chart");
  var svg = box && box.querySelector("svg");
  var form = document.getElementById("timeline-filters");
  if (!svg || !form) return;
  var DAY = 86400000;
  var first = Date.parse(svg.dataset.first), last = Date.parse(svg.dataset.last) + DAY;
  var x0 = parseFloat(svg.dataset.x0), x1 = parseFloat(svg.dataset.x1);

  function toDate(px) {
    var f = Math.min(1, Math.max(0, (px - x0) / (x1 - x0)));
    return new Date(first + f * (last - first));
  }
  function iso(d) { return d.toISOString().slice(0, 10); }
  function go(from, to) {
    form.elements.start.value = iso(from);
    form.elements.end.value = iso(to);
    form.submit();
  }
  function svgX(event) {
    var point = svg.createSVGPoint();
    point.x = event.clientX; point.y = event.clientY;
    return point.matrixTransform(svg.getScreenCTM().inverse()).x;
  }
  var start = null, band = null;
  svg.addEventListener("mousedown", function (event) {
    if (event.target.closest("a")) return;
    start = svgX(event);
    band = document.createElementNS("http://www.w3.org/2000/svg", "rect");
    band.setAttribute("y", 0); band.setAttribute("height", svg.viewBox.baseVal.height);
    band.setAttribute("fill", "rgba(31,95,168,0.15)"); band.setAttribute("x", start); band.setAttribute("width", 0);
    svg.appendChild(band);
    event.preventDefault();
  });
  svg.addEventListener("mousemove", function (event) {
    if (start === null) return;
    var now = svgX(event);
    band.setAttribute("x", Math.min(start, now)); band.setAttribute("width", Math.abs(now - start));
  });
  window.addEventListener("mouseup", function (event) {
    if (start === null) return;
    var end = svgX(event), a = Math.min(start, end), b = Math.max(start, end);
    start = null;
    if (b - a < 5) { band.remove(); return; }
    go(toDate(a), toDate(b));
  });
  function zoom(factor) {
    var mid = (first + last) / 2, half = (last - first) / 2 * factor;
    go(new Date(mid - half), new Date(mid + half - DAY));
  }
  document.getElementById("zoom-in").addEventListener("click", function () { zoom(0.5); });
  document.getElementById("zoom-out").addEventListener("click", function () { zoom(2); });
})();
