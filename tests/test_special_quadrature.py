"""The shared kernels: log-sum-exp / softmax (against scipy), quadrature, the scalar validator."""

import math
import re
import warnings
from fractions import Fraction

import numpy as np
import pytest
from scipy import integrate, special, stats

import kl_helpers as kh
from kl_helpers._validate import scalar


@pytest.mark.parametrize("axis", [0, 1, -1])
def test_logsumexp_and_softmax_match_scipy_along_any_axis(axis):
    a = np.random.default_rng(0).normal(0, 300, size=(4, 5))
    np.testing.assert_allclose(kh.logsumexp(a, axis=axis), special.logsumexp(a, axis=axis), rtol=1e-14)
    np.testing.assert_allclose(kh.softmax(a, axis=axis), special.softmax(a, axis=axis), rtol=1e-12,
                               atol=1e-300)
    np.testing.assert_allclose(kh.log_softmax(a, axis=axis), special.log_softmax(a, axis=axis),
                               rtol=1e-12)


def test_logsumexp_extremes_without_warning():
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        assert kh.logsumexp([1000.0, 1000.0]) == pytest.approx(1000 + math.log(2), rel=1e-15)
        assert kh.logsumexp([-1000.0, -1000.0]) == pytest.approx(-1000 + math.log(2), rel=1e-15)
        assert kh.softmax([0.0, -800.0])[1] == 0.0  # underflows to 0, honestly, no nan
        assert kh.log_softmax([0.0, -800.0])[1] == -800.0


def test_softmax_is_exact_for_equal_logits():
    # Dividing shifted exponentials keeps 1/2 exact (exp(log(1/2)) would not).
    assert kh.softmax([3.0, 3.0]).tolist() == [0.5, 0.5]


def test_special_errors_name_the_argument():
    with pytest.raises(ValueError, match="axis=2 is out of range for a"):
        kh.logsumexp([[1.0]], axis=2)
    with pytest.raises(TypeError, match="axis must be an integer"):
        kh.softmax([1.0], axis=0.5)
    with pytest.raises(ValueError, match="logits contains a non-finite value"):
        kh.softmax([1.0, math.nan])


def test_log_2pi_is_the_one_constant():
    assert kh.LOG_2PI == math.log(2 * math.pi)
    # The normal log-density uses it: compare with scipy at a few points.
    x = np.array([-3.0, 0.0, 2.5])
    np.testing.assert_allclose(kh.normal_logpdf(x, 0.5, 1.7), stats.norm.logpdf(x, 0.5, 1.7), rtol=1e-14)


def test_trapezoid_is_exact_for_straight_lines_and_second_order_otherwise():
    x = np.linspace(0.0, 2.0, 11)
    assert kh.trapezoid(3 * x + 1, x) == pytest.approx(8.0, rel=1e-14)
    grids = (np.linspace(0, np.pi, 21), np.linspace(0, np.pi, 41))
    coarse, fine = (kh.trapezoid(np.sin(g), g) for g in grids)
    # Error of the rule ~ h²: halving h divides it by about 4.
    assert (2 - coarse) / (2 - fine) == pytest.approx(4.0, rel=0.01)


def test_quadrature_errors():
    with pytest.raises(ValueError, match="strictly increasing"):
        kh.trapezoid([1.0, 1.0], [1.0, 0.0])
    with pytest.raises(ValueError, match=r"values must hold one value per grid point \(3\)"):
        kh.trapezoid([1.0, 1.0], [0.0, 1.0, 2.0])
    with pytest.raises(ValueError, match=r"f returned shape \(\) for points of shape \(801,\)"):
        kh.normal_expectation(lambda x: 1.0, 0.0, 1.0)
    with pytest.raises(ValueError, match="sigma must be > 0"):
        kh.normal_expectation(lambda x: x, 0.0, 0.0)


@pytest.mark.parametrize(("mu", "sigma"), [(0.0, 1.0), (2.0, 0.3), (-1.0, 4.0)])
def test_normal_expectation_against_adaptive_quadrature(mu, sigma):
    def f(x):
        return np.log1p(x**2) + np.cos(x)

    reference, _ = integrate.quad(lambda t: f(t) * stats.norm.pdf(t, mu, sigma), -np.inf, np.inf)
    assert kh.normal_expectation(f, mu, sigma) == pytest.approx(reference, rel=1e-9, abs=1e-12)


def test_binned_normal_rows_and_logs():
    x = np.linspace(-3, 3, 7)
    rows = kh.binned_normal(x, [0.0, 1.0], 0.8)
    assert rows.shape == (2, 7)
    np.testing.assert_allclose(rows.sum(axis=1), 1.0, rtol=1e-15)
    np.testing.assert_allclose(np.exp(kh.binned_normal(x, 1.0, 0.8, log=True)), rows[1], rtol=1e-14)
    expected = np.exp(-((x - 1.0) ** 2) / (2 * 0.8**2))
    np.testing.assert_allclose(rows[1], expected / expected.sum(), rtol=1e-14)
    with pytest.raises(ValueError, match="sigma must be a finite number > 0"):
        kh.binned_normal(x, 0.0, 0.0)


