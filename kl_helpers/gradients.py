r"""Gradients of KL divergences with respect to a model's parameter, exact and from samples.

A model is trained by its gradient, not by the value of its loss. Here the model is
:math:`q_\theta = \mathcal N(\theta, s^2)` (the parameter is its mean) and the fixed reference is
:math:`p = \mathcal N(m, \sigma^2)`. A KL *estimator* used as a loss gives a gradient estimator,
and which KL's gradient it estimates depends on where the samples come from and on how the
gradient is taken:

* ``sample_from="q"``: draws :math:`x = \theta + s\varepsilon` from the model, estimating
  :math:`D_{KL}(q_\theta \| p)` with :math:`r = p(x)/q_\theta(x)`, ``k1`` :math:`= -\ln r`,
  ``k3`` :math:`= r - 1 - \ln r` (Schulman's setting, and RL fine-tuning's: the policy samples);

  - ``method="loss"``: the derivative of the estimator with the *samples held fixed*, what
    automatic differentiation returns when the sample is drawn outside the graph (sampled tokens);
  - ``method="score"``: the score-function (REINFORCE) gradient of :math:`E_{q_\theta}[k]`, the
    term :math:`k\,\nabla_\theta \ln q_\theta(x)` added to the fixed-sample derivative;
  - ``method="reparam"``: the pathwise gradient through :math:`x = \theta + s\varepsilon`;
  - ``method="reward"``: only :math:`k\,\nabla_\theta \ln q_\theta(x)`, with no gradient through
    :math:`k` ("k in the reward" in RL). For ``k1`` it has the score-function gradient's mean,
    since :math:`E_q[\nabla k_1] = 0`; for ``k3`` its mean is
    :math:`\nabla D_{KL}(q_\theta\|p) - \nabla D_{KL}(p\|q_\theta)`: biased;

* ``sample_from="p"``: draws from the reference, estimating :math:`D_{KL}(p \| q_\theta)` with
  :math:`r = q_\theta(x)/p(x)`; the samples do not depend on :math:`\theta`, so the only gradient is
  the fixed-sample one (``method="loss"``).

Numpy only. Introduced in ``08_kl_as_a_loss.ipynb``.

References
----------
- J. Schulman, "Approximating KL divergence" (2020), http://joschu.net/blog/kl-approx.html.
- K. Liu, J. K. Liu, M. Chen, Y. Liu, "Rethinking KL regularization in RLHF: from value estimation
  to gradient optimization" (2025), https://arxiv.org/abs/2510.01555.
"""

from __future__ import annotations

import math

import numpy as np
from numpy.typing import ArrayLike

from ._validate import as_rng, as_sample, choice, positive_int, scalar
from .distributions import _normal_logpdf
from .estimators import kl_estimator_terms

__all__ = ["GRADIENT_METHODS", "GRADIENT_RECIPES", "SAMPLE_SOURCES", "estimator_gradient_terms",
           "grad_kl_normal_normal", "gradient_estimator_table", "mean_and_se"]

#: How the gradient of a sampled loss is taken (see the module docstring).
GRADIENT_METHODS = ("loss", "score", "reparam", "reward")
#: Where the samples come from: the model ``"q"`` or the reference ``"p"``.
SAMPLE_SOURCES = ("q", "p")
#: Every (sample_from, method, estimator) that :func:`gradient_estimator_table` compares.
GRADIENT_RECIPES = (
    ("q", "loss", "k1"), ("q", "loss", "k3"), ("q", "score", "k1"), ("q", "score", "k3"),
    ("q", "reparam", "k1"), ("q", "reparam", "k3"), ("p", "loss", "k1"), ("p", "loss", "k3"),
)
#: How each method is named in a recipe's label ("k3 as loss, x ~ q"); the figure translates it.
_RECIPE_KINDS = {"loss": "as loss", "score": "score-function", "reparam": "reparameterised"}


