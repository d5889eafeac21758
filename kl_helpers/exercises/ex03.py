"""Checkers for the exercises of ``03_sample_approximation.ipynb``."""

from __future__ import annotations

import math
from typing import Any

from .._i18n import tr
from ..distributions import normal_logpdf
from ..estimators import kl_estimator_terms, kl_term_std_normal
from ._feedback import Feedback, check_number, read_names, significant_figures, wants

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


ESTIMATORS = ["k1", "k2", "k3"]


@wants(significant_figures(3))
def check_03_k3_term(answer: Any) -> Feedback:
    """Exercise 1: the k3 term at the single sample x = 2, for p = N(0, 1) and q = N(1, 1).

    Accepted to 3 significant figures.

    Examples
    --------
    >>> check_03_k3_term(None)
    ✏️ Your turn: replace None with your answer and run the cell again.
    >>> check_03_k3_term(-1.5)
    ❌ That is the k1 term. k3 uses r itself, not only ln r.
    """
    lp = normal_logpdf(K3_POINT, *P)
    lq = normal_logpdf(K3_POINT, *K3_Q)

    def term(kind: str, log_p: float = lp, log_q: float = lq) -> float:
        return float(kl_estimator_terms([log_p], [log_q], kind)[0])

    slip = "That is the {kind} term. k3 uses r itself, not only ln r."
    return check_number(
        answer,
        term("k3"),
        precision=check_03_k3_term.precision,
        hint="compute ln r = ln q(2) - ln p(2) first, then k3 = (r - 1) - ln r.",
        praise="Correct: positive, as every k3 term is.",
        slips=[
            (term("k1"), tr(slip, kind="k1")),
            (term("k2"), tr(slip, kind="k2")),
            # r = p/q instead of q/p
            (term("k3", lq, lp), "Close: your ratio is upside down. Here r = q(x)/p(x)."),
        ],
    )


@wants(significant_figures(2))
def check_03_samples_needed(answer: Any) -> Feedback:
    """Exercise 2: samples N for a k1 standard error of 0.01 with p = N(0, 1), q = N(0.5, 1).

    Accepted to 2 significant figures (the standard error is itself an estimate).

    Examples
    --------
    >>> check_03_samples_needed(10)  # doctest: +ELLIPSIS
    ❌ Not yet. Hint: the standard error is σ/√N, with σ the standard deviation of one term ...
    >>> check_03_samples_needed(50)
    ❌ That is √N. The standard error shrinks like 1/√N: solve for N.
    """
    sd = kl_term_std_normal(*P, *Q)
    expected = (sd / SE_TARGET) ** 2
    return check_number(
        answer,
        expected,
        precision=check_03_samples_needed.precision,
        hint="the standard error is σ/√N, with σ the standard deviation of one term "
        "ln p(x) - ln q(x); estimate σ from a large sample or work it out for these normals.",
        praise="Correct: a hundred times smaller error costs ten thousand times more samples.",
        slips=[(math.sqrt(expected), "That is √N. The standard error shrinks like 1/√N: solve for N.")],
    )


def check_03_unbiased(answer: Any) -> Feedback:
    """Exercise 3: the set of estimator names (from "k1", "k2", "k3") that are unbiased.

    Examples
    --------
    >>> check_03_unbiased({"k2"})  # doctest: +ELLIPSIS
    ❌ Not yet. Hint: take the expectation under p of each term. E_p[ln r] = -D_KL, and ...
    >>> check_03_unbiased({"k4"})
    ❌ Unknown estimator(s) ['k4']; pick from k1, k2, k3.
    """
    chosen = read_names(
        answer,
        ESTIMATORS,
        noun="estimator",
        example='Answer with a set of names from k1, k2, k3, written like {"k1", "k2"}.',
    )
    if isinstance(chosen, Feedback):
        return chosen
    # k1 and k3 have expectation D_KL exactly (E_p[r] = 1: both normals have full support);
    # k2 does not in general.
    if chosen == {"k1", "k3"}:
        return Feedback(True, "Correct: both average to D_KL exactly; k3 is also never negative.")
    return Feedback(
        False,
        "Not yet. Hint: take the expectation under p of each term. E_p[ln r] = -D_KL, and "
        "E_p[r] = ∫ q dx over the set where p > 0 (so 1 when q = 0 wherever p = 0, as "
        "here). Which terms then average to D_KL exactly? The table in the notebook shows the "
        "bias of each, within its standard error.",
    )
