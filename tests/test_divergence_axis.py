"""The row-wise API of the discrete divergences, their guarantees per row, accuracy and extremes.

References are independent of the code under test: scipy (``rel_entr``, ``entropy``,
``jensenshannon``) and mpmath at 50 digits.
"""

import math
import warnings

import mpmath
import numpy as np
import pytest
from scipy.spatial.distance import jensenshannon
from scipy.special import rel_entr
from scipy.stats import entropy as scipy_entropy

from kl_helpers import cross_entropy, entropy, js_divergence, kl_divergence, kl_terms
from kl_helpers import divergence as divergence_module

FUNCS_PQ = [kl_divergence, cross_entropy, js_divergence]


def _rows(seed: int, shape: tuple[int, int], zeros: bool = False) -> np.ndarray:
    rng = np.random.default_rng(seed)
    a = rng.dirichlet(np.ones(shape[1]), size=shape[0])
    if zeros:
        a[:, 0] = 0.0
        a /= a.sum(axis=1, keepdims=True)
    return a


def _reference_kl(p: np.ndarray, q: np.ndarray) -> np.ndarray:
    return rel_entr(p, q).sum(axis=-1)


def test_rows_match_scipy_and_the_1d_call():
    p, q = _rows(1, (40, 7)), _rows(2, (40, 7))
    rowwise = kl_divergence(p, q)
    assert rowwise.shape == (40,)
    np.testing.assert_allclose(rowwise, _reference_kl(p, q), rtol=1e-12)
    assert [kl_divergence(a, b) for a, b in zip(p, q, strict=True)] == pytest.approx(rowwise, rel=1e-13)
    np.testing.assert_allclose(entropy(p), scipy_entropy(p, axis=1), rtol=1e-12)
    np.testing.assert_allclose(cross_entropy(p, q), entropy(p) + kl_divergence(p, q), rtol=1e-12)
    np.testing.assert_allclose(js_divergence(p, q), jensenshannon(p, q, axis=1) ** 2, rtol=1e-9)


@pytest.mark.parametrize("func", [*FUNCS_PQ, lambda p, q: entropy(p)])
def test_one_d_gives_a_float_and_2d_an_array(func):
    p, q = _rows(3, (2, 4)), _rows(4, (2, 4))
    assert type(func(p[0], q[0])) is float
    out = func(p, q)
    assert isinstance(out, np.ndarray) and out.shape == (2,)


def test_axis_zero_is_columns():
    p, q = _rows(5, (6, 3)), _rows(6, (6, 3))
    np.testing.assert_array_equal(kl_divergence(p.T, q.T, axis=0), kl_divergence(p, q))
    np.testing.assert_array_equal(entropy(p.T, axis=0), entropy(p))
    np.testing.assert_array_equal(js_divergence(p.T, q.T, axis=0), js_divergence(p, q))
    np.testing.assert_array_equal(cross_entropy(p.T, q.T, axis=0), cross_entropy(p, q))


def test_three_dimensional_input_keeps_the_leading_shape():
    p = _rows(7, (12, 5)).reshape(3, 4, 5)
    q = _rows(8, (12, 5)).reshape(3, 4, 5)
    out = kl_divergence(p, q)
    assert out.shape == (3, 4)
    np.testing.assert_allclose(out.ravel(), _reference_kl(p.reshape(12, 5), q.reshape(12, 5)), rtol=1e-12)


def test_one_p_broadcasts_against_many_q():
    p, qs = _rows(9, (1, 6))[0], _rows(10, (5, 6))
    np.testing.assert_allclose(kl_divergence(p, qs), [kl_divergence(p, q) for q in qs], rtol=1e-14)
    np.testing.assert_allclose(kl_divergence(qs, p), [kl_divergence(q, p) for q in qs], rtol=1e-14)
    with pytest.raises(ValueError, match=r"do not broadcast"):
        kl_divergence(_rows(1, (3, 4)), _rows(2, (2, 4)))


def test_guarantees_hold_per_row():
    p = _rows(11, (5, 4))
    q = p.copy()
    q[1] = [0.25, 0.25, 0.25, 0.25]
    q[3] = [1.0, 0.0, 0.0, 0.0]  # q starves outcomes p produces
    out = kl_divergence(p, q)
    assert out[0] == 0.0 and out[2] == 0.0 and out[4] == 0.0  # equal rows: exactly 0
    assert 0 < out[1] < math.inf
    assert out[3] == math.inf
    assert np.all(out >= 0)
    ce = cross_entropy(p, q)
    assert ce[3] == math.inf and np.isfinite(ce[[0, 1, 2, 4]]).all()


