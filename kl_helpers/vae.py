r"""The smallest VAE that can be solved exactly: one latent, linear maps, and posterior collapse.

Data :math:`x \sim p = \mathcal N(0, v)` (variance :math:`v`). Model: prior :math:`z \sim \mathcal N(0, 1)`,
decoder :math:`q_\theta(x \mid z) = \mathcal N(wz, \sigma^2)` with a **fixed** noise variance
:math:`\sigma^2`. Encoder (the approximation of the posterior): :math:`r(z \mid x) = \mathcal N(ax, \tau^2)`.
Averaged over the data, the ELBO is

.. math:: \mathrm{ELBO}(w, a, \tau) = -\tfrac12\ln(2\pi\sigma^2) - \frac{v(1 - wa)^2 + w^2\tau^2}{2\sigma^2}
          - \tfrac12\bigl(a^2 v + \tau^2 - 1 - \ln\tau^2\bigr),

the last term being the KL term :math:`E_x D_{KL}(r(z\mid x)\,\|\,\mathcal N(0, 1))`.

Its maximum is known in closed form (probabilistic PCA with one component):
:math:`w^2 = \max(v - \sigma^2, 0)`, the encoder equals the exact posterior, and the KL term is
:math:`\tfrac12\max\bigl(0, \ln(v/\sigma^2)\bigr)`. When the decoder's noise alone can explain the
data (:math:`\sigma^2 \ge v`), the best model ignores :math:`z`: :math:`w = 0`, the encoder
returns the prior for every :math:`x`, and the KL term is exactly 0: **posterior collapse** as
the optimum, not as a failure of the optimiser.

Numpy only. Introduced in ``08_kl_as_a_loss.ipynb``.

References
----------
J. Lucas, G. Tucker, R. Grosse, M. Norouzi, "Don't blame the ELBO! A linear VAE perspective on
posterior collapse", NeurIPS 2019, https://arxiv.org/abs/1911.02469.
M. E. Tipping, C. M. Bishop, "Probabilistic principal component analysis", *Journal of the
Royal Statistical Society B* 61 (1999), 611–622.
"""

from __future__ import annotations

import math

import numpy as np
from numpy.typing import ArrayLike

from ._validate import as_sample, scalar
from .distributions import kl_normal_normal
from .special import LOG_2PI

__all__ = ["linear_vae_elbo", "linear_vae_elbo_grad", "linear_vae_kl", "linear_vae_optimum"]


def _params(params: ArrayLike) -> tuple[float, float, float]:
    arr = as_sample(params, "params")
    if arr.size != 3:
        raise ValueError(
            f"params must be (w, a, log_tau2): decoder weight, encoder weight, log of the encoder's "
            f"variance; got {arr.size} numbers"
        )
    if arr[2] > 700:
        raise ValueError(f"log_tau2 = {arr[2]:g} is too large (exp overflows); start nearer 0")
    return float(arr[0]), float(arr[1]), float(arr[2])


def linear_vae_kl(params: ArrayLike, data_var: float) -> float:
    r"""The VAE's KL term averaged over the data, E_x D_KL(N(ax, τ²) ‖ N(0, 1)), for x ~ N(0, v).

    Parameters
    ----------
    params : array_like
        ``(w, a, log_tau2)``; ``w`` is not used by this term.
    data_var : float
        :math:`v > 0`.

    Returns
    -------
    float
        :math:`\tfrac12(a^2 v + \tau^2 - 1 - \ln\tau^2) \ge 0`, in nats.

    See Also
    --------
    linear_vae_elbo : The whole objective.
    kl_helpers.multivariate.kl_diagnormal_stdnormal : The same KL for one x.

    Examples
    --------
    >>> linear_vae_kl([1.0, 0.0, 0.0], 4.0)          # the encoder returns the prior: collapsed
    0.0
    >>> round(linear_vae_kl([1.0, 0.5, math.log(0.25)], 4.0), 4)
    0.8181
    """
    _, a, log_tau2 = _params(params)
    v = scalar(data_var, "data_var", positive=True, example="4.0")
    # E_x of ½(τ² + a²x² − 1 − ln τ²) = KL(N(0, τ²) ‖ N(0, 1)) + a²v/2
    return kl_normal_normal(0.0, math.exp(0.5 * log_tau2), 0.0, 1.0) + 0.5 * a * a * v


