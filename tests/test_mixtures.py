"""Gaussian mixtures and the forward/reverse Gaussian fits, against scipy and numerical integration."""

import itertools
import math
import warnings

import numpy as np
import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st
from scipy import integrate, optimize, stats

from kl_helpers import fit_normal_mle
from kl_helpers.distributions import kl_normal_normal, normal_entropy
from kl_helpers.mixtures import (
    NormalMixture,
    fit_reverse_kl,
    kl_mixture_normal,
    kl_normal_mixture,
    mixture_elbo,
    moment_match,
    posterior_gap,
)
from kl_helpers.panels.forward_reverse import ForwardReversePanel

P = NormalMixture([0.3, 0.7], [-2.0, 1.5], [0.6, 1.0])


def _scipy_pdf(p, x):
    return sum(w * stats.norm.pdf(x, m, s) for w, m, s in zip(p.weights, p.means, p.sigmas, strict=True))


def _quad(f, lo=-30.0, hi=30.0):
    value, _ = integrate.quad(f, lo, hi, limit=400, points=[-3, -2, 0, 1.5, 3])
    return value


def test_logpdf_matches_scipy_and_stays_finite_in_the_tails():
    x = np.linspace(-6, 6, 49)
    np.testing.assert_allclose(P.logpdf(x), np.log(_scipy_pdf(P, x)), rtol=1e-12)
    # At x = 60 every component density underflows; log-sum-exp still gives the right value,
    # which the closer component's log-density approximates to within log(weight).
    far = P.logpdf(60.0)
    assert math.isfinite(far)
    assert far == pytest.approx(math.log(0.7) + stats.norm.logpdf(60.0, 1.5, 1.0), rel=1e-12)


def test_pdf_integrates_to_one_and_moments_match_integration():
    assert _quad(lambda x: P.pdf(x)) == pytest.approx(1.0, abs=1e-10)
    mean = _quad(lambda x: x * P.pdf(x))
    var = _quad(lambda x: (x - mean) ** 2 * P.pdf(x))
    assert moment_match(P) == pytest.approx((mean, math.sqrt(var)), rel=1e-9)


def test_entropy_matches_integration():
    expected = _quad(lambda x: -P.pdf(x) * P.logpdf(x))
    assert P.entropy() == pytest.approx(expected, rel=1e-9)


def test_samples_have_the_mixture_moments():
    x = P.sample(200_000, np.random.default_rng(1))
    mu, sigma = moment_match(P)
    # Standard error of the mean is sigma/sqrt(n) ~ 0.004; allow 5 of them.
    assert x.mean() == pytest.approx(mu, abs=5 * sigma / math.sqrt(x.size))
    assert x.std() == pytest.approx(sigma, rel=0.01)


def test_zero_weight_component_is_ignored_without_warnings():
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        p = NormalMixture([1.0, 0.0], [0.0, 5.0], [1.0, 1.0])
        assert p.logpdf(0.5) == pytest.approx(stats.norm.logpdf(0.5))
        assert p.responsibilities(5.0).tolist() == [1.0, 0.0]


def _quad_in_pieces(f, lo: float, hi: float, pieces: int = 12) -> float:
    # Adaptive quadrature on many short pieces: one call over a wide range can miss part of a
    # narrow peak and still report a tiny error estimate (it did for mu=2.986, sigma=3.242).
    edges = np.linspace(lo, hi, pieces + 1)
    return sum(integrate.quad(f, a, b, limit=200)[0] for a, b in itertools.pairwise(edges))


@settings(max_examples=25, deadline=None)
@given(st.floats(-4, 4), st.floats(0.3, 4))
@example(2.9859980658284275, 3.2424285820731984)  # where a single quad call was off by 8e-5
def test_reverse_kl_matches_integration(mu, sigma):
    def integrand(x):
        return stats.norm.pdf(x, mu, sigma) * (stats.norm.logpdf(x, mu, sigma) - P.logpdf(x))

    expected = _quad_in_pieces(integrand, mu - 12 * sigma, mu + 12 * sigma)
    assert kl_normal_mixture(mu, sigma, P) == pytest.approx(expected, rel=1e-7, abs=1e-9)


@settings(max_examples=25, deadline=None)
@given(st.floats(-4, 4), st.floats(0.3, 4))
def test_forward_kl_matches_integration(mu, sigma):
    def integrand(x):
        return P.pdf(x) * (P.logpdf(x) - stats.norm.logpdf(x, mu, sigma))

    assert kl_mixture_normal(P, mu, sigma) == pytest.approx(_quad(integrand), rel=1e-7, abs=1e-9)


