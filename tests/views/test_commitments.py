"""The commitments ledger: each commitment's state now, the date of its last change and its dated history,
built from hand-made records of invented articles about Freedonia and Sylvania."""
from __future__ import annotations

import json

from typer.testing import CliRunner

from pactwatch import reconcile
from pactwatch.store import Store
from pactwatch.views.cli import app
from pactwatch.views.commitments import commitments, history_text, render_commitments, since_text

LEVY = dict(kind="quantity", measure="tariff_rate", unit="percent", holder="Freedonia", target="Sylvania",
            qualifier=None, change=None, part_of=None)
EVENT = dict(kind="event", location=None, attributed_to=None)


def _fact(text: str, quote: str, **fields) -> dict:
    start = text.index(quote)
    return {"quote": quote, "start": start, "end": start + len(quote), **fields}


def _event(text: str, quote: str, trigger: str, **fields) -> dict:
    """An event record whose trigger is the first occurrence of `trigger` inside its quote."""
    record = _fact(text, quote, **EVENT, **fields)
    at = record["start"] + quote.index(trigger)
    return {**record, "span_start": at, "span_end": at + len(trigger), "span_text": trigger, "trigger": trigger}


def _article(store: Store, doc_id: str, published: str | None, text: str, facts: list[dict],
             publisher: str = "The Freedonia Courier") -> None:
    store.add({"doc_id": doc_id, "source": f"https://news.example/{doc_id}", "title": doc_id, "authors": [],
               "published": published, "publisher": publisher, "text": text, "text_sha256": "0" * 64,
               "captions": []}, [{**f, "doc_id": doc_id} for f in facts])


def _ledger(store: Store, doc_ids: list[str]) -> list[dict]:
    reconcile.update(store, doc_ids, kb=None)
    return commitments(store)


def _levy_story(store: Store) -> list[str]:
    """A levy threatened in March, agreed on 2 May, reaffirmed at talks in September, recalled in October."""
    a = "Freedonia warned it would impose a 30% levy on Sylvanian steel from April 1."
    b = "Freedonia and Sylvania struck a trade deal on May 2. Under it the levy on steel will be 12%."
    c = "At talks on September 19 the two sides reaffirmed the 12% levy on steel."
    d = "Mills still complain about the 12% levy agreed in the spring."
    _article(store, "a", "2025-03-10", a, [
        _fact(a, "impose a 30% levy on Sylvanian steel from April 1", value=30, status="threatened",
              time="2025-04-01", **LEVY)])
    _article(store, "b", "2025-05-03", b, [
        _event(b, "Freedonia and Sylvania struck a trade deal on May 2", "deal", type="AGREE",
               source=["Freedonia", "Sylvania"], target=[], date="2025-05-02", modality="asserted"),
        _fact(b, "Under it the levy on steel will be 12%", value=12, status="agreed", time=None, **LEVY)],
        publisher="Sylvania Today")
    _article(store, "c", "2025-09-20", c, [
        _fact(c, "the two sides reaffirmed the 12% levy on steel", value=12, status="agreed", time="2025-09-19",
              **LEVY)])
    _article(store, "d", "2025-10-01", d, [
        _fact(d, "the 12% levy agreed in the spring", value=12, status="agreed", time=None, **LEVY)])
    return ["a", "b", "c", "d"]


def test_commitments_state_is_the_latest_step_and_dates_its_last_change(tmp_path):
    store = Store(tmp_path / "c.db")
    levy = _ledger(store, _levy_story(store))[0]
    assert (levy["subject"], levy["state"], levy["status"]) == (
        "tariff rate, Freedonia → Sylvania", "12% agreed", "agreed")
    assert levy["changed"] == "2025-05-02" and levy["restated"] == "2025-09-19"
    assert [(st["date"], st["change"], st["label"]) for st in levy["history"]] == [
        ("2025-03-10", "first", "30% threatened"), ("2025-05-02", "changed", "12% agreed"),
        ("2025-09-19", "reaffirmed", "reaffirmed")]
    assert since_text(levy) == "since 2 May 2025, reaffirmed 19 Sep 2025"
    assert levy["before"] == "30% threatened"
    assert history_text(levy) == ("30% threatened (from 1 Apr 2025) 10 Mar 2025 → 12% agreed 2 May 2025 → "
                                  "reaffirmed 19 Sep 2025")


