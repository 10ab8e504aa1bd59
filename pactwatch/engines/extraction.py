"""One document's extraction as every engine runs it: the pipeline over a batch of Documents,
each turned into its document record (anchor resolved, text left out) and its fact records.

This is the one place the per-document work lives, so the in-process path, the worker processes
and the Ray actors give the same records. What comes back is plain data (no spaCy objects): it
crosses process and machine boundaries as it is."""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Iterable, Iterator

from ..documents.model import Document


@dataclass
class Extraction:
    """What the pipeline made of one document."""
    doc_id: str
    document: dict = field(default_factory=dict)     # facts.document_record without "text"
    records: list[dict] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)  # components that failed on it (partly extracted)
    error: str | None = None                            # the whole extraction failed: nothing to store

    def document_record(self, document: Document) -> dict:
        """The document record with the text put back (the text never travels back from a worker)."""
        return {**self.document, "text": document.text}


def extract_batch(nlp, documents: Iterable[Document], batch_size: int = 8) -> Iterator[tuple[Document, Extraction]]:
    """The pipeline over `documents`, streamed in their order: each document with its Extraction."""
    from .. import facts, pipeline

    docs = ((pipeline.make_doc(nlp, d.text, d.published, d.captions), d) for d in documents)
    for doc, document in nlp.pipe(docs, as_tuples=True, batch_size=batch_size):
        try:
            records = facts.fact_records(doc, document.doc_id)
        except Exception as e:  # noqa: BLE001  (our bug on an unforeseen text: that document alone fails)
            yield document, Extraction(document.doc_id, error=f"extraction failed ({type(e).__name__}: {e}); "
                                                                "please report it with the document")
            continue
        record = facts.document_record(document, doc)
        record.pop("text", None)
        yield document, Extraction(document.doc_id, record, records, list(doc._.pipeline_errors or []))