def test_one_component_mixture_reduces_to_the_gaussian_closed_form():
    p = NormalMixture([1.0], [0.5], [1.3])
    assert kl_normal_mixture(-1.0, 0.7, p) == pytest.approx(kl_normal_normal(-1.0, 0.7, 0.5, 1.3), rel=1e-9)
    assert kl_mixture_normal(p, -1.0, 0.7) == pytest.approx(kl_normal_normal(0.5, 1.3, -1.0, 0.7), rel=1e-9)
    assert p.entropy() == pytest.approx(normal_entropy(1.3), rel=1e-12)


def test_moment_match_is_the_forward_minimum_found_by_scipy():
    res = optimize.minimize(lambda t: kl_mixture_normal(P, t[0], math.exp(t[1])), [0.0, 0.0],
                            method="Nelder-Mead", options={"xatol": 1e-9, "fatol": 1e-12})
    mu, sigma = moment_match(P)
    assert res.x[0] == pytest.approx(mu, abs=1e-4)
    assert math.exp(res.x[1]) == pytest.approx(sigma, abs=1e-4)


def test_gaussian_mle_approaches_the_projection_not_p():
    mu, sigma = moment_match(P)
    rng = np.random.default_rng(7)
    errors = []
    for n in (100, 10_000, 1_000_000):
        mu_hat, sigma_hat = fit_normal_mle(P.sample(n, rng))
        errors.append(abs(mu_hat - mu) + abs(sigma_hat - sigma))
    assert errors[-1] < 0.01 < errors[0]
    assert kl_mixture_normal(P, mu, sigma) > 0.1  # the gap that no amount of data closes


@pytest.mark.parametrize("start", [-3.0, -0.5, 0.5, 3.0])
def test_reverse_fit_is_a_local_minimum_confirmed_by_scipy(start):
    p = NormalMixture.two_modes(6.0, 0.4)
    fit = fit_reverse_kl(p, start, 1.0)
    assert fit.converged
    assert fit.kl == pytest.approx(kl_normal_mixture(fit.mu, fit.sigma, p), abs=1e-12)
    # Scipy started at our answer must not find anything lower nearby.
    res = optimize.minimize(lambda t: kl_normal_mixture(t[0], math.exp(t[1]), p),
                            [fit.mu, math.log(fit.sigma)], method="Nelder-Mead",
                            options={"xatol": 1e-8, "fatol": 1e-13})
    assert res.fun >= fit.kl - 1e-9
    assert res.x[0] == pytest.approx(fit.mu, abs=1e-3)
    # The path only ever goes downhill.
    values = kl_normal_mixture(fit.path[:, 0], fit.path[:, 1], p)
    assert np.all(np.diff(values) <= 1e-12)


def test_reverse_fit_has_three_optima_for_separated_modes_and_one_for_close_ones():
    far = NormalMixture.two_modes(6.0, 0.4)
    mus = sorted(round(fit_reverse_kl(far, s, 1.0).mu, 2) for s in (-3.0, 0.0, 3.0))
    assert len(set(mus)) == 3
    close = NormalMixture.two_modes(1.0, 0.4)
    mus = {round(fit_reverse_kl(close, s, 1.0).mu, 4) for s in (-3.0, 0.0, 3.0)}
    assert len(mus) == 1


def test_elbo_identity_against_scipy_posterior():
    rng = np.random.default_rng(3)
    x = 0.3
    joint = np.array([w * stats.norm.pdf(x, m, s)
                      for w, m, s in zip(P.weights, P.means, P.sigmas, strict=True)])
    posterior = joint / joint.sum()
    np.testing.assert_allclose(P.responsibilities(x), posterior, rtol=1e-12)
    for q in rng.dirichlet([1.0, 1.0], size=5):
        gap = float(np.sum(q * np.log(q / posterior)))
        assert mixture_elbo(x, q, P) + gap == pytest.approx(math.log(joint.sum()), abs=1e-12)
        assert posterior_gap(x, q, P) == pytest.approx(gap, abs=1e-12)
        assert mixture_elbo(x, q, P) <= P.logpdf(x)


def test_elbo_is_minus_infinity_on_an_impossible_component():
    p = NormalMixture([1.0, 0.0], [0.0, 1.0], [1.0, 1.0])
    assert mixture_elbo(0.0, [0.5, 0.5], p) == -math.inf


def test_panel_shows_the_fits_of_the_library():
    panel = ForwardReversePanel(separation=5.5)
    p = NormalMixture.two_modes(5.5, 0.4)
    assert panel.result["forward"] == pytest.approx(moment_match(p))
    fits = [fit_reverse_kl(p, s, 1.0) for s in (p.means[0], 0.0, p.means[1])]
    assert panel.result["reverse_mu"] == pytest.approx([f.mu for f in fits])
    assert panel.result["n_optima"] == 3


