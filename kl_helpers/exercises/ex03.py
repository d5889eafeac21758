"""Checkers for the exercises of ``03_sample_approximation.ipynb``."""

from __future__ import annotations

import math
import numbers
from collections.abc import Iterable
from typing import Any

from ..distributions import normal_logpdf
from ..estimators import kl_estimator_terms, kl_term_std_normal
from ._feedback import NO_ANSWER, Feedback, check_number

__all__ = [
    "K3_POINT",
    "SE_TARGET",
    "check_03_k3_term",
    "check_03_samples_needed",
    "check_03_unbiased",
]

# The notebook's running example: p = N(0, 1), q = N(0.5, 1).
P = (0.0, 1.0)
Q = (0.5, 1.0)
# Exercise 1: one k3 term at x = 2 for p = N(0, 1) and q = N(1, 1).
K3_POINT = 2.0
K3_Q = (1.0, 1.0)
# Exercise 2: the standard error wanted for the k1 estimate of D_KL(p‖q) of the running example.
SE_TARGET = 0.01


def _is_number(answer: Any) -> bool:
    return isinstance(answer, numbers.Real) and not isinstance(answer, bool)


def check_03_k3_term(answer: Any) -> Feedback:
    """Exercise 1: the k3 term at the single sample x = 2, for p = N(0, 1) and q = N(1, 1).

    Examples
    --------
    >>> check_03_k3_term(None)
    ❌ No answer yet: replace None with your answer and run the cell again.
    """
    lp = normal_logpdf(K3_POINT, *P)
    lq = normal_logpdf(K3_POINT, *K3_Q)
    expected = float(kl_estimator_terms([lp], [lq], "k3")[0])
    if _is_number(answer):
        others = {
            "k1": float(kl_estimator_terms([lp], [lq], "k1")[0]),
            "k2": float(kl_estimator_terms([lp], [lq], "k2")[0]),
            "swapped": float(kl_estimator_terms([lq], [lp], "k3")[0]),  # r = p/q instead of q/p
        }
        for name, value in others.items():
            if math.isclose(float(answer), value, rel_tol=1e-3, abs_tol=1e-4):
                if name == "swapped":
                    return Feedback(False, "Close: your ratio is upside down. Here r = q(x)/p(x).")
                return Feedback(False, f"That is the {name} term. k3 uses r itself, not only ln r.")
    return check_number(
        answer,
        expected,
        hint="compute ln r = ln q(2) - ln p(2) first, then k3 = (r - 1) - ln r.",
        praise="Correct: positive, as every k3 term is.",
    )


def check_03_samples_needed(answer: Any) -> Feedback:
    """Exercise 2: samples N for a k1 standard error of 0.01 with p = N(0, 1), q = N(0.5, 1).

    Any N within 2% of the exact value counts (the standard error is itself an estimate).

    Examples
    --------
    >>> check_03_samples_needed(10).correct
    False
    """
    if answer is None:
        return Feedback(False, NO_ANSWER)
    if not _is_number(answer):
        return Feedback(False, f"Your answer should be a number, not {type(answer).__name__}.")
    sd = kl_term_std_normal(*P, *Q)
    expected = (sd / SE_TARGET) ** 2
    if math.isclose(float(answer), math.sqrt(expected), rel_tol=0.02):
        return Feedback(False, "That is √N. The standard error shrinks like 1/√N: solve for N.")
    return check_number(
        answer,
        expected,
        rel_tol=0.02,
        hint="the standard error is σ/√N, with σ the standard deviation of one term "
        "ln p(x) - ln q(x); estimate σ from a large sample or work it out for these normals.",
        praise="Correct: a hundred times smaller error costs ten thousand times more samples.",
    )


def check_03_unbiased(answer: Any) -> Feedback:
    """Exercise 3: the set of estimator names (from "k1", "k2", "k3") that are unbiased.

    Examples
    --------
    >>> check_03_unbiased({"k2"}).correct
    False
    """
    if answer is None:
        return Feedback(False, NO_ANSWER)
    if isinstance(answer, str):
        answer = answer.replace(",", " ").split()
    if not isinstance(answer, Iterable):
        return Feedback(False, 'Answer with a set of names, e.g. {"k1", "k2"}.')
    chosen = {str(name).strip().lower() for name in answer}
    unknown = chosen - {"k1", "k2", "k3"}
    if unknown:
        return Feedback(False, f"Unknown estimator(s) {sorted(unknown)}; pick from k1, k2, k3.")
    # k1 and k3 have expectation D_KL exactly (E_p[r] = 1); k2 does not in general.
    if chosen == {"k1", "k3"}:
        return Feedback(True, "Correct: both average to D_KL exactly; k3 is also never negative.")
    return Feedback(
        False,
        "Not yet. Hint: take the expectation under p of each term. E_p[ln r] = -D_KL, and "
        "E_p[r] = ∫ q dx. Which terms then average to D_KL exactly? The table in the notebook "
        "shows the bias of each, within its standard error.",
    )
