"""Checkers for the exercises of ``05_forward_vs_reverse.ipynb``."""

from __future__ import annotations

import math
from typing import Any

from ..mixtures import NormalMixture, moment_match
from ._feedback import (
    Feedback,
    check_number,
    read_choice,
    read_vector,
    significant_figures,
    wants,
)

__all__ = ["EXERCISE_MIXTURE", "check_05_direction", "check_05_moment_match", "check_05_uniform_limit"]

#: Exercise 1: p = 0.25 N(0, 1) + 0.75 N(4, 1).
EXERCISE_MIXTURE = NormalMixture([0.25, 0.75], [0.0, 4.0], [1.0, 1.0])


@wants(significant_figures(3))
def check_05_moment_match(answer: Any) -> Feedback:
    """Exercise 1: (mu, sigma) of the Gaussian minimising D_KL(p‖q) for :data:`EXERCISE_MIXTURE`.

    Each of mu and sigma is accepted to 3 significant figures; a tuple, list or NumPy array works.

    Examples
    --------
    >>> check_05_moment_match(None)
    ✏️ Your turn: replace None with your answer and run the cell again.
    >>> check_05_moment_match((2.0, 2.0))  # doctest: +ELLIPSIS
    ❌ The mean is not right yet. Hint: the mean of a mixture is the weighted average of the ...
    >>> check_05_moment_match(("2", 2.0))
    ❌ mu should be a number, not str.
    """
    values = read_vector(
        answer, 2, names=["mu", "sigma"], example="Answer with a pair (mu, sigma), e.g. (1.0, 0.5)."
    )
    if isinstance(values, Feedback):
        return values
    (got_mu, got_sigma), (mu, sigma) = values, moment_match(EXERCISE_MIXTURE)
    precision = check_05_moment_match.precision
    if not precision.accepts(got_mu, mu):
        return Feedback(False, "The mean is not right yet. Hint: the mean of a mixture is the "
                               "weighted average of the component means.")
    return check_number(
        got_sigma,
        sigma,
        precision=precision,
        not_yet="The mean is right; sigma is not.",
        hint="variance = average within-component variance + variance of the component means; "
             "then take the square root.",
        praise="Correct: the forward fit matches the mean and variance of p.",
        slips=[
            (1.0, "That is the width of one component. The fit must also cover the "
                  "spread between the components (law of total variance)."),
            (sigma**2, "The mean is right, but that is a variance; sigma is a standard deviation."),
        ],
    )


def check_05_direction(answer: Any) -> Feedback:
    """Exercise 2: which direction to minimise when q must not put mass where p has none.

    Examples
    --------
    >>> check_05_direction("sideways")
    ❌ Answer with the string "forward" or "reverse".
    """
    choice = read_choice(
        answer, ["forward", "reverse"], example='Answer with the string "forward" or "reverse".'
    )
    if isinstance(choice, Feedback):
        return choice
    if choice == "reverse":
        return Feedback(True, "Correct: D_KL(q‖p) is an average under q, so q pays heavily for "
                              "mass where p is tiny, and it shrinks onto a mode instead.")
    return Feedback(False, "Not yet. Hint: ask which direction averages log(q/p) over the "
                           "places where q puts its mass, and what happens there when p ≈ 0.")


@wants(significant_figures(3))
def check_05_uniform_limit(answer: Any) -> Feedback:
    """Exercise 3: the limit of the Gaussian MLE's sigma for data from Uniform(0, 1).

    Accepted to 3 significant figures.

    Examples
    --------
    >>> check_05_uniform_limit(1 / 12)
    ❌ That is a variance; the question asks for a standard deviation.
    """
    return check_number(
        answer,
        math.sqrt(1.0 / 12.0),
        precision=check_05_uniform_limit.precision,
        hint="as N grows, the MLE goes to the KL projection of p onto the Gaussians, which "
             "matches the moments of p. What is the spread of a uniform on [0, 1]?",
        praise="Correct: the MLE converges to the moment-matched Gaussian, not to the uniform.",
        slips=[(1.0 / 12.0, "That is a variance; the question asks for a standard deviation.")],
    )
