"""Reconciliation end to end: short articles written for these tests, ingested through the CLI, then read
back through `pactwatch conflicts --json`, the JSONL export's conflict records and the stored clusters.

Each scenario is a small corpus of its own: sources that disagree on a figure or a date, that agree,
that tell a value's evolution, that give approximate figures, and that misdate a leader's removal.
"""
from __future__ import annotations

import json

import pytest
from typer.testing import CliRunner

from pactwatch.store import Store
from pactwatch.views.cli import app

pytestmark = pytest.mark.slow


def _article(title: str, author: str, published: str, body: str) -> str:
    return f"{title}\n\nBy {author}\nPublished on {published}\n\n{body}\n"


RAID = "at a battery plant in Georgia on September 4, 2025"

CORPORA = {
    "figures_disagree": {
        "raid_a.txt": _article("Raid at Georgia plant leaves Korean workers in custody", "Dana Cole",
                               "September 6, 2025",
                               f"U.S. immigration agents detained 120 South Korean workers {RAID}, officials said. "
                               "The workers were taken to a holding facility."),
        "raid_b.txt": _article("Seoul protests detention of its nationals", "Min-ji Seo", "September 7, 2025",
                               f"U.S. immigration agents detained 180 South Korean workers {RAID}, the foreign "
                               "ministry in Seoul said."),
    },
    "dates_disagree": {
        "pact_a.txt": _article("Allies sign shipbuilding pact in Gyeongju", "Dana Cole", "November 3, 2025",
                               "South Korea and the United States signed a shipbuilding cooperation memorandum in "
                               "Gyeongju on October 29, 2025, officials from both governments said."),
        "pact_b.txt": _article("Shipbuilding pact signed at last", "Min-ji Seo", "November 5, 2025",
                               "South Korea and the United States signed a shipbuilding cooperation memorandum in "
                               "Gyeongju on November 2, 2025, officials from both governments said."),
    },
    "agree": {
        "troops_a.txt": _article("Alliance steady despite trade rows", "Dana Cole", "August 20, 2025",
                                 "The United States keeps 28,500 troops in South Korea, a number both governments "
                                 "said would not change."),
        "troops_b.txt": _article("Pentagon review spares Korea garrison", "Min-ji Seo", "August 22, 2025",
                                 "About 28,500 American troops remain stationed in South Korea, the Pentagon said "
                                 "on Friday."),
    },
    "evolve": {
        "tariff_a.txt": _article("Trump threatens steep tariff on Korean goods", "Dana Cole", "April 10, 2025",
                                 "President Donald Trump threatened on April 9, 2025 to impose a 25 percent tariff "
                                 "on imports from South Korea."),
        "tariff_b.txt": _article("Seoul and Washington strike trade deal", "Min-ji Seo", "July 31, 2025",
                                 "The United States agreed on July 30, 2025 to set its tariff on South Korean goods "
                                 "at 15 percent, officials said."),
    },
    "approximate_overlap": {
        "held_a.txt": _article("Workers held after plant raid", "Dana Cole", "September 6, 2025",
                               f"U.S. immigration agents detained more than 100 South Korean workers {RAID}, "
                               "officials said."),
        "held_b.txt": _article("Detentions strain the alliance", "Min-ji Seo", "September 8, 2025",
                               f"U.S. immigration agents detained about 150 South Korean workers {RAID}, according "
                               "to the foreign ministry."),
    },
    "approximate_apart": {
        "held_a.txt": _article("Workers held after plant raid", "Dana Cole", "September 6, 2025",
                               f"U.S. immigration agents detained about 120 South Korean workers {RAID}, "
                               "officials said."),
        "held_b.txt": _article("Detentions strain the alliance", "Min-ji Seo", "September 8, 2025",
                               f"U.S. immigration agents detained about 180 South Korean workers {RAID}, according "
                               "to the foreign ministry."),
    },
    "three_outlets": {
        "drill_a.txt": _article("Allies open joint naval drill", "Dana Cole", "March 11, 2025",
                                "The United States and Japan deployed 6,000 sailors to a joint naval drill off "
                                "Okinawa on March 10, 2025, the navy said."),
        "drill_b.txt": _article("Naval drill larger than planned", "Min-ji Seo", "March 12, 2025",
                                "The United States and Japan deployed 9,000 sailors to a joint naval drill off "
                                "Okinawa on March 10, 2025, according to the defense ministry in Tokyo."),
        "drill_c.txt": _article("Okinawa drill draws protests", "Ravi Menon", "March 13, 2025",
                                "The United States and Japan deployed 2,500 sailors to a joint naval drill off "
                                "Okinawa on March 10, 2025, local officials said."),
    },
    "titles": {
        "visit_a.txt": _article("Envoys prepare Seoul visit", "Dana Cole", "June 12, 2025",
                                "Former President Donald Trump will host South Korean officials at the White House "
                                "next week, aides said on June 11, 2025."),
        "visit_b.txt": _article("Trade talks resume", "Min-ji Seo", "June 13, 2025",
                                "Commerce Secretary Howard Lutnick met South Korean negotiators in Washington on "
                                "June 12, 2025."),
    },
    "paid_and_ceiling": {
        "fund_a.txt": _article("Norway hands Washington its fund", "Dana Cole", "March 3, 2025",
                               "Norway gave the United States $40 billion upfront for a joint energy fund, "
                               "President Donald Trump said on March 2, 2025."),
        "fund_b.txt": _article("Oslo details the energy fund", "Min-ji Seo", "April 10, 2025",
                               "Norway will provide loans and guarantees to the United States for up to $40 billion "
                               "under the energy fund, its finance minister said on April 9, 2025."),
    },
    "turned_down": {
        "pledge_a.txt": _article("Allies sign defence pledge", "Dana Cole", "June 28, 2025",
                                 "The 30 members of the alliance, including Portugal, signed a declaration in Lisbon "
                                 "on Friday, committing to spend 4% of their GDP on defence by 2032. Portugal could "
                                 "meet its targets by dedicating 2% of its GDP to defence, rather than the 4% "
                                 "requested by the United States, its prime minister said."),
    },
    "removal_misdated": {
        "court_a.txt": _article("Court ends a presidency", "Dana Cole", "April 7, 2025",
                                "The Constitutional Court removed President Yoon Suk Yeol from office on April 4, "
                                "2025, ending months of turmoil."),
        "court_b.txt": _article("A year of upheaval in Seoul", "Min-ji Seo", "November 20, 2025",
                                "Yoon Suk Yeol was removed from office on April 4, 2024. In December 2024, "
                                "President Yoon declared martial law, and the National Assembly impeached him on "
                                "December 14, 2024."),
    },
}


