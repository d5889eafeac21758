"""Entropy, cross-entropy, KL and Jensen–Shannon divergences of discrete distributions (numpy only).

Every function takes probability vectors along ``axis`` (default: the last), like
``scipy.stats.entropy``: a 1-D input is one distribution and gives a float, a 2-D input is one
distribution per row and gives one value per row. ``p`` and ``q`` broadcast against each other, so
one ``p`` can be compared with many ``q`` at once.

Introduced in ``01_definition.ipynb``; the decomposition is the subject of
``02_decomposition.ipynb``.
"""

from __future__ import annotations

import math

import numpy as np
from numpy.typing import ArrayLike

from ._validate import as_distributions, as_sample, broadcast_pair, log_base

__all__ = ["cross_entropy", "entropy", "js_divergence", "kl_divergence", "kl_terms", "total_variation",
           "wasserstein1"]

#: Below this |r| = |q - p| / p a KL term p·(r − ln(1 + r)) is evaluated by a series: the
#: logarithm form would lose about 2e-16 / r² of its relative accuracy to cancellation (~1e-11
#: at the switch). A small switch keeps most entries of unrelated distributions on the fast path.
_NEAR = 0.004
#: Long inputs are processed in blocks of this many entries, which stay in the CPU cache; the
#: work per entry is then a handful of cheap passes instead of as many trips to main memory.
_BLOCK = 16_384
_TINY = np.finfo(float).tiny


def _as_pair(
    p: ArrayLike, q: ArrayLike, axis: int, normalize: bool
) -> tuple[np.ndarray, np.ndarray]:
    p_arr = as_distributions(p, "p", axis=axis, normalize=normalize)
    q_arr = as_distributions(q, "q", axis=axis, normalize=normalize)
    return broadcast_pair(p_arr, q_arr)


def _result(values: np.ndarray, scale: float) -> float | np.ndarray:
    out = values / scale
    return float(out) if out.ndim == 0 else out


def _near_terms(p: np.ndarray, d: np.ndarray) -> np.ndarray:
    r"""p·(r − ln(1 + r)) with r = d/p, for |r| < _NEAR, to full relative accuracy.

    With u = r/(2 + r), ln(1 + r) = 2 artanh(u) = 2(u + u³/3 + u⁵/5 + …) and r − 2u = r·u, so
    r − ln(1 + r) = r·u − 2u³(1/3 + u²/5 + u⁴/7 + …): both parts are O(r²), with no
    cancellation between them (the second is ~r/6 of the first). For |u| < 0.002 the omitted
    terms are below 1e-17 relatively. Every term is >= 0, and exactly 0 when d = 0.
    """
    r = d / p
    u = r / (2.0 + r)
    u2 = u * u
    # tail = u³ (2/3 + u² (2/5 + u² 2/7)), evaluated in place: this runs on every entry of a
    # block of nearly equal distributions, so each temporary saved is a pass saved.
    tail = u2 * (2.0 / 7.0)
    tail += 2.0 / 5.0
    tail *= u2
    tail += 2.0 / 3.0
    tail *= u2
    tail *= u
    np.multiply(r, u, out=u)
    u -= tail
    u *= p
    return u


def _kl_terms_exact(p: np.ndarray, q: np.ndarray) -> np.ndarray:
    """Every KL term, each entry handled by the form that is accurate for it (slow, general)."""
    terms = q.copy()  # p = 0: the term p·ln(p/q) is 0, and q enters from the stable form below
    pos = p > 0
    ps, qs = p[pos], q[pos]
    d = qs - ps
    near = np.abs(d) < _NEAR * ps
    out = np.empty_like(ps)
    out[near] = _near_terms(ps[near], d[near])
    far = ~near
    with np.errstate(divide="ignore"):  # log 0 = -inf: an infinite term, the right answer
        log_ratio = np.log(qs[far]) - np.log(ps[far])
    out[far] = d[far] - ps[far] * log_ratio
    terms[pos] = out
    return terms


