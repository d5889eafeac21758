"""kl_helpers.expectation against independent references: hand sums, exact fractions, scipy."""

from __future__ import annotations

import math
import warnings
from fractions import Fraction

import numpy as np
import pytest
from scipy import stats

import kl_helpers as kh
from kl_helpers.expectation import discrete_expectation, jensen_gap_log, sample_mean_spread


def test_expectation_is_the_probability_weighted_sum():
    x, p = [1, 2, 4], [Fraction(1, 2), Fraction(1, 4), Fraction(1, 4)]
    exact = sum(pi * xi for pi, xi in zip(p, x, strict=True))
    assert discrete_expectation(x, [float(v) for v in p]) == float(exact) == 2.0
    assert discrete_expectation([1.0, 2.0, 4.0], [1 / 3] * 3) == pytest.approx(7 / 3, rel=1e-15)


def test_expectation_works_row_wise_and_along_an_axis():
    p = np.array([[0.5, 0.25, 0.25], [0.0, 0.0, 1.0]])
    np.testing.assert_array_equal(discrete_expectation([1.0, 2.0, 4.0], p), [2.0, 4.0])
    column = np.array([[1.0], [2.0], [4.0]])  # outcomes along axis 0
    np.testing.assert_array_equal(discrete_expectation(column, p.T, axis=0), [2.0, 4.0])
    dist = stats.rv_discrete(values=([0, 1, 5], [0.2, 0.3, 0.5]))
    assert discrete_expectation([0.0, 1.0, 5.0], [0.2, 0.3, 0.5]) == pytest.approx(dist.mean(), rel=1e-15)


@pytest.mark.parametrize(("values", "p", "message"), [
    ([1.0, 2.0], [0.5, 0.6], "p"),
    ([1.0, 2.0, 3.0], [0.5, 0.5], "values has 3 outcomes but p has 2; give one value per probability"),
    (3.0, [1.0], "values must hold one value per outcome (a vector), got a single number (3.0)"),
    ([1.0, math.nan], [0.5, 0.5], "values contains a non-finite value (nan)"),
    ([[1.0, 2.0], [3.0, 4.0], [5.0, 6.0]], [[0.5, 0.5], [0.5, 0.5]], "cannot be broadcast together"),
])
def test_expectation_refuses_bad_input_naming_the_argument(values, p, message):
    with pytest.raises(ValueError, match=message.replace("(", r"\(").replace(")", r"\)")):
        discrete_expectation(values, p)


def test_no_silent_normalisation():
    with pytest.raises(ValueError, match="p"):
        discrete_expectation([1.0, 2.0], [1.0, 1.0])  # weights, not probabilities


def test_jensen_gap_matches_its_definition_and_scipy():
    x, p = np.array([0.3, 1.0, 7.0, 2.5]), np.array([0.1, 0.2, 0.3, 0.4])
    dist = stats.rv_discrete(values=(np.arange(4), p))
    mean = dist.expect(lambda k: x[k.astype(int)])
    plain = math.log(mean) - dist.expect(lambda k: np.log(x[k.astype(int)]))
    assert jensen_gap_log(x, p) == pytest.approx(plain, rel=1e-12)


def test_jensen_gap_two_point_closed_form_and_small_spread():
    for m, s in [(2.0, 1.0), (5.0, 4.0), (1.0, 1e-4), (3.0, 0.0)]:
        assert jensen_gap_log([m - s, m + s], [0.5, 0.5]) == pytest.approx(
            -0.5 * math.log1p(-(s * s) / (m * m)), rel=1e-12, abs=1e-300)
    # A spread of 1e-6 around 1: the gap is 5e-13; the plain difference of logs loses it in round-off.
    tiny = jensen_gap_log([1 - 1e-6, 1 + 1e-6], [0.5, 0.5])
    assert tiny == pytest.approx(0.5e-12, rel=1e-6)


