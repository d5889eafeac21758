r"""Estimates of cross-entropy and KL divergence from samples (and, for checks, from a grid).

An expectation under ``p`` becomes a sample mean over draws :math:`x_i \sim p`:

.. math:: H(p, q) \approx -\frac1N \sum_i \ln q(x_i), \qquad
          D_{KL}(p \| q) \approx \frac1N \sum_i \bigl[\ln p(x_i) - \ln q(x_i)\bigr].

With :math:`r = q(x)/p(x)` and :math:`x \sim p` the per-sample KL terms are

* ``k1`` :math:`= -\ln r` (unbiased; can be negative),
* ``k2`` :math:`= (\ln r)^2 / 2` (non-negative, low variance, **biased**),
* ``k3`` :math:`= (r - 1) - \ln r` (unbiased because :math:`E_p[r] = 1`; non-negative because
  :math:`\ln r \le r - 1`).

Everything is vectorised (no Python loop over samples) and numpy only. Introduced in
``03_sample_approximation.ipynb``; :func:`expectation_on_grid` is used in ``02_decomposition.ipynb``.
"""

from __future__ import annotations

import math
from collections.abc import Callable

import numpy as np
from numpy.typing import ArrayLike

from ._validate import (
    as_real_array,
    as_rng,
    as_sample,
    choice,
    log_density_function,
    positive,
    positive_int,
)
from .distributions import gaussian_logpdf

__all__ = [
    "ESTIMATORS",
    "cross_entropy_estimate",
    "expectation_on_grid",
    "gaussian_kl_replications",
    "kl_estimate",
    "kl_estimator_terms",
    "kl_term_std_gaussian",
    "loglog_slope",
    "running_mean_and_se",
    "spread_by_sample_size",
]

#: Names accepted by ``estimator=``.
ESTIMATORS = ("k1", "k2", "k3")

# exp(l) overflows a float64 above ~709.78; refuse before numpy warns.
_MAX_LOG_RATIO = 700.0

LogDensity = Callable[[np.ndarray], ArrayLike]


def _scalar(value: object, name: str, *, positive_only: bool = False) -> float:
    """One finite real number (a mean or, with ``positive_only``, a standard deviation)."""
    arr = positive(value, name) if positive_only else as_real_array(value, name)
    if arr.ndim != 0:
        raise ValueError(f"{name} must be a single number, got an array of shape {arr.shape}")
    return float(arr)


def _log_density_at(logf: LogDensity, x: np.ndarray, name: str) -> np.ndarray:
    """Evaluate a log-density at the samples, insisting on one finite value per sample."""
    log_density_function(logf, name)
    values = np.asarray(logf(x))
    if values.dtype.kind not in "iuf":
        raise TypeError(f"{name} must return real numbers, got values of type {values.dtype}")
    if values.shape != x.shape:
        raise ValueError(
            f"{name} returned shape {values.shape} for {x.size} samples; it must return one "
            "log-density per sample (write it with numpy so it works on a whole array)"
        )
    values = values.astype(float)
    if not np.all(np.isfinite(values)):
        i = int(np.flatnonzero(~np.isfinite(values))[0])
        raise ValueError(
            f"{name} is {values[i]} at sample {i} (x = {x[i]:.6g}): the density is 0 or invalid "
            "there, so the estimate would be infinite or NaN; the model must be positive wherever "
            "p puts samples"
        )
    return values


def cross_entropy_estimate(logq: LogDensity, samples: ArrayLike) -> float:
    r"""Sample estimate of the cross-entropy :math:`H(p, q) = -E_p[\ln q(X)]`.

    Parameters
    ----------
    logq : callable
        Log-density of the model ``q``, vectorised: ``logq(x)`` returns one value per sample.
    samples : array_like
        Draws :math:`x_1, \dots, x_N` from ``p`` (one-dimensional, non-empty, finite).

    Returns
    -------
    float
        :math:`-\frac1N \sum_i \ln q(x_i)`, in nats. Unbiased for :math:`H(p, q)`; its standard
        error shrinks like :math:`1/\sqrt N`.

    Raises
    ------
    TypeError
        If ``logq`` is not callable or ``samples`` is not numeric.
    ValueError
        If ``samples`` is empty, not one-dimensional or not finite; if ``logq`` returns the wrong
        number of values or a non-finite one.

    Examples
    --------
    >>> from kl_helpers import gaussian_cross_entropy
    >>> x = np.random.default_rng(0).normal(0.0, 1.0, 100_000)
    >>> est = cross_entropy_estimate(lambda t: gaussian_logpdf(t, 0.5, 1.0), x)
    >>> abs(est - gaussian_cross_entropy(0.0, 1.0, 0.5, 1.0)) < 0.01
    True
    """
    x = as_sample(samples, "samples")
    return float(-np.mean(_log_density_at(logq, x, "logq")))


