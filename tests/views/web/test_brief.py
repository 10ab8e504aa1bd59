"""The brief's pictures: inline in the HTML brief, SVG files beside the markdown brief."""
from __future__ import annotations

import xml.dom.minidom

from typer.testing import CliRunner

from pactwatch.views.cli import app
from pactwatch.views.web.brief import write_pictures


def test_markdown_brief_gets_its_pictures_as_files(web_store, tmp_path):
    store = web_store[0]
    links = write_pictures(store, tmp_path / "brief.md")
    assert "![Timeline](brief-timeline.svg)" in links and "![Network](brief-network.svg)" in links
    for name in ("timeline", "network"):
        svg = (tmp_path / f"brief-{name}.svg").read_text(encoding="utf-8")
        xml.dom.minidom.parseString(svg.encode())  # well-formed, names escaped
        assert "<script" not in svg


def test_the_cli_writes_them_beside_the_brief(web_store, tmp_path):
    out = tmp_path / "b.md"
    result = CliRunner().invoke(app, ["brief", "--db", web_store[0].url.removeprefix("sqlite:///"), "-o", str(out)])
    assert result.exit_code == 0, result.output
    assert out.read_text(encoding="utf-8").rstrip().endswith("![Network](b-network.svg)")
    assert (tmp_path / "b-timeline.svg").exists()


def test_an_empty_store_draws_nothing_and_says_so(tmp_path):
    from pactwatch.store import Store
    links = write_pictures(Store(tmp_path / "e.db"), tmp_path / "brief.md")
    assert "No timeline picture" in links and not list(tmp_path.glob("*.svg"))
