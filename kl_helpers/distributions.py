"""Univariate normal distributions: log-density, entropy, cross-entropy and KL in closed form.

All functions broadcast over numpy arrays (so a whole curve over a parameter grid is one call)
and return a Python ``float`` when every argument is a scalar. The normal log-density is written
once, in :func:`_normal_logpdf`; mixtures and the likelihood code build on it.

Introduced in ``01_definition.ipynb`` (continuous KL) and used throughout.
"""

from __future__ import annotations

import math

import numpy as np
from numpy.typing import ArrayLike

from ._validate import as_real_array, as_sample, log_base, positive, scalar, scalar_result
from .special import LOG_2PI, log_softmax, softmax

__all__ = [
    "binned_normal",
    "kl_normal_normal",
    "normal_cross_entropy",
    "normal_entropy",
    "normal_logpdf",
    "normal_pdf",
]


def _normal_logpdf(x: np.ndarray, mu: np.ndarray, sigma: np.ndarray) -> np.ndarray:
    """The normal log-density kernel, unchecked: every caller has validated its arguments."""
    z = (x - mu) / sigma
    return -0.5 * LOG_2PI - np.log(sigma) - 0.5 * z * z


def normal_logpdf(x: ArrayLike, mu: ArrayLike, sigma: ArrayLike) -> float | np.ndarray:
    r"""Natural logarithm of the normal density N(x | μ, σ²).

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

    See Also
    --------
    normal_pdf : The density itself.

    Examples
    --------
    >>> round(normal_logpdf(0.0, 0.0, 1.0), 6)          # -ln(2π)/2
    -0.918939
    >>> normal_logpdf([0.0, 1.0, 2.0], 0.0, 1.0).round(4)
    array([-0.9189, -1.4189, -2.9189])

    Introduced in ``01_definition.ipynb``.
    """
    x_arr = as_real_array(x, "x")
    mu_arr = as_real_array(mu, "mu")
    s = positive(sigma, "sigma")
    return scalar_result(_normal_logpdf(x_arr, mu_arr, s))


def normal_pdf(x: ArrayLike, mu: ArrayLike, sigma: ArrayLike) -> float | np.ndarray:
    """The normal density N(x | μ, σ²); see :func:`normal_logpdf`.

    A density, not a probability: it exceeds 1 where σ is small.

    Examples
    --------
    >>> round(normal_pdf(0.0, 0.0, 1.0), 4)
    0.3989
    >>> round(normal_pdf(0.0, 0.0, 0.1), 4)          # narrow: a density above 1
    3.9894
    """
    return scalar_result(np.exp(normal_logpdf(x, mu, sigma)))


def normal_entropy(sigma: ArrayLike, base: float = math.e) -> float | np.ndarray:
    r"""Differential entropy of a normal distribution, ½ ln(2πeσ²).

    Parameters
    ----------
    sigma : array_like
        Standard deviation(s), > 0.
    base : float, default math.e
        Logarithm base (> 1).

    Returns
    -------
    float or numpy.ndarray
        :math:`H(\mathcal{N}(\mu, \sigma^2)) = \tfrac12 \ln(2\pi e\sigma^2)`. It does not depend
        on the mean, and unlike discrete entropy it is negative for narrow densities: exactly
        when :math:`\sigma < 1/\sqrt{2\pi e} \approx 0.242`.

    See Also
    --------
    kl_helpers.divergence.entropy : Discrete entropy, never negative.

    Examples
    --------
    >>> round(normal_entropy(1.0), 4)
    1.4189
    >>> round(normal_entropy(0.1), 4)                      # narrow: negative
    -0.8836
    >>> round(normal_entropy(1 / math.sqrt(2 * math.pi * math.e)), 12)   # the boundary
    0.0
    """
    scale = log_base(base)
    s = positive(sigma, "sigma")
    return scalar_result((0.5 * (LOG_2PI + 1.0) + np.log(s)) / scale)


def normal_cross_entropy(
    mu_p: ArrayLike, sigma_p: ArrayLike, mu_q: ArrayLike, sigma_q: ArrayLike, base: float = math.e
) -> float | np.ndarray:
    r"""Cross-entropy H(p, q) = −∫ p ln q dx of two normal distributions, in closed form.

    Parameters
    ----------
    mu_p, sigma_p : array_like
        Mean and standard deviation (> 0) of ``p``, the distribution the data come from.
    mu_q, sigma_q : array_like
        Mean and standard deviation (> 0) of ``q``, the model.
    base : float, default math.e
        Logarithm base (> 1).

    See Also
    --------
    normal_entropy, kl_normal_normal

    Notes
    -----
    .. math:: H(p, q) = \tfrac12 \ln(2\pi\sigma_q^2) + \frac{\sigma_p^2 + (\mu_p - \mu_q)^2}{2\sigma_q^2}
              = H(p) + D_{KL}(p \| q).

    Examples
    --------
    >>> h = normal_cross_entropy(0.0, 1.0, 1.0, 2.0)
    >>> round(h, 4), round(normal_entropy(1.0) + kl_normal_normal(0.0, 1.0, 1.0, 2.0), 4)
    (1.8621, 1.8621)
    """
    scale = log_base(base)
    mp = as_real_array(mu_p, "mu_p")
    sp = positive(sigma_p, "sigma_p")
    mq = as_real_array(mu_q, "mu_q")
    sq = positive(sigma_q, "sigma_q")
    nats = 0.5 * LOG_2PI + np.log(sq) + (sp**2 + (mp - mq) ** 2) / (2.0 * sq**2)
    return scalar_result(nats / scale)


