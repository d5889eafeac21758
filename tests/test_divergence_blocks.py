"""The blocked KL kernel and the other discrete divergences at their edges (mutation audit).

With tests/test_divergence_mutants.py (the near-equal series, subnormal ratios, messages).

``kl_divergence`` evaluates long rows in column blocks of ``_BLOCK`` entries and many short rows in
row blocks, picks per block the series or the logarithm form first, and recomputes "suspect" rows
(a ratio q/p below the normal float range, a non-finite total) entry by entry. These tests put
entries right at block boundaries, suspect entries in one block of a long row only, and near-equal
entries where the logarithm form would lose digits, and compare with independent references:
50-digit mpmath for every term that is small or delicate, ``scipy.special.rel_entr`` (plus the
stable form's q − p) for the rest, ``scipy.stats.wasserstein_distance`` and hand values.
"""

from __future__ import annotations

import math

import mpmath
import numpy as np
import pytest
from scipy.special import rel_entr
from scipy.stats import wasserstein_distance

from kl_helpers import (
    cross_entropy,
    entropy,
    js_divergence,
    kl_divergence,
    kl_terms,
    total_variation,
    wasserstein1,
)
from kl_helpers import divergence as dv

BLOCK = dv._BLOCK


def _mp_term(a: float, b: float) -> mpmath.mpf:
    """One term of the stable form, p ln(p/q) − p + q (just q where p = 0), to 50 digits."""
    a, b = mpmath.mpf(float(a)), mpmath.mpf(float(b))
    if a == 0:
        return b
    if b == 0:
        return mpmath.inf
    return a * mpmath.log(a / b) - a + b


def _reference_kl(p: np.ndarray, q: np.ndarray) -> float:
    """The stable-form sum: mpmath where a term is delicate, rel_entr − p + q elsewhere (fsum)."""
    p, q = np.asarray(p, float), np.asarray(q, float)
    with np.errstate(divide="ignore", invalid="ignore"):
        r = np.abs(q - p) / p
        easy = (p > 0) & (q / p > 1e-300) & (r > 0.01) & np.isfinite(r)
    parts = list(rel_entr(p[easy], q[easy]) - p[easy] + q[easy])
    hard_at = ~easy & (p != q)  # equal entries contribute exactly 0
    with mpmath.workdps(50):
        hard = mpmath.fsum(_mp_term(a, b) for a, b in zip(p[hard_at], q[hard_at], strict=True))
    return math.fsum([*parts, float(hard)]) if hard != mpmath.inf else math.inf


# --- _near_terms and _kl_terms_exact -------------------------------------------------------------


def test_series_term_is_exactly_zero_for_equal_entries():
    assert dv._near_terms(np.array([0.25, 0.5]), np.array([0.0, -0.0])).tolist() == [0.0, 0.0]


def test_exact_path_entry_by_entry_and_inputs_untouched():
    p = np.array([0.25, 0.25 * (1 + 1e-7), 0.2, 0.0, 0.3 - 0.25 * 1e-7, 1e-3, 0.0])
    q = np.array([0.25 * (1 + 3e-3), 0.25, 0.35, 0.05, 0.0, 1e-320, 0.0])
    p_in, q_in = p.copy(), q.copy()
    terms = dv._kl_terms_exact(p, q)
    np.testing.assert_array_equal(p, p_in)
    np.testing.assert_array_equal(q, q_in)
    with mpmath.workdps(50):
        expected = [float(_mp_term(a, b)) for a, b in zip(p, q, strict=True)]
    assert terms[4] == math.inf
    assert terms[6] == 0.0 and terms[3] == 0.05
    for t, e in zip(terms, expected, strict=True):
        assert t == pytest.approx(e, rel=1e-14, abs=0)


# --- the blocked kernel --------------------------------------------------------------------------


def _equal_pair(n: int, seed: int) -> tuple[np.ndarray, np.ndarray]:
    """p and an identical q (every term exactly 0), to perturb at chosen entries."""
    p = np.random.default_rng(seed).uniform(1.0, 2.0, n)
    p /= p.sum()
    return p, p.copy()


def _shift(q: np.ndarray, i: int, j: int, r: float) -> None:
    """Move r·q[i] of mass from entry j to entry i (sums unchanged up to rounding)."""
    delta = r * q[i]
    q[i] += delta
    q[j] -= delta


def test_long_row_counts_every_entry_once_at_the_block_edges():
    # Near-equal (series) changes at the first and last entry of each column block, and one far
    # change: a skipped or double-counted boundary entry shifts the total by a whole term.
    n = 2 * BLOCK + 3
    p, q = _equal_pair(n, 1)
    for k, (i, j) in enumerate([(0, 5), (BLOCK - 1, 9), (BLOCK, 11), (2 * BLOCK - 1, 13),
                                (2 * BLOCK, 17), (n - 1, 19)]):
        _shift(q, i, j, 3e-3 * (1 + k / 10))
    _shift(q, BLOCK + 7, BLOCK + 20, 0.5)
    got = kl_divergence(p, q)
    assert got == pytest.approx(_reference_kl(p, q), rel=1e-13, abs=0)


