"""Fitting helpers: NLL and gradients against scipy and finite differences, three fits that agree,
divergence detection, categorical exactness, and bad input."""

import math
import re
import warnings

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from scipy import optimize, stats

from kl_helpers import (
    categorical_counts,
    categorical_mle,
    categorical_nll,
    entropy,
    fit_normal_gd,
    fit_normal_mle,
    gradient_descent,
    kl_divergence,
    kl_estimate_normal_model,
    normal_nll,
    normal_nll_grad,
    numerical_gradient,
)

RNG_SEED = 20261125
means = st.floats(-5, 5)
sigmas = st.floats(0.2, 5)


def _data(n=400, mu=1.5, sigma=0.8, seed=RNG_SEED):
    return np.random.default_rng(seed).normal(mu, sigma, n)


def _fd(f, theta, h=1e-5):
    # An independent central difference, written out here rather than calling the helper.
    theta = np.asarray(theta, float)
    return np.array([(f(theta + h * e) - f(theta - h * e)) / (2 * h) for e in np.eye(theta.size)])


@settings(max_examples=50, deadline=None)
@given(means, sigmas)
def test_nll_matches_scipy(mu, sigma):
    x = _data(50)
    expected = -np.mean(stats.norm.logpdf(x, mu, sigma))
    assert normal_nll(mu, sigma, x) == pytest.approx(expected, rel=1e-12)


def test_nll_broadcasts_over_a_grid():
    x = _data(30)
    mu, sigma = np.meshgrid(np.linspace(0, 3, 4), np.linspace(0.5, 2, 3))
    grid = normal_nll(mu, sigma, x)
    assert grid.shape == (3, 4)
    for (i, j), value in np.ndenumerate(grid):
        assert value == pytest.approx(-np.mean(stats.norm.logpdf(x, mu[i, j], sigma[i, j])), rel=1e-12)


@settings(max_examples=50, deadline=None)
@given(means, sigmas)
def test_gradient_matches_finite_differences(mu, sigma):
    x = _data(50)
    analytic = np.array(normal_nll_grad(mu, sigma, x))
    numeric = _fd(lambda t: -np.mean(stats.norm.logpdf(x, t[0], t[1])), [mu, sigma])
    assert analytic == pytest.approx(numeric, rel=1e-5, abs=1e-6)


def test_numerical_gradient_helper_matches_analytic():
    x = _data(50)
    for mu, sigma in [(0.0, 1.0), (2.0, 0.5), (-1.0, 3.0)]:
        numeric = numerical_gradient(lambda t: normal_nll(t[0], t[1], x), [mu, sigma])
        assert numeric == pytest.approx(np.array(normal_nll_grad(mu, sigma, x)), rel=1e-6, abs=1e-8)


def test_gradient_vanishes_only_at_the_mle():
    x = _data()
    mu_hat, sigma_hat = fit_normal_mle(x)
    assert np.abs(normal_nll_grad(mu_hat, sigma_hat, x)).max() < 1e-12
    assert np.abs(normal_nll_grad(mu_hat + 0.1, sigma_hat, x)).max() > 0.01


def test_mle_matches_scipy_fit_and_numpy_ddof0():
    x = _data()
    loc, scale = stats.norm.fit(x)
    assert fit_normal_mle(x) == pytest.approx((loc, scale), rel=1e-10)
    assert fit_normal_mle(x)[1] == pytest.approx(np.std(x, ddof=0), rel=1e-12)


def test_three_fits_agree_to_1e_6():
    x = _data()
    mu_p, sigma_p = 1.5, 0.8
    closed = np.array(fit_normal_mle(x))

    history = fit_normal_gd(x, mu0=-1.0, sigma0=3.0, learning_rate=0.1)
    assert history.converged
    gd = np.array([history.theta[0], math.exp(history.theta[1])])

    log_p = stats.norm.logpdf(x, mu_p, sigma_p)

    def mc_kl(t):
        return kl_estimate_normal_model(x, log_p, t[0], math.exp(t[1]))

    mc = gradient_descent(mc_kl, lambda t: numerical_gradient(mc_kl, t, 1e-5),
                          [-1.0, math.log(3.0)], 0.1, tol=1e-9)
    assert mc.converged
    mc_fit = np.array([mc.theta[0], math.exp(mc.theta[1])])

    # An independent optimiser as a fourth witness.
    ref = optimize.minimize(lambda t: -np.mean(stats.norm.logpdf(x, t[0], math.exp(t[1]))),
                            [0.0, 0.0], method="BFGS", options={"gtol": 1e-10}).x
    ref = np.array([ref[0], math.exp(ref[1])])
    for fit in (gd, mc_fit):
        assert np.abs(fit - closed).max() < 1e-6
    assert np.abs(ref - closed).max() < 1e-5