def _kl_rows(p: np.ndarray, q: np.ndarray) -> np.ndarray:
    """D_KL in nats for validated, broadcast arrays with the outcome axis last."""
    shape = p.shape[:-1]
    n = p.shape[-1]
    p2, q2 = p.reshape(-1, n), q.reshape(-1, n)
    rows = p2.shape[0]
    totals = np.zeros(rows)
    # Block over columns for long rows, over rows for many short ones.
    if n >= _BLOCK:
        blocks = [(slice(None), slice(j, j + _BLOCK)) for j in range(0, n, _BLOCK)]
    else:
        step = max(1, _BLOCK // n)
        blocks = [(slice(i, i + step), slice(None)) for i in range(0, rows, step)]
    suspect = np.zeros(rows, dtype=bool)
    for block in blocks:
        pb, qb = p2[block], q2[block]
        d = qb - pb
        near = np.abs(d) < _NEAR * pb
        n_near = np.count_nonzero(near)
        # Three cases, by what most entries need (each measured faster than the alternatives):
        # all near: the series alone; mostly near: the series, then the far entries by index;
        # mostly far: the logarithm form, then the near entries by index.
        with np.errstate(divide="ignore", over="ignore", invalid="ignore"):
            if n_near * 2 > near.size:
                terms = _near_terms(pb, d)  # garbage where far (e.g. p = 0): overwritten below
                if n_near < near.size:
                    at = np.flatnonzero(~near)
                    flat_p, flat_q = pb.reshape(-1)[at], qb.reshape(-1)[at]
                    ratio = flat_q / flat_p
                    row = np.zeros(terms.shape, dtype=bool)
                    row.reshape(-1)[at[(ratio < _TINY) | ~np.isfinite(ratio)]] = True
                    suspect[block[0]] |= row.any(axis=-1)
                    terms.reshape(-1)[at] = d.reshape(-1)[at] - flat_p * np.log(ratio)
            else:
                # The form d − p·ln(q/p). Where p = 0, q/p overflows or p·ln(q/p) is nan, and the
                # ratio may leave the normal float range; those rows are recomputed entry by entry.
                ratio = qb / pb
                suspect[block[0]] |= (ratio.min(axis=-1) < _TINY) | ~np.isfinite(ratio.max(axis=-1))
                terms = np.log(ratio, out=ratio)
                np.multiply(terms, pb, out=terms)
                np.subtract(d, terms, out=terms)
                if n_near:
                    at = np.flatnonzero(near)
                    terms.reshape(-1)[at] = _near_terms(pb.reshape(-1)[at], d.reshape(-1)[at])
        totals[block[0]] += terms.sum(axis=-1)
    for i in np.flatnonzero(suspect | ~np.isfinite(totals)):
        totals[i] = _kl_terms_exact(p2[i], q2[i]).sum()
    return totals.reshape(shape)


def kl_divergence(
    p: ArrayLike, q: ArrayLike, base: float = math.e, *, axis: int = -1, normalize: bool = False
) -> float | np.ndarray:
    r"""Kullback–Leibler divergence D_KL(p‖q) of discrete distributions.

    The arguments are in mathematical order: the first is the distribution the data come from,
    the second the one used to model (or code) them.

    Parameters
    ----------
    p, q : array_like
        Probability vectors along ``axis``: non-negative, each summing to 1 (within 1e-9). They
        broadcast against each other, e.g. one ``p`` of shape ``(n,)`` against ``q`` of shape
        ``(m, n)`` gives ``m`` divergences.
    base : float, default math.e
        Base of the logarithm: ``math.e`` gives nats, ``2`` gives bits. Must be > 1.
    axis : int, default -1
        The axis that holds the outcomes.
    normalize : bool, default False
        Rescale each distribution to sum to 1 first (for counts or weights). Off by default so a
        typo in a probability vector is reported, not silently "fixed".

    Returns
    -------
    float or numpy.ndarray
        The divergence: a float for 1-D inputs, otherwise one value per distribution. Always
        ``>= 0``; exactly ``0.0`` where ``p`` and ``q`` are equal, and ``inf`` where ``q`` is 0 on
        an outcome where ``p`` is positive (no warning is emitted: an infinite divergence is a
        correct answer, not an error).

    Raises
    ------
    TypeError
        If an argument is not numeric.
    ValueError
        If a distribution is empty, has a negative or non-finite entry or does not sum to 1 (the
        message names the row), if the numbers of outcomes differ, or if ``base <= 1``.

    See Also
    --------
    cross_entropy : :math:`H(p, q) = H(p) + D_{KL}(p \| q)`.
    entropy : :math:`H(p)`.
    js_divergence : A bounded, symmetric alternative.
    kl_helpers.estimators.kl_estimate : The same divergence estimated from samples.
    kl_helpers.distributions.kl_normal_normal : Closed form for two normal distributions.

    Notes
    -----
    .. math:: D_{KL}(p \| q) = \sum_i p_i \log \frac{p_i}{q_i}, \qquad 0 \log \frac{0}{q} = 0.

    The sum is evaluated in the stable form

    .. math:: \sum_{i: p_i > 0} p_i\,\bigl(r_i - \ln(1 + r_i)\bigr) + \sum_{i: p_i = 0} q_i,
              \qquad r_i = \frac{q_i - p_i}{p_i},

    which equals the definition because :math:`\sum_i q_i - \sum_i p_i = 0`. (For float vectors
    that sum to 1 only up to rounding, the two differ by that rounding, ~1e-16: below it, for
    nearly equal inputs, the textbook sum of those very vectors can be negative, while this form
    stays the divergence of the nearest exactly normalised pair.) Every term is
    non-negative because :math:`\ln(1 + r) \le r`, and each is computed so that it stays so in
    floating point: for :math:`|r_i| < 0.004` by a series in :math:`u = r/(2 + r)` (accurate to
    about 1e-16 relatively, where the direct difference would lose digits), otherwise as
    :math:`(q_i - p_i) - p_i \ln(q_i/p_i)`, which is then at least 8e-6·p_i, far above its
    rounding error (~1e-16·p_i, so at most ~2e-11 relatively at the switch).
    So the result can never be negative, with no clamping, unlike the textbook sum
    (``scipy.stats.entropy`` can return ``-1e-17`` for nearly equal inputs). Long inputs are
    processed in cache-sized blocks.

    References
    ----------
    S. Kullback and R. A. Leibler, "On information and sufficiency", *Annals of Mathematical
    Statistics* 22 (1951), 79–86. T. M. Cover and J. A. Thomas, *Elements of Information
    Theory*, 2nd ed., Wiley (2006), §2.3.

    Examples
    --------
    >>> p, q = [0.2, 0.5, 0.3], [0.3, 0.4, 0.3]
    >>> round(kl_divergence(p, q), 4), round(kl_divergence(q, p), 4)     # not symmetric
    (0.0305, 0.0324)
    >>> round(kl_divergence(p, q, base=2), 4)                            # in bits
    0.044
    >>> kl_divergence([0.5, 0.5], [0.5, 0.5])
    0.0
    >>> kl_divergence([0.5, 0.5], [1.0, 0.0])
    inf
    >>> kl_divergence(p, [q, p, [1.0, 0.0, 0.0]]).round(4)               # one p, three q
    array([0.0305, 0.    ,    inf])
    >>> round(kl_divergence([1, 3], [2, 2], normalize=True), 4)          # counts, explicitly
    0.1308
    """
    scale = log_base(base)
    p_arr, q_arr = _as_pair(p, q, axis, normalize)
    return _result(_kl_rows(p_arr, q_arr), scale)


def kl_terms(
    p: ArrayLike, q: ArrayLike, base: float = math.e, *, axis: int = -1, normalize: bool = False
) -> np.ndarray:
    r"""The per-outcome terms p·log(p/q) whose sum is D_KL(p‖q).

    Unlike the divergence, a single term can be negative: wherever ``q`` gives an outcome more
    probability than ``p`` does. This is what a figure of "where the divergence comes from"
    shows; use :func:`kl_divergence` for the sum itself (it is evaluated more accurately).

    Parameters
    ----------
    p, q : array_like
        Probability vectors along ``axis`` that broadcast (see :func:`kl_divergence`).
    base : float, default math.e
        Logarithm base (> 1).
    axis : int, default -1
        The axis that holds the outcomes.
    normalize : bool, default False
        Rescale each distribution to sum to 1 first.

    Returns
    -------
    numpy.ndarray
        Same shape as the broadcast inputs: ``0`` where ``p`` is 0 (the convention
        :math:`0 \log(0/q) = 0`), ``inf`` where ``q`` is 0 and ``p`` is not.

    See Also
    --------
    kl_divergence : Their sum, computed in a form that can never be negative.

    Examples
    --------
    >>> kl_terms([0.2, 0.5, 0.3], [0.3, 0.4, 0.3]).round(4)     # the first term is negative
    array([-0.0811,  0.1116,  0.    ])
    >>> kl_terms([0.5, 0.5, 0.0], [1.0, 0.0, 0.0])
    array([-0.34657359,         inf,  0.        ])

    Introduced in ``01_definition.ipynb``.
    """
    scale = log_base(base)
    p_arr, q_arr = _as_pair(p, q, axis, normalize)
    pos = p_arr > 0
    starved = pos & (q_arr == 0)
    ok = pos & ~starved
    # ln(p/q) is accurate where p/q is a normal float (best near p = q, where ln p − ln q would
    # cancel). It overflows where q is subnormal next to p, and loses digits where it is
    # subnormal, though ln(p/q) itself is then about ±710: there ln p − ln q is used.
    with np.errstate(over="ignore"):
        ratio = p_arr / np.where(ok, q_arr, 1.0)
    normal = ok & (ratio >= _TINY) & (ratio <= np.finfo(float).max)
    log_ratio = np.log(np.where(normal, ratio, 1.0))
    wide = ok & ~normal
    if np.any(wide):
        log_ratio[wide] = np.log(p_arr[wide]) - np.log(q_arr[wide])
    terms = np.where(ok, p_arr * log_ratio, 0.0)
    terms = np.where(starved, math.inf, terms)
    return np.moveaxis(terms / scale, -1, axis)


def entropy(
    p: ArrayLike, base: float = math.e, *, axis: int = -1, normalize: bool = False
) -> float | np.ndarray:
    r"""Shannon entropy H(p) = −Σ p log p of discrete distributions.

    Parameters
    ----------
    p : array_like
        Probability vectors along ``axis`` (see :func:`kl_divergence` for the rules).
    base : float, default math.e
        Logarithm base (> 1): ``math.e`` for nats, ``2`` for bits.
    axis : int, default -1
        The axis that holds the outcomes.
    normalize : bool, default False
        Rescale each distribution to sum to 1 first.

    Returns
    -------
    float or numpy.ndarray
        :math:`H(p) \in [0, \log n]` for ``n`` outcomes (``0 log 0`` counts as 0): a float for a
        1-D input, otherwise one value per distribution.

    See Also
    --------
    cross_entropy, kl_divergence
    kl_helpers.distributions.normal_entropy : Differential entropy of a normal density, which
        unlike this one can be negative.

    Notes
    -----
    .. math:: H(p) = -\sum_i p_i \log p_i = \sum_{i: p_i > 0} p_i \log \frac{1}{p_i}.

    Examples
    --------
    >>> entropy([0.5, 0.5], base=2)
    1.0
    >>> round(entropy([0.25] * 4), 4), round(math.log(4), 4)      # uniform: +log n, not -log n
    (1.3863, 1.3863)
    >>> entropy([[1.0, 0.0], [0.5, 0.5]], base=2)                 # one per row
    array([0., 1.])
    """
    scale = log_base(base)
    p_arr = as_distributions(p, "p", axis=axis, normalize=normalize)
    # p = 0 contributes 0 (log evaluated at 1 there); -ln p rather than ln(1/p), since 1/p
    # overflows for subnormal p. (A one-point distribution's term is -0.0; numpy's sum starts
    # from +0.0, so H = +0.0.)
    safe = np.where(p_arr > 0, p_arr, 1.0)
    return _result(np.sum(p_arr * -np.log(safe), axis=-1), scale)


def cross_entropy(
    p: ArrayLike, q: ArrayLike, base: float = math.e, *, axis: int = -1, normalize: bool = False
) -> float | np.ndarray:
    r"""Cross-entropy H(p, q) = −Σ p log q of discrete distributions.

    The expected code length (in the chosen unit) when outcomes drawn from ``p`` are coded with
    a code built for ``q``. It decomposes as :math:`H(p, q) = H(p) + D_{KL}(p \| q)`.

    Parameters
    ----------
    p, q : array_like
        Probability vectors along ``axis`` that broadcast (see :func:`kl_divergence`).
    base : float, default math.e
        Logarithm base (> 1).
    axis : int, default -1
        The axis that holds the outcomes.
    normalize : bool, default False
        Rescale each distribution to sum to 1 first.

    Returns
    -------
    float or numpy.ndarray
        ``inf`` where ``q`` is 0 on an outcome where ``p`` is positive.

    See Also
    --------
    entropy, kl_divergence
    kl_helpers.estimators.cross_entropy_estimate : Estimated from samples of ``p``.
    kl_helpers.classification.cross_entropy_loss : The classification loss, from logits.

    Examples
    --------
    >>> p, q = [0.2, 0.5, 0.3], [0.3, 0.4, 0.3]
    >>> round(cross_entropy(p, q), 4), round(entropy(p) + kl_divergence(p, q), 4)
    (1.0601, 1.0601)
    >>> cross_entropy([0.5, 0.5], [1.0, 0.0])
    inf
    """
    scale = log_base(base)
    p_arr, q_arr = _as_pair(p, q, axis, normalize)
    pos = p_arr > 0
    starved = np.any(pos & (q_arr == 0), axis=-1)
    safe_q = np.where(pos & (q_arr > 0), q_arr, 1.0)
    nats = -np.sum(np.where(pos, p_arr * np.log(safe_q), 0.0), axis=-1)
    return _result(np.where(starved, math.inf, nats), scale)


def js_divergence(
    p: ArrayLike, q: ArrayLike, base: float = math.e, *, axis: int = -1, normalize: bool = False
) -> float | np.ndarray:
    r"""Jensen–Shannon divergence JS(p, q) of discrete distributions.

    A symmetrised, smoothed KL: both distributions are compared with their average, so it is
    finite even where the supports differ, and bounded by :math:`\ln 2` nats (1 bit).

    Parameters
    ----------
    p, q : array_like
        Probability vectors along ``axis`` that broadcast (see :func:`kl_divergence`).
    base : float, default math.e
        Logarithm base (> 1): ``math.e`` for nats, ``2`` for bits.
    axis : int, default -1
        The axis that holds the outcomes.
    normalize : bool, default False
        Rescale each distribution to sum to 1 first.

    Returns
    -------
    float or numpy.ndarray
        The divergence, in ``[0, log_base(2)]``: 0 exactly when ``p == q``, the maximum exactly
        when their supports are disjoint. Symmetric: ``js_divergence(p, q) == js_divergence(q, p)``.

    Raises
    ------
    TypeError, ValueError
        As :func:`kl_divergence`.

    See Also
    --------
    kl_divergence : Unbounded, and infinite where the supports differ.

    Notes
    -----
    .. math:: \mathrm{JS}(p, q) = \tfrac12 D_{KL}(p \| m) + \tfrac12 D_{KL}(q \| m),
              \qquad m = \tfrac12 (p + q).

    :math:`m` is positive wherever :math:`p` or :math:`q` is, so both KL terms are finite. With
    :math:`s_i = p_i + q_i` and :math:`t_i = (p_i - q_i)/s_i \in [-1, 1]`, one outcome contributes

    .. math:: \tfrac{s_i}{4}\bigl[(1 + t_i)\ln(1 + t_i) + (1 - t_i)\ln(1 - t_i)\bigr] \ge 0,

    which is how it is evaluated: no ratio that could overflow, every term >= 0 and symmetric in
    p and q by construction; for :math:`|t_i| < 1/2` as :math:`2t_i\operatorname{artanh} t_i +
    \ln(1 - t_i^2)`, which keeps full relative accuracy when :math:`p_i \approx q_i` (the bracket
    is :math:`t_i^2 + O(t_i^4)`, and the plain form loses digits like eps/abs(t_i)). This is the *divergence*;
    ``scipy.spatial.distance.jensenshannon`` returns its square root (the Jensen–Shannon
    *distance*, a metric).

    References
    ----------
    J. Lin, "Divergence measures based on the Shannon entropy", *IEEE Transactions on
    Information Theory* 37 (1991), 145–151.

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
    p_arr, q_arr = _as_pair(p, q, axis, normalize)
    s = p_arr + q_arr
    occupied = s > 0
    safe_s = np.where(occupied, s, 1.0)
    t = np.where(occupied, (p_arr - q_arr) / safe_s, 0.0)
    # 1 + t and 1 - t in [0, 2], computed without the cancellation of 1 - t near t = 1.
    u = np.where(occupied, 2.0 * p_arr / safe_s, 0.0)
    v = np.where(occupied, 2.0 * q_arr / safe_s, 0.0)
    # u ln u + v ln v with u = 1 + t, v = 1 - t. Near p = q (|t| < 0.5) its two parts are O(t) and
    # cancel to O(t²), losing digits like eps/|t|; there it is written as
    # 2t·artanh(t) + ln(1 - t²), two O(t²) parts of opposite sign (at most a factor 2 cancels).
    # Elsewhere the plain logs, on safe arguments so np.where never meets log(0) (u ln u = 0 at 0).
    near = np.abs(t) < 0.5
    small_t = np.clip(t, -0.5, 0.5)
    near_terms = 2.0 * small_t * np.arctanh(small_t) + np.log1p(-small_t * small_t)
    far_terms = u * np.log(np.where(u > 0, u, 1.0)) + v * np.log(np.where(v > 0, v, 1.0))
    terms = np.maximum(np.where(near, near_terms, far_terms), 0.0)
    nats = np.sum(s * terms, axis=-1) / 4.0
    return _result(np.minimum(nats, math.log(2.0)), scale)


def total_variation(
    p: ArrayLike, q: ArrayLike, *, axis: int = -1, normalize: bool = False
) -> float | np.ndarray:
    r"""Total variation distance TV(p, q) = ½ Σ | p − q | of discrete distributions.

    The largest difference in probability the two distributions give to any one event.

    Parameters
    ----------
    p, q : array_like
        Probability vectors along ``axis`` that broadcast (see :func:`kl_divergence`).
    axis : int, default -1
        The axis that holds the outcomes.
    normalize : bool, default False
        Rescale each distribution to sum to 1 first.

    Returns
    -------
    float or numpy.ndarray
        In ``[0, 1]``: 0 exactly when ``p == q``, 1 exactly when the supports are disjoint.

    See Also
    --------
    js_divergence : Also bounded, also saturating on disjoint supports.
    wasserstein1 : Keeps measuring how far apart disjoint supports are.

    Notes
    -----
    .. math:: \mathrm{TV}(p, q) = \tfrac12 \sum_i |p_i - q_i| = \max_A |P(A) - Q(A)|.

    Pinsker's inequality bounds it by the KL divergence:
    :math:`\mathrm{TV} \le \sqrt{D_{KL}(p\|q)/2}`.

    Examples
    --------
    >>> round(total_variation([0.2, 0.5, 0.3], [0.3, 0.4, 0.3]), 4)
    0.1
    >>> total_variation([1.0, 0.0, 0.0], [0.0, 0.0, 1.0])       # disjoint: the maximum
    1.0

    Introduced in ``08_kl_as_a_loss.ipynb``.
    """
    p_arr, q_arr = _as_pair(p, q, axis, normalize)
    return _result(np.minimum(0.5 * np.sum(np.abs(p_arr - q_arr), axis=-1), 1.0), 1.0)


def wasserstein1(
    p: ArrayLike, q: ArrayLike, outcomes: ArrayLike, *, normalize: bool = False
) -> float | np.ndarray:
    r"""Wasserstein-1 (earth mover's) distance between discrete distributions on a line.

    How much probability mass has to move, times how far, to turn ``p`` into ``q``. Unlike KL,
    JS and total variation it depends on *where* the outcomes are, so it keeps growing as two
    distributions with disjoint supports move apart.

    Parameters
    ----------
    p, q : array_like
        Probability vectors over ``outcomes`` (last axis), broadcasting against each other.
    outcomes : array_like
        The outcomes' positions on the real line, strictly increasing (same length as ``p``).
    normalize : bool, default False
        Rescale each distribution to sum to 1 first.

    Returns
    -------
    float or numpy.ndarray
        In units of ``outcomes`` (not nats): >= 0, 0 exactly when ``p == q``.

    Raises
    ------
    ValueError
        If ``outcomes`` is not strictly increasing or its length differs from the distributions'.

    See Also
    --------
    total_variation, js_divergence
    kl_helpers.comparison.wasserstein1_normal_normal : Closed form for two normals.

    Notes
    -----
    In one dimension the optimal transport plan is monotone, and

    .. math:: W_1(p, q) = \int |F_p(x) - F_q(x)|\,dx = \sum_i |F_p(x_i) - F_q(x_i)|\,(x_{i+1} - x_i)

    with the cumulative distribution functions :math:`F`.

    References
    ----------
    C. Villani, *Optimal Transport: Old and New*, Springer (2009), remark 2.19.
    M. Arjovsky, S. Chintala, L. Bottou, "Wasserstein GAN" (2017),
    https://arxiv.org/abs/1701.07875.

    Examples
    --------
    >>> x = [0.0, 1.0, 2.0, 3.0]
    >>> wasserstein1([1, 0, 0, 0], [0, 0, 0, 1], x), wasserstein1([1, 0, 0, 0], [0, 1, 0, 0], x)
    (3.0, 1.0)

    Introduced in ``08_kl_as_a_loss.ipynb``.
    """
    x = as_sample(outcomes, "outcomes")
    if np.any(np.diff(x) <= 0):
        raise ValueError("outcomes must be strictly increasing; sort the outcomes (and p, q with them)")
    p_arr, q_arr = _as_pair(p, q, -1, normalize)
    if p_arr.shape[-1] != x.size:
        raise ValueError(
            f"outcomes has {x.size} positions but p and q have {p_arr.shape[-1]} entries; "
            "pass one position per outcome"
        )
    gap = np.abs(np.cumsum(p_arr - q_arr, axis=-1))[..., :-1]
    return _result(np.sum(gap * np.diff(x), axis=-1), 1.0)
