"""Execute notebooks in place and store their outputs the way this project commits them.

    python tools/store_outputs.py notebooks/*.ipynb

What differs from a plain ``jupyter nbconvert --execute --inplace``:

* no timing metadata and no widget state are stored, so a re-run changes only what really changed;
* the kernelspec is stored as JupyterLab writes it back, so opening a lesson does not modify it;
* the caption under each picture repeats its text alternative (``kl_helpers/_captions.py``);
* a slider panel's output keeps its ``image/png`` and ``text/plain`` but not its
  ``application/vnd.jupyter.widget-view+json`` part. That part points at a widget model that exists
  only while the kernel that made it runs. JupyterLab 4 renders it only for a *trusted* notebook
  (``jupyter trust``, or one signed on that machine), and there, with the model gone, it shows
  "Error displaying widget: model not found" instead of the picture (checked in headless Chromium);
  an untrusted notebook falls back to the PNG either way. Without the widget view, JupyterLab,
  GitHub and nbviewer show the picture until the notebook is run, and running it shows the live
  panel again. nbval never compares widget views, so the check is unaffected. The same rule is
  applied to every save in the server ``make lab`` starts (``kl_helpers/_storage.py``).
"""

from __future__ import annotations

import sys
from pathlib import Path

import nbformat
from nbclient import NotebookClient

from kl_helpers._captions import sync_captions
from kl_helpers._storage import normalise_kernelspec, strip_widget_views


def coalesce_streams(nb: nbformat.NotebookNode) -> None:
    """Merge consecutive stdout (or stderr) outputs of a cell into one, as nbval compares them.

    How a cell's printing is split into messages depends on timing (a slow machine flushes
    mid-loop), so storing the split would make the committed file depend on the machine.
    """
    for cell in nb["cells"]:
        merged: list = []
        for output in cell.get("outputs", []):
            previous = merged[-1] if merged else None
            if (output["output_type"] == "stream" and previous is not None
                    and previous["output_type"] == "stream" and previous["name"] == output["name"]):
                previous["text"] += output["text"]
            else:
                merged.append(output)
        if "outputs" in cell:
            cell["outputs"] = merged


def language_of(path: Path) -> str:
    """``"zh"`` for the Chinese edition (``notebooks/zh/``), else ``"en"``.

    A Chinese notebook switches its own outputs with ``kh.set_language("zh")`` in its first code
    cell; only the caption prefixes are chosen here.
    """
    parts = path.resolve().parts
    inside = parts[len(parts) - 1 - parts[::-1].index("notebooks"):] if "notebooks" in parts else ()
    return "zh" if "zh" in inside else "en"


def store(path: Path) -> None:
    nb = nbformat.read(path, as_version=4)
    NotebookClient(
        nb,
        timeout=600,
        kernel_name="python3",
        resources={"metadata": {"path": str(path.parent)}},
        record_timing=False,
        store_widget_state=False,
    ).execute()
    dropped = strip_widget_views(nb)
    coalesce_streams(nb)
    normalise_kernelspec(nb)
    captions = sync_captions(nb, language_of(path))
    nb = nbformat.from_dict(nb)  # the captions added plain dicts
    nbformat.write(nb, path)
    print(f"{path}: executed, {dropped} panel output(s) stored as PNG, {captions} caption(s) written")


def main(paths: list[str]) -> int:
    if not paths:
        print(__doc__)
        return 2
    for name in paths:
        store(Path(name))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
