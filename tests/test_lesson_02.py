"""Lesson 02 (issue 10): the facts its text states, checked with their conditions.

Some facts are checked here rather than in the notebook on purpose: printing the width at which a
normal's entropy is 0 in the notebook would give away exercise 3.
"""

from __future__ import annotations

import json
import math
from pathlib import Path

import numpy as np
import pytest
from scipy import integrate, stats

import kl_helpers as kh
from kl_helpers.figures import decomposition as figs
from kl_helpers.panels import DecompositionPanel

NOTEBOOK = Path(__file__).resolve().parents[1] / "notebooks" / "02_decomposition.ipynb"
SIGMA_0 = 1.0 / math.sqrt(2.0 * math.pi * math.e)


def _markdown() -> list[str]:
    cells = json.loads(NOTEBOOK.read_text(encoding="utf-8"))["cells"]
    return ["".join(c["source"]) for c in cells if c["cell_type"] == "markdown"]


def test_the_entropy_of_a_normal_changes_sign_exactly_at_one_over_root_two_pi_e():
    assert kh.normal_entropy(SIGMA_0) == pytest.approx(0.0, abs=1e-15)
    assert kh.normal_entropy(SIGMA_0 * (1 - 1e-9)) < 0 < kh.normal_entropy(SIGMA_0 * (1 + 1e-9))
    assert 0.1 < SIGMA_0 < 0.25  # the bracket the notebook states
    assert SIGMA_0 == pytest.approx(0.242, abs=5e-4)


def test_a_density_above_one_on_two_thirds_of_its_mass_can_have_positive_entropy():
    dist = stats.norm(0.0, 0.25)
    mass = integrate.quad(lambda x: dist.pdf(x) * (dist.pdf(x) > 1.0), -2, 2, points=[-0.25, 0.25],
                          limit=200)[0]
    assert mass == pytest.approx(0.666, abs=1e-3)
    assert dist.entropy() == pytest.approx(0.0326, abs=1e-4) and dist.entropy() > 0


def test_a_density_at_most_one_everywhere_has_nonnegative_entropy():
    for sigma in np.geomspace(1 / math.sqrt(2 * math.pi), 20.0, 40):
        assert stats.norm(0, sigma).pdf(0) <= 1 + 1e-12
        assert stats.norm(0, sigma).entropy() >= 0


@pytest.mark.parametrize("name", ["check_02_neg_entropy", "check_02_min_cross_entropy",
                                  "check_02_zero_entropy_sigma"])
def test_each_exercise_states_the_precision_its_checker_wants(name):
    number = {"check_02_neg_entropy": 1, "check_02_min_cross_entropy": 2,
              "check_02_zero_entropy_sigma": 3}[name]
    cell = next(m for m in _markdown() if f"**Exercise {number}.**" in m)
    statement = cell.split(f"**Exercise {number}.**")[1].split("**Exercise")[0]
    assert f"to {getattr(kh.exercises, name).precision}" in statement


def test_the_entropy_figure_does_not_give_away_exercise_3():
    fig = figs.example_figures()["plot_negative_entropy"]
    texts = " ".join(t.get_text() for t in fig.findobj(lambda a: hasattr(a, "get_text")))
    assert "0.242" not in texts and "2πe" not in texts
    for ax in fig.axes:
        for line in ax.lines:  # no vertical guide at σ₀
            x = np.asarray(line.get_xdata(), float)
            assert not (x.size == 2 and np.allclose(x, SIGMA_0))


def test_panel_limits_hold_the_largest_reachable_values_and_the_predicted_answer():
    panel = DecompositionPanel()
    ax = panel.figure.axes[1]
    top = ax.get_ylim()[1]
    worst = panel.compute(theta=-2.0, sigma_q=0.5)
    assert worst["cross_entropy"] == pytest.approx(19.5058, abs=1e-4) and worst["cross_entropy"] < top
    assert worst["ce_curve"].max() < top and worst["kl_curve"].min() >= 0 > ax.get_ylim()[0]
    before, after = panel.compute(theta=2.5, sigma_q=1.0), panel.compute(theta=2.5, sigma_q=0.5)
    h_p = stats.norm(1.0, 0.8).entropy()
    assert before["cross_entropy"] - before["kl"] == pytest.approx(h_p, abs=1e-12)
    assert after["cross_entropy"] - after["kl"] == pytest.approx(h_p, abs=1e-12)
    assert after["kl"] > before["kl"]
