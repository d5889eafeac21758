"""One test per kind of bad input: the error type, and a message naming the argument and the fix."""

import math
import re

import numpy as np
import pytest

import kl_helpers as kh
from kl_helpers import (
    cross_entropy,
    entropy,
    kl_divergence,
    kl_normal_normal,
    normal_cross_entropy,
    normal_entropy,
    normal_logpdf,
)

P = [0.2, 0.5, 0.3]

DISCRETE = [
    pytest.param(lambda p, q: kl_divergence(p, q), id="kl_divergence"),
    pytest.param(lambda p, q: cross_entropy(p, q), id="cross_entropy"),
]


@pytest.mark.parametrize("func", DISCRETE)
def test_different_shapes(func):
    with pytest.raises(ValueError, match=r"p and q must describe the same outcomes.*3 entries.*2"):
        func(P, [0.5, 0.5])


@pytest.mark.parametrize("func", DISCRETE)
def test_empty(func):
    with pytest.raises(ValueError, match="p is empty"):
        func([], [])


@pytest.mark.parametrize("func", DISCRETE)
def test_negative_entry(func):
    with pytest.raises(ValueError, match=r"q has a negative entry \(-0.1\) at index 1.*>= 0"):
        func(P, [0.6, -0.1, 0.5])


@pytest.mark.parametrize("bad", [math.nan, math.inf, -math.inf])
def test_non_finite(bad):
    with pytest.raises(ValueError, match=r"p contains a non-finite value .* at flat index 0"):
        kl_divergence([bad, 0.5, 0.5], P)


@pytest.mark.parametrize(
    ("bad", "match"),
    [
        (["a", "b"], r"p must hold real numbers, got values of type <U1 .*convert them to float"),
        ("0.5,0.5", r"p must be numbers, not a string \('0.5,0.5'\); pass e.g. \[0.2, 0.8\]"),
        ([None, 0.5], r"p must hold real numbers, got values of type object"),
        ([1 + 0j, 0j], r"p must hold real numbers, got values of type complex128"),
    ],
)
def test_non_numeric(bad, match):
    with pytest.raises(TypeError, match=match):
        entropy(bad)


def test_booleans_refused():
    with pytest.raises(TypeError, match="p holds booleans"):
        entropy([True, False])


def test_ragged_refused():
    with pytest.raises(ValueError, match="p is ragged"):
        entropy([[0.5], [0.25, 0.25]])


def test_rows_are_checked_one_by_one():
    # 2-D input is one distribution per row (axis=-1); a bad row is named.
    with pytest.raises(ValueError, match=r"p \(row 1\) sums to 0\.5, not 1"):
        entropy([[0.5, 0.5], [0.25, 0.25]])
    with pytest.raises(ValueError, match=r"p has a negative entry \(-0\.5\) at row 1, index 0"):
        entropy([[0.5, 0.5], [-0.5, 1.5]])


def test_does_not_sum_to_one():
    with pytest.raises(ValueError, match=r"q sums to 0\.9, not 1.*normalize=True"):
        kl_divergence(P, [0.3, 0.3, 0.3])


def test_all_zero_cannot_be_normalised():
    with pytest.raises(ValueError, match="q is all zeros"):
        kl_divergence(P, [0, 0, 0], normalize=True)


@pytest.mark.parametrize("base", [0, -2, 1, 0.5, math.inf, math.nan])
def test_bad_base(base):
    with pytest.raises(ValueError, match=r"base must be a finite number > 1.*math.e.*2 for bits"):
        kl_divergence(P, P, base=base)


@pytest.mark.parametrize("base", ["2", None, True])
def test_base_type(base):
    with pytest.raises(TypeError, match="base must be a real number"):
        entropy(P, base=base)


@pytest.mark.parametrize("sigma", [0.0, -1.0])
def test_gaussian_sigma_must_be_positive(sigma):
    with pytest.raises(ValueError, match=r"sigma_q must be > 0"):
        kl_normal_normal(0.0, 1.0, 0.0, sigma)
    with pytest.raises(ValueError, match=r"sigma_p must be > 0"):
        normal_cross_entropy(0.0, sigma, 0.0, 1.0)
    with pytest.raises(ValueError, match=r"sigma must be > 0"):
        normal_entropy(sigma)
    with pytest.raises(ValueError, match=r"sigma must be > 0"):
        normal_logpdf(0.0, 0.0, sigma)


def test_gaussian_non_finite_mean():
    with pytest.raises(ValueError, match="mu_p contains a non-finite value"):
        kl_normal_normal(np.nan, 1.0, 0.0, 1.0)


def test_gaussian_non_numeric():
    with pytest.raises(TypeError, match="mu must be numbers, not a string"):
        normal_logpdf(0.0, "0", 1.0)


# --- found by the mutation audit (make mutation) ---------------------------------------------------


