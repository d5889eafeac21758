"""Checkers for the exercises of ``04_mle_equivalence.ipynb``."""

from __future__ import annotations

import math
import warnings
from collections.abc import Callable
from typing import Any

import numpy as np

from ..distributions import normal_logpdf
from ..fitting import categorical_mle, normal_nll
from ..optimize import numerical_gradient
from ._feedback import NO_ANSWER, Feedback, check_number

__all__ = [
    "GAP_DATA",
    "GAP_P",
    "SPINNER_COUNTS",
    "check_04_categorical_mle",
    "check_04_kl_nll_gap",
    "check_04_variance_gradient",
]

# Exercise 1: a four-sided spinner was spun 50 times; counts of outcomes 0, 1, 2, 3.
SPINNER_COUNTS = [14, 9, 25, 2]

# Exercise 2: five observations, and the true distribution p = N(2, 1) they came from.
GAP_DATA = [0.2, 1.1, 1.9, 2.4, 3.0]
GAP_P = (2.0, 1.0)

# Exercise 3: points (mu, v = sigma^2, data) at which the learner's gradient is compared.
_VARIANCE_CASES = [
    (0.0, 2.25, [0.5, 1.5, 2.5]),
    (1.0, 0.25, [0.2, 1.1, 1.9, 2.4, 3.0]),
    (-2.0, 4.0, [-3.0, -1.0, 0.0, 2.0]),
]


def check_04_categorical_mle(answer: Any) -> Feedback:
    """Exercise 1: the probability vector q that minimises D_KL(p̂‖q) for ``SPINNER_COUNTS``.

    Examples
    --------
    >>> check_04_categorical_mle(None)
    ❌ No answer yet: replace None with your answer and run the cell again.
    >>> check_04_categorical_mle([0.25, 0.25, 0.25, 0.25]).correct
    False
    """
    if answer is None:
        return Feedback(False, NO_ANSWER)
    try:
        q = np.asarray(answer, dtype=float)
    except (TypeError, ValueError):
        return Feedback(False, "Answer with a list of four probabilities, e.g. [0.1, 0.2, 0.3, 0.4].")
    if q.shape != (len(SPINNER_COUNTS),) or not np.all(np.isfinite(q)):
        return Feedback(False, "Answer with a list of four finite probabilities, one per outcome.")
    if np.allclose(q, SPINNER_COUNTS):
        return Feedback(False, "Those are counts, not probabilities: a distribution sums to 1.")
    if np.any(q < 0) or not math.isclose(float(q.sum()), 1.0, abs_tol=2e-3):
        return Feedback(False, f"Your entries sum to {q.sum():.4g}; probabilities are >= 0 and sum to 1.")
    if np.allclose(q, categorical_mle(SPINNER_COUNTS), atol=1e-3):
        return Feedback(True, "Correct: the empirical distribution is both the MLE and the KL minimiser.")
    return Feedback(
        False,
        "Not yet. Hint: D_KL(p̂‖q) is never negative and is 0 only when q equals p̂; "
        "so what is p̂ for these counts?",
    )


def check_04_kl_nll_gap(answer: Any) -> Feedback:
    """Exercise 2: the MC KL estimate minus the average NLL, for ``GAP_DATA`` and p = N(2, 1).

    Examples
    --------
    >>> check_04_kl_nll_gap(0.0).correct
    False
    """
    log_p = normal_logpdf(np.array(GAP_DATA), *GAP_P)
    expected = float(np.mean(log_p))
    if isinstance(answer, (int, float)) and not isinstance(answer, bool):
        if math.isclose(answer, -expected, rel_tol=1e-3):
            return Feedback(False, "Right size, wrong sign: which of the two is larger?")
        if math.isclose(answer, float(np.sum(log_p)), rel_tol=1e-3):
            return Feedback(False, "That is a sum over the data; both quantities are averages.")
    return check_number(
        answer,
        expected,
        hint="write both as averages over the data and subtract term by term; what is left "
        "does not involve the model at all.",
        praise="Correct: the gap is the average of ln p(x_i), the same for every θ.",
    )


def _reference_variance_grad(mu: float, v: float, x: list[float]) -> float:
    return float(numerical_gradient(lambda t: normal_nll(mu, math.sqrt(t[0]), x), [v], 1e-6)[0])


def check_04_variance_gradient(
    func: Callable[[float, float, np.ndarray], Any] | None,
) -> Feedback:
    """Exercise 3: your ``grad_variance(mu, v, x)``, the derivative of the average NLL in v = σ².

    Compared with a finite-difference derivative at three points (relative tolerance 1e-5).

    Examples
    --------
    >>> check_04_variance_gradient(lambda mu, v, x: 0.0).correct
    False
    """
    if func is None:
        return Feedback(False, NO_ANSWER)
    if not callable(func):
        return Feedback(False, "Pass the function itself, e.g. check_04_variance_gradient(grad_variance).")
    for mu, v, x in _VARIANCE_CASES:
        try:
            # A learner's draft may divide by zero or overflow; the verdict says what is wrong.
            with warnings.catch_warnings(), np.errstate(all="ignore"):
                warnings.simplefilter("ignore")
                got = func(mu, v, np.array(x))
        except Exception as exc:  # a learner's bug is feedback, not a crash
            return Feedback(False, f"Your function raised {type(exc).__name__}: {exc}")
        if got is None:
            return Feedback(
                False, "No answer yet: grad_variance returns None; implement it and run the cell again."
            )
        try:
            got = float(got)
        except (TypeError, ValueError):
            return Feedback(False, f"Your function should return one number, not {type(got).__name__}.")
        expected = _reference_variance_grad(mu, v, x)
        if math.isclose(got, expected, rel_tol=1e-5, abs_tol=1e-7):
            continue
        sigma = math.sqrt(v)
        d_sigma = float(numerical_gradient(lambda t, mu=mu, x=x: normal_nll(mu, t[0], x), [sigma])[0])
        if math.isclose(got, d_sigma, rel_tol=1e-4):
            return Feedback(
                False,
                "That is the derivative with respect to σ. The variable here is v = σ²: write "
                "the NLL in terms of v first (or use the chain rule).",
            )
        return Feedback(
            False,
            f"Wrong value at mu={mu}, v={v}. Hint: NLL = ½ ln(2πv) + mean((x − μ)²) / (2v); "
            "differentiate both terms in v.",
        )
    return Feedback(True, "Correct at all three points: your gradient matches finite differences.")
