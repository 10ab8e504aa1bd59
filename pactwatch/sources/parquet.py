"""Parquet corpora: one article a row, with the columns a JSONL corpus line has (`text` or `html`,
and optionally `id`, `url`, `title`, `authors`, `published`, `publisher`). Read in row groups, so a
large corpus never sits in memory whole; each bad row is its own error and the rest go in."""
from __future__ import annotations

from collections.abc import Iterator
from typing import BinaryIO

from pactwatch.documents.model import Document
from pactwatch.documents.layout.words import LayoutWords
from pactwatch.errors import InputError
from pactwatch.sources.jsonl import FIELD_TYPES, record_document, record_source, wrong_type

BATCH_ROWS = 256


def read_parquet(stream: BinaryIO, source: str, max_bytes: int,
                 lw: LayoutWords | None = None) -> Iterator[Document | InputError]:
    import pyarrow as pa
    import pyarrow.parquet as pq

    try:
        table = pq.ParquetFile(stream)
    except (pa.ArrowException, OSError, ValueError) as exc:
        yield InputError(source, f"not a readable Parquet file ({exc}); write it with pyarrow or pandas")
        return
    names = [n for n in table.schema_arrow.names if n in FIELD_TYPES]
    if "text" not in names and "html" not in names:
        yield InputError(source, "a Parquet corpus needs a 'text' or 'html' column")
        return
    number = 0
    try:
        batches = table.iter_batches(batch_size=BATCH_ROWS, columns=names)
        for batch in batches:
            for record in batch.to_pylist():
                number += 1
                yield from _row(record, source, number, max_bytes, lw)
    except (pa.ArrowException, OSError, ValueError) as exc:
        yield InputError(source, f"row {number + 1} and after: not readable ({exc})")


def _row(record: dict, source: str, number: int, max_bytes: int,
         lw: LayoutWords | None) -> Iterator[Document | InputError]:
    size = sum(len(v.encode("utf-8", "replace")) for v in record.values() if isinstance(v, str))
    if size > max_bytes:
        yield InputError(source, f"row {number}: {size:,} bytes, over the {max_bytes:,}-byte limit")
        return
    wrong = wrong_type(record)
    if wrong:
        yield InputError(source, f"row {number}: {wrong}")
        return
    try:
        yield record_document(record, record_source(record, source, number), number, lw)
    except InputError as exc:
        yield InputError(source, f"row {number}: {exc.reason}")