def test_commitments_date_an_undated_term_by_the_deal_reported_before_it(tmp_path):
    store = Store(tmp_path / "c.db")
    levy = _ledger(store, _levy_story(store))[0]
    agreed = levy["history"][1]
    assert agreed["dated_by"] == "event" and [s["doc_id"] for s in agreed["sources"]] == ["b"]
    assert agreed["sources"][0]["publisher"] == "Sylvania Today"
    # the October report restates the levy without dating it: one more source of the state, not a step
    assert [s["doc_id"] for s in levy["history"][-1]["sources"]] == ["c", "d"]


def test_commitments_a_deal_between_other_parties_does_not_date_a_figure(tmp_path):
    store = Store(tmp_path / "c.db")
    t = "Ruritania and Osterlich signed a grain pact on June 2. Freedonia will cut its steel levy to 8%."
    _article(store, "t", "2025-06-10", t, [
        _event(t, "Ruritania and Osterlich signed a grain pact on June 2", "signed", type="AGREE",
               source=["Ruritania", "Osterlich"], target=[], date="2025-06-02", modality="asserted"),
        _fact(t, "Freedonia will cut its steel levy to 8%", value=8, status="agreed", time=None, **LEVY)])
    levy = _ledger(store, ["t"])[0]
    assert (levy["changed"], levy["history"][0]["dated_by"]) == ("2025-06-10", "reported")


def test_commitments_an_announced_rise_is_pending_until_it_takes_effect(tmp_path):
    store = Store(tmp_path / "c.db")
    ids = _levy_story(store)
    e = "On January 26 Freedonia's leader announced the steel levy would rise to 25%."
    _article(store, "e", "2026-01-27", e, [
        _fact(e, "announced the steel levy would rise to 25%", value=25, status="threatened", time="2026-01-26",
              **LEVY)])
    levy = _ledger(store, ids + ["e"])[0]
    assert (levy["state"], levy["changed"], levy["latest"]) == ("12% agreed", "2025-05-02", "2026-01-26")
    assert levy["then"] == [{"date": "2026-01-26", "label": "25% threatened", "note": None}]
    assert since_text(levy) == "since 2 May 2025, reaffirmed 19 Sep 2025; then 25% threatened 26 Jan 2026"
    f = "The 25% steel levy took effect on March 1, customs officials said."
    _article(store, "f", "2026-03-02", f, [
        _fact(f, "The 25% steel levy took effect on March 1", value=25, status="actual", time="2026-03-01", **LEVY)])
    levy = _ledger(store, ids + ["e", "f"])[0]
    assert (levy["state"], levy["changed"], levy["then"]) == ("25% in force", "2026-03-01", [])
    assert [st["label"] for st in levy["history"]][-2:] == ["25% threatened", "25% in force"]


def test_commitments_a_ruling_on_the_figure_follows_the_state_without_changing_it(tmp_path):
    store = Store(tmp_path / "c.db")
    ids = _levy_story(store)
    g = ("On February 20 Freedonia's top court struck down the emergency law behind the steel levies. "
         "Sylvanian mills had paid a 12% levy since May.")
    h = "Freedonia raised tariffs on Ruritania on March 3. The Defense Secretary agreed to a Sylvanian visit."
    _article(store, "g", "2026-02-21", g, [
        _event(g, "Freedonia's top court struck down the emergency law behind the steel levies", "struck",
               type="REJECT", source=["Freedonia"], target=[], date="2026-02-20", modality="asserted"),
        _fact(g, "Sylvanian mills had paid a 12% levy since May", value=12, status="actual", time="2025-05",
              **LEVY)])
    _article(store, "h", "2026-03-04", h, [
        _event(h, "Freedonia raised tariffs on Ruritania on March 3", "raised", type="SANCTION",
               source=["Freedonia"], target=["Ruritania"], date="2026-03-03", modality="asserted"),
        _event(h, "The Defense Secretary agreed to a Sylvanian visit", "agreed", type="AGREE",
               source=["Freedonia"], target=["Sylvania"], date="2026-03-04", modality="asserted")])
    levy = _ledger(store, ids + ["g", "h"])[0]
    ruling = levy["history"][-1]
    assert (ruling["date"], ruling["change"], ruling["label"]) == (
        "2026-02-20", "event", "struck down the emergency law behind the steel levies")
    assert (levy["state"], levy["changed"], levy["latest"]) == ("12% agreed", "2025-05-02", "2026-02-20")
    assert levy["then"] == [{"date": "2026-02-20", "label": ruling["label"], "note": None}]
    # the May figure in the ruling's report is the agreed levy told again; the raise on another country and
    # the "Defense Secretary" (a title, not the measure) are no part of this history
    assert len(levy["history"]) == 4 and "h" not in {s["doc_id"] for s in levy["sources"]}