def linear_vae_elbo(params: ArrayLike, data_var: float, noise_var: float) -> float:
    r"""The linear VAE's ELBO averaged over data x ~ N(0, v) (module docstring), in nats.

    Parameters
    ----------
    params : array_like
        ``(w, a, log_tau2)``: decoder weight, encoder weight, log of the encoder's variance.
    data_var : float
        :math:`v > 0`, the data's variance.
    noise_var : float
        :math:`\sigma^2 > 0`, the decoder's fixed noise variance.

    Returns
    -------
    float
        Reconstruction term minus :func:`linear_vae_kl`; at most the average log-likelihood
        :math:`-\tfrac12\ln(2\pi(w^2 + \sigma^2)) - v/(2(w^2 + \sigma^2))`.

    See Also
    --------
    linear_vae_optimum : Its maximiser.

    Examples
    --------
    >>> round(linear_vae_elbo([3 ** 0.5, 3 ** 0.5 / 4, math.log(0.25)], 4.0, 1.0), 4)  # the optimum
    -2.1121
    >>> round(-0.5 * math.log(2 * math.pi * 4.0) - 0.5, 4)     # = the log-likelihood there
    -2.1121
    """
    w, a, log_tau2 = _params(params)
    v = scalar(data_var, "data_var", positive=True, example="4.0")
    s2 = scalar(noise_var, "noise_var", positive=True, example="1.0")
    tau2 = math.exp(log_tau2)
    recon = -0.5 * (LOG_2PI + math.log(s2)) - (v * (1.0 - w * a) ** 2 + w * w * tau2) / (2.0 * s2)
    return recon - linear_vae_kl(params, v)


def linear_vae_elbo_grad(params: ArrayLike, data_var: float, noise_var: float) -> np.ndarray:
    r"""Gradient of :func:`linear_vae_elbo` with respect to ``(w, a, log_tau2)``.

    Parameters
    ----------
    params : array_like
        ``(w, a, log_tau2)``.
    data_var, noise_var : float
        :math:`v > 0` and :math:`\sigma^2 > 0`.

    Returns
    -------
    numpy.ndarray
        :math:`\bigl(\frac{va(1 - wa) - w\tau^2}{\sigma^2},\ \frac{vw(1 - wa)}{\sigma^2} - av,\
        -\frac{w^2\tau^2}{2\sigma^2} - \frac{\tau^2 - 1}{2}\bigr)`.

    See Also
    --------
    kl_helpers.optimize.numerical_gradient : A finite-difference check.

    Examples
    --------
    >>> linear_vae_elbo_grad([1.0, 0.0, 0.0], 4.0, 1.0)        # at the prior encoder
    array([-1. ,  4. , -0.5])
    """
    w, a, log_tau2 = _params(params)
    v = scalar(data_var, "data_var", positive=True, example="4.0")
    s2 = scalar(noise_var, "noise_var", positive=True, example="1.0")
    tau2 = math.exp(log_tau2)
    fit = 1.0 - w * a
    return np.array([(v * a * fit - w * tau2) / s2, v * w * fit / s2 - a * v,
                     -w * w * tau2 / (2.0 * s2) - 0.5 * (tau2 - 1.0)])


def linear_vae_optimum(data_var: float, noise_var: float) -> dict[str, float]:
    r"""The maximiser of :func:`linear_vae_elbo` in closed form, with its KL term and ELBO.

    Parameters
    ----------
    data_var, noise_var : float
        :math:`v > 0` and :math:`\sigma^2 > 0`.

    Returns
    -------
    dict
        ``w`` (>= 0; ``-w`` is equally good), ``a``, ``log_tau2``, ``kl`` (the KL term,
        :math:`\tfrac12\max(0, \ln(v/\sigma^2))`) and ``elbo`` (= the average log-likelihood:
        the encoder is the exact posterior, so the gap is 0).

    Notes
    -----
    For a fixed :math:`w` the best encoder is the posterior of :math:`z` given :math:`x`:
    :math:`\tau^2 = \sigma^2/(\sigma^2 + w^2)`, :math:`a = w/(\sigma^2 + w^2)`. The ELBO is then
    the log-likelihood of :math:`\mathcal N(0, w^2 + \sigma^2)`, largest at
    :math:`w^2 + \sigma^2 = v` if :math:`v > \sigma^2`, else at :math:`w = 0`.

    Examples
    --------
    >>> opt = linear_vae_optimum(4.0, 1.0)
    >>> round(opt["w"] ** 2, 6), round(opt["kl"], 4), round(0.5 * math.log(4.0), 4)
    (3.0, 0.6931, 0.6931)
    >>> linear_vae_optimum(1.0, 2.0)["kl"]            # noise variance >= data variance: collapse
    0.0
    """
    v = scalar(data_var, "data_var", positive=True, example="4.0")
    s2 = scalar(noise_var, "noise_var", positive=True, example="1.0")
    w2 = max(v - s2, 0.0)
    total = w2 + s2
    w = math.sqrt(w2)
    params = [w, w / total, math.log(s2 / total)]
    return {
        "w": w,
        "a": params[1],
        "log_tau2": params[2],
        "kl": linear_vae_kl(params, v),
        "elbo": linear_vae_elbo(params, v, s2),
    }
