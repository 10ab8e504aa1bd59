"""The table-driven attribute rules must leave every token exactly as spaCy's AttributeRuler does."""
import spacy
from spacy.attrs import DEP, LEMMA, MORPH, POS, TAG
from spacy.tokens import Doc

from pactwatch.pipeline.attribute_rules import AttributeRules

COLUMNS = [TAG, POS, MORPH, LEMMA, DEP]

PATTERNS = [
    {"patterns": [[{"TAG": "NN"}]], "attrs": {"POS": "NOUN", "MORPH": "Number=Sing"}},
    {"patterns": [[{"TAG": {"IN": ["VBD", "VBZ"]}}]], "attrs": {"POS": "VERB"}},
    {"patterns": [[{"LOWER": "bank", "TAG": "NN"}]], "attrs": {"LEMMA": "bank-noun"}},
    # a later rule wins for the attribute both set
    {"patterns": [[{"LOWER": "bank"}]], "attrs": {"POS": "PROPN"}},
    {"patterns": [[{"DEP": {"NOT_IN": ["det", ""]}, "TAG": "DT"}]], "attrs": {"POS": "PRON"}},
    {"patterns": [[{"LOWER": {"REGEX": "^gon+$"}}, {"LOWER": "na"}]], "attrs": {"LEMMA": "go"}, "index": 0},
    {"patterns": [[{"LOWER": "gon"}, {"LOWER": "na"}]], "attrs": {"LEMMA": "to"}, "index": -1},
    {"patterns": [[{"IS_SPACE": True}]], "attrs": {"TAG": "_SP", "POS": "SPACE"}},
    # an operator no table answers: left to a Matcher, same result
    {"patterns": [[{"LOWER": "very", "OP": "+"}, {"TAG": "JJ"}]], "attrs": {"POS": "ADJ"}, "index": -1},
]


def hand_doc(vocab):
    words = ["The", "bank", "gon", "na", "close", " ", "this", "very", "very", "big", "bank", "."]
    tags = ["DT", "NN", "VBG", "TO", "VB", "_SP", "DT", "RB", "RB", "JJ", "NN", "."]
    heads = [1, 4, 4, 4, 4, 4, 10, 9, 9, 10, 4, 4]
    deps = ["det", "nsubj", "aux", "aux", "ROOT", "dep", "dobj", "advmod", "advmod", "amod", "dobj", "punct"]
    spaces = [True, True, False, True, False, False, True, True, True, True, False, False]
    return Doc(vocab, words=words, spaces=spaces, tags=tags, heads=heads, deps=deps)


def test_same_tokens_as_spacys_ruler_on_a_hand_built_doc():
    nlp = spacy.blank("en")
    ruler = nlp.add_pipe("attribute_ruler")
    ruler.add_patterns(PATTERNS)
    ours = AttributeRules(nlp).from_ruler(ruler)
    assert ours.matched_rules == 1          # only the operator rule needs the Matcher
    theirs, mine = ruler(hand_doc(nlp.vocab)), ours(hand_doc(nlp.vocab))
    assert (theirs.to_array(COLUMNS) == mine.to_array(COLUMNS)).all()
    # and the rules did apply: the later POS rule won, both "gon na" rules reached their tokens
    assert [t.pos_ for t in mine][:2] == ["", "PROPN"]
    assert [t.lemma_ for t in mine][2:4] == ["go", "to"]
    assert mine[6].pos_ == "PRON" and mine[9].pos_ == "ADJ" and mine[5].pos_ == "SPACE"


def test_same_tokens_as_spacys_ruler_with_the_model(nlp):
    text = ("Y'all gon na see it: we got ta go, let's eat. I ain't sure there's nothin' left. "
            "The alliance agreed on Tuesday that each ally would spend 3.5% of GDP.\n\n  Seoul's envoy, "
            "who wasn't there, said that those were the terms. C'mon, which one?")
    ours = nlp.get_pipe("attribute_ruler")
    assert isinstance(ours, AttributeRules)
    original = spacy.load(nlp.meta["lang"] + "_" + nlp.meta["name"], exclude=["ner", "lemmatizer"])
    ruler = original.get_pipe("attribute_ruler")
    with original.select_pipes(disable=["attribute_ruler"]):
        parsed = original(text)
    theirs = ruler(Doc(parsed.vocab).from_bytes(parsed.to_bytes()))
    mine = ours(Doc(parsed.vocab).from_bytes(parsed.to_bytes()))
    assert (theirs.to_array(COLUMNS) == mine.to_array(COLUMNS)).all()
    assert any(t.pos_ == "AUX" for t in mine)
