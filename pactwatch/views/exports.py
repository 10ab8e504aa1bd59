"""Export writers: JSONL (one record a line, FORMAT.md), CSV and Parquet (one file per kind)."""
from __future__ import annotations

import csv
import json
from pathlib import Path
from typing import Callable, Iterable, TextIO

KINDS = ("document", "entity", "timex", "quantity", "event", "conflict")


def write_jsonl(records: Iterable[dict], out: TextIO) -> int:
    n = 0
    for rec in records:
        out.write(json.dumps(rec, ensure_ascii=False, sort_keys=False) + "\n")
        n += 1
    return n


def _flat(rec: dict) -> dict:
    """Lists and objects as JSON text, so a spreadsheet gets one cell per field."""
    return {k: json.dumps(v, ensure_ascii=False) if isinstance(v, (list, dict)) else v for k, v in rec.items()}


def _columns(rows: list[dict]) -> list[str]:
    cols: dict[str, None] = {}
    for r in rows:
        cols.update(dict.fromkeys(r))
    return list(cols)


def write_csv(records_of: Callable[[str], Iterable[dict]], folder: Path) -> int:
    n = 0
    for kind in KINDS:
        rows = [_flat(r) for r in records_of(kind)]
        with open(folder / f"{kind}.csv", "w", encoding="utf-8", newline="") as f:
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
