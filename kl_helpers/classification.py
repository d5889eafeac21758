"""Classification loss as KL: logits → log-softmax → negative log-likelihood (numpy only).

The cross-entropy loss of a classifier is the average negative log-likelihood of a categorical
model whose probabilities are ``softmax(logits)``; with one-hot targets it equals the mean of
D_KL(one-hot ‖ softmax(logits)), because a one-hot distribution has zero entropy.

Introduced in ``06_kl_in_practice.ipynb``.
"""

from __future__ import annotations

import numbers

import numpy as np
from numpy.typing import ArrayLike

from ._validate import as_real_array

__all__ = ["cross_entropy_loss", "log_softmax", "softmax"]


def _logits(value: ArrayLike) -> np.ndarray:
    arr = as_real_array(value, "logits")
    if arr.ndim == 0 or arr.shape[-1] == 0:
        raise ValueError(
            f"logits must have a class axis (last) with at least one entry, got shape {arr.shape}"
        )
    return arr


def log_softmax(logits: ArrayLike) -> np.ndarray:
    r"""Log-probabilities :math:`\ln \mathrm{softmax}(z)_i = z_i - \ln\sum_j e^{z_j}`, computed stably.

    Parameters
    ----------
    logits : array_like
        Unnormalised scores :math:`z`, shape ``(..., C)``; the last axis holds the classes.

    Returns
    -------
    numpy.ndarray
        Same shape; ``exp`` of each row sums to 1. Never ``nan``, never overflows.

    Raises
    ------
    ValueError
        If a logit is not finite or there is no class axis.

    Notes
    -----
    With :math:`c = \max_j z_j`,

    .. math:: \ln\mathrm{softmax}(z)_i = (z_i - c) - \ln\sum_j e^{z_j - c}.

    Every exponent is <= 0, so nothing overflows, and the largest term is exactly 1, so the
    sum is >= 1 and its log is never ``-inf``. The naive ``log(exp(z) / exp(z).sum())`` gives
    ``nan`` for logits around 710 and ``-inf`` for a class far below the others.

    Examples
    --------
    >>> log_softmax([1000.0, 1001.0, 1002.0]).round(4)            # the naive way gives nan
    array([-2.4076, -1.4076, -0.4076])
    >>> np.allclose(log_softmax([1.0, 2.0, 3.0]), log_softmax([1001.0, 1002.0, 1003.0]))
    True
    """
    z = _logits(logits)
    shifted = z - np.max(z, axis=-1, keepdims=True)
    return shifted - np.log(np.sum(np.exp(shifted), axis=-1, keepdims=True))


def softmax(logits: ArrayLike) -> np.ndarray:
    """Class probabilities ``exp(log_softmax(logits))``; rows sum to 1.

    Examples
    --------
    >>> softmax([0.0, 0.0]).tolist()
    [0.5, 0.5]
    """
    return np.exp(log_softmax(logits))


def _labels(value: ArrayLike, n: int, n_classes: int) -> np.ndarray:
    if isinstance(value, numbers.Integral) and not isinstance(value, bool):
        value = [value]
    arr = np.asarray(value)
    if arr.dtype.kind == "b" or arr.dtype.kind not in "iu":
        raise TypeError(
            f"labels must be integer class indices (0 to {n_classes - 1}), got values of type "
            f"{arr.dtype}; one-hot or probability targets are not labels (use argmax for one-hot)"
        )
    if arr.shape != (n,):
        raise ValueError(
            f"labels must hold one class index per row of logits ({n}), got shape {arr.shape}"
        )
    bad = (arr < 0) | (arr >= n_classes)
    if np.any(bad):
        i = int(np.flatnonzero(bad)[0])
        raise ValueError(
            f"labels[{i}] = {int(arr[i])} is not a class index; with {n_classes} classes "
            f"labels run from 0 to {n_classes - 1}"
        )
    return arr


def cross_entropy_loss(logits: ArrayLike, labels: ArrayLike) -> float:
    r"""Mean cross-entropy (negative log-likelihood) of integer labels under ``softmax(logits)``.

    Parameters
    ----------
    logits : array_like
        Raw scores, shape ``(N, C)`` (or ``(C,)`` for one example). **Not** probabilities:
        passing ``softmax`` outputs applies softmax twice and gives a wrong, flattened loss.
    labels : array_like of int
        The true class of each row, in ``0 .. C-1``; shape ``(N,)`` (or a single int).

    Returns
    -------
    float
        :math:`-\frac1N \sum_n \ln \mathrm{softmax}(z_n)_{y_n}` in nats (>= 0).

    Raises
    ------
    TypeError
        If labels are not integers (e.g. one-hot rows or floats).
    ValueError
        If a label is out of range or the numbers of rows differ.

    Notes
    -----
    Per example, with the one-hot target :math:`e_y`,
    :math:`-\ln \mathrm{softmax}(z)_y = H(e_y, \mathrm{softmax}(z)) = D_{KL}(e_y \| \mathrm{softmax}(z))`,
    since :math:`H(e_y) = 0`: minimising the loss moves the model towards the data in the
    forward (maximum-likelihood) direction.

    Examples
    --------
    >>> round(cross_entropy_loss([[2.0, 1.0, 0.1]], [0]), 4)
    0.417
    >>> round(cross_entropy_loss([0.0, 0.0], 1), 4)          # ln 2 for a 50/50 guess
    0.6931
    """
    z = _logits(logits)
    if z.ndim == 1:
        z = z[None, :]
    if z.ndim != 2:
        raise ValueError(f"logits must have shape (N, C) or (C,), got {z.shape}")
    y = _labels(labels, z.shape[0], z.shape[1])
    log_q = log_softmax(z)
    return float(-np.mean(log_q[np.arange(z.shape[0]), y]))
