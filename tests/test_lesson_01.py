"""Lesson 01 (``01_definition.ipynb``): what the lesson states about its panel, exercises and citations."""

from __future__ import annotations

import json
import math
import re
from pathlib import Path

import numpy as np
import pytest

import kl_helpers as kh

NOTEBOOK = Path(__file__).resolve().parents[1] / "notebooks" / "01_definition.ipynb"


def _exercise(number: int) -> str:
    """The markdown statement of exercise ``number``, from its bold label to the end of its cell."""
    cells = json.loads(NOTEBOOK.read_text(encoding="utf-8"))["cells"]
    label = f"**Exercise {number}.**"
    text = next("".join(c["source"]) for c in cells
                if c["cell_type"] == "markdown" and label in "".join(c["source"]))
    return text[text.index(label):]


def test_direction_panel_keeps_every_reachable_value_on_its_axis():
    # The largest and smallest reachable divergences lie inside the fixed view.
    panel = kh.panels.DirectionPanel()
    low, high = panel.figure.axes[1].get_ylim()
    worst = 0.0
    for mu in (-3.0, 0.0, 3.0):
        for sigma in (0.3, 1.0, 3.0):
            panel.set(mu_q=mu, sigma_q=sigma)
            curves = np.concatenate([panel.result["forward_curve"], panel.result["reverse_curve"]])
            assert low < curves.min() and curves.max() < high
            worst = max(worst, curves.max())
    assert math.isclose(worst, kh.kl_normal_normal(0, 1, 3, 0.3))


def test_direction_panel_readouts_sit_above_the_plot():
    panel = kh.panels.DirectionPanel(mu_q=3.0, sigma_q=0.3)
    ax = panel.figure.axes[1]
    renderer = panel.figure.canvas.get_renderer()
    for text in (panel.artists.fwd_text, panel.artists.rev_text):
        assert text.get_window_extent(renderer).y0 >= ax.get_window_extent(renderer).y1


def test_direction_panel_is_symmetric_only_for_equal_widths():
    panel = kh.panels.DirectionPanel(mu_q=1.0, sigma_q=1.0)
    assert np.allclose(panel.result["forward_curve"], panel.result["reverse_curve"])
    panel.set(sigma_q=1.05)
    assert not np.allclose(panel.result["forward_curve"], panel.result["reverse_curve"])


@pytest.mark.parametrize(("number", "checker"), [
    (1, "check_01_reverse_bits"),
    (2, "check_01_code_overhead"),
])
def test_numeric_exercises_state_the_checkers_precision(number, checker):
    precision = str(getattr(kh.exercises, checker).precision)
    statement = _exercise(number)
    assert precision in statement, f"exercise {number} should say '{precision}'"


def test_exercise_4_states_the_checkers_tolerance():
    statement = _exercise(4)
    assert re.search(r"10\^\{-9\}", statement) and "math.inf" in statement
    # The checker accepts a 1e-10 relative error and refuses a 1e-8 one.
    assert kh.exercises.check_01_my_kl(lambda p, q: kh.kl_divergence(p, q) * (1 + 1e-10)).correct
    assert not kh.exercises.check_01_my_kl(lambda p, q: kh.kl_divergence(p, q) * (1 + 1e-8)).correct


def test_scipy_entropy_rescales_silently_as_common_mistake_3_says():
    stats = pytest.importorskip("scipy.stats")
    assert stats.entropy([1 / 2, 1 / 2], qk=[3 / 10, 3 / 10]) == pytest.approx(0.0, abs=1e-15)


def test_jensen_figure_keeps_the_outcome_at_t_1_visible():
    fig = kh.figures.definition.plot_jensen([0.6, 0.3, 0.1], [0.2, 0.3, 0.5])
    ax = fig.axes[0]
    ring = next(line for line in ax.lines if "(ring)" in line.get_label())
    outcomes = ax.collections[0]
    assert ring.get_markerfacecolor() == "none"  # hollow: the dot under it shows through
    assert ring.get_zorder() > outcomes.get_zorder()
    assert any(np.allclose(xy, [1.0, 0.0]) for xy in outcomes.get_offsets())
