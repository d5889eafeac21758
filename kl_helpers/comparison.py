r"""KL against other ways of comparing two normals: Jensen–Shannon, total variation, Wasserstein-1.

What training needs from a divergence is a useful *gradient*: as the model moves away from the
data, does the loss still say which way to go? For :math:`p = \mathcal N(0, w^2)` and a model
:math:`q_\theta = \mathcal N(\theta, w^2)` of the same width, everything depends on
:math:`d = \theta / w`:

* :math:`D_{KL}(p\|q_\theta) = d^2/2` grows without bound, gradient :math:`\theta / w^2`;
* :math:`\mathrm{JS}` saturates at :math:`\ln 2` and its gradient vanishes (faster than
  :math:`e^{-d^2/8}`);
* :math:`\mathrm{TV} = 2\Phi(d/2) - 1` saturates at 1, gradient :math:`\varphi(d/2)/w`;
* :math:`W_1 = |\theta|`, gradient :math:`\pm 1` whatever the distance.

The discrete versions (any two probability vectors) are :func:`kl_helpers.divergence.kl_divergence`,
``js_divergence``, ``total_variation`` and ``wasserstein1``. Numpy only. Introduced in
``08_kl_as_a_loss.ipynb``.
"""

from __future__ import annotations

import math

import numpy as np
from numpy.typing import ArrayLike

from ._validate import as_real_array, positive, scalar, scalar_result
from .quadrature import normal_expectation

__all__ = ["shifted_normal_divergences", "wasserstein1_normal_normal"]

_ERF = np.frompyfunc(math.erf, 1, 1)


def _erf(x: np.ndarray) -> np.ndarray:
    return np.asarray(_ERF(x), dtype=float)


def wasserstein1_normal_normal(
    mu_p: ArrayLike, sigma_p: ArrayLike, mu_q: ArrayLike, sigma_q: ArrayLike
) -> float | np.ndarray:
    r"""Wasserstein-1 distance between two normal distributions, in closed form.

    Parameters
    ----------
    mu_p, sigma_p, mu_q, sigma_q : array_like
        Means and standard deviations (> 0) of the two normals; they broadcast.

    Returns
    -------
    float or numpy.ndarray
        :math:`W_1` in the units of :math:`x` (not nats). For equal widths it is
        :math:`|\mu_p - \mu_q|`.

    See Also
    --------
    kl_helpers.divergence.wasserstein1 : Discrete distributions on a line, through their CDFs.
    kl_helpers.distributions.kl_normal_normal : The KL divergence of the same pair.

    Notes
    -----
    In one dimension the optimal coupling matches quantiles, :math:`Y = \mu_q + \sigma_q Z` with
    :math:`X = \mu_p + \sigma_p Z`, so :math:`W_1 = E|a + bZ|` with :math:`a = \mu_q - \mu_p`,
    :math:`b = \sigma_q - \sigma_p`, the mean of a folded normal:

    .. math:: W_1 = |b|\sqrt{2/\pi}\,e^{-a^2/(2b^2)} + a\,\mathrm{erf}\bigl(a/(|b|\sqrt2)\bigr)
              \quad (b \ne 0), \qquad W_1 = |a| \quad (b = 0).

    Examples
    --------
    >>> wasserstein1_normal_normal(0.0, 1.0, 3.0, 1.0)        # equal widths: the shift
    3.0
    >>> round(wasserstein1_normal_normal(0.0, 1.0, 1.0, 2.0), 4)
    1.1666

    Introduced in ``08_kl_as_a_loss.ipynb``.
    """
    mp, mq = as_real_array(mu_p, "mu_p"), as_real_array(mu_q, "mu_q")
    sp, sq = positive(sigma_p, "sigma_p"), positive(sigma_q, "sigma_q")
    a, b = np.broadcast_arrays(mq - mp, np.abs(sq - sp))
    safe_b = np.where(b > 0, b, 1.0)
    folded = safe_b * math.sqrt(2.0 / math.pi) * np.exp(-(a * a) / (2.0 * safe_b**2)) \
        + a * _erf(a / (safe_b * math.sqrt(2.0)))
    return scalar_result(np.where(b > 0, folded, np.abs(a)))


