"""Sample-based estimators: exact algebra, statistical behaviour with fixed seeds, bad input.

References are computed independently: closed-form Gaussian KL / cross-entropy, scipy, and
numerical integration. Statistical tolerances are stated in standard errors next to each test.
"""

import math
import re
import warnings

import numpy as np
import pytest
from scipy import integrate, stats

from kl_helpers import (
    cross_entropy_estimate,
    expectation_on_grid,
    kl_estimate,
    kl_estimates_normal,
    kl_estimator_terms,
    kl_normal_normal,
    kl_term_std_normal,
    loglog_slope,
    normal_cross_entropy,
    normal_entropy,
    normal_logpdf,
    running_mean_and_se,
    spread_by_sample_size,
    t_interval_coverage,
)
from kl_helpers.estimators import kl_estimate_normal_model

P = (0.0, 1.0)
Q_FAR = (1.0, 1.3)


def _logp(x):
    return stats.norm.logpdf(x, *P)


def _logq(x):
    return stats.norm.logpdf(x, *Q_FAR)


# --- exact algebra --------------------------------------------------------------------------


def test_terms_match_their_formulas():
    rng = np.random.default_rng(11)
    lp, lq = rng.normal(size=50), rng.normal(size=50)
    r = np.exp(lq - lp)
    np.testing.assert_allclose(kl_estimator_terms(lp, lq, "k1"), -np.log(r))
    np.testing.assert_allclose(kl_estimator_terms(lp, lq, "k2"), np.log(r) ** 2 / 2)
    np.testing.assert_allclose(kl_estimator_terms(lp, lq, "k3"), (r - 1) - np.log(r), atol=1e-12)


def test_estimates_are_means_of_terms():
    x = np.random.default_rng(12).normal(size=1000)
    for name in ("k1", "k2", "k3"):
        terms = kl_estimator_terms(_logp(x), _logq(x), name)
        assert kl_estimate(_logp, _logq, x, name) == pytest.approx(terms.mean(), rel=1e-12)
    assert cross_entropy_estimate(_logq, x) == pytest.approx(-np.mean(_logq(x)), rel=1e-12)


def test_k1_is_cross_entropy_estimate_minus_entropy_estimate():
    # The sample version of D = H(p, q) - H(p), exact for every sample.
    x = np.random.default_rng(13).normal(size=37)
    assert kl_estimate(_logp, _logq, x) == pytest.approx(
        cross_entropy_estimate(_logq, x) - cross_entropy_estimate(_logp, x), abs=1e-12
    )


def test_k3_never_negative_even_when_q_equals_p_or_is_tiny():
    lp = np.array([-1.0, -1.0, 0.0, 3.0, -2.0])
    lq = lp + np.array([0.0, 1e-17, -1e-9, -50.0, 20.0])
    terms = kl_estimator_terms(lp, lq, "k3")
    assert np.all(terms >= 0.0)
    assert terms[0] == 0.0


def test_k3_stable_for_tiny_log_ratio():
    # For l = 1e-8 the exact term is l^2/2 + l^3/6 ~ 5e-17; the naive (r - 1) - ln r gives garbage.
    lq = np.array([1e-8])
    # abs=0: approx's default abs=1e-12 would accept any value this small (even the naive 0 or 1e-16).
    assert kl_estimator_terms(np.zeros(1), lq, "k3")[0] == pytest.approx(5e-17, rel=1e-6, abs=0)


def test_running_mean_and_se_match_numpy():
    t = np.random.default_rng(14).normal(3.0, 2.0, 200)
    n, mean, se = running_mean_and_se(t)
    assert n[0] == 2 and n[-1] == 200
    for k in (2, 3, 50, 200):
        assert mean[k - 2] == pytest.approx(t[:k].mean(), rel=1e-12)
        assert se[k - 2] == pytest.approx(t[:k].std(ddof=1) / math.sqrt(k), rel=1e-9)


def test_running_se_of_constant_terms_is_zero_not_nan():
    _, _, se = running_mean_and_se(np.full(100, 0.1))
    assert np.all(se == 0.0)


