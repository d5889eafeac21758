"""Checkers of notebook 01: right answers pass, wrong ones fail, and no hint gives the answer away."""

import math

import numpy as np
import pytest
from _exercise_helpers import assert_wrong

from kl_helpers import cross_entropy, kl_divergence
from kl_helpers.exercises import (
    check_01_code_overhead,
    check_01_my_kl,
    check_01_reverse_bits,
    check_01_support,
)
from kl_helpers.exercises.ex01 import SUPPORT_CANDIDATES, SUPPORT_P

P, Q = [0.2, 0.5, 0.3], [0.3, 0.4, 0.3]
REVERSE_BITS = kl_divergence(Q, P) / math.log(2)  # computed independently of the checker's base=2


def test_reverse_bits():
    right = REVERSE_BITS
    assert check_01_reverse_bits(right).correct
    assert check_01_reverse_bits(round(right, 4)).correct
    for wrong in (kl_divergence(P, Q, base=2), kl_divergence(Q, P), 0.1, -right):
        assert_wrong(check_01_reverse_bits, wrong, right)
    assert "other direction" in check_01_reverse_bits(kl_divergence(P, Q, base=2)).message
    assert "nats" in check_01_reverse_bits(kl_divergence(Q, P)).message


def test_reverse_bits_accepts_three_decimals():
    # Issue 10: 0.047 is the true 0.0467... to the 3 decimals the checker asks for.
    assert str(check_01_reverse_bits.precision) == "3 decimal places"
    assert check_01_reverse_bits(0.047).correct
    assert check_01_reverse_bits(REVERSE_BITS + 0.00049).correct
    assert check_01_reverse_bits(REVERSE_BITS - 0.00049).correct
    assert not check_01_reverse_bits(REVERSE_BITS + 0.00051).correct
    assert not check_01_reverse_bits(REVERSE_BITS - 0.00051).correct


def test_reverse_bits_slips_rounded_to_three_decimals_get_their_hint():
    assert "other direction" in check_01_reverse_bits(round(kl_divergence(P, Q, base=2), 3)).message
    assert "nats" in check_01_reverse_bits(round(kl_divergence(Q, P), 3)).message
    # Between the right value and the direction slip, but closer to the right one: a plain hint.
    fb = assert_wrong(check_01_reverse_bits, REVERSE_BITS - 0.0012, REVERSE_BITS)
    assert fb.message.startswith("Not yet.")


def test_code_overhead():
    p = np.array([0.25, 0.25, 0.5])
    lengths_q, lengths_p = np.array([1, 2, 2]), -np.log2(p)
    right = float(p @ (lengths_q - lengths_p))
    assert check_01_code_overhead(right).correct
    wrong_total = float(p @ lengths_q)
    fb = assert_wrong(check_01_code_overhead, wrong_total, right)
    assert "Subtract" in fb.message
    assert "Subtract" in check_01_code_overhead(wrong_total + 0.004).message  # 1.75 to 3 s.f.
    assert not check_01_code_overhead("0.25").correct
    assert wrong_total == pytest.approx(cross_entropy(p, 2.0 ** -lengths_q, base=2))


SUPPORT_RIGHT = {k for k, q in SUPPORT_CANDIDATES.items()
                 if not any(pi > 0 and qi == 0 for pi, qi in zip(SUPPORT_P, q, strict=True))}


def test_support():
    right = SUPPORT_RIGHT
    assert check_01_support(right).correct
    assert check_01_support(sorted(x.lower() for x in right)).correct
    assert check_01_support("".join(sorted(right))).correct
    assert check_01_support(", ".join(sorted(right))).correct
    for wrong in ({"B"}, set(SUPPORT_CANDIDATES), right - {"D"}, set(), 3, "A and D"):
        assert_wrong(check_01_support, wrong, right, among=SUPPORT_CANDIDATES)
    assert "Unknown" in check_01_support({"Z"}).message
    assert "Unknown" in check_01_support("A and D").message
    assert check_01_support(None).correct is None


def _good(p, q):
    mask = p > 0
    if np.any(q[mask] == 0):
        return math.inf
    return float(np.sum(p[mask] * np.log(p[mask] / q[mask])))


def _supports_q_zero(p, q):
    return bool(np.any((p > 0) & (q == 0)))


def test_my_kl_right_in_every_number_type():
    assert check_01_my_kl(_good).correct
    assert check_01_my_kl(lambda p, q: np.float64(_good(p, q))).correct
    assert check_01_my_kl(lambda p, q: np.array([_good(p, q)])).correct
    assert check_01_my_kl(lambda p, q: np.array(_good(p, q))).correct


@pytest.mark.parametrize(("relative_error", "correct"), [(5e-10, True), (-5e-10, True), (2e-9, False)])
def test_my_kl_tolerance_is_relative_1e_9(relative_error, correct):
    # The docstring promises a relative tolerance of 1e-9: an answer off by 5e-10 of the value is
    # accepted (the classic case's KL is about 0.1, so that is 5e-11, far above an absolute 1e-12).
    fb = check_01_my_kl(lambda p, q: _good(p, q) * (1 + relative_error))
    assert fb.correct is correct


