"""The pages in a real browser: Debian's chromium driven by Playwright (never a downloaded browser).
Opens each page, follows a conflict to the document view at its quote, filters and zooms the
timeline, and saves a screenshot of each (to $PACTWATCH_SCREENSHOTS when set, else a temp folder).
Skipped, with the reason printed, where no chromium binary exists."""
from __future__ import annotations

import os
import shutil
from pathlib import Path
from urllib.parse import quote

import pytest
from web_fixtures import HOSTILE, LiveServer, build_store

CHROMIUM = os.environ.get("PACTWATCH_CHROMIUM") or shutil.which("chromium") or "/usr/bin/chromium"
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--no-first-run"]


def _skip_reason() -> str | None:
    if not Path(CHROMIUM).exists():
        return f"no chromium binary at {CHROMIUM} (apt-get install chromium); browser tests skipped"
    try:
        import playwright.sync_api  # noqa: F401
    except ImportError:
        return "the playwright package is not installed (pip install -e '.[test]'); browser tests skipped"
    return None


REASON = _skip_reason()
if REASON:
    print(f"\n{REASON}")
pytestmark = pytest.mark.skipif(REASON is not None, reason=REASON or "")


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    from pactwatch.views.web import create_app
    store, a, b = build_store(tmp_path_factory.mktemp("browser") / "web.db")
    with LiveServer(create_app(store=store)) as server:
        yield server, a, b


@pytest.fixture(scope="module")
def browser():
    from playwright.sync_api import sync_playwright
    with sync_playwright() as p:
        launched = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        yield launched
        launched.close()


@pytest.fixture
def page(browser):
    context = browser.new_context(viewport={"width": 1300, "height": 900})
    opened = context.new_page()
    problems: list[str] = []
    opened.on("pageerror", lambda e: problems.append(f"script error: {e}"))
    opened.on("dialog", lambda d: problems.append(f"a dialog opened: {d.message}"))
    opened.on("requestfailed", lambda r: problems.append(f"request failed: {r.url}"))
    opened.problems = problems
    yield opened
    context.close()


@pytest.fixture(scope="module")
def shots(tmp_path_factory) -> Path:
    folder = Path(os.environ.get("PACTWATCH_SCREENSHOTS") or tmp_path_factory.mktemp("screenshots"))
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def test_each_page_opens_without_errors_or_injected_script(site, page, shots):
    server, a, _ = site
    paths = {"overview": "/", "timeline": "/timeline", "commitments": "/commitments", "conflicts": "/conflicts",
             "actors": "/actors", "actor": "/actors/Freedonia", "documents": "/documents?q=sailors",
             "document": f"/documents/{a['doc_id']}", "ingest": "/ingest", "api": "/docs"}
    for name, path in paths.items():
        response = page.goto(server.url + path)
        assert response.status == 200, path
        assert page.locator("header nav").is_visible()
        page.screenshot(path=str(shots / f"{name}.png"), full_page=True)
        assert (shots / f"{name}.png").stat().st_size > 5000
    # the hostile article's script is shown as text and never ran (a dialog would have opened)
    page.goto(server.url + f"/documents/{a['doc_id']}")
    assert HOSTILE in page.locator("#text").inner_text()
    assert page.problems == []


def test_a_conflict_leads_to_the_document_at_its_quote(site, page, shots):
    server, a, _ = site
    page.goto(server.url + "/conflicts")
    sides = page.locator(".conflict .side")
    assert sides.count() == 2
    side = sides.filter(has_text="300 persons")
    side.locator("a.at-quote").click()
    page.wait_for_url("**/documents/**")
    assert a["doc_id"] in page.url and page.url.endswith("#quote")
    marked = page.locator("#quote")
    assert marked.inner_text() in "Officials said 300 sailors were held at the port."
    assert marked.is_visible() and marked.evaluate("e => e.getBoundingClientRect().top < window.innerHeight")
    page.screenshot(path=str(shots / "document-at-quote.png"))
    assert page.problems == []


def test_the_timeline_filters_and_zooms(site, page, shots):
    server, *_ = site
    page.goto(server.url + "/timeline")
    every = page.locator("table.entries tbody tr").count()
    assert every >= 3 and page.locator("svg.timeline-chart a.mark").count() >= every
    page.select_option("select[name=type]", "CONSULT")
    page.click("#timeline-filters button[type=submit]")
    page.wait_for_url("**type=CONSULT**")
    assert page.locator("table.entries tbody tr").count() == 1
    assert "CONSULT" in page.locator("table.entries").inner_text()
    page.screenshot(path=str(shots / "timeline-filtered.png"), full_page=True)
    page.goto(server.url + "/timeline")
    page.click("#zoom-out")
    page.wait_for_url("**start=**")
    assert "end=" in page.url and page.locator("svg.timeline-chart a.mark").count() >= every
    # each mark opens its source at the quote
    href = page.locator("svg.timeline-chart a.mark").first.get_attribute("href")
    assert href.startswith("/documents/") and "quote=" in href
    assert page.problems == []


def test_an_actor_page_from_the_network(site, page):
    server, *_ = site
    page.goto(server.url + "/actors")
    page.locator("svg.network-chart a").filter(has_text="Freedonia").first.click()
    page.wait_for_url("**/actors/Freedonia")
    assert page.locator("h1").inner_text().startswith("Freedonia")
    page.goto(server.url + "/actors/" + quote(f"Ruritania {HOSTILE}", safe=""))
    assert HOSTILE in page.locator("h1").inner_text()
    assert page.problems == []
