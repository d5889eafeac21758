"""Discrete entropy, cross-entropy and KL: rules, properties, and agreement with scipy."""

import math
from decimal import Decimal, localcontext

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from scipy.special import rel_entr
from scipy.stats import entropy as scipy_entropy

from kl_helpers import cross_entropy, entropy, kl_divergence


def test_classic_example_value():
    # Textbook value: 0.2 ln(2/3) + 0.5 ln(5/4) + 0.3 ln(1), computed independently here.
    expected = 0.2 * math.log(0.2 / 0.3) + 0.5 * math.log(0.5 / 0.4)
    assert kl_divergence([0.2, 0.5, 0.3], [0.3, 0.4, 0.3]) == pytest.approx(expected, rel=1e-12)
    # The same value to 50 digits (decimal.Decimal): 0.2 ln(2/3) + 0.5 ln(5/4).
    assert kl_divergence([0.2, 0.5, 0.3], [0.3, 0.4, 0.3]) == pytest.approx(
        0.030478754035472001487544922062, rel=1e-14
    )


def test_equal_inputs_give_exactly_zero():
    p = [0.1, 0.2, 0.3, 0.4]
    assert kl_divergence(p, p) == 0.0


def test_zero_in_p_contributes_nothing():
    assert kl_divergence([0.5, 0.5, 0.0], [0.25, 0.25, 0.5]) == pytest.approx(math.log(2))


def test_support_problem_is_inf_without_warning():
    import warnings

    with warnings.catch_warnings():
        warnings.simplefilter("error")
        assert kl_divergence([0.5, 0.5], [1.0, 0.0]) == math.inf
        assert cross_entropy([0.5, 0.5], [1.0, 0.0]) == math.inf
    # The reverse direction is finite: q's zero is where p... the roles matter.
    assert kl_divergence([1.0, 0.0], [0.5, 0.5]) == pytest.approx(math.log(2))


def test_bits_are_nats_over_ln2():
    p, q = [0.2, 0.5, 0.3], [0.3, 0.4, 0.3]
    assert kl_divergence(p, q, base=2) == pytest.approx(kl_divergence(p, q) / math.log(2))
    assert entropy([0.5, 0.5], base=2) == 1.0


def test_entropy_of_uniform_is_plus_log_n():
    for n in (1, 2, 5, 10):
        assert entropy(np.full(n, 1 / n)) == pytest.approx(math.log(n), abs=1e-15)
    assert math.copysign(1.0, entropy([1.0, 0.0])) == 1.0  # +0.0, not -0.0


def test_normalize_is_explicit():
    assert kl_divergence([1, 3], [2, 2], normalize=True) == pytest.approx(
        kl_divergence([0.25, 0.75], [0.5, 0.5])
    )
    with pytest.raises(ValueError, match="normalize=True"):
        kl_divergence([1, 3], [2, 2])


def _exact_kl(p, q) -> float:
    """sum p ln(p/q) - sum p + sum q, in 50-digit decimal arithmetic on the exact float inputs.

    The last two terms cancel for exactly normalised vectors; for nearly equal float vectors,
    whose sums differ from 1 by ~1e-16 while the divergence is ~1e-18, they make the value the
    one kl_divergence's stable form computes (and a non-negative one).
    """
    with localcontext() as ctx:
        ctx.prec = 50
        ps, qs = [Decimal(float(v)) for v in p], [Decimal(float(v)) for v in q]
        total = sum(a * (a.ln() - b.ln()) for a, b in zip(ps, qs, strict=True) if a > 0)
        return float(total - sum(ps) + sum(qs))


def test_stable_where_scipy_goes_negative():
    # Nearly equal distributions: the textbook sum can round below zero; ours cannot, and it keeps
    # its relative accuracy (~1e-18 nats here) against an exact reference.
    rng = np.random.default_rng(0)
    textbook_negative = 0
    for _ in range(200):
        p = rng.dirichlet(np.ones(50))
        q = p * (1 + 1e-9 * rng.standard_normal(50))
        q = q / q.sum()
        textbook_negative += float(np.sum(p * np.log(p / q))) < 0
        got = kl_divergence(p, q)
        assert got >= 0.0
        # abs=0: pytest.approx's default abs=1e-12 would accept any value of this size (~1e-18).
        assert got == pytest.approx(_exact_kl(p, q), rel=1e-6, abs=0)
    assert textbook_negative > 20  # the data do reach the region where the textbook sum fails


# ---- property tests --------------------------------------------------------------------------

@st.composite
def distribution_pairs(draw, q_positive=False):
    n = draw(st.integers(1, 12))
    p = np.array(draw(st.lists(st.one_of(st.just(0.0), st.floats(1e-6, 1.0)), min_size=n,
                               max_size=n).filter(lambda w: sum(w) > 0)))
    q_elem = st.floats(1e-6, 1.0) if q_positive else st.one_of(st.just(0.0), st.floats(1e-6, 1.0))
    q = np.array(draw(st.lists(q_elem, min_size=n, max_size=n).filter(lambda w: sum(w) > 0)))
    return p / p.sum(), q / q.sum()


