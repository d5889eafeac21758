"""Checkers for the exercises of ``02_decomposition.ipynb``."""

from __future__ import annotations

import math
import numbers
from typing import Any

from ..distributions import kl_normal_normal, normal_cross_entropy, normal_entropy
from ._feedback import Feedback, check_number

__all__ = [
    "CE_P",
    "CE_SIGMA_Q",
    "NEG_ENTROPY_SIGMA",
    "check_02_min_cross_entropy",
    "check_02_neg_entropy",
    "check_02_zero_entropy_sigma",
]

# Exercise 1: the first term of the decomposition, ∫ p ln p dx, for p = N(0, 2²).
NEG_ENTROPY_SIGMA = 2.0
# Exercise 2: p = N(1, 0.5²) and the model family q_θ = N(θ, 1²) (σ_q fixed).
CE_P = (1.0, 0.5)
CE_SIGMA_Q = 1.0


def _close(answer: Any, value: float) -> bool:
    return (
        isinstance(answer, numbers.Real)
        and not isinstance(answer, bool)
        and math.isclose(float(answer), value, rel_tol=1e-3, abs_tol=1e-4)
    )


def check_02_neg_entropy(answer: Any) -> Feedback:
    """Exercise 1: ∫ p(x) ln p(x) dx in nats for p = N(0, 2²).

    Examples
    --------
    >>> check_02_neg_entropy(None)
    ❌ No answer yet: replace None with your answer and run the cell again.
    """
    h = normal_entropy(NEG_ENTROPY_SIGMA)
    if _close(answer, h):
        return Feedback(False, "That is the entropy H(p). Look at the sign in front of the integral.")
    return check_number(
        answer,
        -h,
        hint="H(p) = -∫ p ln p dx, and a normal's entropy is ½ ln(2πeσ²).",
        praise="Correct: ∫ p ln p dx is minus the entropy.",
    )


def check_02_min_cross_entropy(answer: Any) -> Feedback:
    """Exercise 2: the smallest value of H(p, q_θ) over θ, for p = N(1, 0.5²), q_θ = N(θ, 1).

    Examples
    --------
    >>> check_02_min_cross_entropy(1.0).correct
    False
    """
    mu_p, sigma_p = CE_P
    best = normal_cross_entropy(mu_p, sigma_p, mu_p, CE_SIGMA_Q)  # the argmin is θ = μ_p
    if _close(answer, mu_p):
        return Feedback(False, "That is where the minimum is (θ). The exercise asks for the value.")
    if _close(answer, normal_entropy(sigma_p)):
        return Feedback(
            False,
            "That is H(p), the minimum over all models. Here q's width is fixed, so q cannot "
            "match p exactly: some divergence remains.",
        )
    if _close(answer, kl_normal_normal(mu_p, sigma_p, mu_p, CE_SIGMA_Q)):
        return Feedback(False, "That is the smallest divergence. The cross-entropy adds something.")
    return check_number(
        answer,
        best,
        hint="both H(p, q_θ) and D_KL(p‖q_θ) are smallest at the same θ; use "
        "H(p, q) = H(p) + D_KL(p‖q) there.",
        praise="Correct: H(p) plus the divergence that a fixed-width model cannot remove.",
    )


def check_02_zero_entropy_sigma(answer: Any) -> Feedback:
    """Exercise 3: the standard deviation σ at which N(0, σ²) has differential entropy exactly 0.

    Examples
    --------
    >>> check_02_zero_entropy_sigma(1.0).correct
    False
    """
    expected = 1.0 / math.sqrt(2.0 * math.pi * math.e)
    if _close(answer, 1.0 / math.sqrt(2.0 * math.pi)):
        return Feedback(
            False,
            "At that σ the peak density is 1. The entropy averages -ln p over the whole "
            "density, not at the peak: set the entropy formula to 0.",
        )
    return check_number(
        answer,
        expected,
        hint="solve ½ ln(2πeσ²) = 0 for σ.",
        praise="Correct: any narrower normal has negative differential entropy.",
    )
