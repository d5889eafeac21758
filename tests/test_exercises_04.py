"""Checkers of notebook 04: right answers pass, wrong ones fail, and no hint gives the answer away."""

import math

import numpy as np
import pytest
from _exercise_helpers import assert_wrong
from scipy import stats

from kl_helpers.exercises import (
    check_04_categorical_mle,
    check_04_kl_nll_gap,
    check_04_variance_gradient,
)
from kl_helpers.exercises.ex04 import _VARIANCE_CASES, GAP_DATA, GAP_P, SPINNER_COUNTS


def test_no_answer_yet():
    for check in (check_04_categorical_mle, check_04_kl_nll_gap, check_04_variance_gradient):
        fb = check(None)
        assert fb.correct is None and repr(fb).startswith("✏️ Your turn: replace None")


def test_categorical_mle():
    counts = np.array(SPINNER_COUNTS)
    right = counts / counts.sum()
    assert check_04_categorical_mle(right).correct
    assert check_04_categorical_mle(list(np.round(right, 3))).correct
    wrong = [
        [0.25] * 4,                      # uniform
        (counts + 1) / (counts + 1).sum(),  # Laplace smoothing is not the MLE
        right[::-1],
    ]
    odd = [SPINNER_COUNTS, [0.5] * 4, [0.5, 0.5], "0.28 0.18 0.5 0.04", [True, False, False, False]]
    for q in [*wrong, *odd]:
        assert_wrong(check_04_categorical_mle, q, right)
    assert "counts, not probabilities" in check_04_categorical_mle(SPINNER_COUNTS).message
    assert "sum to 1" in check_04_categorical_mle([0.5, 0.5, 0.5, 0.5]).message
    assert "sum to 1" in check_04_categorical_mle([1.2, -0.2, 0.0, 0.0]).message
    assert "list of four" in check_04_categorical_mle([0.5, 0.5]).message
    assert "list of four" in check_04_categorical_mle("0.28 0.18 0.5 0.04").message
    assert "not bool" in check_04_categorical_mle([True, False, False, False]).message
    assert "finite" in check_04_categorical_mle([np.nan, 0.5, 0.25, 0.25]).message
    assert "finite" in check_04_categorical_mle([10**400, 0, 0, 0]).message


def test_categorical_mle_precision_and_number_types():
    right = np.array(SPINNER_COUNTS) / sum(SPINNER_COUNTS)
    assert str(check_04_categorical_mle.precision) == "3 decimal places"
    assert check_04_categorical_mle(right).correct  # a NumPy array
    assert check_04_categorical_mle(tuple(right)).correct
    assert check_04_categorical_mle([np.float32(v) for v in right]).correct
    nudged = right + np.array([0.00049, -0.00049, 0.0, 0.0])
    assert check_04_categorical_mle(nudged).correct
    nudged = right + np.array([0.00051, -0.00051, 0.0, 0.0])
    assert not check_04_categorical_mle(nudged).correct


def test_kl_nll_gap():
    x = np.array(GAP_DATA)
    right = float(np.mean(stats.norm.logpdf(x, *GAP_P)))  # independent of the checker's helper
    assert check_04_kl_nll_gap(right).correct
    assert check_04_kl_nll_gap(round(right, 4)).correct
    for wrong in (-right, right * len(x), 0.0, 1.0):
        assert_wrong(check_04_kl_nll_gap, wrong, right)
    assert "sign" in check_04_kl_nll_gap(round(-right, 2)).message
    assert "sign" in check_04_kl_nll_gap(-right).message
    assert "sum" in check_04_kl_nll_gap(right * len(x)).message
    assert not check_04_kl_nll_gap("0.1").correct


def _right_variance_grad(mu, v, x):
    # d/dv [½ ln(2πv) + m2 / (2v)] with m2 = mean((x − μ)²), derived by hand.
    m2 = np.mean((np.asarray(x) - mu) ** 2)
    return 0.5 / v - m2 / (2 * v * v)


def test_variance_gradient_right():
    assert check_04_variance_gradient(_right_variance_grad).correct


@pytest.mark.parametrize(
    "wrong",
    [
        lambda mu, v, x: 0.0,
        lambda mu, v, x: 1 / v - np.mean((x - mu) ** 2) / v**2,            # factor 2 off
        lambda mu, v, x: 0.5 / v + np.mean((x - mu) ** 2) / (2 * v * v),    # sign slip
        lambda mu, v, x: 0.5 / v - np.mean((x - mu) ** 2) / (2 * v),  # power slip
    ],
)
def test_variance_gradient_wrong(wrong):
    fb = check_04_variance_gradient(wrong)
    assert not fb.correct and "Wrong value" in fb.message


