"""kill -9 at any moment, then a rerun: the same documents, facts and conflicts as a run never interrupted."""
from __future__ import annotations

import json
import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

import pactwatch

ROOT = Path(__file__).resolve().parents[2]
# reports of one detention that disagree on the count, and of one pledge that disagrees on the sum
REPORTS = [
    ("Harbour workers held", "March 3, 2025", "Dutch customs officers detained 40 Belgian dock workers in Rotterdam on March 2, 2025, officials said."),
    ("Dock arrests rise", "March 4, 2025", "Dutch customs officers detained 65 Belgian dock workers in Rotterdam on March 2, 2025, a union said."),
    ("Rotterdam detentions", "March 5, 2025", "Dutch customs officers detained 40 Belgian dock workers in Rotterdam on March 2, 2025, police said."),
    ("Canal fund agreed", "April 1, 2025", "Belgium pledged $2 billion to the Netherlands for a canal fund on Monday, ministers said."),
    ("Canal fund doubts", "April 2, 2025", "Belgium pledged $3 billion to the Netherlands for a canal fund on Monday, a spokesman said."),
    ("Ports talk trade", "April 3, 2025", "Belgium and the Netherlands agreed on Tuesday to cut port fees by 10 percent next year."),
]


def _corpus(folder: Path) -> Path:
    folder.mkdir()
    for n, (title, published, body) in enumerate(REPORTS):
        (folder / f"r{n}.txt").write_text(f"{title}\n\nPublished on {published}\n\n{body}\n", encoding="utf-8")
    return folder


def _state(db: str) -> tuple:
    """What a user sees: documents, every fact, every conflict (ids and times of ingest aside)."""
    store = pactwatch.Store(db)
    out = []
    for rec in pactwatch.api.records(store):
        rec = {k: v for k, v in rec.items() if k not in ("ingested_at", "conflict_id")}
        out.append(json.dumps(rec, sort_keys=True))
    return tuple(sorted(out))


def _documents(db: str) -> int:
    try:
        with sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=1) as conn:
            return conn.execute("SELECT count(*) FROM documents").fetchone()[0]
    except sqlite3.Error:
        return 0


def _killed_run(folder: Path, db: str, after_documents: int) -> None:
    """An ingest in its own process, killed with SIGKILL as soon as `after_documents` are stored."""
    proc = subprocess.Popen([sys.executable, "-c", "from pactwatch.views.cli import main; main()",
                             "ingest", str(folder), "--db", db, "--batch-size", "1"],
                            env={**os.environ, "PYTHONPATH": str(ROOT)},
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 240
    try:
        while proc.poll() is None and time.monotonic() < deadline:
            if _documents(db) >= after_documents:
                break
            time.sleep(0.02)
    finally:
        proc.send_signal(signal.SIGKILL)
        proc.wait()


@pytest.mark.slow
@pytest.mark.timeout(600)
def test_crash_kill_at_any_moment_then_rerun_equals_an_uninterrupted_run(tmp_path):
    folder = _corpus(tmp_path / "in")
    whole = str(tmp_path / "whole.db")
    pactwatch.ingest([str(folder)], db=whole)
    expected = _state(whole)
    assert any('"kind": "conflict"' in r for r in expected)   # the corpus has something to reconcile
    for moment in (1, 4, len(REPORTS)):
        db = str(tmp_path / f"killed-{moment}.db")
        _killed_run(folder, db, moment)
        pactwatch.ingest([str(folder)], db=db)
        assert _state(db) == expected, f"killed after {moment} documents"


@pytest.mark.slow
@pytest.mark.timeout(600)
def test_concurrent_ingests_of_one_new_database_equal_one_run(tmp_path):
    """Two `pactwatch ingest` processes on the same folder and the same new database at once: both
    finish without error (migrations do not race; a document the other stored first counts
    unchanged), and the database holds what one uninterrupted run gives."""
    folder = _corpus(tmp_path / "in")
    whole = str(tmp_path / "whole.db")
    pactwatch.ingest([str(folder)], db=whole)
    db = str(tmp_path / "shared.db")
    procs = [subprocess.Popen([sys.executable, "-c", "from pactwatch.views.cli import main; main()",
                               "ingest", str(folder), "--db", db, "--batch-size", "1"],
                              env={**os.environ, "PYTHONPATH": str(ROOT)}, stdout=subprocess.PIPE,
                              stderr=subprocess.PIPE, text=True) for _ in range(2)]
    outputs = [p.communicate(timeout=300) for p in procs]
    assert [p.returncode for p in procs] == [0, 0], [err[-500:] for _, err in outputs]
    new = sum(int(out.split("ingested: ", 1)[1].split(" new")[0]) for out, _ in outputs)
    assert new == len(REPORTS)
    assert _state(db) == _state(whole)