def test_commitments_a_weaker_retelling_does_not_take_an_agreement_back(tmp_path):
    store = Store(tmp_path / "c.db")
    ids = _levy_story(store)
    f = "The 12% levy, first floated by negotiators, has held."
    _article(store, "f", "2025-11-02", f, [
        _fact(f, "The 12% levy, first floated by negotiators", value=12, status="proposed", time=None, **LEVY)])
    levy = _ledger(store, ids + ["f"])[0]
    assert levy["state"] == "12% agreed" and len(levy["history"]) == 3


def test_commitments_the_from_side_of_a_change_retells_the_step_it_names(tmp_path):
    store = Store(tmp_path / "c.db")
    ids = _levy_story(store)
    k = "In November the allies confirmed the cut of the steel levy from 30% to 12%."
    _article(store, "k", "2025-11-20", k, [
        _fact(k, "the cut of the steel levy from 30%", value=30, status="actual", time="2025-11",
              **{**LEVY, "change": {"role": "from"}}),
        _fact(k, "to 12%", value=12, status="agreed", time="2025-11", **LEVY)])
    levy = _ledger(store, ids + ["k"])[0]
    assert [st["label"] for st in levy["history"]] == ["30% threatened", "12% agreed", "reaffirmed", "reaffirmed"]
    assert "k" in {s["doc_id"] for s in levy["history"][0]["sources"]}
    assert (levy["state"], levy["restated"]) == ("12% agreed", "2025-11")


def test_commitments_an_undated_report_stays_in_the_history_but_decides_nothing(tmp_path):
    store = Store(tmp_path / "c.db")
    ids = _levy_story(store)
    u = "Some say the levy is really 14%."
    _article(store, "u", None, u, [_fact(u, "the levy is really 14%", value=14, status="actual", time=None, **LEVY)])
    levy = _ledger(store, ids + ["u"])[0]
    assert levy["history"][-1]["date"] is None and levy["history"][-1]["label"] == "14% in force"
    assert (levy["state"], levy["changed"], levy["then"]) == ("12% agreed", "2025-05-02", [])


def test_commitments_two_sums_for_one_pair_are_two_commitments_and_parts_nest(tmp_path):
    store = Store(tmp_path / "c.db")
    text = ("Sylvania pledged to buy $40 billion of Freedonian grain. It separately pledged $9 billion of jets. "
            "Sylvania will invest $300 billion in Freedonia, $120 billion of it in shipyards.")
    buy = dict(kind="quantity", measure="purchase_commitment", unit="USD", holder="Sylvania", target="Freedonia",
               status="pledged", time=None, qualifier=None, change=None, part_of=None)
    invest = {**buy, "measure": "investment_pledge"}
    _article(store, "g", "2025-06-01", text, [
        _fact(text, "Sylvania pledged to buy $40 billion of Freedonian grain", value=40e9, **buy),
        _fact(text, "It separately pledged $9 billion of jets", value=9e9, **buy),
        _fact(text, "Sylvania will invest $300 billion in Freedonia", value=300e9, **invest),
        _fact(text, "$120 billion of it in shipyards", value=120e9,
              **{**invest, "part_of": 2, "part_of_start": text.index("$300")})])
    ledger = _ledger(store, ["g"])
    purchases = sorted(e["amount"] for e in ledger if e["measure"] == "purchase_commitment")
    assert purchases == ["$40 billion", "$9 billion"]
    invest_entry = next(e for e in ledger if e["measure"] == "investment_pledge")
    assert [p["amount"] for p in invest_entry["components"]] == ["$120 billion"]
    assert not any(e.get("amount") == "$120 billion" for e in ledger)
    assert "of which $120 billion pledged since 1 Jun 2025" in render_commitments(ledger)


