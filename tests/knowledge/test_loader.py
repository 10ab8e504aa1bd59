"""The one reader of knowledge files: packaged files read once, a user's --kb files merged in,
every problem one KnowledgeError naming file and entry, shown by the CLI as one line."""
from __future__ import annotations

import pytest
import spacy
from typer.testing import CliRunner

from pactwatch import pipeline
from pactwatch.errors import KnowledgeError
from pactwatch import knowledge
from pactwatch.knowledge import loader, triggers
from pactwatch.pipeline import quantity_amounts, timex_rules
from pactwatch.pipeline import time as _time  # noqa: F401  (registers the pactwatch_time factory)
from pactwatch.pipeline.extensions import TIMEX
from pactwatch.views.cli import app


def _write(folder, name, text):
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return path


def test_loader_reads_a_packaged_file_once():
    first = loader.data("time_words.toml")
    assert first["months"]["january"] == 1
    assert loader.data("time_words.toml") is first


def test_loader_every_packaged_file_parses_to_tables():
    for path in loader.DATA.iterdir():
        assert isinstance(loader.read_file(path), (dict, list)), path.name


def test_loader_merges_a_user_file_tables_by_key_lists_by_entry(tmp_path):
    _write(tmp_path, "ledger_words.toml", 'function_words = ["thereof", "the"]\n')
    _write(tmp_path, "time_words.toml", '[units]\nfortnight = "W"\n')
    ledger = loader.data("ledger_words.toml", [tmp_path])
    packaged = loader.data("ledger_words.toml")
    assert ledger["function_words"] == packaged["function_words"] + ["thereof"]   # "the" not twice
    merged = loader.data("time_words.toml", [tmp_path])
    assert merged["units"]["fortnight"] == "W" and merged["units"]["year"] == "Y"
    assert "fortnight" not in loader.data("time_words.toml")["units"]      # the packaged data untouched


def test_loader_a_single_file_can_be_given_instead_of_a_folder(tmp_path):
    path = _write(tmp_path / "mine", "time_words.toml", '[vague]\n"of late" = "PAST_REF"\n')
    assert loader.data("time_words.toml", [path])["vague"]["of late"] == "PAST_REF"
    assert loader.files("triggers.toml", [path]) == [str(loader.DATA / "triggers.toml")]


def test_loader_an_edited_user_file_is_read_again(tmp_path):
    _write(tmp_path, "time_words.toml", '[units]\nfortnight = "W"\n')
    assert "fortnight" in loader.data("time_words.toml", [tmp_path])["units"]
    _write(tmp_path, "time_words.toml", '[units]\nsennight = "W"\n\n')   # another size: another state
    units = loader.data("time_words.toml", [tmp_path])["units"]
    assert "sennight" in units and "fortnight" not in units


@pytest.mark.parametrize("text, entry, problem", [
    ('months = ["may"]\n', "[months]", "must be a table"),
    ('[vague]\nsoon = ["FUTURE_REF"]\n', "[vague.soon]", "must be a string"),
    ('[person_nouns]\nwords = "adviser"\n', "[person_nouns.words]", "must be a list"),
])
def test_loader_a_value_of_another_kind_than_the_packaged_one_is_refused(tmp_path, text, entry, problem):
    path = _write(tmp_path, "time_words.toml", text)
    with pytest.raises(KnowledgeError) as err:
        loader.data("time_words.toml", [tmp_path])
    assert str(err.value).startswith(f"{path}: {entry} {problem}")
    assert err.value.fix == loader.USER_FIX and err.value.code == "E020"


def test_loader_broken_toml_names_the_file_and_says_what_to_do(tmp_path):
    path = _write(tmp_path, "measures.toml", "[units\n")
    with pytest.raises(KnowledgeError) as err:
        loader.data("measures.toml", [tmp_path])
    message = str(err.value)
    assert message.startswith(f"{path}: not valid TOML") and message.endswith(loader.USER_FIX)
    assert "\n" not in message


def test_loader_a_missing_folder_is_refused(tmp_path):
    with pytest.raises(KnowledgeError, match="not a folder of knowledge files"):
        loader.data("time_words.toml", [tmp_path / "absent"])


