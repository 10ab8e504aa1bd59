"""The brief and the views it is built from (timeline, commitments), over a store of short articles."""
from __future__ import annotations

import pytest

from pactwatch import reconcile
from pactwatch.errors import UsageError
from pactwatch.store import Store
from pactwatch.views.brief import brief, conflicts, render_conflicts
from pactwatch.views.commitments import commitments, render_commitments
from pactwatch.views.timeline import render_timeline, timeline

PLEDGE = dict(kind="quantity", measure="investment_pledge", unit="USD", holder="Sylvania", target="Freedonia",
              status="pledged", qualifier=None, change=None, part_of=None)


def _fact(doc_id, text, quote, **fields):
    start = text.index(quote)
    return {"doc_id": doc_id, "quote": quote, "start": start, "end": start + len(quote), **fields}


def _article(store, doc_id, published, title, text, facts):
    store.add({"doc_id": doc_id, "source": f"https://news.example/{doc_id}", "title": title, "authors": [],
               "published": published, "publisher": "Example News", "text": text, "text_sha256": "0" * 64,
               "captions": []}, facts)


@pytest.fixture
def store(tmp_path):
    s = Store(tmp_path / "brief.db")
    a = "Sylvania made a $200 billion investment pledge. Of it, $80 billion goes to <chip> plants. " \
        "Leaders met in Gyeongju on October 29. The levy fell to 12% in July."
    b = "The $200 billion package was confirmed. Leaders met on October 29 in Gyeongju. About 40 were detained."
    c = "Officials said 90 were detained."
    _article(s, "a", "2025-11-01", "Pledge & summit", a, [
        _fact("a", a, "a $200 billion investment pledge", value=200e9, time=None, **PLEDGE),
        _fact("a", a, "$80 billion goes to <chip> plants", value=80e9, time=None,
              **{**PLEDGE, "part_of": 0, "part_of_start": a.index("$200")}),
        _fact("a", a, "Leaders met in Gyeongju on October 29", kind="event", type="CONSULT", source=["Sylvania"],
              target=["Freedonia"], date="2025-10-29", location="Gyeongju", modality="asserted", attributed_to=None),
        _fact("a", a, "The levy fell to 12% in July", kind="quantity", measure="tariff_rate", unit="percent",
              holder="Freedonia", target="Sylvania", status="agreed", value=12, time="2025-07", qualifier=None,
              change=None, part_of=None),
        {"kind": "entity", "doc_id": "a", "name": "Sylvania", "type": "GPE", "kb_id": None, "aliases": [],
         "mentions": [{"start": 0, "end": 8}]},
    ])
    _article(s, "b", "2025-11-02", "Package confirmed", b, [
        _fact("b", b, "The $200 billion package was confirmed", value=200e9, time=None, **PLEDGE),
        _fact("b", b, "Leaders met on October 29 in Gyeongju", kind="event", type="CONSULT", source=["Freedonia"],
              target=["Sylvania"], date="2025-10-29", location="Gyeongju", modality="asserted", attributed_to=None),
        _fact("b", b, "About 40 were detained", kind="quantity", measure="detained_persons", unit="persons",
              holder="Freedonia", target="Sylvania", status="actual", value=40, time="2025-10-30",
              qualifier="about", change=None, part_of=None),
        {"kind": "entity", "doc_id": "b", "name": "Sylvania", "type": "GPE", "kb_id": None,
         "aliases": ["Sylvanian government"], "mentions": [{"start": 0, "end": 8}]},
    ])
    _article(s, "c", "2025-11-03", "Detentions", c, [
        _fact("c", c, "Officials said 90 were detained", kind="quantity", measure="detained_persons", unit="persons",
              holder="Freedonia", target="Sylvania", status="actual", value=90, time="2025-10-30", qualifier=None,
              change=None, part_of=None)])
    reconcile.update(s, ["a", "b", "c"], kb=None)
    return s


def test_timeline_merges_one_event_across_documents_in_date_order(store):
    entries = timeline(store)
    assert [e["date"] for e in entries] == sorted(e["date"] for e in entries)
    meeting = [e for e in entries if e["fact"] == "event"]
    assert len(meeting) == 1 and meeting[0]["source_count"] == 2
    assert {s["quote"] for s in meeting[0]["sources"]} == {"Leaders met in Gyeongju on October 29",
                                                           "Leaders met on October 29 in Gyeongju"}
    assert "[2 sources]" in render_timeline(entries)


@pytest.mark.parametrize("kwargs, expected", [
    ({}, {"2025-07", "2025-10-29", "2025-10-30"}),
    ({"start": "2025-10"}, {"2025-10-29", "2025-10-30"}),
    ({"end": "2025-08"}, {"2025-07"}),
    ({"actor": "freedonia", "start": "2025-10-30"}, {"2025-10-30"}),
    ({"actor": "Atlantis"}, set()),
])
def test_timeline_filters_by_actor_and_window(store, kwargs, expected):
    assert {e["date"] for e in timeline(store, **kwargs)} == expected


def test_commitments_ledger_lists_each_pledge_once_with_components(store):
    ledger = commitments(store)
    pledge = next(e for e in ledger if e["measure"] == "investment_pledge")
    assert pledge["amount"] == "$200 billion" and pledge["source_count"] == 2
    assert [p["amount"] for p in pledge["components"]] == ["$80 billion"]
    assert not any(e["amount"] == "$80 billion" for e in ledger)
    assert "of which $80 billion" in render_commitments(ledger)