def test_mc_kl_minus_nll_is_constant_in_theta():
    x = _data(100)
    log_p = stats.norm.logpdf(x, 1.5, 0.8)
    gaps = [kl_estimate_normal_model(x, log_p, m, s) - normal_nll(m, s, x)
            for m, s in [(0.0, 1.0), (1.5, 0.8), (3.0, 2.5)]]
    assert np.ptp(gaps) < 1e-12
    assert gaps[0] == pytest.approx(np.mean(log_p), abs=1e-12)


def test_mc_kl_converges_to_closed_form_kl():
    # Law of large numbers: with 10^6 draws the standard error is ~1e-3 here; allow 5 of them.
    rng = np.random.default_rng(RNG_SEED)
    x = rng.normal(0.0, 1.0, 1_000_000)
    est = kl_estimate_normal_model(x, stats.norm.logpdf(x), 0.5, 1.3)
    exact = math.log(1.3) + (1 + 0.25) / (2 * 1.69) - 0.5
    assert est == pytest.approx(exact, abs=5e-3)


def test_history_is_monotone_and_recorded():
    x = _data()
    h = fit_normal_gd(x, mu0=-1.0, sigma0=3.0, learning_rate=0.1)
    assert h.thetas.shape == (h.steps + 1, 2) and h.losses.shape == (h.steps + 1,)
    assert np.all(np.diff(h.losses) <= 1e-15)
    assert h.grad_norms[-1] <= 1e-10 < h.grad_norms[0]
    assert h.losses[-1] == pytest.approx(normal_nll(*fit_normal_mle(x), x), abs=1e-14)


@pytest.mark.parametrize("lr", [2.0, 5.0, 50.0])
def test_divergence_is_reported_with_the_learning_rate(lr):
    x = _data()
    with warnings.catch_warnings():
        warnings.simplefilter("error")  # no numpy warnings on the way to the error
        with pytest.raises(ValueError, match=rf"diverged.*learning_rate={lr:g} is too large.*smaller"):
            fit_normal_gd(x, mu0=-1.0, sigma0=3.0, learning_rate=lr)


def test_non_finite_loss_is_divergence():
    with pytest.raises(ValueError, match=r"diverged at step 0: the loss became inf.*learning_rate"):
        gradient_descent(lambda t: math.inf, lambda t: t, [1.0], 0.1)
    with pytest.raises(ValueError, match=r"gradient became non-finite"):
        gradient_descent(lambda t: 1.0, lambda t: np.array([np.nan]), [1.0], 0.1)


def test_oscillation_without_growth_is_reported_as_not_converged():
    # f = t^2 with eta = 1 jumps between +3 and -3 forever: never worse, never better.
    h = gradient_descent(lambda t: float(t @ t), lambda t: 2 * t, [3.0], 1.0, max_steps=20)
    assert not h.converged and h.steps == 20


def test_gradient_descent_on_a_quadratic_matches_the_known_minimum():
    a = np.array([[3.0, 1.0], [1.0, 2.0]])
    b = np.array([1.0, -1.0])
    h = gradient_descent(lambda t: 0.5 * t @ a @ t - b @ t, lambda t: a @ t - b, [0.0, 0.0], 0.2)
    assert h.theta == pytest.approx(np.linalg.solve(a, b), abs=1e-9)


# --- categorical -------------------------------------------------------------------------------

def test_counts_match_numpy_unique():
    x = np.random.default_rng(RNG_SEED).integers(0, 5, 300)
    values, counts = np.unique(x, return_counts=True)
    expected = np.zeros(6, int)
    expected[values] = counts
    assert categorical_counts(x, 6).tolist() == expected.tolist()


def test_categorical_nll_is_cross_entropy_and_kl_plus_entropy():
    counts = np.array([12, 30, 18, 0])
    p_hat = categorical_mle(counts)
    rng = np.random.default_rng(RNG_SEED)
    for q in rng.dirichlet(np.ones(4), 50):
        nll = -np.sum(counts * np.log(q)) / counts.sum()
        assert categorical_nll(q, counts) == pytest.approx(nll, rel=1e-12)
        assert categorical_nll(q, counts) - kl_divergence(p_hat, q) == pytest.approx(entropy(p_hat),
                                                                                     abs=1e-12)
        assert categorical_nll(q, counts) > categorical_nll(p_hat, counts)