@pytest.mark.parametrize("params", [(0, 1, 1, 1), (0.5, 0.7, -1, 2.0), (1, 2, 1, 0.8)])
def test_term_std_matches_numerical_integration(params):
    mp, sp, mq, sq = params

    def log_ratio(x):
        return stats.norm.logpdf(x, mp, sp) - stats.norm.logpdf(x, mq, sq)

    def moment(k):
        value, _ = integrate.quad(lambda x: stats.norm.pdf(x, mp, sp) * log_ratio(x) ** k,
                                  mp - 15 * sp, mp + 15 * sp, limit=200)
        return value

    var = moment(2) - moment(1) ** 2
    assert kl_term_std_normal(mp, sp, mq, sq) == pytest.approx(math.sqrt(var), rel=1e-6)


def test_expectation_on_grid_gives_minus_entropy_and_minus_cross_entropy():
    x = np.linspace(-15, 15, 6001)
    lp, lq = normal_logpdf(x, 0.3, 0.8), normal_logpdf(x, -1.0, 1.5)
    assert expectation_on_grid(lp, lp, x) == pytest.approx(-normal_entropy(0.8), abs=1e-8)
    assert expectation_on_grid(lp, lq, x) == pytest.approx(
        -normal_cross_entropy(0.3, 0.8, -1.0, 1.5), abs=1e-8
    )


def test_loglog_slope_recovers_a_power_law():
    ns = np.array([10, 30, 100, 300, 1000])
    assert loglog_slope(ns, 3.0 * ns**-0.7) == pytest.approx(-0.7, abs=1e-12)


# --- statistical behaviour (fixed seeds) ----------------------------------------------------

# 20 000 replications of N = 10 samples: the standard error of each mean is std / sqrt(20 000),
# so a 4-SE band is ~3% of the estimator's spread: tight enough to catch a bias of k2's size
# (0.09 nats here), loose enough that a correct implementation fails with probability ~6e-5.
REPS, N = 20_000, 10


# q = N(1, 1): true KL 0.5, and k2's bias is E[(ln r)^2]/2 - KL = (1 + 1/4)/2 - 1/2 = 0.125.
Q_STAT = (1.0, 1.0)


@pytest.fixture(scope="module")
def replications():
    return kl_estimates_normal(*P, *Q_STAT, n=N, replications=REPS,
                                    rng=np.random.default_rng(2024))


@pytest.mark.parametrize("name", ["k1", "k3"])
def test_k1_and_k3_are_unbiased_within_4_standard_errors(replications, name):
    est, truth = replications[name], kl_normal_normal(*P, *Q_STAT)
    se = est.std(ddof=1) / math.sqrt(est.size)
    assert abs(est.mean() - truth) < 4 * se


def test_k2_is_biased(replications):
    est, truth = replications["k2"], kl_normal_normal(*P, *Q_STAT)
    se = est.std(ddof=1) / math.sqrt(est.size)
    assert est.mean() - truth == pytest.approx(0.125, abs=4 * se)  # the exact bias, see Q_STAT


def test_k3_non_negative_and_lower_variance_than_k1(replications):
    assert np.all(replications["k3"] >= 0.0)
    assert np.all(replications["k2"] >= 0.0)
    assert replications["k3"].std() < replications["k1"].std()


def test_k3_is_not_always_lower_variance():
    # Far from p (q = N(2, 1)), r = q/p has heavy upper tails: k3 spreads more than k1.
    far = kl_estimates_normal(0, 1, 2, 1, n=10, replications=4000, rng=np.random.default_rng(8))
    assert far["k3"].std() > 1.5 * far["k1"].std()


def test_k1_can_be_negative_for_small_n():
    est = kl_estimates_normal(0, 1, 0.2, 1, n=5, replications=2000,
                                   rng=np.random.default_rng(3), estimators=("k1",))["k1"]
    assert np.mean(est < 0) > 0.2  # truth 0.02, spread 0.2/sqrt(5): about 40% fall below 0


def test_spread_of_k1_matches_theory_and_scales_like_inverse_sqrt_n():
    # 400 replications per N: the sample std has relative SE 1/sqrt(2*399) ~ 3.5% per point,
    # so the fitted slope over N = 10..5000 has SE ~ 0.01; |slope + 1/2| < 0.05 is a 5-SE band.
    rng = np.random.default_rng(5)
    sizes = np.array([10, 30, 100, 300, 1000, 5000])
    spreads = np.array([
        kl_estimates_normal(*P, *Q_FAR, n=int(n), replications=400, rng=rng,
                                 estimators=("k1",))["k1"].std(ddof=1)
        for n in sizes
    ])
    assert loglog_slope(sizes, spreads) == pytest.approx(-0.5, abs=0.05)
    theory = kl_term_std_normal(*P, *Q_FAR) / np.sqrt(sizes)
    np.testing.assert_allclose(spreads, theory, rtol=0.15)  # > 4 SE of a sample std


