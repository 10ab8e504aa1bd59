"""Shared fixtures: one pipeline per test session (loading it takes a second), fresh stores."""
from __future__ import annotations

from pathlib import Path

import pytest

SHARED = Path(__file__).resolve().parents[1].parent / "shared"


@pytest.fixture(scope="session")
def nlp():
    from pactwatch import pipeline
    return pipeline.load()


@pytest.fixture
def annotate(nlp):
    """annotate(text, dct=None) -> the Doc after the whole pipeline."""
    from pactwatch import pipeline

    def run(text: str, dct: str | None = None):
        return next(pipeline.annotate(nlp, [(text, dct, [])]))
    return run


@pytest.fixture
def fresh_store(tmp_path):
    """A new SQLite store in a temporary folder."""
    from pactwatch.store import Store
    return Store(tmp_path / "test.db")


def _postgres_bin() -> Path | None:
    import glob
    import shutil
    found = shutil.which("initdb")
    if found:
        return Path(found).resolve().parent
    candidates = sorted(glob.glob("/usr/lib/postgresql/*/bin/initdb"))
    return Path(candidates[-1]).parent if candidates else None


@pytest.fixture(scope="session")
def postgres_url(tmp_path_factory):
    """A real PostgreSQL server started for this test session (initdb in a temporary folder,
    a loopback port), or a skip with the reason when no server binaries exist."""
    import os
    import pwd
    import socket
    import subprocess

    bindir = _postgres_bin()
    if bindir is None:
        pytest.skip("PostgreSQL server binaries (initdb, pg_ctl) not found; install Debian's postgresql")
    base = tmp_path_factory.mktemp("pg")
    data = base / "data"
    run_as: list[str] = []
    if os.geteuid() == 0:  # initdb refuses to run as root: run the server as an ordinary user
        user = next((u for u in ("postgres", "nobody") if _has_user(u)), None)
        if user is None:
            pytest.skip("running as root and no unprivileged user to run PostgreSQL as")
        pw = pwd.getpwnam(user)
        os.chown(base, pw.pw_uid, pw.pw_gid)
        os.chmod(base, 0o755)
        for parent in base.parents:  # the user must be able to reach the folder
            if str(parent).startswith(str(tmp_path_factory.getbasetemp().parent)):
                os.chmod(parent, os.stat(parent).st_mode | 0o711)
        run_as = ["runuser", "-u", user, "--"]
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    env = {**os.environ, "LC_ALL": "C.UTF-8"}
    subprocess.run(run_as + [str(bindir / "initdb"), "-D", str(data), "-U", "pactwatch", "-A", "trust",
                             "-E", "UTF8"], check=True, capture_output=True, env=env)
    subprocess.run(run_as + [str(bindir / "pg_ctl"), "-D", str(data), "-l", str(base / "log"), "-w", "-o",
                             f"-h 127.0.0.1 -p {port} -k {base}", "start"], check=True, capture_output=True, env=env)
    try:
        yield f"postgresql://pactwatch@127.0.0.1:{port}/postgres"
    finally:
        subprocess.run(run_as + [str(bindir / "pg_ctl"), "-D", str(data), "-m", "immediate", "stop"],
                       capture_output=True, env=env)


def _has_user(name: str) -> bool:
    import pwd
    try:
        pwd.getpwnam(name)
        return True
    except KeyError:
        return False