def test_categorical_mle_matches_a_numerical_optimiser():
    counts = np.array([7, 2, 11])

    def nll_of_logits(z):  # softmax keeps every candidate a valid distribution
        log_q = z - np.log(np.sum(np.exp(z)))
        return -np.sum(counts * log_q) / counts.sum()

    z = optimize.minimize(nll_of_logits, np.zeros(3), method="BFGS", options={"gtol": 1e-10}).x
    q = np.exp(z) / np.exp(z).sum()
    assert categorical_mle(counts) == pytest.approx(q, abs=1e-6)
    assert categorical_mle(counts).tolist() == [7 / 20, 2 / 20, 11 / 20]  # n_k / N, by hand


def test_categorical_nll_infinite_when_observed_outcome_has_zero_probability():
    assert categorical_nll([0.5, 0.5, 0.0], [1, 1, 1]) == math.inf
    assert math.isfinite(categorical_nll([0.5, 0.5, 0.0], [1, 1, 0]))


# --- bad input -----------------------------------------------------------------------------------

@pytest.mark.parametrize("func", [normal_nll, normal_nll_grad])
def test_gaussian_bad_input(func):
    with pytest.raises(ValueError, match="x is empty"):
        func(0.0, 1.0, [])
    with pytest.raises(ValueError, match=r"sigma must be > 0"):
        func(0.0, 0.0, [1.0, 2.0])
    with pytest.raises(ValueError, match=r"sigma must be > 0"):
        func(0.0, -1.0, [1.0, 2.0])
    with pytest.raises(ValueError, match=r"x contains a non-finite value \(nan\) at flat index 1"):
        func(0.0, 1.0, [1.0, np.nan])
    with pytest.raises(TypeError, match="x must be numbers, not a string"):
        func(0.0, 1.0, "1 2 3")


def test_tiny_sigma_gives_inf_not_nan_or_warning():
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        assert normal_nll(0.0, 1e-300, [1.0, 2.0]) == math.inf
        assert math.isfinite(normal_nll(1.0, 1e-300, [1.0, 1.0]))


def test_fit_refuses_constant_data_and_bad_start():
    with pytest.raises(ValueError, match="no spread"):
        fit_normal_gd([2.0, 2.0], 0.0, 1.0)
    with pytest.raises(ValueError, match="sigma0 must be a finite number > 0"):
        fit_normal_gd([1.0, 2.0], 0.0, 0.0)
    with pytest.raises(ValueError, match=r"mu0 must be a finite number \(e\.g\. 0\.5\), got inf"):
        fit_normal_gd([1.0, 2.0], math.inf, 1.0)


@pytest.mark.parametrize("lr", [0.0, -0.1, math.nan, math.inf])
def test_bad_learning_rate_value(lr):
    with pytest.raises(ValueError, match=r"learning_rate must be a finite number > 0 \(e.g. 0.1\)"):
        fit_normal_gd([1.0, 2.0], 0.0, 1.0, learning_rate=lr)


@pytest.mark.parametrize("lr", ["0.1", None, True])
def test_bad_learning_rate_type(lr):
    with pytest.raises(TypeError, match=r"learning_rate must be a real number such as 0\.1"):
        gradient_descent(lambda t: 0.0, lambda t: t, [1.0], lr)


def test_bad_callables_and_shapes():
    with pytest.raises(TypeError, match="loss must be a function, got float"):
        gradient_descent(1.0, lambda t: t, [1.0], 0.1)
    with pytest.raises(ValueError, match=r"grad returned shape \(1,\) for a parameter of shape \(2,\)"):
        gradient_descent(lambda t: 0.0, lambda t: np.zeros(1), [1.0, 2.0], 0.1)
    with pytest.raises(ValueError, match="max_steps must be at least 1"):
        gradient_descent(lambda t: 0.0, lambda t: t, [1.0], 0.1, max_steps=0)
    with pytest.raises(ValueError, match="logp_values must hold one value ln p"):
        kl_estimate_normal_model([1.0, 2.0], [0.0], 0.0, 1.0)


