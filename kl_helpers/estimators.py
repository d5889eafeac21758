r"""Estimates of cross-entropy and KL divergence from samples (and, for checks, from a grid).

An expectation under ``p`` becomes a sample mean over draws :math:`x_i \sim p`:

.. math:: H(p, q) \approx -\frac1N \sum_i \ln q(x_i), \qquad
          D_{KL}(p \| q) \approx \frac1N \sum_i \bigl[\ln p(x_i) - \ln q(x_i)\bigr].

With :math:`r = q(x)/p(x)` and :math:`x \sim p` the per-sample KL terms are

* ``k1`` :math:`= -\ln r` (unbiased; can be negative),
* ``k2`` :math:`= (\ln r)^2 / 2` (non-negative, low variance, **biased**),
* ``k3`` :math:`= (r - 1) - \ln r` (non-negative because :math:`\ln r \le r - 1`; unbiased
  because :math:`E_p[r] = \int_{p > 0} q\,dx = 1` **when q = 0 wherever p = 0**; otherwise biased
  low by :math:`1 - Q(p > 0)`).

Everything is vectorised (no Python loop over samples) and numpy only. Introduced in
``03_sample_approximation.ipynb``.

References: J. Schulman, "Approximating KL divergence" (2020), http://joschu.net/blog/kl-approx.html,
for the names k1, k2, k3.
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
    positive_int,
    scalar,
)
from .distributions import _normal_logpdf
from .quadrature import trapezoid

__all__ = [
    "ESTIMATORS",
    "cross_entropy_estimate",
    "kl_estimate",
    "kl_estimate_normal_model",
    "kl_estimates_normal",
    "kl_estimator_terms",
    "kl_term_std_normal",
    "loglog_slope",
    "running_mean_and_se",
    "spread_by_sample_size",
    "t_interval_coverage",
]

#: Names accepted by ``estimator=``.
ESTIMATORS = ("k1", "k2", "k3")

# exp(l) overflows a float64 above ~709.78; refuse before numpy warns.
_MAX_LOG_RATIO = 700.0

LogDensity = Callable[[np.ndarray], ArrayLike]


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
    r"""Sample estimate of the cross-entropy H(p, q) = −E_p[ln q(X)] from draws of ``p``.

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

    See Also
    --------
    kl_estimate : The KL divergence from the same samples.
    kl_helpers.divergence.cross_entropy : Exact, for discrete distributions.
    kl_helpers.quadrature.expectation_on_grid : The same expectation on a grid.

    Examples
    --------
    >>> from kl_helpers.distributions import normal_cross_entropy, normal_logpdf
    >>> x = np.random.default_rng(0).normal(0.0, 1.0, 100_000)
    >>> round(cross_entropy_estimate(lambda t: normal_logpdf(t, 0.5, 1.0), x), 3)
    1.545
    >>> round(normal_cross_entropy(0.0, 1.0, 0.5, 1.0), 3)         # the exact value
    1.544

    Introduced in ``03_sample_approximation.ipynb``.
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

    See Also
    --------
    kl_estimate : The mean of these terms, from log-density functions.

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
    r"""Sample estimate of D_KL(p‖q) from draws of ``p``.

    Parameters
    ----------
    logp, logq : callable
        Vectorised log-densities of ``p`` (the distribution the samples come from) and ``q``.
    samples : array_like
        Draws from ``p``: one-dimensional, non-empty, finite.
    estimator : {"k1", "k2", "k3"}, default "k1"
        ``k1`` is the plain mean of :math:`\ln p - \ln q` (unbiased, may be negative); ``k3`` is
        never negative, and unbiased when ``q`` is 0 wherever ``p`` is 0 (otherwise biased low);
        ``k2`` is never negative but biased.

    Returns
    -------
    float
        The estimate in nats.

    Raises
    ------
    TypeError, ValueError
        See :func:`cross_entropy_estimate` and :func:`kl_estimator_terms`.

    See Also
    --------
    kl_estimator_terms : The per-sample terms.
    kl_estimate_normal_model : For a normal model, with ln p given as values.
    cross_entropy_estimate : :math:`H(p, q)` from the same samples.
    kl_helpers.divergence.kl_divergence : Exact, for discrete distributions.

    References
    ----------
    J. Schulman, "Approximating KL divergence" (2020), http://joschu.net/blog/kl-approx.html.

    Examples
    --------
    >>> from kl_helpers.distributions import normal_logpdf
    >>> x = np.random.default_rng(1).normal(0.0, 1.0, 200_000)
    >>> logp = lambda t: normal_logpdf(t, 0.0, 1.0)
    >>> logq = lambda t: normal_logpdf(t, 1.0, 1.0)      # exact D_KL(p‖q) = 0.5
    >>> [round(kl_estimate(logp, logq, x, k), 3) for k in ("k1", "k2", "k3")]   # k2 is biased
    [0.502, 0.625, 0.499]

    Introduced in ``03_sample_approximation.ipynb``.
    """
    choice(estimator, "estimator", ESTIMATORS)
    x = as_sample(samples, "samples")
    terms = kl_estimator_terms(_log_density_at(logp, x, "logp"), _log_density_at(logq, x, "logq"),
                               estimator)
    return float(np.mean(terms))


