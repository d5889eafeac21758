"""Entropy, cross-entropy and KL divergence of discrete distributions (numpy only).

Introduced in ``01_definition.ipynb``; the decomposition is the subject of
``02_decomposition.ipynb``.
"""

from __future__ import annotations

import math

import numpy as np
from numpy.typing import ArrayLike

from ._validate import as_distribution, log_base, same_shape

__all__ = ["cross_entropy", "entropy", "js_divergence", "kl_divergence"]


def _pair(p: ArrayLike, q: ArrayLike, normalize: bool) -> tuple[np.ndarray, np.ndarray]:
    p_arr = as_distribution(p, "p", normalize=normalize)
    q_arr = as_distribution(q, "q", normalize=normalize)
    same_shape(p_arr, q_arr)
    return p_arr, q_arr


def kl_divergence(
    p: ArrayLike, q: ArrayLike, base: float = math.e, *, normalize: bool = False
) -> float:
    r"""Kullback–Leibler divergence :math:`D_{KL}(p \| q)` of two discrete distributions.

    The arguments are in mathematical order: the first is the distribution the data come from,
    the second the one used to model (or code) them.

    Parameters
    ----------
    p, q : array_like
        Probability vectors over the same outcomes: one-dimensional, non-negative, each summing
        to 1 (within 1e-9).
    base : float, default math.e
        Base of the logarithm: ``math.e`` gives nats, ``2`` gives bits. Must be > 1.
    normalize : bool, default False
        Rescale ``p`` and ``q`` to sum to 1 first (for counts or weights). Off by default so a
        typo in a probability vector is reported, not silently "fixed".

    Returns
    -------
    float
        The divergence, always ``>= 0``; exactly ``0.0`` when ``p`` and ``q`` are equal, and
        ``inf`` when ``q`` is 0 on an outcome where ``p`` is positive (no warning is emitted:
        an infinite divergence is a correct answer, not an error).

    Raises
    ------
    TypeError
        If an argument is not numeric.
    ValueError
        If ``p`` or ``q`` is empty, not one-dimensional, has a negative or non-finite entry,
        does not sum to 1, if their lengths differ, or if ``base <= 1``.

    Notes
    -----
    .. math:: D_{KL}(p \| q) = \sum_i p_i \log \frac{p_i}{q_i}, \qquad 0 \log \frac{0}{q} = 0.

    The sum is evaluated in the stable form

    .. math:: \sum_{i: p_i > 0} p_i\,\bigl(r_i - \log(1 + r_i)\bigr) + \sum_{i: p_i = 0} q_i,
              \qquad r_i = \frac{q_i - p_i}{p_i},

    which equals the definition because :math:`\sum_i q_i - \sum_i p_i = 0`. Every term is
    non-negative (:math:`\log(1 + r) \le r`; :math:`\log(1 + r)` is computed with ``log1p`` when
    :math:`|r| < 1/2` and as :math:`\log q_i - \log p_i` otherwise, each where it is accurate),
    so round-off can never make the result negative,
    unlike the textbook sum (``scipy.stats.entropy`` can return ``-1e-17`` for nearly equal
    inputs).

    Examples
    --------
    >>> round(kl_divergence([0.2, 0.5, 0.3], [0.3, 0.4, 0.3]), 4)
    0.0305
    >>> kl_divergence([0.5, 0.5], [0.5, 0.5])
    0.0
    >>> kl_divergence([0.5, 0.5], [1.0, 0.0])
    inf
    >>> counts_p, counts_q = [1, 3], [2, 2]
    >>> kl_divergence(counts_p, counts_q, normalize=True) == kl_divergence([0.25, 0.75], [0.5, 0.5])
    True
    """
    scale = log_base(base)
    p_arr, q_arr = _pair(p, q, normalize)
    support = p_arr > 0
    if np.any(q_arr[support] == 0):
        return math.inf
    ps, qs = p_arr[support], q_arr[support]
    r = (qs - ps) / ps
    # log(q/p): log1p(r) is accurate when q is close to p; when it is not, 1 + r has lost
    # digits to cancellation and log q - log p is the accurate form (and r - log(q/p) is then
    # far from 0, so rounding cannot make a term negative).
    near = np.abs(r) < 0.5
    log_ratio = np.empty_like(r)
    log_ratio[near] = np.log1p(r[near])
    log_ratio[~near] = np.log(qs[~near]) - np.log(ps[~near])
    nats = float(np.sum(ps * (r - log_ratio)) + np.sum(q_arr[~support]))
    return nats / scale


def entropy(p: ArrayLike, base: float = math.e, *, normalize: bool = False) -> float:
    r"""Shannon entropy :math:`H(p) = -\sum_i p_i \log p_i` of a discrete distribution.

    Parameters
    ----------
    p : array_like
        Probability vector (see :func:`kl_divergence` for the rules).
    base : float, default math.e
        Logarithm base (> 1): ``math.e`` for nats, ``2`` for bits.
    normalize : bool, default False
        Rescale ``p`` to sum to 1 first.

    Returns
    -------
    float
        :math:`H(p) \in [0, \log n]` for ``n`` outcomes; ``0 log 0`` counts as 0.

    Examples
    --------
    >>> entropy([0.5, 0.5], base=2)
    1.0
    >>> round(entropy([0.25] * 4), 6) == round(math.log(4), 6)   # uniform: +log n, not -log n
    True
    """
    scale = log_base(base)
    p_arr = as_distribution(p, "p", normalize=normalize)
    ps = p_arr[p_arr > 0]
    # Written as sum(p * log(1/p)) so a one-point distribution gives +0.0, never -0.0.
    return float(np.sum(ps * np.log(1.0 / ps))) / scale