def test_rows_of_a_three_dimensional_input_are_named_by_their_index():
    # Bug found by the audit: numpy 2 printed these as "row (np.int64(1), np.int64(0))".
    a = np.full((2, 2, 2), 0.5)
    a[1, 0] = [1.5, -0.5]
    with pytest.raises(ValueError, match=r"^p has a negative entry \(-0\.5\) at row \(1, 0\), index 1; "
                                         r"probabilities must be >= 0$"):
        entropy(a)
    b = np.full((2, 2, 2), 0.5)
    b[1, 0, 1] = 0.6
    with pytest.raises(ValueError, match=r"^p \(row \(1, 0\)\) sums to 1\.1, not 1;"):
        entropy(b)


def test_first_negative_entry_is_reported_even_after_a_zero():
    with pytest.raises(ValueError,
                       match=r"^q has a negative entry \(-0\.1\) at index 1; probabilities must be >= 0$"):
        kl_divergence(P, [0.0, -0.1, 1.1])


def test_overflowing_sum_with_zero_or_small_entries():
    for p in ([0.0, 1e308, 1e308], [0.5, 1e308, 1e308]):
        with pytest.raises(ValueError, match=r"^p has entries so large that their sum overflows; pass "
                                             r"probabilities \(summing to 1\), or pass normalize=True"):
            kl_divergence(p, P)


def test_non_finite_message_in_full():
    with pytest.raises(ValueError, match=r"^p contains a non-finite value \(nan\) at flat index 0; "
                                         r"every entry must be a finite number$"):
        kl_divergence([math.nan, 0.5, 0.5], P)


def test_as_distribution_validates_and_normalises():
    from kl_helpers._validate import as_distribution

    np.testing.assert_array_equal(as_distribution([1, 3], "w", normalize=True), [0.25, 0.75])
    with pytest.raises(ValueError, match=r"^w must be a one-dimensional vector of probabilities, got shape "
                                         r"\(1, 2\)$"):
        as_distribution([[0.5, 0.5]], "w")


def test_one_count_is_a_distribution():
    from kl_helpers import categorical_mle

    assert categorical_mle([5]).tolist() == [1.0]


@pytest.mark.parametrize(
    ("call", "error", "message"),
    [
        (lambda: kh.kl_estimates_normal(0, 1, 0, 1, 5, 5, rng=1), TypeError,
         "rng must be a numpy Generator, got int; create one with np.random.default_rng(seed)"),
        (lambda: kh.kl_estimator_terms([0.0], [0.0], 1), TypeError,
         "estimator must be a string, one of 'k1', 'k2', 'k3'; got 1"),
        (lambda: kh.kl_estimate(1, lambda x: x, [1.0]), TypeError,
         "logp must be a function returning log-densities, got int; pass e.g. lambda x: "
         "gaussian_logpdf(x, 0.0, 1.0)"),
        (lambda: kh.kl_estimates_normal(0, 1, 0, 1, 2.5, 5, np.random.default_rng(0)), TypeError,
         "n must be an integer, got 2.5"),
    ],
)
def test_shared_messages_in_full(call, error, message):
    with pytest.raises(error, match=f"^{re.escape(message)}$"):
        call()


# --- Messages and behaviour pinned in full by the mutation audit of kl_helpers._validate ---

from kl_helpers._validate import (  # noqa: E402
    as_distribution,
    as_distributions,
    as_real_array,
    broadcast_pair,
    positive,
)