def test_cross_entropy_estimate_converges():
    x = np.random.default_rng(6).normal(*P, size=200_000)
    truth = normal_cross_entropy(*P, *Q_FAR)
    se = np.std(-_logq(x)) / math.sqrt(x.size)
    assert abs(cross_entropy_estimate(_logq, x) - truth) < 4 * se


def test_same_seed_same_estimates():
    a = kl_estimates_normal(*P, *Q_FAR, 7, 3, np.random.default_rng(9))
    b = kl_estimates_normal(*P, *Q_FAR, 7, 3, np.random.default_rng(9))
    assert sorted(a) == sorted(b) == ["k1", "k2", "k3"]
    for name in a:
        assert a[name].shape == (3,)
        np.testing.assert_array_equal(a[name], b[name])
    # The estimates come from the generator's draws: an independent recomputation with scipy ...
    x = np.random.default_rng(9).normal(*P, size=(3, 7))
    np.testing.assert_allclose(a["k1"], np.mean(_logp(x) - _logq(x), axis=1), rtol=1e-12)
    # ... and another seed gives other estimates.
    c = kl_estimates_normal(*P, *Q_FAR, 7, 3, np.random.default_rng(10))
    assert not np.any(c["k1"] == a["k1"])


def test_no_warnings_for_extreme_but_valid_input():
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        x = np.array([-30.0, 0.0, 30.0])
        for name in ("k1", "k2", "k3"):
            assert np.isfinite(kl_estimate(lambda t: normal_logpdf(t, 0, 1),
                                           lambda t: normal_logpdf(t, 0, 5), x, name))


# --- bad input ------------------------------------------------------------------------------


def test_unknown_estimator():
    with pytest.raises(ValueError, match=r"estimator='k4' is not known; use one of 'k1', 'k2', 'k3'"):
        kl_estimate(_logp, _logq, [0.0, 1.0], "k4")
    with pytest.raises(TypeError, match="estimator must be a string"):
        kl_estimator_terms([0.0], [0.0], 3)


@pytest.mark.parametrize(("samples", "match"), [([], "samples is empty"),
                                               (np.zeros((2, 2)), "samples must be one-dimensional")])
def test_empty_or_2d_samples(samples, match):
    with pytest.raises(ValueError, match=match):
        kl_estimate(_logp, _logq, samples)


@pytest.mark.parametrize("bad", [math.nan, math.inf])
def test_non_finite_samples(bad):
    with pytest.raises(ValueError, match=r"samples contains a non-finite value .* at flat index 1"):
        cross_entropy_estimate(_logq, [0.0, bad])


def test_mismatched_lengths():
    with pytest.raises(ValueError, match=r"logp_values and logq_values .* shapes are \(3,\) and \(2,\)"):
        kl_estimator_terms([0.0, 0.0, 0.0], [0.0, 0.0])


def test_empty_values():
    with pytest.raises(ValueError, match="logp_values is empty"):
        kl_estimator_terms([], [])


def test_log_density_must_be_callable():
    with pytest.raises(TypeError, match=r"logq must be a function .* lambda x"):
        cross_entropy_estimate([0.1, 0.2], [0.0, 1.0])


def test_log_density_must_be_vectorised():
    with pytest.raises(ValueError, match=r"logq returned shape \(\) for 3 samples"):
        cross_entropy_estimate(lambda x: 0.0, [0.0, 1.0, 2.0])


def test_log_density_zero_where_p_has_samples():
    def log_uniform(x):  # density of U(0, 1): log 0 = -inf outside
        with np.errstate(divide="ignore"):
            return np.log(((x > 0) & (x < 1)).astype(float))

    with pytest.raises(ValueError, match=r"logq is -inf at sample 1 \(x = 2\).*positive wherever"):
        kl_estimate(_logp, log_uniform, [0.5, 2.0])


def test_log_density_returning_strings():
    with pytest.raises(TypeError, match="logp must return real numbers"):
        kl_estimate(lambda x: np.array(["a"] * x.size), _logq, [0.0])


