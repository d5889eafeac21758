"""Maximum-likelihood fitting (numpy only).

Introduced in ``04_mle_equivalence.ipynb``.
"""

from __future__ import annotations

import numpy as np
from numpy.typing import ArrayLike

from ._validate import as_sample

__all__ = ["fit_gaussian_mle"]


def fit_gaussian_mle(x: ArrayLike) -> tuple[float, float]:
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
    >>> fit_gaussian_mle([1.0, 2.0, 3.0])
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