def test_my_kl_naive_nan_blames_zero_p():
    naive = check_01_my_kl(lambda p, q: np.sum(p * np.log(p / q)))
    assert not naive.correct and "0·log(0/q)" in naive.message and "p=[0.5, 0.5, 0.0]" in naive.message


def test_my_kl_nan_where_q_is_zero_says_plus_infinity():
    # Issue 10: NaN from q = 0 where p > 0 must not be blamed on 0·log 0.
    fb = check_01_my_kl(lambda p, q: math.nan if _supports_q_zero(p, q) else _good(p, q))
    assert fb.correct is False
    assert "+infinity" in fb.message and "0·log" not in fb.message and "q=[1.0, 0.0]" in fb.message


def test_my_kl_nan_without_zeros_gets_the_generic_nan_hint():
    fb = check_01_my_kl(lambda p, q: math.nan)
    assert fb.correct is False and "0/0" in fb.message and "p=[0.2, 0.5, 0.3]" in fb.message


def test_my_kl_minus_infinity_is_wrong():
    # Issue 10: -inf where +inf is right used to pass (only isinf was compared).
    fb = check_01_my_kl(lambda p, q: -math.inf if _supports_q_zero(p, q) else _good(p, q))
    assert fb.correct is False and "not -infinity" in fb.message


def test_my_kl_finite_where_infinite_is_wrong():
    fb = check_01_my_kl(lambda p, q: 0.0 if _supports_q_zero(p, q) else _good(p, q))
    assert fb.correct is False and "infinite (math.inf)" in fb.message


def test_my_kl_infinite_where_finite_is_wrong():
    fb = check_01_my_kl(lambda p, q: math.inf)
    assert fb.correct is False and "direction" in fb.message


def test_my_kl_wrong_values_and_learner_bugs():
    swapped = check_01_my_kl(lambda p, q: _good(q, p))
    assert not swapped.correct
    slightly_off = check_01_my_kl(lambda p, q: _good(p, q) * (1 + 1e-6))
    assert not slightly_off.correct and "direction" in slightly_off.message
    crashing = check_01_my_kl(lambda p, q: 1 / 0)
    assert not crashing.correct and "ZeroDivisionError" in crashing.message
    assert "not bool" in check_01_my_kl(lambda p, q: True).message
    assert "not str" in check_01_my_kl(lambda p, q: "0.1").message
    assert "Pass the function" in check_01_my_kl(0.1).message


def test_my_kl_unfinished():
    unfinished = check_01_my_kl(lambda p, q: None)
    assert unfinished.correct is None
    assert repr(unfinished) == "✏️ Your turn: my_kl returns None; implement it and run the cell again."
    assert check_01_my_kl(None).correct is None


def test_my_kl_messages_word_for_word():
    # Issue 9 (mutation testing): learners read these; each verdict is pinned exactly.
    assert repr(check_01_my_kl(_good)) == "✅ Correct on all four cases, including the zeros."
    assert repr(check_01_my_kl(0.1)) == "❌ Pass the function itself, e.g. check_01_my_kl(my_kl)."
    assert repr(check_01_my_kl(lambda p, q: np.sum(p * np.log(p / q)))) == (
        "❌ NaN for p=[0.5, 0.5, 0.0], q=[0.25, 0.25, 0.5]. Hint: 0·log(0/q) must count as 0, so skip "
        "the outcomes where p is 0.")
    assert repr(check_01_my_kl(lambda p, q: math.nan if _supports_q_zero(p, q) else _good(p, q))) == (
        "❌ NaN for p=[0.5, 0.5], q=[1.0, 0.0]. Hint: q is 0 where p > 0 here, so the divergence is "
        "+infinity (math.inf), not undefined.")
    assert repr(check_01_my_kl(lambda p, q: math.nan)) == (
        "❌ NaN for p=[0.2, 0.5, 0.3], q=[0.3, 0.4, 0.3]. Hint: look for 0/0, 0·inf or inf - inf in "
        "your formula.")
    assert repr(check_01_my_kl(lambda p, q: -math.inf if _supports_q_zero(p, q) else _good(p, q))) == (
        "❌ Wrong value for p=[0.5, 0.5], q=[1.0, 0.0]. Hint: when q is 0 where p > 0 the divergence is "
        "+infinity (math.inf), not -infinity.")
    assert repr(check_01_my_kl(lambda p, q: 0.0 if _supports_q_zero(p, q) else _good(p, q))) == (
        "❌ Wrong value for p=[0.5, 0.5], q=[1.0, 0.0]. Hint: when q is 0 where p > 0 the divergence is "
        "infinite (math.inf).")
    assert repr(check_01_my_kl(lambda p, q: _good(q, p))) == (
        "❌ Wrong value for p=[0.2, 0.5, 0.3], q=[0.3, 0.4, 0.3]. Hint: check the direction "
        "p·log(p/q) and use the natural log.")


def test_my_kl_accepts_rounding_noise_where_the_divergence_is_zero():
    # For p = q the divergence is exactly 0, where a relative tolerance alone accepts nothing but
    # 0 itself; a learner's sum of rounded terms (here 1e-15 off) must still pass.
    assert check_01_my_kl(lambda p, q: _good(p, q) + 1e-15).correct
    assert not check_01_my_kl(lambda p, q: _good(p, q) + 1e-9).correct