def test_variance_gradient_sigma_derivative_gets_targeted_hint():
    def d_sigma(mu, v, x):
        s = math.sqrt(v)
        return 1 / s - np.mean((x - mu) ** 2) / s**3

    fb = check_04_variance_gradient(d_sigma)
    assert not fb.correct and "respect to σ" in fb.message and "summed" not in fb.message


def test_variance_gradient_summed_nll_gets_its_own_hint():
    # Issue 10: at the first point d/dσ = 2σ · d/dv = 3 · d/dv = n · d/dv, so the two slips
    # coincide there; the checker must still tell a summed NLL from the σ-derivative.
    _, v, x = _VARIANCE_CASES[0]
    assert 2 * math.sqrt(v) == len(x)

    def summed(mu, v, x):
        return len(x) * _right_variance_grad(mu, v, x)

    fb = check_04_variance_gradient(summed)
    assert not fb.correct and "summed NLL" in fb.message and "σ" not in fb.message


def test_variance_gradient_generic_hint_names_the_first_wrong_point():
    def wrong_at_second_point(mu, v, x):
        return _right_variance_grad(mu, v, x) + (1.0 if v == _VARIANCE_CASES[1][1] else 0.0)

    fb = check_04_variance_gradient(wrong_at_second_point)
    mu, v, _ = _VARIANCE_CASES[1]
    assert not fb.correct and f"Wrong value at mu={mu}, v={v}." in fb.message


def test_variance_gradient_number_types():
    assert check_04_variance_gradient(lambda mu, v, x: np.array([_right_variance_grad(mu, v, x)])).correct
    assert check_04_variance_gradient(lambda mu, v, x: np.float32(_right_variance_grad(mu, v, x))).correct
    assert "not bool" in check_04_variance_gradient(lambda mu, v, x: True).message
    unfinished = check_04_variance_gradient(lambda mu, v, x: None)
    assert unfinished.correct is None and "grad_variance returns None" in unfinished.message


def test_variance_gradient_robust_to_learner_bugs():
    assert "raised ZeroDivisionError" in check_04_variance_gradient(lambda mu, v, x: 1 / 0).message
    assert "a number, not str" in check_04_variance_gradient(lambda mu, v, x: "a").message
    assert "single number" in check_04_variance_gradient(lambda mu, v, x: x).message
    assert "Pass the function" in check_04_variance_gradient(3.0).message


def test_variance_gradient_messages_word_for_word():
    # Issue 9 (mutation testing): learners read these; each verdict is pinned exactly, and a
    # targeted slip hint is a ❌ (correct is False), never a ✏️ pending.
    def summed(mu, v, x):
        return len(x) * _right_variance_grad(mu, v, x)

    def d_sigma(mu, v, x):
        s = math.sqrt(v)
        return 1 / s - np.mean((x - mu) ** 2) / s**3

    assert repr(check_04_variance_gradient(_right_variance_grad)) == (
        "✅ Correct at all three points: your gradient matches finite differences.")
    fb = check_04_variance_gradient(summed)
    assert fb.correct is False and repr(fb) == (
        "❌ That is the derivative of the summed NLL. The exercise uses the average NLL: divide by the "
        "number of data.")
    fb = check_04_variance_gradient(d_sigma)
    assert fb.correct is False and repr(fb) == (
        "❌ That is the derivative with respect to σ. The variable here is v = σ²: write the NLL in "
        "terms of v first (or use the chain rule).")
    assert repr(check_04_variance_gradient(lambda mu, v, x: 0.0)) == (
        "❌ Wrong value at mu=0.0, v=2.25. Hint: NLL = ½ ln(2πv) + mean((x − μ)²) / (2v); "
        "differentiate both terms in v.")
    assert repr(check_04_variance_gradient(3.0)) == (
        "❌ Pass the function itself, e.g. check_04_variance_gradient(grad_variance).")


def test_categorical_mle_sum_tolerance_follows_the_rounding():
    # Four entries each rounded to 3 decimals can sum to 1 ± 0.002: still right, not "sum to 1".
    right = np.array(SPINNER_COUNTS) / sum(SPINNER_COUNTS)
    rounded_down = right - np.array([0.0004, 0.0004, 0.0004, 0.0])
    assert check_04_categorical_mle(rounded_down).correct
    assert "sum to 1" in check_04_categorical_mle(right * 1.01).message


def test_categorical_mle_names_the_outcome_that_is_not_a_number():
    # The entries are named "outcome 0" .. "outcome 3", in the order of the counts.
    from kl_helpers.exercises import check_04_categorical_mle
    assert str(check_04_categorical_mle([0.1, "x", 0.5, 0.1])) == (
        "❌ The probability of outcome 1 should be a number, not str.")
    assert str(check_04_categorical_mle([0.1, 0.2, 0.5, float("nan")])) == (
        "❌ The probability of outcome 3 should be a finite number, not nan.")