def test_k3_overflow_is_refused_with_a_hint():
    with pytest.raises(ValueError, match=r"k3 needs r = q/p = exp\(800\).*swapped"):
        kl_estimator_terms([-800.0], [0.0], "k3")


def test_running_mean_needs_two_terms():
    with pytest.raises(ValueError, match="at least two values"):
        running_mean_and_se([1.0])


def test_replications_arguments():
    with pytest.raises(TypeError, match="rng must be a numpy Generator"):
        kl_estimates_normal(0, 1, 0, 1, 5, 5, rng=1)
    with pytest.raises(ValueError, match="n must be at least 1"):
        kl_estimates_normal(0, 1, 0, 1, 0, 5, np.random.default_rng(0))
    with pytest.raises(ValueError, match="estimators is empty"):
        kl_estimates_normal(0, 1, 0, 1, 5, 5, np.random.default_rng(0), estimators=())
    with pytest.raises(ValueError, match="sigma_q must be a finite number > 0"):
        kl_estimates_normal(0, 1, 0, -1, 5, 5, np.random.default_rng(0))
    with pytest.raises(ValueError,
                       match=r"mu_p must be a single number \(e\.g\. 0\.5\), got an array of shape \(2,\)"):
        kl_estimates_normal([0, 1], 1, 0, 1, 5, 5, np.random.default_rng(0))
    with pytest.raises(ValueError, match="sigma_p must be a finite number > 0"):
        kl_term_std_normal(0, 0, 0, 1)


def test_grid_and_slope_arguments():
    with pytest.raises(ValueError, match="strictly increasing"):
        expectation_on_grid([0.0, 0.0], [0.0, 0.0], [1.0, 0.0])
    with pytest.raises(ValueError, match=r"logp must hold one value per grid point \(2\), got shape \(1,\)"):
        expectation_on_grid([0.0], [0.0, 0.0], [0.0, 1.0])
    with pytest.raises(ValueError, match="same length"):
        loglog_slope([1, 2, 3], [1, 2])
    with pytest.raises(ValueError, match="all > 0"):
        loglog_slope([1, 2], [1, 0])


# --- found by the mutation audit (make mutation) ---------------------------------------------------


def test_estimates_use_the_standard_deviation_of_p():
    # p = N(0, 2^2), q = N(0, 1): D_KL = ln(1/2) + 4/2 - 1/2 = 1.5 - ln 2 (by hand). Samples drawn
    # from N(0, 1) instead would give E[ln p - ln q] = -ln 2 + 3/8, far off.
    est = kl_estimates_normal(0.0, 2.0, 0.0, 1.0, n=200, replications=400, rng=np.random.default_rng(21))
    truth = 1.5 - math.log(2.0)
    for name in ("k1", "k3"):
        se = est[name].std(ddof=1) / math.sqrt(est[name].size)
        assert abs(est[name].mean() - truth) < 4 * se, name


def test_k3_accepts_a_log_ratio_of_exactly_700():
    # The documented limit is r > e^700; e^700 itself is representable (math.expm1 as reference).
    assert kl_estimator_terms([0.0], [700.0], "k3")[0] == pytest.approx(math.expm1(700.0) - 700.0, rel=1e-15)


def test_shortest_valid_inputs():
    # Two terms are enough for a standard error: mean 2, s = sqrt(2), se = s / sqrt(2) = 1.
    n, mean, se = running_mean_and_se([1.0, 3.0])
    assert (n.tolist(), mean.tolist(), se.tolist()) == ([2], [2.0], [pytest.approx(1.0, rel=1e-15)])
    # Two points fit a slope, and a sample size of 1 is a sample size: 10x the size, 1/sqrt(10) the spread.
    assert loglog_slope([1.0, 10.0], [1.0, 10**-0.5]) == pytest.approx(-0.5, rel=1e-12)
    # Two replications measure a spread; sizes of 1 are allowed. With n = 1 every k1 estimate is
    # ln p(x) - ln q(x) = 1/2 - x for p = N(0, 1), q = N(1, 1), so the spread is that of x.
    rng = np.random.default_rng(22)
    sd = spread_by_sample_size(0, 1, 1, 1, [1, 1], 2, rng)
    x = np.random.default_rng(22).normal(0.0, 1.0, size=(2, 2))
    np.testing.assert_allclose(sd, np.std(x, axis=1, ddof=1), rtol=1e-12)