def kl_estimator_terms(
    logp_values: ArrayLike, logq_values: ArrayLike, estimator: str = "k1"
) -> np.ndarray:
    r"""Per-sample KL terms ``k1``, ``k2`` or ``k3`` from log-densities evaluated at draws from ``p``.

    Their mean estimates :math:`D_{KL}(p \| q)`. Any array shape is accepted (e.g. one row per
    replication), so many estimates can be formed at once with ``.mean(axis=-1)``.

    Parameters
    ----------
    logp_values, logq_values : array_like
        :math:`\ln p(x_i)` and :math:`\ln q(x_i)` at the same samples :math:`x_i \sim p`
        (same shape, finite, non-empty).
    estimator : {"k1", "k2", "k3"}, default "k1"
        Which term (see the module docstring for the formulas).

    Returns
    -------
    numpy.ndarray
        The terms, same shape as the inputs. ``k2`` and ``k3`` terms are always ``>= 0``.

    Raises
    ------
    TypeError
        If ``estimator`` is not a string or the values are not numeric.
    ValueError
        If the estimator is unknown, the arrays are empty, non-finite or of different shapes, or
        (``k3`` only) if :math:`q/p` at a sample is too large to represent (> e^700).

    Notes
    -----
    ``k3`` is evaluated as ``expm1(l) - l`` with :math:`l = \ln r`, accurate when ``q`` is close to
    ``p``. Rounding in ``expm1`` could still leave a term a few ulps below zero where the true
    value is :math:`l^2/2 < 10^{-32}`, so terms are floored at 0.

    Examples
    --------
    >>> lp, lq = np.log([0.5, 0.25]), np.log([0.25, 0.5])
    >>> kl_estimator_terms(lp, lq, "k1").round(4).tolist()
    [0.6931, -0.6931]
    >>> kl_estimator_terms(lp, lq, "k3").round(4).tolist()
    [0.1931, 0.3069]
    """
    name = choice(estimator, "estimator", ESTIMATORS)
    lp = as_real_array(logp_values, "logp_values")
    lq = as_real_array(logq_values, "logq_values")
    if lp.shape != lq.shape:
        raise ValueError(
            f"logp_values and logq_values must be evaluated at the same samples, but their shapes "
            f"are {lp.shape} and {lq.shape}"
        )
    if lp.size == 0:
        raise ValueError("logp_values is empty; pass log-densities at one or more samples")
    log_r = lq - lp
    if name == "k1":
        return -log_r
    if name == "k2":
        return 0.5 * log_r**2
    if np.any(log_r > _MAX_LOG_RATIO):
        i = int(np.flatnonzero(log_r.ravel() > _MAX_LOG_RATIO)[0])
        raise ValueError(
            f"k3 needs r = q/p = exp({log_r.ravel()[i]:.4g}) at flat index {i}, which overflows; "
            "check that logp and logq are not swapped, or use k1"
        )
    return np.maximum(np.expm1(log_r) - log_r, 0.0)


def kl_estimate(
    logp: LogDensity, logq: LogDensity, samples: ArrayLike, estimator: str = "k1"
) -> float:
    r"""Sample estimate of :math:`D_{KL}(p \| q)` from draws of ``p``.

    Parameters
    ----------
    logp, logq : callable
        Vectorised log-densities of ``p`` (the distribution the samples come from) and ``q``.
    samples : array_like
        Draws from ``p``: one-dimensional, non-empty, finite.
    estimator : {"k1", "k2", "k3"}, default "k1"
        ``k1`` is the plain mean of :math:`\ln p - \ln q` (unbiased, may be negative), ``k3`` is
        unbiased and never negative, ``k2`` is never negative but biased.

    Returns
    -------
    float
        The estimate in nats.

    Raises
    ------
    TypeError, ValueError
        See :func:`cross_entropy_estimate` and :func:`kl_estimator_terms`.

    Examples
    --------
    >>> from kl_helpers import kl_gaussian
    >>> x = np.random.default_rng(1).normal(0.0, 1.0, 200_000)
    >>> logp = lambda t: gaussian_logpdf(t, 0.0, 1.0)
    >>> logq = lambda t: gaussian_logpdf(t, 1.0, 1.0)
    >>> truth = kl_gaussian(0.0, 1.0, 1.0, 1.0)
    >>> [abs(kl_estimate(logp, logq, x, k) - truth) < 0.01 for k in ("k1", "k3")]
    [True, True]
    >>> kl_estimate(logp, logq, x, "k2") > truth + 0.1     # k2 is biased upwards here
    True
    """
    choice(estimator, "estimator", ESTIMATORS)
    x = as_sample(samples, "samples")
    terms = kl_estimator_terms(_log_density_at(logp, x, "logp"), _log_density_at(logq, x, "logq"),
                               estimator)
    return float(np.mean(terms))


