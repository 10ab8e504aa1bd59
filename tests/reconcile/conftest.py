"""Fixtures for reconciliation tests; the record builders live in reconcile_records.py."""
from __future__ import annotations

import pytest

from reconcile_records import FakeKB


@pytest.fixture
def leaders_kb() -> FakeKB:
    return FakeKB([
        {"id": "Q1", "name": "Alice Park", "type": "PERSON", "aliases": ["President Park"], "acts_for": None,
         "roles": [{"role": "president", "of": "Q2", "start": "2013-03-01", "end": "2017-03-01"},
                   {"role": "president", "of": "Q2", "start": "2021-03-01", "end": None}]},
        {"id": "Q2", "name": "Freedonia", "type": "GPE", "aliases": [], "acts_for": None, "roles": []},
        {"id": "Q3", "name": "Sylvania", "type": "GPE", "aliases": [], "acts_for": None, "roles": []},
        {"id": "Q4", "name": "Freedonian Border Agency", "type": "ORG", "aliases": [], "acts_for": "Q2",
         "roles": []},
    ])
