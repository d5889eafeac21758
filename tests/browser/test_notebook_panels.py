"""The browser tests' expected panel and slider counts (notebook_panels.py) are right; no browser needed.

The browser tests wait for exactly these numbers and must move exactly that many sliders, so a
derivation that returned 0 would make them pass vacuously. The numbers for the committed
notebooks are pinned here (update them when a notebook gains or loses a panel).
"""

from __future__ import annotations

import json
from pathlib import Path

import ipywidgets as widgets
import pytest
from notebook_panels import _call_of, expected_panels, panel_classes

NOTEBOOKS = Path(__file__).resolve().parents[2] / "notebooks"

# notebook -> (panels, sliders), counted by hand from the committed files.
COMMITTED = {
    "00_refresher.ipynb": (1, 2),
    "01_definition.ipynb": (1, 2),
    "02_decomposition.ipynb": (1, 2),
    "03_sample_approximation.ipynb": (1, 2),
    "04_mle_equivalence.ipynb": (2, 3),
    "05_forward_vs_reverse.ipynb": (1, 1),
    "06_kl_in_practice.ipynb": (1, 2),
    "08_kl_as_a_loss.ipynb": (1, 2),
    "07_how_big_is_kl.ipynb": (1, 1),  # the guessing game: one slider (its buttons are not sliders)
    "explorer.ipynb": (8, 14),
    "index.ipynb": (0, 0),  # the contents page: Markdown only
    "notation.ipynb": (0, 0),  # the notation card: Markdown only
    "cheatsheet.ipynb": (0, 0),  # the cheat sheet: Markdown only
    "bibliography.ipynb": (0, 0),  # the bibliography: Markdown only
}


def test_every_committed_notebook_is_pinned():
    assert sorted(p.name for p in NOTEBOOKS.glob("*.ipynb")) == sorted(COMMITTED)


@pytest.mark.parametrize("name", sorted(COMMITTED))
def test_counts_on_committed_notebooks(name):
    expected = expected_panels(NOTEBOOKS / name)
    assert (expected.panels, expected.sliders) == COMMITTED[name], str(expected)
    # Every panel class the code builds is displayed, and every displayed one is built.
    assert {o.panel for o in expected.outputs} == expected.constructed, str(expected)


def _concrete_panels():
    # The base is exported too but cannot be built (make_controls is abstract).
    found = []
    for _name, cls in sorted(panel_classes().items()):
        try:
            found.append(cls())
        except NotImplementedError:
            continue
    return found


def test_discovers_the_exported_panels():
    assert len(_concrete_panels()) >= 7


@pytest.mark.parametrize("panel", _concrete_panels(), ids=lambda p: type(p).__name__)
def test_repr_names_one_slider_per_control(panel):
    # What the derivation relies on: the repr's keywords are the controls, and each is a slider.
    call = _call_of(repr(panel))
    assert call is not None and call.func.id == type(panel).__name__
    assert tuple(k.arg for k in call.keywords) == tuple(panel.controls)
    for name, control in panel.controls.items():
        assert isinstance(control, widgets.FloatSlider | widgets.IntSlider), name


def _notebook(tmp_path: Path, cells: list[dict]) -> Path:
    path = tmp_path / "made.ipynb"
    path.write_text(json.dumps({"cells": cells, "metadata": {}, "nbformat": 4, "nbformat_minor": 5}))
    return path


def _code(source: str, *outputs: dict) -> dict:
    return {"cell_type": "code", "source": source, "outputs": list(outputs), "metadata": {},
            "execution_count": 1}


def _display(text: str, kind: str = "display_data", png: bool = True) -> dict:
    data = {"text/plain": text, **({"image/png": "iVBORw0KGgo="} if png else {})}
    return {"output_type": kind, "data": data, "metadata": {}}


def test_counts_every_displayed_output_and_nothing_else(tmp_path):
    name = sorted(panel_classes())[-1]
    path = _notebook(tmp_path, [
        {"cell_type": "markdown", "source": f"{name}(a=1) in prose", "metadata": {}},
        # Displayed twice: two live views in the page, each with its own sliders.
        _code(f"panel = {name}(a=1)\ndisplay(panel)\npanel",
              _display(f"{name}(a=1, b='x, c=2')"),
              _display(f"{name}(a=1, b='x, c=2')", "execute_result")),
        # Not panels: a repr printed or returned as a string, a figure, a stream.
        _code("repr(panel)", _display(f"'{name}(a=1)'", "execute_result", png=False)),
        _code("fig", _display("<Figure size 640x480 with 1 Axes>", "execute_result")),
        _code("print(panel)", {"output_type": "stream", "name": "stdout", "text": f"{name}(a=1)\n"}),
    ])
    expected = expected_panels(path)
    assert (expected.panels, expected.sliders) == (2, 4)
    assert expected.constructed == {name}


def test_a_picture_of_an_unknown_panel_class_is_an_error(tmp_path):
    path = _notebook(tmp_path, [_code("old", _display("RenamedAwayPanel(a=1)", "execute_result"))])
    with pytest.raises(ValueError, match="RenamedAwayPanel"):
        expected_panels(path)
