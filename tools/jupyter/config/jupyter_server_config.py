# Jupyter server settings for the course's own launchers (make lab, make explore) and the browser
# tests, which read them through JUPYTER_CONFIG_PATH=tools/jupyter/config.

import sys
from pathlib import Path

# Every save (explicit or autosave) stores slider panels as pictures, never as widget views whose
# model dies with the kernel: a reopened notebook then shows its pictures instead of
# "Error displaying widget: model not found". See kl_helpers/_storage.py.
c.ContentsManager.pre_save_hook = "kl_helpers._storage.pre_save_hook"  # noqa: F821

# Kernel messages reach the browser at once instead of waiting up to 40 ms behind each other
# (Nagle's algorithm on the WebSocket): sliders answer sooner. See tools/jupyter/kl_server.py.
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
c.ServerApp.kernel_websocket_connection_class = "kl_server.NoDelayKernelConnection"  # noqa: F821