def test_many_short_rows_in_several_row_blocks_each_count_once():
    # n = 2000: row blocks of _BLOCK // n = 8 rows; 19 rows make three blocks, the last partial.
    n, rows = 2000, 19
    step = BLOCK // n
    assert rows > 2 * step
    p = np.empty((rows, n))
    q = np.empty((rows, n))
    for i in range(rows):
        p[i], q[i] = _equal_pair(n, 100 + i)
        _shift(q[i], i, n - 1 - i, 1e-3 * (i + 1))
        if i % 3 == 0:
            _shift(q[i], 40 + i, 60, 0.3)
    q[0] = p[0]  # an exactly equal first row: exactly 0
    got = kl_divergence(p, q)
    expected = [_reference_kl(a, b) for a, b in zip(p, q, strict=True)]
    assert got[0] == 0.0
    # The donor entries n − 1 − i have |r| up to ~0.04: the logarithm form, accurate to ~2e-11
    # relatively just above the switch at 0.004 (a lost or doubled term would be ~50 %).
    np.testing.assert_allclose(got, expected, rtol=3e-11, atol=0)


def test_mostly_far_short_rows_with_zeros_and_a_subnormal_ratio():
    # Unrelated distributions (the logarithm form first), some with p = 0 (q/p infinite), one
    # with q = 0 where p > 0 (infinite), one with a subnormal ratio, in three row blocks.
    n, rows = 2000, 19
    rng = np.random.default_rng(5)
    p = rng.uniform(1.0, 2.0, (rows, n))
    q = rng.uniform(1.0, 2.0, (rows, n))
    p[2, :7] = 0.0
    q[4, 3] = 0.0
    p[9, 30], q[9, 30] = 40.0, 0.0
    p /= p.sum(axis=1, keepdims=True)
    q /= q.sum(axis=1, keepdims=True)
    q[9, 30] = 1e-322
    got = kl_divergence(p, q)
    expected = [_reference_kl(a, b) for a, b in zip(p, q, strict=True)]
    assert got[4] == math.inf
    np.testing.assert_allclose(np.delete(got, 4), np.delete(expected, 4), rtol=1e-13, atol=0)


def test_far_entries_in_a_mostly_near_row():
    # p = 0 entries (the term is q), a doubled entry and a q = 0 entry, among equal entries.
    p, q = _equal_pair(40, 8)
    p[3], q[3] = 0.0, p[3]
    q[5] += p[3 + 1]
    _shift(q, 7, 8, 0.4)
    got = kl_divergence(p / p.sum(), q / q.sum())
    assert got == pytest.approx(_reference_kl(p / p.sum(), q / q.sum()), rel=1e-13, abs=0)
    p2, q2 = _equal_pair(40, 9)
    q2[11], q2[12] = 0.0, q2[12] + q2[11]
    assert kl_divergence(p2, q2) == math.inf


def test_three_dimensional_input_keeps_its_shape_and_rows():
    rng = np.random.default_rng(11)
    p = rng.dirichlet(np.ones(5), size=(2, 3))
    q = rng.dirichlet(np.ones(5), size=(2, 3))
    got = kl_divergence(p, q)
    assert got.shape == (2, 3)
    for idx in np.ndindex(2, 3):
        assert got[idx] == pytest.approx(_reference_kl(p[idx], q[idx]), rel=1e-13, abs=0)
    got0 = kl_divergence(np.moveaxis(p, -1, 0), np.moveaxis(q, -1, 0), axis=0)
    np.testing.assert_allclose(got0, got, rtol=1e-15, atol=0)


# --- kl_terms, entropy, cross-entropy ------------------------------------------------------------


def test_kl_terms_match_rel_entr_and_keep_the_axis():
    p = np.array([[0.2, 0.5, 0.3, 0.0], [0.5, 0.5, 0.0, 0.0]])
    q = np.array([[0.3, 0.4, 0.2, 0.1], [1.0, 0.0, 0.0, 0.0]])
    expected = rel_entr(p, q)
    np.testing.assert_allclose(kl_terms(p, q), expected, rtol=1e-15, atol=0)
    np.testing.assert_allclose(kl_terms(p.T, q.T, axis=0), expected.T, rtol=1e-15, atol=0)
    np.testing.assert_allclose(kl_terms(p, q, base=2), expected / math.log(2), rtol=1e-15, atol=0)
    assert kl_terms(p, q)[1, 1] == math.inf


