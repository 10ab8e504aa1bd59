"""The assembled Language: the pinned model, our components in order, a clean analysis."""
from __future__ import annotations

from pactwatch import pipeline


def test_pipeline_has_our_components_after_the_model(nlp):
    assert nlp.meta["version"] == pipeline.MODEL_VERSION
    assert nlp.pipe_names[-4:] == list(pipeline.COMPONENTS)
    assert nlp.pipe_names[:6] == ["tok2vec", "tagger", "parser", "attribute_ruler", "lemmatizer", "ner"]


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
