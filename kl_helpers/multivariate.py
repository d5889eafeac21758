"""Multivariate normal KL in closed form, and the diagonal special case used as the VAE KL term.

Numpy only. Introduced in ``06_kl_in_practice.ipynb``.
"""

from __future__ import annotations

import numpy as np
from numpy.typing import ArrayLike

from ._i18n import tr
from ._validate import as_real_array

__all__ = ["kl_diagnormal_stdnormal", "kl_mvnormal_mvnormal"]


def _mean(value: ArrayLike, name: str) -> np.ndarray:
    arr = as_real_array(value, name)
    if arr.ndim != 1 or arr.size == 0:
        raise ValueError(
            f"{name} must be a non-empty one-dimensional mean vector, got shape {arr.shape}"
        )
    return arr


def _cholesky(value: ArrayLike, name: str, dim: int) -> np.ndarray:
    """Lower Cholesky factor of a covariance matrix, refusing anything that is not one."""
    cov = as_real_array(value, name)
    if cov.shape != (dim, dim):
        raise ValueError(
            f"{name} must be a {dim} x {dim} matrix to match the mean vector, got shape {cov.shape}"
        )
    if not np.allclose(cov, cov.T, rtol=1e-10, atol=1e-12 * max(1.0, float(np.abs(cov).max()))):
        raise ValueError(
            f"{name} is not symmetric; a covariance matrix equals its transpose "
            f"(use (C + C.T) / 2 if the asymmetry is round-off)"
        )
    try:
        chol = np.linalg.cholesky(cov)
    except np.linalg.LinAlgError:
        smallest = float(np.linalg.eigvalsh(cov)[0])
        raise ValueError(tr(
            "{name} is not positive definite (smallest eigenvalue {smallest:.3g}); a covariance "
            "matrix needs every eigenvalue > 0. Check for a zero variance, a duplicated "
            "variable, or a correlation outside (-1, 1)", name=name, smallest=smallest
        )) from None
    # Cholesky can succeed on a matrix that is singular to working precision; the log-determinant
    # would then be meaningless, so refuse it too.
    diag = np.diag(chol)
    if diag.min() <= 1e-10 * diag.max():
        raise ValueError(
            f"{name} is numerically singular (condition number 1e20 or more); a covariance matrix "
            "needs every eigenvalue clearly > 0"
        )
    return chol


def kl_mvnormal_mvnormal(mu_p: ArrayLike, cov_p: ArrayLike, mu_q: ArrayLike, cov_q: ArrayLike) -> float:
    r"""KL divergence D_KL(p‖q) between two multivariate normal distributions, in closed form.

    Parameters
    ----------
    mu_p, cov_p : array_like
        Mean vector (length d) and covariance matrix (d x d, symmetric positive definite) of
        ``p``, the distribution the data come from.
    mu_q, cov_q : array_like
        Mean vector and covariance matrix of ``q``, the model.

    Returns
    -------
    float
        The divergence in nats (>= 0; 0 when the two are equal).

    Raises
    ------
    TypeError
        If an argument is not numeric.
    ValueError
        If a mean is not a 1-D vector, the shapes disagree, or a covariance matrix is not
        symmetric positive definite (the message gives its smallest eigenvalue).

    Notes
    -----
    .. math:: D_{KL} = \tfrac12\Bigl[\operatorname{tr}(\Sigma_q^{-1}\Sigma_p)
              + (\mu_q - \mu_p)^\top \Sigma_q^{-1} (\mu_q - \mu_p) - d
              + \ln\frac{\det\Sigma_q}{\det\Sigma_p}\Bigr].

    Evaluated through Cholesky factors :math:`\Sigma = LL^\top`: the trace is
    :math:`\|L_q^{-1}L_p\|_F^2`, the quadratic form :math:`\|L_q^{-1}(\mu_q - \mu_p)\|^2`, and the
    log-determinants :math:`2\sum_i \ln (L)_{ii}`, so no inverse or determinant is formed (a
    determinant of a 100-dimensional covariance easily under- or overflows).

    Examples
    --------
    >>> kl_mvnormal_mvnormal([0, 0], [[1, 0], [0, 1]], [0, 0], [[1, 0], [0, 1]])
    0.0
    >>> round(kl_mvnormal_mvnormal([0.0], [[1.0]], [1.0], [[4.0]]), 6)    # = kl_normal_normal(0, 1, 1, 2)
    0.443147
    >>> kl_mvnormal_mvnormal([0, 0], [[1, 2], [2, 1]], [0, 0], [[1, 0], [0, 1]])  # doctest: +ELLIPSIS
    Traceback (most recent call last):
        ...
    ValueError: cov_p is not positive definite (smallest eigenvalue -1); a covariance matrix ...
    """
    mp = _mean(mu_p, "mu_p")
    mq = _mean(mu_q, "mu_q")
    if mp.shape != mq.shape:
        raise ValueError(
            f"mu_p and mu_q must have the same length, got {mp.size} and {mq.size}"
        )
    d = mp.size
    lp = _cholesky(cov_p, "cov_p", d)
    lq = _cholesky(cov_q, "cov_q", d)
    a = np.linalg.solve(lq, lp)  # L_q^{-1} L_p
    b = np.linalg.solve(lq, mq - mp)  # L_q^{-1} (mu_q - mu_p)
    log_det_ratio = 2.0 * float(np.sum(np.log(np.diag(lq))) - np.sum(np.log(np.diag(lp))))
    value = 0.5 * (float(np.sum(a * a)) + float(b @ b) - d + log_det_ratio)
    # Exactly equal inputs can round to -1e-16; the divergence is >= 0.
    return max(value, 0.0)


