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
