"""Checks of kl_helpers.divergence that the mutation audit (``make mutation``) showed missing.

Each compares with an independent reference: mpmath at 60 digits, scipy, or a value worked out
by hand. The equivalent mutants that remain (performance-only choices, placeholders that
``np.where`` discards) are listed in CONTRIBUTING.md's "Mutation testing" section.
"""

from __future__ import annotations

import math
import warnings

import mpmath
import numpy as np
import pytest
import scipy.stats

import kl_helpers as kh


@pytest.fixture(autouse=True)
def _sixty_digits():
    # The references' precision, for this module's tests only (not mpmath's global setting,
    # which other test modules share).
    with mpmath.workdps(60):
        yield


def _stable_form(p: np.ndarray, q: np.ndarray) -> mpmath.mpf:
    """Σ_{p>0} p·(r − ln(1 + r)) + Σ_{p=0} q, r = (q − p)/p, exactly for these float values.

    The form kl_divergence promises to evaluate (its Notes): equal to Σ p ln(p/q) when Σq = Σp.
    """
    total = mpmath.mpf(0)
    for a, b in zip(p.tolist(), q.tolist(), strict=True):
        a, b = mpmath.mpf(a), mpmath.mpf(b)
        if a > 0:
            r = (b - a) / a
            total += a * (r - mpmath.log1p(r))
        else:
            total += b
    return total


@pytest.mark.parametrize("r", [0.00399, -0.00399, 0.0035, -0.0035, 0.003, -0.002, 0.001, 1e-4, -1e-6])
def test_the_series_for_near_equal_terms_is_accurate_to_about_one_ulp(r):
    # One term p·(r − ln(1 + r)) (p = 1/2, so d/p is exact). Just below the switch |r| = 0.004
    # the series' last terms (2u^5/5, 2u^7/7 with u ~ 0.002) still count at the 1e-9 and 1e-15
    # level; measured error: <= 1.6e-16. (Through kl_divergence the tail, odd in r, cancels
    # between entries that move by ±r, and a sum of many terms adds its own rounding.)
    from kl_helpers.divergence import _near_terms

    p, d = np.array([0.5]), np.array([0.5 * r])
    exact = mpmath.mpf(0.5) * (mpmath.mpf(r) - mpmath.log1p(mpmath.mpf(r)))
    assert abs(_near_terms(p, d)[0] - exact) <= 2.5e-16 * exact


def test_a_deeply_subnormal_ratio_among_mostly_near_entries_is_recomputed_exactly():
    # Three of five entries are equal (the series path), one is far, and q/p = 1e-320/0.3 is
    # rounded to a subnormal with about 4 significant digits: its logarithm must come from
    # ln q − ln p.
    p = np.array([0.3, 0.1, 0.2, 0.2, 0.2])
    q = np.array([1e-320, 0.4, 0.2, 0.2, 0.2])
    exact = sum(mpmath.mpf(a) * (mpmath.log(a) - mpmath.log(b)) for a, b in zip(p.tolist(), q.tolist(),
                                                                             strict=True))
    assert abs(kh.kl_divergence(p, q) - exact) <= 1e-14 * exact


def _js_exact(p: list[float], q: list[float]) -> mpmath.mpf:
    total = mpmath.mpf(0)
    for a, b in zip(p, q, strict=True):
        a, b = mpmath.mpf(a), mpmath.mpf(b)
        m = (a + b) / 2
        total += (a * mpmath.log(a / m) if a else 0) / 2 + (b * mpmath.log(b / m) if b else 0) / 2
    return total


@pytest.mark.parametrize("e", [1e-6, 1e-4, 0.3])
def test_js_of_nearly_equal_distributions_keeps_its_digits(e):
    # JS ~ e²/2 here; the plain u ln u + v ln v would lose about eps/e of it (1e-10 at e = 1e-6).
    p, q = [0.5, 0.5], [0.5 + e, 0.5 - e]
    exact = _js_exact(p, q)
    assert abs(kh.js_divergence(p, q) - exact) <= 1e-15 * exact


def test_entropy_of_a_certain_outcome_is_plus_zero():
    # -Σ p ln p over [1, 0] is -(1·0) = -0.0 in floating point; the result is +0.0.
    for p in ([1.0, 0.0], [0.0, 1.0], [1.0]):
        h = kh.entropy(p)
        assert h == 0.0 and math.copysign(1.0, h) == 1.0, (p, h)


def test_total_variation_of_disjoint_supports_is_one_even_when_the_sums_round_above_one():
    # Both sum to 1 + 4e-10 (within the 1e-9 tolerance): ½ Σ |p − q| = 1 + 4e-10, reported as 1.
    p, q = [1 + 4e-10, 0.0], [0.0, 1 + 4e-10]
    assert kh.total_variation(p, q) == 1.0


def test_normalize_is_off_by_default_and_works_when_asked():
    counts_p, counts_q = [1.0, 3.0], [2.0, 2.0]
    message = ("p sums to 4, not 1; pass probabilities, or pass normalize=True to rescale counts or "
               "weights explicitly")
    for f in (kh.kl_terms, kh.total_variation):
        with pytest.raises(ValueError) as info:
            f(counts_p, counts_q)
        assert str(info.value) == message
    with pytest.raises(ValueError) as info:
        kh.wasserstein1(counts_p, counts_q, [0.0, 1.0])
    assert str(info.value) == message
    # p = (1/4, 3/4), q = (1/2, 1/2): terms p ln(p/q), TV = 1/4, W1 = |1/4 − 1/2| · 1 = 1/4.
    np.testing.assert_allclose(kh.kl_terms(counts_p, counts_q, normalize=True),
                               [0.25 * math.log(0.5), 0.75 * math.log(1.5)], rtol=1e-15)
    assert kh.total_variation(counts_p, counts_q, normalize=True) == pytest.approx(0.25, rel=1e-15)
    assert kh.wasserstein1(counts_p, counts_q, [0.0, 1.0], normalize=True) == pytest.approx(0.25, rel=1e-15)


