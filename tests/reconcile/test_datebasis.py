"""How an event's date was arrived at: stated in its quote, relative or qualified, or only its document's date."""
from __future__ import annotations

from datetime import date

import pytest

from pactwatch.reconcile.datebasis import EXPLICIT, IMPLICIT, RELATIVE, date_basis, date_window, is_relative_text

QUOTE = "the envoys met in the capital"


def _record(quote: str, value: str, start: int = 1000) -> dict:
    return {"date": value, "quote": quote, "start": start, "end": start + len(quote)}


def _timex(quote: str, text: str, value: str, start: int = 1000) -> dict:
    return {"text": text, "value": value, "start": start + quote.index(text), "end": start + quote.index(text) + len(text)}


@pytest.mark.parametrize("text, relative", [
    ("March 3", False), ("2024", False), ("the spring of 2024", False), ("3/4/2024", False),
    ("three weeks ago", True), ("Thursday", True), ("last month", True), ("yesterday", True), ("this year", True),
])
def test_datebasis_relative_text(text, relative):
    assert is_relative_text(text) is relative


def test_datebasis_a_date_stated_in_the_quote_is_explicit():
    quote = "the envoys met on March 3 in the capital"
    assert date_basis(_record(quote, "2024-03-03"), [_timex(quote, "March 3", "2024-03-03")],
                      ("2024-03-10",)) == EXPLICIT


def test_datebasis_the_documents_date_without_a_timex_in_the_quote_is_implicit():
    # the dateline carries the date; the statement itself says nothing of when
    dateline = {"text": "March 10, 2024", "value": "2024-03-10", "start": 0, "end": 14}
    assert date_basis(_record(QUOTE, "2024-03-10"), [dateline], ("2024-03-10", None)) == IMPLICIT
    # the anchor, when the text resolved its dates against one other than the publication date
    assert date_basis(_record(QUOTE, "2024-03-09"), [dateline], ("2024-03-10", "2024-03-09")) == IMPLICIT
    # a date from a neighbouring sentence that is not the document's own date is still the text's
    assert date_basis(_record(QUOTE, "2024-03-03"), [dateline], ("2024-03-10", None)) == EXPLICIT


def test_datebasis_a_timex_inside_the_quote_with_another_value_does_not_state_the_date():
    quote = "the envoys, who met in 2019, met again"
    assert date_basis(_record(quote, "2024-03-10"), [_timex(quote, "2019", "2019")], ("2024-03-10",)) == IMPLICIT


@pytest.mark.parametrize("quote, text, value, basis", [
    ("the envoys met three weeks ago", "three weeks ago", "2024-W07", RELATIVE),
    ("the envoys met on Thursday", "Thursday", "2024-03-07", RELATIVE),
    ("the envoys met about a year ago", "a year ago", "2023", RELATIVE),
    ("the envoys met before March 3", "March 3", "2024-03-03", RELATIVE + ":before"),
    ("the envoys have met since March 3", "March 3", "2024-03-03", RELATIVE + ":after"),
    ("the envoys met in early March", "March", "2024-03", RELATIVE),
])
def test_datebasis_relative_or_qualified_dates(quote, text, value, basis):
    assert date_basis(_record(quote, value), [_timex(quote, text, value)], ("2024-03-10",)) == basis


@pytest.mark.parametrize("quote, value, basis", [
    ("the envoys met", "2024-03-10", IMPLICIT),                  # the publication date
    ("the envoys met today", "2024-03-10", IMPLICIT),            # the quote is not re-read: the pipeline
    ("the envoys met on March 10", "2024-03-10", IMPLICIT),      # settles these when it reads the text
    ("the envoys met", "2024-03-03", EXPLICIT),                  # not the document's date: from nearby text
])
def test_datebasis_without_timex_records_only_the_anchor_tells(quote, value, basis):
    assert date_basis(_record(quote, value), None, ("2024-03-10",)) == basis


def test_datebasis_a_basis_the_pipeline_settled_is_kept():
    from pactwatch.reconcile.model import event_mention
    record = {**_record("the envoys met on Wednesday", "2024-03-06"), "date_basis": "relative", "year_stated": False}
    m = event_mention(record, None)
    assert (m.basis, m.year_stated) == ("relative", False)
    assert m.window[0] < date(2024, 3, 6) < m.window[1]


def test_datebasis_windows():
    assert date_window("2024-03-03", EXPLICIT) == (date(2024, 3, 3), date(2024, 3, 3))
    assert date_window("2024-03-03", IMPLICIT) is None
    assert date_window("2024-03-03", RELATIVE) == (date(2024, 2, 25), date(2024, 3, 10))
    assert date_window("2024-03", RELATIVE) == (date(2024, 1, 30), date(2024, 5, 1))
    assert date_window("2024-03-03", RELATIVE + ":before") == (date.min, date(2024, 3, 3))
    assert date_window(None, EXPLICIT) is None


def test_states_year_reads_the_expression_that_gives_the_date():
    from pactwatch.reconcile.datebasis import states_year, timexes_in_quote
    record = {"date": "2024-04-04", "quote": "removing him from office", "start": 50, "end": 74}
    # the date comes from the clause before the statement, where the year is written out
    written = [{"start": 20, "end": 33, "text": "April 4, 2024", "value": "2024-04-04"}]
    assert states_year(record, written) is True
    # only "April 4": the year was the extractor's
    assert states_year(record, [{"start": 20, "end": 27, "text": "April 4", "value": "2024-04-04"}]) is False
    # an expression inside the statement outranks one elsewhere in the text
    inside = {"date": "2024-04-04", "quote": "he left on April 4", "start": 100, "end": 118}
    both = written + [{"start": 111, "end": 118, "text": "April 4", "value": "2024-04-04"}]
    assert states_year(inside, both) is False
    # without timex records, only the statement can show it
    assert states_year({"date": "2024-04-04", "quote": "he left on April 4, 2024"}, None) is True
    assert states_year({"date": "2024-04-04", "quote": "he left on April 4"}, None) is None
    assert timexes_in_quote(inside, both) == [[11, 18, "2024-04-04"]]
    assert timexes_in_quote(inside, None) is None


def test_datebasis_a_users_kb_words_bound_a_date_and_name_a_month(tmp_path):
    from pactwatch.reconcile import knowledge_for
    quote = "the envoys were to meet no later than March 3 in the capital"
    record, timexes = _record(quote, "2024-03-03"), [_timex(quote, "March 3", "2024-03-03")]
    assert date_basis(record, timexes, ("2024-03-10",)) == EXPLICIT
    (tmp_path / "referents.toml").write_text('date_before_words = ["later"]\n', encoding="utf-8")
    (tmp_path / "time_words.toml").write_text('[months]\n"marzo" = 3\n', encoding="utf-8")
    folders = knowledge_for([str(tmp_path)]).folders
    assert date_basis(record, timexes, ("2024-03-10",), folders) == f"{RELATIVE}:before"
    assert is_relative_text("marzo 3") and not is_relative_text("marzo 3", folders)