def running_mean_and_se(terms: ArrayLike) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    r"""Estimates after the first ``n`` terms, for every ``n`` from 2 to ``N``, with standard errors.

    Parameters
    ----------
    terms : array_like
        Per-sample terms (e.g. from :func:`kl_estimator_terms`), one-dimensional, at least two.

    Returns
    -------
    n, mean, se : numpy.ndarray
        ``n = 2, ..., N``; the mean of the first ``n`` terms; its standard error
        :math:`s_n / \sqrt n` with the sample standard deviation :math:`s_n` (``ddof=1``, which
        needs two terms, hence ``n`` starts at 2).

    Examples
    --------
    >>> n, mean, se = running_mean_and_se([1.0, 3.0, 2.0])
    >>> n.tolist(), mean.tolist(), se.round(4).tolist()
    ([2, 3], [2.0, 2.0], [1.0, 0.5774])
    """
    t = as_sample(terms, "terms")
    if t.size < 2:
        raise ValueError("terms needs at least two values to give a standard error")
    n = np.arange(1, t.size + 1)
    # Shift by the first term before summing squares: the variance is unchanged and the
    # one-pass formula then loses far fewer digits when the mean is large compared with the spread.
    shifted = t - t[0]
    s1, s2 = np.cumsum(shifted), np.cumsum(shifted**2)
    mean = s1 / n + t[0]
    # The one-pass variance can round a hair below 0 for equal terms; it is >= 0 exactly.
    var = np.maximum(s2[1:] - s1[1:] ** 2 / n[1:], 0.0) / (n[1:] - 1)
    return n[1:], mean[1:], np.sqrt(var / n[1:])


def kl_term_std_gaussian(
    mu_p: float, sigma_p: float, mu_q: float, sigma_q: float
) -> float:
    r"""Exact standard deviation of one ``k1`` term :math:`\ln p(X) - \ln q(X)`, X ~ p, for normals.

    The standard error of the ``k1`` estimate from ``N`` samples is this divided by
    :math:`\sqrt N`.

    Notes
    -----
    With :math:`X = \mu_p + \sigma_p Z`, the log-ratio is a quadratic :math:`a Z^2 + b Z + c` with
    :math:`a = \tfrac12 (\sigma_p^2/\sigma_q^2 - 1)` and
    :math:`b = \sigma_p (\mu_p - \mu_q)/\sigma_q^2`, so its variance is :math:`2a^2 + b^2`
    (:math:`\operatorname{Var} Z^2 = 2`, :math:`\operatorname{Cov}(Z^2, Z) = 0`).

    Examples
    --------
    >>> kl_term_std_gaussian(0.0, 1.0, 1.0, 1.0)     # ln p - ln q = 1/2 - x
    1.0
    """
    mp, mq = _scalar(mu_p, "mu_p"), _scalar(mu_q, "mu_q")
    sp, sq = _scalar(sigma_p, "sigma_p", positive_only=True), _scalar(sigma_q, "sigma_q", positive_only=True)
    a = 0.5 * (sp**2 / sq**2 - 1.0)
    b = sp * (mp - mq) / sq**2
    return math.sqrt(2.0 * a * a + b * b)


def gaussian_kl_replications(
    mu_p: float,
    sigma_p: float,
    mu_q: float,
    sigma_q: float,
    n: int,
    replications: int,
    rng: np.random.Generator,
    estimators: tuple[str, ...] = ESTIMATORS,
) -> dict[str, np.ndarray]:
    r"""Many independent KL estimates from ``n`` samples each, for a pair of normals.

    All estimators are computed on the *same* samples, so their differences are not noise between
    data sets. The work is one ``(replications, n)`` array: no Python loop over samples.

    Parameters
    ----------
    mu_p, sigma_p, mu_q, sigma_q : float
        ``p = N(mu_p, sigma_p²)`` (the samples' distribution) and ``q = N(mu_q, sigma_q²)``.
    n, replications : int
        Samples per estimate and number of estimates (each >= 1).
    rng : numpy.random.Generator
        Source of all randomness.
    estimators : tuple of str
        Which of ``"k1"``, ``"k2"``, ``"k3"`` to compute.

    Returns
    -------
    dict of str to numpy.ndarray
        Estimator name to an array of ``replications`` estimates.

    Examples
    --------
    >>> out = gaussian_kl_replications(0, 1, 1, 1, n=10, replications=5,
    ...                                rng=np.random.default_rng(0))
    >>> sorted(out), out["k3"].shape, bool(np.all(out["k3"] >= 0))
    (['k1', 'k2', 'k3'], (5,), True)
    """
    n = positive_int(n, "n")
    replications = positive_int(replications, "replications")
    rng = as_rng(rng)
    names = [choice(e, "estimators", ESTIMATORS) for e in estimators]
    if not names:
        raise ValueError(f"estimators is empty; name at least one of {ESTIMATORS}")
    mp, mq = _scalar(mu_p, "mu_p"), _scalar(mu_q, "mu_q")
    sp, sq = _scalar(sigma_p, "sigma_p", positive_only=True), _scalar(sigma_q, "sigma_q", positive_only=True)
    x = rng.normal(mp, sp, size=(replications, n))
    lp, lq = gaussian_logpdf(x, mp, sp), gaussian_logpdf(x, mq, sq)
    return {name: kl_estimator_terms(lp, lq, name).mean(axis=1) for name in names}