def grad_kl_normal_normal(mu_p: float, sigma_p: float, mu_q: float, sigma_q: float) -> np.ndarray:
    r"""Exact partial derivatives of D_KL(N(μ_p, σ_p²) ‖ N(μ_q, σ_q²)) with respect to its four parameters.

    Parameters
    ----------
    mu_p, sigma_p : float
        The first argument's mean and standard deviation (> 0).
    mu_q, sigma_q : float
        The second argument's mean and standard deviation (> 0).

    Returns
    -------
    numpy.ndarray
        :math:`(\partial_{\mu_p}, \partial_{\sigma_p}, \partial_{\mu_q}, \partial_{\sigma_q})\,D_{KL}`.

    See Also
    --------
    kl_helpers.distributions.kl_normal_normal : The divergence itself.
    kl_helpers.optimize.numerical_gradient : A finite-difference check of these numbers.

    Notes
    -----
    From :math:`D_{KL} = \ln\frac{\sigma_q}{\sigma_p} + \frac{\sigma_p^2 + (\mu_p - \mu_q)^2}{2\sigma_q^2}
    - \frac12`:

    .. math:: \partial_{\mu_p} = \frac{\mu_p - \mu_q}{\sigma_q^2} = -\partial_{\mu_q}, \quad
              \partial_{\sigma_p} = \frac{\sigma_p}{\sigma_q^2} - \frac1{\sigma_p}, \quad
              \partial_{\sigma_q} = \frac1{\sigma_q} - \frac{\sigma_p^2 + (\mu_p - \mu_q)^2}{\sigma_q^3}.

    The mean of the **model** is ``mu_q`` in the forward direction D_KL(p‖q_θ) and ``mu_p`` in the
    reverse direction D_KL(q_θ‖p): the two gradients divide by different variances.

    Examples
    --------
    >>> grad_kl_normal_normal(1.0, 1.0, 0.0, 0.8 ** 0.5).round(4)    # reverse: d/dθ at index 0
    array([ 1.25  ,  0.25  , -1.25  , -1.6771])
    >>> float(grad_kl_normal_normal(0.0, 0.8 ** 0.5, 1.0, 1.0)[2])    # forward: d/dθ at index 2
    1.0

    Introduced in ``08_kl_as_a_loss.ipynb``.
    """
    mp, mq = scalar(mu_p, "mu_p"), scalar(mu_q, "mu_q")
    sp = scalar(sigma_p, "sigma_p", positive=True, example="1.0")
    sq = scalar(sigma_q, "sigma_q", positive=True, example="1.0")
    d = mp - mq
    return np.array([d / sq**2, sp / sq**2 - 1.0 / sp, -d / sq**2,
                     1.0 / sq - (sp**2 + d * d) / sq**3])


