"""Offices given in the text checked against the KB on the document's date (reconcile/titles.py)."""
from __future__ import annotations

from reconcile_records import FakeKB, doc, event

from pactwatch.reconcile import find_conflicts
from pactwatch.reconcile.titles import check_titles, doc_date


class TitledKB(FakeKB):
    titles: list = []
    heads = {"president"}

    def state_of(self, kb_id):
        return kb_id


KB = TitledKB([
    {"id": "P1", "name": "Alice Park", "type": "PERSON", "aliases": [],
     "roles": [{"role": "president", "of": "gpe:FRE", "start": "2021-03-01", "end": None}]},
    {"id": "P2", "name": "Victor Lund", "type": "PERSON", "aliases": [],
     "roles": [{"role": "finance minister", "of": "gpe:FRE", "start": "2022-01-10", "end": None}]},
    {"id": "P3", "name": "Nora Brandt", "type": "PERSON", "aliases": [],
     "roles": [{"role": "trade minister", "of": "gpe:FRE", "start": "2022-01-10", "end": None}]},
    {"id": "P4", "name": "Ida Moss", "type": "PERSON", "aliases": [],   # the KB's latest date: its horizon
     "roles": [{"role": "ambassador", "of": "gpe:FRE", "start": "2025-04-01", "end": None}]},
    {"id": "gpe:FRE", "name": "Freedonia", "type": "GPE", "aliases": [], "roles": []},
])


def claim(name, title, roles, kb_id=None, former=False, country="gpe:FRE", quote=None):
    quote = quote or f"{'former ' if former else ''}{title.title()} {name}"
    return {"name": name, "kb_id": kb_id, "title": title, "roles": roles, "country": country, "former": former,
            "start": 10, "end": 10 + len(quote), "quote": quote}


def test_former_while_in_office_is_a_conflict():
    found = check_titles("d", "src", [claim("Alice Park", "president", ["president"], "P1", former=True)],
                         "2025-05-01", KB)
    assert len(found) == 1 and found[0]["type"] == "office"
    assert found[0]["items"][0]["quote"] == "former President Alice Park"
    assert found[0]["items"][1]["source"] == "knowledge base"
    # before the term began "former" is not contradicted by it; long past the KB's horizon nothing is checked
    assert check_titles("d", "src", [claim("Alice Park", "president", ["president"], "P1", former=True)],
                        "2019-05-01", KB) == []
    assert check_titles("d", "src", [claim("Alice Park", "president", ["president"], "P1", former=True)],
                        "2026-05-01", KB) == []


def test_an_office_the_person_does_not_hold_is_a_conflict():
    found = check_titles("d", "src", [claim("Nora Brandt", "finance minister", ["finance minister"], "P3")],
                         "2025-05-01", KB)
    assert len(found) == 1 and "trade minister" in found[0]["reason"]
    # the office they hold is not
    assert check_titles("d", "src", [claim("Nora Brandt", "trade minister", ["trade minister"], "P3")],
                        "2025-05-01", KB) == []


def test_an_unknown_person_in_an_office_the_kb_gives_to_someone_else():
    found = check_titles("d", "src", [claim("Nora Brand", "finance minister", ["finance minister"])], "2025-05-01", KB)
    assert len(found) == 1
    assert "Victor Lund" in found[0]["reason"] and "Nora Brandt" in found[0]["reason"]  # the holder, the namesake


def test_a_title_of_function_or_without_a_state_is_not_checked():
    assert check_titles("d", "src", [claim("Nora Brandt", "negotiator", ["ambassador"], "P3", country=None)],
                        "2025-05-01", KB) == []
    assert check_titles("d", "src", [claim("Sam Ode", "finance minister", ["finance minister"], country=None)],
                        "2025-05-01", KB) == []


def test_the_document_date_falls_back_to_the_latest_date_its_facts_state():
    assert doc_date(None, None, ["2025-03", "2025-04-02", "2024-12-30", None]) == "2025-04-02"
    assert doc_date("2025-06-01", None, ["2025-04-02"]) == "2025-06-01"


def test_title_claims_filed_on_facts_reach_the_document_check():
    record = event("t", "CONSULT", "Finance Minister Nora Brandt met bankers", date="2025-05-02")
    record["titles"] = [claim("Nora Brandt", "finance minister", ["finance minister"], "P3")]
    conflicts = find_conflicts([doc("t", "2025-05-03"), record], kb=KB)
    assert [c["type"] for c in conflicts] == ["office"]
