"""The course's servers send kernel messages to the browser at once (tools/jupyter/kl_server.py).

What the setting is worth is measured by tests/browser/test_latency.py (a report): with Nagle's
algorithm on, a slider's "idle" reached the page 30–40 ms after "busy". Here: the class turns it
off before the connection starts, and every server the course starts is configured to use it.
"""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

pytest.importorskip("jupyter_server")

from jupyter_server.services.kernels.connection.channels import (
    ZMQChannelsWebsocketConnection,
)

ROOT = Path(__file__).resolve().parents[1]
CONFIG = ROOT / "tools" / "jupyter" / "config"
CLASS = "kl_server.NoDelayKernelConnection"
sys.path.insert(0, str(ROOT / "tools" / "jupyter"))  # as the configuration files do

from kl_server import NoDelayKernelConnection  # noqa: E402


class _Handler:
    """Stands in for the WebSocket handler: records what the connection asks of it, in order."""

    def __init__(self, calls: list[str]) -> None:
        self.calls = calls

    def set_nodelay(self, value: bool) -> None:
        self.calls.append(f"set_nodelay({value})")


def test_nagle_is_off_before_the_kernel_connection_starts(monkeypatch):
    calls: list[str] = []

    def connect(self):
        calls.append("connect")
        return "future"

    monkeypatch.setattr(ZMQChannelsWebsocketConnection, "connect", connect)
    connection = NoDelayKernelConnection.__new__(NoDelayKernelConnection)
    object.__setattr__(connection, "_trait_values", {"websocket_handler": _Handler(calls)})
    assert connection.connect() == "future"  # what jupyter_server awaits is passed on
    assert calls == ["set_nodelay(True)", "connect"]


@pytest.mark.parametrize(("file", "setting"), [
    ("jupyter_server_config.py", "ServerApp"),  # make lab
    ("voila.py", "Voila"),  # make explore, the slide decks
])
def test_the_course_servers_use_it(file, setting):
    # Read as Jupyter reads it (traitlets' Python config loader): the setting names the class,
    # and the path the file adds makes that name importable.
    from traitlets.config.loader import PyFileConfigLoader

    before = list(sys.path)
    try:
        config = PyFileConfigLoader(file, path=str(CONFIG)).load_config()
        assert config[setting]["kernel_websocket_connection_class"] == CLASS
        assert str(ROOT / "tools" / "jupyter") in sys.path
    finally:
        sys.path[:] = before
