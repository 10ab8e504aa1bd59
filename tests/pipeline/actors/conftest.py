"""Fixtures for the actor linker's units: a blank English pipeline (tokenizer only), the packaged
knowledge base indexed over it, and hand-built Docs with exactly the annotation a unit reads."""
from __future__ import annotations

import pytest
import spacy
from spacy.tokens import Doc


@pytest.fixture(scope="session")
def blank():
    return spacy.blank("en")


@pytest.fixture(scope="session")
def index(blank):
    from pactwatch import knowledge
    from pactwatch.pipeline.actors.index import ActorIndex
    return ActorIndex(blank, knowledge.load())


@pytest.fixture
def hand_doc(blank):
    """hand_doc("Seoul said it", pos=..., heads=..., deps=..., ents=..., sent_starts=...) -> a Doc of
    those whitespace-separated words (heads as absolute positions) with the annotation given."""
    def build(text: str, **annotation) -> Doc:
        words = text.split(" ")
        return Doc(blank.vocab, words=words, spaces=[True] * (len(words) - 1) + [False], **annotation)
    return build