def test_kl_estimate_normal_model_is_kl_estimate_with_values():
    rng = np.random.default_rng(3)
    x = rng.normal(1.0, 2.0, 500)
    log_p = stats.norm.logpdf(x, 1.0, 2.0)
    by_values = kh.kl_estimate_normal_model(x, log_p, 0.5, 1.5)
    by_functions = kh.kl_estimate(lambda t: stats.norm.logpdf(t, 1.0, 2.0),
                                  lambda t: stats.norm.logpdf(t, 0.5, 1.5), x)
    assert by_values == pytest.approx(by_functions, rel=1e-13)
    assert kh.kl_estimate_normal_model(x, log_p, 0.5, 1.5, "k3") == pytest.approx(
        kh.kl_estimate(lambda t: stats.norm.logpdf(t, 1.0, 2.0),
                       lambda t: stats.norm.logpdf(t, 0.5, 1.5), x, "k3"), rel=1e-13)


class _Weird:
    pass


@pytest.mark.parametrize(
    ("value", "error", "message"),
    [
        ("1e-7", TypeError, r"tol must be a real number such as 1e-7, not the string '1e-7'"),
        (True, TypeError, r"tol must be a real number such as 1e-7, not a boolean"),
        (np.True_, TypeError, r"tol must be a real number such as 1e-7, not a boolean"),
        (None, TypeError, r"tol must be a real number such as 1e-7, got None"),
        (_Weird(), TypeError, r"tol must be a real number such as 1e-7, got <"),
        ([0, 1], ValueError, r"tol must be a single number \(e\.g\. 1e-7\), got an array of shape \(2,\)"),
        ([[0.5], [1, 2]], TypeError, r"tol must be a real number"),
        (math.nan, ValueError, r"tol must be a finite number > 0 \(e\.g\. 1e-7\), got nan"),
        (10**400, ValueError, r"tol must be a finite number > 0 \(e\.g\. 1e-7\), got inf"),
        (-(10**400), ValueError, r"got -inf"),
        (0, ValueError, r"tol must be a finite number > 0 \(e\.g\. 1e-7\), got 0"),
        (-1e-3, ValueError, r"got -0\.001"),
    ],
)
def test_scalar_refuses_with_a_message_naming_the_argument(value, error, message):
    with pytest.raises(error, match=message):
        scalar(value, "tol", positive=True, example="1e-7")


def test_scalar_accepts_numbers_of_every_kind():
    assert scalar(np.float32(0.25), "x") == 0.25
    assert scalar(np.array(3), "x") == 3.0 and type(scalar(np.array(3), "x")) is float
    assert scalar([2.5][0], "x") == 2.5
    assert scalar(-4, "x") == -4.0  # negative is fine unless positive=True
    with pytest.raises(ValueError, match=r"x must be a finite number \(e\.g\. 0\.5\), got inf"):
        scalar(math.inf, "x")


def test_public_functions_use_the_scalar_validator():
    # The cases the review found leaking numpy's own errors or the wrong hint.
    with pytest.raises(ValueError, match=r"mu0 must be a single number"):
        kh.fit_normal_gd([0.0, 1.0, 2.0], mu0=[0, 1], sigma0=1.0)
    with pytest.raises(TypeError, match=r"tol must be a real number such as 1e-10, not the string"):
        kh.gradient_descent(lambda t: 0.0, lambda t: t, [1.0], 0.1, tol="1e-7")
    with pytest.raises(TypeError, match=r"tol must be a real number such as 1e-7"):
        kh.fit_reverse_kl(kh.NormalMixture.two_modes(2.0), 0.0, 1.0, tol="1e-7")


# --- found by the mutation audit (make mutation) ---------------------------------------------------


def test_logsumexp_kernel_of_an_all_minus_inf_slice_is_minus_inf_without_warning():
    # The unchecked kernel accepts -inf entries (log-weights of impossible terms): exp(-inf) = 0.
    from kl_helpers.special import _logsumexp

    with warnings.catch_warnings():
        warnings.simplefilter("error")
        out = _logsumexp(np.array([[-np.inf, -np.inf], [0.0, -np.inf]]), -1)
    assert out.tolist() == [-math.inf, 0.0]


