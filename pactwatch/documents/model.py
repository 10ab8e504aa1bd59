"""The document: clean text plus the metadata an analyst cites it by."""
from __future__ import annotations

import hashlib
import unicodedata
from dataclasses import dataclass, field


@dataclass
class Document:
    source: str                      # the path or URL as ingested; FILE#ID / FILE#LINE for JSONL records
    text: str                        # clean text; every fact's offsets point into it
    title: str | None = None
    authors: list[str] = field(default_factory=list)
    published: str | None = None     # YYYY-MM-DD, or None when the document states no date
    publisher: str | None = None
    # text that is page layout, not prose: photo captions, credits and end markers ("(END)"), char ranges
    captions: list[tuple[int, int]] = field(default_factory=list)
    # every layout element the metadata stage found, typed: (start, end, kind), kind one of "caption",
    # "credit", "end_marker", "byline", "date_line", "masthead" (bylines and mastheads at the foot of a story)
    layout: list[tuple[int, int, str]] = field(default_factory=list)
    format: str = "txt"              # txt, md, html, pdf, timeml, jsonl

    @property
    def text_sha256(self) -> str:
        return self._of_text("text_sha256", lambda text: hashlib.sha256(text.encode("utf-8")).hexdigest())

    @property
    def doc_id(self) -> str:
        """SHA-256 of the normalised text: the same article re-ingested is the same document."""
        return self._of_text("doc_id", lambda text: hashlib.sha256(normalise_for_id(text).encode("utf-8")).hexdigest())

    def _of_text(self, name: str, work_out) -> str:
        """A digest of the text, worked out once while the text stays the same: ingest asks for the
        id several times on a document's way through (source, engine, store)."""
        kept = self.__dict__.get("_digests")
        if kept is None or kept[0] is not self.text:
            kept = self.__dict__["_digests"] = (self.text, {})
        value = kept[1].get(name)
        if value is None:
            value = kept[1][name] = work_out(self.text)
        return value


def normalise_for_id(text: str) -> str:
    """Unicode NFC, unified line ends, runs of white space folded: cosmetic differences don't make a new document."""
    # every run of white space, line ends of any kind among them, one space; none at the ends
    return " ".join(unicodedata.normalize("NFC", text).split())