def kl_normal_normal(
    mu_p: ArrayLike, sigma_p: ArrayLike, mu_q: ArrayLike, sigma_q: ArrayLike, base: float = math.e
) -> float | np.ndarray:
    r"""KL divergence D_KL(p‖q) between two normal distributions, in closed form.

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

    See Also
    --------
    kl_helpers.multivariate.kl_mvnormal_mvnormal : The multivariate case.
    kl_helpers.quadrature.kl_on_grid : Any pair of densities, numerically.
    kl_helpers.estimators.kl_estimate : From samples.

    Notes
    -----
    For :math:`p = \mathcal{N}(\mu_p, \sigma_p^2)` and :math:`q = \mathcal{N}(\mu_q, \sigma_q^2)`,
    with :math:`v = \sigma_p^2 / \sigma_q^2` the textbook form is

    .. math:: D_{KL} = \ln\frac{\sigma_q}{\sigma_p} + \frac{\sigma_p^2 + (\mu_p-\mu_q)^2}{2\sigma_q^2}
              - \frac12 = \tfrac12 (v - 1 - \ln v) + \frac{(\mu_p - \mu_q)^2}{2\sigma_q^2}.

    It is evaluated as :math:`\tfrac12 (w - \ln(1 + w))` with
    :math:`w = v - 1 = (\sigma_p - \sigma_q)(\sigma_p + \sigma_q)/\sigma_q^2`, which keeps full
    relative accuracy when ``p`` and ``q`` are nearly equal (the textbook form loses it to
    cancellation) and is never negative.

    References
    ----------
    The stable form follows PyTorch's ``torch.distributions.kl._kl_normal_normal``.

    Examples
    --------
    >>> kl_normal_normal(0.0, 1.0, 0.0, 1.0)
    0.0
    >>> round(kl_normal_normal(0.0, 1.0, 1.0, 1.0), 6)   # (mu_p - mu_q)^2 / 2
    0.5
    >>> round(kl_normal_normal(0.0, 1.0, 0.0, 2.0), 4), round(kl_normal_normal(0.0, 2.0, 0.0, 1.0), 4)
    (0.3181, 0.8069)
    >>> kl_normal_normal(0.0, 1.0, [0.0, 1.0, 2.0], 1.0)      # a curve over mu_q in one call
    array([0. , 0.5, 2. ])

    Introduced in ``01_definition.ipynb``.
    """
    scale = log_base(base)
    mp = as_real_array(mu_p, "mu_p")
    sp = positive(sigma_p, "sigma_p")
    mq = as_real_array(mu_q, "mu_q")
    sq = positive(sigma_q, "sigma_q")
    w = (sp - sq) * (sp + sq) / sq**2
    nats = 0.5 * (w - np.log1p(w)) + (mp - mq) ** 2 / (2.0 * sq**2)
    return scalar_result(nats / scale)


def binned_normal(
    outcomes: ArrayLike, mu: ArrayLike, sigma: float, *, log: bool = False
) -> np.ndarray:
    r"""A discrete distribution over ``outcomes`` shaped like a normal density (a "binned bell").

    Probabilities proportional to :math:`\exp(-(x_k - \mu)^2 / (2\sigma^2))`, normalised over the
    given outcomes with a stable softmax, so no probability underflows to an unexpected 0.

    Parameters
    ----------
    outcomes : array_like
        The outcome values :math:`x_k` (1-D, finite).
    mu : array_like
        Centre(s). An array of centres gives one distribution per centre (shape
        ``np.shape(mu) + (len(outcomes),)``), ready for the row-wise divergences.
    sigma : float
        Width, > 0.
    log : bool, default False
        Return log-probabilities instead.

    Returns
    -------
    numpy.ndarray
        Probabilities (or their logarithms) along the last axis.

    Examples
    --------
    >>> x = np.arange(-2.0, 3.0)
    >>> binned_normal(x, 0.0, 1.0).round(3)
    array([0.054, 0.244, 0.403, 0.244, 0.054])
    >>> binned_normal(x, [0.0, 1.0], 1.0).shape               # two centres, two rows
    (2, 5)

    Introduced in ``06_kl_in_practice.ipynb`` (the divergence comparison panel).
    """
    x = as_sample(outcomes, "outcomes")
    centre = as_real_array(mu, "mu")[..., None]
    width = scalar(sigma, "sigma", positive=True, example="1.0")
    scores = -((x - centre) ** 2) / (2.0 * width**2)
    return log_softmax(scores) if log else softmax(scores)
