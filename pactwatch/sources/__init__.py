"""Minimal stand-in (plain-text files and folders only) until the sources package lands."""
from pathlib import Path

from ..documents.model import Document
from ..errors import InputError


def read(inputs, max_bytes=20_000_000, timeout=20.0):
    for i in inputs:
        p = Path(i)
        if not p.exists():
            yield InputError(i, "not found")
            continue
        for f in sorted(p.rglob("*.txt")) if p.is_dir() else [p]:
            yield Document(source=str(f), text=f.read_text(encoding="utf-8"))
