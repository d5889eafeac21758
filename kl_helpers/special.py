"""Numerically stable kernels used everywhere else: log-sum-exp, softmax, log-softmax (numpy only).

Each kernel is written once, here, with an ``axis`` argument like its namesake in
``scipy.special``; mixtures, classifiers and panels import it from this module.

Introduced in ``06_kl_in_practice.ipynb`` (softmax and the classification loss); the mixtures of
``05_forward_vs_reverse.ipynb`` use :func:`logsumexp`.
"""

from __future__ import annotations

import math

import numpy as np
from numpy.typing import ArrayLike

from ._validate import as_real_array

__all__ = ["LOG_2PI", "log_softmax", "logsumexp", "softmax"]

#: :math:`\ln(2\pi)`, the constant in every normal log-density.
LOG_2PI = math.log(2.0 * math.pi)


def _values(value: ArrayLike, name: str) -> np.ndarray:
    arr = as_real_array(value, name)
    if arr.ndim == 0 or arr.size == 0:
        raise ValueError(
            f"{name} must have at least one entry along an axis, got shape {arr.shape}; "
            "pass e.g. [1.0, 2.0, 3.0]"
        )
    return arr


def _axis(axis: int, ndim: int, name: str) -> int:
    if isinstance(axis, bool) or not isinstance(axis, (int, np.integer)):
        raise TypeError(f"axis must be an integer, got {axis!r}")
    if not -ndim <= axis < ndim:
        raise ValueError(
            f"axis={axis} is out of range for {name} with {ndim} dimension(s); "
            f"use an axis between {-ndim} and {ndim - 1}"
        )
    return int(axis)


def _logsumexp(a: np.ndarray, axis: int) -> np.ndarray:
    """Unchecked kernel: ``a`` is a float array with entries finite or ``-inf``."""
    top = np.max(a, axis=axis, keepdims=True)
    # A slice that is all -inf (every term exp(-inf) = 0) sums to 0, whose log is -inf; shift it
    # by 0 instead of by -inf so that no inf - inf = nan appears.
    top = np.where(np.isfinite(top), top, 0.0)
    with np.errstate(divide="ignore"):  # log(0) = -inf is the right answer for such a slice
        total = np.log(np.sum(np.exp(a - top), axis=axis, keepdims=True))
    return np.squeeze(top + total, axis=axis)


def _shifted_exp(z: np.ndarray, axis: int) -> np.ndarray:
    """exp(z - max(z)) along ``axis``: the largest entry is exactly 1, nothing overflows."""
    return np.exp(z - np.max(z, axis=axis, keepdims=True))


def _log_softmax(z: np.ndarray, axis: int = -1) -> np.ndarray:
    """Unchecked kernel of :func:`log_softmax`."""
    return z - np.expand_dims(_logsumexp(z, axis), axis)


def _softmax(z: np.ndarray, axis: int = -1) -> np.ndarray:
    """Unchecked kernel of :func:`softmax`: a ratio of shifted exponentials.

    Dividing (rather than exponentiating :func:`_log_softmax`) keeps each probability within an
    ulp or two: ``exp(log p)`` would carry the rounding of ``log p`` multiplied by ``|log p|``.
    """
    e = _shifted_exp(z, axis)
    return e / np.sum(e, axis=axis, keepdims=True)