_RNG = np.random.default_rng(0)


@pytest.mark.parametrize(
    ("call", "error", "message"),
    [
        (lambda: kl_estimate(_logp, lambda x: 0.0, [1.0, 2.0]), ValueError,
         "logq returned shape () for 2 samples; it must return one log-density per sample (write it "
         "with numpy so it works on a whole array)"),
        (lambda: cross_entropy_estimate(lambda x: np.where(x > 0, 0.0, -np.inf), [1.0, 0.0]), ValueError,
         "logq is -inf at sample 1 (x = 0): the density is 0 or invalid there, so the estimate would be "
         "infinite or NaN; the model must be positive wherever p puts samples"),
        (lambda: kl_estimate_normal_model([], [1.0], 0.0, 1.0), ValueError,
         "samples is empty; pass at least one value"),
        (lambda: kl_estimate_normal_model([1.0], [np.nan], 0.0, 1.0), ValueError,
         "logp_values contains a non-finite value (nan) at flat index 0; every entry must be a finite "
         "number"),
        (lambda: kl_estimate_normal_model([1.0], [0.0], "0", 1.0), TypeError,
         "mu must be a real number such as 0.5, not the string '0'"),
        (lambda: kl_estimate_normal_model([1.0], [0.0], 0.0, -1.0), ValueError,
         "sigma must be a finite number > 0 (e.g. 1.0), got -1"),
        (lambda: kl_estimate_normal_model([1.0], [0.0], 0.0, "1"), TypeError,
         "sigma must be a real number such as 1.0, not the string '1'"),
        (lambda: kl_estimates_normal(0, 1, 1, 1, 5, 0, _RNG), ValueError,
         "replications must be at least 1, got 0"),
        (lambda: kl_estimates_normal(0, 1, 1, 1, 5, 2, _RNG, estimators=("k9",)), ValueError,
         "estimators='k9' is not known; use one of 'k1', 'k2', 'k3'"),
        (lambda: kl_estimates_normal(0, 1, "1", 1, 5, 2, _RNG), TypeError,
         "mu_q must be a real number such as 0.5, not the string '1'"),
        (lambda: kl_estimates_normal(0, -1, 1, 1, 5, 2, _RNG), ValueError,
         "sigma_p must be a finite number > 0 (e.g. 1.0), got -1"),
        (lambda: kl_estimates_normal(0, "1", 1, 1, 5, 2, _RNG), TypeError,
         "sigma_p must be a real number such as 1.0, not the string '1'"),
        (lambda: kl_estimates_normal(0, 1, 1, "1", 5, 2, _RNG), TypeError,
         "sigma_q must be a real number such as 1.0, not the string '1'"),
        (lambda: kl_estimator_terms("a", [1.0]), TypeError,
         "logp_values must be numbers, not a string ('a'); pass e.g. [0.2, 0.8]"),
        (lambda: kl_estimator_terms([1.0], [np.inf]), ValueError,
         "logq_values contains a non-finite value (inf) at flat index 0; every entry must be a finite "
         "number"),
        (lambda: kl_estimator_terms([], []), ValueError,
         "logp_values is empty; pass log-densities at one or more samples"),
        (lambda: kl_estimator_terms([0.0, 0.0], [700.0, 701.0], "k3"), ValueError,
         "k3 needs r = q/p = exp(701) at flat index 1, which overflows; check that logp and logq are not "
         "swapped, or use k1"),
        (lambda: kl_term_std_normal("0", 1, 0, 1), TypeError,
         "mu_p must be a real number such as 0.5, not the string '0'"),
        (lambda: kl_term_std_normal(0, 1, "0", 1), TypeError,
         "mu_q must be a real number such as 0.5, not the string '0'"),
        (lambda: kl_term_std_normal(0, "1", 0, 1), TypeError,
         "sigma_p must be a real number such as 1.0, not the string '1'"),
        (lambda: kl_term_std_normal(0, 1, 0, 0.0), ValueError,
         "sigma_q must be a finite number > 0 (e.g. 1.0), got 0"),
        (lambda: kl_term_std_normal(0, 1, 0, "1"), TypeError,
         "sigma_q must be a real number such as 1.0, not the string '1'"),
        (lambda: loglog_slope([], [1.0]), ValueError, "sizes is empty; pass at least one value"),
        (lambda: loglog_slope([1.0], "x"), TypeError,
         "spreads must be numbers, not a string ('x'); pass e.g. [0.2, 0.8]"),
        (lambda: loglog_slope([10.0], [1.0]), ValueError,
         "sizes and spreads need at least two points, all > 0, to fit a log-log slope"),
        (lambda: loglog_slope([0.0, 10.0], [1.0, 1.0]), ValueError,
         "sizes and spreads need at least two points, all > 0, to fit a log-log slope"),
        (lambda: running_mean_and_se([[1.0]]), ValueError,
         "terms must be one-dimensional, got shape (1, 1); flatten it first"),
        (lambda: running_mean_and_se([1.0]), ValueError,
         "terms needs at least two values to give a standard error"),
        (lambda: spread_by_sample_size(0, 1, 1, 1, [10], 1, _RNG), ValueError,
         "replications must be at least 2, got 1 (a spread needs two estimates)"),
        (lambda: spread_by_sample_size(0, 1, 1, 1, [10], 0, _RNG), ValueError,
         "replications must be at least 2, got 0 (a spread needs two estimates)"),
        (lambda: spread_by_sample_size(0, 1, 1, 1, [], 2, _RNG), ValueError,
         "sizes is empty; pass at least one value"),
        (lambda: spread_by_sample_size(0, 1, 1, 1, [2.5], 2, _RNG), ValueError,
         "sizes must be whole numbers >= 1, got [2.5]"),
        (lambda: spread_by_sample_size(0, 1, 1, 1, [0], 2, _RNG), ValueError,
         "sizes must be whole numbers >= 1, got [0.0]"),
        (lambda: spread_by_sample_size(0, 1, 1, 1, [10], 2, _RNG, estimator="k4"), ValueError,
         "estimator='k4' is not known; use one of 'k1', 'k2', 'k3'"),
        # The estimator's name is checked before any sample is drawn, under its own argument name.
        (lambda: spread_by_sample_size(0, 1, 1, 1, [10], 2, _RNG, estimator=1), TypeError,
         "estimator must be a string, one of 'k1', 'k2', 'k3'; got 1"),
        (lambda: t_interval_coverage(1), ValueError,
         "n must be at least 2, got 1 (the sample standard deviation needs two draws)"),
        (lambda: t_interval_coverage(0), ValueError,
         "n must be at least 2, got 0 (the sample standard deviation needs two draws)"),
        (lambda: t_interval_coverage(2.5), TypeError, "n must be an integer, got 2.5"),
        (lambda: t_interval_coverage("3"), TypeError, "n must be an integer, got '3'"),
        (lambda: t_interval_coverage(10, 0.0), ValueError,
         "z must be a finite number > 0 (e.g. 1.96), got 0"),
        (lambda: t_interval_coverage(10, -1.0), ValueError,
         "z must be a finite number > 0 (e.g. 1.96), got -1"),
        (lambda: t_interval_coverage(10, "x"), TypeError,
         "z must be a real number such as 1.96, not the string 'x'"),
    ],
)
def test_error_messages_in_full(call, error, message):
    # Each message names the argument, says what is wrong and how to fix it; pinned word for word.
    with pytest.raises(error, match=f"^{re.escape(message)}$"):
        call()


@pytest.mark.parametrize("z", [0.5, 1.0, 1.959964, 3.0])
@pytest.mark.parametrize(
    ("n", "closed_form"),
    [
        # Student's t with 1 degree of freedom is the Cauchy distribution: P(|T| <= z) = 2 atan(z) / pi.
        (2, lambda z: 2.0 * math.atan(z) / math.pi),
        # With 2 degrees of freedom the CDF is 1/2 + z / (2 sqrt(2 + z^2)):
        # P(|T| <= z) = z / sqrt(2 + z^2).
        (3, lambda z: z / math.sqrt(2.0 + z * z)),
    ],
)
def test_t_interval_coverage_for_two_and_three_draws_matches_the_closed_form(n, closed_form, z):
    # n = 2 is the smallest sample with a standard deviation: it must be accepted, not refused.
    assert t_interval_coverage(n, z) == pytest.approx(closed_form(z), abs=1e-8)