def kl_estimate_normal_model(
    samples: ArrayLike, logp_values: ArrayLike, mu: float, sigma: float, estimator: str = "k1"
) -> float:
    r"""Sample estimate of D_KL(p‖N(μ, σ²)) from draws of ``p`` whose log-density values are known.

    The estimate of :func:`kl_estimate` for a normal model, taking :math:`\ln p(x_i)` as
    numbers instead of a function (convenient when fitting the model, where ``p`` is fixed).

    Parameters
    ----------
    samples : array_like
        Draws :math:`x_i \sim p` (1-D, non-empty, finite).
    logp_values : array_like
        :math:`\ln p(x_i)`, one finite value per draw (``p`` must be known to add it back).
    mu, sigma : float
        The normal model (``sigma > 0``).
    estimator : {"k1", "k2", "k3"}, default "k1"
        See :func:`kl_estimator_terms`.

    Returns
    -------
    float
        With ``k1``: :math:`\frac1N \sum_i [\ln p(x_i) - \ln \mathcal N(x_i \mid \mu, \sigma^2)]`.
        Over a fixed sample this is :func:`kl_helpers.fitting.normal_nll` plus the constant
        :math:`\frac1N \sum_i \ln p(x_i)`, so both have the same minimiser.

    See Also
    --------
    kl_estimate : For any pair of log-density functions.

    Examples
    --------
    >>> from kl_helpers.distributions import normal_logpdf
    >>> x = np.array([0.5, 1.5, 2.5])
    >>> log_p = normal_logpdf(x, 1.5, 1.0)
    >>> kl_estimate_normal_model(x, log_p, 1.5, 1.0)          # the model is p itself
    0.0
    >>> round(kl_estimate_normal_model(x, log_p, 1.0, 1.0), 4)
    0.125

    Introduced in ``04_mle_equivalence.ipynb``.
    """
    x = as_sample(samples, "samples")
    lp = as_sample(logp_values, "logp_values")
    if lp.shape != x.shape:
        raise ValueError(
            f"logp_values must hold one value ln p(x_i) per draw: samples has {x.size} values, "
            f"logp_values has {lp.size}"
        )
    m = scalar(mu, "mu")
    s = scalar(sigma, "sigma", positive=True, example="1.0")
    return float(np.mean(kl_estimator_terms(lp, _normal_logpdf(x, m, s), estimator)))


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


