"""The assembled Language: the pinned model, our components in order, a clean analysis."""
from __future__ import annotations

import pytest

from pactwatch import pipeline


def test_pipeline_has_our_components_after_the_model(nlp):
    assert nlp.meta["version"] == pipeline.MODEL_VERSION
    assert nlp.pipe_names[-len(pipeline.COMPONENTS):] == list(pipeline.COMPONENTS)
    # blank lines are marked as sentence ends just before the parser decides the rest
    assert nlp.pipe_names[:7] == ["tok2vec", "tagger", "pactwatch_paragraphs", "parser", "attribute_ruler",
                                  "lemmatizer", "ner"]


def test_pipeline_analysis_finds_no_problems(nlp):
    problems = nlp.analyze_pipes(pretty=False)["problems"]
    assert all(not p for p in problems.values()), problems


def test_pipeline_is_built_once_per_process():
    assert pipeline.load() is pipeline.load()


def test_pipeline_annotate_streams_docs_with_context(nlp):
    items = [("Seoul hosted the talks.", "2025-05-01", [(0, 5)]), ("Tokyo did not.", None, [])]
    docs = list(pipeline.annotate(nlp, items, batch_size=1))
    assert [d.text for d in docs] == ["Seoul hosted the talks.", "Tokyo did not."]
    assert docs[0]._.dct == "2025-05-01" and docs[0]._.captions == [(0, 5)]
    assert docs[1]._.dct is None
    for doc in docs:
        for group in ("pw_actors", "pw_timex", "pw_quantities", "pw_events"):
            assert group in doc.spans


def test_pipeline_sentence_index_agrees_with_the_parser(annotate):
    doc = annotate("Seoul agreed. Washington waited for a week. Tokyo said nothing at all.")
    parsed = [(s.start, s.end) for s in doc.sents]
    for token in doc:
        assert (token.sent.start, token.sent.end) in parsed
        assert token.sent.start <= token.i < token.sent.end
    span = doc[3:5]
    assert (span.sent.start, span.sent.end) == (token_sent := (doc[3].sent.start, doc[3].sent.end)) and token_sent in parsed


def test_pipeline_blank_line_ends_a_sentence(annotate):
    # a headline without a full stop above the prose: the parser alone tends to run them together
    doc = annotate("Allies Sign Shipyard Accord After Long Talks\n\nthe two governments agreed on Monday "
                   "to build four frigates together.\nOfficials said the first keel would be laid in May.")
    starts = [s[0].text for s in doc.sents if not s[0].is_space]
    assert starts[:2] == ["Allies", "the"]


def _written(doc) -> dict:
    """What a Doc carries that a component could have written: span groups, Doc extensions, the
    extensions of every span in the groups, and sentence starts."""
    state = {"doc.spans": {k: [(s.start, s.end, s.label_) for s in g] for k, g in doc.spans.items()},
             "token.is_sent_start": [t.is_sent_start for t in doc]}
    for name in ("dct", "captions", "layout", "anchor", "anchor_source", "inferred_after", "pipeline_errors"):
        state[f"doc._.{name}"] = repr(doc._.get(name))
    for name in ("actor", "timex", "quantity", "event"):
        state[f"span._.{name}"] = repr([(s.start, s.end, s._.get(name)) for g in doc.spans.values() for s in g
                                        if s._.get(name) is not None])
    return state


def test_each_component_writes_only_what_it_declares(nlp):
    """spaCy's contract: a component's `assigns` names everything it writes, so analyze_pipes
    means something. Each of our components runs on its own and what changed is compared with its
    declaration; a component that writes something undeclared fails here."""
    text = ("Seoul, June 3 (Wire) -- South Korea agreed on Monday to invest $350 billion in the United States, "
            "President Lee Jae Myung said.\n\nThe United States will cut its 25% tariff to 15%, officials said.")
    doc = pipeline.make_doc(nlp, pipeline.as_document(text, "2025-06-03"))
    ours = set(pipeline.COMPONENTS) | {"pactwatch_paragraphs"}
    for name, component in nlp.pipeline:
        before = _written(doc)
        doc = component(doc)
        if name not in ours:
            continue
        after = _written(doc)
        changed = {key for key in after if after[key] != before.get(key)}
        declared = set(nlp.get_pipe_meta(name).assigns)
        assert changed <= declared, f"{name} writes {sorted(changed - declared)} without declaring it"

def test_pipeline_a_dateline_starts_the_first_sentence_under_a_headline(annotate):
    # the headline sits on the line above with no blank line between: the dateline opens the body
    doc = annotate("Harbour chiefs call data pact 'overdue'\nLISBON —The port authority said on Monday it "
                   "would share shipping data with its neighbours.\n", "2025-03-03")
    sents = [s.text.strip() for s in doc.sents]
    assert sents[0] == "Harbour chiefs call data pact 'overdue'"
    assert sents[1:3] == ["LISBON —", "The port authority said on Monday it would share shipping data with its "
                                      "neighbours."]


@pytest.mark.parametrize("text, holder, target", [
    # a body that trades in its own right is a party to a tariff as a state is
    ("The United States imposed a 20% tariff on the European Union on Monday.", "United States", "European Union"),
    ("The European Union imposed a 25% tariff on American whiskey.", "European Union", "United States"),
])
def test_pipeline_a_supranational_body_holds_or_faces_a_tariff(annotate, text, holder, target):
    doc = annotate(text, "2025-07-01")
    found = [(q._.quantity["holder"], q._.quantity["target"]) for q in doc.spans["pw_quantities"]]
    assert found == [(holder, target)]


def test_pipeline_as_document_reads_the_layout_with_the_users_kb(tmp_path):
    (tmp_path / "page_layout.toml").write_text('link_openers = ["Elsewhere"]\n', encoding="utf-8")
    text = "Elsewhere: Harbour chiefs meet again next month\n\nThe ports agreed on Tuesday to share their data."
    link = (0, text.index("\n"), "link")
    assert link not in pipeline.as_document(text).layout
    assert link in pipeline.as_document(text, kb_dirs=[str(tmp_path)]).layout
