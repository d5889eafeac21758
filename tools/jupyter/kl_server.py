"""How the course's Jupyter servers talk to the browser: every kernel message sent at once.

A slider's answer is several small WebSocket messages (busy, the value's echo, idle, the new
scene). Tornado leaves Nagle's algorithm on for WebSockets unless the application turns it off
(tornadoweb/tornado#755), and neither jupyter_server nor Voilà does. With it on, the second small
message waits until the browser acknowledges the first, and browsers delay that acknowledgement
by up to 40 ms: measured in the explorer under Voilà, "idle" reached the page 30–40 ms after
"busy" while the kernel had answered in under 15 ms, on most keys of a burst. Slider widgets
send their next value only after "idle" (ipywidgets keeps one update in flight), so every key
paid that wait.

:class:`NoDelayKernelConnection` is jupyter_server's kernel connection with ``TCP_NODELAY`` set
on the WebSocket. The course's servers use it: ``tools/jupyter/config/jupyter_server_config.py``
(``make lab``) and ``tools/jupyter/config/voila.py`` (``make explore``, the slide decks). It
lives here, beside the configuration, not in ``kl_helpers``: the package also runs in the
browser's kernel, which has no server (tests/test_distribution.py keeps jupyter_server out of its
dependencies). The two configuration files put this folder on ``sys.path``.
"""

from __future__ import annotations

from typing import Any

from jupyter_server.services.kernels.connection.channels import ZMQChannelsWebsocketConnection

__all__ = ["NoDelayKernelConnection"]


class NoDelayKernelConnection(ZMQChannelsWebsocketConnection):
    """jupyter_server's kernel WebSocket connection, with Nagle's algorithm off on the socket."""

    def connect(self) -> Any:
        # The handler's socket is open here (jupyter_server calls connect() from its open()).
        self.websocket_handler.set_nodelay(True)
        return super().connect()