def _run(*args: str):
    result = CliRunner().invoke(app, list(args))
    assert result.exit_code == 0, result.output
    return result


def _ingest(tmp_path, name: str, *extra: str) -> str:
    folder = tmp_path / name
    if not folder.exists():
        folder.mkdir()
        for file, text in CORPORA[name].items():
            (folder / file).write_text(text, encoding="utf-8")
    db = str(tmp_path / f"{name}.db")
    _run("ingest", str(folder), "--db", db, *extra)
    return db


def _conflicts(db: str) -> list[dict]:
    return json.loads(_run("conflicts", "--db", db, "--json").stdout)


def _exported_conflicts(db: str) -> list[dict]:
    records = [json.loads(line) for line in _run("export", "--db", db, "--format", "jsonl").stdout.splitlines()]
    return [r for r in records if r["kind"] == "conflict"]


def _files(conflict: dict) -> list[str]:
    return sorted((item.get("source") or "").rsplit("/", 1)[-1] for item in conflict["items"])


def test_cli_two_sources_disagreeing_on_a_count_are_one_value_conflict(tmp_path):
    db = _ingest(tmp_path, "figures_disagree")
    conflicts = _conflicts(db)
    assert [c["type"] for c in conflicts] == ["value"]
    assert _files(conflicts[0]) == ["raid_a.txt", "raid_b.txt"]
    assert sorted(item["value"] for item in conflicts[0]["items"]) == ["120 persons", "180 persons"]
    assert conflicts[0]["reason"].endswith(".")
    # the export carries the same conflict in FORMAT.md's shape
    exported = _exported_conflicts(db)
    assert len(exported) == 1
    assert exported[0]["about"] and len(exported[0]["items"]) == 2
    for item in exported[0]["items"]:
        assert {"doc_id", "quote", "value"} <= set(item)
        assert "detained" in item["quote"]


def test_cli_two_sources_disagreeing_on_a_signing_date_are_one_date_conflict(tmp_path):
    db = _ingest(tmp_path, "dates_disagree")
    conflicts = _conflicts(db)
    assert [c["type"] for c in conflicts] == ["date"]
    assert sorted(item["value"] for item in conflicts[0]["items"]) == ["2025-10-29", "2025-11-02"]
    assert _files(conflicts[0]) == ["pact_a.txt", "pact_b.txt"]
    assert len(_exported_conflicts(db)) == 1


def test_cli_sources_that_agree_make_one_fact_with_both_behind_it(tmp_path):
    db = _ingest(tmp_path, "agree")
    assert _conflicts(db) == []
    assert _exported_conflicts(db) == []
    troops = [c for c in Store(db).clusters("quantity") if c["measure"] == "troop_level"]
    assert len(troops) == 1
    assert troops[0]["source_count"] == 2
    assert sorted(m["source"].rsplit("/", 1)[-1] for m in troops[0]["mentions"]) == ["troops_a.txt",
                                                                                    "troops_b.txt"]


