"""The parse table must say exactly what spaCy's Token API says, position by position."""
import spacy
from spacy.tokens import Doc

from pactwatch.pipeline.parse_table import parse_table


def hand_doc():
    nlp = spacy.blank("en")
    words = ["Seoul", "agreed", "to", "invest", "$", "350", "billion", ".", "\n\n", "Talks", "resume", "."]
    heads = [1, 1, 3, 1, 6, 6, 3, 1, 8, 10, 10, 10]
    deps = ["nsubj", "ROOT", "aux", "xcomp", "nmod", "compound", "dobj", "punct", "dep", "nsubj", "ROOT", "punct"]
    tags = ["NNP", "VBD", "TO", "VB", "$", "CD", "CD", ".", "_SP", "NNS", "VBP", "."]
    sent_starts = [True] + [False] * 8 + [True, False, False]
    ents = ["B-GPE", "O", "O", "O", "B-MONEY", "I-MONEY", "I-MONEY", "O", "O", "O", "O", "O"]
    return Doc(nlp.vocab, words=words, spaces=[True, True, True, True, False, True, False, False, False, True,
                                                True, False],
               heads=heads, deps=deps, tags=tags, lemmas=[w.lower() for w in words], sent_starts=sent_starts,
               ents=ents)


def same_as_tokens(doc):
    table = parse_table(doc)
    assert table.head == [t.head.i for t in doc]
    assert table.children == [[c.i for c in t.children] for t in doc]
    assert table.dep == [t.dep_ for t in doc]
    assert table.tag == [t.tag_ for t in doc]
    assert table.pos == [t.pos_ for t in doc]
    assert table.lemma == [t.lemma_ for t in doc]
    assert table.lower == [t.lower_ for t in doc]
    assert table.text == [t.text for t in doc]
    assert table.idx == [t.idx for t in doc]
    assert table.end_char == [t.idx + len(t) for t in doc]
    assert table.ent_type == [t.ent_type_ for t in doc]
    assert table.ent_iob == [t.ent_iob_ for t in doc]
    assert table.whitespace == [bool(t.whitespace_) for t in doc]
    assert table.shape == [t.shape_ for t in doc]
    for flag in ("is_space", "is_punct", "like_num", "is_alpha", "is_digit", "is_title", "is_upper"):
        assert getattr(table, flag) == [getattr(t, flag) for t in doc], flag
    assert [table.sentence_of(t.i) for t in doc] == [(t.sent.start, t.sent.end) for t in doc]
    assert [list(table.ancestors(t.i)) for t in doc] == [[a.i for a in t.ancestors] for t in doc]
    assert [t.i for t in table.tokens] == list(range(len(doc)))
    assert [table.edges(t.i) for t in doc] == [(t.left_edge.i, t.right_edge.i) for t in doc]
    assert table.memo("answers") is table.memo("answers") and table.memo("answers") is not table.memo("other")


def test_a_hand_built_doc_reads_as_its_tokens_do():
    doc = hand_doc()
    same_as_tokens(doc)
    table = parse_table(doc)
    assert table.head[5] == 6 and table.head[1] == 1          # a left head, and the root on itself
    assert table.children[1] == [0, 3, 7] and table.sentence_of(10) == (9, 12)


def test_one_table_per_doc_and_a_new_one_when_the_tokens_change():
    doc = hand_doc()
    assert parse_table(doc) is parse_table(doc)
    with doc.retokenize() as retok:
        retok.merge(doc[4:7])
    table = parse_table(doc)
    assert table.size == len(doc) and table.text[4] == "$350 billion"


def test_the_model_parse_reads_the_same(nlp):
    doc = nlp("The United States agreed on Friday to cut the tariff to 15%, officials in Seoul said. "
              "North Korea, which had warned of a response, said nothing.\n\nA summit is planned for May.")
    same_as_tokens(doc)
