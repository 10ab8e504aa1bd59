"""Fuzzing every reader and the pipeline (issue 12): whatever the input, the answer is a Document or
one InputError: never another exception, never a hang; a Document's text is storable Unicode; and
every record the pipeline makes is strict JSON whose quote is text[start:end].

In the suite each test runs a bounded, repeatable number of examples; `make fuzz` runs them at
scale (>= 100k cases in all; figures in BENCHMARKS.md)."""
from __future__ import annotations

import contextlib
import io
import json
import os
import signal

import pytest
from hypothesis import HealthCheck, given, settings, strategies as st

from pactwatch.documents.model import Document
from pactwatch.errors import InputError

# `make fuzz` sets PACTWATCH_FUZZ=1; PACTWATCH_FUZZ_SCALE multiplies its examples per test
FUZZING = os.environ.get("PACTWATCH_FUZZ") == "1"
SCALE = float(os.environ.get("PACTWATCH_FUZZ_SCALE", "1"))
HANG_SECONDS = 20
# in the suite: repeatable examples, a bounded count; under make fuzz: random, at scale
FUZZ_SETTINGS = (dict(deadline=None, database=None, suppress_health_check=list(HealthCheck)) if FUZZING else
                 dict(deadline=None, derandomize=True, database=None, suppress_health_check=list(HealthCheck)))


def examples(ci: int, fuzz: int) -> int:
    """How many examples a fuzz test runs: `ci` in the suite, `fuzz` x scale under make fuzz."""
    return max(1, int(fuzz * SCALE)) if FUZZING else ci


@contextlib.contextmanager
def no_hang(seconds: int = HANG_SECONDS):
    """Fail the example (as a hang) if it runs longer than `seconds`."""
    def alarm(*_):
        raise AssertionError(f"hang: one example ran over {seconds} s")
    previous = signal.signal(signal.SIGALRM, alarm)
    signal.alarm(seconds)
    try:
        yield
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, previous)


def _checked(result) -> None:
    assert isinstance(result, (Document, InputError)), type(result)
    if isinstance(result, Document):
        assert isinstance(result.text, str) and result.text.strip()
        result.text.encode("utf-8")        # storable: no lone surrogate
        for start, end in result.captions:
            assert 0 <= start <= end <= len(result.text)
        for value in (result.title, result.publisher, result.source, *result.authors):
            assert value is None or (isinstance(value, str) and "\x00" not in value)
        assert result.published is None or (len(result.published) == 10 and result.published[4] == "-")


def _read(reader, *args):
    try:
        return reader(*args)
    except InputError as exc:
        return exc


# ------------------------------------------------------------------ readers

WORDS = ["Seoul", "Tokyo", "pledged", "$350 billion", "tariffs", "of 25%", "on March 3, 2025", "By Mina Park",
         "Published", "(END)", "Photo: Reuters", "\n", "\n\n", "\r\n", "\t", " ", "\ufeff", "\x00", "\u2028",
         "\ud800", "202\u00b2", "<p>", "</p>", "<script>", "<html>", "<body>", "<h1>", "&amp;", "&#0;", "---",
         "title: x", "- item", "#", "*", "[a](b)", "%PDF-1.4", "<TEXT>", "</TEXT>", "<TIMEX3 value='2025'>", "é", "한국"]
texts = st.one_of(st.text(max_size=400),
                  st.lists(st.sampled_from(WORDS), max_size=60).map("".join),
                  st.lists(st.one_of(st.sampled_from(WORDS), st.text(max_size=8)), max_size=40).map(" ".join))
raw = st.one_of(st.binary(max_size=600), texts.map(lambda t: t.encode("utf-8", "surrogatepass")),
                texts.map(lambda t: t.encode("utf-16", "surrogatepass")))


@settings(**FUZZ_SETTINGS, max_examples=examples(150, 20_000))
@given(raw)
def test_fuzz_text_reader(data):
    from pactwatch.sources.formats import text_document
    with no_hang():
        _checked(_read(text_document, data, "fuzz.txt"))


@settings(**FUZZ_SETTINGS, max_examples=examples(150, 20_000))
@given(raw)
def test_fuzz_markdown_reader(data):
    from pactwatch.sources.formats import markdown_document
    with no_hang():
        _checked(_read(markdown_document, data, "fuzz.md"))


@settings(**FUZZ_SETTINGS, max_examples=examples(100, 15_000))
@given(raw)
def test_fuzz_html_reader(data):
    from pactwatch.sources.formats import html_document
    with no_hang():
        _checked(_read(html_document, data, "fuzz.html"))


def _pdf(lines: list[str]) -> bytes:
    """A small valid PDF holding `lines`, to mutate."""
    from pypdf import PdfWriter
    from pypdf.generic import NameObject, DecodedStreamObject, DictionaryObject
    writer = PdfWriter()
    page = writer.add_blank_page(612, 792)
    body = "BT /F1 12 Tf 72 720 Td " + " ".join(f"({line.encode('latin-1', 'replace').decode('latin-1')}) Tj 0 -14 Td"
                                              for line in lines) + " ET"
    stream = DecodedStreamObject()
    stream.set_data(body.encode("latin-1", "replace"))
    font = DictionaryObject({NameObject("/Type"): NameObject("/Font"), NameObject("/Subtype"): NameObject("/Type1"),
                             NameObject("/BaseFont"): NameObject("/Helvetica")})
    page[NameObject("/Resources")] = DictionaryObject(
        {NameObject("/Font"): DictionaryObject({NameObject("/F1"): writer._add_object(font)})})
    page[NameObject("/Contents")] = writer._add_object(stream)
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


SEED_PDF = _pdf(["Allies Agree on Port Fund", "Seoul pledged $20 billion on March 3, 2025."])


