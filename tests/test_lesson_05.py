"""Lesson 05 (forward vs reverse KL): the figures and the panel show what the lesson says they show."""

from __future__ import annotations

import numpy as np
import pytest

import kl_helpers as kh
from kl_helpers import count_modes
from kl_helpers.figures import forward_reverse as figs
from kl_helpers.panels import forward_reverse as module
from kl_helpers.panels.forward_reverse import ForwardReversePanel

LOW, HIGH, STEP, DEFAULT = module._SEPARATION
SEPARATIONS = [round(LOW + k * STEP, 10) for k in range(round((HIGH - LOW) / STEP) + 1)]


def _interior_maxima(curve: np.ndarray) -> np.ndarray:
    inside = (curve[1:-1] > curve[:-2]) & (curve[1:-1] >= curve[2:])
    return curve[1:-1][inside]


@pytest.mark.parametrize("separation", SEPARATIONS)
def test_the_barrier_between_the_valleys_is_inside_the_fixed_view(separation):
    state = module._state(separation)
    barriers = _interior_maxima(state["landscape"])
    assert np.all(barriers < 0.95 * module._KL_VIEW_MAX)
    assert max(state["reverse_kl"]) < module._KL_VIEW_MAX


def test_the_barrier_exists_where_the_optima_split():
    # The feature the caption points to is really there: one valley at 4.5, a barrier from 5.25 on.
    assert _interior_maxima(module._state(4.5)["landscape"]).size == 0
    for d in (5.25, 6.0):
        (barrier,) = _interior_maxima(module._state(d)["landscape"])
        assert barrier > 1.5
    assert _interior_maxima(module._state(6.0)["landscape"])[0] == pytest.approx(2.67, abs=0.01)


def test_predict_first_answers():
    panel = ForwardReversePanel(separation=3.0)
    assert (panel.result["n_modes"], panel.result["n_optima"]) == (2, 1)
    panel.set(separation=0.0)
    assert np.allclose(panel.result["reverse_mu"], 0.0, atol=1e-6)
    assert np.allclose(panel.result["reverse_sigma"], 1.0, atol=1e-6)
    assert panel.result["n_modes"] == 1


def test_count_modes_counts_bumps_not_plateaus():
    x = np.linspace(-7.0, 7.0, 281)
    assert count_modes(kh.normal_pdf(x, 0.0, 1.0)) == 1
    assert count_modes(kh.NormalMixture.two_modes(6.0).pdf(x)) == 2
    assert count_modes(np.ones(10)) == 0
    assert count_modes(np.array([0.0, 1.0, 1.0, 0.0])) == 1


def test_number_of_optima_is_not_number_of_bumps_somewhere_on_the_slider():
    pairs = {d: (module._state(d)["n_modes"], module._state(d)["n_optima"]) for d in SEPARATIONS}
    assert any(m != o for m, o in pairs.values())
    assert pairs[0.0] == (1, 1) and pairs[6.0] == (2, 3)


def test_landscape_figure_has_a_colour_bar_in_nats_and_distinct_line_styles():
    fig = figs.example_figures()["plot_reverse_landscape"]
    _, ax_c, bar = fig.axes
    assert bar.get_ylabel() == "D_KL(q‖p) (nats)"
    styles = [line.get_linestyle() for line in ax_c.lines if line.get_linestyle() != "None"]
    assert len(set(styles)) == len(styles) == 3


def test_misspecification_figure_needs_one_nll_per_fit():
    p = kh.NormalMixture([0.3, 0.7], [-2.0, 1.5], [0.6, 1.0])
    with pytest.raises(ValueError, match="same length"):
        figs.plot_misspecification(p, [10, 100], [(0.0, 1.0), (0.0, 1.0)], [2.0])


def test_p_gets_its_second_bump_near_separation_2_5_on_the_panel_grid():
    # The caption says "about 2.5".
    assert module._state(2.25)["n_modes"] == 1 and module._state(2.5)["n_modes"] == 2
