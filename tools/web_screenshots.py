"""Screenshots of each page of `pactwatch serve` for the README, taken in Debian's chromium.

    python tools/web_screenshots.py --db demo.db --out docs/screenshots
"""
from __future__ import annotations

import argparse
import sys
from pathlib import Path
from urllib.parse import quote

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "bench"))

ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--no-first-run"]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", required=True)
    parser.add_argument("--out", default="docs/screenshots")
    parser.add_argument("--chromium", default="/usr/bin/chromium")
    args = parser.parse_args()
    import httpx
    from playwright.sync_api import sync_playwright
    from web_bench import start_server

    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    proc, url = start_server(args.db)
    try:
        conflicts = httpx.get(url + "/conflicts.json").json()["items"]
        actors = httpx.get(url + "/actors.json").json()["items"]
        pages = {"overview": "/", "timeline": "/timeline", "commitments": "/commitments", "conflicts": "/conflicts",
                 "actors": "/actors", "documents": "/documents?q=tariff", "ingest": "/ingest", "api": "/docs"}
        if actors:
            pages["actor"] = "/actors/" + quote(actors[0]["name"], safe="")
        if conflicts:
            item = conflicts[0]["items"][0]
            pages["document"] = f"/documents/{item['doc_id']}?quote={quote(item['quote'], safe='')}#quote"
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path=args.chromium, args=ARGS)
            page = browser.new_page(viewport={"width": 1360, "height": 900})
            for name, path in pages.items():
                page.goto(url + path)
                page.screenshot(path=str(out / f"{name}.png"))
                print(f"{out / (name + '.png')}: {path}")
            browser.close()
    finally:
        proc.terminate()
        proc.wait(timeout=10)


if __name__ == "__main__":
    main()
