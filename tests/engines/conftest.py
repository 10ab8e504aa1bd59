"""The corpora every engine must agree on, and the single-process export they are compared with."""
from __future__ import annotations

import io
from pathlib import Path

import pytest

from pactwatch import api

ROOT = Path(__file__).resolve().parents[2]
SHARED = ROOT.parent / "shared"
# the seeds, the samples and the news dev set, as a user would name them on one command line
CORPORA = [str(SHARED / "seeds"), str(ROOT / "samples"), str(SHARED / "eval" / "news" / "corpus.jsonl")]


def exported(db: str) -> str:
    buf = io.StringIO()
    api.export(db=db, format="jsonl", out=buf)
    return buf.getvalue()


@pytest.fixture(scope="session")
def corpora() -> list[str]:
    missing = [c for c in CORPORA if not Path(c).exists()]
    if missing:
        pytest.skip(f"corpora not found: {', '.join(missing)}")
    return CORPORA


@pytest.fixture(scope="session")
def single_process_export(corpora, tmp_path_factory) -> str:
    """The export after ingesting the corpora in this process: the reference every engine must match."""
    db = str(tmp_path_factory.mktemp("one") / "one.db")
    report = api.ingest(corpora, db=db, workers=1)
    assert report.failed == 0 and report.new >= 30
    return exported(db)
