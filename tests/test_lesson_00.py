"""Lesson 00 (the refresher): its facts, its panel and its checkers, against independent references.

Right answers are computed here with scipy and exact arithmetic, not with the checkers or
kl_helpers, so a wrong reference inside a checker fails a test.
"""

from __future__ import annotations

import json
import math
from pathlib import Path

import numpy as np
import pytest
from _exercise_helpers import assert_wrong
from scipy import integrate, stats

import kl_helpers as kh
from kl_helpers.exercises import (
    check_00_interval_probability,
    check_00_inverse_mean,
    check_00_jensen_gap,
    check_00_log_bits,
)
from kl_helpers.panels import JensenPanel

NOTEBOOK = Path(__file__).resolve().parents[1] / "notebooks" / "00_refresher.ipynb"
CHECKERS = {1: check_00_inverse_mean, 2: check_00_interval_probability, 3: check_00_log_bits,
            4: check_00_jensen_gap}


def _markdown() -> list[str]:
    cells = json.loads(NOTEBOOK.read_text(encoding="utf-8"))["cells"]
    return ["".join(c["source"]) for c in cells if c["cell_type"] == "markdown"]


@pytest.mark.parametrize("number", sorted(CHECKERS))
def test_each_exercise_states_the_precision_its_checker_wants(number):
    cell = next(m for m in _markdown() if m.startswith(f"**Exercise {number}.**"))
    assert f"to {CHECKERS[number].precision}" in cell


def test_the_lesson_is_short_and_its_time_estimate_stated():
    opening = _markdown()[0]
    assert "**Estimated time.** 30 minutes." in opening
    assert "(01_definition.ipynb)" in opening and "(notation.ipynb)" in opening


# --- the facts the text states -----------------------------------------------------------------

def test_densities_above_one_integrate_to_one():
    normal = stats.norm(0.0, 0.1)
    assert normal.pdf(0.0) == pytest.approx(3.9894, abs=1e-4)
    assert integrate.quad(normal.pdf, -1, 1)[0] == pytest.approx(1.0, abs=1e-12)
    uniform = stats.uniform(0.0, 0.5)
    assert uniform.pdf(0.25) == 2.0 and integrate.quad(uniform.pdf, 0.0, 0.5)[0] == pytest.approx(1.0)


def test_a_density_exceeds_one_only_below_one_over_root_two_pi_and_on_a_short_stretch():
    threshold = 1 / math.sqrt(2 * math.pi)
    assert stats.norm(0, threshold * 0.999).pdf(0) > 1 >= stats.norm(0, threshold * 1.001).pdf(0)
    # N(0, 0.1²) is above 1 on |x| < 0.16635 (pen-and-paper problem 2c)
    edge = 0.1 * math.sqrt(2 * math.log(1 / (0.1 * math.sqrt(2 * math.pi))))
    assert stats.norm(0, 0.1).pdf(edge) == pytest.approx(1.0, rel=1e-12)
    assert 2 * edge == pytest.approx(0.3327, abs=1e-4)


def test_sample_mean_variance_is_sigma_squared_over_n_exactly():
    # Problem 1, by enumerating every sequence of three draws of X = 1, 2, 4.
    x, p = np.array([1.0, 2.0, 4.0]), np.array([0.5, 0.25, 0.25])
    means = (x[:, None, None] + x[None, :, None] + x[None, None, :]).ravel() / 3
    probs = (p[:, None, None] * p[None, :, None] * p[None, None, :]).ravel()
    dist = stats.rv_discrete(values=(np.arange(means.size), probs))
    var = dist.expect(lambda k: means[k.astype(int)] ** 2) - dist.expect(lambda k: means[k.astype(int)]) ** 2
    assert var == pytest.approx(1.5 / 3, rel=1e-12)


def test_the_panel_answer_four_times_and_zero_only_at_zero_spread():
    panel = JensenPanel()
    gap = {s: panel.compute(spread=s, weight=0.5)["gap"] for s in (0.0, 0.5, 1.0)}
    exact = {s: -0.5 * math.log(1 - s * s / 4) for s in gap}  # Problem 3 with m = 2
    assert gap == pytest.approx(exact, rel=1e-12, abs=0.0)
    assert 4.0 < gap[1.0] / gap[0.5] < 5.0


