"""`pactwatch serve`: the record as web pages, each with a JSON twin, over the library API and the store."""
from __future__ import annotations

from .app import create_app

__all__ = ["create_app"]
