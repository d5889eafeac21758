"""The helpers of lesson 08 against independent references: scipy, finite differences, brute force.

Covers ``kl_helpers.gradients``, ``comparison``, ``nonparametric``, ``vae``, ``conventions`` and the
two discrete distances added to ``divergence`` (``total_variation``, ``wasserstein1``).
"""

from __future__ import annotations

import math

import numpy as np
import pytest
import scipy.integrate
import scipy.special
import scipy.stats

import kl_helpers as kh
from kl_helpers.nonparametric import _kth_1d, _kth_nd

SQRT08 = math.sqrt(0.8)


# ---- gradients ------------------------------------------------------------------------------

@pytest.mark.parametrize("params", [(0.0, 1.0, 1.0, 1.0), (1.0, 0.7, -0.5, 1.3), (2.0, 2.0, 0.3, 0.4)])
def test_grad_kl_normal_normal_matches_finite_differences(params):
    fd = kh.numerical_gradient(lambda t: kh.kl_normal_normal(*t), list(params), step=1e-6)
    assert np.allclose(kh.grad_kl_normal_normal(*params), fd, atol=1e-6)


# Expected mean of each recipe for q_θ = N(1, 1), p = N(0, 0.8): worked out by hand in the
# docstring table (0, forward θ/s² = 1, reverse θ/σ² = 1.25).
EXPECTED = {("q", "loss", "k1"): 0.0, ("q", "loss", "k3"): 1.0, ("q", "score", "k1"): 1.25,
            ("q", "score", "k3"): 1.25, ("q", "reparam", "k1"): 1.25, ("q", "reparam", "k3"): 1.25,
            ("p", "loss", "k1"): 1.0, ("p", "loss", "k3"): 1.0}


@pytest.mark.parametrize("recipe", sorted(EXPECTED))
def test_each_gradient_recipe_converges_to_its_target(recipe):
    source, how, name = recipe
    terms = kh.estimator_gradient_terms(1.0, 1.0, 0.0, SQRT08, 400_000, np.random.default_rng(7),
                                        estimator=name, sample_from=source, method=how)
    mean, se = kh.mean_and_se(terms)
    assert abs(mean - EXPECTED[recipe]) < 4.5 * se, (recipe, mean, se)
    assert se < 0.02


def test_k3_as_a_loss_is_not_the_reverse_gradient_but_agrees_at_equal_widths():
    rng = np.random.default_rng(3)
    unequal = kh.mean_and_se(kh.estimator_gradient_terms(1.0, 1.0, 0.0, SQRT08, 200_000, rng,
                                                         estimator="k3"))
    assert abs(unequal[0] - 1.25) > 20 * unequal[1]
    equal = kh.mean_and_se(kh.estimator_gradient_terms(0.3, 1.0, 0.0, 1.0, 200_000, rng,
                                                       estimator="k3"))
    assert abs(equal[0] - 0.3) < 4.5 * equal[1]  # equal widths: forward = reverse = θ - m


def test_the_score_function_terms_are_the_fixed_sample_ones_plus_k_times_the_score():
    # Same seed, same draws: the difference of the two recipes is k1 · score, computed by hand.
    fixed = kh.estimator_gradient_terms(0.5, 1.2, 0.0, 1.0, 5, np.random.default_rng(1))
    score = kh.estimator_gradient_terms(0.5, 1.2, 0.0, 1.0, 5, np.random.default_rng(1), method="score")
    x = 0.5 + 1.2 * np.random.default_rng(1).standard_normal(5)
    log_q = -0.5 * math.log(2 * math.pi) - math.log(1.2) - 0.5 * ((x - 0.5) / 1.2) ** 2
    log_p = -0.5 * math.log(2 * math.pi) - 0.5 * x**2
    assert np.allclose(fixed, (x - 0.5) / 1.44)
    assert np.allclose(score - fixed, (log_q - log_p) * (x - 0.5) / 1.44)


@pytest.mark.parametrize("name", ["k1", "k3"])
def test_the_reward_terms_are_the_estimate_times_the_score(name):
    # Same seed, same draws as the function's: k (k1 = ln q - ln p, k3 = r - 1 - ln r with
    # r = p/q) times the score (x - θ)/s², computed by hand, no gradient through k.
    reward = kh.estimator_gradient_terms(0.5, 1.2, 0.0, 1.0, 5, np.random.default_rng(1),
                                         estimator=name, method="reward")
    x = 0.5 + 1.2 * np.random.default_rng(1).standard_normal(5)
    log_r = scipy.stats.norm.logpdf(x, 0.0, 1.0) - scipy.stats.norm.logpdf(x, 0.5, 1.2)
    k = -log_r if name == "k1" else np.exp(log_r) - 1 - log_r
    assert np.allclose(reward, k * (x - 0.5) / 1.44, rtol=1e-12, atol=0)