@pytest.mark.parametrize(
    ("values", "p", "expected"),
    [
        # An outcome with p = 0 does not count, even when 1/E[X] would overflow (E[X] = 1e-310).
        ([1e-310, 5.0], [1.0, 0.0], 0.0),
        # Subnormal and near-overflow values: the gap does not depend on the scale of X.
        ([1e-310, 3e-310], [0.5, 0.5], -0.5 * math.log(0.75)),
        ([5e-324, 5e-324], [0.5, 0.5], 0.0),
        ([0.85e308, 1.7e308], [0.5, 0.5], -0.5 * math.log1p(-1 / 9)),
    ],
)
def test_jensen_gap_at_the_float_limits(values, p, expected):
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        assert jensen_gap_log(values, p) == pytest.approx(expected, rel=1e-12, abs=1e-300)


def test_jensen_gap_is_never_negative_and_zero_only_for_a_constant():
    rng = np.random.default_rng(7)
    x = rng.uniform(0.5, 1.5, size=(2000, 4))
    x[:200] = x[:200, :1]  # constant rows
    p = rng.dirichlet(np.ones(4), size=2000)
    gaps = jensen_gap_log(x, p)
    assert gaps.min() >= 0.0
    assert np.all(gaps[:200] < 1e-15) and np.all(gaps[200:] > 0)


def test_jensen_gap_ignores_outcomes_of_probability_zero_but_refuses_nonpositive_values():
    assert jensen_gap_log([-3.0, 2.0, 2.0], [0.0, 0.5, 0.5]) == 0.0  # X = 2 with probability 1
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        message = r"values must be > 0 wherever p > 0 \(ln x needs x > 0\), got 0.0"
        with pytest.raises(ValueError, match=message):
            jensen_gap_log([0.0, 2.0], [0.5, 0.5])


def test_sample_mean_spread_is_sigma_over_root_n():
    sizes = [5, 50, 500]
    sd = sample_mean_spread([0.0, 1.0], [0.7, 0.3], sizes, 4000, np.random.default_rng(3))
    sigma = math.sqrt(0.7 * 0.3)
    # 4000 replications: relative standard error of a spread ~1.1 %; 5 % is > 4 of them.
    np.testing.assert_allclose(sd, sigma / np.sqrt(sizes), rtol=0.05)
    assert kh.loglog_slope(sizes, sd) == pytest.approx(-0.5, abs=0.03)


def test_sample_mean_spread_is_reproducible_and_validates():
    a = sample_mean_spread([1.0, 2.0], [0.5, 0.5], [3, 30], 50, np.random.default_rng(1))
    b = sample_mean_spread([1.0, 2.0], [0.5, 0.5], [3, 30], 50, np.random.default_rng(1))
    np.testing.assert_array_equal(a, b)
    with pytest.raises(ValueError, match="replications must be at least 2"):
        sample_mean_spread([1.0, 2.0], [0.5, 0.5], [3], 1, np.random.default_rng(1))
    with pytest.raises(ValueError, match=r"sizes must be whole numbers >= 1, got \[2.5\]"):
        sample_mean_spread([1.0, 2.0], [0.5, 0.5], [2.5], 10, np.random.default_rng(1))
    with pytest.raises(TypeError, match="rng must be a numpy Generator"):
        sample_mean_spread([1.0, 2.0], [0.5, 0.5], [3], 10, 42)
    with pytest.raises(ValueError, match="values has 3 outcomes but p has 2"):
        sample_mean_spread([1.0, 2.0, 3.0], [0.5, 0.5], [3], 10, np.random.default_rng(1))


# --- Messages and boundaries pinned in full (mutation audit of kl_helpers.expectation) ---

_RNG_SEED = 3


