"""Univariate normal distributions: log-density, entropy, cross-entropy and KL in closed form.

All functions broadcast over numpy arrays (so a whole curve over a parameter grid is one call)
and return a Python ``float`` when every argument is a scalar. Introduced in
``01_definition.ipynb`` (continuous KL) and used throughout.
"""

from __future__ import annotations

import math

import numpy as np
from numpy.typing import ArrayLike

from ._validate import as_real_array, log_base, positive, scalar_result

__all__ = [
    "gaussian_cross_entropy",
    "gaussian_entropy",
    "gaussian_logpdf",
    "gaussian_pdf",
    "kl_gaussian",
    "kl_on_grid",
]

_LOG_2PI = math.log(2.0 * math.pi)


def gaussian_logpdf(x: ArrayLike, mu: ArrayLike, sigma: ArrayLike) -> float | np.ndarray:
    r"""Natural log of the normal density :math:`\ln \mathcal{N}(x \mid \mu, \sigma^2)`.

    Parameters
    ----------
    x : array_like
        Points at which to evaluate (finite).
    mu : array_like
        Mean (finite).
    sigma : array_like
        Standard deviation, > 0 (not the variance).

    Returns
    -------
    float or numpy.ndarray
        :math:`-\tfrac12 \ln(2\pi\sigma^2) - (x-\mu)^2 / (2\sigma^2)`, broadcast over the inputs.

    Raises
    ------
    ValueError
        If ``sigma <= 0`` or any input is not finite.

    Examples
    --------
    >>> round(gaussian_logpdf(0.0, 0.0, 1.0), 6) == round(-0.5 * math.log(2 * math.pi), 6)
    True
    """
    x_arr = as_real_array(x, "x")
    mu_arr = as_real_array(mu, "mu")
    s = positive(sigma, "sigma")
    z = (x_arr - mu_arr) / s
    return scalar_result(-0.5 * _LOG_2PI - np.log(s) - 0.5 * z * z)


def gaussian_pdf(x: ArrayLike, mu: ArrayLike, sigma: ArrayLike) -> float | np.ndarray:
    """Normal density :math:`\\mathcal{N}(x \\mid \\mu, \\sigma^2)`; see :func:`gaussian_logpdf`.

    Examples
    --------
    >>> round(gaussian_pdf(0.0, 0.0, 1.0), 4)
    0.3989
    """
    return scalar_result(np.exp(gaussian_logpdf(x, mu, sigma)))


def gaussian_entropy(sigma: ArrayLike, base: float = math.e) -> float | np.ndarray:
    r"""Differential entropy :math:`H(\mathcal{N}(\mu, \sigma^2)) = \tfrac12 \ln(2\pi e\sigma^2)`.

    It does not depend on the mean, and unlike discrete entropy it is negative for narrow
    densities (:math:`\sigma < 1/\sqrt{2\pi e} \approx 0.242`).

    Examples
    --------
    >>> round(gaussian_entropy(1.0), 4)
    1.4189
    >>> gaussian_entropy(0.1) < 0
    True
    """
    scale = log_base(base)
    s = positive(sigma, "sigma")
    return scalar_result((0.5 * (_LOG_2PI + 1.0) + np.log(s)) / scale)


def gaussian_cross_entropy(
    mu_p: ArrayLike, sigma_p: ArrayLike, mu_q: ArrayLike, sigma_q: ArrayLike, base: float = math.e
) -> float | np.ndarray:
    r"""Cross-entropy :math:`H(p, q) = -\int p \ln q\,dx` of two normals, in closed form.

    .. math:: H(p, q) = \tfrac12 \ln(2\pi\sigma_q^2) + \frac{\sigma_p^2 + (\mu_p - \mu_q)^2}{2\sigma_q^2}

    Examples
    --------
    >>> h = gaussian_cross_entropy(0.0, 1.0, 1.0, 2.0)
    >>> abs(h - gaussian_entropy(1.0) - kl_gaussian(0.0, 1.0, 1.0, 2.0)) < 1e-12
    True
    """
    scale = log_base(base)
    mp = as_real_array(mu_p, "mu_p")
    sp = positive(sigma_p, "sigma_p")
    mq = as_real_array(mu_q, "mu_q")
    sq = positive(sigma_q, "sigma_q")
    nats = 0.5 * _LOG_2PI + np.log(sq) + (sp**2 + (mp - mq) ** 2) / (2.0 * sq**2)
    return scalar_result(nats / scale)