@st.composite
def mutated_pdf(draw):
    data = bytearray(SEED_PDF)
    for _ in range(draw(st.integers(0, 8))):
        at = draw(st.integers(0, len(data) - 1))
        kind = draw(st.sampled_from(["flip", "cut", "insert"]))
        if kind == "flip":
            data[at] = draw(st.integers(0, 255))
        elif kind == "cut":
            del data[at:at + draw(st.integers(1, 64))]
        else:
            data[at:at] = draw(st.binary(min_size=1, max_size=16))
        if not data:
            break
    return bytes(data)


@settings(**FUZZ_SETTINGS, max_examples=examples(100, 15_000))
@given(st.one_of(mutated_pdf(), raw.map(lambda b: b"%PDF-1.4\n" + b)))
def test_fuzz_pdf_reader(data):
    from pactwatch.sources.formats import pdf_document
    with no_hang():
        _checked(_read(pdf_document, data, "fuzz.pdf"))


json_values = st.recursive(st.one_of(st.none(), st.booleans(), st.integers(), st.floats(), texts),
                           lambda inner: st.one_of(st.lists(inner, max_size=4),
                                                   st.dictionaries(st.sampled_from(["text", "title", "a"]), inner,
                                                                   max_size=3)), max_leaves=8)
records = st.dictionaries(st.sampled_from(["text", "html", "title", "authors", "published", "publisher", "url",
                                           "id", "other"]), json_values, max_size=6)
lines = st.one_of(records.map(lambda r: json.dumps(r, allow_nan=True).encode("utf-8", "surrogatepass")),
                  raw, st.integers(1, 5_000).map(lambda depth: b'{"text": ' + b"[" * depth + b"]" * depth + b"}"))


@settings(**FUZZ_SETTINGS, max_examples=examples(150, 15_000))
@given(st.lists(lines, min_size=1, max_size=5))
def test_fuzz_jsonl_reader(corpus_lines):
    from pactwatch.sources.jsonl import read_jsonl
    stream = io.BytesIO(b"\n".join(line.replace(b"\n", b" ") for line in corpus_lines) + b"\n")
    with no_hang():
        for item in read_jsonl(stream, "fuzz.jsonl", 20_000_000):
            _checked(item)


@settings(**FUZZ_SETTINGS, max_examples=examples(150, 15_000))
@given(st.one_of(raw, texts.map(lambda t: f"<TimeML><DCT><TIMEX3 value='2025-03-03'/></DCT><TEXT>{t}</TEXT></TimeML>"
                                          .encode("utf-8", "surrogatepass"))))
def test_fuzz_timeml_reader(data):
    from pactwatch.sources import _timeml
    with no_hang():
        _checked(_read(_timeml, "fuzz.tml", data))


@settings(**FUZZ_SETTINGS, max_examples=examples(60, 5_000))
@given(st.sampled_from([".txt", ".md", ".html", ".pdf", ".jsonl", ".tml", ".text"]), raw)
def test_fuzz_files_through_sources_read(tmp_path_factory, suffix, data):
    from pactwatch.sources import read
    path = tmp_path_factory.mktemp("fuzz") / f"input{suffix}"
    path.write_bytes(data)
    with no_hang():
        for item in read([str(path)]):
            _checked(item)


# ------------------------------------------------------------------ the pipeline

NEWS = ["Japan", "South Korea", "the United States", "NATO", "President", "Trump", "Lee Jae-myung", "Seoul",
        "Washington", "pledged", "will", "invest", "$", "350", "billion", "tariff", "tariffs", "of", "25", "%",
        "percent", "on", "March", "3", ",", "2025", ".", "troops", "28,500", "about", "up to", "from", "said",
        "not", "agreed", "signed", "next year", "last week", "Monday", "202\u00b2", "\u0662\u0660", "–", "(END)",
        "Photo:", "Reuters", "\n", "\n\n", "U.S.", "₩", "€", "1.5", "trillion", "9" * 40, "detained", "workers",
        "\u2028", "\ufffd", "🙂", "years", "ago", "in", "by", "2030", "Q3", "FY2025", "'", "\"", "(", ")"]
news_texts = st.one_of(st.lists(st.sampled_from(NEWS), min_size=1, max_size=60).map(" ".join),
                       st.lists(st.one_of(st.sampled_from(NEWS), st.text(max_size=6)), min_size=1,
                                max_size=30).map(" ".join))


def _strict_json(rec: dict) -> dict:
    from pactwatch.views.exports import json_line
    line = json_line(rec)
    assert len(line.splitlines()) == 1
    return json.loads(line, parse_constant=lambda c: pytest.fail(f"non-JSON constant {c}"))


@settings(**FUZZ_SETTINGS, max_examples=examples(40, 6_000))
@given(news_texts, st.sampled_from([None, "2025-03-03"]))
def test_fuzz_pipeline_records_quote_their_text(nlp, text, dct):
    from pactwatch import facts, pipeline
    text = text.encode("utf-8", "replace").decode("utf-8")   # the sources make text valid Unicode first
    with no_hang():
        doc = next(pipeline.annotate(nlp, [(text, dct, [])]))
        records = facts.fact_records(doc, "f" * 64)
    assert not doc._.pipeline_errors, doc._.pipeline_errors
    for rec in records:
        _strict_json(rec)
        if rec["kind"] in ("quantity", "event"):
            assert rec["quote"] == text[rec["start"]:rec["end"]]
            assert rec["span_text"] == text[rec["span_start"]:rec["span_end"]]
        elif rec["kind"] == "timex":
            assert rec["text"] == text[rec["start"]:rec["end"]]
        else:
            for m in rec["mentions"]:
                assert text[m["start"]:m["end"]] in rec["aliases"]