def kl_diagnormal_stdnormal(mu: ArrayLike, log_var: ArrayLike, axis: int = -1) -> float | np.ndarray:
    r"""The VAE KL term: D_KL(N(μ, diag σ²) ‖ N(0, I)), summed over the latent dimensions.

    Parameters
    ----------
    mu : array_like
        Means of the diagonal Gaussian (an encoder's output); shape ``(..., d)``.
    log_var : array_like
        Log-*variances* :math:`\ln\sigma_j^2` (not log standard deviations), same shape as ``mu``.
    axis : int, default -1
        The latent axis, which is **summed** over (a KL between d-dimensional distributions is
        a sum of d one-dimensional KLs, not their mean).

    Returns
    -------
    float or numpy.ndarray
        One divergence (nats) per row; a float for a single vector.

    Raises
    ------
    ValueError
        If the shapes differ, a value is not finite, or ``exp(log_var)`` would overflow.

    Notes
    -----
    .. math:: D_{KL} = \tfrac12 \sum_j \bigl(\sigma_j^2 + \mu_j^2 - 1 - \ln\sigma_j^2\bigr),

    the special case of :func:`kl_mvnormal_mvnormal` with :math:`\Sigma_p` diagonal and
    :math:`q = \mathcal{N}(0, I)`
    (Kingma & Welling 2014, appendix B). Each term :math:`e^v - 1 - v` is evaluated as
    ``expm1(v) - v``, which stays accurate (and >= 0) when :math:`v` is near 0.

    Examples
    --------
    >>> kl_diagnormal_stdnormal([0.0, 0.0], [0.0, 0.0])
    0.0
    >>> round(kl_diagnormal_stdnormal([1.0, 0.0], [0.0, np.log(4.0)]), 6)
    1.306853
    """
    m = as_real_array(mu, "mu")
    v = as_real_array(log_var, "log_var")
    if m.shape != v.shape:
        raise ValueError(
            f"mu and log_var must have the same shape (one mean and one log-variance per latent "
            f"dimension), got {m.shape} and {v.shape}"
        )
    if m.ndim == 0:
        raise ValueError("mu must have a latent axis; pass a vector such as [0.5, -1.0]")
    if np.any(v > 700):  # exp(710) overflows float64
        raise ValueError(
            f"log_var has a value above 700 ({float(v.max()):.4g}), whose exp overflows; "
            "check that you passed log-variances"
        )
    terms = np.expm1(v) - v + m * m
    total = 0.5 * np.sum(terms, axis=axis)
    return float(total) if np.ndim(total) == 0 else total

