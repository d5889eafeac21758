r"""Integrals by quadrature: the one home for every integral the course computes numerically.

* :func:`trapezoid` — the trapezoid rule on a grid (the kernel of the two below).
* :func:`expectation_on_grid` — :math:`E_p[f(X)] = \int p f\,dx` from values on a grid.
* :func:`kl_on_grid` — :math:`D_{KL}(p \| q) = \int p \ln(p/q)\,dx` from log-densities on a grid.
* :func:`normal_expectation` — :math:`E_{\mathcal N(\mu, \sigma^2)}[f(X)]` on a fixed grid of
  standard-normal nodes (deterministic and smooth in μ and σ), used by the mixtures.

Numpy only. Introduced in ``01_definition.ipynb`` (checking a closed form against the integral)
and ``02_decomposition.ipynb``.
"""

from __future__ import annotations

from collections.abc import Callable

import numpy as np
from numpy.typing import ArrayLike

from ._validate import as_real_array

__all__ = [
    "NORMAL_NODES",
    "NORMAL_WEIGHTS",
    "expectation_on_grid",
    "kl_on_grid",
    "normal_expectation",
    "trapezoid",
]

#: Nodes z_i of :func:`normal_expectation`: 801 points evenly spaced on [-8, 8].
NORMAL_NODES = np.linspace(-8.0, 8.0, 801)
#: Trapezoid weights ∝ φ(z_i) on :data:`NORMAL_NODES`, normalised to sum to 1.
NORMAL_WEIGHTS = np.exp(-0.5 * NORMAL_NODES**2)
NORMAL_WEIGHTS[[0, -1]] *= 0.5
NORMAL_WEIGHTS /= NORMAL_WEIGHTS.sum()
for _arr in (NORMAL_NODES, NORMAL_WEIGHTS):
    _arr.setflags(write=False)


def _grid(x: ArrayLike) -> np.ndarray:
    grid = as_real_array(x, "x")
    if grid.ndim != 1 or grid.size < 2:
        raise ValueError(f"x must be a one-dimensional grid of at least 2 points, got shape {grid.shape}")
    if np.any(np.diff(grid) <= 0):
        raise ValueError("x must be strictly increasing; sort it, e.g. np.linspace(lo, hi, n)")
    return grid


def _on_grid(values: ArrayLike, name: str, grid: np.ndarray) -> np.ndarray:
    arr = as_real_array(values, name)
    if arr.shape != grid.shape:
        raise ValueError(
            f"{name} must hold one value per grid point ({grid.size}), got shape {arr.shape}; "
            "evaluate it on x"
        )
    return arr


def trapezoid(values: ArrayLike, x: ArrayLike) -> float:
    r"""Integral ∫ f dx by the trapezoid rule, Σ_i ½ (f_i + f_{i+1})(x_{i+1} − x_i).

    Parameters
    ----------
    values : array_like
        :math:`f(x_i)` on the grid (finite).
    x : array_like
        Strictly increasing grid of at least two points.

    Examples
    --------
    >>> x = np.linspace(0.0, 1.0, 101)
    >>> round(trapezoid(x**2, x), 6)            # exact: 1/3; the rule's error is h²/6
    0.33335
    """
    grid = _grid(x)
    f = _on_grid(values, "values", grid)
    return float(np.sum(np.diff(grid) * (f[1:] + f[:-1])) / 2.0)


def expectation_on_grid(logp: ArrayLike, values: ArrayLike, x: ArrayLike) -> float:
    r"""Expectation E_p[f(X)] = ∫ p f dx by the trapezoid rule, from values on a grid.

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

    See Also
    --------
    kl_on_grid : The KL divergence on a grid.
    kl_helpers.estimators.cross_entropy_estimate : The same expectation from samples.

    Examples
    --------
    >>> from kl_helpers.distributions import normal_entropy, normal_logpdf
    >>> x = np.linspace(-12, 12, 4001)
    >>> lp = normal_logpdf(x, 0.0, 1.0)
    >>> round(expectation_on_grid(lp, lp, x), 6), round(-normal_entropy(1.0), 6)    # ∫ p ln p = -H(p)
    (-1.418939, -1.418939)

    Introduced in ``02_decomposition.ipynb``.
    """
    grid = _grid(x)
    lp = _on_grid(logp, "logp", grid)
    f = _on_grid(values, "values", grid)
    return trapezoid(np.exp(lp) * f, grid)