def estimator_gradient_terms(
    theta: float,
    sigma_q: float,
    mu_p: float,
    sigma_p: float,
    n: int,
    rng: np.random.Generator,
    *,
    estimator: str = "k1",
    sample_from: str = "q",
    method: str = "loss",
) -> np.ndarray:
    r"""Per-sample gradient terms d/dθ of a KL estimator used as a loss, for a normal model q_θ = N(θ, s²).

    Their mean is the gradient a training step would use; compare it with
    :func:`grad_kl_normal_normal` to see which KL's gradient it estimates.

    Parameters
    ----------
    theta, sigma_q : float
        The model :math:`q_\theta = \mathcal N(\theta, s^2)`; its mean :math:`\theta` is the parameter.
    mu_p, sigma_p : float
        The fixed reference :math:`p = \mathcal N(m, \sigma^2)`.
    n : int
        Number of samples (>= 1).
    rng : numpy.random.Generator
        Source of the draws.
    estimator : {"k1", "k3"}, default "k1"
        The per-sample KL estimate used as the loss (``kl_helpers.estimators``).
    sample_from : {"q", "p"}, default "q"
        Draw from the model (estimating :math:`D_{KL}(q_\theta\|p)`) or from the reference
        (estimating :math:`D_{KL}(p\|q_\theta)`).
    method : {"loss", "score", "reparam", "reward"}, default "loss"
        How the gradient is taken (module docstring). With ``sample_from="p"`` only ``"loss"``.

    Returns
    -------
    numpy.ndarray
        ``n`` gradient terms; their mean estimates :math:`\nabla_\theta E[\text{loss}]` or, for
        ``method="loss"`` with ``sample_from="q"``, :math:`E[\nabla_\theta\,\text{loss}]`.

    Raises
    ------
    ValueError
        If ``sample_from="p"`` with another method than ``"loss"``, an unknown name, ``n < 1`` or a
        standard deviation <= 0.

    Notes
    -----
    With the score :math:`s(x) = \partial_\theta \ln q_\theta(x) = (x - \theta)/s^2`:

    ======================  =====================================  ==========================================
    samples, method         ``k1``                                 ``k3``
    ======================  =====================================  ==========================================
    q, loss                 :math:`s(x)` (mean 0)                  :math:`(1 - r)\,s(x)`
    q, score                :math:`(k_1 + 1)\,s(x)`                :math:`(k_3 + 1 - r)\,s(x)`
    q, reparam              :math:`(x - m)/\sigma^2`               :math:`(1 - r)(x - m)/\sigma^2`
    q, reward               :math:`k_1\,s(x)`                      :math:`k_3\,s(x)`
    p, loss                 :math:`-s(x)`                          :math:`(r - 1)\,s(x)`
    ======================  =====================================  ==========================================

    Taking expectations: ``q, loss, k1`` has mean 0 (:math:`E_q[s] = 0`); ``q, loss, k3`` has mean
    :math:`-E_q[r\,s] = -E_p[s] = \nabla_\theta D_{KL}(p\|q_\theta)`, the gradient of the **forward**
    KL although the value estimates the reverse one; ``score`` and ``reparam`` are unbiased for
    :math:`\nabla_\theta D_{KL}(q_\theta\|p)`; both ``p`` rows are unbiased for
    :math:`\nabla_\theta D_{KL}(p\|q_\theta)`; ``q, reward`` has mean
    :math:`\nabla D_{KL}(q_\theta\|p)` for ``k1`` and :math:`\nabla D_{KL}(q_\theta\|p) -
    \nabla D_{KL}(p\|q_\theta)` for ``k3``. (Conditions: p > 0 wherever q_θ > 0, so that
    D_KL(q_θ‖p) is finite, and for the ``k3`` rows with samples from q also q_θ > 0 wherever
    p > 0, else :math:`E_q[r] = P_p(q_\theta > 0) < 1` and the k3 value and gradients are
    biased; both hold for normals. The ``k3`` terms have finite variance only when
    :math:`\tfrac12 < \sigma^2/s^2 < 2`; near those limits :math:`r` has heavy tails, the mean
    converges slowly and its standard error is itself unreliable.)

    Examples
    --------
    >>> rng = np.random.default_rng(0)
    >>> g = estimator_gradient_terms(1.0, 1.0, 0.0, 0.8 ** 0.5, 200_000, rng, estimator="k3")
    >>> round(float(g.mean()), 2)             # the forward gradient, 1.0, not the reverse 1.25
    1.0
    >>> g = estimator_gradient_terms(1.0, 1.0, 0.0, 0.8 ** 0.5, 200_000, rng, method="reparam")
    >>> round(float(g.mean()), 2)
    1.25

    Introduced in ``08_kl_as_a_loss.ipynb``.
    """
    name = choice(estimator, "estimator", ("k1", "k3"))
    source = choice(sample_from, "sample_from", SAMPLE_SOURCES)
    how = choice(method, "method", GRADIENT_METHODS)
    if source == "p" and how != "loss":
        raise ValueError(
            f"method={how!r} needs samples that depend on θ; with sample_from='p' the samples come "
            "from the fixed reference, so the only gradient is method='loss'"
        )
    t = scalar(theta, "theta")
    s = scalar(sigma_q, "sigma_q", positive=True, example="1.0")
    m = scalar(mu_p, "mu_p")
    sig = scalar(sigma_p, "sigma_p", positive=True, example="1.0")
    size = positive_int(n, "n")
    gen = as_rng(rng)
    if source == "q":
        x = t + s * gen.standard_normal(size)
        log_sampled, log_other = _normal_logpdf(x, t, s), _normal_logpdf(x, m, sig)
    else:
        x = m + sig * gen.standard_normal(size)
        log_sampled, log_other = _normal_logpdf(x, m, sig), _normal_logpdf(x, t, s)
    score = (x - t) / s**2
    # r = (other density) / (sampled density). k3 refuses an r that would overflow, so r is
    # formed only after that check (and only for k3, the one that needs it).
    k = kl_estimator_terms(log_sampled, log_other, name)
    weight = 1.0 if name == "k1" else 1.0 - np.exp(log_other - log_sampled)  # 1 or 1 - r
    if source == "p":
        return -weight * score  # k1: -s(x); k3: (r - 1) s(x)
    if how == "reparam":
        return weight * (x - m) / sig**2  # along x = θ + sε, d(-ln r)/dθ = (x - m)/σ²
    fixed = weight * score
    if how == "reward":
        return k * score  # no gradient through k itself
    return fixed if how == "loss" else fixed + k * score


