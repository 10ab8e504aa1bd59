"""The document's identity: worked out once, yet always the id of the text it holds now."""
from __future__ import annotations

import pickle

from pactwatch.documents.model import Document


def test_document_id_ignores_cosmetic_white_space_and_follows_a_changed_text():
    doc = Document("a.txt", "Troops  stay.\r\nTalks go on.")
    first = doc.doc_id
    assert first == Document("b.txt", "Troops stay. Talks go on.").doc_id
    assert doc.doc_id == first                      # asked again: the same
    doc.text = "Troops leave."
    assert doc.doc_id == Document("c.txt", "Troops leave.").doc_id != first
    assert doc.text_sha256 == Document("c.txt", "Troops leave.").text_sha256


def test_document_sent_to_a_worker_keeps_its_id_and_equality():
    doc = Document("a.txt", "Troops stay.")
    copy = pickle.loads(pickle.dumps(doc))
    assert copy == doc and copy.doc_id == doc.doc_id
