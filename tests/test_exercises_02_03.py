"""Checkers of notebooks 02 and 03: right answers pass, wrong ones fail, no hint gives the answer.

Expected values are computed here independently of the checkers (scipy, numerical integration,
Monte Carlo), so a wrong reference inside a checker fails a test.
"""

import math

import numpy as np
import pytest
from _exercise_helpers import assert_wrong
from scipy import integrate, optimize, stats

from kl_helpers.exercises import (
    check_02_min_cross_entropy,
    check_02_neg_entropy,
    check_02_zero_entropy_sigma,
    check_03_k3_term,
    check_03_samples_needed,
    check_03_unbiased,
)
from kl_helpers.exercises._feedback import NO_ANSWER

ALL = [check_02_neg_entropy, check_02_min_cross_entropy, check_02_zero_entropy_sigma,
       check_03_k3_term, check_03_samples_needed, check_03_unbiased]


@pytest.mark.parametrize("check", ALL, ids=lambda c: c.__name__)
def test_placeholder_none_says_your_turn(check):
    fb = check(None)
    assert fb.correct is None and fb.message == NO_ANSWER and repr(fb).startswith("✏️ Your turn:")


@pytest.mark.parametrize("check", ALL[:5], ids=lambda c: c.__name__)
def test_non_numbers_are_refused_politely(check):
    fb = check("1.0")
    assert not fb.correct and "number" in fb.message


def test_neg_entropy():
    value, _ = integrate.quad(lambda x: stats.norm.pdf(x, 0, 2) * stats.norm.logpdf(x, 0, 2), -40, 40)
    assert check_02_neg_entropy(value).correct
    assert check_02_neg_entropy(round(value, 3)).correct
    fb = assert_wrong(check_02_neg_entropy, -value, value)
    assert "sign" in fb.message
    assert_wrong(check_02_neg_entropy, 0.0, value)


def test_min_cross_entropy():
    def ce(theta):
        return integrate.quad(lambda x: -stats.norm.pdf(x, 1, 0.5) * stats.norm.logpdf(x, theta, 1),
                              -10, 12)[0]

    res = optimize.minimize_scalar(ce, bounds=(-3, 5), method="bounded")
    right = res.fun
    assert check_02_min_cross_entropy(right).correct
    assert "where the minimum is" in assert_wrong(check_02_min_cross_entropy, res.x, right).message
    h_p = stats.norm(1, 0.5).entropy()
    assert "H(p)" in assert_wrong(check_02_min_cross_entropy, float(h_p), right).message
    assert "divergence" in assert_wrong(check_02_min_cross_entropy, right - h_p, right).message
    assert_wrong(check_02_min_cross_entropy, right + 0.1, right)


def test_zero_entropy_sigma():
    right = optimize.brentq(lambda s: stats.norm(0, s).entropy(), 0.01, 1.0)
    assert check_02_zero_entropy_sigma(right).correct
    assert check_02_zero_entropy_sigma(round(right, 4)).correct
    peak_one = 1 / math.sqrt(2 * math.pi)
    assert "peak" in assert_wrong(check_02_zero_entropy_sigma, peak_one, right).message
    assert_wrong(check_02_zero_entropy_sigma, 0.5, right)


def test_k3_term():
    x = 2.0
    r = stats.norm.pdf(x, 1, 1) / stats.norm.pdf(x, 0, 1)
    right = (r - 1) - math.log(r)
    assert check_03_k3_term(right).correct
    assert "k1" in assert_wrong(check_03_k3_term, -math.log(r), right).message
    assert "k2" in assert_wrong(check_03_k3_term, math.log(r) ** 2 / 2, right).message
    assert "upside down" in assert_wrong(check_03_k3_term, (1 / r - 1) + math.log(r), right).message
    assert_wrong(check_03_k3_term, 1.0, right)


def test_samples_needed():
    # Standard deviation of one k1 term for p = N(0, 1), q = N(0.5, 1), by Monte Carlo.
    x = np.random.default_rng(0).normal(size=400_000)
    sd = np.std(stats.norm.logpdf(x, 0, 1) - stats.norm.logpdf(x, 0.5, 1))
    right = (sd / 0.01) ** 2  # within ~0.5% of the exact value at this sample size
    assert check_03_samples_needed(right).correct
    assert check_03_samples_needed(round(right, -1)).correct
    assert "√N" in assert_wrong(check_03_samples_needed, math.sqrt(right), right).message
    assert "√N" in assert_wrong(check_03_samples_needed, round(math.sqrt(right)), right).message
    assert_wrong(check_03_samples_needed, right * 1.1, right)
    assert_wrong(check_03_samples_needed, 100, right)


def test_unbiased():
    assert check_03_unbiased({"k1", "k3"}).correct
    assert check_03_unbiased(["K3", "k1"]).correct
    assert check_03_unbiased("k1, k3").correct
    for wrong in ({"k1"}, {"k3"}, {"k1", "k2", "k3"}, {"k2"}, set(), 3, "k13"):
        assert_wrong(check_03_unbiased, wrong, {"k1", "k3"}, among=["k1", "k2", "k3"])
    assert "Unknown" in check_03_unbiased({"k4"}).message
    assert "set of names" in check_03_unbiased(3).message


def test_samples_needed_accepts_two_significant_figures():
    # Exact value: sd of one k1 term is 0.5 for these normals, so N = (0.5 / 0.01)² = 2500.
    assert str(check_03_samples_needed.precision) == "2 significant figures"
    assert check_03_samples_needed(2549).correct and check_03_samples_needed(2451).correct
    assert not check_03_samples_needed(2551).correct and not check_03_samples_needed(2449).correct


def test_slips_rounded_to_three_significant_figures_get_their_hint():
    h = stats.norm(0, 2).entropy()
    assert "sign" in check_02_neg_entropy(round(float(h), 2)).message
    assert "peak" in check_02_zero_entropy_sigma(0.399).message
    assert "k1" in check_03_k3_term(-1.5).message and "k2" in check_03_k3_term(1.127).message