def kl_term_std_normal(
    mu_p: float, sigma_p: float, mu_q: float, sigma_q: float
) -> float:
    r"""Exact standard deviation of one ``k1`` term ln p(X) − ln q(X), X ~ p, for two normals.

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
    >>> kl_term_std_normal(0.0, 1.0, 1.0, 1.0)     # ln p - ln q = 1/2 - x
    1.0
    """
    mp, mq = scalar(mu_p, "mu_p"), scalar(mu_q, "mu_q")
    sp = scalar(sigma_p, "sigma_p", positive=True, example="1.0")
    sq = scalar(sigma_q, "sigma_q", positive=True, example="1.0")
    a = 0.5 * (sp**2 / sq**2 - 1.0)
    b = sp * (mp - mq) / sq**2
    return math.sqrt(2.0 * a * a + b * b)


def kl_estimates_normal(
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
    >>> out = kl_estimates_normal(0, 1, 1, 1, n=10, replications=5,
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
    mp, mq = scalar(mu_p, "mu_p"), scalar(mu_q, "mu_q")
    sp = scalar(sigma_p, "sigma_p", positive=True, example="1.0")
    sq = scalar(sigma_q, "sigma_q", positive=True, example="1.0")
    x = rng.normal(mp, sp, size=(replications, n))
    lp, lq = _normal_logpdf(x, mp, sp), _normal_logpdf(x, mq, sq)
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
    :func:`kl_term_std_normal` divided by :math:`\sqrt N`. The sample standard deviation of
    ``replications`` estimates has a relative standard error of about
    :math:`1/\sqrt{2(\text{replications} - 1)}`.

    Examples
    --------
    >>> sd = spread_by_sample_size(0, 1, 1, 1, [10, 1000], 500, np.random.default_rng(0))
    >>> sd.round(3)              # 100 times the samples: about a tenth of the spread (1/√N)
    array([0.315, 0.032])
    """
    replications = positive_int(replications, "replications", 2, " (a spread needs two estimates)")
    estimator = choice(estimator, "estimator", ESTIMATORS)
    ns = as_sample(sizes, "sizes")
    if np.any(ns < 1) or np.any(ns != np.round(ns)):
        raise ValueError(f"sizes must be whole numbers >= 1, got {ns.tolist()}")
    return np.array([
        kl_estimates_normal(mu_p, sigma_p, mu_q, sigma_q, int(n), replications, rng,
                                 estimators=(estimator,))[estimator].std(ddof=1)
        for n in ns
    ])


def loglog_slope(sizes: ArrayLike, spreads: ArrayLike) -> float:
    r"""Least-squares slope of ln(spread) against ln N.

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


def t_interval_coverage(n: int, z: float = 1.959964) -> float:
    r"""Probability that mean ± z·s/√n contains the true mean, for n normal draws.

    With the sample standard deviation ``s`` (``ddof=1``) in place of the true σ, the statistic
    :math:`(\bar x - \mu)/(s/\sqrt n)` follows Student's t with :math:`n - 1` degrees of freedom,
    so the "95%" interval with z = 1.96 covers a little less than 95% for small n. Exact for
    normally distributed terms; for skewed terms it is only a guide.

    Parameters
    ----------
    n : int
        Number of draws (at least 2).
    z : float
        Half-width of the interval in standard errors.

    Returns
    -------
    float
        :math:`P(|T_{n-1}| \le z)`, by the trapezoid rule on 20 001 points of the t density
        (error below 1e-8).

    See Also
    --------
    running_mean_and_se : The standard errors such an interval is built from.

    Examples
    --------
    >>> round(t_interval_coverage(100), 4), round(t_interval_coverage(10), 4)
    (0.9472, 0.9184)

    Introduced in ``03_sample_approximation.ipynb``.
    """
    n = positive_int(n, "n", 2, " (the sample standard deviation needs two draws)")
    half = scalar(z, "z", positive=True, example="1.96")
    nu = n - 1
    t = np.linspace(-half, half, 20_001)
    log_c = math.lgamma((nu + 1) / 2) - math.lgamma(nu / 2) - 0.5 * math.log(nu * math.pi)
    density = np.exp(log_c - (nu + 1) / 2 * np.log1p(t * t / nu))
    return trapezoid(density, t)
