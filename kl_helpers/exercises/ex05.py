"""Checkers for the exercises of ``05_forward_vs_reverse.ipynb``."""

from __future__ import annotations

import math
from collections.abc import Sequence
from typing import Any

from ..mixtures import NormalMixture, moment_match
from ._feedback import NO_ANSWER, Feedback, check_number

__all__ = ["EXERCISE_MIXTURE", "check_05_direction", "check_05_moment_match", "check_05_uniform_limit"]

#: Exercise 1: p = 0.25 N(0, 1) + 0.75 N(4, 1).
EXERCISE_MIXTURE = NormalMixture([0.25, 0.75], [0.0, 4.0], [1.0, 1.0])


def check_05_moment_match(answer: Any) -> Feedback:
    """Exercise 1: (mu, sigma) of the Gaussian minimising D_KL(p‖q) for :data:`EXERCISE_MIXTURE`.

    Examples
    --------
    >>> check_05_moment_match(None)
    ❌ No answer yet: replace None with your answer and run the cell again.
    >>> check_05_moment_match((2.0, 2.0)).correct
    False
    """
    if answer is None:
        return Feedback(False, NO_ANSWER)
    if not isinstance(answer, Sequence) or isinstance(answer, str) or len(answer) != 2:
        return Feedback(False, "Answer with a pair (mu, sigma), e.g. (1.0, 0.5).")
    mu, sigma = moment_match(EXERCISE_MIXTURE)
    got_mu = check_number(answer[0], mu, hint="", praise="")
    if not got_mu.correct:
        return Feedback(False, "The mean is not right yet. Hint: the mean of a mixture is the "
                               "weighted average of the component means.")
    if isinstance(answer[1], (int, float)) and math.isclose(answer[1], 1.0):
        return Feedback(False, "That is the width of one component. The fit must also cover the "
                               "spread between the components (law of total variance).")
    got_sigma = check_number(answer[1], sigma, hint="", praise="")
    if not got_sigma.correct:
        return Feedback(False, "The mean is right; sigma is not. Hint: variance = average "
                               "within-component variance + variance of the component means; "
                               "then take the square root.")
    return Feedback(True, "Correct: the forward fit matches the mean and variance of p.")


def check_05_direction(answer: Any) -> Feedback:
    """Exercise 2: which direction to minimise when q must not put mass where p has none.

    Examples
    --------
    >>> check_05_direction("sideways").correct
    False
    """
    if answer is None:
        return Feedback(False, NO_ANSWER)
    if not isinstance(answer, str) or answer.strip().lower() not in {"forward", "reverse"}:
        return Feedback(False, 'Answer with the string "forward" or "reverse".')
    if answer.strip().lower() == "reverse":
        return Feedback(True, "Correct: D_KL(q‖p) is an average under q, so q pays heavily for "
                              "mass where p is tiny, and it shrinks onto a mode instead.")
    return Feedback(False, "Not yet. Hint: ask which direction averages log(q/p) over the "
                           "places where q puts its mass, and what happens there when p ≈ 0.")


def check_05_uniform_limit(answer: Any) -> Feedback:
    """Exercise 3: the limit of the Gaussian MLE's sigma for data from Uniform(0, 1).

    Examples
    --------
    >>> check_05_uniform_limit(1.0).correct
    False
    """
    expected = math.sqrt(1.0 / 12.0)
    if isinstance(answer, (int, float)) and math.isclose(answer, 1.0 / 12.0, rel_tol=1e-3):
        return Feedback(False, "That is a variance; the question asks for a standard deviation.")
    return check_number(
        answer, expected,
        hint="as N grows, the MLE goes to the KL projection of p onto the Gaussians, which "
             "matches the moments of p. What is the spread of a uniform on [0, 1]?",
        praise="Correct: the MLE converges to the moment-matched Gaussian, not to the uniform.",
    )