def test_errors_name_the_bad_row():
    p = _rows(12, (3, 4))
    bad = p.copy()
    bad[2, 1] += 0.1
    with pytest.raises(ValueError, match=r"q \(row 2\) sums to 1\.1, not 1"):
        kl_divergence(p, bad)
    neg = p.copy()
    neg[1, 3] = -0.2
    with pytest.raises(ValueError, match=r"p has a negative entry \(-0\.2\) at row 1, index 3"):
        js_divergence(neg, p)
    with pytest.raises(ValueError, match=r"q is all zeros \(row 0\)"):
        kl_divergence(p, np.zeros((3, 4)), normalize=True)
    with pytest.raises(ValueError, match=r"axis=2 is out of range for p of shape \(3, 4\)"):
        entropy(p, axis=2)
    with pytest.raises(ValueError, match=r"p must be a vector of probabilities.*single number"):
        entropy(1.0)


def test_normalize_works_row_by_row():
    counts = np.array([[1, 3], [2, 2]])
    np.testing.assert_allclose(entropy(counts, normalize=True), [entropy([0.25, 0.75]), math.log(2)])


def _near_equal_pairs(seed: int, n: int, size: int, scale: float) -> list[tuple[np.ndarray, np.ndarray]]:
    """Pairs q ≈ p whose entries are multiples of 2^-40 summing to exactly 1.

    Exactly normalised inputs make the textbook sum the exact reference: float inputs that sum to
    1 only up to rounding have a KL that depends on that rounding at the 1e-16 level.
    """
    rng = np.random.default_rng(seed)
    unit = 2**40
    pairs = []
    for _ in range(n):
        k = rng.multinomial(unit - size, np.ones(size) / size) + 1  # integers > 0, sum = 2^40
        delta = np.round(scale * k * rng.standard_normal(size)).astype(np.int64)
        delta[-1] -= delta.sum()  # q's integers still sum to 2^40
        kq = k + delta
        assert kq.min() > 0 and kq.sum() == unit and k.sum() == unit
        pairs.append((k / unit, kq / unit))  # exact in float64: integers below 2^53 over 2^40
    return pairs


def _mp_kl(p: np.ndarray, q: np.ndarray) -> float:
    with mpmath.workdps(50):
        return float(sum(mpmath.mpf(a) * mpmath.log(mpmath.mpf(a) / mpmath.mpf(b))
                         for a, b in zip(p.tolist(), q.tolist(), strict=True) if a > 0))


@pytest.mark.parametrize("scale", [1e-2, 1e-4, 1e-6, 1e-8])
def test_near_equal_pairs_are_accurate_to_1e10_relative(scale):
    # The stable form's guarantee: relative error <= 1e-10 against 50-digit arithmetic even where
    # the textbook sum cancels almost completely (at scale 1e-8 the divergence is ~1e-17 nats).
    worst = 0.0
    for p, q in _near_equal_pairs(13, 20, 50, scale):
        exact = _mp_kl(p, q)
        got = kl_divergence(p, q)
        assert got >= 0 and exact > 0
        worst = max(worst, abs(got - exact) / exact)
    assert worst <= 1e-10, worst


def test_the_textbook_sum_is_not_that_accurate_on_the_same_pairs():
    # What the stable form buys: the plain sum (scipy's rel_entr(p, q).sum()) misses the 1e-10
    # bar on these pairs, while kl_divergence stays within a few ulps (test above).
    worst = max(abs(_reference_kl(p, q) - _mp_kl(p, q)) / _mp_kl(p, q)
                for p, q in _near_equal_pairs(13, 20, 50, 1e-8))
    assert worst > 1e-9


def test_never_negative_where_scipy_goes_negative():
    rng = np.random.default_rng(14)
    negatives = 0
    for _ in range(200):
        p = rng.dirichlet(np.ones(30))
        q = p * (1.0 + 1e-9 * rng.standard_normal(30))
        q /= q.sum()
        assert kl_divergence(p, q) >= 0
        negatives += scipy_entropy(p, q) < 0
    assert negatives > 0  # the reference really does go below zero on these inputs


