"""Checkers for the exercises of ``01_definition.ipynb``."""

from __future__ import annotations

import math
import warnings
from collections.abc import Callable, Iterable
from typing import Any

import numpy as np

from ..divergence import cross_entropy, kl_divergence
from ._feedback import NO_ANSWER, Feedback, check_number

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


def check_01_reverse_bits(answer: Any) -> Feedback:
    """Exercise 1: D_KL(q‖p) in bits for the running example p = [0.2, 0.5, 0.3], q = [0.3, 0.4, 0.3].

    Examples
    --------
    >>> check_01_reverse_bits(None)
    ❌ No answer yet: replace None with your answer and run the cell again.
    """
    expected = kl_divergence(Q_CLASSIC, P_CLASSIC, base=2)
    if isinstance(answer, float):
        # Targeted hints for the two classic slips, without giving the number away.
        if math.isclose(answer, kl_divergence(P_CLASSIC, Q_CLASSIC, base=2), rel_tol=1e-3):
            return Feedback(False, "That is D_KL(p‖q). The exercise asks for the other direction.")
        if math.isclose(answer, kl_divergence(Q_CLASSIC, P_CLASSIC), rel_tol=1e-3):
            return Feedback(False, "Right direction, wrong unit: that is in nats; convert to bits.")
    return check_number(
        answer,
        expected,
        hint="q is now the distribution the data come from, so it goes first; use log base 2.",
        praise="Correct: and it differs from D_KL(p‖q) in bits, because KL is not symmetric.",
    )


def check_01_code_overhead(answer: Any) -> Feedback:
    """Exercise 2: expected extra bits per symbol when p-data are coded with q's code.

    Examples
    --------
    >>> check_01_code_overhead(1.75).correct
    False
    """
    # Code lengths are exactly -log2 q, so the overhead is the KL divergence in bits.
    q = [2.0**-length for length in CODE_LENGTHS_Q]
    expected = kl_divergence(P_CODE, q, base=2)
    if isinstance(answer, (int, float)) and math.isclose(
        answer, cross_entropy(P_CODE, q, base=2), rel_tol=1e-3
    ):
        return Feedback(
            False,
            "That is the average length with q's code. Subtract what p's own code would need.",
        )
    return check_number(
        answer,
        expected,
        hint="average the code lengths under p for both codes (lengths are -log2 of the "
        "probabilities), then subtract.",
        praise="Correct: the extra length is D_KL(p‖q) in bits.",
    )


def check_01_support(answer: Any) -> Feedback:
    """Exercise 3: the set of candidate letters q for which D_KL(p‖q) is finite.

    Examples
    --------
    >>> check_01_support({"B"}).correct
    False
    """
    if answer is None:
        return Feedback(False, NO_ANSWER)
    if isinstance(answer, str):
        answer = [ch for ch in answer if ch.isalpha()]
    if not isinstance(answer, Iterable):
        return Feedback(False, 'Answer with a set of letters, e.g. {"A", "B"}.')
    chosen = {str(letter).strip().upper() for letter in answer}
    unknown = chosen - set(SUPPORT_CANDIDATES)
    if unknown:
        return Feedback(False, f"Unknown candidate(s) {sorted(unknown)}; pick from A, B, C, D.")
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

    Examples
    --------
    >>> check_01_my_kl(lambda p, q: kl_divergence(p, q)).correct
    True
    """
    if func is None:
        return Feedback(False, NO_ANSWER)
    if not callable(func):
        return Feedback(False, "Pass the function itself, e.g. check_01_my_kl(my_kl).")
    for p, q in _reference_cases():
        try:
            # A naive implementation triggers numpy warnings on the edge cases; the verdict
            # below explains them, so the warnings would only be noise here.
            with warnings.catch_warnings(), np.errstate(all="ignore"):
                warnings.simplefilter("ignore")
                got = func(p.copy(), q.copy())
        except Exception as exc:  # a learner's bug is feedback, not a crash
            return Feedback(False, f"Your function raised {type(exc).__name__}: {exc}")
        if got is None:
            return Feedback(False, "No answer yet: my_kl returns None; implement it and run the cell again.")
        try:
            got = float(got)
        except (TypeError, ValueError):
            return Feedback(False, f"Your function should return a number, not {type(got).__name__}.")
        expected = kl_divergence(p, q)
        if math.isnan(got):
            return Feedback(
                False,
                f"NaN for p={p.tolist()}, q={q.tolist()}. Hint: 0·log(0/q) must count as 0, "
                "so skip the outcomes where p is 0.",
            )
        if math.isinf(expected) != math.isinf(got) or (
            math.isfinite(expected) and not math.isclose(got, expected, rel_tol=1e-9, abs_tol=1e-12)
        ):
            hint = (
                "when q is 0 where p > 0 the divergence is infinite (math.inf)."
                if math.isinf(expected)
                else "check the direction p·log(p/q) and use the natural log."
            )
            return Feedback(False, f"Wrong value for p={p.tolist()}, q={q.tolist()}. Hint: {hint}")
    return Feedback(True, "Correct on all four cases, including the zeros.")