@pytest.mark.parametrize(
    ("kwargs", "exc", "match"),
    [
        ({"weights": [0.5, 0.6], "means": [0, 1], "sigmas": [1, 1]}, ValueError, r"weights sums to 1\.1"),
        ({"weights": [0.5, 0.5], "means": [0], "sigmas": [1, 1]}, ValueError,
         r"means must have one entry per weight"),
        ({"weights": [0.5, 0.5], "means": [0, 1], "sigmas": [1, 0]}, ValueError, r"sigmas must be > 0"),
        ({"weights": [0.5, 0.5], "means": [0, np.nan], "sigmas": [1, 1]}, ValueError,
         "means contains a non-finite"),
        ({"weights": "ab", "means": [0, 1], "sigmas": [1, 1]}, TypeError, "weights must be numbers"),
    ],
)
def test_bad_mixtures_are_refused(kwargs, exc, match):
    with pytest.raises(exc, match=match):
        NormalMixture(**kwargs)


def test_bad_arguments_to_the_fits():
    with pytest.raises(TypeError, match="p must be a NormalMixture"):
        kl_normal_mixture(0.0, 1.0, [0.5, 0.5])
    with pytest.raises(ValueError, match="sigma_q must be > 0"):
        kl_mixture_normal(P, 0.0, -1.0)
    with pytest.raises(ValueError, match="sigma0 must be a finite number > 0"):
        fit_reverse_kl(P, 0.0, 0.0)
    with pytest.raises(ValueError, match="separation must be >= 0"):
        NormalMixture.two_modes(-1.0)
    with pytest.raises(ValueError, match=r"r must have one probability per component \(2\)"):
        mixture_elbo(0.0, [1.0], P)
    with pytest.raises(ValueError, match=r"x must be a single number \(e\.g\. 0\.5\), got an array"):
        mixture_elbo([0.0, 1.0], [0.5, 0.5], P)
    with pytest.raises(ValueError, match=r"r sums to 0\.9"):
        posterior_gap(0.0, [0.5, 0.4], P)
    with pytest.raises(ValueError, match=r"r must have one probability per component \(2\)"):
        posterior_gap(0.0, [1.0], P)
    with pytest.raises(ValueError, match=r"tol must be a finite number > 0 \(e\.g\. 1e-7\), got 0"):
        fit_reverse_kl(P, 0.0, 1.0, tol=0.0)
    with pytest.raises(ValueError, match="max_iter must be at least 1"):
        fit_reverse_kl(P, 0.0, 1.0, max_iter=0)


# --- found by the mutation audit (make mutation) ---------------------------------------------------


@pytest.mark.parametrize(("mu", "log_sigma"), [(0.5, 0.2), (-1.5, -0.4), (3.0, 0.7)])
def test_newton_derivatives_match_finite_differences_of_the_divergence(mu, log_sigma):
    # The gradient and Hessian that fit_reverse_kl uses, against central differences of the
    # divergence itself (kl_normal_mixture) in (mu, ln sigma).
    from kl_helpers.mixtures import _objective_derivatives

    p = NormalMixture([0.3, 0.7], [-1.0, 2.0], [0.8, 1.2])

    def f(m, s):
        return kl_normal_mixture(m, math.exp(s), p)

    value, grad, hess = _objective_derivatives(p, mu, log_sigma)
    assert value == pytest.approx(f(mu, log_sigma), rel=1e-10)
    h = 1e-4
    fd_grad = [(f(mu + h, log_sigma) - f(mu - h, log_sigma)) / (2 * h),
               (f(mu, log_sigma + h) - f(mu, log_sigma - h)) / (2 * h)]
    np.testing.assert_allclose(grad, fd_grad, rtol=1e-6, atol=1e-9)
    h = 1e-3
    f0 = f(mu, log_sigma)
    h_mm = (f(mu + h, log_sigma) - 2 * f0 + f(mu - h, log_sigma)) / h**2
    h_ss = (f(mu, log_sigma + h) - 2 * f0 + f(mu, log_sigma - h)) / h**2
    h_ms = (f(mu + h, log_sigma + h) - f(mu + h, log_sigma - h)
            - f(mu - h, log_sigma + h) + f(mu - h, log_sigma - h)) / (4 * h * h)
    np.testing.assert_allclose(hess, [[h_mm, h_ms], [h_ms, h_ss]], rtol=1e-4, atol=1e-6)


def test_reverse_fit_ignores_a_component_of_weight_zero():
    # Only N(0, 1) has weight: the reverse fit finds it exactly (D_KL = 0).
    p = NormalMixture([0.0, 1.0], [5.0, 0.0], [1.0, 1.0])
    fit = fit_reverse_kl(p, 0.5, 1.5)
    assert fit.converged
    assert (fit.mu, fit.sigma, fit.kl) == (pytest.approx(0.0, abs=1e-6), pytest.approx(1.0, rel=1e-6),
                                           pytest.approx(0.0, abs=1e-10))
    assert fit.path[0].tolist() == [0.5, 1.5]