def test_gradient_recipes_refuse_bad_input_with_the_reason():
    rng = np.random.default_rng(0)
    with pytest.raises(ValueError, match="with sample_from='p' the samples come from the fixed reference"):
        kh.estimator_gradient_terms(1.0, 1.0, 0.0, 1.0, 10, rng, sample_from="p", method="score")
    with pytest.raises(ValueError, match="estimator='k2' is not known"):
        kh.estimator_gradient_terms(1.0, 1.0, 0.0, 1.0, 10, rng, estimator="k2")
    with pytest.raises(ValueError, match="sigma_q must be a finite number > 0"):
        kh.estimator_gradient_terms(1.0, 0.0, 0.0, 1.0, 10, rng)
    with pytest.raises(TypeError, match="rng must be a numpy Generator"):
        kh.estimator_gradient_terms(1.0, 1.0, 0.0, 1.0, 10, 42)
    with pytest.raises(ValueError, match="terms needs at least two values"):
        kh.mean_and_se([1.0])


def test_gradient_table_labels_and_targets():
    rows = kh.gradient_estimator_table(1.0, 1.0, 0.0, SQRT08, 1000, np.random.default_rng(0))
    assert [r["target"] for r in rows] == ["zero", "forward", "reverse", "reverse", "reverse", "reverse",
                                           "forward", "forward"]
    assert {(r["sample_from"], r["method"], r["estimator"]) for r in rows} == set(EXPECTED)


# ---- comparison -----------------------------------------------------------------------------

@pytest.mark.parametrize(("mp", "sp", "mq", "sq"), [(0, 1, 1, 2), (0.5, 1.5, -1, 0.5), (0, 1, 3, 1)])
def test_wasserstein1_normal_normal_against_scipy_on_quantiles(mp, sp, mq, sq):
    u = (np.arange(200_000) + 0.5) / 200_000  # quantile grid: W1 = ∫ |F_p⁻¹ - F_q⁻¹| du
    z = scipy.special.ndtri(u)
    reference = np.mean(np.abs((mp + sp * z) - (mq + sq * z)))
    assert math.isclose(kh.wasserstein1_normal_normal(mp, sp, mq, sq), reference, rel_tol=1e-4)


def test_shifted_normals_against_quadrature_and_closed_forms():
    x = np.linspace(-30.0, 30.0, 120_001)
    for theta, w in ((0.7, 1.0), (2.0, 0.5), (-1.5, 1.3)):
        r = kh.shifted_normal_divergences(theta, w)
        p, q = scipy.stats.norm.pdf(x, 0, w), scipy.stats.norm.pdf(x, theta, w)
        m = 0.5 * (p + q)
        js = 0.5 * scipy.integrate.trapezoid(scipy.special.rel_entr(p, m) + scipy.special.rel_entr(q, m), x)
        tv = 0.5 * scipy.integrate.trapezoid(np.abs(p - q), x)
        assert math.isclose(r["js"], js, rel_tol=1e-6) and math.isclose(r["tv"], tv, rel_tol=1e-6)
        assert math.isclose(r["kl"], theta**2 / (2 * w * w)) and r["w1"] == abs(theta)
        for key in ("js", "tv"):
            fd = kh.numerical_gradient(lambda t, key=key, w=w: kh.shifted_normal_divergences(t[0], w)[key],
                                       [theta], step=1e-5)[0]
            assert math.isclose(r[f"grad_{key}"], fd, rel_tol=1e-5, abs_tol=1e-9)
        assert r["grad_w1"] == math.copysign(1.0, theta) and r["grad_kl"] == theta / w**2


def test_js_and_tv_gradients_vanish_far_away_while_w1_and_kl_do_not():
    r = kh.shifted_normal_divergences([3.0], 0.2)
    assert r["grad_js"][0] < 1e-10 and r["grad_tv"][0] < 1e-10
    assert r["grad_w1"][0] == 1.0 and math.isclose(r["grad_kl"][0], 75.0)
    assert r["js"][0] <= math.log(2) and r["tv"][0] <= 1.0
    assert kh.shifted_normal_divergences(0.0, 1.0)["grad_js"] == 0.0


def test_comparison_refuses_a_bad_width():
    with pytest.raises(ValueError, match="width must be a finite number > 0"):
        kh.shifted_normal_divergences(1.0, 0.0)
    with pytest.raises(ValueError, match="sigma_q must be > 0"):
        kh.wasserstein1_normal_normal(0.0, 1.0, 0.0, -1.0)


