"""One-dimensional Gaussian mixtures, and fitting one Gaussian to them in either KL direction.

A mixture is the simplest distribution that is *not* in the Gaussian family, so it shows what each
direction of KL does when the model cannot match the data: the forward direction D_KL(p‖q)
(maximum likelihood) matches moments and covers both modes; the reverse direction D_KL(q‖p)
(variational inference) has several local optima, usually one per mode, and which one it finds
depends on where the optimiser starts.
A mixture is also the smallest latent-variable model (the component is the latent), which is how
``06_kl_in_practice.ipynb`` checks log p(x) = ELBO + D_KL(q(z)‖p(z|x)).

Everything is numpy only and deterministic: expectations under a Gaussian use quadrature on a
fixed grid (no sampling), so results are reproducible and smooth in the parameters.

Introduced in ``05_forward_vs_reverse.ipynb``.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field

import numpy as np
from numpy.typing import ArrayLike

from ._validate import (
    as_distribution,
    as_real_array,
    as_rng,
    as_sample,
    positive,
    positive_int,
    scalar,
    scalar_result,
)
from .distributions import _normal_logpdf, normal_cross_entropy, normal_entropy
from .divergence import kl_divergence
from .quadrature import NORMAL_NODES as _Z
from .quadrature import NORMAL_WEIGHTS as _WN
from .quadrature import normal_expectation
from .special import LOG_2PI, _logsumexp, _softmax

__all__ = [
    "NormalMixture",
    "ReverseKLFit",
    "count_modes",
    "fit_reverse_kl",
    "kl_mixture_normal",
    "kl_normal_mixture",
    "mixture_elbo",
    "moment_match",
    "posterior_gap",
]

# Expectations under a normal distribution use kl_helpers.quadrature.normal_expectation: a fixed
# grid of standard-normal nodes _Z with weights _WN (deterministic and smooth in μ and σ).


# eq=False: identity comparison and hashing; field-wise == on numpy arrays has no single truth value.
@dataclass(frozen=True, eq=False)
class NormalMixture:
    r"""A mixture of normal components, p(x) = Σ_k w_k N(x | m_k, s_k²).

    Parameters
    ----------
    weights : array_like
        Mixing weights: non-negative, summing to 1 (within 1e-9).
    means : array_like
        Component means, one per weight.
    sigmas : array_like
        Component standard deviations (> 0), one per weight.

    Raises
    ------
    ValueError
        If the weights are not a probability vector, a standard deviation is <= 0, a value is not
        finite, or the three arguments have different lengths.

    Examples
    --------
    >>> p = NormalMixture([0.5, 0.5], [-2.0, 2.0], [1.0, 1.0])
    >>> p.mean, round(p.std ** 2, 6)          # law of total variance: 1 + 2²
    (0.0, 5.0)
    >>> round(p.logpdf(0.0), 4)
    -2.9189
    """

    weights: np.ndarray
    means: np.ndarray
    sigmas: np.ndarray
    _log_w: np.ndarray = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        w = as_distribution(self.weights, "weights")
        m = as_real_array(self.means, "means")
        s = positive(self.sigmas, "sigmas")
        for name, arr in (("means", m), ("sigmas", s)):
            if arr.shape != w.shape:
                raise ValueError(
                    f"{name} must have one entry per weight ({w.size}), got shape {arr.shape}; "
                    "pass weights, means and sigmas as lists of the same length"
                )
        for name, arr in (("weights", w), ("means", m), ("sigmas", s)):
            arr.setflags(write=False)
            object.__setattr__(self, name, arr)
        # A component of weight 0 contributes log 0 = -inf to the log-sum-exp; drop it up front so
        # no -inf enters the arithmetic (its exp would be 0 anyway).
        with np.errstate(divide="ignore"):
            object.__setattr__(self, "_log_w", np.log(w))

    @classmethod
    def two_modes(cls, separation: float, weight_left: float = 0.5, sigma: float = 1.0) -> NormalMixture:
        """Two components ``separation`` apart, centred on 0, each with standard deviation ``sigma``.

        Examples
        --------
        >>> NormalMixture.two_modes(4.0).means.tolist()
        [-2.0, 2.0]
        """
        d = scalar(separation, "separation", example="4.0")
        if d < 0:
            raise ValueError(f"separation must be >= 0 (a distance), got {d}")
        return cls([weight_left, 1.0 - weight_left], [-d / 2, d / 2], [sigma, sigma])

    # --- densities ---------------------------------------------------------------------------
    def _component_logpdfs(self, x: np.ndarray) -> np.ndarray:
        # Shape x.shape + (K,); only components with positive weight.
        keep = self.weights > 0
        return self._log_w[keep] + _normal_logpdf(x[..., None], self.means[keep], self.sigmas[keep])

    def logpdf(self, x: ArrayLike) -> float | np.ndarray:
        r"""Natural log of the density, :math:`\ln \sum_k w_k \mathcal{N}(x \mid m_k, s_k^2)`.

        Computed with the log-sum-exp trick, so it stays finite far in the tails where every
        component density underflows to 0 (the naive ``log(sum(w * pdf))`` gives ``-inf`` there).

        Examples
        --------
        >>> p = NormalMixture([0.5, 0.5], [-2.0, 2.0], [1.0, 1.0])
        >>> round(p.logpdf(60.0), 4)      # finite, though both component densities are 0.0 in float64
        -1683.6121
        """
        x_arr = as_real_array(x, "x")
        return scalar_result(_logsumexp(self._component_logpdfs(x_arr), -1))

    def pdf(self, x: ArrayLike) -> float | np.ndarray:
        """Density; see :meth:`logpdf`.

        Examples
        --------
        >>> round(NormalMixture([1.0], [0.0], [1.0]).pdf(0.0), 4)
        0.3989
        """
        return scalar_result(np.exp(self.logpdf(x)))

    def responsibilities(self, x: ArrayLike) -> np.ndarray:
        r"""Posterior over the component given ``x``: :math:`p(z = k \mid x) = w_k \mathcal{N}_k(x) / p(x)`.

        Returns
        -------
        numpy.ndarray
            Shape ``np.shape(x) + (K,)``; each row sums to 1. Components of weight 0 get 0.

        Examples
        --------
        >>> p = NormalMixture([0.5, 0.5], [-2.0, 2.0], [1.0, 1.0])
        >>> p.responsibilities(0.0).round(12).tolist()      # halfway: either component
        [0.5, 0.5]
        """
        x_arr = as_real_array(x, "x")
        post = _softmax(self._component_logpdfs(x_arr))
        out = np.zeros(x_arr.shape + self.weights.shape)
        out[..., self.weights > 0] = post
        return out

    def sample(self, n: int, rng: np.random.Generator) -> np.ndarray:
        """Draw ``n`` values: pick a component by weight, then draw from it.

        Examples
        --------
        >>> x = NormalMixture([0.5, 0.5], [-2.0, 2.0], [1.0, 1.0]).sample(5, np.random.default_rng(0))
        >>> x.shape
        (5,)
        """
        n = positive_int(n, "n")
        rng = as_rng(rng)
        k = rng.choice(self.weights.size, size=n, p=self.weights)
        return self.means[k] + self.sigmas[k] * rng.standard_normal(n)

    # --- moments ------------------------------------------------------------------------------
    @property
    def mean(self) -> float:
        """Mean :math:`\\sum_k w_k m_k`."""
        return float(np.sum(self.weights * self.means))

    @property
    def std(self) -> float:
        r"""Standard deviation, from :math:`\mathrm{Var} = \sum_k w_k (s_k^2 + m_k^2) - \text{mean}^2`."""
        centred = self.means - self.mean  # centred first: no cancellation for far-off means
        return float(np.sqrt(np.sum(self.weights * (self.sigmas**2 + centred**2))))

    def entropy(self) -> float:
        r"""Differential entropy :math:`H(p) = -\int p \ln p\,dx` in nats (no closed form: quadrature).

        Each component's share :math:`w_k\,\mathbb{E}_{\mathcal{N}_k}[-\ln p(X)]` is integrated
        on the fixed quadrature grid placed on that component.

        Examples
        --------
        >>> round(NormalMixture([1.0], [3.0], [1.0]).entropy(), 6)    # one component: ½ ln(2πe)
        1.418939
        >>> round(NormalMixture.two_modes(10.0).entropy(), 6)          # two far apart: + ln 2
        2.112085
        """
        inner = -normal_expectation(lambda x: np.asarray(self.logpdf(x)), self.means, self.sigmas)
        return float(np.sum(self.weights * inner))


def moment_match(p: NormalMixture) -> tuple[float, float]:
    r"""The normal distribution closest to ``p`` in the forward direction, argmin_q D_KL(p‖q).

    Parameters
    ----------
    p : NormalMixture
        The distribution the data come from.

    Returns
    -------
    mu, sigma : float
        The mean and standard deviation of ``p``.

    Notes
    -----
    :math:`D_{KL}(p \| \mathcal{N}(\mu, \sigma^2)) = -H(p) + \tfrac12\ln(2\pi\sigma^2)
    + \mathbb{E}_p[(X - \mu)^2] / (2\sigma^2)`; setting the derivatives to zero gives
    :math:`\mu = \mathbb{E}_p[X]` and :math:`\sigma^2 = \mathrm{Var}_p[X]`. This is also where
    the Gaussian maximum-likelihood fit converges when the data come from ``p`` (the model is
    misspecified, so it converges to this projection, not to ``p``).

    Examples
    --------
    >>> moment_match(NormalMixture([0.25, 0.75], [0.0, 4.0], [1.0, 1.0]))
    (3.0, 2.0)
    """
    _check_mixture(p)
    return p.mean, p.std


def _check_mixture(p: object, name: str = "p") -> None:
    if not isinstance(p, NormalMixture):
        raise TypeError(
            f"{name} must be a NormalMixture, got {type(p).__name__}; build one with "
            "NormalMixture(weights, means, sigmas)"
        )


def kl_normal_mixture(mu_q: ArrayLike, sigma_q: ArrayLike, p: NormalMixture) -> float | np.ndarray:
    r"""Reverse KL D_KL(q‖p) from a normal q = N(μ_q, σ_q²) to a normal mixture p.

    The variational-inference direction: an expectation under ``q``, the model.

    Parameters
    ----------
    mu_q, sigma_q : array_like
        Mean and standard deviation (> 0) of ``q``; broadcast together.
    p : NormalMixture
        The target distribution.

    Returns
    -------
    float or numpy.ndarray
        The divergence in nats (>= 0).

    Notes
    -----
    .. math:: D_{KL}(q \| p) = -H(q) - \mathbb{E}_q[\ln p(X)],

    with :math:`H(q) = \tfrac12\ln(2\pi e \sigma_q^2)` exact and the expectation by the trapezoid
    rule on a fixed grid of 801 points over ±8 σ_q (deterministic and smooth in μ_q and σ_q).
    It has no closed form, and as a function of :math:`\mu_q` it can have one local minimum per mode.

    Examples
    --------
    >>> p = NormalMixture([1.0], [0.0], [1.0])          # a one-component "mixture"
    >>> round(kl_normal_mixture(1.0, 1.0, p), 6)        # equals kl_normal_normal(1, 1, 0, 1)
    0.5
    """
    _check_mixture(p)
    mu = as_real_array(mu_q, "mu_q")
    sigma = positive(sigma_q, "sigma_q")
    mu, sigma = np.broadcast_arrays(mu, sigma)
    expected_logp = normal_expectation(lambda x: np.asarray(p.logpdf(x)), mu, sigma)
    kl = -np.asarray(normal_entropy(sigma)) - expected_logp
    # Quadrature round-off can give -1e-16 when q equals p; the divergence itself is >= 0.
    return scalar_result(np.maximum(kl, 0.0))


def kl_mixture_normal(p: NormalMixture, mu_q: ArrayLike, sigma_q: ArrayLike) -> float | np.ndarray:
    r"""Forward KL D_KL(p‖q) from a normal mixture p to a normal q = N(μ_q, σ_q²).

    The maximum-likelihood direction: an expectation under ``p``, the data.

    Notes
    -----
    .. math:: D_{KL}(p \| q) = \sum_k w_k\,H(\mathcal{N}_k, q) - H(p),

    the cross-entropies in closed form and :math:`H(p)` by quadrature (:meth:`NormalMixture.entropy`).
    Its minimum over :math:`(\mu_q, \sigma_q)` is at :func:`moment_match`.

    Examples
    --------
    >>> p = NormalMixture([0.5, 0.5], [-2.0, 2.0], [1.0, 1.0])
    >>> mu, sigma = moment_match(p)
    >>> mu, round(sigma, 4)
    (0.0, 2.2361)
    >>> round(kl_mixture_normal(p, mu, sigma), 4), round(kl_mixture_normal(p, mu + 0.5, sigma), 4)
    (0.172, 0.197)
    """
    _check_mixture(p)
    mu = as_real_array(mu_q, "mu_q")
    sigma = positive(sigma_q, "sigma_q")
    cross = sum(
        w * np.asarray(normal_cross_entropy(m, s, mu, sigma))
        for w, m, s in zip(p.weights, p.means, p.sigmas, strict=True)
        if w > 0
    )
    return scalar_result(np.maximum(cross - p.entropy(), 0.0))


@dataclass(frozen=True, eq=False)
class ReverseKLFit:
    """Result of :func:`fit_reverse_kl`.

    Attributes
    ----------
    mu, sigma : float
        The Gaussian found (a local minimum of D_KL(q‖p); which one depends on the start).
    kl : float
        D_KL(q‖p) there, in nats.
    path : numpy.ndarray
        Shape (steps + 1, 2): the (mu, sigma) iterates, starting point first.
    converged : bool
        Whether the gradient fell below the tolerance within ``max_iter`` steps.
    """

    mu: float
    sigma: float
    kl: float
    path: np.ndarray
    converged: bool


def _objective_derivatives(
    p: NormalMixture, mu: float, log_sigma: float
) -> tuple[float, np.ndarray, np.ndarray]:
    """D_KL(q‖p) with q = N(mu, e^{2 log_sigma}), its gradient and Hessian in (mu, log_sigma).

    With X = mu + sigma Z and the score g(x) = d ln p / dx = sum_k r_k(x) a_k(x), where
    a_k = (m_k - x) / s_k^2 and r_k are the responsibilities, the chain rule gives

        dJ/dmu = -E[g],            d2J/dmu2 = -E[g'],
        dJ/ds  = -1 - sigma E[Z g], d2J/ds2  = -sigma E[Z g] - sigma^2 E[Z^2 g'],
        d2J/dmu ds = -sigma E[Z g'],
    with g' = -sum_k r_k / s_k^2 + sum_k r_k a_k^2 - g^2. All expectations on the fixed grid.
    """
    sigma = math.exp(log_sigma)
    x = mu + sigma * _Z
    log_joint = p._component_logpdfs(x)  # (nodes, K'), one pass for everything
    log_p = _logsumexp(log_joint, -1)
    r = np.exp(log_joint - log_p[:, None])  # responsibilities (softmax of log_joint), reusing log_p
    keep = p.weights > 0
    inv_var = 1.0 / p.sigmas[keep] ** 2
    a = (p.means[keep] - x[:, None]) * inv_var
    g = np.sum(r * a, axis=1)
    g_prime = -(r @ inv_var) + np.sum(r * a * a, axis=1) - g * g
    e_zg = float((_Z * g) @ _WN)
    value = -(0.5 * (LOG_2PI + 1.0) + log_sigma) - float(log_p @ _WN)
    grad = np.array([-float(g @ _WN), -1.0 - sigma * e_zg])
    h_mm = -float(g_prime @ _WN)
    h_ms = -sigma * float((_Z * g_prime) @ _WN)
    h_ss = -sigma * e_zg - sigma**2 * float((_Z * _Z * g_prime) @ _WN)
    return value, grad, np.array([[h_mm, h_ms], [h_ms, h_ss]])


def fit_reverse_kl(
    p: NormalMixture, mu0: float, sigma0: float, *, max_iter: int = 100, tol: float = 1e-7
) -> ReverseKLFit:
    r"""Minimise the reverse KL D_KL(N(μ, σ²)‖p) over (μ, σ), starting at (mu0, sigma0).

    A small deterministic optimiser on :math:`(\mu, \ln\sigma)`: Newton steps (exact gradient
    and Hessian), steepest descent where the Hessian is not positive definite (near a saddle),
    and a backtracking (Armijo) line search so every step decreases the divergence. It finds
    the local minimum downhill of the start; run it from several starts to see them all.

    Parameters
    ----------
    p : NormalMixture
        The target.
    mu0, sigma0 : float
        Starting mean and standard deviation (> 0).
    max_iter : int, default 100
        Maximum number of steps.
    tol : float, default 1e-7
        Stop when the gradient norm (nats per unit of μ and of ln σ) is below this; the
        quadrature's round-off puts a floor near 1e-8 under it.

    Returns
    -------
    ReverseKLFit

    Examples
    --------
    >>> p = NormalMixture([0.4, 0.6], [-3.0, 3.0], [1.0, 1.0])
    >>> left, right = fit_reverse_kl(p, -3.0, 1.0), fit_reverse_kl(p, 3.0, 1.0)
    >>> round(left.mu, 2), round(right.mu, 2)                 # two local optima, one per mode
    (-2.98, 2.99)
    >>> round(left.kl, 4), round(right.kl, 4)                 # the heavier mode is the better one
    (0.9107, 0.5074)
    """
    _check_mixture(p)
    theta = np.array([scalar(mu0, "mu0"), math.log(scalar(sigma0, "sigma0", positive=True, example="1.0"))])
    max_iter = positive_int(max_iter, "max_iter")
    tol = scalar(tol, "tol", positive=True, example="1e-7")
    value, grad, hess = _objective_derivatives(p, *theta)
    path = [(theta[0], math.exp(theta[1]))]
    converged = False
    for _ in range(max_iter):
        if float(np.linalg.norm(grad)) < tol:
            converged = True
            break
        if np.linalg.eigvalsh(hess)[0] > 1e-8:
            direction = -np.linalg.solve(hess, grad)
        else:
            direction = -grad
        slope = float(grad @ direction)  # < 0: a descent direction
        step = 1.0
        while True:
            cand = theta + step * direction
            # Cap ln σ so a wild trial step cannot overflow exp; such a step is rejected anyway.
            if abs(cand[1]) < 30:
                new_value, new_grad, new_hess = _objective_derivatives(p, *cand)
                if new_value <= value + 1e-4 * step * slope:  # Armijo sufficient decrease
                    break
            step *= 0.5
            if step < 1e-12:  # no decrease left at float precision: this is the minimum
                converged = True
                break
        if converged:
            break
        theta, value, grad, hess = cand, new_value, new_grad, new_hess
        path.append((theta[0], math.exp(theta[1])))
    else:
        converged = float(np.linalg.norm(grad)) < tol
    return ReverseKLFit(float(theta[0]), math.exp(theta[1]), max(float(value), 0.0), np.array(path),
                        converged)


def mixture_elbo(x: float, r: ArrayLike, model: NormalMixture) -> float:
    r"""Evidence lower bound for one observation ``x`` of a mixture model, with an approximation ``r(z)``.

    The mixture is read as a latent-variable model (the course's letters, notebook 06): the model
    :math:`q_\theta` draws a component :math:`z \sim \text{Categorical}(w)`, then
    :math:`x \mid z \sim \mathcal{N}(m_z, s_z^2)`; ``r`` approximates its posterior
    :math:`q_\theta(z \mid x)`. (Kingma & Welling write :math:`p_\theta` for the model and
    :math:`q_\phi` for the approximation.)

    Parameters
    ----------
    x : float
        The observation.
    r : array_like
        A probability vector over the components: the approximation to the posterior.
    model : NormalMixture
        The model :math:`q_\theta`.

    Returns
    -------
    float
        :math:`\mathrm{ELBO}(r) = \sum_z r(z)\,[\ln q_\theta(x, z) - \ln r(z)]` in nats; ``-inf``
        when ``r`` puts mass on a component of weight 0.

    See Also
    --------
    posterior_gap : The gap :math:`D_{KL}(r(z) \| q_\theta(z \mid x))` below the evidence.

    Notes
    -----
    .. math:: \ln q_\theta(x) = \mathrm{ELBO}(r) + D_{KL}(r(z) \| q_\theta(z \mid x)),

    for an ``r`` that is 0 wherever the posterior is 0 (otherwise the ELBO is :math:`-\infty` and
    the KL :math:`+\infty`: the bound holds, the identity is undefined). So the ELBO is a lower
    bound on the log-evidence, tight exactly when ``r`` is the posterior
    :meth:`NormalMixture.responsibilities`.

    Examples
    --------
    >>> model = NormalMixture([0.3, 0.7], [-1.0, 2.0], [1.0, 0.5])
    >>> post = model.responsibilities(0.5)
    >>> round(mixture_elbo(0.5, post, model), 6), round(model.logpdf(0.5), 6)   # tight at the posterior
    (-3.099763, -3.099763)
    >>> round(mixture_elbo(0.5, [0.5, 0.5], model), 6)                          # any other r: below
    -3.472042

    Introduced in ``06_kl_in_practice.ipynb``.
    """
    _check_mixture(model, "model")
    x_value = scalar(x, "x", example="0.5")
    r_arr = _component_probabilities(r, model)
    # ELBO = ln q(x) - KL(r‖posterior) would be circular here; compute it from its definition.
    support = r_arr > 0
    if np.any(model.weights[support] == 0):
        return -math.inf
    log_joint = np.log(model.weights[support]) + _normal_logpdf(
        x_value, model.means[support], model.sigmas[support]
    )
    return float(np.sum(r_arr[support] * (log_joint - np.log(r_arr[support]))))


def _component_probabilities(r: ArrayLike, model: NormalMixture) -> np.ndarray:
    r_arr = as_distribution(r, "r")
    if r_arr.shape != model.weights.shape:
        raise ValueError(
            f"r must have one probability per component ({model.weights.size}), got {r_arr.size}"
        )
    return r_arr


def posterior_gap(x: float, r: ArrayLike, model: NormalMixture) -> float:
    """How far an approximation r(z) is from the model's posterior: D_KL(r(z)‖q_θ(z|x)).

    It is the gap between the ELBO and the log-evidence ln q_θ(x) (see :func:`mixture_elbo`).

    Examples
    --------
    >>> model = NormalMixture([0.5, 0.5], [-1.0, 1.0], [1.0, 1.0])
    >>> posterior_gap(0.0, [0.5, 0.5], model)                    # halfway: the posterior is 50/50
    0.0
    >>> round(posterior_gap(2.0, [0.5, 0.5], model), 4)          # far right: it is not
    1.325

    Introduced in ``06_kl_in_practice.ipynb``.
    """
    _check_mixture(model, "model")
    return kl_divergence(_component_probabilities(r, model), model.responsibilities(x))


def count_modes(density: ArrayLike) -> int:
    """Number of local maxima (bumps) of a density sampled on a grid: + to − sign changes of its slope.

    A plateau counts once, at its right end; the answer depends on the grid (a bump narrower than
    its spacing is missed).

    Parameters
    ----------
    density : array_like
        Density values on an increasing grid (1-D).

    Examples
    --------
    >>> x = np.linspace(-7.0, 7.0, 281)
    >>> two = lambda d: NormalMixture.two_modes(d, 0.4)
    >>> count_modes(two(1.0).pdf(x)), count_modes(two(3.0).pdf(x))    # bumps of p, not optima
    (1, 2)

    Introduced in ``05_forward_vs_reverse.ipynb``.
    """
    slope = np.diff(as_sample(density, "density"))
    return int(np.count_nonzero((slope[:-1] > 0) & (slope[1:] <= 0)))