@pytest.mark.parametrize("weight", [0.1, 0.35, 0.5, 0.9])
def test_panel_numbers_against_a_direct_computation(weight):
    panel = JensenPanel(spread=1.5, weight=weight)
    r = panel.result
    values, probs = np.array([0.5, 3.5]), np.array([1 - weight, weight])
    mean = float(probs @ values)
    assert r["mean"] == pytest.approx(mean, rel=1e-15)
    assert r["mean_log"] == pytest.approx(float(probs @ np.log(values)), rel=1e-12)
    assert r["gap"] == pytest.approx(math.log(mean) - float(probs @ np.log(values)), rel=1e-10)
    curve = [math.log(probs @ np.array([2 - s, 2 + s])) - probs @ np.log([2 - s, 2 + s])
             for s in r["spread_grid"]]
    np.testing.assert_allclose(r["gap_curve"], curve, rtol=1e-9, atol=1e-15)


def test_panel_limits_hold_every_reachable_value():
    panel = JensenPanel()
    ax_l, ax_g = panel.figure.axes[:2]
    worst = max(panel.compute(spread=1.9, weight=w)["gap_curve"].max() for w in np.arange(0.1, 0.91, 0.05))
    assert worst < ax_g.get_ylim()[1]
    assert ax_l.get_ylim()[0] < math.log(2 - 1.9) and math.log(2 + 1.9) < ax_l.get_ylim()[1]


# --- the checkers -------------------------------------------------------------------------------

def test_inverse_mean():
    dist = stats.rv_discrete(values=([1, 2, 4], [0.5, 0.25, 0.25]))
    right = dist.expect(lambda v: 1 / v)
    assert check_00_inverse_mean(right).correct and check_00_inverse_mean(0.688).correct
    assert "1/E[X]" in assert_wrong(check_00_inverse_mean, 1 / dist.mean(), right).message
    assert "plain average" in assert_wrong(check_00_inverse_mean, (1 + 0.5 + 0.25) / 3, right).message
    assert_wrong(check_00_inverse_mean, 0.75, right)


def test_interval_probability():
    normal = stats.norm(0.0, 0.1)
    right = integrate.quad(normal.pdf, 0.1, 0.2)[0]
    assert check_00_interval_probability(right).correct
    assert check_00_interval_probability(round(right, 3)).correct
    assert "left end" in assert_wrong(check_00_interval_probability, normal.pdf(0.1), right).message
    assert "right end" in assert_wrong(check_00_interval_probability, normal.pdf(0.2), right).message
    midpoint = assert_wrong(check_00_interval_probability, normal.pdf(0.15) * 0.1, right)
    assert "midpoint" in midpoint.message
    assert_wrong(check_00_interval_probability, 0.5, right)


def test_log_bits():
    right = math.log2(0.05) * 300
    assert check_00_log_bits(right).correct and check_00_log_bits(-1297).correct
    assert not check_00_log_bits(-1296).correct  # 4 significant figures: -1297
    assert "nats" in assert_wrong(check_00_log_bits, 300 * math.log(0.05), right).message
    assert "base-10" in assert_wrong(check_00_log_bits, 300 * math.log10(0.05), right).message
    assert "sign" in assert_wrong(check_00_log_bits, -right, right).message
    assert "rounds to 0" in assert_wrong(check_00_log_bits, -math.inf, right).message


def test_jensen_gap():
    dist = stats.rv_discrete(values=([1, 4, 16], [0.5, 0.25, 0.25]))
    right = math.log(dist.mean()) - dist.expect(np.log)
    assert check_00_jensen_gap(right).correct and check_00_jensen_gap(0.665).correct
    assert "sign" in assert_wrong(check_00_jensen_gap, -right, right).message
    assert "bits" in assert_wrong(check_00_jensen_gap, right / math.log(2), right).message
    assert "ln E[X] alone" in assert_wrong(check_00_jensen_gap, math.log(dist.mean()), right).message
    assert "E[ln X] alone" in assert_wrong(check_00_jensen_gap, dist.expect(np.log), right).message


def test_the_underflow_the_exercise_relies_on():
    assert float(np.prod(np.full(300, 0.05))) == 0.0  # 0.05³⁰⁰ ≈ 1e-390 underflows
    assert kh.exercises.ex00.BITS_EVENTS == 300 and kh.exercises.ex00.BITS_PROBABILITY == 0.05
