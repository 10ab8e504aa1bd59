"""Score a corpus as the CEO scores it: the README's command line (ingest, export, score.py),
failing when a headline figure falls below its minimum."""
from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"


def assert_scores(tmp_path: Path, inputs: Path, gold: Path, texts: Path, minimums: dict[str, float]) -> None:
    if not (SHARED / "eval" / "score.py").exists() or not inputs.exists() or not gold.is_dir():
        pytest.skip(f"../shared is absent or incomplete ({SHARED}); scoring needs {inputs} and {gold}")
    cli = shutil.which("pactwatch", path=str(Path(sys.executable).parent)) or "pactwatch"
    db, out = tmp_path / "score.db", tmp_path / "out.jsonl"
    mins = " ".join(f"--min {k}={v}" for k, v in minimums.items())
    command = (f"{cli} ingest {inputs} --db {db} && {cli} export --db {db} --format jsonl > {out} && "
               f"{sys.executable} {SHARED / 'eval' / 'score.py'} --export {out} --gold {gold} "
               f"--docs {texts} {mins}")
    result = subprocess.run(command, shell=True, capture_output=True, text=True, cwd=ROOT)
    print(result.stdout)
    assert result.returncode == 0, result.stdout + result.stderr