def test_bad_counts():
    with pytest.raises(ValueError, match=r"counts has entry 1.5 at index 1; counts must be whole"):
        categorical_mle([1, 1.5])
    with pytest.raises(ValueError, match=r"counts has entry -1 at index 0"):
        categorical_mle([-1, 2])
    with pytest.raises(ValueError, match="counts is all zeros"):
        categorical_mle([0, 0])
    with pytest.raises(ValueError, match="q and counts must describe the same outcomes"):
        categorical_nll([0.5, 0.5], [1, 2, 3])
    with pytest.raises(ValueError, match=r"x\[1\] = 3 is not an outcome.*0\.\.2"):
        categorical_counts([0, 3], 3)
    with pytest.raises(ValueError, match=r"x\[0\] = 0.5 is not an outcome"):
        categorical_counts([0.5], 3)


def test_numerical_gradient_validates():
    with pytest.raises(ValueError, match=r"step must be a finite number > 0"):
        numerical_gradient(lambda t: 0.0, [1.0], step=0.0)


# --- found by the mutation audit (make mutation) ---------------------------------------------------


def _sq(t):
    return float(t @ t)


def _g2(t):
    return 2 * t


def test_descent_stops_when_the_gradient_norm_equals_tol():
    # "Stop when the gradient norm is at most tol": at theta0 = 0.5 the gradient of t^2 is exactly 1.
    h = gradient_descent(_sq, _g2, [0.5], 0.1, tol=1.0)
    assert (h.steps, h.converged, h.learning_rate) == (0, True, 0.1)


def test_default_step_limits():
    # eta = 1 on t^2 flips the sign of t forever without the loss growing: stops after max_steps.
    h = gradient_descent(_sq, _g2, [1.0], 1.0)
    assert (h.steps, h.converged) == (10_000, False)
    # fit_normal_gd: learning rate 0.1 and 10 000 steps by default; a tiny rate does not converge.
    x = [0.5, 1.5, 2.5]
    assert fit_normal_gd(x, 0.0, 1.0).learning_rate == 0.1
    slow = fit_normal_gd(x, 0.0, 1.0, learning_rate=1e-6)
    assert (slow.steps, slow.converged) == (10_000, False)


def test_fit_normal_gd_passes_tol_and_max_steps_on():
    x = [0.5, 1.5, 2.5]
    assert fit_normal_gd(x, 0.0, 1.0, max_steps=3).steps == 3
    loose = fit_normal_gd(x, 0.0, 1.0, learning_rate=0.2, tol=1e-2)
    assert loose.converged and 1e-10 < loose.grad_norms[-1] <= 1e-2


def test_nll_gradient_overflows_to_inf_without_warning():
    # (xbar - mu) / sigma = 1e200 is finite; its square and its ratio to sigma overflow.
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        d_mu, d_sigma = normal_nll_grad(0.0, 1e-300, [1e-100])
    assert d_mu == -math.inf and d_sigma == -math.inf


def _gradient_inf_below_1(t):
    return np.array([np.inf]) if t[0] < 1 else 2 * t