def test_entropy_and_cross_entropy_by_hand():
    assert entropy([0.5, 0.25, 0.25, 0.0], base=2) == 1.5
    assert math.copysign(1.0, entropy([0.0, 1.0])) == 1.0
    assert entropy([[1.0, 0.0], [0.25, 0.75]])[1] == pytest.approx(
        -0.25 * math.log(0.25) - 0.75 * math.log(0.75), rel=1e-15)
    # H(p, q) = −Σ p ln q; p = 0 where q = 0 contributes nothing.
    assert cross_entropy([0.5, 0.5, 0.0], [0.25, 0.75, 0.0]) == pytest.approx(
        -0.5 * math.log(0.25) - 0.5 * math.log(0.75), rel=1e-15)
    np.testing.assert_array_equal(cross_entropy([[0.5, 0.5], [1.0, 0.0]], [1.0, 0.0]), [math.inf, 0.0])
    assert cross_entropy([0.5, 0.5], [0.5, 0.5], base=2) == 1.0


# --- JS, total variation, Wasserstein ------------------------------------------------------------


def _mp_js(p, q) -> float:
    with mpmath.workdps(50):
        total = mpmath.mpf(0)
        for a, b in zip(p, q, strict=True):
            a, b = mpmath.mpf(float(a)), mpmath.mpf(float(b))
            m = (a + b) / 2
            total += (a * mpmath.log(a / m) if a else 0) + (b * mpmath.log(b / m) if b else 0)
        return float(total / 2)


@pytest.mark.parametrize(
    ("p", "q"),
    [
        ([0.3 + 1e-7, 0.7 - 1e-7], [0.3 - 1e-7, 0.7 + 1e-7]),  # |t| tiny: the artanh form
        ([0.2, 0.5, 0.3], [0.3, 0.4, 0.3]),
        ([0.1, 0.45, 0.45], [0.3, 0.15, 0.55]),  # |t| = 1/2 exactly and beyond
        ([0.7, 0.0, 0.3], [0.1, 0.6, 0.3]),  # t = ±1 and t near 0.75
        ([0.05, 0.95, 0.0], [0.0, 0.05, 0.95]),
    ],
)
def test_js_matches_50_digit_values(p, q):
    expected = _mp_js(p, q)
    assert js_divergence(p, q) == pytest.approx(expected, rel=1e-14, abs=0)
    assert js_divergence(q, p) == pytest.approx(expected, rel=1e-14, abs=0)
    assert js_divergence(p, q, base=2) == pytest.approx(expected / math.log(2), rel=1e-14, abs=0)


def test_js_of_disjoint_supports_is_exactly_the_maximum():
    assert js_divergence([0.5, 0.5, 0.0, 0.0], [0.0, 0.0, 0.25, 0.75]) == math.log(2)
    np.testing.assert_array_equal(js_divergence([[1.0, 0.0], [0.5, 0.5]], [0.0, 1.0]),
                                  [math.log(2), _mp_js([0.5, 0.5], [0.0, 1.0])])


def test_total_variation_by_hand():
    assert total_variation([0.2, 0.5, 0.3], [0.3, 0.4, 0.3]) == pytest.approx(0.1, rel=1e-15)
    assert total_variation([0.5, 0.5, 0.0], [0.0, 0.0, 1.0]) == 1.0
    np.testing.assert_allclose(total_variation([[0.5, 0.5], [0.25, 0.75]], [1.0, 0.0], axis=-1),
                               [0.5, 0.75], rtol=1e-15)
    np.testing.assert_allclose(total_variation([[0.5, 0.25], [0.5, 0.75]], [[1.0], [0.0]], axis=0),
                               [0.5, 0.75], rtol=1e-15)


@pytest.mark.parametrize("seed", [0, 1])
def test_wasserstein_matches_scipy(seed):
    rng = np.random.default_rng(seed)
    x = np.cumsum(rng.uniform(0.1, 2.0, 6)) - 3.0
    p = rng.dirichlet(np.ones(6))
    q = rng.dirichlet(np.ones(6), size=3)
    got = wasserstein1(p, q, x)
    assert got.shape == (3,)
    for row, value in zip(q, got, strict=True):
        assert value == pytest.approx(wasserstein_distance(x, x, p, row), rel=1e-12, abs=0)
    assert wasserstein1([1, 3, 0], [0, 0, 2], [0.0, 1.0, 5.0], normalize=True) == pytest.approx(
        0.25 * 5 + 0.75 * 4, rel=1e-15)
    assert wasserstein1([0.0, 1.0], [0.0, 1.0], [-1.0, 1.0]) == 0.0


# --- normalisation and argument names in messages ------------------------------------------------

SUMS_TO = ("{} sums to {}, not 1; pass probabilities, or pass normalize=True to rescale counts or weights "
           "explicitly")


