"""Lesson 03 (sample approximation): its panel, its figures, and the facts its text relies on."""

import json
import re
from pathlib import Path

import numpy as np
import pytest
from scipy import stats

import kl_helpers as kh
from kl_helpers.figures import sampling as figs
from kl_helpers.panels import ConvergencePanel

NOTEBOOK = Path(__file__).parents[1] / "notebooks" / "03_sample_approximation.ipynb"


@pytest.fixture(scope="module")
def panel():
    return ConvergencePanel()


@pytest.fixture(scope="module")
def cells():
    return json.loads(NOTEBOOK.read_text(encoding="utf-8"))["cells"]


def test_n_slider_moves_in_log_steps_and_its_label_shows_n(panel):
    sizes = np.array(ConvergencePanel.SIZES)
    ratios = sizes[1:] / sizes[:-1]
    assert sizes[0] == 10 and sizes[-1] == 5000
    assert np.all(ratios >= 1.19) and np.all(ratios <= 1.34)  # even steps on the log axis
    control = panel.controls["n_step"]
    assert (control.min, control.max, control.step) == (0, len(sizes) - 1, 1)
    assert not control.readout  # the slider's own index would mislead; the label shows N
    panel.set(n=2500, seed=0)
    assert control.description.endswith("N = 2500") and panel.result["n"] == 2500
    panel.set(n_step=0)
    assert control.description.endswith("N = \u2007\u200710") and panel.result["n"] == 10
    panel.set(n=100, seed=0)


def test_n_alias_is_exact_and_refuses_sizes_off_the_slider():
    assert ConvergencePanel(n=250, seed=4).values == {"n_step": ConvergencePanel.SIZES.index(250), "seed": 4}
    with pytest.raises(ValueError, match="not a position of the N slider"):
        ConvergencePanel(n=251)
    with pytest.raises(TypeError, match="not both"):
        ConvergencePanel(n=250, n_step=3)


def test_every_reachable_position_keeps_the_markers_on_the_plot(panel):
    # All 28 x 21 positions, not only the extremes the generic test visits.
    ax_run, ax_sd = panel.figure.axes[:2]
    (y0, y1), (s0, s1) = ax_run.get_ylim(), ax_sd.get_ylim()
    x0, x1 = ax_run.get_xlim()
    for step in range(len(ConvergencePanel.SIZES)):
        for seed in range(21):
            r = panel.compute(n_step=step, seed=seed)
            assert x0 <= r["n"] <= x1
            assert y0 <= r["estimate"] <= y1, (r["n"], seed, r["estimate"])
            assert s0 <= r["spread_theory"] <= s1


def test_readout_has_one_format_per_quantity(panel):
    panel.set(n=10, seed=3)
    text = panel.artists.run_text.get_text()
    assert re.fullmatch(r"N = 10:  k1 estimate -?\d\.\d{3} ± \d\.\d{3} \(this sample's 95% CI\);"
                        r"  σ/√N = \d\.\d{3} nats", text), text
    panel.set(n=100, seed=0)


@pytest.mark.parametrize("n", [2, 5, 10, 100, 1000])
def test_t_interval_coverage_matches_student_t(n):
    exact = 1 - 2 * stats.t.sf(1.959964, n - 1)
    assert kh.t_interval_coverage(n) == pytest.approx(exact, abs=1e-8)


def test_t_interval_coverage_refuses_one_draw():
    with pytest.raises(ValueError, match="at least 2"):
        kh.t_interval_coverage(1)


def test_k3_is_biased_low_by_the_mass_q_puts_outside_p():
    rng = np.random.default_rng(0)
    for _ in range(200):
        k = int(rng.integers(3, 8))
        p = rng.dirichlet(np.ones(k))
        p[rng.integers(k)] = 0.0  # one outcome p never produces
        p /= p.sum()
        q = rng.dirichlet(np.ones(k))
        on = p > 0
        k3 = kh.kl_estimator_terms(np.log(p[on]), np.log(q[on]), "k3")
        exact = float(p[on] @ k3)
        assert exact == pytest.approx(kh.kl_divergence(p, q) - (1 - q[on].sum()), abs=1e-12)


@pytest.mark.parametrize("mu_q", [0.5, 1.0, 2.0])
def test_k2_mean_is_d_plus_half_d_squared_for_equal_widths(mu_q):
    d = kh.kl_normal_normal(0.0, 1.0, mu_q, 1.0)
    mean_k2 = stats.norm.expect(lambda x: 0.5 * (stats.norm.logpdf(x, mu_q) - stats.norm.logpdf(x)) ** 2)
    assert mean_k2 == pytest.approx(d + d**2 / 2, rel=1e-8)


def test_estimator_figure_marks_each_mean():
    rng = np.random.default_rng(1)
    reps = kh.kl_estimates_normal(0, 1, 1, 1, n=10, replications=2000, rng=rng)
    fig = figs.plot_estimator_comparison(reps, 0.5)
    lines = {line.get_label(): line for line in fig.axes[0].lines}
    for name, values in reps.items():
        (label,) = [k for k in lines if k.startswith(f"mean of {name}:")]
        assert np.allclose(lines[label].get_xdata(), values.mean())
    legend_texts = [t.get_text() for t in fig.axes[0].get_legend().get_texts()]
    assert sum(t.startswith("mean of ") for t in legend_texts) == 3


def test_example_figures_cover_every_plot_function():
    names = {n for n in dir(figs) if n.startswith("plot_")}
    assert set(figs.example_figures()) == names


def _markdown(cells):
    return ["".join(c["source"]) for c in cells if c["cell_type"] == "markdown"]


@pytest.mark.parametrize(("number", "checker"), [(1, "check_03_k3_term"), (2, "check_03_samples_needed")])
def test_exercises_state_the_checker_precision(cells, number, checker):
    (text,) = [m.split(f"**Exercise {number}.**")[1] for m in _markdown(cells)
               if f"**Exercise {number}.**" in m]
    precision = getattr(kh.exercises, checker).precision
    assert f"to {precision}" in text


def test_the_panel_caption_asks_first_and_an_answer_cell_follows(cells):
    at = next(i for i, c in enumerate(cells) if c["cell_type"] == "code"
              and "kh.panels.ConvergencePanel(" in "".join(c["source"]))
    assert "".join(cells[at - 1]["source"]).startswith("**Predict first.** Before you move")
    # The cell under the panel is the uniform "picture of this panel" caption; the answer follows.
    answer = "".join(cells[at + 2]["source"])
    assert "a picture of this panel" in "".join(cells[at + 1]["source"])
    assert "panel.result" in answer and "assert" in answer


def test_result_for_matches_moving_the_sliders(panel):
    asked = panel.result_for(400, seed=7)
    assert panel.values == {"n_step": ConvergencePanel.SIZES.index(100), "seed": 0}  # nothing moved
    panel.set(n=400, seed=7)
    assert asked["estimate"] == panel.result["estimate"] and asked["se"] == panel.result["se"]
    panel.set(n=100, seed=0)
    with pytest.raises(ValueError, match="outside the slider range"):
        panel.result_for(100, seed=21)
