"""One document's extraction as every engine runs it: the pipeline over a batch of Documents,
each turned into its document record (anchor resolved, text left out) and its fact records.

This is the one place the per-document work lives, so the in-process path, the worker processes
and the Ray actors give the same records. What comes back is plain data (no spaCy objects): it
crosses process and machine boundaries as it is."""
from __future__ import annotations

import gc
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


def load_pipeline(kb_dirs: Iterable[str] = ()):
    """The pipeline an engine extracts with, loaded once for the process's life. What it holds (the
    model, its vocabulary, our rules and knowledge) lives as long as the process, so it is taken out
    of the cyclic garbage collector's sight (gc.freeze): full collections, which an ingest triggers
    every few dozen documents, no longer re-scan it (BENCHMARKS.md: about half the collector's time)."""
    from .. import pipeline

    nlp = pipeline.load(kb_dirs=kb_dirs)
    gc.freeze()
    return nlp


def extract_batch(nlp, documents: Iterable[Document], batch_size: int = 8,
                  kb_dirs: Iterable[str] = ()) -> Iterator[tuple[Document, Extraction]]:
    """The pipeline over `documents`, streamed in their order: each document with its Extraction.
    A long document is annotated in bounded windows (pipeline/windows.py) whose records are
    shifted back into the whole text and merged, so memory is bounded by the window; a window's layout
    is read with the --kb folders `kb_dirs` the pipeline was loaded with."""
    from .. import facts, pipeline
    from ..pipeline import windows

    def pieces():
        for document in documents:
            spans = windows.split(document.text)
            for number, (start, end) in enumerate(spans, start=1):
                # a window is annotated as a text of its own: its layout is read in that text
                piece = document if len(spans) == 1 else pipeline.as_document(
                    document.text[start:end], document.published, windows.captions_in(document.captions, start, end),
                    kb_dirs)
                yield pipeline.make_doc(nlp, piece), (document, start, number == len(spans))

    gathered: list[dict] = []      # the records of a long document's windows so far
    problems: list[str] = []
    head: dict = {}                # the document record, built with its first window (the anchor)
    error: str | None = None
    for doc, (document, offset, last) in nlp.pipe(pieces(), as_tuples=True, batch_size=batch_size):
        if offset == 0:
            gathered, problems, head, error = [], [], {}, None
        if error is None:
            try:
                head = head or facts.document_record(document, doc)
                gathered += windows.shifted(facts.fact_records(doc, document.doc_id), offset)
                problems += [p for p in doc._.pipeline_errors or [] if p not in problems]
            except Exception as e:  # noqa: BLE001  (our bug on an unforeseen text: that document alone fails)
                error = f"extraction failed ({type(e).__name__}: {e}); please report it with the document"
        # the components' per-Doc caches (the parse table, spans, memos, the sentence index behind
        # token.sent) point back at the Doc: dropped now, the Doc is freed at once instead of waiting
        # for a full garbage collection
        doc.user_data.clear()
        doc.user_hooks.clear()
        doc.user_token_hooks.clear()
        doc.user_span_hooks.clear()
        if not last:
            continue
        if error is not None:
            yield document, Extraction(document.doc_id, error=error)
            continue
        record = {k: v for k, v in head.items() if k != "text"}
        records = gathered if offset == 0 else windows.merged(gathered)
        yield document, Extraction(document.doc_id, record, records, problems)