@pytest.mark.parametrize(
    ("call", "error", "message"),
    [
        (lambda: fit_normal_mle("1"), TypeError,
         "x must be numbers, not a string ('1'); pass e.g. [0.2, 0.8]"),
        (lambda: fit_normal_mle([2.0, 2.0]), ValueError,
         "x has no spread (all values are equal), so no normal distribution maximises the likelihood; "
         "pass data with at least two different values"),
        (lambda: normal_nll("0", 1.0, [1.0]), TypeError,
         "mu must be numbers, not a string ('0'); pass e.g. [0.2, 0.8]"),
        (lambda: normal_nll(0.0, 0.0, [1.0]), ValueError,
         "sigma must be > 0 (a standard deviation or scale), got 0.0"),
        (lambda: normal_nll(0.0, 1.0, []), ValueError, "x is empty; pass at least one value"),
        (lambda: normal_nll_grad(0.0, 1.0, [[1.0]]), ValueError,
         "x must be one-dimensional, got shape (1, 1); flatten it first"),
        (lambda: fit_normal_gd([], 0.0, 1.0), ValueError, "x is empty; pass at least one value"),
        (lambda: fit_normal_gd([1.0, 2.0], "0", 1.0), TypeError,
         "mu0 must be a real number such as 0.5, not the string '0'"),
        (lambda: fit_normal_gd([1.0, 2.0], 0.0, -1.0), ValueError,
         "sigma0 must be a finite number > 0 (e.g. 1.0), got -1"),
        (lambda: fit_normal_gd([1.0, 2.0], 0.0, "1"), TypeError,
         "sigma0 must be a real number such as 1.0, not the string '1'"),
        # Beyond |ln sigma0| = 300 the descent stops at once: the start is refused, not the learning rate.
        (lambda: fit_normal_gd([1.0, 2.0], 0.0, 1e200), ValueError,
         "sigma0=1e+200 is outside e^-300 .. e^300 (5.1e-131 .. 1.9e+130), where the fit stops; "
         "start near the data's standard deviation, e.g. sigma0=1.0"),
        (lambda: fit_normal_gd([1.0, 2.0], 0.0, 1e-200), ValueError,
         "sigma0=1e-200 is outside e^-300 .. e^300 (5.1e-131 .. 1.9e+130), where the fit stops; "
         "start near the data's standard deviation, e.g. sigma0=1.0"),
        (lambda: categorical_counts([0], 0), ValueError, "n_categories must be at least 1, got 0"),
        (lambda: categorical_counts([], 2), ValueError, "x is empty; pass at least one value"),
        (lambda: categorical_counts([0, 3], 3), ValueError,
         "x[1] = 3 is not an outcome; outcomes are the integers 0..2 (n_categories=3)"),
        (lambda: categorical_mle([[1, 2]]), ValueError,
         "counts must be a non-empty one-dimensional list of counts, got shape (1, 2)"),
        (lambda: categorical_mle([]), ValueError,
         "counts must be a non-empty one-dimensional list of counts, got shape (0,)"),
        (lambda: categorical_mle([0, -1]), ValueError,
         "counts has entry -1 at index 1; counts must be whole numbers >= 0 (use np.bincount(x, minlength=K) "
         "to count outcomes 0..K-1)"),
        (lambda: categorical_mle([0, 2.5]), ValueError,
         "counts has entry 2.5 at index 1; counts must be whole numbers >= 0 (use np.bincount(x, "
         "minlength=K) "
         "to count outcomes 0..K-1)"),
        (lambda: categorical_mle([0, 0]), ValueError,
         "counts is all zeros; at least one observation is needed"),
        (lambda: categorical_mle("3"), TypeError,
         "counts must be numbers, not a string ('3'); pass e.g. [0.2, 0.8]"),
        (lambda: categorical_nll([0.5, 0.6], [1, 1]), ValueError,
         "q sums to 1.1, not 1; pass probabilities, or pass normalize=True to rescale counts or weights "
         "explicitly"),
        (lambda: categorical_nll([0.5, 0.5], [1, -1]), ValueError,
         "counts has entry -1 at index 1; counts must be whole numbers >= 0 (use np.bincount(x, minlength=K) "
         "to count outcomes 0..K-1)"),
        (lambda: categorical_nll([0.5, 0.5], [1, 1, 1]), ValueError,
         "q and counts must describe the same outcomes, but q has 2 entries and counts has 3"),
        (lambda: numerical_gradient(1, [1.0]), TypeError,
         "f must be a function, got int; pass e.g. lambda theta: normal_nll(theta[0], theta[1], x)"),
        (lambda: numerical_gradient(_sq, []), ValueError, "theta is empty; pass at least one value"),
        (lambda: numerical_gradient(_sq, [1.0], step=0), ValueError,
         "step must be a finite number > 0 (e.g. 1e-6), got 0"),
        (lambda: numerical_gradient(_sq, [1.0], step="1"), TypeError,
         "step must be a real number such as 1e-6, not the string '1'"),
        (lambda: gradient_descent(1, _g2, [1.0], 0.1), TypeError,
         "loss must be a function, got int; pass e.g. lambda theta: normal_nll(theta[0], theta[1], x)"),
        (lambda: gradient_descent(_sq, 1, [1.0], 0.1), TypeError,
         "grad must be a function, got int; pass e.g. a function returning the gradient as an array"),
        (lambda: gradient_descent(_sq, _g2, [], 0.1), ValueError, "theta0 is empty; pass at least one value"),
        (lambda: gradient_descent(_sq, _g2, [1.0], -0.1), ValueError,
         "learning_rate must be a finite number > 0 (e.g. 0.1), got -0.1"),
        (lambda: gradient_descent(_sq, _g2, [1.0], 0.1, tol=0), ValueError,
         "tol must be a finite number > 0 (e.g. 1e-10), got 0"),
        (lambda: gradient_descent(_sq, _g2, [1.0], 0.1, tol="1"), TypeError,
         "tol must be a real number such as 1e-10, not the string '1'"),
        (lambda: gradient_descent(_sq, _g2, [1.0], 0.1, max_steps=0), ValueError,
         "max_steps must be at least 1, got 0"),
        (lambda: gradient_descent(_sq, lambda t: np.zeros(3), [1.0], 0.1), ValueError,
         "grad returned shape (3,) for a parameter of shape (1,); it must return one partial derivative "
         "per parameter"),
        (lambda: gradient_descent(_sq, _gradient_inf_below_1, [1.0], 0.1), ValueError,
         "gradient descent diverged at step 1: the gradient became non-finite; learning_rate=0.1 is too "
         "large for "
         "this problem, try a smaller one such as 0.01"),
        (lambda: gradient_descent(lambda t: math.inf if t[0] < 1 else 1.0, _g2, [1.0], 0.1), ValueError,
         "gradient descent diverged at step 1: the loss became inf; learning_rate=0.1 is too large for this "
         "problem, try a smaller one such as 0.01"),
        (lambda: gradient_descent(lambda t: 0.0, lambda t: np.array([1e100]), [0.0], 1e300), ValueError,
         "gradient descent diverged at step 1: the parameters became non-finite; learning_rate=1e+300 is too "
         "large for this problem, try a smaller one such as 1e+299"),
    ],
)
def test_error_messages_in_full(call, error, message):
    # Each message names the argument, says what is wrong and how to fix it; pinned word for word.
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        with pytest.raises(error, match=f"^{re.escape(message)}$"):
            call()