def test_loader_checked_reads_name_the_packaged_and_the_user_file(tmp_path):
    path = _write(tmp_path, "triggers.toml", '[verbs]\nparley = "PARLEY"\n')
    with pytest.raises(KnowledgeError) as err:
        triggers.load([tmp_path])
    assert str(err.value).startswith(f"triggers.toml + {path}: [verbs.parley] unknown event type 'PARLEY'")


def test_loader_numbers_have_one_owner_read_by_time_and_quantities():
    cardinals = loader.data("numbers.toml")["cardinals"]
    assert quantity_amounts.NUMBER_WORDS is cardinals
    numbers = timex_rules.words()["numbers"]
    assert all(numbers[w] == v for w, v in cardinals.items())
    assert numbers["a couple of"] == 2 and "a couple of" not in cardinals   # time's own phrases stay its own


def _timexes(nlp, text):
    doc = nlp(pipeline.make_doc(nlp, pipeline.as_document(text, "2025-08-21")))
    return [(s.text, s._.timex["value"]) for s in doc.spans[TIMEX]]


def test_loader_a_user_time_word_takes_effect_in_a_pipeline(tmp_path):
    _write(tmp_path, "time_words.toml", '[vague]\n"of late" = "PAST_REF"\n')
    text = "Fuel prices have climbed of late, the ministry said."
    plain, extended = spacy.blank("en"), spacy.blank("en")
    plain.add_pipe("pactwatch_time")
    extended.add_pipe("pactwatch_time", config={"kb_dirs": [str(tmp_path)]})
    assert _timexes(plain, text) == []
    assert _timexes(extended, text) == [("of late", "PAST_REF")]


def test_loader_a_user_number_word_counts_time_units(tmp_path):
    _write(tmp_path, "numbers.toml", "[cardinals]\nscore = 20\n")
    nlp = spacy.blank("en")
    nlp.add_pipe("pactwatch_time", config={"kb_dirs": [str(tmp_path)]})
    assert ("score years", "P20Y") in _timexes(nlp, "The pact has held for score years.")


def test_loader_a_user_trigger_word_takes_effect_in_the_pipeline(tmp_path, nlp):
    _write(tmp_path, "triggers.toml", '[verbs]\nparley = "CONSULT"\n')
    text = "South Korea's foreign minister parleyed with Japanese officials in Tokyo on Monday."
    extended = pipeline.load(kb_dirs=[str(tmp_path)])

    def events(model):
        doc = next(pipeline.annotate(model, [(text, "2025-08-21", [])]))
        return [(s.root.lemma_, s._.event["type"]) for s in doc.spans["pw_events"]]

    assert not any(lemma == "parley" for lemma, _ in events(nlp))
    assert ("parley", "CONSULT") in events(extended)


def test_loader_a_malformed_user_file_is_one_coded_line_in_the_cli(tmp_path):
    article = _write(tmp_path / "articles", "a.txt", "Seoul and Tokyo met on Monday.\n")
    bad = _write(tmp_path / "kb", "triggers.toml", '[verbs]\nmeet = ["CONSULT"]\n')
    result = CliRunner().invoke(app, ["ingest", str(article), "--kb", str(tmp_path / "kb"), "--workers", "1",
                                      "--db", str(tmp_path / "t.db")])
    assert result.exit_code == 1
    assert "Traceback" not in result.output
    assert result.stderr.strip() == (f"Error: [E020] {bad}: [verbs.meet] must be a string, as in the "
                                     f"packaged triggers.toml; {loader.USER_FIX}")


def test_loader_a_user_file_named_like_no_knowledge_file_is_refused(tmp_path):
    path = _write(tmp_path, "time_word.toml", '[vague]\n"of late" = "PAST_REF"\n')
    with pytest.raises(KnowledgeError) as err:
        knowledge.kb.build([tmp_path])
    assert str(err.value).startswith(f"{path}: is named like no packaged knowledge file")
    assert "time_words.toml" in err.value.fix


def test_loader_a_user_file_of_actors_may_have_any_name(tmp_path):
    _write(tmp_path, "my_people.toml", '[[people]]\nid = "per:roe"\nname = "Jane Roe"\n')
    assert knowledge.kb.build([tmp_path]).find("Jane Roe")["id"] == "per:roe"
