"""Generic optimisation with a history: finite-difference gradients and plain gradient descent.

Nothing here knows about distributions: the loss and its gradient are functions of a parameter
vector. :mod:`kl_helpers.fitting` uses it to fit models by minimising a negative log-likelihood.

Numpy only. Introduced in ``04_mle_equivalence.ipynb``.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass

import numpy as np
from numpy.typing import ArrayLike

from ._i18n import tr
from ._validate import as_sample, function_arg, positive_int, scalar

__all__ = ["DescentHistory", "gradient_descent", "numerical_gradient"]


def _norm(g: np.ndarray) -> float:
    """Euclidean norm without overflow: np.linalg.norm squares the entries (1e155² overflows).

    ``g`` is non-empty and finite: :func:`gradient_descent` checks both before calling this.
    """
    top = float(np.max(np.abs(g)))
    if top == 0.0:
        return 0.0
    return top * float(np.sqrt(np.sum((g / top) ** 2)))


def numerical_gradient(
    f: Callable[[np.ndarray], float], theta: ArrayLike, step: float = 1e-6
) -> np.ndarray:
    r"""Central finite-difference gradient of a scalar function of a parameter vector.

    Parameters
    ----------
    f : callable
        ``f(theta) -> float`` for a 1-D array ``theta``.
    theta : array_like
        The point (1-D, finite).
    step : float, default 1e-6
        Difference step :math:`h`, > 0. The error is :math:`O(h^2)` from the formula plus about
        :math:`\epsilon |f| / h` from round-off, smallest near :math:`h \approx 10^{-5}`.

    Returns
    -------
    numpy.ndarray
        :math:`g_j = \bigl(f(\theta + h e_j) - f(\theta - h e_j)\bigr) / (2h)`.

    Examples
    --------
    >>> numerical_gradient(lambda t: t[0] ** 2 + 3 * t[1], [1.0, 5.0]).round(6)
    array([2., 3.])
    """
    f = function_arg(f, "f", "lambda theta: normal_nll(theta[0], theta[1], x)")
    point = as_sample(theta, "theta")
    h = scalar(step, "step", positive=True, example="1e-6")
    grad = np.empty_like(point)
    for j in range(point.size):  # one pair of evaluations per parameter (not per sample)
        e = np.zeros_like(point)
        e[j] = h
        grad[j] = (float(f(point + e)) - float(f(point - e))) / (2.0 * h)
    return grad


@dataclass(frozen=True)
class DescentHistory:
    """Every iterate of a gradient descent, for checking and for playback.

    Attributes
    ----------
    thetas : numpy.ndarray
        Shape ``(steps + 1, d)``: the starting point, then the point after each step.
    losses : numpy.ndarray
        The loss at each row of ``thetas``.
    grad_norms : numpy.ndarray
        The Euclidean norm of the gradient at each row of ``thetas``.
    converged : bool
        Whether the last gradient norm is within the tolerance.
    learning_rate : float
        The step size used.
    """

    thetas: np.ndarray
    losses: np.ndarray
    grad_norms: np.ndarray
    converged: bool
    learning_rate: float

    @property
    def steps(self) -> int:
        """Number of steps taken."""
        return len(self.thetas) - 1

    @property
    def theta(self) -> np.ndarray:
        """The final point."""
        return self.thetas[-1]


def gradient_descent(
    loss: Callable[[np.ndarray], float],
    grad: Callable[[np.ndarray], ArrayLike],
    theta0: ArrayLike,
    learning_rate: float,
    *,
    tol: float = 1e-10,
    max_steps: int = 10_000,
) -> DescentHistory:
    r"""Plain gradient descent θ ← θ − η∇L(θ), keeping every iterate.

    Parameters
    ----------
    loss : callable
        ``loss(theta) -> float``.
    grad : callable
        ``grad(theta) -> array`` of the same length as ``theta``.
    theta0 : array_like
        Starting point (1-D, finite).
    learning_rate : float
        Step size :math:`\eta > 0`.
    tol : float, default 1e-10
        Stop when the gradient norm is at most ``tol``.
    max_steps : int, default 10000
        Stop after this many steps even if not converged (see ``converged`` in the result).

    Returns
    -------
    DescentHistory
        All iterates, losses and gradient norms.

    Raises
    ------
    ValueError
        If the descent diverges: the loss or gradient becomes non-finite, or the loss climbs
        above its starting value (a descent method with a small enough step never does). The
        message names the learning rate and suggests a smaller one. Also if ``grad`` returns
        the wrong shape, or ``theta0``, ``learning_rate``, ``tol`` or ``max_steps`` is invalid.
    TypeError
        If ``loss`` or ``grad`` is not callable, or a number argument is not a number.

    Notes
    -----
    A step size that oscillates without growing (e.g. exactly :math:`\eta = 1/L` on a
    quadratic with curvature :math:`2L`) is not an error: the run stops at ``max_steps`` with
    ``converged=False``.

    Examples
    --------
    >>> h = gradient_descent(lambda t: float(t @ t), lambda t: 2 * t, [3.0, -4.0], 0.25)
    >>> h.converged, h.steps, h.theta.round(9).tolist()
    (True, 37, [0.0, -0.0])
    >>> gradient_descent(lambda t: float(t @ t), lambda t: 2 * t, [3.0], 1.5)  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    ...
    ValueError: gradient descent diverged at step 1: the loss rose from 9 to 36, ... learning_rate=1.5 ...
    """
    loss = function_arg(loss, "loss", "lambda theta: normal_nll(theta[0], theta[1], x)")
    grad = function_arg(grad, "grad", "a function returning the gradient as an array")
    theta = as_sample(theta0, "theta0")
    eta = scalar(learning_rate, "learning_rate", positive=True, example="0.1")
    tol = scalar(tol, "tol", positive=True, example="1e-10")
    max_steps = positive_int(max_steps, "max_steps")

    def diverged(step: int, why: str) -> ValueError:
        return ValueError(tr(
            "gradient descent diverged at step {step}: {why}; learning_rate={eta:g} is too "
            "large for this problem, try a smaller one such as {smaller:g}",
            step=step, why=why, eta=eta, smaller=eta / 10))

    def evaluate(point: np.ndarray, step: int) -> tuple[float, np.ndarray]:
        value = float(loss(point))
        if not math.isfinite(value):
            raise diverged(step, tr("the loss became {value}", value=value))
        g = np.asarray(grad(point), dtype=float)
        if g.shape != point.shape:
            raise ValueError(
                f"grad returned shape {g.shape} for a parameter of shape {point.shape}; "
                "it must return one partial derivative per parameter"
            )
        if not np.all(np.isfinite(g)):
            raise diverged(step, tr("the gradient became non-finite"))
        return value, g

    value, g = evaluate(theta, 0)
    thetas, losses, norms = [theta], [value], [float(_norm(g))]
    for step in range(1, max_steps + 1):
        if norms[-1] <= tol:
            break
        # An overflowing step is caught just below as a non-finite parameter; numpy's own
        # warning would only repeat it less clearly. theta and g are finite here, so the step
        # can overflow to ±inf but never produce inf - inf = nan ("invalid").
        with np.errstate(over="ignore"):
            theta = theta - eta * g
        if not np.all(np.isfinite(theta)):
            raise diverged(step, tr("the parameters became non-finite"))
        value, g = evaluate(theta, step)
        if value > losses[0]:
            raise diverged(
                step, tr("the loss rose from {start:.6g} to {value:.6g}, above its starting value",
                         start=losses[0], value=value))
        thetas.append(theta)
        losses.append(value)
        norms.append(float(_norm(g)))
    return DescentHistory(
        thetas=np.array(thetas),
        losses=np.array(losses),
        grad_norms=np.array(norms),
        converged=norms[-1] <= tol,
        learning_rate=eta,
    )