def spread_by_sample_size(
    mu_p: float,
    sigma_p: float,
    mu_q: float,
    sigma_q: float,
    sizes: ArrayLike,
    replications: int,
    rng: np.random.Generator,
    estimator: str = "k1",
) -> np.ndarray:
    r"""Standard deviation of the KL estimate across ``replications`` data sets, for each size ``N``.

    This is the Monte Carlo error of one estimate from ``N`` samples; for ``k1`` it is
    :func:`kl_term_std_gaussian` divided by :math:`\sqrt N`. The sample standard deviation of
    ``replications`` estimates has a relative standard error of about
    :math:`1/\sqrt{2(\text{replications} - 1)}`.

    Examples
    --------
    >>> sd = spread_by_sample_size(0, 1, 1, 1, [10, 1000], 500, np.random.default_rng(0))
    >>> bool(sd[0] > 5 * sd[1])     # 100 times the samples: about a tenth of the spread
    True
    """
    if positive_int(replications, "replications") < 2:
        raise ValueError("replications must be at least 2 to measure a spread")
    ns = as_sample(sizes, "sizes")
    if np.any(ns < 1) or np.any(ns != np.round(ns)):
        raise ValueError(f"sizes must be whole numbers >= 1, got {ns.tolist()}")
    return np.array([
        gaussian_kl_replications(mu_p, sigma_p, mu_q, sigma_q, int(n), replications, rng,
                                 estimators=(estimator,))[estimator].std(ddof=1)
        for n in ns
    ])


def loglog_slope(sizes: ArrayLike, spreads: ArrayLike) -> float:
    r"""Least-squares slope of :math:`\ln(\text{spread})` against :math:`\ln N`.

    A Monte Carlo error that shrinks like :math:`1/\sqrt N` gives a slope of :math:`-1/2`.

    Examples
    --------
    >>> round(loglog_slope([10, 100, 1000], [1.0, 1 / 10**0.5, 0.1]), 6)
    -0.5
    """
    ns = as_sample(sizes, "sizes")
    sd = as_sample(spreads, "spreads")
    if ns.shape != sd.shape:
        raise ValueError(f"sizes and spreads must have the same length, got {ns.size} and {sd.size}")
    if ns.size < 2 or np.any(ns <= 0) or np.any(sd <= 0):
        raise ValueError("sizes and spreads need at least two points, all > 0, to fit a log-log slope")
    slope, _ = np.polyfit(np.log(ns), np.log(sd), 1)
    return float(slope)


def expectation_on_grid(logp: ArrayLike, values: ArrayLike, x: ArrayLike) -> float:
    r"""Trapezoid-rule :math:`E_p[f(X)] = \int p(x) f(x)\,dx` from values on a grid.

    With ``values = logp`` this is :math:`\int p \ln p\,dx = -H(p)` (minus the entropy); with
    ``values = logq`` it is :math:`\int p \ln q\,dx = -H(p, q)`.

    Parameters
    ----------
    logp : array_like
        :math:`\ln p` on the grid (finite).
    values : array_like
        :math:`f` on the grid (finite).
    x : array_like
        Strictly increasing grid covering essentially all of ``p``'s mass.

    Examples
    --------
    >>> from kl_helpers import gaussian_entropy
    >>> x = np.linspace(-12, 12, 4001)
    >>> lp = gaussian_logpdf(x, 0.0, 1.0)
    >>> abs(expectation_on_grid(lp, lp, x) + gaussian_entropy(1.0)) < 1e-9
    True
    """
    grid = as_sample(x, "x")
    lp = as_real_array(logp, "logp")
    f = as_real_array(values, "values")
    if grid.size < 2 or np.any(np.diff(grid) <= 0):
        raise ValueError("x must be a strictly increasing grid of at least 2 points, e.g. np.linspace")
    if lp.shape != grid.shape or f.shape != grid.shape:
        raise ValueError(
            f"logp, values and x must have the same length, got {lp.size}, {f.size} and {grid.size}"
        )
    integrand = np.exp(lp) * f
    return float(np.sum(np.diff(grid) * (integrand[1:] + integrand[:-1]) / 2.0))
