"""Multivariate normal KL against Monte Carlo, the 1-D closed form and scipy; its error messages."""

import math
import re

import numpy as np
import pytest
from scipy import stats

from kl_helpers.distributions import kl_normal_normal
from kl_helpers.multivariate import kl_diagnormal_stdnormal, kl_mvnormal_mvnormal


def _random_spd(rng, d):
    a = rng.normal(size=(d, d))
    return a @ a.T + 0.5 * np.eye(d)


@pytest.mark.parametrize("d", [1, 2, 3, 5])
def test_kl_mvn_matches_monte_carlo(d):
    rng = np.random.default_rng(d)
    mu_p, mu_q = rng.normal(size=d), rng.normal(size=d)
    cov_p, cov_q = _random_spd(rng, d), _random_spd(rng, d)
    x = stats.multivariate_normal(mu_p, cov_p).rvs(size=200_000, random_state=rng).reshape(-1, d)
    p, q = stats.multivariate_normal(mu_p, cov_p), stats.multivariate_normal(mu_q, cov_q)
    log_ratio = p.logpdf(x) - q.logpdf(x)
    # The Monte Carlo mean is within 5 standard errors of the truth except with prob. ~6e-7.
    se = log_ratio.std() / math.sqrt(log_ratio.size)
    assert kl_mvnormal_mvnormal(mu_p, cov_p, mu_q, cov_q) == pytest.approx(log_ratio.mean(), abs=5 * se)


def test_kl_mvn_one_dimension_equals_kl_gaussian():
    expected = kl_normal_normal(0.3, 1.7, -1.0, 0.6)
    assert kl_mvnormal_mvnormal([0.3], [[1.7**2]], [-1.0], [[0.6**2]]) == pytest.approx(expected, rel=1e-12)


def test_kl_mvn_is_zero_for_equal_and_sums_over_independent_blocks():
    cov = [[2.0, 0.3], [0.3, 1.0]]
    assert kl_mvnormal_mvnormal([1, 2], cov, [1, 2], cov) == 0.0
    # Independent coordinates: the KL is the sum of the 1-D KLs.
    total = kl_normal_normal(0.0, 1.0, 1.0, 2.0) + kl_normal_normal(0.5, 0.5, 0.0, 1.0)
    got = kl_mvnormal_mvnormal([0.0, 0.5], np.diag([1.0, 0.25]), [1.0, 0.0], np.diag([4.0, 1.0]))
    assert got == pytest.approx(total, rel=1e-12)


def test_kl_mvn_stays_finite_in_high_dimension():
    # det of 0.01 * I in 200 dimensions is 1e-400: it underflows, its Cholesky log does not.
    d = 200
    value = kl_mvnormal_mvnormal(np.zeros(d), 0.01 * np.eye(d), np.zeros(d), np.eye(d))
    assert value == pytest.approx(d * kl_normal_normal(0.0, 0.1, 0.0, 1.0), rel=1e-10)


def test_diag_standard_matches_kl_mvn_and_sums_over_latents():
    rng = np.random.default_rng(0)
    mu, log_var = rng.normal(size=(4, 3)), rng.normal(size=(4, 3))
    got = kl_diagnormal_stdnormal(mu, log_var)
    assert got.shape == (4,)
    for row in range(4):
        expected = kl_mvnormal_mvnormal(mu[row], np.diag(np.exp(log_var[row])), np.zeros(3), np.eye(3))
        assert got[row] == pytest.approx(expected, rel=1e-10)


def test_diag_standard_is_accurate_near_zero():
    # expm1(v) - v keeps relative accuracy where exp(v) - 1 - v would cancel to 0.
    v = 1e-6
    # Exact: (e^v - 1 - v)/2 = v^2/4 + v^3/12 + ... abs=0: approx's default abs=1e-12 would accept
    # any value of this size (2.5e-13), including the cancelled 0.
    assert kl_diagnormal_stdnormal([0.0], [v]) == pytest.approx(v * v / 4 + v**3 / 12, rel=1e-9, abs=0)


