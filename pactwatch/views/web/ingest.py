"""Ingest from the browser or a script: URLs, uploaded files or a JSONL corpus become a job that one
worker process runs through `pactwatch.api.ingest`, reporting each input as it goes.

The worker is a separate process (started on the first job, kept for the next), so the pipeline's
work never holds up the pages, and a crash in it fails the job, not the server. Jobs run one at a
time, in order. Who may ingest: anyone from loopback when no token is set; with a token (`--token`
or PACTWATCH_TOKEN), only a request carrying it."""
from __future__ import annotations

import datetime as dt
import hmac
import itertools
import multiprocessing as mp
import queue
import re
import shutil
import tempfile
import threading
from pathlib import Path
from typing import Any, List, Optional
from urllib.parse import urlsplit

from fastapi import FastAPI, File, Form, HTTPException, Request, UploadFile
from fastapi.responses import JSONResponse, RedirectResponse

from ...api import DEFAULT_MAX_BYTES

LOOPBACK = {"127.0.0.1", "::1", "localhost"}
KEEP_ITEMS = 500  # per-document lines a job keeps (the counts cover all)


def _now() -> str:
    return dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds")


def _worker(db: str, kb_dirs: tuple[str, ...], jobs: Any, events: Any) -> None:
    """The ingest process: one job at a time, every per-input outcome sent back as it happens."""
    from ...api import ingest
    from ...errors import PactwatchError

    while True:
        job = jobs.get()
        if job is None:
            return
        job_id, inputs = job
        try:
            report = ingest(inputs, db=db, kb_dirs=kb_dirs,
                            on_progress=lambda status, source: events.put((job_id, "item", status, source)))
            events.put((job_id, "done", report.summary(), [str(e) for e in report.errors], list(report.warnings)))
        except PactwatchError as e:
            events.put((job_id, "failed", str(e)))
        except Exception as e:  # noqa: BLE001  (the job fails with one line; the worker lives on)
            events.put((job_id, "failed", f"ingest stopped: {type(e).__name__}: {e}"))


class IngestJobs:
    """Submitted jobs, their progress, and the worker process that runs them."""

    def __init__(self, db: str, kb_dirs: tuple[str, ...] = ()):
        self.db, self.kb_dirs = db, tuple(kb_dirs)
        self.jobs: dict[str, dict] = {}
        self._ids = itertools.count(1)
        self._lock = threading.Lock()
        self._process = None
        self._jobs_q = self._events_q = None
        self._dirs: dict[str, str] = {}

    def _start(self) -> None:
        context = mp.get_context("spawn")
        self._jobs_q, self._events_q = context.Queue(), context.Queue()
        self._process = context.Process(target=_worker, args=(self.db, self.kb_dirs, self._jobs_q, self._events_q),
                                        daemon=True, name="pactwatch-ingest")
        self._process.start()
        threading.Thread(target=self._listen, args=(self._process, self._events_q), daemon=True).start()

    def submit(self, inputs: list[str], labels: list[str], expected: int, errors: list[str], folder: str | None) -> dict:
        with self._lock:
            job_id = str(next(self._ids))
            job = {"id": job_id, "status": "queued", "inputs": labels, "expected": expected, "done": 0,
                   "new": 0, "unchanged": 0, "failed": len(errors), "items": [], "errors": list(errors),
                   "warnings": [], "summary": None, "submitted_at": _now(), "finished_at": None}
            self.jobs[job_id] = job
            if folder:
                self._dirs[job_id] = folder
            if not inputs:
                self._finish(job, "done" if not errors else "failed", "nothing to ingest")
                return job
            if self._process is None or not self._process.is_alive():
                self._start()
            self._jobs_q.put((job_id, inputs))
        return job

    def _listen(self, process, events) -> None:
        while True:
            try:
                event = events.get(timeout=1.0)
            except queue.Empty:
                if not process.is_alive():
                    self._lost(process)
                    return
                continue
            except (EOFError, OSError):
                self._lost(process)
                return
            self._apply(event)

    def _lost(self, process) -> None:
        with self._lock:
            for job in self.jobs.values():
                if job["status"] in ("queued", "running"):
                    self._finish(job, "failed", f"the ingest process stopped (exit code {process.exitcode})")

    def _apply(self, event: tuple) -> None:
        job_id, what, *rest = event
        with self._lock:
            job = self.jobs.get(job_id)
            if job is None:
                return
            folder = self._dirs.get(job_id)
            if what == "item":
                status, source = rest
                job["status"] = "running"
                job["done"] += 1
                job[status] = job.get(status, 0) + 1
                if len(job["items"]) < KEEP_ITEMS:
                    job["items"].append({"status": status, "source": _label(source, folder)})
            elif what == "done":
                summary, errors, warnings = rest
                job["errors"] += [_label(e, folder) for e in errors]
                job["warnings"] = [_label(w, folder) for w in warnings]
                job["failed"] = len(job["errors"])
                self._finish(job, "done", summary)
            else:
                self._finish(job, "failed", _label(rest[0], folder))

    def _finish(self, job: dict, status: str, summary: str) -> None:
        job.update(status=status, summary=summary, finished_at=_now())
        folder = self._dirs.pop(job["id"], None)
        if folder:
            shutil.rmtree(folder, ignore_errors=True)

    def recent(self, n: int = 20) -> list[dict]:
        with self._lock:
            return [dict(j, items=j["items"][-20:]) for j in list(self.jobs.values())[-n:]][::-1]

    def get(self, job_id: str) -> dict | None:
        with self._lock:
            job = self.jobs.get(job_id)
            return dict(job) if job else None

    def close(self) -> None:
        if self._process is not None and self._process.is_alive():
            self._jobs_q.put(None)
            self._process.join(timeout=5)
            if self._process.is_alive():
                self._process.terminate()


