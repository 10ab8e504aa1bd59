"""The news development set (18 real articles from 18 outlets, ../shared/eval/news) scored as the
CEO scores it, through the CLI, with minimums at what pactwatch reaches (raise them as extraction
improves; never lower them). flagged_agreements is scored as minus the count: 0 means none."""
from __future__ import annotations

import pytest

from scoring import SHARED, assert_scores

NEWS = SHARED / "eval" / "news"
MINIMUMS = {
    "entity_f1": 0.98, "entity_typed_f1": 0.98,
    "timex_f1": 0.97, "timex_value": 0.96,
    "quantity_f1": 0.94, "quantity_holder": 0.92, "quantity_target": 0.86, "quantity_status": 0.9,
    "event_f1": 0.72, "event_modality": 0.88,
    "conflict_recall": 0.83, "provenance": 1.0, "flagged_agreements": 0,
}


@pytest.mark.slow
def test_news_score_meets_minimums(tmp_path):
    assert_scores(tmp_path, NEWS / "corpus.jsonl", NEWS / "gold", NEWS / "texts", MINIMUMS)
