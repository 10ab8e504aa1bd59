"""Dev loop for the events component: run the pipeline over a folder of texts, write the event
records in the export shape (FORMAT.md) to JSONL, and score them with score.py.

    .venv/bin/python tools/eval_plover.py [TEXTS] [GOLD] [--out FILE] [--dct YYYY-MM-DD] [--show]
"""
from __future__ import annotations

import argparse
import hashlib
import json
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"


def records(nlp, paths: list[Path], dct: str | None):
    from pactwatch import pipeline
    from pactwatch.pipeline.extensions import EVENTS
    texts = [p.read_text(encoding="utf-8") for p in paths]
    for n, (path, text, doc) in enumerate(zip(paths, texts, pipeline.annotate(nlp, [(t, dct, []) for t in texts]))):
        doc_id = f"d{n}"
        yield {"kind": "document", "doc_id": doc_id, "source": str(path), "title": None, "authors": [],
               "published": dct, "publisher": None,
               "text_sha256": hashlib.sha256(text.encode("utf-8")).hexdigest()}
        for span in doc.spans[EVENTS]:
            e = span._.event
            yield {"kind": "event", "doc_id": doc_id, "type": e["type"], "source": e["source"],
                   "target": e["target"], "date": e["date"], "location": e["location"],
                   "modality": e["modality"], "attributed_to": e.get("attributed_to"),
                   "trigger": e.get("trigger"),
                   "quote": text[e["quote_start"]:e["quote_end"]], "start": e["quote_start"],
                   "end": e["quote_end"]}


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("texts", nargs="?", type=Path, default=SHARED / "eval/plover/texts")
    ap.add_argument("gold", nargs="?", type=Path, default=SHARED / "eval/plover/gold")
    ap.add_argument("--out", type=Path, default=Path("/tmp/eval_plover.jsonl"))
    ap.add_argument("--dct", help="document creation date given to every text (default: none)")
    ap.add_argument("--show", action="store_true", help="print each text's events")
    args = ap.parse_args(argv)

    from pactwatch import pipeline
    nlp = pipeline.load()
    paths = sorted(p for p in args.texts.iterdir() if p.suffix == ".txt")
    with args.out.open("w", encoding="utf-8") as f:
        for rec in records(nlp, paths, args.dct):
            f.write(json.dumps(rec, ensure_ascii=False) + "\n")
            if args.show and rec["kind"] == "event":
                print(rec["doc_id"], rec["type"], rec["modality"], rec["source"], rec["target"],
                      rec["date"], rec["location"], "|", rec["trigger"], "|", rec["quote"][:90])
    score = SHARED / "eval/score.py"
    return subprocess.call([sys.executable, str(score), "--export", str(args.out), "--gold", str(args.gold),
                            "--docs", str(args.texts), "--json", str(args.out.with_suffix(".score.json"))])


if __name__ == "__main__":
    sys.exit(main())
