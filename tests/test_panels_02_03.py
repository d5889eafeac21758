"""What the panels of notebooks 02 and 03 claim, checked against independent computations."""

import math

import numpy as np
import pytest
from scipy import stats

from kl_helpers.panels import ConvergencePanel, DecompositionPanel


@pytest.fixture(scope="module")
def decomposition():
    return DecompositionPanel()


@pytest.mark.parametrize("theta", [-2.0, 0.3, 1.0, 4.0])
@pytest.mark.parametrize("sigma_q", [0.5, 0.8, 2.0])
def test_decomposition_gap_is_the_entropy_and_argmins_agree(decomposition, theta, sigma_q):
    panel = decomposition
    panel.set(theta=theta, sigma_q=sigma_q)
    r = panel.result
    h_p = stats.norm(panel.mu_p, panel.sigma_p).entropy()
    np.testing.assert_allclose(r["ce_curve"] - r["kl_curve"], h_p, atol=1e-12)
    assert np.argmin(r["ce_curve"]) == np.argmin(r["kl_curve"])
    # the minimiser is the mean of p, whatever the model's width
    theta_grid = np.linspace(-2.0, 4.0, r["ce_curve"].size)
    assert theta_grid[np.argmin(r["kl_curve"])] == pytest.approx(panel.mu_p, abs=0.03)
    ce = -stats.norm(panel.mu_p, panel.sigma_p).expect(lambda x: stats.norm.logpdf(x, theta, sigma_q))
    assert r["cross_entropy"] == pytest.approx(ce, rel=1e-7)


def test_convergence_estimate_is_the_mean_of_the_first_n_draws():
    panel = ConvergencePanel(n=250, seed=4)
    x = np.random.default_rng(4).normal(panel.mu_p, panel.sigma_p, 5000)[:250]
    terms = stats.norm.logpdf(x, panel.mu_p, panel.sigma_p) - stats.norm.logpdf(x, panel.mu_q, panel.sigma_q)
    assert panel.result["estimate"] == pytest.approx(terms.mean(), rel=1e-12)
    assert panel.result["se"] == pytest.approx(terms.std(ddof=1) / math.sqrt(250), rel=1e-9)


def test_convergence_is_deterministic_and_n_takes_a_prefix():
    a = ConvergencePanel(n=2000, seed=11)
    b = ConvergencePanel(n=300, seed=11)
    again = ConvergencePanel(n=300, seed=11)
    assert again.result["estimate"] == b.result["estimate"]
    assert again.png == b.png  # same slider position, same picture
    k = b.result["n_shown"].size
    np.testing.assert_array_equal(a.result["mean_shown"][:k], b.result["mean_shown"])
    b.set(n=2000)
    assert b.result["estimate"] == a.result["estimate"]
    other_seed = ConvergencePanel(n=300, seed=12)
    x = np.random.default_rng(12).normal(other_seed.mu_p, other_seed.sigma_p, 5000)[:300]
    terms = (stats.norm.logpdf(x, other_seed.mu_p, other_seed.sigma_p)
             - stats.norm.logpdf(x, other_seed.mu_q, other_seed.sigma_q))
    assert other_seed.result["estimate"] == pytest.approx(terms.mean(), rel=1e-12)
    assert other_seed.result["estimate"] != b.result["estimate"]
    assert other_seed.png != b.png


def test_convergence_spread_line_is_sigma_over_root_n():
    panel = ConvergencePanel(n=400, seed=0)
    # ln p - ln q = 0.125 - 0.5 x for p = N(0, 1), q = N(0.5, 1): standard deviation 0.5
    assert panel.result["spread_theory"] == pytest.approx(0.5 / math.sqrt(400), rel=1e-12)
    assert panel.result["truth"] == pytest.approx(0.125, rel=1e-12)
