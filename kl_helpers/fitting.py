"""Maximum-likelihood fitting: negative log-likelihoods, their gradients, gradient descent (numpy only).

Minimising :math:`D_{KL}(p \\| q_\\theta)` over :math:`\\theta` with the expectation replaced by an
average over data :math:`x_1, \\dots, x_N \\sim p` is minimising the average negative
log-likelihood: the two differ by :math:`\\frac1N \\sum_i \\ln p(x_i)`, which does not depend on
:math:`\\theta`. Introduced in ``04_mle_equivalence.ipynb``.
"""

from __future__ import annotations

import math

import numpy as np
from numpy.typing import ArrayLike

from ._validate import (
    as_counts,
    as_distribution,
    as_real_array,
    as_sample,
    positive,
    positive_int,
    same_shape,
    scalar,
    scalar_result,
)
from .optimize import DescentHistory, gradient_descent
from .special import LOG_2PI

__all__ = [
    "categorical_counts",
    "categorical_mle",
    "categorical_nll",
    "fit_normal_gd",
    "fit_normal_mle",
    "normal_nll",
    "normal_nll_grad",
]


def fit_normal_mle(x: ArrayLike) -> tuple[float, float]:
    r"""Closed-form maximum-likelihood fit of a normal distribution to data.

    Parameters
    ----------
    x : array_like
        One-dimensional, non-empty, finite data.

    Returns
    -------
    mu, sigma : float
        The sample mean and the square root of the *1/N* (not 1/(N-1)) sample variance: the
        values that minimise the negative log-likelihood.

    Raises
    ------
    ValueError
        If ``x`` is empty, not one-dimensional or not finite, or if all values are equal (then
        the likelihood grows without bound as sigma shrinks to 0, and there is no MLE).

    Notes
    -----
    .. math:: \hat\mu = \frac1N \sum_i x_i, \qquad \hat\sigma^2 = \frac1N \sum_i (x_i - \hat\mu)^2

    Examples
    --------
    >>> fit_normal_mle([1.0, 2.0, 3.0])
    (2.0, 0.816496580927726)
    """
    data = as_sample(x, "x")
    mu = float(np.mean(data))
    sigma = float(np.sqrt(np.mean((data - mu) ** 2)))
    if sigma == 0.0:
        raise ValueError(
            "x has no spread (all values are equal), so no normal distribution maximises the "
            "likelihood; pass data with at least two different values"
        )
    return mu, sigma


