"""Lemmas asked once per (form, POS, morphology) must be spaCy's lemmatizer's, token for token."""
import json
from pathlib import Path

import spacy
from spacy.lookups import Lookups
from spacy.tokens import Doc

from pactwatch.pipeline import MODEL, use_fast_ops
from pactwatch.pipeline.lemmas import MemoLemmas

WORDS = ["The", "cats", "saw", "mice", "and", "cats", "chased", "the", "cat", "'s", "mice", "."]
POS = ["DET", "NOUN", "VERB", "NOUN", "CCONJ", "NOUN", "VERB", "DET", "NOUN", "PART", "NOUN", "PUNCT"]
MORPHS = ["", "Number=Plur", "Tense=Past|VerbForm=Fin", "Number=Plur", "", "Number=Plur",
          "Tense=Past|VerbForm=Fin", "", "Number=Sing", "", "Number=Plur", ""]


def blank_lemmatizer():
    nlp = spacy.blank("en")
    lemmatizer = nlp.add_pipe("lemmatizer", config={"mode": "rule"})
    lookups = Lookups()
    lookups.add_table("lemma_rules", {"noun": [["s", ""]], "verb": [["ed", ""], ["ed", "e"]]})
    lookups.add_table("lemma_index", {"noun": ["cat"], "verb": ["chase", "see"]})
    lookups.add_table("lemma_exc", {"noun": {"mice": ["mouse"]}, "verb": {"saw": ["see"]}})
    lemmatizer.initialize(lookups=lookups)
    return nlp, lemmatizer


def hand_doc(vocab, preset=None):
    lemmas = [preset if (preset and w == "'s") else "" for w in WORDS] if preset else None
    doc = Doc(vocab, words=WORDS, pos=POS, morphs=MORPHS, lemmas=lemmas)
    return doc


def test_same_lemmas_as_spacys_lemmatizer_on_a_hand_built_doc():
    nlp, theirs = blank_lemmatizer()
    ours = MemoLemmas().wrap(theirs)
    expected = [t.lemma_ for t in theirs(hand_doc(nlp.vocab))]
    assert expected[1] == "cat" and expected[3] == "mouse" and expected[6] == "chase"
    assert [t.lemma_ for t in ours(hand_doc(nlp.vocab))] == expected
    # answered again from the memo: still the same
    assert [t.lemma_ for t in ours(hand_doc(nlp.vocab))] == expected


def test_a_lemma_set_before_is_kept_as_spacy_keeps_it():
    nlp, theirs = blank_lemmatizer()
    ours = MemoLemmas().wrap(theirs)
    doc = ours(hand_doc(nlp.vocab, preset="be"))
    assert doc[9].lemma_ == "be"
    assert [t.lemma_ for t in doc] == [t.lemma_ for t in theirs(hand_doc(nlp.vocab, preset="be"))]


def test_the_model_lemmas_are_spacys_on_real_sentences(nlp):
    use_fast_ops()
    plain = spacy.load(MODEL)
    assert "pactwatch_lemmas" in nlp.pipe_factories.values()
    texts = ["Seoul pledged $350 billion; the talks were stalled, officials said, and tariffs rose.",
             "The ministers' meetings ended early as the allies' leaders flew home, having agreed nothing."]
    samples = Path(__file__).resolve().parents[2] / "samples"
    texts += [p.read_text(encoding="utf-8") for p in sorted(samples.glob("*.txt"))[:6]]
    for text in texts:
        assert [t.lemma_ for t in nlp(text)] == [t.lemma_ for t in plain(text)]


def test_the_model_tables_stay_readable_through_the_swap(nlp):
    # actors/index.py reads the English words from the lemmatizer's tables: a swap that hid them
    # turned sentence-opening words ("Turnout was ...") into names
    from pactwatch.pipeline.actors.index import _common_words
    lemmatizer = nlp.get_pipe("lemmatizer")
    assert type(lemmatizer).__name__ == "MemoLemmas"
    assert lemmatizer.lookups is not None and lemmatizer.lookups.has_table("lemma_index")
    assert {"turnout", "offer", "pledge"} <= _common_words(nlp)
