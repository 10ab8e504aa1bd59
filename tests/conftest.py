"""Shared fixtures: one pipeline per test session (loading it takes a second), fresh stores."""
from __future__ import annotations

from pathlib import Path

import pytest

SHARED = Path(__file__).resolve().parents[1].parent / "shared"


@pytest.fixture(scope="session")
def nlp():
    from pactwatch import pipeline
    return pipeline.load()


@pytest.fixture
def annotate(nlp):
    """annotate(text, dct=None) -> the Doc after the whole pipeline."""
    from pactwatch import pipeline

    def run(text: str, dct: str | None = None):
        return next(pipeline.annotate(nlp, [(text, dct, [])]))
    return run


@pytest.fixture
def fresh_store(tmp_path):
    """A new SQLite store in a temporary folder."""
    from pactwatch.store import Store
    return Store(tmp_path / "test.db")


@pytest.fixture(scope="session")
def postgres_url(tmp_path_factory):
    """A real PostgreSQL server started for this test session (tools/pgserver.py), or a skip with
    the reason when none can be started here."""
    from pgserver import Unavailable, throwaway_postgres
    base = tmp_path_factory.mktemp("pg")
    try:
        with throwaway_postgres(base, reach_from=tmp_path_factory.getbasetemp().parent) as url:
            yield url
    except Unavailable as e:
        pytest.skip(str(e))
