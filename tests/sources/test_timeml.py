"""TimeML in: the text inside <TEXT> without tags, the creation time from <DCT>."""
from __future__ import annotations

import pytest

from pactwatch.errors import InputError
from pactwatch.sources.timeml import read_timeml

TML = """<?xml version="1.0" ?>
<TimeML>
<DOCID>WIRE20240310.0001</DOCID>
<DCT><TIMEX3 tid="t0" type="DATE" value="{dct}" functionInDocument="CREATION_TIME">{dct}</TIMEX3></DCT>
<TEXT>
The <EVENT eid="e1" class="OCCURRENCE">talks</EVENT> in Oslo &amp; Bergen ended <TIMEX3 tid="t1" type="DATE" value="2024-03-08">Friday</TIMEX3>.
</TEXT>
</TimeML>
"""


def write(tmp_path, content: str, name: str = "wire.tml"):
    path = tmp_path / name
    path.write_text(content, encoding="utf-8")
    return path


@pytest.mark.parametrize("dct, published", [
    ("2024-03-10", "2024-03-10"),
    ("1998-02-19T08:02:00", "1998-02-19"),
])
def test_timeml_reads_text_and_dct(tmp_path, dct, published):
    doc = read_timeml(write(tmp_path, TML.format(dct=dct)))
    assert doc.text == "\nThe talks in Oslo & Bergen ended Friday.\n"
    assert doc.published == published
    assert doc.format == "timeml"
    assert doc.source.endswith("wire.tml")


def test_timeml_without_dct_is_undated(tmp_path):
    content = TML.format(dct="x").replace('<DCT><TIMEX3 tid="t0" type="DATE" value="x" functionInDocument="CREATION_TIME">x</TIMEX3></DCT>', "")
    assert read_timeml(write(tmp_path, content)).published is None


@pytest.mark.parametrize("content, reason", [
    ("<TimeML><DOCID>x</DOCID></TimeML>", "no <TEXT>"),
    ("<TimeML><TEXT>A <EVENT eid='e1'broken</TEXT></TimeML>", "unbalanced"),
    ("<TimeML><TEXT>  </TEXT></TimeML>", "empty"),
])
def test_timeml_malformed_raises_input_error(tmp_path, content, reason):
    with pytest.raises(InputError) as e:
        read_timeml(write(tmp_path, content))
    assert reason in e.value.reason


def test_timeml_missing_file_raises_input_error(tmp_path):
    with pytest.raises(InputError, match="not found"):
        read_timeml(tmp_path / "absent.tml")