@pytest.mark.parametrize(
    ("cov_p", "match"),
    [
        ([[1.0, 2.0], [2.0, 1.0]], r"cov_p is not positive definite \(smallest eigenvalue -1\)"),
        ([[1.0, 0.0], [0.0, 0.0]], "cov_p is not positive definite"),
        ([[1.0, 0.5], [0.0, 1.0]], "cov_p is not symmetric"),
        ([[1.0]], r"cov_p must be a 2 x 2 matrix"),
        ([[1.0, 1.0], [1.0, 1.0 + 1e-22]], "cov_p is (not positive definite|numerically singular)"),
    ],
)
def test_bad_covariances(cov_p, match):
    with pytest.raises(ValueError, match=match):
        kl_mvnormal_mvnormal([0, 0], cov_p, [0, 0], np.eye(2))


def test_bad_means_and_log_vars():
    with pytest.raises(ValueError, match="mu_p and mu_q must have the same length"):
        kl_mvnormal_mvnormal([0, 0], np.eye(2), [0], np.eye(1))
    with pytest.raises(ValueError, match="mu_q must be a non-empty one-dimensional"):
        kl_mvnormal_mvnormal([0], np.eye(1), 0.0, np.eye(1))
    with pytest.raises(ValueError, match="mu and log_var must have the same shape"):
        kl_diagnormal_stdnormal([0, 0], [0])
    with pytest.raises(ValueError, match="log_var has a value above 700"):
        kl_diagnormal_stdnormal([0.0], [800.0])
    with pytest.raises(TypeError, match="log_var must be numbers"):
        kl_diagnormal_stdnormal([0.0], "0")


# --- found by the mutation audit (make mutation) ---------------------------------------------------

I2 = [[1.0, 0.0], [0.0, 1.0]]


def test_symmetry_tolerance_is_round_off_relative_to_the_largest_entry():
    # Accepted: an asymmetry of 1e-7 in a matrix with entries 1e6 (absolute 1e-12 * 1e6 = 1e-6).
    big = np.diag([1e6, 1e6])
    nearly = big.copy()
    nearly[0, 1] = 1e-7
    assert kl_mvnormal_mvnormal([0, 0], nearly, [0, 0], big) == pytest.approx(0.0, abs=1e-12)
    # Refused: 1e-8 off in relative terms (rtol 1e-10), and 1.5e-12 where the entries are 1.
    for bad in ([[1.0, 0.5], [0.5 + 1e-8, 1.0]], [[1.0, 1.5e-12], [0.0, 1.0]]):
        with pytest.raises(ValueError, match="cov_q is not symmetric"):
            kl_mvnormal_mvnormal([0, 0], I2, [0, 0], bad)


def test_condition_number_limit_is_relative():
    # Cholesky diagonal 1e5 and 1e-6: a ratio of 1e-11, condition number 1e22 > 1e20.
    with pytest.raises(ValueError, match="cov_q is numerically singular"):
        kl_mvnormal_mvnormal([0, 0], I2, [0, 0], np.diag([1e10, 1e-12]))


def test_condition_number_of_exactly_1e20_is_refused():
    # diag(1, 1e-20): Cholesky diagonal (1, 1e-10) exactly, a ratio equal to the limit 1e-10: refused.
    message = ("cov_q is numerically singular (condition number 1e20 or more); a covariance matrix needs "
               "every eigenvalue clearly > 0")
    with pytest.raises(ValueError, match=f"^{re.escape(message)}$"):
        kl_mvnormal_mvnormal([0, 0], I2, [0, 0], np.diag([1.0, 1e-20]))
    # Just inside (ratio 1.1e-10): accepted, with KL(N(0, diag(1, v)) || N(0, I)) = (v - 1 - ln v) / 2.
    v = 1.21e-20
    expected = 0.5 * (v - 1.0 - math.log(v))
    assert kl_mvnormal_mvnormal([0, 0], np.diag([1.0, v]), [0, 0], I2) == pytest.approx(expected, rel=1e-12)


