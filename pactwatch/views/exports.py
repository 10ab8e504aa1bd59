"""Export writers: JSONL (one record a line, FORMAT.md), CSV and Parquet (one file per kind).

What every writer guarantees: valid JSON (a number JSON cannot hold, such as an overflowing amount,
is written as null), one record per line for every line-splitting reader (U+2028, U+2029 and U+0085
inside strings are written as \\u escapes), CSV cells a spreadsheet shows and never runs (a text
cell starting with = + - @, tab or carriage return gets a leading apostrophe, as OWASP's CSV
injection guidance recommends), and files that appear only when complete.
"""
from __future__ import annotations

import contextlib
import csv
import json
import math
import os
import shutil
import tempfile
from pathlib import Path
from typing import Callable, Iterable, TextIO

KINDS = ("document", "entity", "timex", "quantity", "event", "conflict")
# characters str.splitlines() (and JavaScript) take for line ends that JSON leaves raw in strings
_LINE_BREAKS = {"\u2028": "\\u2028", "\u2029": "\\u2029", "\x85": "\\u0085"}
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def finite(value):
    """`value` with every float JSON cannot hold (inf, nan) replaced by None, however deep."""
    if isinstance(value, float):
        return value if math.isfinite(value) else None
    if isinstance(value, dict):
        return {k: finite(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [finite(v) for v in value]
    return value


def json_line(rec: dict) -> str:
    """One record as one line of strict JSON."""
    try:
        line = json.dumps(rec, ensure_ascii=False, allow_nan=False)
    except ValueError:
        line = json.dumps(finite(rec), ensure_ascii=False, allow_nan=False)
    for raw, escaped in _LINE_BREAKS.items():
        if raw in line:
            line = line.replace(raw, escaped)
    return line


def write_jsonl(records: Iterable[dict], out: TextIO) -> int:
    n = 0
    for rec in records:
        out.write(json_line(rec) + "\n")
        n += 1
    return n


def write_jsonl_whole(records: Iterable[dict], out: TextIO) -> int:
    """JSONL to a stream, all or nothing: spooled first (in memory up to 8 MB, then a temporary file),
    so an error while reading the store leaves the stream untouched."""
    with tempfile.SpooledTemporaryFile(max_size=8_000_000, mode="w+", encoding="utf-8") as spool:
        n = write_jsonl(records, spool)
        spool.seek(0)
        shutil.copyfileobj(spool, out)
    return n


@contextlib.contextmanager
def _complete(path: Path, newline: str | None = None):
    """A file written beside `path` and renamed over it only when the writing finished."""
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", dir=path.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline=newline) as f:
            yield f
        os.replace(tmp, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise


def write_jsonl_file(records: Iterable[dict], path: Path) -> int:
    with _complete(path) as f:
        return write_jsonl(records, f)


def spreadsheet_safe(value):
    """A text cell a spreadsheet would take for a formula, made plain text with a leading apostrophe."""
    if isinstance(value, str) and value.startswith(_FORMULA_START):
        return "'" + value
    return value


def _flat(rec: dict) -> dict:
    """Lists and objects as JSON text, so a spreadsheet gets one cell per field."""
    return {k: json.dumps(finite(v), ensure_ascii=False) if isinstance(v, (list, dict)) else finite(v)
            for k, v in rec.items()}


def _columns(rows: list[dict]) -> list[str]:
    cols: dict[str, None] = {}
    for r in rows:
        cols.update(dict.fromkeys(r))
    return list(cols)


def write_csv(records_of: Callable[[str], Iterable[dict]], folder: Path) -> int:
    n = 0
    for kind in KINDS:
        rows = [{k: spreadsheet_safe(v) for k, v in _flat(r).items()} for r in records_of(kind)]
        with _complete(folder / f"{kind}.csv", newline="") as f:
            writer = csv.DictWriter(f, fieldnames=_columns(rows) or ["kind"])
            writer.writeheader()
            writer.writerows(rows)
        n += len(rows)
    return n


def write_parquet(records_of: Callable[[str], Iterable[dict]], folder: Path) -> int:
    import pyarrow as pa
    import pyarrow.parquet as pq

    n = 0
    for kind in KINDS:
        rows = [_flat(r) for r in records_of(kind)]
        cols = _columns(rows) or ["kind"]
        # one type per column: numbers stay numbers, anything mixed becomes text
        table = pa.Table.from_pydict({c: _column([r.get(c) for r in rows]) for c in cols})
        pq.write_table(table, folder / f"{kind}.parquet")
        n += len(rows)
    return n


def _column(values: list):
    import pyarrow as pa

    kinds = {type(v) for v in values if v is not None}
    if kinds <= {int} or kinds <= {float} or kinds <= {int, float} or kinds <= {bool}:
        return pa.array(values)
    return pa.array([None if v is None else str(v) for v in values], type=pa.string())
