r"""Expectations of a discrete random variable, Jensen's gap for the logarithm, sample-mean error.

* :func:`discrete_expectation` — :math:`E[X] = \sum_i p_i x_i`, the probability-weighted average.
* :func:`jensen_gap_log` — :math:`\ln E[X] - E[\ln X] \ge 0` (Jensen's inequality for the
  concave logarithm), computed so that it can never round below 0.
* :func:`sample_mean_spread` — how far the mean of ``N`` draws typically lands from
  :math:`E[X]`, for several ``N`` (it shrinks like :math:`1/\sqrt N`).

Numpy only. Introduced in ``00_refresher.ipynb``.
"""

from __future__ import annotations

import numpy as np
from numpy.typing import ArrayLike

from ._i18n import tr
from ._validate import (
    _AXIS_ERROR,
    as_distribution,
    as_distributions,
    as_real_array,
    as_rng,
    as_sample,
    positive_int,
    scalar_result,
)

__all__ = ["discrete_expectation", "jensen_gap_log", "sample_mean_spread"]


def _values_and_probabilities(
    values: ArrayLike, p: ArrayLike, axis: int
) -> tuple[np.ndarray, np.ndarray]:
    """Validated values and probabilities, outcome axis last, broadcast against each other."""
    p_arr = as_distributions(p, "p", axis=axis)
    x = as_real_array(values, "values")
    if x.ndim == 0:
        raise ValueError(
            f"values must hold one value per outcome (a vector), got a single number ({float(x)}); "
            "pass e.g. [1.0, 2.0, 4.0]"
        )
    try:
        x = np.moveaxis(x, axis, -1)
    except _AXIS_ERROR:
        raise ValueError(
            f"axis={axis} is out of range for values of shape {x.shape}; use an axis between "
            f"{-x.ndim} and {x.ndim - 1}"
        ) from None
    if x.shape[-1] != p_arr.shape[-1]:
        raise ValueError(
            f"values has {x.shape[-1]} outcomes but p has {p_arr.shape[-1]}; give one value per "
            "probability"
        )
    try:
        x, p_arr = np.broadcast_arrays(x, p_arr)
    except ValueError:
        raise ValueError(
            f"values (shape {x.shape}) and p (shape {p_arr.shape}) cannot be broadcast together; "
            "pass one row of values per row of p, or a single row for all of them"
        ) from None
    return x, p_arr


def discrete_expectation(values: ArrayLike, p: ArrayLike, *, axis: int = -1) -> float | np.ndarray:
    r"""Expectation E[X] = Σ p_i x_i of a discrete random variable: a probability-weighted average.

    To average a function of X, pass its values: ``discrete_expectation(f(x), p)`` is
    :math:`E[f(X)] = \sum_i p_i f(x_i)`.

    Parameters
    ----------
    values : array_like
        The values :math:`x_i` (finite), one per outcome along ``axis``; broadcast against ``p``
        (one row of values for many distributions, or one per row).
    p : array_like
        The probabilities :math:`p_i` along ``axis``: non-negative and summing to 1 (they are
        never rescaled: weights that do not sum to 1 are refused).
    axis : int, default -1
        The axis that holds the outcomes.

    Returns
    -------
    float or numpy.ndarray
        A float for one distribution, otherwise one expectation per distribution.

    Raises
    ------
    ValueError
        If ``p`` is not a probability vector, or ``values`` does not give one value per outcome.

    See Also
    --------
    kl_helpers.quadrature.expectation_on_grid : The same for a density, by quadrature.
    jensen_gap_log : How far ln E[X] lies above E[ln X].

    Notes
    -----
    .. math:: E[X] = \sum_i p_i x_i, \qquad E[f(X)] = \sum_i p_i f(x_i).

    An outcome's value counts in proportion to its probability; the plain average of the values,
    ``np.mean(values)``, is the expectation only when every outcome is equally likely.

    Examples
    --------
    >>> x, p = [1.0, 2.0, 4.0], [0.5, 0.25, 0.25]
    >>> discrete_expectation(x, p)                       # 0.5·1 + 0.25·2 + 0.25·4
    2.0
    >>> discrete_expectation(np.square(x), p)            # E[X²]
    5.5
    >>> discrete_expectation(x, [[0.5, 0.25, 0.25], [0.0, 0.0, 1.0]])    # one per row of p
    array([2., 4.])

    Introduced in ``00_refresher.ipynb``.
    """
    x, p_arr = _values_and_probabilities(values, p, axis)
    return scalar_result(np.sum(p_arr * x, axis=-1))


