"""Checkers for the exercises of ``02_decomposition.ipynb``."""

from __future__ import annotations

import math
from typing import Any

from ..distributions import kl_normal_normal, normal_cross_entropy, normal_entropy
from ._feedback import Feedback, check_number, significant_figures, wants

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


@wants(significant_figures(3))
def check_02_neg_entropy(answer: Any) -> Feedback:
    """Exercise 1: ∫ p(x) ln p(x) dx in nats for p = N(0, 2²).

    Accepted to 3 significant figures.

    Examples
    --------
    >>> check_02_neg_entropy(None)
    ✏️ Your turn: replace None with your answer and run the cell again.
    >>> check_02_neg_entropy(0.0)
    ❌ Not yet. Hint: H(p) = -∫ p ln p dx, and a normal's entropy is ½ ln(2πeσ²).
    """
    h = normal_entropy(NEG_ENTROPY_SIGMA)
    return check_number(
        answer,
        -h,
        precision=check_02_neg_entropy.precision,
        hint="H(p) = -∫ p ln p dx, and a normal's entropy is ½ ln(2πeσ²).",
        praise="Correct: ∫ p ln p dx is minus the entropy.",
        slips=[(h, "That is the entropy H(p). Look at the sign in front of the integral.")],
    )


@wants(significant_figures(3))
def check_02_min_cross_entropy(answer: Any) -> Feedback:
    """Exercise 2: the smallest value of H(p, q_θ) over θ, for p = N(1, 0.5²), q_θ = N(θ, 1).

    Accepted to 3 significant figures.

    Examples
    --------
    >>> check_02_min_cross_entropy(1.0)
    ❌ That is where the minimum is (θ). The exercise asks for the value.
    """
    mu_p, sigma_p = CE_P
    return check_number(
        answer,
        normal_cross_entropy(mu_p, sigma_p, mu_p, CE_SIGMA_Q),  # the argmin is θ = μ_p
        precision=check_02_min_cross_entropy.precision,
        hint="both H(p, q_θ) and D_KL(p‖q_θ) are smallest at the same θ; use "
        "H(p, q) = H(p) + D_KL(p‖q) there.",
        praise="Correct: H(p) plus the divergence that a fixed-width model cannot remove.",
        slips=[
            (mu_p, "That is where the minimum is (θ). The exercise asks for the value."),
            (normal_entropy(sigma_p),
             "That is H(p), the minimum over all models. Here q's width is fixed, so q cannot "
             "match p exactly: some divergence remains."),
            (kl_normal_normal(mu_p, sigma_p, mu_p, CE_SIGMA_Q),
             "That is the smallest divergence. The cross-entropy adds something."),
        ],
    )


@wants(significant_figures(3))
def check_02_zero_entropy_sigma(answer: Any) -> Feedback:
    """Exercise 3: the standard deviation σ at which N(0, σ²) has differential entropy exactly 0.

    Accepted to 3 significant figures.

    Examples
    --------
    >>> check_02_zero_entropy_sigma(1.0)
    ❌ Not yet. Hint: solve ½ ln(2πeσ²) = 0 for σ.
    """
    return check_number(
        answer,
        1.0 / math.sqrt(2.0 * math.pi * math.e),
        precision=check_02_zero_entropy_sigma.precision,
        hint="solve ½ ln(2πeσ²) = 0 for σ.",
        praise="Correct: any narrower normal has negative differential entropy.",
        slips=[(
            1.0 / math.sqrt(2.0 * math.pi),
            "At that σ the peak density is 1. The entropy averages -ln p over the whole "
            "density, not at the peak: set the entropy formula to 0.",
        )],
    )
