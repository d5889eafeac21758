"""Checkers for the exercises of ``01_definition.ipynb``."""

from __future__ import annotations

import math
from collections.abc import Callable
from typing import Any

import numpy as np

from .._i18n import tr
from ..divergence import cross_entropy, kl_divergence
from ._feedback import (
    Feedback,
    call_learner,
    check_number,
    decimal_places,
    need_function,
    read_names,
    significant_figures,
    wants,
)

__all__ = [
    "CODE_LENGTHS_Q",
    "SUPPORT_CANDIDATES",
    "SUPPORT_P",
    "check_01_code_overhead",
    "check_01_my_kl",
    "check_01_reverse_bits",
    "check_01_support",
]

# The notebook's running example.
P_CLASSIC = [0.2, 0.5, 0.3]
Q_CLASSIC = [0.3, 0.4, 0.3]

# Exercise 2: a prefix code built for q = [1/2, 1/4, 1/4] (codewords 0, 10, 11).
CODE_LENGTHS_Q = [1, 2, 2]
P_CODE = [0.25, 0.25, 0.5]

# Exercise 3: which candidates q give a finite D_KL(SUPPORT_P || q)?
SUPPORT_P = [0.5, 0.5, 0.0]
SUPPORT_CANDIDATES = {
    "A": [0.5, 0.25, 0.25],
    "B": [1.0, 0.0, 0.0],
    "C": [0.25, 0.25, 0.5],
    "D": [0.5, 0.5, 0.0],
}


@wants(decimal_places(3))
def check_01_reverse_bits(answer: Any) -> Feedback:
    """Exercise 1: D_KL(q‖p) in bits for the running example p = [0.2, 0.5, 0.3], q = [0.3, 0.4, 0.3].

    Accepted to 3 decimal places.

    Examples
    --------
    >>> check_01_reverse_bits(None)
    ✏️ Your turn: replace None with your answer and run the cell again.
    >>> check_01_reverse_bits(0.032)
    ❌ Right direction, wrong unit: that is in nats; convert to bits.
    """
    return check_number(
        answer,
        kl_divergence(Q_CLASSIC, P_CLASSIC, base=2),
        precision=check_01_reverse_bits.precision,
        hint="q is now the distribution the data come from, so it goes first; use log base 2.",
        praise="Correct: and it differs from D_KL(p‖q) in bits, because KL is not symmetric.",
        # Targeted hints for the two classic slips, without giving the number away.
        slips=[
            (kl_divergence(P_CLASSIC, Q_CLASSIC, base=2),
             "That is D_KL(p‖q). The exercise asks for the other direction."),
            (kl_divergence(Q_CLASSIC, P_CLASSIC),
             "Right direction, wrong unit: that is in nats; convert to bits."),
        ],
    )


@wants(significant_figures(3))
def check_01_code_overhead(answer: Any) -> Feedback:
    """Exercise 2: expected extra bits per symbol when p-data are coded with q's code.

    Accepted to 3 significant figures.

    Examples
    --------
    >>> check_01_code_overhead(1.75)
    ❌ That is the average length with q's code. Subtract what p's own code would need.
    """
    # Code lengths are exactly -log2 q, so the overhead is the KL divergence in bits.
    q = [2.0**-length for length in CODE_LENGTHS_Q]
    return check_number(
        answer,
        kl_divergence(P_CODE, q, base=2),
        precision=check_01_code_overhead.precision,
        hint="average the code lengths under p for both codes (lengths are -log2 of the "
        "probabilities), then subtract.",
        praise="Correct: the extra length is D_KL(p‖q) in bits.",
        slips=[(
            cross_entropy(P_CODE, q, base=2),
            "That is the average length with q's code. Subtract what p's own code would need.",
        )],
    )