# ---- discrete distances ---------------------------------------------------------------------

def test_total_variation_and_wasserstein1_against_scipy():
    rng = np.random.default_rng(5)
    x = np.sort(rng.normal(size=12))
    for _ in range(20):
        p, q = rng.dirichlet(np.ones(12), size=2)
        assert math.isclose(kh.total_variation(p, q), 0.5 * np.abs(p - q).sum(), rel_tol=1e-12)
        assert math.isclose(kh.wasserstein1(p, q, x), scipy.stats.wasserstein_distance(x, x, p, q),
                            rel_tol=1e-10)
    rows = rng.dirichlet(np.ones(4), size=(3, 2))
    assert kh.total_variation(rows[:, 0], rows[:, 1]).shape == (3,)


def test_wasserstein1_refuses_unsorted_or_mismatched_outcomes():
    with pytest.raises(ValueError, match="outcomes must be strictly increasing"):
        kh.wasserstein1([0.5, 0.5], [0.5, 0.5], [1.0, 0.0])
    with pytest.raises(ValueError, match="outcomes has 3 positions but p and q have 2 entries"):
        kh.wasserstein1([0.5, 0.5], [0.5, 0.5], [0.0, 1.0, 2.0])
    with pytest.raises(ValueError, match="p sums to"):
        kh.total_variation([0.5, 0.6], [0.5, 0.5])


# ---- nonparametric --------------------------------------------------------------------------

@pytest.mark.parametrize("k", [1, 2, 4])
def test_sorted_and_brute_force_neighbour_searches_agree(k):
    rng = np.random.default_rng(k)
    a, b = rng.normal(size=301), rng.normal(size=157)
    assert np.allclose(_kth_1d(a, a, k, True), _kth_nd(a[:, None], a[:, None], k, True))
    assert np.allclose(_kth_1d(b, a, k, False), _kth_nd(b[:, None], a[:, None], k, False))
    # and against a direct computation
    d = np.abs(a[:, None] - a[None, :])
    np.fill_diagonal(d, np.inf)
    assert np.allclose(_kth_1d(a, a, k, True), np.sort(d, axis=1)[:, k - 1])


def test_knn_estimator_formula_on_a_tiny_example_by_hand():
    x, y = np.array([0.0, 1.0, 3.0]), np.array([0.5, 4.0])
    rho = np.array([1.0, 1.0, 2.0])  # nearest other x
    nu = np.array([0.5, 0.5, 1.0])  # nearest y
    by_hand = np.mean(np.log(nu / rho)) + math.log(2 / 2)
    assert math.isclose(kh.knn_kl_estimate(x, y), by_hand, rel_tol=1e-12)


def test_knn_estimator_is_consistent_in_one_and_two_dimensions():
    rng = np.random.default_rng(11)
    exact = kh.kl_normal_normal(0.0, 1.0, 1.0, 1.5)
    est = [kh.knn_kl_estimate(rng.normal(0, 1, 20_000), rng.normal(1, 1.5, 20_000)) for _ in range(10)]
    assert abs(np.mean(est) - exact) < 0.02
    shift = np.array([1.0, 0.0])
    est2 = [kh.knn_kl_estimate(rng.normal(0, 1, (1500, 2)), rng.normal(0, 1, (1500, 2)) + shift)
            for _ in range(6)]
    assert abs(np.mean(est2) - 0.5) < 0.08


def test_knn_estimator_refuses_what_it_cannot_estimate():
    with pytest.raises(ValueError, match="x has repeated points"):
        kh.knn_kl_estimate([0.0, 0.0, 1.0], [0.5, 2.0])
    with pytest.raises(ValueError, match="a point of x also occurs in y"):
        kh.knn_kl_estimate([0.0, 1.0, 2.0], [1.0, 5.0])
    with pytest.raises(ValueError, match="k=3 needs at least 4 points in x and 3 in y"):
        kh.knn_kl_estimate([0.0, 1.0, 2.0], [1.5, 5.0, 7.0], k=3)
    with pytest.raises(ValueError, match="same dimension, got 2 and 1"):
        kh.knn_kl_estimate(np.zeros((3, 2)) + np.arange(3)[:, None], [1.0, 2.0])


def test_binned_plugin_kl_grows_like_log_one_over_width():
    x = np.random.default_rng(2).normal(size=30)
    values = [kh.binned_plugin_kl(x, 0.0, 1.0, w) for w in (1e-3, 1e-4)]
    limit = -math.log(30) - np.mean(scipy.stats.norm.logpdf(x)) + math.log(1e4)
    assert math.isclose(values[1] - values[0], math.log(10), abs_tol=0.02)
    assert math.isclose(values[1], limit, abs_tol=0.02)
    with pytest.raises(ValueError, match="bin_width=1e-09 needs"):
        kh.binned_plugin_kl(x, 0.0, 1.0, 1e-9)


