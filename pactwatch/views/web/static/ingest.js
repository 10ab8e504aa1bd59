// An ingest job's page: poll its JSON twin until it finishes and show the counts and lines as they come.
(function () {
  "use strict";
  var box = document.getElementById("job");
  if (!box) return;
  function list(id, lines, cls) {
    var ul = document.getElementById(id);
    ul.textContent = "";
    lines.forEach(function (line) {
      var li = document.createElement("li");
      if (cls) li.className = cls(line);
      li.textContent = typeof line === "string" ? line : line.status + ": " + line.source;
      ul.appendChild(li);
    });
  }
  function poll() {
    fetch("/ingest/jobs/" + encodeURIComponent(box.dataset.job) + ".json").then(function (r) { return r.json(); })
      .then(function (job) {
        document.getElementById("job-status").textContent = job.status;
        document.getElementById("job-status").className = "status-" + job.status;
        document.getElementById("job-summary").textContent = job.summary || "";
        var bar = document.getElementById("job-progress");
        bar.max = Math.max(job.expected, job.done, 1); bar.value = job.done;
        document.getElementById("job-counts").textContent = job.done + " of about " + job.expected + " documents: " +
          job.new + " new, " + job.unchanged + " unchanged, " + job.failed + " failed";
        list("job-errors", job.errors.length ? job.errors : []);
        list("job-items", job.items, function (i) { return "status-" + i.status; });
        if (job.status === "queued" || job.status === "running") setTimeout(poll, 1000);
      });
  }
  if (box.dataset.status === "queued" || box.dataset.status === "running") setTimeout(poll, 500);
})();
