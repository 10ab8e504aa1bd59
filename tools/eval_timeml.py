"""Score pactwatch's dates on TempEval-3's TimeML corpora, fast: read the .tml files, run only the
time component, write TimeML to a temporary folder and call the shared scorer on it.

    .venv/bin/python tools/eval_timeml.py [--corpus TimeBank --corpus AQUAINT] [--resolver rules|dateparser]
                                          [--out DIR] [--errors N]

--errors N prints N mismatches (missed, spurious, wrong value) to look at.
"""
from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
SHARED = ROOT.parent / "shared" / "eval"


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--corpus", action="append", help="folder under shared/eval/timeml (default: TimeBank and AQUAINT)")
    ap.add_argument("--resolver", default="rules", choices=("rules", "dateparser"))
    ap.add_argument("--out", type=Path, help="keep the TimeML written here (default: a temporary folder)")
    ap.add_argument("--errors", type=int, default=0, help="print this many mismatches")
    args = ap.parse_args(argv)

    from pactwatch import pipeline
    from pactwatch.sources.timeml import read_timeml
    from pactwatch.views.timeml import write_timeml

    nlp = pipeline.build(components=())
    nlp.add_pipe("pactwatch_time", config={"resolver": args.resolver})
    corpora = args.corpus or ["TimeBank", "AQUAINT"]
    status = 0
    with tempfile.TemporaryDirectory() as tmp:
        out_root = args.out or Path(tmp) / "out"
        union = Path(tmp) / "gold-all"  # every corpus's gold in one folder, for the combined figure
        union.mkdir()
        for corpus in corpora:
            gold = SHARED / "timeml" / corpus
            out = out_root / corpus
            files = sorted(gold.glob("*.tml"))
            docs = [read_timeml(f) for f in files]
            items = ((d.text, d.published, []) for d in docs)
            for f, d, doc in zip(files, docs, pipeline.annotate(nlp, items)):
                timexes = [{"start": s.start_char, "end": s.end_char, **s._.timex} for s in doc.spans["pw_timex"]]
                write_timeml({"source": d.source, "text": d.text, "published": d.published}, timexes, out)
                (union / f.name).symlink_to(f)
                (out_root / "all").mkdir(parents=True, exist_ok=True)
                (out_root / "all" / f.name).write_text((out / f.name).read_text(encoding="utf-8"), encoding="utf-8")
            print(f"== {corpus} ({len(files)} files, resolver={args.resolver})", flush=True)
            status = subprocess.call([sys.executable, str(SHARED / "timeml_score.py"), str(gold), str(out)]) or status
            if args.errors:
                show_errors(gold, out, args.errors)
        if len(corpora) > 1:
            print(f"== all ({', '.join(corpora)})", flush=True)
            status = subprocess.call([sys.executable, str(SHARED / "timeml_score.py"), str(union), str(out_root / "all")]) or status
    return status


def show_errors(gold: Path, out: Path, limit: int) -> None:
    """Mismatches, for a developer to read: '-' missed, '+' spurious, '~' wrong value."""
    sys.path.insert(0, str(SHARED))
    from timeml_score import timexes
    shown = 0
    for g in sorted(gold.glob("*.tml")):
        _, gt = timexes(g)
        text, st = timexes(out / g.name)
        for x in gt:
            y = next((y for y in st if y["start"] < x["end"] and x["start"] < y["end"]), None)
            if y is None:
                print(f"- {g.stem}: {x['text']!r} {x['type']} {x['value']}")
            elif y["value"] != x["value"]:
                print(f"~ {g.stem}: {x['text']!r} {x['type']} {x['value']} | ours {y['text']!r} {y['type']} {y['value']}")
            else:
                continue
            shown += 1
        for y in st:
            if not any(y["start"] < x["end"] and x["start"] < y["end"] for x in gt):
                print(f"+ {g.stem}: {y['text']!r} {y['type']} {y['value']}")
                shown += 1
        if shown >= limit:
            return


if __name__ == "__main__":
    sys.exit(main())