def test_log_var_of_exactly_700_is_accepted():
    # Refused are values *above* 700; e^700 is representable (math.expm1 as reference).
    expected = 0.5 * (math.expm1(700.0) - 700.0)
    assert kl_diagnormal_stdnormal([0.0], [700.0]) == pytest.approx(expected, rel=1e-15)
    with pytest.raises(ValueError, match=r"above 700 \(700\.5\)"):
        kl_diagnormal_stdnormal([0.0], [700.5])


@pytest.mark.parametrize(
    ("args", "error", "message"),
    [
        (([[0.0]], [[1.0]], [0.0], [[1.0]]), ValueError,
         "mu_p must be a non-empty one-dimensional mean vector, got shape (1, 1)"),
        (([0.0], [[1.0]], "a", [[1.0]]), TypeError,
         "mu_q must be numbers, not a string ('a'); pass e.g. [0.2, 0.8]"),
        (([0.0], [[1.0]], [0.0, 0.0], I2), ValueError,
         "mu_p and mu_q must have the same length, got 1 and 2"),
        (([0.0, 0.0], "x", [0.0, 0.0], I2), TypeError,
         "cov_p must be numbers, not a string ('x'); pass e.g. [0.2, 0.8]"),
        (([0.0, 0.0], I2, [0.0, 0.0], [[1.0]]), ValueError,
         "cov_q must be a 2 x 2 matrix to match the mean vector, got shape (1, 1)"),
        (([0.0, 0.0], I2, [0.0, 0.0], [[1.0, np.nan], [0.0, 1.0]]), ValueError,
         "cov_q contains a non-finite value (nan) at flat index 1; every entry must be a finite number"),
        (([0.0, 0.0], I2, [0.0, 0.0], [[1.0, 0.5], [0.0, 1.0]]), ValueError,
         "cov_q is not symmetric; a covariance matrix equals its transpose (use (C + C.T) / 2 if the "
         "asymmetry "
         "is round-off)"),
        (([0.0, 0.0], I2, [0.0, 0.0], [[1.0, 2.0], [2.0, 1.0]]), ValueError,
         "cov_q is not positive definite (smallest eigenvalue -1); a covariance matrix needs every "
         "eigenvalue > 0. "
         "Check for a zero variance, a duplicated variable, or a correlation outside (-1, 1)"),
        (([0.0, 0.0], I2, [0.0, 0.0], [[1.0, 0.0], [0.0, 1e-22]]), ValueError,
         "cov_q is numerically singular (condition number 1e20 or more); a covariance matrix needs every "
         "eigenvalue clearly > 0"),
    ],
)
def test_kl_mvnormal_error_messages_in_full(args, error, message):
    with pytest.raises(error, match=f"^{re.escape(message)}$"):
        kl_mvnormal_mvnormal(*args)


@pytest.mark.parametrize(
    ("args", "error", "message"),
    [
        (("a", [0.0]), TypeError, "mu must be numbers, not a string ('a'); pass e.g. [0.2, 0.8]"),
        (([0.0], [np.nan]), ValueError,
         "log_var contains a non-finite value (nan) at flat index 0; every entry must be a finite number"),
        (([0.0], [0.0, 0.0]), ValueError,
         "mu and log_var must have the same shape (one mean and one log-variance per latent dimension), "
         "got (1,) "
         "and (2,)"),
        ((0.0, 0.0), ValueError, "mu must have a latent axis; pass a vector such as [0.5, -1.0]"),
        (([0.0, 0.0], [0.0, 700.5]), ValueError,
         "log_var has a value above 700 (700.5), whose exp overflows; check that you passed log-variances"),
    ],
)
def test_kl_diagnormal_error_messages_in_full(args, error, message):
    with pytest.raises(error, match=f"^{re.escape(message)}$"):
        kl_diagnormal_stdnormal(*args)
