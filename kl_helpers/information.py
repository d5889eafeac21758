"""Mutual information as a KL divergence, and the chain rule of KL for joint distributions.

Both work on a joint distribution of two discrete variables stored as a 2-D table
``joint[x, y]`` and reuse :func:`kl_helpers.kl_divergence` (one home for the KL sum). numpy only.

Introduced in ``07_how_big_is_kl.ipynb``.
"""

from __future__ import annotations

import math

import numpy as np
from numpy.typing import ArrayLike

from ._validate import SUM_TOLERANCE, as_real_array, log_base
from .divergence import kl_divergence

__all__ = ["chain_rule_terms", "mutual_information"]


def _joint(value: ArrayLike, name: str) -> np.ndarray:
    table = as_real_array(value, name)
    if table.ndim != 2 or 0 in table.shape:
        raise ValueError(f"{name} must be a 2-D table joint[x, y], got shape {table.shape}")
    if np.any(table < 0):
        raise ValueError(f"{name} has a negative entry; probabilities are >= 0")
    total = float(table.sum())
    if abs(total - 1.0) > SUM_TOLERANCE:
        raise ValueError(
            f"{name} sums to {total:.12g}, not 1; divide the table by its sum if it holds counts"
        )
    return table


def mutual_information(joint: ArrayLike, base: float = math.e) -> float:
    r"""Mutual information I(X; Y) of a discrete joint distribution, as D_KL(p(x, y)‖p(x)p(y)).

    Parameters
    ----------
    joint : array_like, shape (nx, ny)
        The joint distribution ``joint[x, y] = P(X = x, Y = y)``: entries >= 0 summing to 1.
    base : float, default math.e
        Logarithm base: ``math.e`` gives nats, ``2`` bits.

    Returns
    -------
    float
        I(X; Y) >= 0, zero exactly when X and Y are independent.

    Raises
    ------
    ValueError
        If ``joint`` is not a 2-D table of probabilities summing to 1.

    See Also
    --------
    kl_helpers.kl_divergence : the divergence it evaluates.
    chain_rule_terms : the chain rule of KL on a joint table.
    kl_helpers.entropy : I(X; Y) = H(X) + H(Y) - H(X, Y).

    Notes
    -----
    .. math:: I(X;Y) = \sum_{x,y} p(x,y)\,\ln\frac{p(x,y)}{p(x)\,p(y)}
              = D_{KL}\bigl(p(x,y)\,\|\,p(x)\,p(y)\bigr),

    the divergence of the joint distribution from the product of its own marginals (the joint
    distribution X and Y would have if they were independent). For a finite table (finite
    alphabets) it is finite, at most min(H(X), H(Y)); with infinitely many values it can be
    infinite (I(X; X) = H(X)).

    Introduced in ``07_how_big_is_kl.ipynb``.

    Examples
    --------
    >>> round(mutual_information([[0.4, 0.1], [0.1, 0.4]], base=2), 4)   # bits
    0.2781
    >>> round(mutual_information([[0.12, 0.28], [0.18, 0.42]]), 12)       # independent
    0.0
    """
    table = _joint(joint, "joint")
    log_base(base)
    product = np.outer(table.sum(axis=1), table.sum(axis=0))
    # Rows of the product sum to 1 only as a whole table: compare the flattened tables.
    return float(kl_divergence(table.ravel(), product.ravel() / product.sum(), base))


def chain_rule_terms(p_joint: ArrayLike, q_joint: ArrayLike, base: float = math.e) -> tuple[float, float]:
    r"""The two terms of the chain rule of KL: marginal divergence and average conditional divergence.

    Parameters
    ----------
    p_joint, q_joint : array_like, shape (nx, ny)
        Joint distributions of (X, Y) under ``p`` and under ``q``.
    base : float, default math.e
        Logarithm base: ``math.e`` gives nats, ``2`` bits.

    Returns
    -------
    tuple of float
        ``(D_KL(p_X‖q_X), E_{x~p_X} D_KL(p(y|x)‖q(y|x)))``; their sum is D_KL(p_joint‖q_joint).

    Raises
    ------
    ValueError
        For tables that are not joint distributions of the same shape, or when ``q_X(x) = 0``
        for some x with ``p_X(x) > 0`` (then D_KL is infinite already in X and q(y|x) is
        undefined).

    See Also
    --------
    mutual_information : the special case q_joint = p(x)p(y).

    Notes
    -----
    .. math:: D_{KL}\bigl(p(x,y)\,\|\,q(x,y)\bigr) = D_{KL}\bigl(p(x)\,\|\,q(x)\bigr)
              + \sum_x p(x)\, D_{KL}\bigl(p(y\mid x)\,\|\,q(y\mid x)\bigr).

    Rows with p(x) = 0 contribute nothing to the second term.

    Introduced in ``07_how_big_is_kl.ipynb``.

    Examples
    --------
    >>> p = [[0.3, 0.2], [0.1, 0.4]]
    >>> q = [[0.25, 0.25], [0.25, 0.25]]
    >>> marginal, conditional = chain_rule_terms(p, q)
    >>> round(marginal, 4), round(conditional, 4), round(marginal + conditional, 4)
    (0.0, 0.1064, 0.1064)
    """
    p = _joint(p_joint, "p_joint")
    q = _joint(q_joint, "q_joint")
    if p.shape != q.shape:
        raise ValueError(f"p_joint and q_joint must have the same shape, got {p.shape} and {q.shape}")
    p_x, q_x = p.sum(axis=1), q.sum(axis=1)
    if np.any((p_x > 0) & (q_x == 0)):
        raise ValueError("q_joint gives probability 0 to a value of x that p_joint can produce: "
                         "D_KL is infinite already in x, and q(y|x) is undefined there")
    marginal = float(kl_divergence(p_x, q_x, base))
    rows = p_x > 0
    conditional = kl_divergence(p[rows] / p_x[rows, None], q[rows] / q_x[rows, None], base)
    return marginal, float(np.dot(p_x[rows], np.atleast_1d(conditional)))
