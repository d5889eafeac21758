"""Checkers of notebook 01: right answers pass, wrong ones fail, and no hint gives the answer away."""

import math

import numpy as np
import pytest

from kl_helpers import cross_entropy, kl_divergence
from kl_helpers.exercises import (
    check_01_code_overhead,
    check_01_my_kl,
    check_01_reverse_bits,
    check_01_support,
)
from kl_helpers.exercises.ex01 import SUPPORT_CANDIDATES, SUPPORT_P


def _reveals(feedback, value: float) -> bool:
    # The answer must not appear in the message, at any of the roundings a learner would see.
    return any(f"{value:.{d}f}" in feedback.message for d in range(2, 7))


def test_reverse_bits():
    p, q = [0.2, 0.5, 0.3], [0.3, 0.4, 0.3]
    right = kl_divergence(q, p) / math.log(2)  # computed independently of the checker's base=2
    assert check_01_reverse_bits(right).correct
    assert check_01_reverse_bits(round(right, 4)).correct
    for wrong in (kl_divergence(p, q, base=2), kl_divergence(q, p), 0.1, -right):
        fb = check_01_reverse_bits(wrong)
        assert not fb.correct and not _reveals(fb, right)
    assert "other direction" in check_01_reverse_bits(kl_divergence(p, q, base=2)).message
    assert "nats" in check_01_reverse_bits(kl_divergence(q, p)).message


def test_code_overhead():
    p = np.array([0.25, 0.25, 0.5])
    lengths_q, lengths_p = np.array([1, 2, 2]), -np.log2(p)
    right = float(p @ (lengths_q - lengths_p))
    assert check_01_code_overhead(right).correct
    wrong_total = float(p @ lengths_q)
    fb = check_01_code_overhead(wrong_total)
    assert not fb.correct and "Subtract" in fb.message and not _reveals(fb, right)
    assert not check_01_code_overhead("0.25").correct
    assert wrong_total == pytest.approx(cross_entropy(p, 2.0 ** -lengths_q, base=2))


def test_support():
    right = {k for k, q in SUPPORT_CANDIDATES.items()
             if not any(pi > 0 and qi == 0 for pi, qi in zip(SUPPORT_P, q, strict=True))}
    assert check_01_support(right).correct
    assert check_01_support(sorted(x.lower() for x in right)).correct
    assert check_01_support("".join(sorted(right))).correct
    for wrong in ({"B"}, set(SUPPORT_CANDIDATES), right - {"D"}):
        fb = check_01_support(wrong)
        assert not fb.correct and not any(f"{{{letter}" in fb.message for letter in right)
    assert "Unknown" in check_01_support({"Z"}).message
    assert "No answer yet" in check_01_support(None).message


def _good(p, q):
    mask = p > 0
    if np.any(q[mask] == 0):
        return math.inf
    return float(np.sum(p[mask] * np.log(p[mask] / q[mask])))


def test_my_kl():
    assert check_01_my_kl(_good).correct
    naive = check_01_my_kl(lambda p, q: np.sum(p * np.log(p / q)))
    assert not naive.correct and "0·log(0/q)" in naive.message
    swapped = check_01_my_kl(lambda p, q: _good(q, p))
    assert not swapped.correct
    crashing = check_01_my_kl(lambda p, q: 1 / 0)
    assert not crashing.correct and "ZeroDivisionError" in crashing.message
    assert "No answer yet" in check_01_my_kl(lambda p, q: None).message
    assert "No answer yet" in check_01_my_kl(None).message
