"""Lesson 04 (MLE equivalence): the likelihood panel shows both the MLE and the truth, and the
notebook's exercise statements give the precision their checkers want."""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pytest

import kl_helpers as kh
from kl_helpers.panels.mle import DEFAULT_P

NOTEBOOK = Path(__file__).resolve().parents[1] / "notebooks" / "04_mle_equivalence.ipynb"
SEED = 404


def _notebook_panel() -> kh.panels.LikelihoodPanel:
    """The panel as the notebook builds it: the first 30 of its 500 draws from N(1.5, 0.8²)."""
    x = np.random.default_rng(SEED).normal(*DEFAULT_P, size=500)
    return kh.panels.LikelihoodPanel(x[:30], p=DEFAULT_P)


def _marker_boxes(panel: kh.panels.LikelihoodPanel) -> dict[str, object]:
    fig = panel.figure
    fig.canvas.draw()
    renderer = fig.canvas.get_renderer()
    ax = fig.axes[1]
    return {line.get_marker(): line.get_window_extent(renderer) for line in ax.lines
            if line.get_marker() in ("*", "D")}


@pytest.mark.parametrize("make", [_notebook_panel, kh.panels.LikelihoodPanel],
                         ids=["notebook", "default"])
def test_the_mle_star_and_the_true_diamond_do_not_cover_each_other(make):
    panel = make()
    boxes = _marker_boxes(panel)
    assert set(boxes) == {"*", "D"}, "both the MLE star and the true-parameter diamond are drawn"
    star, diamond = boxes["*"], boxes["D"]
    assert star.width > 0 and diamond.width > 0
    assert not star.overlaps(diamond), (star.bounds, diamond.bounds)


def test_the_diamond_is_hollow_and_drawn_on_top_of_the_star():
    ax = _notebook_panel().figure.axes[1]
    star = next(line for line in ax.lines if line.get_marker() == "*")
    diamond = next(line for line in ax.lines if line.get_marker() == "D")
    assert diamond.get_markerfacecolor() == "none" and diamond.get_zorder() > star.get_zorder()


def test_the_true_parameters_are_a_slider_position():
    # The caption asks students to move the dot onto the diamond: it must be reachable exactly.
    panel = _notebook_panel()
    panel.set(mu=DEFAULT_P[0], sigma=DEFAULT_P[1])
    assert (panel.result["mu"], panel.result["sigma"]) == DEFAULT_P
    assert panel.result["kl"] == 0.0 and panel.result["nll"] > panel.nll_min


def _markdown() -> str:
    cells = json.loads(NOTEBOOK.read_text(encoding="utf-8"))["cells"]
    return "\n".join("".join(c["source"]) for c in cells if c["cell_type"] == "markdown")


@pytest.mark.parametrize("number, checker", [(1, kh.exercises.check_04_categorical_mle),
                                             (2, kh.exercises.check_04_kl_nll_gap)])
def test_each_exercise_states_the_precision_its_checker_wants(number, checker):
    text = _markdown()
    statement = text[text.index(f"**Exercise {number}.**"):]
    statement = statement[:statement.index("**Exercise", 5)] if "**Exercise" in statement[5:] else statement
    assert str(checker.precision) in statement, (str(checker.precision), statement)


def test_exercise_3_asks_for_the_average_nll_and_states_its_tolerance():
    text = _markdown()
    statement = text[text.index("**Exercise 3.**"):]
    assert "**average** NLL" in statement and "relative tolerance of $10^{-5}$" in statement


def test_every_panel_caption_asks_a_prediction_first():
    cells = json.loads(NOTEBOOK.read_text(encoding="utf-8"))["cells"]
    for i, cell in enumerate(cells):
        if cell["cell_type"] == "code" and "kh.panels." in "".join(cell["source"]):
            caption = "".join(cells[i - 1]["source"]) if cells[i - 1]["cell_type"] == "markdown" \
                else "".join(cells[i - 2]["source"])
            assert "**Predict first.**" in caption, caption[:200]
