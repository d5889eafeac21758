"""How the course stores notebooks: slider panels as pictures, stable metadata (no numpy needed).

A slider panel's output carries a live widget view *and* a PNG of its state. The widget view
points at a model that lives only as long as the kernel that made it, so a saved notebook that
keeps it shows "Error displaying widget: model not found" when reopened (JupyterLab prefers the
widget view over the picture beside it, and ipywidgets never falls back to the picture). So the
course never stores widget views next to a picture:

* :func:`strip_widget_views` removes them from a notebook (``tools/store_outputs.py`` uses it for
  the committed notebooks);
* :func:`pre_save_hook` does the same on every save — explicit or autosave — in the Jupyter server
  that ``make lab`` starts (``tools/jupyter/config/jupyter_server_config.py`` registers it), so a
  student's saved notebook reopens with its pictures, and running it brings the sliders back.

It also fixes the notebook's kernelspec to what the kernel reports, so that JupyterLab does not
rewrite it (and mark an untouched lesson as modified) when the kernel connects.
"""

from __future__ import annotations

from collections.abc import MutableMapping
from typing import Any

__all__ = ["KERNELSPEC", "normalise_kernelspec", "pre_save_hook", "strip_widget_views"]

WIDGET_VIEW = "application/vnd.jupyter.widget-view+json"

#: The kernelspec ipykernel installs and JupyterLab writes back when a kernel connects.
KERNELSPEC = {"display_name": "Python 3 (ipykernel)", "language": "python", "name": "python3"}


def strip_widget_views(nb: MutableMapping[str, Any]) -> int:
    """Drop widget views from outputs that also carry a PNG; return how many were dropped.

    Outputs with a widget view and no picture are left alone (they are not the course's panels).

    Examples
    --------
    >>> nb = {"cells": [{"cell_type": "code", "outputs": [{"output_type": "display_data",
    ...     "data": {WIDGET_VIEW: {"model_id": "x"}, "image/png": "iVBOR", "text/plain": "P()"}}]}]}
    >>> strip_widget_views(nb), sorted(nb["cells"][0]["outputs"][0]["data"])
    (1, ['image/png', 'text/plain'])
    """
    dropped = 0
    for cell in nb.get("cells", []):
        for output in cell.get("outputs", []):
            data = output.get("data", {})
            if WIDGET_VIEW in data and "image/png" in data:
                del data[WIDGET_VIEW]
                dropped += 1
    return dropped


def normalise_kernelspec(nb: MutableMapping[str, Any]) -> None:
    """Store the kernelspec exactly as JupyterLab writes it, so opening a lesson changes nothing.

    Examples
    --------
    >>> nb = {"metadata": {"kernelspec": {"display_name": "Python 3", "name": "python3"}}}
    >>> normalise_kernelspec(nb); nb["metadata"]["kernelspec"]["display_name"]
    'Python 3 (ipykernel)'
    """
    nb.setdefault("metadata", {})["kernelspec"] = dict(KERNELSPEC)


def pre_save_hook(model: MutableMapping[str, Any], **_: Any) -> None:
    """Jupyter server pre-save hook: store panels as pictures (see the module docstring).

    Registered with ``c.ContentsManager.pre_save_hook = "kl_helpers._storage.pre_save_hook"``.
    Only notebooks are touched; other files are saved as they are.
    """
    if model.get("type") == "notebook" and isinstance(model.get("content"), MutableMapping):
        strip_widget_views(model["content"])
