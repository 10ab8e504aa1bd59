"""Starting the server for `pactwatch serve`: the app on uvicorn, the URL printed, a clear line when
the port is taken."""
from __future__ import annotations

import errno
import socket
from typing import Any

from ...errors import UsageError


def run(db: str | None, host: str, port: int, token: str | None, kb_dirs: tuple[str, ...], console: Any) -> None:
    try:
        import uvicorn

        from .app import create_app
    except ImportError as e:
        raise UsageError(f"pactwatch serve needs the web extra ({e.name} is missing): "
                         "pip install 'pactwatch[web]'") from None
    from ...store import Store, default_db

    with socket.socket(socket.AF_INET6 if ":" in host else socket.AF_INET) as probe:
        try:
            probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
            probe.bind((host, port))
        except OSError as e:
            if e.errno == errno.EADDRINUSE:
                raise UsageError(f"port {port} on {host} is in use; choose another with --port") from None
            raise UsageError(f"cannot listen on {host}:{port}: {e.strerror}") from None
    app = create_app(store=Store(db), token=token, kb_dirs=kb_dirs)
    shown = f"[{host}]" if ":" in host else host
    console.print(f"pactwatch serve: {db or default_db()} at http://{shown}:{port}/ (API docs at /docs)", markup=False)
    if token:
        console.print("ingest needs the token; read pages are open", markup=False)
    elif host not in ("127.0.0.1", "::1", "localhost"):
        console.print(f"listening on {host}: others can read; only this machine may ingest (no --token)", markup=False)
    uvicorn.run(app, host=host, port=port, log_level="warning", access_log=False)