@pytest.mark.parametrize("fmt", ["md", "html"])
def test_brief_links_every_line_to_its_sources(store, fmt):
    text = brief(store, format=fmt)
    for heading in ("Documents", "Actors", "Timeline", "Commitments", "Conflicts"):
        assert heading in text
    assert "https://news.example/b" in text
    assert "Officials said 90 were detained" in text and "About 40 were detained" in text  # the conflict's items
    assert text.count("$200 billion") >= 2


def test_brief_html_escapes_quotes_and_titles(store):
    text = brief(store, format="html")
    assert "&lt;chip&gt;" in text and "<chip>" not in text
    assert "Pledge &amp; summit" in text


def test_brief_markdown_flags_only_the_disagreement(store):
    text = brief(store, format="md")
    conflicts = text.split("## Conflicts", 1)[1]
    assert "detained persons" in conflicts
    assert "investment pledge" not in conflicts


def test_brief_rejects_an_unknown_format(store):
    with pytest.raises(UsageError):
        brief(store, format="pdf")


def test_brief_conflicts_view_names_each_statement_with_its_source(store):
    found = conflicts(store)
    assert [c["type"] for c in found] == ["value"]
    text = render_conflicts(found)
    assert "about 40 persons: “About 40 were detained” — https://news.example/b" in text
    assert "90 persons: “Officials said 90 were detained” — https://news.example/c" in text


@pytest.mark.parametrize("fmt, empty", [("md", "_None._"), ("html", "<em>None.</em>")])
def test_brief_of_an_empty_store_says_so_in_every_section(tmp_path, fmt, empty):
    text = brief(Store(tmp_path / "empty.db"), format=fmt)
    assert text.count(empty) == 9


def test_brief_first_screen_is_the_state_then_changes_then_disagreements(store):
    text = brief(store, format="md")
    order = [text.index(h) for h in ("## Where things stand", "## What changed", "## Where sources disagree",
                                     "## Detail", "### Commitments", "### Documents")]
    assert order == sorted(order)
    first_screen = text.split("## Detail", 1)[0]
    assert "“" not in first_screen  # quotes wait for the detail
    assert ("- **investment pledge, Sylvania → Freedonia: $200 billion pledged** since 1 Nov 2025 (2 sources)"
            in first_screen)
    assert "- **tariff rate, Freedonia → Sylvania: 12% agreed** since Jul 2025 (1 source)" in first_screen
    assert text.startswith("# Alliance brief\n\nBuilt by pactwatch from 3 documents, published 1 Nov 2025 to "
                           "3 Nov 2025.\n\n## Where things stand")


def test_brief_what_changed_lists_each_commitment_by_the_date_its_state_began(store):
    changed = brief(store, format="md").split("## What changed", 1)[1].split("##", 1)[0]
    assert changed.strip().splitlines() == [
        "- **1 Nov 2025**",
        "  - **investment pledge, Sylvania → Freedonia:** $200 billion pledged, first stated",
        "- **Jul 2025**",
        "  - **tariff rate, Freedonia → Sylvania:** 12% agreed, first stated"]


def test_brief_where_sources_disagree_names_each_side_with_outlet_and_date(store):
    disagree = brief(store, format="md").split("## Where sources disagree", 1)[1].split("##", 1)[0]
    assert disagree.strip() == ("- **detained persons (Freedonia and Sylvania):** about 40 persons (Example News, "
                                "2 Nov 2025), revised to 90 persons (Example News, 3 Nov 2025) \\[low\\]")


def test_brief_detail_gives_each_step_of_a_history_its_quotes(store):
    detail = brief(store, format="md").split("### Commitments", 1)[1].split("###", 1)[0]
    assert "  - **1 Nov 2025** $200 billion pledged" in detail
    assert "“The $200 billion package was confirmed” — [Package confirmed](https://news.example/b)" in detail
    assert "  - **of which $80 billion** $80 billion pledged since 1 Nov 2025 — 1 source" in detail


@pytest.mark.parametrize("fmt", ["md", "html"])
def test_brief_cli_reads_a_users_kb_ledger_words(tmp_path, fmt):
    from typer.testing import CliRunner

    from pactwatch.views.cli import app
    db = str(tmp_path / "b.db")
    store = Store(db)
    text = "Freedonia lionized Sylvania's plan to dredge a deep-water harbour."
    quote = "Freedonia lionized Sylvania's plan to dredge a deep-water harbour"
    at = text.index("lionized")
    _article(store, "a", "2025-10-30", "Harbour plan", text, [
        _fact("a", text, quote, kind="event", type="SUPPORT", source=["Freedonia"], target=["Sylvania"], date=None,
              location=None, modality="asserted", attributed_to=None, trigger="lionized", span_start=at,
              span_end=at + len("lionized"), span_text="lionized")])
    reconcile.update(store, ["a"], kb=None)
    (tmp_path / "kb").mkdir()
    (tmp_path / "kb" / "ledger_words.toml").write_text('sentiment_triggers = ["lioniz"]\n', encoding="utf-8")

    def standing(*options):
        result = CliRunner().invoke(app, ["brief", "--db", db, "--format", fmt, *options])
        assert result.exit_code == 0, result.output
        first = "Where things stand"
        return result.stdout.split(first, 1)[1].split("What changed", 1)[0]

    # praise commits to nothing: once the user's words call "lionize" praise, it leaves the brief's ledger
    assert "lionized Sylvania" in standing()
    assert "lionized Sylvania" not in standing("--kb", str(tmp_path / "kb"))