def test_cli_a_value_that_changes_over_time_is_an_evolution_not_a_conflict(tmp_path):
    db = _ingest(tmp_path, "evolve")
    assert _conflicts(db) == []
    tariffs = [c for c in Store(db).clusters("quantity") if c["measure"] == "tariff_rate"]
    # in time order: the April threat, then the July agreement
    assert [(c["value"], c["status"]) for c in tariffs] == [(25.0, ["threatened"]), (15.0, ["agreed"])]


def test_cli_approximate_figures_conflict_only_when_their_ranges_cannot_meet(tmp_path):
    assert _conflicts(_ingest(tmp_path, "approximate_overlap")) == []   # more than 100, about 150
    apart = _conflicts(_ingest(tmp_path, "approximate_apart"))          # about 120, about 180
    assert [c["type"] for c in apart] == ["value"]
    assert sorted(item["value"] for item in apart[0]["items"]) == ["about 120 persons", "about 180 persons"]


def test_cli_a_misdated_removal_is_flagged_against_the_kb_the_text_and_the_other_source(tmp_path):
    db = _ingest(tmp_path, "removal_misdated")
    conflicts = _conflicts(db)
    by_type = {c["type"]: c for c in conflicts}
    assert sorted(by_type) == ["date", "knowledge"]
    knowledge = by_type["knowledge"]
    assert knowledge["items"][0]["quote"] == "Yoon Suk Yeol was removed from office on April 4, 2024"
    assert knowledge["items"][1]["source"] == "knowledge base"
    # the text's own later report of him impeached while in office stands behind the claim's error
    assert any("impeached him on December 14, 2024" in item["quote"] for item in knowledge["items"])
    assert sorted(item["value"] for item in by_type["date"]["items"]) == ["2024-04-04", "2025-04-04"]
    # the correct report alone raises nothing
    assert all(item["quote"] != ("The Constitutional Court removed President Yoon Suk Yeol from office on "
                                 "April 4, 2025") or c["type"] == "date" for c in conflicts for item in c["items"])


def test_cli_forced_reingest_does_not_duplicate_clusters_or_conflicts(tmp_path):
    db = _ingest(tmp_path, "figures_disagree")
    store = Store(db)
    before = (sorted(c["cluster_id"] for c in store.clusters()), sorted(c["conflict_id"] for c in _conflicts(db)))
    assert before[1]
    _ingest(tmp_path, "figures_disagree", "--force")
    after = (sorted(c["cluster_id"] for c in Store(db).clusters()), sorted(c["conflict_id"] for c in _conflicts(db)))
    assert after == before
    assert len(_exported_conflicts(db)) == 1


def test_cli_three_outlets_disagreeing_on_a_count_are_one_conflict_with_three_sides(tmp_path):
    db = _ingest(tmp_path, "three_outlets")
    conflicts = _conflicts(db)
    assert [c["type"] for c in conflicts] == ["value"]
    conflict = conflicts[0]
    assert _files(conflict) == ["drill_a.txt", "drill_b.txt", "drill_c.txt"]
    assert sorted(item["value"] for item in conflict["items"]) == ["2,500 persons", "6,000 persons", "9,000 persons"]
    # every side says who said it and when, in the order the outlets published
    assert [item["date"] for item in conflict["items"]] == ["2025-03-11", "2025-03-12", "2025-03-13"]
    assert all("sailors" in item["quote"] for item in conflict["items"])
    assert conflict["severity"] == "high" and " vs " in conflict["about"]
    assert len(_exported_conflicts(db)) == 1


def test_cli_an_office_the_kb_contradicts_is_flagged_and_a_right_one_is_not(tmp_path):
    db = _ingest(tmp_path, "titles")
    conflicts = _conflicts(db)
    assert [c["type"] for c in conflicts] == ["office"]
    claim, kb = conflicts[0]["items"][:2]
    assert claim["quote"] == "Former President Donald Trump" and claim["source"].endswith("visit_a.txt")
    assert kb["source"] == "knowledge base" and "president" in kb["quote"]


def test_cli_a_sum_told_as_paid_and_later_as_a_ceiling_is_a_nature_conflict(tmp_path):
    conflicts = _conflicts(_ingest(tmp_path, "paid_and_ceiling"))
    assert [c["type"] for c in conflicts] == ["nature"]
    assert _files(conflicts[0]) == ["fund_a.txt", "fund_b.txt"]


def test_cli_a_figure_turned_down_by_a_member_of_a_group_committed_to_it_is_flagged(tmp_path):
    conflicts = _conflicts(_ingest(tmp_path, "turned_down"))
    assert [c["type"] for c in conflicts] == ["commitment"]
    assert "Portugal" in conflicts[0]["about"]
