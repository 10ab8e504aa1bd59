"""TimeML out: our TIMEX3 tags in the original text, nothing else changed, readable by the scorer."""
from __future__ import annotations

import importlib.util
import re
from pathlib import Path

import pytest

from pactwatch.sources.timeml import read_timeml
from pactwatch.views.timeml import file_name, tagged, write_timeml

SCORER = Path(__file__).resolve().parents[2].parent / "shared" / "eval" / "timeml_score.py"

TML = """<?xml version="1.0" ?>
<TimeML>
<DOCID>WIRE20240310.0001</DOCID>
<DCT><TIMEX3 tid="t0" type="DATE" value="2024-03-10" functionInDocument="CREATION_TIME">20240310</TIMEX3></DCT>
<TEXT>
The <EVENT eid="e1" class="OCCURRENCE">talks</EVENT> in Oslo &amp; Bergen ended <TIMEX3 tid="t9" type="DATE" value="1999">Friday</TIMEX3> after three days.
</TEXT>
</TimeML>
"""


def scorer():
    spec = importlib.util.spec_from_file_location("timeml_score", SCORER)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def ours(text: str) -> list[dict]:
    friday = text.index("Friday")
    days = text.index("three days")
    return [{"start": friday, "end": friday + 6, "type": "DATE", "value": "2024-03-08"},
            {"start": days, "end": days + 10, "type": "DURATION", "value": "P3D"}]


def test_timeml_writes_our_tags_in_the_original_file(tmp_path):
    src = tmp_path / "in" / "wire.tml"
    src.parent.mkdir()
    src.write_text(TML, encoding="utf-8")
    doc = read_timeml(src)
    out = write_timeml({"source": str(src), "text": doc.text, "published": doc.published}, ours(doc.text), tmp_path / "out")
    assert out.name == "wire.tml"
    written = out.read_text(encoding="utf-8")
    # everything outside <TEXT> as it was; inside, the same characters
    assert written.split("<TEXT>")[0] == TML.split("<TEXT>")[0]
    assert read_timeml(out).text == doc.text
    plain, found = scorer().timexes(out)
    assert plain == doc.text
    assert [(t["text"], t["type"], t["value"]) for t in found] == [
        ("Friday", "DATE", "2024-03-08"), ("three days", "DURATION", "P3D")]


def test_timeml_scores_perfectly_against_itself(tmp_path):
    gold = tmp_path / "gold"
    gold.mkdir()
    src = tmp_path / "in" / "wire.tml"
    src.parent.mkdir()
    src.write_text(TML, encoding="utf-8")
    doc = read_timeml(src)
    write_timeml({"source": str(src), "text": doc.text, "published": doc.published}, ours(doc.text), gold)
    out = tmp_path / "out"
    write_timeml({"source": str(src), "text": doc.text, "published": doc.published}, ours(doc.text), out)
    assert scorer().main([str(gold), str(out)]) == 0


def test_timeml_other_documents_get_a_minimal_file(tmp_path):
    text = "Talks <resumed> on Monday & ended."
    monday = text.index("Monday")
    out = write_timeml({"source": "/articles/talks.txt", "text": text, "published": "2024-03-10"},
                       [{"start": monday, "end": monday + 6, "type": "DATE", "value": "2024-03-11"}], tmp_path)
    assert out.name == "talks.tml"
    plain, found = scorer().timexes(out)
    assert plain == text
    assert found[0]["value"] == "2024-03-11"
    assert 'value="2024-03-10"' in out.read_text()


@pytest.mark.parametrize("source, name", [
    ("/data/APW19980807.0261.tml", "APW19980807.0261.tml"),
    ("news/seoul.txt", "seoul.tml"),
    ("corpus.jsonl#17", "corpus.tml"),
    ("https://example.org/news/story.html", "story.tml"),
])
def test_timeml_file_name(source, name):
    assert file_name(source) == name


def test_timeml_overlapping_spans_keep_the_first():
    text = "from June to July"
    spans = [{"start": 5, "end": 17, "type": "DATE", "value": "X"}, {"start": 13, "end": 17, "type": "DATE", "value": "Y"}]
    assert len(re.findall("<TIMEX3", tagged(text, spans))) == 1
