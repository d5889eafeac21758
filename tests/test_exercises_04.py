"""Checkers of notebook 04: right answers pass, wrong ones fail, and no hint gives the answer away."""

import math

import numpy as np
import pytest
from scipy import stats

from kl_helpers.exercises import (
    check_04_categorical_mle,
    check_04_kl_nll_gap,
    check_04_variance_gradient,
)
from kl_helpers.exercises.ex04 import GAP_DATA, GAP_P, SPINNER_COUNTS


def _reveals(feedback, values) -> bool:
    # No entry of the answer may appear in the message, at any rounding a learner would see.
    return any(f"{v:.{d}f}" in feedback.message for v in np.atleast_1d(values) for d in range(2, 7))


def test_no_answer_yet():
    for check in (check_04_categorical_mle, check_04_kl_nll_gap, check_04_variance_gradient):
        fb = check(None)
        assert not fb.correct and "No answer yet" in fb.message


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
    for q in wrong:
        fb = check_04_categorical_mle(q)
        assert not fb.correct and not _reveals(fb, right)
    assert "counts, not probabilities" in check_04_categorical_mle(SPINNER_COUNTS).message
    assert "sum to 1" in check_04_categorical_mle([0.5, 0.5, 0.5, 0.5]).message
    assert not check_04_categorical_mle([0.5, 0.5]).correct
    assert not check_04_categorical_mle("0.28 0.18 0.5 0.04").correct


def test_kl_nll_gap():
    x = np.array(GAP_DATA)
    right = float(np.mean(stats.norm.logpdf(x, *GAP_P)))  # independent of the checker's helper
    assert check_04_kl_nll_gap(right).correct
    assert check_04_kl_nll_gap(round(right, 4)).correct
    for wrong in (-right, right * len(x), 0.0, 1.0):
        fb = check_04_kl_nll_gap(wrong)
        assert not fb.correct and not _reveals(fb, right)
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
    assert not fb.correct and "respect to σ" in fb.message


def test_variance_gradient_robust_to_learner_bugs():
    assert "raised ZeroDivisionError" in check_04_variance_gradient(lambda mu, v, x: 1 / 0).message
    assert "one number" in check_04_variance_gradient(lambda mu, v, x: "a").message
    assert "Pass the function" in check_04_variance_gradient(3.0).message
