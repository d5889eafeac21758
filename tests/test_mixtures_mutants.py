"""Edge cases and full error messages of kl_helpers.mixtures (found by the mutation audit)."""

from __future__ import annotations

import math

import pytest
from scipy import stats

from kl_helpers.mixtures import (
    NormalMixture,
    count_modes,
    fit_reverse_kl,
    kl_mixture_normal,
    kl_normal_mixture,
    mixture_elbo,
    posterior_gap,
)

P = NormalMixture([0.3, 0.7], [-2.0, 1.5], [0.8, 1.0])
_BUILD = "build one with NormalMixture(weights, means, sigmas)"
_NUMBERS = "must be numbers, not a string ('a'); pass e.g. [0.2, 0.8]"
_REAL = "must be a real number such as"
_SAME_LENGTH = "pass weights, means and sigmas as lists of the same length"


@pytest.mark.parametrize(
    ("call", "exc", "message"),
    [
        (lambda: kl_normal_mixture(0.0, 1.0, "p"), TypeError,
         f"p must be a NormalMixture, got str; {_BUILD}"),
        (lambda: mixture_elbo(0.5, [0.5, 0.5], [1]), TypeError,
         f"model must be a NormalMixture, got list; {_BUILD}"),
        (lambda: posterior_gap(0.5, [0.5, 0.5], [1]), TypeError,
         f"model must be a NormalMixture, got list; {_BUILD}"),
        (lambda: mixture_elbo("a", [0.5, 0.5], P), TypeError, f"x {_REAL} 0.5, not the string 'a'"),
        (lambda: NormalMixture([0.5, 0.5], [0.0, 1.0], [1.0, 1.0, 1.0]), ValueError,
         f"sigmas must have one entry per weight (2), got shape (3,); {_SAME_LENGTH}"),
        (lambda: count_modes("a"), TypeError, f"density {_NUMBERS}"),
        (lambda: fit_reverse_kl(P, "a", 1.0), TypeError, f"mu0 {_REAL} 0.5, not the string 'a'"),
        (lambda: fit_reverse_kl(P, 0.0, -1.0), ValueError,
         "sigma0 must be a finite number > 0 (e.g. 1.0), got -1"),
        (lambda: kl_mixture_normal(P, "a", 1.0), TypeError,
         f"mu_q {_NUMBERS}"),
        (lambda: kl_normal_mixture("a", 1.0, P), TypeError,
         f"mu_q {_NUMBERS}"),
        (lambda: kl_normal_mixture(0.0, -1.0, P), ValueError,
         "sigma_q must be > 0 (a standard deviation or scale), got -1.0"),
        (lambda: P.logpdf("a"), TypeError, f"x {_NUMBERS}"),
        (lambda: P.responsibilities("a"), TypeError, f"x {_NUMBERS}"),
        (lambda: P.sample(0, 1), ValueError, "n must be at least 1, got 0"),
        (lambda: NormalMixture.two_modes("a"), TypeError,
         "separation must be a real number such as 4.0, not the string 'a'"),
    ],
)
def test_bad_arguments_get_the_full_message(call, exc, message):
    with pytest.raises(exc) as excinfo:
        call()
    assert str(excinfo.value) == message


def test_mixture_parameters_are_read_only():
    # Built inside the test (not at import) so mutation testing maps it to __post_init__.
    mixture = NormalMixture([0.3, 0.7], [-2.0, 1.5], [0.8, 1.0])
    for arr in (mixture.weights, mixture.means, mixture.sigmas):
        with pytest.raises(ValueError, match="read-only"):
            arr[0] = 0.0


@pytest.mark.parametrize(("separation", "means"), [(0.0, [0.0, 0.0]), (0.5, [-0.25, 0.25])])
def test_two_modes_accepts_separations_from_zero(separation, means):
    assert NormalMixture.two_modes(separation).means.tolist() == means


@pytest.mark.parametrize(
    ("density", "bumps"),
    [
        ([0.0, 1.0, 1.0, 0.0], 1),  # a plateau counts once
        ([1.0, 1.0, 0.0], 0),  # flat, then falling from the left edge: no interior bump
        ([0.0, 1.0, 0.0, 1.0, 0.0], 2),
    ],
)
def test_count_modes_on_hand_drawn_densities(density, bumps):
    assert count_modes(density) == bumps


def test_elbo_of_a_point_mass_r_is_the_log_joint_of_that_component():
    # r puts all its mass on component 0: ELBO = ln w_0 + ln N(x | m_0, s_0), with no 0·ln 0 warning.
    x = 0.4
    expected = math.log(0.3) + stats.norm.logpdf(x, -2.0, 0.8)
    assert mixture_elbo(x, [1.0, 0.0], P) == pytest.approx(expected, rel=1e-12)
    single = NormalMixture([1.0, 0.0], [0.5, 3.0], [1.3, 1.0])
    assert mixture_elbo(x, [1.0, 0.0], single) == pytest.approx(stats.norm.logpdf(x, 0.5, 1.3), rel=1e-12)


def test_reverse_fit_out_of_iterations_reports_not_converged():
    fit = fit_reverse_kl(P, 0.0, 3.0, max_iter=1)
    assert fit.converged is False
    assert len(fit.path) == 2
    full = fit_reverse_kl(P, 0.0, 3.0)
    assert full.converged is True


def test_reverse_fit_stops_when_no_step_decreases_the_divergence():
    # p is itself a normal, so the reverse fit's minimum is p (KL 0). With tol below any reachable
    # gradient norm the line search runs out of decrease at the minimum and reports convergence there.
    p = NormalMixture([1.0], [0.0], [1.0])
    fit = fit_reverse_kl(p, 0.3, 1.2, tol=1e-300)
    assert fit.converged is True
    assert fit.mu == pytest.approx(0.0, abs=1e-9)
    assert fit.sigma == pytest.approx(1.0, abs=1e-9)
    assert len(fit.path) < 101


def test_reverse_fit_takes_at_most_100_newton_steps_by_default():
    # Started at the minimum with an unreachable tol: the line search accepts every step, so the
    # loop runs to the documented default max_iter = 100 and the path holds the start plus 100 points.
    p = NormalMixture([1.0], [0.0], [1.0])
    fit = fit_reverse_kl(p, 0.0, 1.0, tol=1e-300)
    assert fit.converged is False
    assert len(fit.path) == 101