def check_01_support(answer: Any) -> Feedback:
    """Exercise 3: the set of candidate letters q for which D_KL(p‖q) is finite.

    Examples
    --------
    >>> check_01_support({"B"})  # doctest: +ELLIPSIS
    ❌ Not yet. Hint: D_KL(p‖q) is infinite exactly when q is 0 on an outcome where p is positive. ...
    >>> check_01_support("Z")
    ❌ Unknown candidate(s) ['Z']; pick from A, B, C, D.
    """
    chosen = read_names(
        answer,
        list(SUPPORT_CANDIDATES),
        noun="candidate",
        example='Answer with a set of letters picked from A, B, C, D, written like {"X", "Y"}.',
    )
    if isinstance(chosen, Feedback):
        return chosen
    expected = {
        name
        for name, q in SUPPORT_CANDIDATES.items()
        if math.isfinite(kl_divergence(SUPPORT_P, q))
    }
    if chosen == expected:
        return Feedback(True, "Correct: q must be positive wherever p is; elsewhere it is free.")
    return Feedback(
        False,
        "Not yet. Hint: D_KL(p‖q) is infinite exactly when q is 0 on an outcome where p is "
        "positive. Outcomes where p is 0 contribute nothing, whatever q puts there.",
    )


def _reference_cases() -> list[tuple[np.ndarray, np.ndarray]]:
    return [
        (np.array(P_CLASSIC), np.array(Q_CLASSIC)),
        (np.array([0.5, 0.5, 0.0]), np.array([0.25, 0.25, 0.5])),  # p has a zero
        (np.array([0.1, 0.6, 0.3]), np.array([0.1, 0.6, 0.3])),  # equal
        (np.array([0.5, 0.5]), np.array([1.0, 0.0])),  # support problem
    ]


def check_01_my_kl(func: Callable[[np.ndarray, np.ndarray], Any] | None) -> Feedback:
    """Exercise 4: your own ``my_kl(p, q)`` (in nats), tested on four cases including the edge ones.

    Compared with the reference to 1e-9 (relative); where the divergence is infinite the answer
    must be +inf (``math.inf``).

    Examples
    --------
    >>> check_01_my_kl(lambda p, q: kl_divergence(p, q))
    ✅ Correct on all four cases, including the zeros.
    >>> check_01_my_kl(lambda p, q: np.sum(p * np.log(p / q)))  # doctest: +ELLIPSIS
    ❌ NaN for p=[0.5, 0.5, 0.0], q=[0.25, 0.25, 0.5]. Hint: 0·log(0/q) must count as 0, so skip...
    """
    refusal = need_function(func, usage="check_01_my_kl(my_kl)")
    if refusal is not None:
        return refusal
    for p, q in _reference_cases():
        got = call_learner(func, p.copy(), q.copy(), name="my_kl")
        if isinstance(got, Feedback):
            return got
        expected = kl_divergence(p, q)
        case = f"p={p.tolist()}, q={q.tolist()}"
        if math.isnan(got):
            if math.isinf(expected):
                hint = ("q is 0 where p > 0 here, so the divergence is +infinity (math.inf), "
                        "not undefined.")
            elif np.any(p == 0):
                hint = "0·log(0/q) must count as 0, so skip the outcomes where p is 0."
            else:
                hint = "look for 0/0, 0·inf or inf - inf in your formula."
            return Feedback(False, tr("NaN for {case}. Hint: {hint}", case=case, hint=tr(hint)))
        if math.isinf(expected):
            if got != expected:
                hint = ("when q is 0 where p > 0 the divergence is +infinity (math.inf), "
                        "not -infinity." if got == -math.inf else
                        "when q is 0 where p > 0 the divergence is infinite (math.inf).")
                return Feedback(False, tr("Wrong value for {case}. Hint: {hint}", case=case,
                                          hint=tr(hint)))
        elif not math.isclose(got, expected, rel_tol=1e-9, abs_tol=1e-12):
            return Feedback(False, tr(
                "Wrong value for {case}. Hint: {hint}", case=case,
                hint=tr("check the direction p·log(p/q) and use the natural log.")))
    return Feedback(True, "Correct on all four cases, including the zeros.")