@pytest.mark.parametrize(("call", "message"), [
    pytest.param(
        lambda: discrete_expectation([1.0, 2.0], [0.5, 0.6]),
        "p sums to 1.1, not 1; pass probabilities, or pass normalize=True to rescale counts or "
        "weights explicitly",
        id="expectation-p-does-not-sum-to-1",
    ),
    pytest.param(
        lambda: discrete_expectation(3.0, [1.0]),
        "values must hold one value per outcome (a vector), got a single number (3.0); "
        "pass e.g. [1.0, 2.0, 4.0]",
        id="expectation-scalar-values",
    ),
    pytest.param(
        lambda: discrete_expectation([1.0, 2.0], [[0.5, 0.5], [0.5, 0.5]], axis=1),
        "axis=1 is out of range for values of shape (2,); use an axis between -1 and 0",
        id="expectation-axis-out-of-range-for-values",
    ),
    pytest.param(
        lambda: discrete_expectation(np.ones((3, 2)), np.full((2, 2), 0.5)),
        "values (shape (3, 2)) and p (shape (2, 2)) cannot be broadcast together; pass one row "
        "of values per row of p, or a single row for all of them",
        id="expectation-rows-do-not-broadcast",
    ),
    pytest.param(
        lambda: jensen_gap_log([0.0, 1.0], [0.5, 0.5]),
        "values must be > 0 wherever p > 0 (ln x needs x > 0), got 0.0; "
        "E[ln X] is not defined for such an X",
        id="jensen-nonpositive-value",
    ),
    pytest.param(
        lambda: sample_mean_spread([[0.0, 1.0]], [0.5, 0.5], [3], 10, np.random.default_rng(0)),
        "values must be one-dimensional, got shape (1, 2); flatten it first",
        id="spread-values-2d",
    ),
    pytest.param(
        lambda: sample_mean_spread([0.0, 1.0], [0.5, 0.4], [3], 10, np.random.default_rng(0)),
        "p sums to 0.9, not 1; pass probabilities, or pass normalize=True to rescale counts or "
        "weights explicitly",
        id="spread-p-does-not-sum-to-1",
    ),
    pytest.param(
        lambda: sample_mean_spread([0.0, 1.0], [0.5, 0.5], [], 10, np.random.default_rng(0)),
        "sizes is empty; pass at least one value",
        id="spread-no-sizes",
    ),
    pytest.param(
        lambda: sample_mean_spread([0.0, 1.0], [0.5, 0.5], [3, 0], 10, np.random.default_rng(0)),
        "sizes must be whole numbers >= 1, got [3.0, 0.0]",
        id="spread-size-zero",
    ),
    pytest.param(
        lambda: sample_mean_spread([0.0, 1.0], [0.5, 0.5], [3], 0, np.random.default_rng(0)),
        "replications must be at least 2, got 0 (a spread needs two estimates)",
        id="spread-replications-zero",
    ),
    pytest.param(
        lambda: sample_mean_spread([0.0, 1.0], [0.5, 0.5], [3], 1, np.random.default_rng(0)),
        "replications must be at least 2, got 1 (a spread needs two estimates)",
        id="spread-one-replication",
    ),
])
def test_expectation_messages_in_full(call, message):
    with pytest.raises(ValueError) as excinfo:
        call()
    assert str(excinfo.value) == message


def test_jensen_gap_placeholder_for_probability_zero_cannot_overflow():
    # E[X] = 1e-308: the p = 0 outcome must not turn into x/E[X] = inf (and a NaN term).
    assert jensen_gap_log([1e-308, 5.0], [1.0, 0.0]) == 0.0


def test_sample_mean_spread_smallest_sizes_and_replications():
    # N = 1 is a valid sample size: the spread of single draws is sigma (0.5 for a fair 0/1 coin).
    sd = sample_mean_spread([0.0, 1.0], [0.5, 0.5], [1], 4000, np.random.default_rng(_RNG_SEED))
    assert sd.shape == (1,) and abs(sd[0] - 0.5) < 0.03
    # Two replications are enough: two means a, b in {0, 1} have standard deviation (ddof=1)
    # |a - b| / sqrt(2), so 0 or sqrt(1/2).
    for seed in range(5):
        (two,) = sample_mean_spread([0.0, 1.0], [0.5, 0.5], [1], 2, np.random.default_rng(seed))
        assert two == 0.0 or two == pytest.approx(math.sqrt(0.5), rel=1e-15)
