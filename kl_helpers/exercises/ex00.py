"""Checkers for the exercises of ``00_refresher.ipynb``."""

from __future__ import annotations

import math
from typing import Any

import numpy as np

from ..expectation import discrete_expectation, jensen_gap_log
from ._feedback import Feedback, check_number, significant_figures, wants

__all__ = [
    "BITS_EVENTS",
    "BITS_PROBABILITY",
    "INTERVAL",
    "INTERVAL_SIGMA",
    "JENSEN_PROBABILITIES",
    "JENSEN_VALUES",
    "X_PROBABILITIES",
    "X_VALUES",
    "check_00_interval_probability",
    "check_00_inverse_mean",
    "check_00_jensen_gap",
    "check_00_log_bits",
]

# Exercise 1: X takes the values 1, 2, 4 with probabilities 1/2, 1/4, 1/4 (the lesson's example).
X_VALUES = (1.0, 2.0, 4.0)
X_PROBABILITIES = (0.5, 0.25, 0.25)
# Exercise 2: X ~ N(0, 0.1²) and the interval [0.1, 0.2].
INTERVAL_SIGMA = 0.1
INTERVAL = (0.1, 0.2)
# Exercise 3: 300 independent events, each of probability 0.05 (0.05³⁰⁰ ≈ 1e-390 underflows).
BITS_EVENTS = 300
BITS_PROBABILITY = 0.05
# Exercise 4: X takes the values 1, 4, 16 with probabilities 1/2, 1/4, 1/4.
JENSEN_VALUES = (1.0, 4.0, 16.0)
JENSEN_PROBABILITIES = (0.5, 0.25, 0.25)


@wants(significant_figures(3))
def check_00_inverse_mean(answer: Any) -> Feedback:
    """Exercise 1: E[1/X] for X = 1, 2, 4 with probabilities 1/2, 1/4, 1/4.

    Accepted to 3 significant figures.

    Examples
    --------
    >>> check_00_inverse_mean(None)
    ✏️ Your turn: replace None with your answer and run the cell again.
    >>> check_00_inverse_mean(0.5)
    ❌ That is 1/E[X]. The expectation of 1/X averages the values 1/x, weighted by their probabilities.
    """
    x, p = np.array(X_VALUES), np.array(X_PROBABILITIES)
    return check_number(
        answer,
        discrete_expectation(1.0 / x, p),
        precision=check_00_inverse_mean.precision,
        hint="compute 1/x for each value, then weight each by its probability and add.",
        praise="Correct: and it is not 1/E[X] (Jensen's inequality at work: 1/x is convex).",
        slips=[
            (1.0 / discrete_expectation(x, p),
             "That is 1/E[X]. The expectation of 1/X averages the values 1/x, weighted by their "
             "probabilities."),
            (float(np.mean(1.0 / x)),
             "That is the plain average of the three values of 1/x. The outcomes are not equally "
             "likely: weight each by its probability."),
        ],
    )


@wants(significant_figures(3))
def check_00_interval_probability(answer: Any) -> Feedback:
    """Exercise 2: P(0.1 ≤ X ≤ 0.2) for X ~ N(0, 0.1²).

    Accepted to 3 significant figures.

    Examples
    --------
    >>> check_00_interval_probability(1.0)  # doctest: +ELLIPSIS
    ❌ Not yet. Hint: a probability is the area under the density over the interval: integrate ...
    """
    sigma, (low, high) = INTERVAL_SIGMA, INTERVAL

    def density(x: float) -> float:
        return math.exp(-0.5 * (x / sigma) ** 2) / (sigma * math.sqrt(2.0 * math.pi))

    def cdf(x: float) -> float:
        return 0.5 * (1.0 + math.erf(x / (sigma * math.sqrt(2.0))))

    return check_number(
        answer,
        cdf(high) - cdf(low),
        precision=check_00_interval_probability.precision,
        hint="a probability is the area under the density over the interval: integrate the "
        "density from the interval's left end to its right end (e.g. kh.trapezoid on a fine grid).",
        praise="Correct: a probability, below 1, although the density at the left end is above 2.",
        slips=[
            (density(low), "That is the density at the left end, not a probability (it is more "
             "than 1). Integrate the density over the interval."),
            (density(high), "That is the density at the right end, not a probability. Integrate "
             "the density over the interval."),
            (density(0.5 * (low + high)) * (high - low),
             "That is the density at the midpoint times the width: a rough approximation, "
             "because the density is curved there. Integrate the density over the interval."),
        ],
    )


@wants(significant_figures(4))
def check_00_log_bits(answer: Any) -> Feedback:
    """Exercise 3: log₂ of the probability that 300 independent events of probability 0.05 all happen.

    Accepted to 4 significant figures.

    Examples
    --------
    >>> check_00_log_bits(-math.inf)  # doctest: +ELLIPSIS
    ❌ Your answer is -inf; this one is finite. Hint: the product of the probabilities is too ...
    """
    nats = BITS_EVENTS * math.log(BITS_PROBABILITY)
    return check_number(
        answer,
        nats / math.log(2.0),
        precision=check_00_log_bits.precision,
        hint="the product of the probabilities is too small for a float (it rounds to 0); take "
        "logs first: the log of a product is the sum of the logs. Then change the base to 2.",
        praise="Correct: a sum of logs stays finite where the product underflows to 0.",
        slips=[
            (nats, "Right idea, wrong unit: that is the natural log (nats). Convert to bits: "
             "divide by ln 2."),
            (BITS_EVENTS * math.log10(BITS_PROBABILITY),
             "That is the base-10 log. The question asks for log base 2 (bits)."),
            (-nats / math.log(2.0),
             "Check the sign: a probability below 1 has a negative logarithm."),
        ],
    )


@wants(significant_figures(3))
def check_00_jensen_gap(answer: Any) -> Feedback:
    """Exercise 4: ln E[X] − E[ln X] in nats, for X = 1, 4, 16 with probabilities 1/2, 1/4, 1/4.

    Accepted to 3 significant figures.

    Examples
    --------
    >>> check_00_jensen_gap(math.log(5.5))
    ❌ That is ln E[X] alone. Subtract E[ln X].
    """
    x, p = np.array(JENSEN_VALUES), np.array(JENSEN_PROBABILITIES)
    gap = jensen_gap_log(x, p)
    log_mean, mean_log = math.log(discrete_expectation(x, p)), discrete_expectation(np.log(x), p)
    return check_number(
        answer,
        gap,
        precision=check_00_jensen_gap.precision,
        hint="compute E[X] and E[ln X] = Σ p ln x separately, then take ln of the first and "
        "subtract the second.",
        praise="Correct: positive, as Jensen's inequality says it must be for an X that varies.",
        slips=[
            (-gap, "Check the sign: the logarithm is concave, so ln E[X] is the larger of the two."),
            (gap / math.log(2.0), "That is in bits. The question asks for nats (natural log)."),
            (log_mean, "That is ln E[X] alone. Subtract E[ln X]."),
            (mean_log, "That is E[ln X] alone. The gap is ln E[X] minus it."),
        ],
    )
