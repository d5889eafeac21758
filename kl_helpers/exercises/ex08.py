"""Checkers for the exercises of ``08_kl_as_a_loss.ipynb``."""

from __future__ import annotations

import math
from typing import Any

import numpy as np

from ..comparison import wasserstein1_normal_normal
from ..divergence import kl_divergence
from ..gradients import grad_kl_normal_normal
from ._feedback import Feedback, check_number, significant_figures, wants

__all__ = [
    "EXERCISE_BATCH_P",
    "EXERCISE_BATCH_Q",
    "EXERCISE_REFERENCE_SIGMA",
    "EXERCISE_THETA",
    "check_08_batchmean",
    "check_08_k3_loss_gradient",
    "check_08_wasserstein",
]

#: Exercise 1: a batch of two examples, three classes: data (target) and model probabilities.
EXERCISE_BATCH_P = [[0.5, 0.3, 0.2], [0.1, 0.6, 0.3]]
EXERCISE_BATCH_Q = [[0.4, 0.4, 0.2], [0.2, 0.5, 0.3]]
#: Exercise 2: model q_θ = N(θ, 1) at θ = 1.5, reference p = N(0, 0.9).
EXERCISE_THETA = 1.5
EXERCISE_REFERENCE_SIGMA = math.sqrt(0.9)


@wants(significant_figures(3))
def check_08_batchmean(answer: Any) -> Feedback:
    """Exercise 1: ``F.kl_div(Q.log(), P, reduction="batchmean")`` for the exercise's batch, in nats.

    Accepted to 3 significant figures.

    Examples
    --------
    >>> check_08_batchmean(0.0)  # doctest: +ELLIPSIS
    ❌ Not yet. Hint: input is the model's log-probabilities and target the data, so each row gives ...
    """
    p, q = np.array(EXERCISE_BATCH_P), np.array(EXERCISE_BATCH_Q)
    per_row = kl_divergence(p, q)  # D_KL(target ‖ model), one per example
    expected = float(per_row.mean())
    return check_number(
        answer, expected,
        precision=check_08_batchmean.precision,
        hint="input is the model's log-probabilities and target the data, so each row gives "
             "D_KL(target‖model); 'batchmean' sums every term and divides by the batch size.",
        praise="Correct: the mean over the batch of D_KL(p_b‖q_b).",
        slips=[
            (expected / p.shape[1], "That is reduction='mean': divided by the number of elements "
                                    "(batch × classes), not by the batch size."),
            (float(per_row.sum()), "That is reduction='sum'; 'batchmean' divides by the batch size."),
            (float(kl_divergence(q, p).mean()), "The direction is reversed: kl_div(input, target) "
                                                "computes D_KL(target‖model)."),
        ],
    )


@wants(significant_figures(3))
def check_08_k3_loss_gradient(answer: Any) -> Feedback:
    """Exercise 2: the expected d/dθ of k3 used as a loss, samples from q_θ = N(1.5, 1), p = N(0, 0.9).

    Accepted to 3 significant figures.

    Examples
    --------
    >>> check_08_k3_loss_gradient(0.0)  # doctest: +ELLIPSIS
    ❌ That is the expected gradient of k1 used as a loss...
    """
    forward = float(grad_kl_normal_normal(0.0, EXERCISE_REFERENCE_SIGMA, EXERCISE_THETA, 1.0)[2])
    reverse = float(grad_kl_normal_normal(EXERCISE_THETA, 1.0, 0.0, EXERCISE_REFERENCE_SIGMA)[0])
    return check_number(
        answer, forward,
        precision=check_08_k3_loss_gradient.precision,
        hint="take E over q_θ of (1 − r)·∂ln q_θ/∂θ with r = p/q_θ; E_q[r·f] = E_p[f].",
        praise="Correct: the gradient of the forward KL D_KL(p‖q_θ), not of the reverse KL that k3 "
               "estimates.",
        slips=[
            (reverse, "That is the gradient of the reverse KL D_KL(q_θ‖p), the value k3 estimates; "
                      "with the samples held fixed its gradient is another one."),
            (0.0, "That is the expected gradient of k1 used as a loss (the score has mean 0); "
                  "k3 has an extra factor (1 − r)."),
        ],
    )


@wants(significant_figures(3))
def check_08_wasserstein(answer: Any) -> Feedback:
    """Exercise 3: W₁ between N(0, 1) and N(1, 2²).

    Accepted to 3 significant figures.

    Examples
    --------
    >>> check_08_wasserstein(1.0)  # doctest: +ELLIPSIS
    ❌ That is the distance between the means...
    """
    expected = float(wasserstein1_normal_normal(0.0, 1.0, 1.0, 2.0))
    return check_number(
        answer, expected,
        precision=check_08_wasserstein.precision,
        hint="match quantiles: Y − X = 1 + (2 − 1)Z with Z ~ N(0, 1); W₁ = E|1 + Z|, the mean of a "
             "folded normal.",
        praise="Correct: E|1 + Z| = √(2/π)e^(−1/2) + erf(1/√2).",
        slips=[
            (1.0, "That is the distance between the means, W₁ only for equal widths; here the "
                  "widths differ."),
            (math.sqrt(2.0), "That is W₂ = √((Δμ)² + (Δσ)²); W₁ averages |Y − X| instead of its square."),
        ],
    )