def jensen_gap_log(values: ArrayLike, p: ArrayLike, *, axis: int = -1) -> float | np.ndarray:
    r"""Jensen's gap for the logarithm, ln E[X] − E[ln X], of a discrete X > 0 (never negative).

    Parameters
    ----------
    values : array_like
        The values :math:`x_i`, which must be > 0 wherever :math:`p_i > 0` (the logarithm is
        defined for positive numbers only); broadcast against ``p`` as in
        :func:`discrete_expectation`.
    p : array_like
        The probabilities along ``axis`` (non-negative, summing to 1).
    axis : int, default -1
        The axis that holds the outcomes.

    Returns
    -------
    float or numpy.ndarray
        :math:`\ln E[X] - E[\ln X] \ge 0`; it is 0 exactly when X is constant (every value with
        :math:`p_i > 0` is the same).

    Raises
    ------
    ValueError
        If a value with positive probability is <= 0, or the inputs are not a valid pair.

    See Also
    --------
    discrete_expectation
    kl_helpers.divergence.kl_divergence : The same gap for X = q(x)/p(x) under p is D_KL(p‖q).

    Notes
    -----
    With :math:`\mu = E[X]` and :math:`d_i = x_i/\mu - 1` (so :math:`\sum_i p_i d_i = 0`),

    .. math:: \ln E[X] - E[\ln X] = -\sum_i p_i \ln(1 + d_i) = \sum_i p_i \,(d_i - \ln(1 + d_i)).

    Every term is :math:`\ge 0` because :math:`\ln(1 + d) \le d`, so the sum cannot round below 0
    (the plain difference of two logarithms can), and ``log1p`` keeps small gaps accurate. For a
    small spread the gap is about :math:`\operatorname{Var}(X) / (2\mu^2)`.

    Examples
    --------
    >>> x, p = [1.0, 2.0, 4.0], [0.5, 0.25, 0.25]
    >>> round(jensen_gap_log(x, p), 6), round(0.25 * float(np.log(2)), 6)  # ln 2 - 0.75 ln 2
    (0.173287, 0.173287)
    >>> jensen_gap_log([3.0, 3.0], [0.5, 0.5])                           # constant X: no gap
    0.0
    >>> jensen_gap_log([[1.9, 2.1], [1.0, 3.0]], [0.5, 0.5]).round(6)   # -½ ln(1 - s²/4)
    array([0.001252, 0.143841])

    Introduced in ``00_refresher.ipynb``.
    """
    x, p_arr = _values_and_probabilities(values, p, axis)
    bad = (p_arr > 0) & (x <= 0)
    if np.any(bad):
        value = x.ravel()[int(np.flatnonzero(bad.ravel())[0])]
        raise ValueError(tr(
            "values must be > 0 wherever p > 0 (ln x needs x > 0), got {value}; "
            "E[ln X] is not defined for such an X", value=value))
    # Outcomes with p = 0 do not count: they get d = 0 (a term of 0), whatever their value. The
    # gap does not change when X is rescaled, so divide by the largest counted value first: then
    # no ratio overflows and the mean of tiny values (1e-310, say) does not underflow to 0.
    counted = p_arr > 0
    kept = np.where(counted, x, 0.0)
    scaled = kept / kept.max(axis=-1, keepdims=True)  # every row has a counted value > 0
    mean = np.sum(p_arr * scaled, axis=-1, keepdims=True)  # >= p of the largest value > 0
    d = np.where(counted, scaled / mean - 1.0, 0.0)
    return scalar_result(np.sum(p_arr * (d - np.log1p(d)), axis=-1))


def sample_mean_spread(
    values: ArrayLike,
    p: ArrayLike,
    sizes: ArrayLike,
    replications: int,
    rng: np.random.Generator,
) -> np.ndarray:
    r"""Standard deviation of the mean of N draws of a discrete X, across repeated samples, per N.

    For each sample size ``N``, draws ``replications`` independent samples of ``N`` values of X
    (value :math:`x_i` with probability :math:`p_i`), takes each sample's mean, and returns the
    standard deviation (``ddof=1``) of those means: the typical error of one sample mean. For
    independent draws it is :math:`\sigma/\sqrt N`, with :math:`\sigma` the standard deviation of X.

    Parameters
    ----------
    values, p : array_like
        One-dimensional: the values and their probabilities.
    sizes : array_like
        Sample sizes ``N`` (whole numbers >= 1).
    replications : int
        Samples per size (>= 2). The result's relative standard error is about
        :math:`1/\sqrt{2(\text{replications} - 1)}`.
    rng : numpy.random.Generator
        Source of all randomness.

    Returns
    -------
    numpy.ndarray
        One standard deviation per size.

    See Also
    --------
    discrete_expectation
    kl_helpers.estimators.spread_by_sample_size : The same for KL estimates.
    kl_helpers.estimators.loglog_slope : Its slope against N on log-log axes is about -1/2.

    Examples
    --------
    >>> sd = sample_mean_spread([0.0, 1.0], [0.5, 0.5], [4, 400], 2000, np.random.default_rng(0))
    >>> sd.round(3)               # σ/√N = 0.5/2 and 0.5/20: 100 times the draws, a tenth the error
    array([0.243, 0.025])
    """
    x = as_sample(values, "values")
    p_arr = as_distribution(p, "p")
    if x.shape != p_arr.shape:
        raise ValueError(
            f"values has {x.size} outcomes but p has {p_arr.size}; give one value per probability"
        )
    ns = as_sample(sizes, "sizes")
    if np.any(ns < 1) or np.any(ns != np.round(ns)):
        raise ValueError(f"sizes must be whole numbers >= 1, got {ns.tolist()}")
    replications = positive_int(replications, "replications", 2, " (a spread needs two estimates)")
    rng = as_rng(rng)
    return np.array([
        rng.choice(x, size=(replications, int(n)), p=p_arr).mean(axis=1).std(ddof=1) for n in ns
    ])
