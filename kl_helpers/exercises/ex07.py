"""Checkers for the exercises of ``07_how_big_is_kl.ipynb``."""

from __future__ import annotations

import math
from typing import Any

from ..divergence import kl_divergence
from ..information import mutual_information
from ._feedback import Feedback, check_number, significant_figures, wants

__all__ = [
    "CODE_P",
    "CODE_Q",
    "COINS",
    "ERROR_P_GIVEN_Q",
    "RAIN_TABLE",
    "check_07_extra_bits",
    "check_07_mutual_information_bits",
    "check_07_sprt_samples",
]

# Exercise 1: a fair coin p against a coin q that lands heads 80% of the time, and the wanted
# probability of choosing p when the flips come from q.
COINS = (0.5, 0.8)
ERROR_P_GIVEN_Q = 1e-3
# Exercise 2: rain (rows: rain, dry) and umbrellas (columns: umbrella, none).
RAIN_TABLE = ((0.3, 0.1), (0.05, 0.55))
# Exercise 3: the words dog, cat, fish, bird under p and under q (the coding picture).
CODE_P = (1 / 2, 1 / 4, 1 / 8, 1 / 8)
CODE_Q = (1 / 8, 1 / 2, 1 / 4, 1 / 8)


def _coin(theta: float) -> list[float]:
    return [1 - theta, theta]


@wants(significant_figures(2))
def check_07_sprt_samples(answer: Any) -> Feedback:
    """Exercise 1: ln(1/α)/D_KL(p‖q) flips for the fair coin p against q = 0.8 heads, α = 1e-3.

    Accepted to 2 significant figures (the rule itself is an approximation).

    Examples
    --------
    >>> check_07_sprt_samples(None)
    ✏️ Your turn: replace None with your answer and run the cell again.
    >>> check_07_sprt_samples(36)
    ❌ That uses D_KL(q‖p). The data come from p, so the evidence per flip is D_KL(p‖q).
    """
    p, q = _coin(COINS[0]), _coin(COINS[1])
    d_pq, d_qp = kl_divergence(p, q), kl_divergence(q, p)
    evidence = math.log(1 / ERROR_P_GIVEN_Q)
    return check_number(
        answer,
        evidence / d_pq,
        precision=check_07_sprt_samples.precision,
        hint="the evidence needed is ln(1/α) nats; each flip from p brings D_KL(p‖q) nats on "
        "average. Compute D_KL for the two coins in nats, then divide.",
        praise="Correct: about thirty flips, and a thousand times smaller α would only double it.",
        slips=[
            (evidence / d_qp, "That uses D_KL(q‖p). The data come from p, so the evidence per flip "
             "is D_KL(p‖q)."),
            (math.log2(1 / ERROR_P_GIVEN_Q) / d_pq, "Mixed units: log2(1/α) (bits) over D_KL in nats. "
             "Use natural logarithms for both."),
            (d_pq * evidence, "Divide the evidence needed by the evidence per flip (not multiply)."),
        ],
    )


@wants(significant_figures(3))
def check_07_mutual_information_bits(answer: Any) -> Feedback:
    """Exercise 2: I(rain; umbrella) for :data:`RAIN_TABLE`, in bits.

    Accepted to 3 significant figures.

    Examples
    --------
    >>> check_07_mutual_information_bits(0.5)  # doctest: +ELLIPSIS
    ❌ Not yet. Hint: compare the table with the product of its row and column sums: ...
    """
    table = [list(row) for row in RAIN_TABLE]
    bits = mutual_information(table, base=2)
    return check_number(
        answer,
        bits,
        precision=check_07_mutual_information_bits.precision,
        hint="compare the table with the product of its row and column sums: "
        "I = Σ p(x, y) log2[p(x, y) / (p(x) p(y))].",
        praise="Correct: carrying an umbrella says a fair amount about the rain, in bits.",
        slips=[(mutual_information(table), "Right value in nats; the question asks for bits.")],
    )


@wants(significant_figures(3))
def check_07_extra_bits(answer: Any) -> Feedback:
    """Exercise 3: extra bits per word when q's words are coded with p's code, D_KL(q‖p) in bits.

    Accepted to 3 significant figures.

    Examples
    --------
    >>> check_07_extra_bits(0.625)
    ❌ That is D_KL(p‖q): p's words with q's code. Here the words come from q.
    """
    p, q = list(CODE_P), list(CODE_Q)
    return check_number(
        answer,
        kl_divergence(q, p, base=2),
        precision=check_07_extra_bits.precision,
        hint="average, over q's words, the length of p's code minus the length of q's own code "
        "(lengths are -log2 of the probabilities).",
        praise="Correct: less than the 0.625 bits of the other direction; KL is not symmetric.",
        slips=[
            (kl_divergence(p, q, base=2), "That is D_KL(p‖q): p's words with q's code. Here the "
             "words come from q."),
            (kl_divergence(q, p), "Right direction, wrong unit: that is in nats; convert to bits."),
            (sum(w * -math.log2(c) for w, c in zip(q, p, strict=True)), "That is the whole average "
             "length with p's code; subtract what q's own code needs."),
        ],
    )
