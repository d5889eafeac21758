"""Checkers for the exercises of ``04_mle_equivalence.ipynb``."""

from __future__ import annotations

import math
from collections.abc import Callable
from typing import Any

import numpy as np

from .._i18n import tr
from ..distributions import normal_logpdf
from ..fitting import categorical_mle, normal_nll
from ..optimize import numerical_gradient
from ._feedback import (
    Feedback,
    call_learner,
    check_number,
    decimal_places,
    need_function,
    read_vector,
    significant_figures,
    wants,
)

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


@wants(decimal_places(3))
def check_04_categorical_mle(answer: Any) -> Feedback:
    """Exercise 1: the probability vector q that minimises D_KL(p̂‖q) for ``SPINNER_COUNTS``.

    Each probability is accepted to 3 decimal places.

    Examples
    --------
    >>> check_04_categorical_mle(None)
    ✏️ Your turn: replace None with your answer and run the cell again.
    >>> check_04_categorical_mle([0.25, 0.25, 0.25, 0.25])  # doctest: +ELLIPSIS
    ❌ Not yet. Hint: D_KL(p̂‖q) is never negative and is 0 only when q equals p̂; so what is ...
    >>> check_04_categorical_mle([14, 9, 25, 2])
    ❌ Those are counts, not probabilities: a distribution sums to 1.
    """
    values = read_vector(
        answer,
        len(SPINNER_COUNTS),
        names=[tr("The probability of outcome {i}", i=i) for i in range(len(SPINNER_COUNTS))],
        example="Answer with a list of four probabilities, e.g. [0.7, 0.1, 0.1, 0.1].",
    )
    if isinstance(values, Feedback):
        return values
    q = np.array(values)
    if np.allclose(q, SPINNER_COUNTS):
        return Feedback(False, "Those are counts, not probabilities: a distribution sums to 1.")
    if np.any(q < 0) or not math.isclose(float(q.sum()), 1.0, abs_tol=2e-3):
        return Feedback(False, tr("Your entries sum to {total:.4g}; probabilities are >= 0 and sum to 1.",
                                  total=q.sum()))
    precision = check_04_categorical_mle.precision
    if all(map(precision.accepts, q, categorical_mle(SPINNER_COUNTS))):
        return Feedback(True, "Correct: the empirical distribution is both the MLE and the KL minimiser.")
    return Feedback(
        False,
        "Not yet. Hint: D_KL(p̂‖q) is never negative and is 0 only when q equals p̂; "
        "so what is p̂ for these counts?",
    )


@wants(significant_figures(3))
def check_04_kl_nll_gap(answer: Any) -> Feedback:
    """Exercise 2: the MC KL estimate minus the average NLL, for ``GAP_DATA`` and p = N(2, 1).

    Accepted to 3 significant figures.

    Examples
    --------
    >>> check_04_kl_nll_gap(0.0)  # doctest: +ELLIPSIS
    ❌ Not yet. Hint: write both as averages over the data and subtract term by term; what is ...
    """
    log_p = normal_logpdf(np.array(GAP_DATA), *GAP_P)
    expected = float(np.mean(log_p))
    return check_number(
        answer,
        expected,
        precision=check_04_kl_nll_gap.precision,
        hint="write both as averages over the data and subtract term by term; what is left "
        "does not involve the model at all.",
        praise="Correct: the gap is the average of ln p(x_i), the same for every θ.",
        slips=[
            (-expected, "Right size, wrong sign: which of the two is larger?"),
            (float(np.sum(log_p)), "That is a sum over the data; both quantities are averages."),
        ],
    )


def _reference_variance_grad(mu: float, v: float, x: list[float]) -> float:
    return float(numerical_gradient(lambda t: normal_nll(mu, math.sqrt(t[0]), x), [v], 1e-6)[0])


def _sigma_grad(mu: float, v: float, x: list[float]) -> float:
    return float(numerical_gradient(lambda t: normal_nll(mu, t[0], x), [math.sqrt(v)])[0])


def _all_close(got: list[float], wanted: list[float], rel_tol: float) -> bool:
    return all(math.isclose(g, w, rel_tol=rel_tol, abs_tol=1e-7) for g, w in zip(got, wanted, strict=True))


def check_04_variance_gradient(
    func: Callable[[float, float, np.ndarray], Any] | None,
) -> Feedback:
    """Exercise 3: your ``grad_variance(mu, v, x)``, the derivative of the average NLL in v = σ².

    Compared with a finite-difference derivative at three points (relative tolerance 1e-5).
    Two classic slips get their own hint: the derivative in σ instead of v, and the summed NLL
    instead of the average. They are told apart on all three points together (at a single point
    they can coincide, when 2σ equals the number of data).

    Examples
    --------
    >>> check_04_variance_gradient(lambda mu, v, x: 0.0)  # doctest: +ELLIPSIS
    ❌ Wrong value at mu=0.0, v=2.25. Hint: NLL = ½ ln(2πv) + mean((x − μ)²) / (2v); ...
    """
    refusal = need_function(func, usage="check_04_variance_gradient(grad_variance)")
    if refusal is not None:
        return refusal
    results = []
    for mu, v, x in _VARIANCE_CASES:
        got = call_learner(func, mu, v, np.array(x), name="grad_variance")
        if isinstance(got, Feedback):
            return got
        results.append(got)
    expected = [_reference_variance_grad(mu, v, x) for mu, v, x in _VARIANCE_CASES]
    if _all_close(results, expected, 1e-5):
        return Feedback(True, "Correct at all three points: your gradient matches finite differences.")
    summed = [len(x) * g for g, (_, _, x) in zip(expected, _VARIANCE_CASES, strict=True)]
    if _all_close(results, summed, 1e-4):
        return Feedback(
            False,
            "That is the derivative of the summed NLL. The exercise uses the average NLL: "
            "divide by the number of data.",
        )
    if _all_close(results, [_sigma_grad(mu, v, x) for mu, v, x in _VARIANCE_CASES], 1e-4):
        return Feedback(
            False,
            "That is the derivative with respect to σ. The variable here is v = σ²: write "
            "the NLL in terms of v first (or use the chain rule).",
        )
    mu, v, _ = next(
        case
        for got, want, case in zip(results, expected, _VARIANCE_CASES, strict=True)
        if not _all_close([got], [want], 1e-5)
    )
    return Feedback(
        False,
        tr("Wrong value at mu={mu}, v={v}. Hint: NLL = ½ ln(2πv) + mean((x − μ)²) / (2v); "
           "differentiate both terms in v.", mu=mu, v=v),
    )
