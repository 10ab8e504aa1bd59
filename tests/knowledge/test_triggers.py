"""The trigger lexicon: the shipped files load, and bad entries are reported by file and entry."""
from __future__ import annotations

import pytest

from pactwatch.errors import KnowledgeError
from pactwatch.knowledge import triggers


def test_triggers_shipped_lexicon_loads_with_known_types():
    lex = triggers.load()
    kinds = {*lex.verbs.values(), *lex.nouns.values(), *lex.phrasal_verbs.values(), *lex.noun_phrases.values()}
    assert kinds <= triggers.EVENT_TYPES
    # every type an analyst can ask for has at least one word naming it
    assert kinds == triggers.EVENT_TYPES


@pytest.mark.parametrize("lemma, kind", [("summit", "CONSULT"), ("tariff", "SANCTION"), ("raid", "COERCE"),
                                         ("inauguration", "TRANSITION"), ("pledge", "AGREE")])
def test_triggers_nouns_the_issue_names_are_typed(lemma, kind):
    assert triggers.load().nouns[lemma] == kind


def test_triggers_phrasal_keys_are_split_into_lemma_and_particle():
    lex = triggers.load()
    assert lex.phrasal_verbs[("call", "for")] == "REQUEST"
    assert ("opt", "out") in lex.phrasal_negators


@pytest.mark.parametrize("content, entry", [
    ('[verbs]\npunch = "HIT"\n', "punch"),
    ('[verbs]\n"Punch" = "ASSAULT"\n', "Punch"),
    ('[phrasal_verbs]\n"punch" = "ASSAULT"\n', "punch"),
    ('[reversals.types]\nASSAULT = "PEACE"\n', "ASSAULT"),
])
def test_triggers_bad_entry_names_file_and_entry(tmp_path, content, entry):
    (tmp_path / "triggers.toml").write_text(content, encoding="utf-8")
    with pytest.raises(KnowledgeError) as err:
        triggers.load([tmp_path])
    assert "triggers.toml" in str(err.value) and entry in str(err.value)


def test_triggers_broken_toml_names_the_file(tmp_path):
    (tmp_path / "modality.toml").write_text("[speculative\n", encoding="utf-8")
    with pytest.raises(KnowledgeError, match="modality.toml"):
        triggers.load([tmp_path])


def test_triggers_user_folder_extends_and_overrides(tmp_path):
    (tmp_path / "triggers.toml").write_text('[nouns]\nskirmish = "ASSAULT"\nsummit = "AGREE"\n', encoding="utf-8")
    lex = triggers.load([tmp_path])
    assert lex.nouns["skirmish"] == "ASSAULT"
    assert lex.nouns["summit"] == "AGREE"
    assert lex.verbs["meet"] == "CONSULT"      # the shipped entries stay


def test_triggers_office_terms_load_nouns_verbs_and_phrasal():
    lex = triggers.load()
    assert {"term", "tenure", "presidency", "administration"} <= lex.office_nouns
    assert {"begin", "end", "expire"} <= lex.office_verbs
    assert ("take", "over") in lex.office_phrasal
    assert lex.office_type == "TRANSITION"


def test_triggers_office_terms_bad_type_names_file(tmp_path):
    (tmp_path / "triggers.toml").write_text('[office_terms]\ntype = "SWEARING"\n', encoding="utf-8")
    with pytest.raises(KnowledgeError, match="triggers.toml.*office_terms"):
        triggers.load([tmp_path])


def test_triggers_prepositional_verbs_and_office_words_load():
    lex = triggers.load()
    assert lex.prepositional_verbs[("return", "to", "power")] == "TRANSITION"
    assert "president" in lex.office_titles and "become" in lex.office_becoming
    assert "impeach" in lex.office_ending


def test_triggers_prepositional_verb_needs_three_words(tmp_path):
    (tmp_path / "triggers.toml").write_text('[prepositional_verbs]\n"return office" = "TRANSITION"\n', encoding="utf-8")
    with pytest.raises(KnowledgeError, match="triggers.toml.*return office"):
        triggers.load([tmp_path])


def test_triggers_preparation_joint_and_pending_sections_load():
    lex = triggers.load()
    assert "prepare" in lex.preparations and lex.preparation_types["ASSAULT"] == "MOBILIZE"
    assert "drill" in lex.joint_nouns and lex.joint_types["MOBILIZE"] == "COOPERATE"
    assert {"until", "once"} <= lex.pending_markers and "before" in lex.future_time_markers
    assert lex.phrasal_verbs[("block", "road")] == "PROTEST"


def test_triggers_bad_preparation_type_names_file_and_entry(tmp_path):
    (tmp_path / "triggers.toml").write_text('[preparations.types]\nASSAULT = "READY"\n', encoding="utf-8")
    with pytest.raises(KnowledgeError) as err:
        triggers.load([tmp_path])
    assert "triggers.toml" in str(err.value) and "ASSAULT" in str(err.value)


def test_triggers_leaving_office_words_are_transitions_that_end_a_tenure():
    lex = triggers.load()
    assert lex.verbs["resign"] == "TRANSITION"
    assert lex.phrasal_verbs[("step", "down")] == "TRANSITION"
    assert lex.phrasal_verbs[("leave", "office")] == "TRANSITION"
    assert {"resign", "quit", "step", "leave", "fire", "dismiss"} <= lex.office_ending
    assert "quit" in lex.office_leaving and "fire" in lex.office_removing


def test_triggers_joint_documents_are_agreements_put_out_by_publishing_verbs():
    lex = triggers.load()
    assert lex.noun_phrases[("joint", "statement")] == "AGREE"
    assert lex.noun_phrases[("joint", "sheet")] == "AGREE"
    assert {"release", "issue", "publish"} <= lex.publishing


def test_triggers_documents_parties_renouncing_and_described_acts_load():
    lex = triggers.load()
    assert "report" in lex.documents and "prisoner" not in lex.documents
    assert "meet" in lex.party_verbs and "counterpart" in lex.party_nouns
    assert "scrap" in lex.renouncing and "omit" not in lex.renouncing and "deal" in lex.standing_agreements
    assert "THREATEN" in lex.described_acts and "AGREE" not in lex.described_acts


def test_triggers_described_acts_must_be_event_types(tmp_path):
    (tmp_path / "triggers.toml").write_text('[described_acts]\ntypes = ["THREATEN", "SCOLD"]\n')
    with pytest.raises(KnowledgeError, match=r"triggers.toml.*described_acts"):
        triggers.load([tmp_path])