# ---- linear VAE -----------------------------------------------------------------------------

@pytest.mark.parametrize(("v", "s2"), [(4.0, 1.0), (4.0, 3.9), (1.0, 2.0), (2.5, 2.5)])
def test_linear_vae_optimum_is_a_stationary_point_with_the_closed_form_kl(v, s2):
    opt = kh.linear_vae_optimum(v, s2)
    params = [opt["w"], opt["a"], opt["log_tau2"]]
    assert np.abs(kh.linear_vae_elbo_grad(params, v, s2)).max() < 1e-12
    assert math.isclose(opt["kl"], 0.5 * max(0.0, math.log(v / s2)), abs_tol=1e-15)
    # ELBO at the optimum = the average log-likelihood of N(0, w² + σ²) (scipy)
    c = opt["w"] ** 2 + s2
    x = np.linspace(-40, 40, 400_001)
    density = scipy.stats.norm.pdf(x, 0, math.sqrt(v))
    loglik = scipy.integrate.trapezoid(density * scipy.stats.norm.logpdf(x, 0, math.sqrt(c)), x)
    assert math.isclose(opt["elbo"], loglik, rel_tol=1e-9)
    # and nothing nearby is better
    rng = np.random.default_rng(0)
    for _ in range(50):
        nearby = np.array(params) + 0.05 * rng.normal(size=3)
        assert kh.linear_vae_elbo(nearby, v, s2) <= opt["elbo"] + 1e-12


def test_linear_vae_elbo_gradient_matches_finite_differences_and_refuses_bad_params():
    th = [0.7, 0.3, -0.4]
    fd = kh.numerical_gradient(lambda t: kh.linear_vae_elbo(t, 4.0, 1.5), th)
    assert np.allclose(kh.linear_vae_elbo_grad(th, 4.0, 1.5), fd, atol=1e-7)
    with pytest.raises(ValueError, match="params must be \\(w, a, log_tau2\\)"):
        kh.linear_vae_elbo([1.0, 2.0], 4.0, 1.0)
    with pytest.raises(ValueError, match="noise_var must be a finite number > 0"):
        kh.linear_vae_elbo([1.0, 2.0, 0.0], 4.0, 0.0)


# ---- library conventions --------------------------------------------------------------------

def test_scipy_mirrors_match_scipy():
    rng = np.random.default_rng(4)
    x, y = rng.uniform(0, 2, 50), rng.uniform(0, 2, 50)
    x[:5] = 0.0
    y[5:8] = 0.0
    assert np.allclose(kh.scipy_rel_entr(x, y), scipy.special.rel_entr(x, y), rtol=1e-13)
    assert np.allclose(kh.scipy_kl_div(x, y), scipy.special.kl_div(x, y), rtol=1e-13)
    pk, qk = rng.uniform(0.1, 3, 6), rng.uniform(0.1, 3, 6)
    assert math.isclose(kh.scipy_entropy(pk, qk), scipy.stats.entropy(pk, qk), rel_tol=1e-12)
    assert math.isclose(kh.scipy_entropy(pk, base=2), scipy.stats.entropy(pk, base=2), rel_tol=1e-12)


def test_torch_mirror_follows_the_documented_formula():
    # KLDivLoss docs: loss_pointwise = target * (target.log() - input); 'batchmean' = sum / batch size.
    target = np.array([[0.4, 0.6], [0.1, 0.9]])
    inp = np.array([[-1.0, -0.5], [-2.0, -0.2]])
    pointwise = target * (np.log(target) - inp)
    assert np.allclose(kh.torch_kl_div(inp, target, reduction="none"), pointwise)
    assert math.isclose(kh.torch_kl_div(inp, target, reduction="sum"), pointwise.sum())
    assert math.isclose(kh.torch_kl_div(inp, target), pointwise.mean())
    assert math.isclose(kh.torch_kl_div(inp, target, reduction="batchmean"), pointwise.sum() / 2)
    assert math.isclose(kh.torch_kl_div(inp, np.log(target), reduction="batchmean", log_target=True),
                        pointwise.sum() / 2)
    assert kh.torch_kl_div(inp, np.array([[0.0, 1.0], [1.0, 0.0]]), reduction="none")[0, 0] == 0.0
    with pytest.raises(ValueError, match="reduction='avg' is not known"):
        kh.torch_kl_div(inp, target, reduction="avg")
