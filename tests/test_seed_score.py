"""The seeds scored as the CEO scores them, with minimums at what pactwatch reaches (raise them
as extraction improves; never lower them)."""
from __future__ import annotations

import pytest

from scoring import SHARED, assert_scores

MINIMUMS = {
    "entity_f1": 0.95, "entity_typed_f1": 0.95,
    "timex_f1": 0.95, "timex_value": 0.95,
    "quantity_f1": 0.95, "quantity_holder": 0.9, "quantity_target": 0.9, "quantity_status": 0.9,
    "event_f1": 0.8, "event_modality": 0.85,
    "conflict_recall": 1.0, "provenance": 1.0,
}


@pytest.mark.slow
def test_seed_score_meets_minimums(tmp_path):
    assert_scores(tmp_path, SHARED / "seeds", SHARED / "eval" / "gold", SHARED / "seeds", MINIMUMS)
