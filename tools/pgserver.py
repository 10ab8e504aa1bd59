"""A throw-away PostgreSQL server on a loopback port, for the store tests and the store benchmark:
initdb in a folder of the caller's, pg_ctl start, a URL, pg_ctl stop. Debian's server binaries are
found on PATH or in /usr/lib/postgresql/*/bin; as root (initdb refuses root) the server runs as
`postgres` or `nobody`."""
from __future__ import annotations

import contextlib
import glob
import os
import pwd
import shutil
import socket
import subprocess
from pathlib import Path
from typing import Iterator


class Unavailable(Exception):
    """No server can be started here; the message says why."""


def server_binaries() -> Path | None:
    found = shutil.which("initdb") or (sorted(glob.glob("/usr/lib/postgresql/*/bin/initdb")) or [None])[-1]
    return Path(found).resolve().parent if found else None


def _user(name: str) -> pwd.struct_passwd | None:
    try:
        return pwd.getpwnam(name)
    except KeyError:
        return None


@contextlib.contextmanager
def throwaway_postgres(base: Path, reach_from: Path | None = None) -> Iterator[str]:
    """A running server with its data in `base` (which must exist); yields its URL. Run as another
    user, the server must be able to enter every folder of `base` below `reach_from`."""
    bindir = server_binaries()
    if bindir is None:
        raise Unavailable("PostgreSQL server binaries (initdb, pg_ctl) not found; install Debian's postgresql")
    run_as: list[str] = []
    if os.geteuid() == 0:
        user = next((u for u in (_user("postgres"), _user("nobody")) if u is not None), None)
        if user is None:
            raise Unavailable("running as root and no unprivileged user to run PostgreSQL as")
        os.chown(base, user.pw_uid, user.pw_gid)
        os.chmod(base, 0o755)
        for parent in base.parents if reach_from is not None else ():
            if str(parent).startswith(str(reach_from)):
                os.chmod(parent, os.stat(parent).st_mode | 0o711)
        run_as = ["runuser", "-u", user.pw_name, "--"]
    env = {**os.environ, "LC_ALL": "C.UTF-8"}
    data = base / "data"
    subprocess.run(run_as + [str(bindir / "initdb"), "-D", str(data), "-U", "pactwatch", "-A", "trust", "-E", "UTF8"],
                   check=True, capture_output=True, env=env)
    # a loaded machine can be slow to start a server, and the free port we picked can be taken
    # before the server binds it: wait longer than pg_ctl's default, and try a new port twice more
    for attempt in range(3):
        with socket.socket() as s:
            s.bind(("127.0.0.1", 0))
            port = s.getsockname()[1]
        started = subprocess.run(run_as + [str(bindir / "pg_ctl"), "-D", str(data), "-l", str(base / "log"), "-w",
                                           "-t", "180", "-o", f"-h 127.0.0.1 -p {port} -k {base}", "start"],
                                 capture_output=True, env=env)
        if started.returncode == 0:
            break
        subprocess.run(run_as + [str(bindir / "pg_ctl"), "-D", str(data), "-m", "immediate", "stop"],
                       capture_output=True, env=env)
    else:
        log = (base / "log").read_text(errors="replace")[-500:] if (base / "log").exists() else ""
        raise subprocess.CalledProcessError(started.returncode, "pg_ctl start", started.stdout,
                                            (started.stderr or b"") + log.encode())
    try:
        yield f"postgresql://pactwatch@127.0.0.1:{port}/postgres"
    finally:
        subprocess.run(run_as + [str(bindir / "pg_ctl"), "-D", str(data), "-m", "immediate", "stop"],
                       capture_output=True, env=env)