def cross_entropy(
    p: ArrayLike, q: ArrayLike, base: float = math.e, *, normalize: bool = False
) -> float:
    r"""Cross-entropy :math:`H(p, q) = -\sum_i p_i \log q_i`.

    The expected code length (in the chosen unit) when outcomes drawn from ``p`` are coded with
    a code built for ``q``. It decomposes as :math:`H(p, q) = H(p) + D_{KL}(p \| q)`.

    Parameters
    ----------
    p, q : array_like
        Probability vectors over the same outcomes (see :func:`kl_divergence`).
    base : float, default math.e
        Logarithm base (> 1).
    normalize : bool, default False
        Rescale ``p`` and ``q`` to sum to 1 first.

    Returns
    -------
    float
        ``inf`` when ``q`` is 0 where ``p`` is positive.

    Examples
    --------
    >>> p, q = [0.2, 0.5, 0.3], [0.3, 0.4, 0.3]
    >>> abs(cross_entropy(p, q) - entropy(p) - kl_divergence(p, q)) < 1e-12
    True
    """
    scale = log_base(base)
    p_arr, q_arr = _pair(p, q, normalize)
    support = p_arr > 0
    if np.any(q_arr[support] == 0):
        return math.inf
    return float(-np.sum(p_arr[support] * np.log(q_arr[support]))) / scale


def js_divergence(
    p: ArrayLike, q: ArrayLike, base: float = math.e, *, normalize: bool = False
) -> float:
    r"""Jensen–Shannon divergence :math:`\mathrm{JS}(p, q)` of two discrete distributions.

    A symmetrised, smoothed KL: both distributions are compared with their average, so it is
    finite even where the supports differ, and bounded by :math:`\ln 2` nats (1 bit).

    Parameters
    ----------
    p, q : array_like
        Probability vectors over the same outcomes (see :func:`kl_divergence` for the rules).
    base : float, default math.e
        Logarithm base (> 1): ``math.e`` for nats, ``2`` for bits.
    normalize : bool, default False
        Rescale ``p`` and ``q`` to sum to 1 first.

    Returns
    -------
    float
        The divergence, in ``[0, log_base(2)]``: 0 exactly when ``p == q``, the maximum exactly
        when their supports are disjoint. Symmetric: ``js_divergence(p, q) == js_divergence(q, p)``.

    Raises
    ------
    TypeError, ValueError
        As :func:`kl_divergence`.

    Notes
    -----
    .. math:: \mathrm{JS}(p, q) = \tfrac12 D_{KL}(p \| m) + \tfrac12 D_{KL}(q \| m),
              \qquad m = \tfrac12 (p + q).

    :math:`m` is positive wherever :math:`p` or :math:`q` is, so both KL terms are finite. With
    :math:`s_i = p_i + q_i` and :math:`t_i = (p_i - q_i)/s_i \in [-1, 1]`, one outcome contributes

    .. math:: \tfrac{s_i}{4}\bigl[(1 + t_i)\ln(1 + t_i) + (1 - t_i)\ln(1 - t_i)\bigr] \ge 0,

    which is how it is evaluated (``log1p``; no ratio that could overflow, every term >= 0 and
    symmetric in p and q by construction). This is the *divergence*;
    ``scipy.spatial.distance.jensenshannon`` returns its square root (the Jensen–Shannon
    *distance*, a metric).

    Examples
    --------
    >>> round(js_divergence([0.2, 0.5, 0.3], [0.3, 0.4, 0.3]), 4)
    0.0078
    >>> js_divergence([1.0, 0.0], [0.0, 1.0], base=2)       # disjoint supports: the maximum
    1.0
    >>> kl_divergence([1.0, 0.0], [0.0, 1.0])               # where KL is infinite
    inf
    """
    scale = log_base(base)
    p_arr, q_arr = _pair(p, q, normalize)
    support = (p_arr + q_arr) > 0
    ps, qs = p_arr[support], q_arr[support]
    s = ps + qs
    t = (ps - qs) / s
    u, v = 2.0 * ps / s, 2.0 * qs / s  # 1 + t and 1 - t, in [0, 2]
    # ln(1 ± t): log1p where t is small (accurate near p = q), plain log elsewhere. Both are
    # evaluated on safe arguments so np.where never meets log(0); u ln u is 0 where u = 0.
    near = np.abs(t) < 0.5
    small_t = np.clip(t, -0.5, 0.5)
    log_u = np.where(near, np.log1p(small_t), np.log(np.where(u > 0, u, 1.0)))
    log_v = np.where(near, np.log1p(-small_t), np.log(np.where(v > 0, v, 1.0)))
    terms = np.maximum(u * log_u + v * log_v, 0.0)
    nats = float(np.sum(s * terms)) / 4.0
    return min(nats, math.log(2.0)) / scale