def kl_on_grid(logp: ArrayLike, logq: ArrayLike, x: ArrayLike) -> float:
    r"""Numerical D_KL(p‖q) = ∫ p ln(p/q) dx by the trapezoid rule on a grid.

    For any pair of densities, not only normals: pass their log-densities evaluated on ``x``.
    The grid must cover essentially all of ``p``'s mass; it is how the notebooks check a closed
    form (e.g. :func:`kl_helpers.distributions.kl_normal_normal`) against the definition.

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

    See Also
    --------
    expectation_on_grid, kl_helpers.divergence.kl_divergence

    Examples
    --------
    >>> from kl_helpers.distributions import kl_normal_normal, normal_logpdf
    >>> x = np.linspace(-12, 12, 4001)
    >>> round(kl_on_grid(normal_logpdf(x, 0, 1), normal_logpdf(x, 1, 1.5), x), 8)
    0.34990955
    >>> round(kl_normal_normal(0, 1, 1, 1.5), 8)
    0.34990955

    Introduced in ``01_definition.ipynb``.
    """
    grid = _grid(x)
    lp = _on_grid(logp, "logp", grid)
    lq = _on_grid(logq, "logq", grid)
    return max(0.0, trapezoid(np.exp(lp) * (lp - lq), grid))


def normal_expectation(
    f: Callable[[np.ndarray], ArrayLike], mu: ArrayLike, sigma: ArrayLike
) -> float | np.ndarray:
    r"""Expectation E[f(X)] for X ~ N(μ, σ²), on a fixed grid of standard-normal nodes.

    :math:`\approx \sum_i w_i f(\mu + \sigma z_i)` with the nodes :data:`NORMAL_NODES` (801 points on
    [-8, 8]) and trapezoid weights :data:`NORMAL_WEIGHTS` proportional to :math:`\varphi(z_i)`.
    Deterministic (no sampling) and smooth in μ and σ, so optimisers and slider panels built on it
    behave. Gauss–Hermite looks tempting, but the log-density of well-separated modes bends sharply
    between them, and 80 Hermite nodes were off by 1e-2 nats there; this grid agrees with adaptive
    quadrature to ~1e-10 over the course's ranges.

    Parameters
    ----------
    f : callable
        Vectorised function: called once with an array of shape ``np.broadcast(mu, sigma).shape +
        (801,)`` and must return values of that shape.
    mu, sigma : array_like
        Mean(s) and standard deviation(s) (> 0), broadcast together.

    Returns
    -------
    float or numpy.ndarray
        One expectation per (μ, σ) pair.

    Examples
    --------
    >>> round(normal_expectation(lambda x: x**2, 1.0, 2.0), 10)        # σ² + μ² = 5
    5.0
    >>> normal_expectation(lambda x: x, [0.0, 3.0], 1.0).round(10)
    array([0., 3.])

    Introduced in ``05_forward_vs_reverse.ipynb``.
    """
    m = as_real_array(mu, "mu")
    s = as_real_array(sigma, "sigma")
    if np.any(s <= 0):
        raise ValueError(f"sigma must be > 0 (a standard deviation), got {float(np.min(s))}")
    m, s = np.broadcast_arrays(m, s)
    x = m[..., None] + s[..., None] * NORMAL_NODES
    values = np.asarray(f(x), dtype=float)
    if values.shape != x.shape:
        raise ValueError(
            f"f returned shape {values.shape} for points of shape {x.shape}; it must return one "
            "value per point (write it with numpy so it works on a whole array)"
        )
    out = values @ NORMAL_WEIGHTS
    return float(out) if out.ndim == 0 else out