@pytest.mark.parametrize(
    ("call", "message"),
    [
        pytest.param(
            lambda: as_distributions(float("nan"), "p"),
            "p must be a vector of probabilities (at least one-dimensional), got a single "
            "number (nan); pass e.g. [0.2, 0.8]",
            id="nan-scalar-is-reported-as-a-scalar",
        ),
        pytest.param(
            lambda: as_distribution([[float("nan"), 1.0]], "p"),
            "p must be a one-dimensional vector of probabilities, got shape (1, 2)",
            id="2d-with-nan-is-reported-as-2d",
        ),
        pytest.param(
            lambda: as_distributions([0.5, 0.5], "p", axis=1),
            "axis=1 is out of range for p of shape (2,); use an axis between -1 and 0",
            id="axis-out-of-range",
        ),
        pytest.param(
            lambda: as_distributions(np.zeros((0, 2)), "p"),
            "p has shape (0, 2) and holds no distribution; pass at least one",
            id="no-rows",
        ),
        pytest.param(
            lambda: as_distributions([np.inf, -np.inf], "p"),
            "p contains a non-finite value (inf) at flat index 0; every entry must be a finite number",
            id="inf-plus-minus-inf-without-numpy-warning",
        ),
        pytest.param(
            lambda: as_distributions([0.0, 0.0], "p", normalize=True),
            "p is all zeros, so it cannot be normalised to sum to 1",
            id="all-zeros-1d",
        ),
        pytest.param(
            lambda: as_distributions([[1.0, 1.0], [0.0, 0.0]], "p", normalize=True),
            "p is all zeros (row 1), so it cannot be normalised to sum to 1",
            id="all-zeros-row",
        ),
        pytest.param(
            lambda: as_real_array([1 + 2j, 3j], "p"),
            # numpy 2 shows np.complex128(1+2j), numpy 1 (1+2j)
            f"p must hold real numbers, got values of type complex128 (e.g. {np.complex128(1 + 2j)!r}); "
            "convert them to float first",
            id="complex-array-shows-first-entry",
        ),
        pytest.param(
            lambda: positive("1", "sigma"),
            "sigma must be numbers, not a string ('1'); pass e.g. [0.2, 0.8]",
            id="positive-names-the-argument-for-a-string",
        ),
        pytest.param(
            lambda: as_real_array([None, 1.0], "x"),
            "x must hold real numbers, got values of type object (e.g. None); "
            "convert them to float first",
            id="object-array-shows-first-entry",
        ),
        # With axis != -1 the messages point into the array the caller passed: flat index 4 is
        # [1, 1] of the 2 x 3 input (not of its 3 x 2 transpose), and its distributions are columns.
        pytest.param(
            lambda: as_distributions([[0.5, 0.5, 0.2], [0.5, np.nan, 0.8]], "p", axis=0),
            "p contains a non-finite value (nan) at flat index 4; every entry must be a finite number",
            id="non-finite-flat-index-in-the-callers-array",
        ),
        pytest.param(
            lambda: as_distributions(np.where(np.arange(12).reshape(2, 3, 2) == 10, np.inf, 0.5), "p",
                                     axis=1),
            "p contains a non-finite value (inf) at flat index 10; every entry must be a finite number",
            id="non-finite-flat-index-3d-middle-axis",
        ),
        pytest.param(
            lambda: as_distributions([[0.5, 0.5, 1.2], [0.5, 0.5, -0.2]], "p", axis=0),
            "p has a negative entry (-0.2) at column 2, index 1; probabilities must be >= 0",
            id="negative-entry-names-the-column",
        ),
        pytest.param(
            lambda: as_distributions([[0.5, 0.5, 0.2], [0.5, 0.4, 0.8]], "p", axis=0),
            "p (column 1) sums to 0.9, not 1; pass probabilities, or pass normalize=True to rescale "
            "counts or weights explicitly",
            id="sum-names-the-column",
        ),
        pytest.param(
            lambda: as_distributions([[1.0, 0.0], [1.0, 0.0]], "p", axis=0, normalize=True),
            "p is all zeros (column 1), so it cannot be normalised to sum to 1",
            id="all-zeros-column",
        ),
        pytest.param(
            lambda: as_real_array(np.array([], dtype=complex), "x"),
            "x must hold real numbers, got values of type complex128; convert them to float first",
            id="empty-complex-array-has-no-example",
        ),
        pytest.param(
            lambda: broadcast_pair(np.full(2, 0.5), np.full(3, 1 / 3), ("p", "q")),
            "p and q must describe the same outcomes, but p has 2 entries and q has 3 "
            "(along the outcome axis)",
            id="broadcast-pair-outcomes",
        ),
        pytest.param(
            lambda: broadcast_pair(np.full((2, 2), 0.5), np.full((3, 2), 0.5), ("p", "q")),
            "p (shape (2, 2)) and q (shape (3, 2), outcome axis last) hold different numbers of "
            "distributions that do not broadcast; pass one distribution, or the same number of "
            "rows in both",
            id="broadcast-pair-rows",
        ),
        pytest.param(
            lambda: positive([0.5, -1.0], "sigma"),
            "sigma must be > 0 (a standard deviation or scale), got -1.0",
            id="positive-reports-the-first-non-positive-entry",
        ),
        pytest.param(
            lambda: positive([float("nan")], "sigma"),
            "sigma contains a non-finite value (nan) at flat index 0; every entry must be a "
            "finite number",
            id="positive-names-the-argument-for-nan",
        ),
    ],
)
def test_validator_messages_in_full(call, message):
    with pytest.raises((ValueError, TypeError)) as excinfo:
        call()
    assert str(excinfo.value) == message


def test_normalize_rescales_each_row_by_its_own_size():
    # Rows of very different magnitude: 1e-300 against 1e308 would underflow if scaled together.
    out = as_distributions([[1e308, 1e308], [1e-300, 3e-300]], "p", normalize=True)
    np.testing.assert_allclose(out, [[0.5, 0.5], [0.25, 0.75]], rtol=1e-15)


def test_valid_float_input_is_not_copied():
    # The documented "a view where possible": validation costs no copy of a float array.
    p = np.array([[0.25, 0.75], [0.5, 0.5]])
    assert np.shares_memory(as_distributions(p, "p"), p)
    assert np.shares_memory(as_real_array(p, "p"), p)