@pytest.mark.parametrize("spread", [0.05, 0.001])  # mostly far from p / mostly near p
def test_long_vectors_take_the_blocked_path_and_agree_with_the_simple_one(spread):
    rng = np.random.default_rng(15)
    n = 3 * divergence_module._BLOCK + 17  # several blocks and a ragged tail
    p = rng.random(n)
    p[::97] = 0.0  # zeros in p: those entries are recomputed by the exact path
    p /= p.sum()
    q = p * (1 + spread * rng.standard_normal(n)) + 1e-9
    q[::1013] *= 3.0  # a few entries far from p in every block
    q /= q.sum()
    got = kl_divergence(p, q)
    exact_terms = divergence_module._kl_terms_exact(p, q)
    assert got == pytest.approx(exact_terms.sum(), rel=1e-12, abs=0)
    assert got == pytest.approx(_reference_kl(p, q), rel=1e-9, abs=0)


def test_several_long_rows_take_column_blocks():
    rng = np.random.default_rng(19)
    n = divergence_module._BLOCK + 5
    p = rng.dirichlet(np.ones(n), size=3)
    q = p * (1 + 0.003 * rng.standard_normal((3, n)))  # many entries on the series path
    q[2] = rng.dirichlet(np.ones(n))  # and one unrelated row
    q /= q.sum(axis=1, keepdims=True)
    got = kl_divergence(p, q)
    exact = [divergence_module._kl_terms_exact(a, b).sum() for a, b in zip(p, q, strict=True)]
    np.testing.assert_allclose(got, exact, rtol=1e-12)


def test_many_short_rows_take_the_row_blocks():
    p, q = _rows(16, (5000, 8)), _rows(17, (5000, 8))
    np.testing.assert_allclose(kl_divergence(p, q), _reference_kl(p, q), rtol=1e-12)


@pytest.mark.parametrize(
    ("p", "q"),
    [
        ([1.0 - 5e-324, 5e-324], [0.5, 0.5]),  # subnormal entry in p
        ([0.5, 0.5], [1.0 - 5e-324, 5e-324]),  # subnormal entry in q: ratio underflows
        ([1e-300, 1.0 - 1e-300], [1.0 - 1e-300, 1e-300]),
        ([0.0, 1.0], [5e-324, 1.0 - 5e-324]),
    ],
)
def test_extreme_but_valid_inputs_raise_no_warning(p, q):
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        for func in FUNCS_PQ:
            value = func(p, q)
            assert value >= 0 and not math.isnan(value)
        assert entropy(p) >= 0
    with mpmath.workdps(60):
        exact = float(sum(mpmath.mpf(a) * mpmath.log(mpmath.mpf(a) / mpmath.mpf(b))
                          for a, b in zip(p, q, strict=True) if a > 0))
    assert kl_divergence(p, q) == pytest.approx(exact, rel=1e-9, abs=1e-300)


def test_values_near_the_float_limit_are_refused_without_warning():
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        with pytest.raises(ValueError, match="sum overflows"):
            kl_divergence([1e308, 1e308], [0.5, 0.5])
        # As weights they are fine: rescaled by their maximum before summing.
        assert kl_divergence([1e308, 1e308], [0.5, 0.5], normalize=True) == 0.0
        with pytest.raises(ValueError, match="non-finite"):
            entropy([math.inf, 0.0])


def test_a_long_vector_raises_no_warning():
    rng = np.random.default_rng(18)
    p = rng.random(200_000) ** 8  # many tiny entries, some far below the others
    p /= p.sum()
    q = rng.random(200_000)
    q /= q.sum()
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        assert kl_divergence(p, q) == pytest.approx(_reference_kl(p, q), rel=1e-9)
        assert js_divergence(p, q) == pytest.approx(jensenshannon(p, q) ** 2, rel=1e-7)


def test_kl_terms_are_the_textbook_terms_and_sum_to_the_divergence():
    p, q = _rows(20, (4, 6)), _rows(21, (4, 6))
    terms = kl_terms(p, q)
    np.testing.assert_allclose(terms, rel_entr(p, q), rtol=1e-13)
    np.testing.assert_allclose(terms.sum(axis=-1), kl_divergence(p, q), rtol=1e-12)
    assert (terms < 0).any()  # single terms can be negative; the sum cannot
    zero = kl_terms([0.5, 0.5, 0.0], [1.0, 0.0, 0.0], base=2)
    assert zero[0] == pytest.approx(-0.5) and zero[1] == math.inf and zero[2] == 0.0
    np.testing.assert_array_equal(kl_terms(p.T, q.T, axis=0), terms.T)