def test_commitments_a_figure_without_its_holder_joins_the_one_series_it_fits(tmp_path):
    store = Store(tmp_path / "c.db")
    ids = _levy_story(store)
    h = "Sylvanian exporters now pay a 12% levy, officials confirmed on October 3."
    _article(store, "h", "2025-10-04", h, [
        _fact(h, "Sylvanian exporters now pay a 12% levy", value=12, status="actual", time="2025-10-03",
              **{**LEVY, "holder": None})])
    ledger = _ledger(store, ids + ["h"])
    levies = [e for e in ledger if e["measure"] == "tariff_rate"]
    assert len(levies) == 1 and levies[0]["source_count"] == 5
    assert levies[0]["state"] == "12% in force" and levies[0]["changed"] == "2025-05-02"


def test_commitments_count_nobody_committed_to_is_not_a_commitment(tmp_path):
    store = Store(tmp_path / "c.db")
    text = "Police detained 40 protesters outside the embassy."
    _article(store, "i", "2025-06-01", text, [
        _fact(text, "Police detained 40 protesters", kind="quantity", measure="detained_persons", unit="persons",
              holder="Freedonia", target=None, status="actual", value=40, time=None, qualifier=None, change=None,
              part_of=None)])
    assert _ledger(store, ["i"]) == []


def _agreements_story(store: Store) -> list[str]:
    a = ("Freedonia said it had approved Sylvania building nuclear-powered attack submarines. "
         "Freedonia congratulated Sylvania on its election. "
         "Both sides did not agree to a timetable for handing wartime command to Sylvanian generals.")
    b = ("Sylvania asked Freedonia to let it build nuclear-powered attack submarines at home. "
         "The Freedonian president said he had approved the request. "
         "Sylvania also agreed to buy $5 billion of Freedonian gas.")
    _article(store, "a", "2025-10-30", a, [
        _event(a, "it had approved Sylvania building nuclear-powered attack submarines", "approved",
               type="SUPPORT", source=["Freedonia"], target=["Sylvania"], date=None, modality="asserted"),
        _event(a, "Freedonia congratulated Sylvania on its election", "congratulated", type="SUPPORT",
               source=["Freedonia"], target=["Sylvania"], date=None, modality="asserted"),
        _event(a, "Both sides did not agree to a timetable for handing wartime command to Sylvanian generals",
               "agree", type="AGREE", source=["Freedonia", "Sylvania"], target=[], date=None, modality="negated")])
    _article(store, "b", "2025-11-05", b, [
        _event(b, "Sylvania asked Freedonia to let it build nuclear-powered attack submarines at home", "asked",
               type="REQUEST", source=["Sylvania"], target=["Freedonia"], date=None, modality="asserted"),
        _event(b, "he had approved the request", "approved", type="SUPPORT", source=["Freedonia"], target=[],
               date="2025-11-04", modality="asserted"),
        _event(b, "Sylvania also agreed to buy $5 billion of Freedonian gas", "agreed", type="AGREE",
               source=["Sylvania"], target=["Freedonia"], date=None, modality="asserted"),
        _fact(b, "Sylvania also agreed to buy $5 billion of Freedonian gas", kind="quantity",
              measure="purchase_commitment", unit="USD", holder="Sylvania", target="Freedonia", status="agreed",
              value=5e9, time=None, qualifier=None, change=None, part_of=None)])
    return ["a", "b"]


def test_commitments_without_a_number_come_from_agreement_and_support_events(tmp_path):
    store = Store(tmp_path / "c.db")
    ledger = _ledger(store, _agreements_story(store))
    others = [e for e in ledger if e["kind"] == "agreement"]
    subjects = [e["subject"] for e in others]
    assert subjects == ["Freedonia: approved Sylvania building nuclear-powered attack submarines",
                        "Freedonia, Sylvania: agree to a timetable for handing wartime command to Sylvanian generals"]
    submarines, command = others
    # "approved the request" points back to the request before it: the same commitment, a second source
    assert submarines["source_count"] == 2 and submarines["state"] == "in place"
    assert [(st["date"], st["change"]) for st in submarines["history"]] == [("2025-10-30", "first"),
                                                                           ("2025-11-04", "reaffirmed")]
    assert (command["state"], command["status"]) == ("not agreed", "negated")
    # figures come first, and the agreement stated in the figure's own words is not listed again
    assert ledger[0]["kind"] == "figure" and ledger[0]["amount"] == "$5 billion"


