"""Checkers for the exercises of ``06_kl_in_practice.ipynb``."""

from __future__ import annotations

from typing import Any

import numpy as np

from ..classification import cross_entropy_loss
from ..divergence import js_divergence
from ..multivariate import kl_diagnormal_stdnormal
from ._feedback import Feedback, check_number, significant_figures, wants

__all__ = [
    "EXERCISE_LOGITS",
    "EXERCISE_LOG_VAR",
    "EXERCISE_MU",
    "EXERCISE_P",
    "EXERCISE_Q",
    "check_06_cross_entropy",
    "check_06_js_bits",
    "check_06_vae_kl",
]

#: Exercise 1: one example with these logits, true class 2.
EXERCISE_LOGITS = [1.0, 3.0, 2.0]
#: Exercise 2: an encoder's output for one input.
EXERCISE_MU = [0.5, -1.0]
EXERCISE_LOG_VAR = [0.0, float(np.log(0.25))]
#: Exercise 3: two distributions with partly overlapping supports.
EXERCISE_P = [0.5, 0.5, 0.0]
EXERCISE_Q = [0.0, 0.5, 0.5]


@wants(significant_figures(3))
def check_06_cross_entropy(answer: Any) -> Feedback:
    """Exercise 1: the cross-entropy loss (nats) of class 2 under ``softmax(EXERCISE_LOGITS)``.

    Accepted to 3 significant figures.

    Examples
    --------
    >>> check_06_cross_entropy(2.0)
    ❌ Not yet. Hint: the loss is minus the log-softmax of the logits, read at the true class.
    """
    expected = cross_entropy_loss(EXERCISE_LOGITS, 2)
    return check_number(
        answer, expected,
        precision=check_06_cross_entropy.precision,
        hint="the loss is minus the log-softmax of the logits, read at the true class.",
        praise="Correct: the negative log-likelihood of the true class.",
        slips=[(-expected, "Check the sign: a loss is a negative log-probability, so it is >= 0.")],
    )


@wants(significant_figures(3))
def check_06_vae_kl(answer: Any) -> Feedback:
    """Exercise 2: D_KL(N(mu, diag exp(log_var)) ‖ N(0, I)) in nats for the exercise's encoder output.

    Accepted to 3 significant figures.

    Examples
    --------
    >>> check_06_vae_kl(0.0)  # doctest: +ELLIPSIS
    ❌ Not yet. Hint: one term per latent dimension, ½(σ² + μ² − 1 − ln σ²); remember log_var is ...
    """
    expected = kl_diagnormal_stdnormal(EXERCISE_MU, EXERCISE_LOG_VAR)
    return check_number(
        answer, expected,
        precision=check_06_vae_kl.precision,
        hint="one term per latent dimension, ½(σ² + μ² − 1 − ln σ²); remember log_var is ln σ², "
             "and add the terms.",
        praise="Correct: the sum of one closed-form KL per latent dimension.",
        slips=[(expected / 2, "That is the mean over the latent dimensions; a KL between "
                              "two-dimensional Gaussians is their sum.")],
    )


@wants(significant_figures(3))
def check_06_js_bits(answer: Any) -> Feedback:
    """Exercise 3: JS(p, q) in bits for ``EXERCISE_P`` and ``EXERCISE_Q``.

    Accepted to 3 significant figures.

    Examples
    --------
    >>> check_06_js_bits(float("inf"))  # doctest: +ELLIPSIS
    ❌ Your answer is inf; this one is finite. Hint: form m = (p + q)/2 first; both KL terms ...
    """
    return check_number(
        answer, js_divergence(EXERCISE_P, EXERCISE_Q, base=2),
        precision=check_06_js_bits.precision,
        hint="form m = (p + q)/2 first; both KL terms against m are finite. Use log base 2.",
        praise="Correct: finite although D_KL(p‖q) is infinite here.",
        slips=[(js_divergence(EXERCISE_P, EXERCISE_Q), "Right value in nats; the question asks for bits.")],
    )
