"""Each evaluation branch of the discrete divergences, at its edges, against 50-digit mpmath.

kl_divergence picks, per entry, a series (|q/p − 1| < 0.004) or the log form, and per block the
order of the two; js_divergence uses log1p for near-equal entries. Away from the edges every
branch is accurate to far below the other tests' tolerances, so mistakes in a series coefficient,
a threshold or a mask only show up right at the edges, at full precision. These tests sit there
(the mutation audit, ``make mutation``, found them missing).
"""

from __future__ import annotations

import mpmath
import numpy as np
import pytest

from kl_helpers import divergence as dv
from kl_helpers import js_divergence, kl_divergence, kl_terms


def _kl_exact(p, q) -> float:
    with mpmath.workdps(50):
        total = mpmath.mpf(0)
        for a, b in zip(p, q, strict=True):
            a, b = mpmath.mpf(float(a)), mpmath.mpf(float(b))
            if a > 0:
                total += a * mpmath.log(a / b) - a + b  # the stable form: same sum, exact here
            else:
                total += b
        return float(total)


def _near_exact(p: float, d: float) -> float:
    with mpmath.workdps(50):
        p, d = mpmath.mpf(p), mpmath.mpf(d)
        r = d / p
        return float(p * (r - mpmath.log1p(r)))


@pytest.mark.parametrize("r", [0.0039, -0.0039, 0.003, -0.002, 1e-3, -1e-5])
def test_series_terms_are_exact_up_to_the_threshold(r):
    # At |r| near 0.004 the u⁵ and u⁷ terms of the series matter at the 1e-13 level.
    p = 0.3
    d = p * r
    got = float(dv._near_terms(np.array([p]), np.array([d]))[0])
    assert got == pytest.approx(_near_exact(p, d), rel=4e-16, abs=0)


def test_the_general_path_is_exact_entry_by_entry():
    # _kl_terms_exact (used for suspect rows) on near, far, zero-p and tiny-q entries at once.
    p = np.array([0.25, 0.25 * (1 + 1e-7), 0.2, 0.0, 0.3 - 0.25 * 1e-7, 1e-300])
    q = np.array([0.25 * (1 + 3e-3), 0.25, 0.35, 0.05, 0.05 - 0.25 * 3e-3, 0.35 - 1e-300])
    terms = dv._kl_terms_exact(p, q)
    with mpmath.workdps(50):
        for a, b, t in zip(p, q, terms, strict=True):
            a, b = mpmath.mpf(float(a)), mpmath.mpf(float(b))
            exact = float(a * mpmath.log(a / b) - a + b) if a > 0 else float(b)
            assert t == pytest.approx(exact, rel=1e-14, abs=0)


def _mostly_near(n: int = 2000, seed: int = 7) -> tuple[np.ndarray, np.ndarray]:
    rng = np.random.default_rng(seed)
    p = rng.uniform(1.0, 2.0, n)
    q = p * (1 + rng.uniform(-1e-3, 1e-3, n))
    return p, q


def test_a_far_entry_with_a_subnormal_ratio_in_a_mostly_near_row():
    # Most entries take the series; one has q/p below the normal range, where q/p loses digits
    # and its row must be recomputed entry by entry.
    p, q = _mostly_near()
    p[5], q[5] = 3.0, 3e-320  # after normalising: p ≈ 1e-3, q ≈ 1e-323, q/p ≈ 1e-320 (3 digits)
    p, q = p / p.sum(), q / q.sum()
    assert 0 < q[5] / p[5] < 1e-300
    assert kl_divergence(p, q) == pytest.approx(_kl_exact(p, q), rel=1e-13, abs=0)


def test_a_far_entry_with_zero_p_in_a_mostly_near_row():
    p, q = _mostly_near()
    p[3], q[3] = 0.0, 2.0
    p, q = p / p.sum(), q / q.sum()
    assert kl_divergence(p, q) == pytest.approx(_kl_exact(p, q), rel=1e-13, abs=0)


def test_a_row_at_exactly_the_block_length_and_one_over():
    for n in (dv._BLOCK, dv._BLOCK + 1):
        p, q = _mostly_near(n, seed=n)
        p, q = p / p.sum(), q / q.sum()
        assert kl_divergence(p, q) == pytest.approx(_kl_exact(p, q), rel=1e-12, abs=0)


def test_kl_terms_refuses_unnormalised_input_by_default():
    with pytest.raises(ValueError, match="sums to"):
        kl_terms([2.0, 1.0], [0.5, 0.5])
    assert kl_terms([2.0, 2.0], [1.0, 1.0], normalize=True).sum() == 0.0


@pytest.mark.parametrize("delta", [1e-9, 1e-6, 0.05])
def test_js_near_equal_entries_keep_every_digit(delta):
    # t = (p − q)/(p + q) small: log1p form; the log form would lose digits like eps/t².
    # p + q = 0.6 and 1.4 per entry (not powers of 2), so 2p/(p + q) carries a rounding error.
    p = np.array([0.3 + delta, 0.7 - delta])
    q = np.array([0.3 - delta, 0.7 + delta])
    with mpmath.workdps(50):
        exact = mpmath.mpf(0)
        for a, b in zip(p, q, strict=True):
            a, b = mpmath.mpf(float(a)), mpmath.mpf(float(b))
            m = (a + b) / 2
            exact += (a * mpmath.log(a / m) + b * mpmath.log(b / m)) / 2
    assert js_divergence(p, q) == pytest.approx(float(exact), rel=1e-12, abs=0)
