"""TimeML out: one .tml per document with pactwatch's TIMEX3 tags (tid, type, value) in its text,
so the standard TempEval-3 scoring can read it.

For a document read from a .tml file, everything outside <TEXT> is kept as it was and the text
inside is the same characters; the annotations that were inside <TEXT> are replaced by ours (old
TIMEX3 tags left in would be scored as ours). Any other document gets a minimal TimeML file.
"""
from __future__ import annotations

import re
from pathlib import Path
from xml.sax.saxutils import escape, quoteattr

from pactwatch.errors import InputError
from pactwatch.sources.timeml import TEXT_ELEMENT, plain_text

_SKELETON = """<?xml version="1.0" ?>
<TimeML>
<DOCID>{docid}</DOCID>
<DCT>{dct}</DCT>
<TEXT>{text}</TEXT>
</TimeML>
"""


def file_name(source: str) -> str:
    """The output name: the source file's name, ending in .tml."""
    name = re.split(r"[\\/]", source.split("#")[0].rstrip("/"))[-1] or "document"
    name = re.sub(r"[^\w.-]+", "_", name)
    return name if name.endswith(".tml") else f"{Path(name).stem or name}.tml"


# characters XML 1.0 does not allow; each becomes a space, so the text keeps its length
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff\ud800-\udfff]")


def tagged(text: str, timexes: list[dict]) -> str:
    """`text`, XML-escaped, with a TIMEX3 element around each timex (overlaps after the first
    are skipped: XML can't cross them)."""
    text = _NOT_XML.sub(" ", text)
    out, pos = [], 0
    for n, t in enumerate(sorted(timexes, key=lambda t: (t["start"], -t["end"])), start=1):
        start, end = t["start"], t["end"]
        if start < pos or not 0 <= start < end <= len(text):
            continue
        attrs = f'tid="t{n}" type={quoteattr(str(t.get("type") or ""))} value={quoteattr(str(t.get("value")))}'
        out.append(escape(text[pos:start]))
        out.append(f"<TIMEX3 {attrs}>{escape(text[start:end])}</TIMEX3>")
        pos = end
    out.append(escape(text[pos:]))
    return "".join(out)


_UNSAFE = re.compile(r"[^\w.-]+")


def unique_names(documents: list[dict]) -> dict[str, str]:
    """doc_id -> output file name, one file per document: records of one JSONL corpus
    (corpus.jsonl#1, #2 ...) and same-named files from different folders get names of their own
    (the record's id, else the start of the document id) instead of writing over each other."""
    names: dict[str, str] = {}
    taken: set[str] = set()
    for doc in sorted(documents, key=lambda d: (d["source"], d["doc_id"])):
        name = file_name(doc["source"])
        fragment = doc["source"].split("#", 1)[1] if "#" in doc["source"] else ""
        if fragment:
            name = f"{Path(name).stem}_{_UNSAFE.sub('_', fragment)[:60]}.tml"
        if name in taken:
            name = f"{Path(name).stem}_{doc['doc_id'][:12]}.tml"
        taken.add(name)
        names[doc["doc_id"]] = name
    return names


def write_timeml_all(documents: list[dict], timexes: dict[str, list[dict]], out_dir: str | Path) -> list[Path]:
    """Every document as its own .tml file in `out_dir` (see unique_names)."""
    names = unique_names(documents)
    return [write_timeml(doc, timexes.get(doc["doc_id"], []), out_dir, name=names[doc["doc_id"]])
            for doc in documents]


def write_timeml(document: dict, timexes: list[dict], out_dir: str | Path, name: str | None = None) -> Path:
    """Write `document` (a dict with source, text, published) with `timexes` (dicts with start,
    end, type, value: offsets into its text) as TimeML in `out_dir`; the path written."""
    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    source, text = document["source"], document["text"]
    body = tagged(text, timexes)
    raw = None
    if source.endswith(".tml") and Path(source).is_file():
        try:
            raw = Path(source).read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as e:
            raise InputError(source, f"cannot read the original TimeML file ({e.__class__.__name__})") from None
    m = TEXT_ELEMENT.search(raw) if raw else None
    if m and plain_text(m.group(1)) == text:
        content = raw[:m.start(1)] + body + raw[m.end(1):]
    else:
        published = document.get("published")
        dct = (f'<TIMEX3 tid="t0" type="DATE" value={quoteattr(published)} temporalFunction="false" '
               f'functionInDocument="CREATION_TIME">{escape(published)}</TIMEX3>') if published else ""
        content = _SKELETON.format(docid=escape(Path(name or file_name(source)).stem), dct=dct, text=body)
    path = out_dir / (name or file_name(source))
    path.write_text(content, encoding="utf-8")
    return path