@pytest.mark.parametrize(
    ("call", "error", "message"),
    [
        (lambda: kh.logsumexp("a"), TypeError, "a must be numbers, not a string ('a'); pass e.g. [0.2, 0.8]"),
        (lambda: kh.logsumexp([]), ValueError,
         "a must have at least one entry along an axis, got shape (0,); pass e.g. [1.0, 2.0, 3.0]"),
        (lambda: kh.logsumexp([[1.0]], axis=-3), ValueError,
         "axis=-3 is out of range for a with 2 dimension(s); use an axis between -2 and 1"),
        (lambda: kh.log_softmax([[1.0]], axis=2), ValueError,
         "axis=2 is out of range for logits with 2 dimension(s); use an axis between -2 and 1"),
        (lambda: kh.softmax([1.0], axis=1), ValueError,
         "axis=1 is out of range for logits with 1 dimension(s); use an axis between -1 and 0"),
        (lambda: kh.softmax([np.nan]), ValueError,
         "logits contains a non-finite value (nan) at flat index 0; every entry must be a finite number"),
        (lambda: kh.trapezoid([0.0], "a"), TypeError,
         "x must be numbers, not a string ('a'); pass e.g. [0.2, 0.8]"),
        (lambda: kh.trapezoid([[0.0, 1.0]], [[0.0, 1.0]]), ValueError,
         "x must be a one-dimensional grid of at least 2 points, got shape (1, 2)"),
        (lambda: kh.trapezoid([0.0], [0.0]), ValueError,
         "x must be a one-dimensional grid of at least 2 points, got shape (1,)"),
        (lambda: kh.trapezoid([0.0, 0.0, 0.0], [0.0, 0.0, 1.0]), ValueError,
         "x must be strictly increasing; sort it, e.g. np.linspace(lo, hi, n)"),
        (lambda: kh.trapezoid([0.0], [0.0, 1.0]), ValueError,
         "values must hold one value per grid point (2), got shape (1,); evaluate it on x"),
        (lambda: kh.expectation_on_grid([0.0, 0.0], [0.0], [0.0, 1.0]), ValueError,
         "values must hold one value per grid point (2), got shape (1,); evaluate it on x"),
        (lambda: kh.kl_on_grid([0.0], [0.0, 0.0], [0.0, 1.0]), ValueError,
         "logp must hold one value per grid point (2), got shape (1,); evaluate it on x"),
        (lambda: kh.kl_on_grid([0.0, 0.0], [0.0], [0.0, 1.0]), ValueError,
         "logq must hold one value per grid point (2), got shape (1,); evaluate it on x"),
        (lambda: kh.trapezoid("a", [0.0, 1.0]), TypeError,
         "values must be numbers, not a string ('a'); pass e.g. [0.2, 0.8]"),
        (lambda: kh.expectation_on_grid([0.0, np.nan], [0.0, 0.0], [0.0, 1.0]), ValueError,
         "logp contains a non-finite value (nan) at flat index 1; every entry must be a finite number"),
        (lambda: kh.kl_on_grid([0.0, 0.0], "a", [0.0, 1.0]), TypeError,
         "logq must be numbers, not a string ('a'); pass e.g. [0.2, 0.8]"),
        (lambda: kh.kl_on_grid([0.0, 0.0], [0.0, -np.inf], [0.0, 1.0]), ValueError,
         "logq contains a non-finite value (-inf) at flat index 1; every entry must be a finite number"),
        (lambda: kh.normal_expectation(lambda x: x, "a", 1.0), TypeError,
         "mu must be numbers, not a string ('a'); pass e.g. [0.2, 0.8]"),
        (lambda: kh.normal_expectation(lambda x: x, 0.0, "a"), TypeError,
         "sigma must be numbers, not a string ('a'); pass e.g. [0.2, 0.8]"),
        (lambda: kh.normal_expectation(lambda x: x, 0.0, 0.0), ValueError,
         "sigma must be > 0 (a standard deviation), got 0.0"),
        (lambda: kh.normal_expectation(lambda x: 1.0, 0.0, 1.0), ValueError,
         "f returned shape () for points of shape (801,); it must return one value per point (write it with "
         "numpy so it works on a whole array)"),
    ],
)
def test_error_messages_in_full(call, error, message):
    with pytest.raises(error, match=f"^{re.escape(message)}$"):
        call()


def test_trapezoid_names_values_in_its_messages():
    x = np.linspace(0.0, 1.0, 5)
    with pytest.raises(TypeError) as info:
        kh.trapezoid("abc", x)
    assert str(info.value) == "values must be numbers, not a string ('abc'); pass e.g. [0.2, 0.8]"


@pytest.mark.parametrize(
    "as_returned",
    [
        lambda v: v.astype(np.float32),
        lambda v: v.astype(np.longdouble),
        lambda v: np.vectorize(Fraction, otypes=[object])(v),  # an f written with exact fractions
    ],
)
def test_normal_expectation_returns_float64_whatever_real_type_f_returns(as_returned):
    # E[X^2] = mu^2 + sigma^2 under N(mu, sigma^2): 1 and 5 here.
    out = kh.normal_expectation(lambda x: as_returned(x**2), [0.0, 1.0], [1.0, 2.0])
    assert out.dtype == np.float64
    assert out == pytest.approx([1.0, 5.0], rel=1e-6)  # float32 rounding of x^2
    one = kh.normal_expectation(lambda x: as_returned(x**2), 1.0, 2.0)
    assert type(one) is float and one == pytest.approx(5.0, rel=1e-6)