@pytest.mark.parametrize(("p", "q"), [
    ([0.5, 0.5], [1e-310, 1.0 - 1e-310]),  # p/q = 5e309 overflows
    ([1e-310, 1.0 - 1e-310], [0.5, 0.5]),  # p/q = 2e-310 is subnormal (about 4 digits)
])
def test_kl_terms_stay_exact_where_p_over_q_leaves_the_float_range(p, q):
    # ln(p/q) is about ±713 there: each term p·ln(p/q) is an ordinary number, and no numpy
    # warning may escape.
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        terms = kh.kl_terms(p, q)
    exact = [mpmath.mpf(a) * (mpmath.log(a) - mpmath.log(b)) for a, b in zip(p, q, strict=True)]
    np.testing.assert_allclose(terms, [float(e) for e in exact], rtol=1e-15)
    assert terms.sum() == pytest.approx(kh.kl_divergence(p, q), rel=1e-15)


@pytest.mark.parametrize(
    ("outcomes", "p", "message"),
    [
        ([0.0, 0.0, 1.0], [0.2, 0.3, 0.5],
         "outcomes must be strictly increasing; sort the outcomes (and p, q with them)"),
        ([0.0, 1.0, 2.0], [0.5, 0.5],
         "outcomes has 3 positions but p and q have 2 entries; pass one position per outcome"),
        ([], [1.0], "outcomes is empty; pass at least one value"),
        ("0 1", [0.5, 0.5], "outcomes must be numbers, not a string ('0 1'); pass e.g. [0.2, 0.8]"),
    ],
)
def test_wasserstein1_messages(outcomes, p, message):
    with pytest.raises((TypeError, ValueError)) as info:
        kh.wasserstein1(p, p, outcomes)
    assert str(info.value) == message


def test_wasserstein1_works_row_by_row():
    # One p against two q's: each row is its own distance (scipy's, one row at a time).
    x = np.array([0.0, 1.0, 3.0])
    p = np.array([0.2, 0.3, 0.5])
    q = np.array([[0.5, 0.25, 0.25], [0.1, 0.1, 0.8]])
    got = kh.wasserstein1(p, q, x)
    expected = [scipy.stats.wasserstein_distance(x, x, p, row) for row in q]
    assert got.shape == (2,)
    np.testing.assert_allclose(got, expected, rtol=1e-14)


def _kl_exact(p: np.ndarray, q: np.ndarray) -> mpmath.mpf:
    """Σ p ln(p/q) over the entries where p and q differ (equal ones add 0), once per distinct pair."""
    pairs, counts = np.unique(np.stack([p, q])[:, p != q], axis=1, return_counts=True)
    return sum((c * mpmath.mpf(a) * (mpmath.log(a) - mpmath.log(b))
                for (a, b), c in zip(pairs.T.tolist(), counts.tolist(), strict=True)), mpmath.mpf(0))


def _long_row(mostly_near: bool) -> tuple[np.ndarray, np.ndarray]:
    """Two column blocks (2 x 16384 entries): a subnormal q/p in the first, a clean second one."""
    n = 2 * 16_384
    p = np.full(n, 1.0 / n)
    p[:2] = 1.5 / n, 0.5 / n  # so that q/p at entry 0 is rounded (p a power of 2 would divide exactly)
    q = p.copy() if mostly_near else np.where(np.arange(n) % 2 == 0, 1.5, 0.5) / n
    if mostly_near:  # two far entries in the second block too, so that it is checked for them
        q[-2:] = 0.5 / n, 1.5 / n
    q[2] += q[0]  # the mass of entry 0 moves to entry 2 (far from p there) ...
    q[0] = 1e-320  # ... and q/p at entry 0 is a subnormal with about 8 significant digits
    return p, q


@pytest.mark.parametrize("mostly_near", [True, False], ids=["mostly-near", "mostly-far"])
def test_a_subnormal_ratio_in_an_early_block_of_a_long_row_is_not_forgotten(mostly_near):
    p, q = _long_row(mostly_near)
    exact = _kl_exact(p, q)
    assert abs(kh.kl_divergence(p, q) - exact) <= 1e-13 * exact


def test_a_subnormal_ratio_among_mostly_far_entries_is_recomputed_exactly():
    p = np.array([0.3, 0.2, 0.25, 0.25])
    q = np.array([1e-320, 0.5, 0.3, 0.2])  # no entry near p: the logarithm form; q/p = 1e-320/0.3
    exact = _kl_exact(p, q)
    assert abs(kh.kl_divergence(p, q) - exact) <= 1e-14 * exact


def test_near_entries_of_a_mostly_far_row_keep_the_series_accuracy():
    # Half the entries are far (the logarithm form runs first), but they carry mass 2e-9: the
    # near pair (r = ±1e-3) makes almost all of the divergence, and the logarithm form would
    # lose about eps/r = 2e-13 of it to cancellation.
    p = np.array([0.5, 0.5 - 2e-9, 1e-9, 1e-9])
    q = np.array([0.5005, 0.4995 - 2e-9, 1.5e-9, 0.5e-9])
    exact = _stable_form(p, q)
    assert abs(kh.kl_divergence(p, q) - exact) <= 1e-15 * exact