def shifted_normal_divergences(shift: ArrayLike, width: float) -> dict[str, float | np.ndarray]:
    r"""KL, Jensen–Shannon, total variation and Wasserstein-1 of N(0, w²) and N(θ, w²), with d/dθ of each.

    Parameters
    ----------
    shift : array_like
        :math:`\theta`, the model's mean (any real numbers; a whole curve in one call).
    width : float
        :math:`w > 0`, the common standard deviation.

    Returns
    -------
    dict
        ``"kl"``, ``"js"``, ``"tv"``, ``"w1"`` and ``"grad_kl"``, ``"grad_js"``, ``"grad_tv"``,
        ``"grad_w1"``, each shaped like ``shift`` (floats for a scalar). KL and JS are in nats,
        TV is a probability, :math:`W_1` is in units of :math:`x`. At :math:`\theta = 0`,
        where :math:`|\theta|` has no derivative, ``grad_w1`` is 0 (a subgradient).

    See Also
    --------
    kl_helpers.distributions.kl_normal_normal, wasserstein1_normal_normal

    Notes
    -----
    With :math:`d = \theta / w`, :math:`\ell(z) = dz - d^2/2` (the log-ratio
    :math:`\ln q_\theta - \ln p` at :math:`x = wz`) and the logistic function :math:`\sigma`:

    .. math:: \mathrm{JS} = E_{Z\sim\mathcal N(0,1)}\bigl[\ln 2 - \ln(1 + e^{\ell(Z)})\bigr],\qquad
              \frac{\partial\,\mathrm{JS}}{\partial\theta} = -\frac1w\,E\bigl[\sigma(\ell(Z))\,(Z - d)\bigr]

    (both halves of JS are equal by symmetry), evaluated with
    :func:`kl_helpers.quadrature.normal_expectation`;
    :math:`\mathrm{TV} = \mathrm{erf}(|d|/(2\sqrt2))`, :math:`\partial_\theta\mathrm{TV} =
    \operatorname{sign}(\theta)\,\varphi(d/2)/w`.

    Examples
    --------
    >>> r = shifted_normal_divergences([0.0, 1.0, 6.0], 1.0)
    >>> r["kl"].tolist(), r["w1"].tolist()
    ([0.0, 0.5, 18.0], [0.0, 1.0, 6.0])
    >>> r["js"].round(4).tolist(), r["tv"].round(4).tolist()       # both level off
    ([0.0, 0.1114, 0.6893], [0.0, 0.3829, 0.9973])
    >>> r["grad_kl"].tolist(), r["grad_js"].round(4).tolist(), r["grad_w1"].tolist()
    ([0.0, 1.0, 6.0], [0.0, 0.199, 0.0062], [0.0, 1.0, 1.0])

    Introduced in ``08_kl_as_a_loss.ipynb``.
    """
    t = as_real_array(shift, "shift")
    w = scalar(width, "width", positive=True, example="1.0")
    d = t / w
    dz = d[..., None]

    def js_term(z: np.ndarray) -> np.ndarray:
        return math.log(2.0) - np.logaddexp(0.0, dz * z - 0.5 * dz * dz)

    def js_slope(z: np.ndarray) -> np.ndarray:
        ell = dz * z - 0.5 * dz * dz
        return -np.exp(-np.logaddexp(0.0, -ell)) * (z - dz)  # -σ(ℓ)(z - d), σ without overflow

    zero = np.zeros_like(d)
    js = np.clip(normal_expectation(js_term, zero, 1.0), 0.0, math.log(2.0))
    # Exactly 0 at θ = 0 (by symmetry), not a rounding residue of either sign.
    grad_js = np.where(d == 0, 0.0, normal_expectation(js_slope, zero, 1.0) / w)
    half = np.abs(d) / 2.0
    out = {
        "kl": d * d / 2.0,
        "js": js,
        "tv": _erf(half / math.sqrt(2.0)),
        "w1": np.abs(t),
        "grad_kl": t / w**2,
        "grad_js": grad_js,
        "grad_tv": np.sign(t) * np.exp(-0.5 * half * half) / (math.sqrt(2.0 * math.pi) * w),
        "grad_w1": np.sign(t),
    }
    return {k: scalar_result(np.asarray(v, dtype=float)) for k, v in out.items()}
