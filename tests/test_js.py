"""Jensen–Shannon divergence against scipy, its bounds and symmetry; the comparison panel's curves."""

import math

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from scipy.spatial import distance

from kl_helpers import binned_normal, js_divergence, kl_divergence
from kl_helpers.panels.practice import _SHIFTS, OUTCOMES, DivergenceComparisonPanel


def _distributions(n):
    # Exact zeros (disjoint supports) and ordinary probabilities; no subnormals, where scipy's
    # reference itself returns inf or nan (scipy/scipy#20779).
    entries = st.one_of(st.just(0.0), st.floats(1e-12, 1.0))
    return st.lists(entries, min_size=n, max_size=n).filter(lambda v: sum(v) > 1e-3).map(
        lambda v: np.array(v) / sum(v)
    )


def test_subnormal_probabilities_give_a_finite_tiny_value():
    # Where scipy's jensenshannon overflows, the answer is essentially 0 (q moved 5e-324 of mass).
    assert js_divergence([1.0, 0.0], [1.0, 5e-324], normalize=True) == pytest.approx(0.0, abs=1e-300)


@settings(max_examples=100, deadline=None)
@given(st.integers(2, 6).flatmap(lambda n: st.tuples(_distributions(n), _distributions(n))))
def test_matches_scipy_distance_squared_bounded_and_symmetric(pq):
    p, q = pq
    js = js_divergence(p, q)
    # scipy returns the Jensen–Shannon *distance*, the square root of the divergence.
    assert js == pytest.approx(distance.jensenshannon(p, q) ** 2, abs=1e-12)
    assert 0.0 <= js <= math.log(2)
    assert js == js_divergence(q, p)
    assert js_divergence(p, q, base=2) == pytest.approx(js / math.log(2), rel=1e-12)


def test_disjoint_supports_reach_the_bound_where_kl_is_infinite():
    p, q = [0.5, 0.5, 0.0, 0.0], [0.0, 0.0, 0.3, 0.7]
    assert kl_divergence(p, q) == math.inf
    assert js_divergence(p, q) == pytest.approx(math.log(2), rel=1e-15)
    assert js_divergence(p, q, base=2) == pytest.approx(1.0, rel=1e-15)
    assert js_divergence(p, p) == 0.0


def test_bad_input_named():
    with pytest.raises(ValueError, match="p and q must describe the same outcomes"):
        js_divergence([0.5, 0.5], [1.0])
    with pytest.raises(ValueError, match="q sums to"):
        js_divergence([0.5, 0.5], [0.5, 0.6])


@pytest.mark.parametrize("width", [0.5, 0.7, 1.3, 2.0])
def test_panel_curves_agree_with_the_library(width):
    panel = DivergenceComparisonPanel(width=width, shift=1.0)
    p = binned_normal(OUTCOMES, 0.0, panel.p_width)
    for i in (0, 17, 40, 80):
        q = binned_normal(OUTCOMES, _SHIFTS[i], width)
        assert panel.result["forward_curve"][i] == pytest.approx(kl_divergence(p, q), rel=1e-9, abs=1e-12)
        assert panel.result["reverse_curve"][i] == pytest.approx(kl_divergence(q, p), rel=1e-9, abs=1e-12)
        assert panel.result["js_curve"][i] == pytest.approx(js_divergence(p, q), rel=1e-9, abs=1e-12)
    assert panel.result["js_curve"].max() < math.log(2)


# --- found by the mutation audit (make mutation) ---------------------------------------------------


def test_nearly_equal_pairs_are_accurate():
    # log1p near t = 0, where u ln u + v ln v would cancel: 50-digit reference via mpmath.
    import mpmath

    unit = 2**40
    p = np.array([2**39, 2**39]) / unit
    q = np.array([2**39 + 2**20, 2**39 - 2**20]) / unit
    with mpmath.workdps(50):
        m = [(mpmath.mpf(a) + mpmath.mpf(b)) / 2 for a, b in zip(p, q, strict=True)]
        exact = float(sum(mpmath.mpf(a) * mpmath.log(mpmath.mpf(a) / c) / 2
                          + mpmath.mpf(b) * mpmath.log(mpmath.mpf(b) / c) / 2
                          for a, b, c in zip(p, q, m, strict=True)))
    assert js_divergence(p, q) == pytest.approx(exact, rel=1e-10, abs=0)  # JS ~ 1e-12 here


def test_disjoint_supports_never_exceed_ln_2():
    # Rounding can put the sum one ulp above ln 2; the result is clipped to the bound.
    rng = np.random.default_rng(0)
    for _ in range(50):
        a, b = rng.dirichlet(np.ones(2)), rng.dirichlet(np.ones(2))
        value = js_divergence(np.concatenate([a, [0, 0]]), np.concatenate([[0, 0], b]))
        assert value <= math.log(2) and value == pytest.approx(math.log(2), rel=1e-15)


def test_normalize_is_passed_on():
    assert js_divergence([1, 0], [0, 3], normalize=True) == math.log(2)
    with pytest.raises(ValueError, match="normalize=True"):
        js_divergence([1, 0], [0, 3])