def mean_and_se(terms: ArrayLike) -> tuple[float, float]:
    r"""Monte Carlo mean of per-sample terms and its standard error s/√N.

    Parameters
    ----------
    terms : array_like
        At least two finite numbers (e.g. from :func:`estimator_gradient_terms`).

    Returns
    -------
    mean, se : float
        The mean and :math:`s/\sqrt N` with the sample standard deviation (``ddof=1``).

    See Also
    --------
    kl_helpers.estimators.running_mean_and_se : The same after every prefix of the terms.

    Examples
    --------
    >>> mean_and_se([1.0, 3.0, 2.0])
    (2.0, 0.5773502691896258)
    """
    t = as_sample(terms, "terms")
    if t.size < 2:
        raise ValueError("terms needs at least two values to give a standard error")
    return float(t.mean()), float(t.std(ddof=1) / math.sqrt(t.size))


def gradient_estimator_table(
    theta: float, sigma_q: float, mu_p: float, sigma_p: float, n: int, rng: np.random.Generator
) -> list[dict[str, object]]:
    r"""Every recipe of GRADIENT_RECIPES: its Monte Carlo mean ± standard error and the KL it targets.

    Parameters
    ----------
    theta, sigma_q, mu_p, sigma_p : float
        Model :math:`\mathcal N(\theta, s^2)` and reference :math:`\mathcal N(m, \sigma^2)`.
    n : int
        Samples per recipe (fresh draws for each).
    rng : numpy.random.Generator
        Source of the draws.

    Returns
    -------
    list of dict
        One row per recipe: ``label`` (e.g. ``"k3 as loss, x ~ q"``), ``sample_from``, ``method``,
        ``estimator``, ``mean``, ``se``, and ``target``: ``"reverse"``, ``"forward"`` or ``"zero"``,
        the exact gradient its mean converges to (from the table in
        :func:`estimator_gradient_terms`).

    Examples
    --------
    >>> rows = gradient_estimator_table(1.0, 1.0, 0.0, 0.8 ** 0.5, 100_000, np.random.default_rng(0))
    >>> [(r["label"], r["target"]) for r in rows[:2]]
    [('k1 as loss, x ~ q', 'zero'), ('k3 as loss, x ~ q', 'forward')]
    """
    gen = as_rng(rng)
    rows = []
    for source, how, name in GRADIENT_RECIPES:
        terms = estimator_gradient_terms(theta, sigma_q, mu_p, sigma_p, n, gen, estimator=name,
                                         sample_from=source, method=how)
        mean, se = mean_and_se(terms)
        kind = _RECIPE_KINDS[how]
        if source == "p":
            target = "forward"
        elif how == "loss":
            target = "zero" if name == "k1" else "forward"
        else:
            target = "reverse"
        rows.append({"label": f"{name} {kind}, x ~ {source}", "sample_from": source, "method": how,
                     "estimator": name, "mean": mean, "se": se, "target": target})
    return rows
