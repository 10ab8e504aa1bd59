"""Article words in the Markdown brief render as text under a CommonMark renderer: no tag, no
heading, no link the article did not earn."""
from __future__ import annotations

from hypothesis import given, settings, strategies as st
from markdown_it import MarkdownIt

from pactwatch.views import markdown_safe

HOSTILE = ['<img src=x onerror=alert(1)>', "line one\n# Injected heading", "a\u2028## b",
           "[click](javascript:alert(1))", "**bold** _it_ `code` ~~gone~~", "&lt;script&gt;", "x\r\n<script>1</script>",
           "| a | b |\n|---|---|", "![img](http://x/y.png)"]


def _html(markdown: str) -> str:
    return MarkdownIt("commonmark").render(markdown)


def test_markdown_safe_text_is_inert():
    for value in HOSTILE:
        html = _html(f"- **lead** {markdown_safe.text(value)}")
        assert html.count("<li>") == 1 and "<h1>" not in html and "<h2>" not in html
        for tag in ("<img", "<script", "<a ", "<em>", "<code>", "<table"):
            assert tag not in html, (value, html)


def test_markdown_safe_link_only_for_http_and_never_breaks_out():
    assert markdown_safe.link("Story", "javascript:alert(1)") == "Story"
    assert markdown_safe.link("Story", "file:///etc/passwd") == "Story"
    html = _html(markdown_safe.link("Story", "https://news.example/a) <img src=x onerror=alert(1)> (b"))
    assert "<img" not in html and html.count("<a ") == 1
    html = _html(markdown_safe.link("x](http://evil)", "https://news.example/a\n# Heading"))
    assert "<h1>" not in html and 'href="http://evil"' not in html


def test_markdown_safe_brief_of_a_hostile_article(tmp_path):
    from pactwatch.store import Store
    from pactwatch.views.brief import brief
    store = Store(tmp_path / "b.db")
    text = "Officials said <img src=x onerror=alert(1)>.\n# Pwned\nJapan pledged $5 billion."
    store.add({"doc_id": "b" * 64, "source": "https://news.example/a) <img src=y onerror=alert(2)> (",
               "title": "Title\n# Heading <img src=z onerror=alert(3)>", "authors": [], "published": "2025-03-03",
               "text_sha256": "0" * 64, "captions": [], "text": text},
              [{"kind": "quantity", "measure": "pledge", "value": 5e9, "unit": "USD", "holder": "Japan",
                "quote": text, "start": 0, "end": len(text), "status": "pledged"}])
    html = _html(brief(store, format="md"))
    assert "<img" not in html and "Pwned</h1>" not in html and "Heading</h1>" not in html


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=200))
def test_markdown_safe_any_text_stays_one_inline_run(value):
    html = _html(f"- **lead** {markdown_safe.text(value)}").replace("<strong>lead</strong>", "", 1)
    assert html.count("<li>") == 1
    for tag in ("<img", "<script", "<a ", "<h1", "<h2", "<table", "<pre", "<em>", "<strong>", "<code>"):
        assert tag not in html