def _label(text: str, folder: str | None) -> str:
    """An uploaded file is named as the user named it, not by where it waited on disk."""
    return text.replace(folder + "/", "") if folder else text


def refusal(request: Request, supplied: str | None, token: str | None) -> str | None:
    """Why this request may not ingest, or None when it may."""
    origin = request.headers.get("origin")
    if origin and urlsplit(origin).netloc not in ("", request.headers.get("host", "")):
        return f"ingest refused: a page from {origin} may not submit here"
    if token:
        if supplied and hmac.compare_digest(supplied.encode(), token.encode()):
            return None
        return "ingest needs the server's token: send it as 'Authorization: Bearer TOKEN' or in the form's token field"
    host = request.client.host if request.client else ""
    if host in LOOPBACK:
        return None
    return ("ingest is allowed without a token only from this machine; start pactwatch serve with --token "
            "(or PACTWATCH_TOKEN) to ingest from elsewhere")


def _safe_name(name: str, taken: set[str]) -> str:
    base = re.sub(r"[^\w.\-]+", "_", Path(name or "upload").name).strip("._") or "upload"
    candidate, n = base, 1
    while candidate in taken:
        n += 1
        candidate = f"{n}-{base}"
    taken.add(candidate)
    return candidate


def _expected(path: Path) -> int:
    """Documents a file will give: a JSONL corpus one per non-blank line, any other file one."""
    if path.suffix.lower() == ".jsonl":
        with path.open("rb") as f:
            return sum(1 for line in f if line.strip())
    return 1


def mount_ingest(app: FastAPI, respond, twin) -> None:
    jobs: IngestJobs = app.state.jobs

    @twin("/ingest", summary="The ingest form and the latest jobs")
    def ingest_page(request: Request):
        token = app.state.token
        host = request.client.host if request.client else ""
        return respond(request, "ingest.html", {"jobs": jobs.recent(), "token_required": bool(token),
                                                "allowed_here": bool(token) or host in LOOPBACK,
                                                "max_bytes": DEFAULT_MAX_BYTES})

    @app.post("/ingest", summary="Submit URLs (one a line), files or a JSONL corpus; returns the job",
              status_code=202)
    async def ingest_submit(request: Request, urls: str = Form(""), token: Optional[str] = Form(None),
                            files: List[UploadFile] = File(default=[])):
        supplied = token
        auth = request.headers.get("authorization", "")
        if auth.lower().startswith("bearer "):
            supplied = auth[7:].strip()
        reason = refusal(request, supplied, app.state.token)
        if reason:
            raise HTTPException(403, reason)
        inputs, labels, errors, expected = [], [], [], 0
        for line in urls.splitlines():
            url = line.strip()
            if not url:
                continue
            if not url.lower().startswith(("http://", "https://")):
                errors.append(f"{url}: not a web address; give URLs starting with http:// or https://")
                continue
            inputs.append(url)
            labels.append(url)
            expected += 1
        folder = None
        files = [f for f in files if f.filename]
        if files:
            folder = tempfile.mkdtemp(prefix="pactwatch-upload-")
            taken: set[str] = set()
            for upload in files:
                path = Path(folder) / _safe_name(upload.filename, taken)
                size = 0
                with path.open("wb") as out:
                    while chunk := await upload.read(1 << 20):
                        size += len(chunk)
                        if size > DEFAULT_MAX_BYTES:
                            break
                        out.write(chunk)
                if size > DEFAULT_MAX_BYTES:
                    path.unlink()
                    errors.append(f"{upload.filename}: larger than {DEFAULT_MAX_BYTES:,} bytes; split it and upload the parts")
                    continue
                inputs.append(str(path))
                labels.append(path.name)
                expected += _expected(path)
        if not inputs and not errors:
            raise HTTPException(400, "nothing to ingest: give at least one URL or file")
        job = jobs.submit(inputs, labels, expected, errors, folder)
        if "application/json" in request.headers.get("accept", "") or request.url.path.endswith(".json"):
            return JSONResponse(job, status_code=202)
        return RedirectResponse(f"/ingest/jobs/{job['id']}", status_code=303)

    @twin("/ingest/jobs/{job_id}", summary="One ingest job: progress and per-input outcome")
    def ingest_job(request: Request, job_id: str):
        job = jobs.get(job_id)
        if job is None:
            raise HTTPException(404, f"no ingest job {job_id!r} (jobs are kept while the server runs)")
        return respond(request, "ingest_job.html", job, job=job)
