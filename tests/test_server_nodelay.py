"""The course's servers send kernel messages to the browser at once (kl_helpers/_server.py).

What the setting is worth is measured by tests/browser/test_latency.py (a report): with Nagle's
algorithm on, a slider's "idle" reached the page 30–40 ms after "busy". Here: the class turns it
off before the connection starts, and every server the course starts is configured to use it.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

pytest.importorskip("jupyter_server")

from jupyter_server.services.kernels.connection.channels import (
    ZMQChannelsWebsocketConnection,
)

from kl_helpers._server import NoDelayKernelConnection

ROOT = Path(__file__).resolve().parents[1]
CONFIG = ROOT / "tools" / "jupyter" / "config"
CLASS = "kl_helpers._server.NoDelayKernelConnection"


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


def test_jupyterlab_and_the_decks_use_it():
    config = (CONFIG / "jupyter_server_config.py").read_text(encoding="utf-8")
    assert f'c.ServerApp.kernel_websocket_connection_class = "{CLASS}"' in config


def test_voila_uses_it():
    config = json.loads((CONFIG / "voila.json").read_text(encoding="utf-8"))
    assert config["Voila"]["kernel_websocket_connection_class"] == CLASS