def kl_gaussian(
    mu_p: ArrayLike, sigma_p: ArrayLike, mu_q: ArrayLike, sigma_q: ArrayLike, base: float = math.e
) -> float | np.ndarray:
    r""":math:`D_{KL}(\mathcal{N}(\mu_p, \sigma_p^2) \,\|\, \mathcal{N}(\mu_q, \sigma_q^2))` in closed form.

    Parameters
    ----------
    mu_p, sigma_p : array_like
        Mean and standard deviation (> 0) of ``p``, the distribution the data come from.
    mu_q, sigma_q : array_like
        Mean and standard deviation (> 0) of ``q``, the model.
    base : float, default math.e
        Logarithm base (> 1): nats by default.

    Returns
    -------
    float or numpy.ndarray
        The divergence (>= 0, exactly 0 when the parameters are equal), broadcast over inputs.

    Raises
    ------
    ValueError
        If a standard deviation is <= 0 or a parameter is not finite.

    Notes
    -----
    With :math:`v = \sigma_p^2 / \sigma_q^2` the textbook form is

    .. math:: D_{KL} = \ln\frac{\sigma_q}{\sigma_p} + \frac{\sigma_p^2 + (\mu_p-\mu_q)^2}{2\sigma_q^2}
              - \frac12 = \tfrac12 (v - 1 - \ln v) + \frac{(\mu_p - \mu_q)^2}{2\sigma_q^2}.

    It is evaluated as :math:`\tfrac12 (w - \ln(1 + w))` with
    :math:`w = v - 1 = (\sigma_p - \sigma_q)(\sigma_p + \sigma_q)/\sigma_q^2`, which keeps full
    relative accuracy when ``p`` and ``q`` are nearly equal (the textbook form loses it to
    cancellation) and is never negative.

    Examples
    --------
    >>> kl_gaussian(0.0, 1.0, 0.0, 1.0)
    0.0
    >>> round(kl_gaussian(0.0, 1.0, 1.0, 1.0), 6)   # (mu_p - mu_q)^2 / 2
    0.5
    >>> kl_gaussian(0.0, 1.0, 0.0, 2.0) == kl_gaussian(0.0, 2.0, 0.0, 1.0)   # not symmetric
    False
    """
    scale = log_base(base)
    mp = as_real_array(mu_p, "mu_p")
    sp = positive(sigma_p, "sigma_p")
    mq = as_real_array(mu_q, "mu_q")
    sq = positive(sigma_q, "sigma_q")
    w = (sp - sq) * (sp + sq) / sq**2
    nats = 0.5 * (w - np.log1p(w)) + (mp - mq) ** 2 / (2.0 * sq**2)
    return scalar_result(nats / scale)


def kl_on_grid(logp: ArrayLike, logq: ArrayLike, x: ArrayLike) -> float:
    r"""Numerical :math:`\int p(x) \ln \frac{p(x)}{q(x)}\,dx` by the trapezoid rule on a grid.

    For any pair of densities, not only normals: pass their log-densities evaluated on ``x``.
    The grid must cover essentially all of ``p``'s mass; it is how the notebooks check a closed
    form (e.g. :func:`kl_gaussian`) against the definition.

    Parameters
    ----------
    logp, logq : array_like
        ``ln p(x)`` and ``ln q(x)`` on the grid (finite: q must be positive wherever p has mass).
    x : array_like
        Strictly increasing grid, at least two points.

    Returns
    -------
    float
        The trapezoid-rule value, clipped at 0 from below: the integral of a non-negative
        divergence cannot be negative, and for nearly equal densities the quadrature error could
        otherwise show as a tiny negative number.

    Examples
    --------
    >>> x = np.linspace(-12, 12, 4001)
    >>> approx = kl_on_grid(gaussian_logpdf(x, 0, 1), gaussian_logpdf(x, 1, 1.5), x)
    >>> abs(approx - kl_gaussian(0, 1, 1, 1.5)) < 1e-9
    True
    """
    grid = as_real_array(x, "x")
    lp = as_real_array(logp, "logp")
    lq = as_real_array(logq, "logq")
    if grid.ndim != 1 or grid.size < 2:
        raise ValueError(f"x must be a one-dimensional grid of at least 2 points, got shape {grid.shape}")
    if lp.shape != grid.shape or lq.shape != grid.shape:
        raise ValueError(
            f"logp, logq and x must have the same length, got {lp.shape}, {lq.shape} and {grid.shape}; "
            "evaluate both log-densities on x"
        )
    if np.any(np.diff(grid) <= 0):
        raise ValueError("x must be strictly increasing; sort it, e.g. np.linspace(lo, hi, n)")
    integrand = np.exp(lp) * (lp - lq)
    dx = np.diff(grid)
    return max(0.0, float(np.sum(dx * (integrand[1:] + integrand[:-1]) / 2.0)))