@st.composite
def nearly_equal_pairs(draw):
    # q = p moved by a relative 1e-12 .. 1e-6 per entry: where round-off decides the sign.
    n = draw(st.integers(2, 30))
    p = np.array(draw(st.lists(st.floats(1e-3, 1.0), min_size=n, max_size=n)))
    size = draw(st.floats(1e-12, 1e-6))
    noise = np.array(draw(st.lists(st.floats(-1.0, 1.0), min_size=n, max_size=n)))
    p = p / p.sum()
    q = p * (1.0 + size * noise)
    return p, q / q.sum()


@settings(max_examples=300, deadline=None)
@given(st.one_of(distribution_pairs(), nearly_equal_pairs()))
def test_non_negative(pq):
    assert kl_divergence(*pq) >= 0.0


@settings(max_examples=100, deadline=None)
@given(nearly_equal_pairs())
def test_nearly_equal_pairs_match_the_exact_value(pq):
    p, q = pq
    # Error bound of the stable form: log1p(r) rounds by ~1.1e-16 |r|, i.e. ~1.1e-16 |q - p| per
    # term (a relative bound alone fails for q - p ~ 1e-12, where the value is ~1e-25).
    bound = 1e-15 * float(np.sum(np.abs(q - p)))
    assert kl_divergence(p, q) == pytest.approx(_exact_kl(p, q), rel=1e-9, abs=bound)


@settings(max_examples=200, deadline=None)
@given(distribution_pairs(q_positive=True))
def test_zero_iff_equal(pq):
    p, q = pq
    assert kl_divergence(p, p) == 0.0
    if not np.allclose(p, q, rtol=1e-6, atol=1e-9):
        assert kl_divergence(p, q) > 0.0


@settings(max_examples=300, deadline=None)
@given(distribution_pairs())
def test_decomposition_identity(pq):
    p, q = pq
    kl, ce, h = kl_divergence(p, q), cross_entropy(p, q), entropy(p)
    if math.isinf(kl):
        assert math.isinf(ce)
    else:
        assert math.isclose(kl, ce - h, rel_tol=1e-12, abs_tol=1e-12)


@settings(max_examples=300, deadline=None)
@given(distribution_pairs())
def test_agrees_with_scipy_rel_entr(pq):
    p, q = pq
    reference = float(rel_entr(p, q).sum())
    ours = kl_divergence(p, q)
    if math.isinf(reference):
        assert math.isinf(ours)
    else:
        assert math.isclose(ours, reference, rel_tol=1e-9, abs_tol=1e-12)


@settings(max_examples=200, deadline=None)
@given(distribution_pairs(), st.sampled_from([2, 10, math.e, 3.5]))
def test_entropy_agrees_with_scipy(pq, base):
    p, _ = pq
    assert math.isclose(entropy(p, base=base), scipy_entropy(p, base=base), rel_tol=1e-9,
                        abs_tol=1e-12)


# --- found by the mutation audit (make mutation) ---------------------------------------------------


def test_series_branch_is_accurate_to_the_last_digits():
    # r = ±1.25 * 2^-7 (inside the series' |r| < 0.01), exactly representable inputs summing to 1.
    # The omitted series terms are below 1e-17 relatively, so a few ulps against 50 digits.
    p, q = [0.5, 0.5], [0.5 + 1.25 * 2**-8, 0.5 - 1.25 * 2**-8]
    assert kl_divergence(p, q) == pytest.approx(_exact_kl(p, q), rel=2e-15)


def test_rows_with_a_zero_in_p_keep_the_series_for_nearly_equal_entries():
    # A zero in p sends the row to the entry-by-entry path; its nearly equal entries (|r| ~ 1e-6)
    # must still use the series there (the direct form would lose ~1e-4 of their value).
    unit = 2**40
    p = np.array([0, 2**39, 2**39]) / unit
    q = np.array([1, 2**39 + 549_755, 2**39 - 549_756]) / unit
    assert kl_divergence(p, q) == pytest.approx(_exact_kl(p, q), rel=1e-10, abs=0)  # value ~1e-12


def test_normalize_is_explicit_for_every_divergence():
    for func in (cross_entropy, kl_divergence):
        with pytest.raises(ValueError, match="normalize=True"):
            func([1, 3], [2, 2])
    assert cross_entropy([1, 3], [2, 2], normalize=True) == pytest.approx(math.log(2), rel=1e-15)


def test_entropy_of_a_certain_outcome_is_plus_zero():
    # 1·(-ln 1) = -0.0; the result is +0.0, which prints as 0.0 (not -0.0) in the notebooks.
    assert math.copysign(1.0, entropy([1.0, 0.0])) == 1.0
