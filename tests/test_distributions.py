"""Gaussian closed forms against numerical integration and scipy."""

import math
import re
from decimal import Decimal, localcontext

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from scipy import integrate, stats

from kl_helpers import (
    binned_normal,
    kl_normal_normal,
    normal_cross_entropy,
    normal_entropy,
    normal_logpdf,
    normal_pdf,
)

means = st.floats(-5, 5)
sigmas = st.floats(0.2, 5)


def _integrate(f, mu, sigma):
    # Integrate over +-12 standard deviations of p, where all the mass is.
    value, _ = integrate.quad(f, mu - 12 * sigma, mu + 12 * sigma, limit=200)
    return value


@settings(max_examples=40, deadline=None)
@given(means, sigmas, means, sigmas)
def test_kl_gaussian_matches_numerical_integration(mp, sp, mq, sq):
    def integrand(x):
        return stats.norm.pdf(x, mp, sp) * (stats.norm.logpdf(x, mp, sp) - stats.norm.logpdf(x, mq, sq))

    assert kl_normal_normal(mp, sp, mq, sq) == pytest.approx(_integrate(integrand, mp, sp), rel=1e-6,
                                                        abs=1e-8)


@settings(max_examples=40, deadline=None)
@given(means, sigmas, means, sigmas)
def test_cross_entropy_matches_numerical_integration(mp, sp, mq, sq):
    def integrand(x):
        return -stats.norm.pdf(x, mp, sp) * stats.norm.logpdf(x, mq, sq)

    assert normal_cross_entropy(mp, sp, mq, sq) == pytest.approx(
        _integrate(integrand, mp, sp), rel=1e-6, abs=1e-8
    )


@settings(max_examples=100, deadline=None)
@given(means, sigmas, means, sigmas)
def test_decomposition_continuous(mp, sp, mq, sq):
    assert kl_normal_normal(mp, sp, mq, sq) == pytest.approx(
        normal_cross_entropy(mp, sp, mq, sq) - normal_entropy(sp), abs=1e-9
    )
    assert kl_normal_normal(mp, sp, mq, sq) >= 0.0


def test_entropy_and_logpdf_match_scipy():
    x = np.linspace(-4, 4, 9)
    np.testing.assert_allclose(normal_logpdf(x, 0.5, 1.7), stats.norm.logpdf(x, 0.5, 1.7))
    np.testing.assert_allclose(normal_pdf(x, 0.5, 1.7), stats.norm.pdf(x, 0.5, 1.7))
    for s in (0.05, 1.0, 3.0):
        assert normal_entropy(s) == pytest.approx(stats.norm(0, s).entropy())


def _exact_kl_same_mean(sigma_p: float, sigma_q: float) -> float:
    # ln(sigma_q/sigma_p) + sigma_p^2/(2 sigma_q^2) - 1/2, in 50-digit decimal arithmetic.
    with localcontext() as ctx:
        ctx.prec = 50
        sp, sq = Decimal(sigma_p), Decimal(sigma_q)
        return float((sq / sp).ln() + sp * sp / (2 * sq * sq) - Decimal("0.5"))


@pytest.mark.parametrize("eps", [1e-3, 1e-5, 1e-7, 1e-9])
def test_kl_gaussian_stable_near_equality(eps):
    # sigma_q = sigma_p (1 + eps): the value is ~eps^2, which the textbook form loses to
    # cancellation (relative error ~1e-16 / eps^2). abs=0: approx's default abs=1e-12 would accept
    # any value this small, including the textbook form's.
    got = kl_normal_normal(0.0, 1.0, 0.0, 1.0 + eps)
    assert got == pytest.approx(_exact_kl_same_mean(1.0, 1.0 + eps), rel=1e-6, abs=0)
    assert got == pytest.approx(eps**2, rel=1e-6 + 4 * eps, abs=0)  # by hand: eps^2 (1 - 10 eps/3 + ...)


def test_broadcasting_and_scalar_return():
    mu = np.linspace(-1, 1, 5)
    out = kl_normal_normal(0.0, 1.0, mu, 1.0)
    assert isinstance(out, np.ndarray) and out.shape == (5,)
    np.testing.assert_allclose(out, mu**2 / 2)
    assert isinstance(kl_normal_normal(0.0, 1.0, 0.5, 1.0), float)


def test_base_two():
    assert kl_normal_normal(0, 1, 1, 1, base=2) == pytest.approx(0.5 / math.log(2))


# --- found by the mutation audit (make mutation) ---------------------------------------------------


def test_entropies_in_bits_are_nats_over_ln_2():
    # scipy as the reference, in nats, divided by ln 2.
    assert normal_entropy(1.5, base=2) == pytest.approx(stats.norm(0, 1.5).entropy() / math.log(2), rel=1e-14)
    # H(p, q) = H(p) + D_KL(p‖q); for p = q it is H(p).
    assert normal_cross_entropy(0.0, 1.5, 0.0, 1.5, base=2) == pytest.approx(
        stats.norm(0, 1.5).entropy() / math.log(2), rel=1e-14)


@pytest.mark.parametrize(
    ("call", "error", "message"),
    [
        (lambda: binned_normal([], 0.0, 1.0), ValueError, "outcomes is empty; pass at least one value"),
        (lambda: binned_normal([0.0], "a", 1.0), TypeError,
         "mu must be numbers, not a string ('a'); pass e.g. [0.2, 0.8]"),
        (lambda: binned_normal([0.0], 0.0, 0.0), ValueError,
         "sigma must be a finite number > 0 (e.g. 1.0), got 0"),
        (lambda: binned_normal([0.0], 0.0, "1"), TypeError,
         "sigma must be a real number such as 1.0, not the string '1'"),
        (lambda: kl_normal_normal(0, -1, 0, 1), ValueError,
         "sigma_p must be > 0 (a standard deviation or scale), got -1.0"),
        (lambda: kl_normal_normal(0, 1, "a", 1), TypeError,
         "mu_q must be numbers, not a string ('a'); pass e.g. [0.2, 0.8]"),
        (lambda: normal_cross_entropy(np.nan, 1, 0, 1), ValueError,
         "mu_p contains a non-finite value (nan) at flat index 0; every entry must be a finite number"),
        (lambda: normal_cross_entropy(0, 1, "a", 1), TypeError,
         "mu_q must be numbers, not a string ('a'); pass e.g. [0.2, 0.8]"),
        (lambda: normal_cross_entropy(0, 1, 0, 0), ValueError,
         "sigma_q must be > 0 (a standard deviation or scale), got 0.0"),
        (lambda: normal_logpdf("a", 0, 1), TypeError,
         "x must be numbers, not a string ('a'); pass e.g. [0.2, 0.8]"),
    ],
)
def test_error_messages_in_full(call, error, message):
    with pytest.raises(error, match=f"^{re.escape(message)}$"):
        call()