def logsumexp(a: ArrayLike, axis: int = -1) -> float | np.ndarray:
    r"""Logarithm of a sum of exponentials, ``log(sum(exp(a), axis))``, without overflow or underflow.

    Parameters
    ----------
    a : array_like
        Finite real numbers (log-weights, log-densities, logits).
    axis : int, default -1
        The axis summed over.

    Returns
    -------
    float or numpy.ndarray
        :math:`\ln \sum_j e^{a_j}` along ``axis``; a float for 1-D input.

    Raises
    ------
    ValueError
        If ``a`` has a non-finite entry, no entries, or ``axis`` is out of range.

    See Also
    --------
    log_softmax : :math:`a_i - \operatorname{logsumexp}(a)`.
    softmax : Normalised exponentials.

    Notes
    -----
    With :math:`c = \max_j a_j`,

    .. math:: \ln \sum_j e^{a_j} = c + \ln \sum_j e^{a_j - c}.

    Every exponent is <= 0, so nothing overflows, and the largest term is exactly
    :math:`e^0 = 1`, so the sum is >= 1 and its logarithm never underflows to ``-inf``.

    References
    ----------
    P. Blanchard, D. J. Higham and N. J. Higham, "Accurately computing the log-sum-exp and
    softmax functions", *IMA Journal of Numerical Analysis* 41 (2021), 2311–2330.

    Examples
    --------
    >>> a = [1000.0, 1000.0]
    >>> logsumexp(a)                      # log(2 e^1000); the naive form overflows to inf
    1000.6931471805599
    >>> logsumexp([[0.0, 0.0], [0.0, np.log(3.0)]], axis=1).round(4)    # ln 2, ln 4
    array([0.6931, 1.3863])

    Introduced in ``05_forward_vs_reverse.ipynb`` (mixture log-densities).
    """
    arr = _values(a, "a")
    out = _logsumexp(arr, _axis(axis, arr.ndim, "a"))
    return float(out) if np.ndim(out) == 0 else out


def log_softmax(logits: ArrayLike, axis: int = -1) -> np.ndarray:
    r"""Log-probabilities ``z - logsumexp(z)``, computed stably along ``axis``.

    Parameters
    ----------
    logits : array_like
        Unnormalised scores :math:`z` (finite); by default the last axis holds the classes.
    axis : int, default -1
        The class axis.

    Returns
    -------
    numpy.ndarray
        Same shape as ``logits``; ``exp`` of each slice along ``axis`` sums to 1. Never ``nan``,
        never overflows.

    Raises
    ------
    ValueError
        If a logit is not finite, there are no classes, or ``axis`` is out of range.

    See Also
    --------
    softmax : ``exp(log_softmax(z))``.
    logsumexp : The normaliser.
    kl_helpers.classification.cross_entropy_loss : The classification loss built on it.

    Notes
    -----
    .. math:: \ln\mathrm{softmax}(z)_i = z_i - \ln\sum_j e^{z_j} = (z_i - c) - \ln\sum_j e^{z_j - c},
              \qquad c = \max_j z_j .

    The naive ``log(exp(z) / exp(z).sum())`` gives ``nan`` for logits around 710 (``exp``
    overflows) and ``-inf`` for a class far below the others (its probability underflows).

    Examples
    --------
    >>> log_softmax([1000.0, 1001.0, 1002.0]).round(4)            # the naive way gives nan
    array([-2.4076, -1.4076, -0.4076])
    >>> log_softmax([0.0, -800.0]).round(4)                       # the naive way gives -inf
    array([   0., -800.])

    Introduced in ``06_kl_in_practice.ipynb``.
    """
    z = _values(logits, "logits")
    return _log_softmax(z, _axis(axis, z.ndim, "logits"))


def softmax(logits: ArrayLike, axis: int = -1) -> np.ndarray:
    r"""Class probabilities exp(z_i) / Σ_j exp(z_j) along ``axis``, computed stably.

    Parameters
    ----------
    logits : array_like
        Unnormalised scores (finite).
    axis : int, default -1
        The class axis.

    Returns
    -------
    numpy.ndarray
        Same shape; each slice along ``axis`` is non-negative and sums to 1.

    See Also
    --------
    log_softmax : Its logarithm, without the underflow of ``log(softmax(z))``.

    Examples
    --------
    >>> softmax([0.0, 0.0]).tolist()
    [0.5, 0.5]
    >>> softmax([[1.0, 1.0], [0.0, np.log(3.0)]]).round(2).tolist()
    [[0.5, 0.5], [0.25, 0.75]]

    Introduced in ``06_kl_in_practice.ipynb``.
    """
    z = _values(logits, "logits")
    return _softmax(z, _axis(axis, z.ndim, "logits"))
