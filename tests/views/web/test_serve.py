"""`pactwatch serve` from the command line: a taken port is one clear line."""
from __future__ import annotations

import socket

from typer.testing import CliRunner

from pactwatch.views.cli import app


def test_a_port_in_use_is_one_line(tmp_path):
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        result = CliRunner().invoke(app, ["serve", "--db", str(tmp_path / "s.db"), "--port", str(port)])
    assert result.exit_code == 1
    assert result.output.strip() == f"Error: [E040] port {port} on 127.0.0.1 is in use; choose another with --port"
