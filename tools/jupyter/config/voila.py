# Voilà settings for the course's own launchers (make explore, the slide decks) and the browser
# tests, read through JUPYTER_CONFIG_PATH=tools/jupyter/config next to voila.json (the template).

import sys
from pathlib import Path

# Kernel messages reach the browser at once instead of waiting up to 40 ms behind each other
# (Nagle's algorithm on the WebSocket): sliders answer sooner. See tools/jupyter/kl_server.py.
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
c.Voila.kernel_websocket_connection_class = "kl_server.NoDelayKernelConnection"  # noqa: F821
