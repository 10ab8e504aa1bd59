"""The quantity lexicon: the packaged files load and hang together; broken entries fail at load
with the file and the entry named; a --kb folder extends the lexicon."""
from __future__ import annotations

import pytest

from pactwatch.errors import KnowledgeError
from pactwatch.knowledge import measures

FORMAT_MEASURES = {"tariff_rate", "investment_pledge", "purchase_commitment", "troop_level",
                   "defense_spending", "detained_persons", "cost_sharing", "trade_value"}


@pytest.fixture(scope="module")
def lexicon():
    return measures.load()


def test_measures_packaged_lexicon_covers_the_format_vocabulary(lexicon):
    names = {m.name for m in lexicon.measures}
    assert FORMAT_MEASURES <= names
    for m in lexicon.measures:
        assert m.units and m.units <= set(measures.UNIT_KINDS)
        assert m.nouns or m.verbs


@pytest.mark.parametrize("word, code", [("won", "KRW"), ("yen", "JPY"), ("dollar", "USD"), ("euro", "EUR")])
def test_measures_currency_words_map_to_iso_codes(lexicon, word, code):
    assert lexicon.currency_words[word] == code


@pytest.mark.parametrize("status", ["pledged", "agreed", "proposed", "demanded", "threatened", "speculative"])
def test_measures_every_status_has_triggers(lexicon, status):
    triggers = lexicon.status
    assert status in set(triggers.verbs.values()) | set(triggers.modals.values()) | set(triggers.modifiers.values())


def test_measures_phrases_split_like_the_tokenizer():
    assert measures.phrase("Cost-sharing  deal") == ("cost", "sharing", "deal")


def _write(folder, name, text):
    (folder / name).write_text(text, encoding="utf-8")
    return folder


@pytest.mark.parametrize("text, named", [
    ('[measures.aid]\nnouns = ["aid"]\nunits = ["parsecs"]\n', "measures.aid"),
    ('[measures.Aid]\nnouns = ["aid"]\nunits = ["currency"]\n', "measures.Aid"),
    ('[measures.aid]\nunits = ["currency"]\n', "measures.aid"),
    ('[measures.aid]\nnouns = ["aid"]\nunits = ["currency"]\nmodifier = "owner"\n', "measures.aid"),
    ('[units]\ncurrency_words = { "thaler" = "XXQ" }\n', "thaler"),
    ('[units]\nmultipliers = { "gazillion" = -1 }\n', "gazillion"),
    ("[measures.aid\n", "not valid TOML"),
    ('[measures.aid]\nnouns = ["aid"]\nunits = ["currency"]\nmodifier_first = "yes"\n', "measures.aid"),
])
def test_measures_bad_entry_names_file_and_entry(tmp_path, text, named):
    _write(tmp_path, measures.MEASURES_FILE, text)
    with pytest.raises(KnowledgeError) as err:
        measures.load([tmp_path])
    assert named in str(err.value)
    assert measures.MEASURES_FILE in str(err.value)


def test_measures_bad_status_names_the_status_file(tmp_path):
    _write(tmp_path, measures.STATUS_FILE, '[status.hoped]\nverbs = ["hope"]\n')
    with pytest.raises(KnowledgeError) as err:
        measures.load([tmp_path])
    assert measures.STATUS_FILE in str(err.value) and "status.hoped" in str(err.value)


@pytest.mark.parametrize("text, named", [
    ('[future]\nstatuses = { aid_budget = "pledged" }\n', "aid_budget"),
    ('[future]\nstatuses = { tariff_rate = "hoped" }\n', "hoped"),
    ('[change]\nagentive = "done"\n', "change"),
])
def test_measures_bad_status_rules_name_the_entry(tmp_path, text, named):
    _write(tmp_path, measures.STATUS_FILE, text)
    with pytest.raises(KnowledgeError) as err:
        measures.load([tmp_path])
    assert named in str(err.value)


def test_measures_kb_folder_extends_the_lexicon(tmp_path):
    _write(tmp_path, measures.MEASURES_FILE,
           '[units]\ncurrency_words = { "peso" = "MXN" }\n'
           '[measures.aid_package]\nnouns = ["aid"]\nunits = ["currency"]\n'
           '[measures.tariff_rate]\nnouns = ["surcharge"]\n')
    lex = measures.load([tmp_path])
    assert lex.currency_words["peso"] == "MXN" and lex.currency_words["won"] == "KRW"
    assert lex.measure("aid_package") is not None
    assert ("surcharge",) in lex.measure("tariff_rate").nouns and ("tariff",) in lex.measure("tariff_rate").nouns


def test_measures_member_bodies_and_budget_requests_load(lexicon):
    assert "assembly" in lexicon.member_bodies["lawmaker"]
    assert "request" in lexicon.status.self_requests
    assert lexicon.status.self_request_status == "proposed"


def test_measures_kb_folder_adds_a_member_noun(tmp_path):
    _write(tmp_path, measures.MEASURES_FILE, '[members]\nalderman = ["council"]\n')
    lex = measures.load([tmp_path])
    assert lex.member_bodies["alderman"] == frozenset({"council"})
    assert "lawmaker" in lex.member_bodies


@pytest.mark.parametrize("file, text, named", [
    (measures.MEASURES_FILE, '[members]\nalderman = "council"\n', "members"),
    (measures.STATUS_FILE, '[budget_request]\nverbs = ["request"]\nstatus = "hoped"\n', "budget_request"),
    (measures.STATUS_FILE, '[budget_request]\nverbs = "request"\n', "budget_request"),
])
def test_measures_bad_member_or_request_entry_is_named(tmp_path, file, text, named):
    _write(tmp_path, file, text)
    with pytest.raises(KnowledgeError) as err:
        measures.load([tmp_path])
    assert named in str(err.value) and file in str(err.value)


def test_status_frames_load_from_the_data_file():
    from pactwatch.knowledge import measures
    st = measures.load().status
    assert "include" in st.content_verbs and "part" in st.part_nouns
    assert ("in", "exchange") in st.deal_markers and st.deal_status == "agreed"
    assert "want" in st.self_directed and st.self_directed_status == "proposed"
    assert "expect" in st.hedging_verbs and "likely" in st.hedging_adjectives
    assert st.counterfactual_by_measure["tariff_rate"] == "threatened"
    assert ("no", "executive", "order") in st.not_in_force


def test_roles_and_currency_tables_load_from_the_data_file():
    from pactwatch.knowledge import measures
    lex = measures.load()
    assert lex.local_dollars["Australia"] == "AUD" and lex.currency_symbols["$US"] == "USD"
    assert "cost" in lex.payer_object_verbs and "country" in lex.group_nouns and "profit" in lex.split_nouns
    assert "amount" in lex.restating_words
    assert "gdp" in lex.measure("defense_spending").share_of
    assert "enter" in lex.measure("tariff_rate").destination_verbs


def test_bad_counterfactual_status_is_named(tmp_path):
    from pactwatch.errors import KnowledgeError
    from pactwatch.knowledge import measures
    (tmp_path / "quantity_status.toml").write_text('[counterfactual]\nstatuses = { tariff_rate = "maybe" }\n')
    with pytest.raises(KnowledgeError, match="counterfactual"):
        measures.load([tmp_path])