def test_commitments_cli_shows_the_state_table_quotes_and_json(tmp_path):
    db = str(tmp_path / "c.db")
    store = Store(db)
    reconcile.update(store, _levy_story(store), kb=None)
    runner = CliRunner()
    table = runner.invoke(app, ["commitments", "--db", db])
    assert table.exit_code == 0, table.output
    assert "commitments (1)" in table.stdout and "12% agreed" in table.stdout
    quotes = runner.invoke(app, ["commitments", "--db", db, "--quotes"])
    assert quotes.stdout.splitlines()[0] == ("tariff rate, Freedonia → Sylvania: 12% agreed since 2 May 2025, "
                                             "reaffirmed 19 Sep 2025  [4 sources]")
    assert "    2 May 2025 12% agreed: “Under it the levy on steel will be 12%” — Sylvania Today" in quotes.stdout
    data = json.loads(runner.invoke(app, ["commitments", "--db", db, "--json"]).stdout)
    assert [(e["state"], e["changed"], len(e["history"])) for e in data] == [("12% agreed", "2025-05-02", 3)]


DEAL = """Freedonia and Sylvania Seal Trade Deal

By Ana Ruiz
Published on July 31, 2025

Freedonia and Sylvania reached a trade agreement on July 30, 2025. Under the deal, Freedonia will set its tariff
on Sylvanian goods at 15 percent, down from the 25 percent it had threatened. Sylvania pledged to invest
$200 billion in Freedonia.
"""
TALKS = """Leaders Meet in Port Vale

By Ana Ruiz
Published on October 30, 2025

Freedonia approved Sylvania's plan to build nuclear-powered submarines, officials said after the talks.
"""
RISE = """Freedonia Announces Higher Tariff on Sylvania

By Ana Ruiz
Published on January 27, 2026

Freedonia's president announced on January 26 that the tariff on Sylvanian goods would rise to 25 percent.
"""


def test_commitments_cli_on_articles_states_the_deal_and_the_announced_rise(tmp_path):
    folder = tmp_path / "articles"
    folder.mkdir()
    for name, text in (("deal.txt", DEAL), ("talks.txt", TALKS), ("rise.txt", RISE)):
        (folder / name).write_text(text, encoding="utf-8")
    db = str(tmp_path / "c.db")
    runner = CliRunner()
    assert runner.invoke(app, ["ingest", str(folder), "--db", db]).exit_code == 0
    ledger = json.loads(runner.invoke(app, ["commitments", "--db", db, "--json"]).stdout)
    tariff = next(e for e in ledger if e["kind"] == "figure" and e["measure"] == "tariff_rate")
    assert (tariff["state"], tariff["changed"]) == ("15% agreed", "2025-07-30")
    assert [st["label"] for st in tariff["history"]][:2] == ["25% threatened", "15% agreed"]
    assert [(st["date"], st["label"]) for st in tariff["then"]] == [("2026-01-26", "25% threatened")]
    assert any(e["kind"] == "agreement" and "nuclear-powered submarines" in e["subject"] for e in ledger)
    brief = runner.invoke(app, ["brief", "--db", db]).stdout
    standing = brief.split("## Where things stand", 1)[1].split("##", 1)[0]
    assert "**tariff rate, Freedonia → Sylvania: 15% agreed** since 30 Jul 2025; then 25% threatened 26 Jan 2026" \
        in standing


def test_commitments_cli_reads_a_users_kb_ledger_words(tmp_path):
    db = str(tmp_path / "c.db")
    store = Store(db)
    text = "Freedonia extolled Sylvania's plan to build a deep-water naval shipyard."
    _article(store, "a", "2025-10-30", text, [
        _event(text, "Freedonia extolled Sylvania's plan to build a deep-water naval shipyard", "extolled",
               type="SUPPORT", source=["Freedonia"], target=["Sylvania"], date=None, modality="asserted")])
    reconcile.update(store, ["a"], kb=None)
    (tmp_path / "kb").mkdir()
    (tmp_path / "kb" / "ledger_words.toml").write_text('sentiment_triggers = ["extol"]\n', encoding="utf-8")

    def subjects(*options):
        result = CliRunner().invoke(app, ["commitments", "--db", db, "--json", *options])
        assert result.exit_code == 0, result.output
        return [e["subject"] for e in json.loads(result.stdout)]

    # praise commits to nothing: once the user's words say "extol" is praise, it leaves the ledger
    assert subjects() == ["Freedonia: extolled Sylvania's plan to build a deep-water naval shipyard"]
    assert subjects("--kb", str(tmp_path / "kb")) == []