def _standardised_moments(
    mu: ArrayLike, sigma: ArrayLike, x: ArrayLike
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    # The average of (x_i - mu)^2 equals (xbar - mu)^2 + s^2 (s^2: the 1/N variance), so the
    # NLL and its gradient need only two numbers from the data, and a whole parameter grid is
    # one vectorised expression. Dividing by sigma *before* squaring keeps tiny sigmas finite
    # where possible.
    data = as_sample(x, "x")
    m = as_real_array(mu, "mu")
    s = positive(sigma, "sigma")
    xbar = np.mean(data)
    spread = np.sqrt(np.mean((data - xbar) ** 2))
    return (xbar - m) / s, spread / s, s


def normal_nll(mu: ArrayLike, sigma: ArrayLike, x: ArrayLike) -> float | np.ndarray:
    r"""Average negative log-likelihood of data under a normal model N(μ, σ²), in nats.

    Parameters
    ----------
    mu : array_like
        Mean of the model (finite); arrays broadcast with ``sigma`` (e.g. a grid).
    sigma : array_like
        Standard deviation of the model, > 0 (not the variance).
    x : array_like
        The data: one-dimensional, non-empty, finite.

    Returns
    -------
    float or numpy.ndarray
        :math:`-\frac1N \sum_i \ln \mathcal N(x_i \mid \mu, \sigma^2)`, broadcast over
        ``mu`` and ``sigma``. The *sum* over data points is ``N`` times this. Values beyond
        the float range (sigma of 1e-300 far from the data) are reported as ``inf``.

    Raises
    ------
    ValueError
        If ``sigma <= 0``, or ``x`` is empty, not 1-D, or contains a non-finite value.

    Notes
    -----
    With :math:`\bar x` the sample mean and :math:`s^2 = \frac1N\sum_i (x_i - \bar x)^2`,

    .. math:: \mathrm{NLL}(\mu, \sigma) = \tfrac12 \ln(2\pi) + \ln\sigma
              + \frac{(\bar x - \mu)^2 + s^2}{2\sigma^2}.

    Examples
    --------
    >>> x = [0.5, 1.5, 2.5]
    >>> round(normal_nll(1.0, 2.0, x), 6)
    1.726669
    >>> normal_nll([0.0, 1.5], 1.0, x).round(4)    # a grid of means at once
    array([2.3773, 1.2523])
    """
    a, b, s = _standardised_moments(mu, sigma, x)
    # A squared ratio beyond 1e308 overflows to inf, which is the right answer (the data are
    # impossibly far from the model); the warning numpy would emit carries no information.
    with np.errstate(over="ignore"):
        nll = 0.5 * LOG_2PI + np.log(s) + 0.5 * (a * a + b * b)
    return scalar_result(nll)


def normal_nll_grad(
    mu: ArrayLike, sigma: ArrayLike, x: ArrayLike
) -> tuple[float | np.ndarray, float | np.ndarray]:
    r"""Gradient of :func:`normal_nll` with respect to μ and σ.

    Parameters
    ----------
    mu, sigma, x : array_like
        As in :func:`normal_nll`.

    Returns
    -------
    d_mu, d_sigma : float or numpy.ndarray
        :math:`\partial\,\mathrm{NLL}/\partial\mu` and :math:`\partial\,\mathrm{NLL}/\partial\sigma`.

    Notes
    -----
    .. math:: \frac{\partial\,\mathrm{NLL}}{\partial\mu} = \frac{\mu - \bar x}{\sigma^2}, \qquad
              \frac{\partial\,\mathrm{NLL}}{\partial\sigma} = \frac1\sigma
              - \frac{(\bar x - \mu)^2 + s^2}{\sigma^3}.

    Both vanish exactly at the closed-form MLE (:math:`\mu = \bar x`, :math:`\sigma = s`). For the
    gradient with respect to :math:`\ln\sigma`, multiply ``d_sigma`` by ``sigma`` (chain rule).

    Examples
    --------
    >>> x = [0.5, 1.5, 2.5]
    >>> mu_hat, sigma_hat = fit_normal_mle(x)
    >>> [round(abs(g), 12) for g in normal_nll_grad(mu_hat, sigma_hat, x)]
    [0.0, 0.0]
    """
    a, b, s = _standardised_moments(mu, sigma, x)
    with np.errstate(over="ignore"):  # see normal_nll: overflow means inf, which is correct
        d_mu = -a / s
        d_sigma = (1.0 - (a * a + b * b)) / s
    return scalar_result(d_mu), scalar_result(d_sigma)


# exp(log_sigma) overflows beyond about 709 and underflows below about -745; well inside that,
# a log-sigma of +-300 already means a model no data set could support.
_LOG_SIGMA_LIMIT = 300.0


def _normal_loss_log_sigma(theta: np.ndarray, x: np.ndarray) -> float:
    mu, log_sigma = theta
    if abs(log_sigma) > _LOG_SIGMA_LIMIT:
        return math.inf  # reported by gradient_descent as divergence
    return normal_nll(mu, math.exp(log_sigma), x)


def _normal_grad_log_sigma(theta: np.ndarray, x: np.ndarray) -> np.ndarray:
    mu, log_sigma = theta
    sigma = math.exp(log_sigma)
    d_mu, d_sigma = normal_nll_grad(mu, sigma, x)
    return np.array([d_mu, sigma * d_sigma])  # chain rule: d/d(ln σ) = σ d/dσ


def fit_normal_gd(
    x: ArrayLike,
    mu0: float,
    sigma0: float,
    learning_rate: float = 0.1,
    *,
    tol: float = 1e-10,
    max_steps: int = 10_000,
) -> DescentHistory:
    r"""Fit a normal distribution N(μ, σ²) by gradient descent on the average NLL.

    The descent runs over :math:`\theta = (\mu, \ln\sigma)`: every real :math:`\ln\sigma` is a
    valid :math:`\sigma > 0`, so no step can produce a negative standard deviation.

    Parameters
    ----------
    x : array_like
        The data (1-D, non-empty, finite, not all equal).
    mu0, sigma0 : float
        Starting mean and standard deviation (``sigma0 > 0``).
    learning_rate : float, default 0.1
        Step size in :math:`(\mu, \ln\sigma)`.
    tol, max_steps
        As in :func:`gradient_descent`.

    Returns
    -------
    DescentHistory
        ``thetas[:, 0]`` are the means, ``np.exp(thetas[:, 1])`` the standard deviations.

    Raises
    ------
    ValueError
        For bad data or starting values, or if the descent diverges (see
        :func:`gradient_descent`); the message names the learning rate.

    Notes
    -----
    .. math:: \frac{\partial\,\mathrm{NLL}}{\partial \ln\sigma}
              = \sigma \frac{\partial\,\mathrm{NLL}}{\partial\sigma}
              = 1 - \frac{(\bar x - \mu)^2 + s^2}{\sigma^2}

    Examples
    --------
    >>> x = [0.5, 1.5, 2.5]
    >>> h = fit_normal_gd(x, mu0=0.0, sigma0=1.0, learning_rate=0.2)
    >>> mu, sigma = h.theta[0], np.exp(h.theta[1])
    >>> h.converged, round(float(mu), 6), round(float(sigma), 6)
    (True, 1.5, 0.816497)
    >>> fit_normal_mle(x)                              # the closed form it converged to
    (1.5, 0.816496580927726)
    """
    data = as_sample(x, "x")
    fit_normal_mle(data)  # refuses data without spread (no MLE, the descent would never stop)
    mu_start = scalar(mu0, "mu0")
    log_sigma0 = math.log(scalar(sigma0, "sigma0", positive=True, example="1.0"))
    if abs(log_sigma0) > _LOG_SIGMA_LIMIT:
        # Otherwise the descent would report "diverged at step 0" and blame the learning rate.
        raise ValueError(
            f"sigma0={sigma0:g} is outside e^-{_LOG_SIGMA_LIMIT:g} .. e^{_LOG_SIGMA_LIMIT:g} "
            f"({math.exp(-_LOG_SIGMA_LIMIT):.1e} .. {math.exp(_LOG_SIGMA_LIMIT):.1e}), where the fit "
            "stops; start near the data's "
            "standard deviation, e.g. sigma0=1.0"
        )
    start = np.array([mu_start, log_sigma0])
    return gradient_descent(
        lambda t: _normal_loss_log_sigma(t, data),
        lambda t: _normal_grad_log_sigma(t, data),
        start,
        learning_rate,
        tol=tol,
        max_steps=max_steps,
    )


def categorical_counts(x: ArrayLike, n_categories: int) -> np.ndarray:
    """How often each outcome ``0, 1, ..., n_categories - 1`` occurs in ``x``.

    Parameters
    ----------
    x : array_like
        Observed outcomes: whole numbers in ``0 .. n_categories - 1`` (1-D, non-empty).
    n_categories : int
        Number of possible outcomes K, so that unobserved ones get a count of 0.

    Returns
    -------
    numpy.ndarray
        Integer counts :math:`n_k`, length K.

    Raises
    ------
    ValueError
        If an entry of ``x`` is not one of the outcomes.

    Examples
    --------
    >>> categorical_counts([0, 2, 2, 1, 2], 4)
    array([1, 1, 3, 0])
    """
    k = positive_int(n_categories, "n_categories")
    data = as_sample(x, "x")
    bad = (data != np.round(data)) | (data < 0) | (data >= k)
    if np.any(bad):
        i = int(np.flatnonzero(bad)[0])
        raise ValueError(
            f"x[{i}] = {data[i]:g} is not an outcome; outcomes are the integers 0..{k - 1} "
            f"(n_categories={k})"
        )
    return np.bincount(data.astype(int), minlength=k)


def categorical_mle(counts: ArrayLike) -> np.ndarray:
    r"""Maximum-likelihood probabilities of a categorical model: the frequencies n_k / N.

    This is also the empirical distribution :math:`\hat p`, so it minimises
    :math:`D_{KL}(\hat p \| q)` over all categorical :math:`q` (the minimum is 0).

    Parameters
    ----------
    counts : array_like
        Counts per category (whole numbers >= 0, not all zero).

    Examples
    --------
    >>> categorical_mle([3, 1, 0]).tolist()
    [0.75, 0.25, 0.0]
    """
    n = as_counts(counts, "counts")
    return n / n.sum()


def categorical_nll(q: ArrayLike, counts: ArrayLike) -> float:
    r"""Average negative log-likelihood of categorical data (given as counts) under probabilities ``q``.

    Parameters
    ----------
    q : array_like
        Model probabilities (non-negative, summing to 1).
    counts : array_like
        Counts per category, same length as ``q``.

    Returns
    -------
    float
        :math:`-\frac1N \sum_k n_k \ln q_k = H(\hat p, q)`, the cross-entropy of the empirical
        distribution and the model; ``inf`` if ``q`` is 0 on an observed category.

    Notes
    -----
    Since :math:`H(\hat p, q) = H(\hat p) + D_{KL}(\hat p \| q)` and :math:`H(\hat p)` does not
    depend on ``q``, the NLL and the KL divergence from the empirical distribution have the same
    minimiser, :math:`q = \hat p` (exactly, for any sample size).

    Examples
    --------
    >>> round(categorical_nll([0.5, 0.5], [3, 1]), 6)       # ln 2: every outcome costs one bit
    0.693147
    >>> round(categorical_nll([0.75, 0.25], [3, 1]), 6)     # the frequencies do better: H(p̂)
    0.562335
    >>> categorical_nll([1.0, 0.0], [3, 1])
    inf
    """
    q_arr = as_distribution(q, "q")
    n = as_counts(counts, "counts")
    same_shape(q_arr, n, ("q", "counts"))
    seen = n > 0
    if np.any(q_arr[seen] == 0):
        return math.inf
    return float(-np.sum(n[seen] * np.log(q_arr[seen])) / n.sum())
