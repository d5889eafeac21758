"""Classification loss as KL: logits → log-softmax → negative log-likelihood (numpy only).

The cross-entropy loss of a classifier is the average negative log-likelihood of a categorical
model whose probabilities are ``softmax(logits)``; with one-hot targets it equals the mean of
D_KL(one-hot ‖ softmax(logits)), because a one-hot distribution has zero entropy.

The stable softmax and log-softmax it builds on live in :mod:`kl_helpers.special`.

Introduced in ``06_kl_in_practice.ipynb``.
"""

from __future__ import annotations

import numbers

import numpy as np
from numpy.typing import ArrayLike

from ._validate import as_real_array
from .special import _log_softmax

__all__ = ["cross_entropy_loss"]


def _labels(value: ArrayLike, n: int, n_classes: int) -> np.ndarray:
    if isinstance(value, numbers.Integral) and not isinstance(value, bool):
        value = [value]
    arr = np.asarray(value)
    if arr.dtype.kind not in "iu":  # booleans (kind "b") are refused too
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
    z = as_real_array(logits, "logits")
    if z.ndim == 0 or z.shape[-1] == 0:
        raise ValueError(
            f"logits must have a class axis (last) with at least one entry, got shape {z.shape}"
        )
    if z.ndim == 1:
        z = z[None, :]
    if z.ndim != 2:
        raise ValueError(f"logits must have shape (N, C) or (C,), got {z.shape}")
    y = _labels(labels, z.shape[0], z.shape[1])
    log_q = _log_softmax(z)
    return float(-np.mean(log_q[np.arange(z.shape[0]), y]))