def test_a_huge_but_finite_gradient_raises_no_overflow_warning():
    # np.linalg.norm squares the entries, so a gradient of 1e155 used to warn; the descent
    # reports divergence through its own message instead.
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        history = gradient_descent(lambda t: 0.0, lambda t: np.array([1e155, 1e155]), [0.0, 0.0], 1e-300,
                                   max_steps=2)
    assert history.grad_norms[0] == pytest.approx(1e155 * math.sqrt(2), rel=1e-12)


def test_descent_records_the_euclidean_gradient_norm():
    # A constant gradient (1, 1): its norm is √2, not its largest entry 1.
    h = gradient_descent(lambda t: float(t.sum()), lambda t: np.ones(2), [0.0, 0.0], 0.1, max_steps=1)
    np.testing.assert_allclose(h.grad_norms, [math.sqrt(2), math.sqrt(2)], rtol=1e-15)
    # Starting at the minimum: norm 0, converged after 0 steps, no warning from 0/0.
    h = gradient_descent(lambda t: float(t @ t), lambda t: 2 * t, [0.0, 0.0], 0.1)
    assert (h.converged, h.grad_norms.tolist()) == (True, [0.0])


def test_fit_normal_gd_accepts_a_log_sigma_exactly_at_the_limit():
    # Only |ln sigma| *above* 300 counts as divergence. At ln sigma = 300 the data term
    # (x - mu)^2 / (2 sigma^2) ~ e^-600 vanishes: NLL = ln sigma + ln(2 pi) / 2, and
    # d NLL / d ln sigma = 1 - ((xbar - mu)^2 + s^2) / sigma^2 = 1, so each step of 0.5 lowers it by 0.5.
    sigma0 = math.exp(300.0)
    assert math.log(sigma0) == 300.0
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        h = fit_normal_gd([0.5, 1.5, 2.5], 0.0, sigma0, learning_rate=0.5, max_steps=3)
    assert h.losses[0] == pytest.approx(300.0 + 0.5 * math.log(2.0 * math.pi), rel=1e-15)
    assert h.thetas[:, 1] == pytest.approx([300.0, 299.5, 299.0, 298.5], rel=1e-15)


def test_a_single_precision_gradient_is_measured_in_double_precision():
    # grad returns float32 (1, 1e-4): its norm sqrt(1 + 1e-8) = 1 + 5e-9 rounds to exactly 1 in
    # float32, so the descent must convert the gradient to float64 before measuring it.
    h = gradient_descent(lambda t: 0.5 * float(t @ t), lambda t: t.astype(np.float32), [1.0, 1e-4], 0.5,
                         max_steps=1)
    assert h.grad_norms[0] == pytest.approx(math.hypot(1.0, float(np.float32(1e-4))), rel=1e-15)
    assert h.grad_norms[0] > 1.0
