"""Static figures of ``08_kl_as_a_loss.ipynb``.

Letters follow the course: p is the fixed reference (the data, or the reference policy), q_θ the
model being trained.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence

import numpy as np
from matplotlib.figure import Figure

from .._i18n import tr
from ..gradients import _RECIPE_KINDS, grad_kl_normal_normal, gradient_estimator_table
from ..nonparametric import knn_kl_estimate
from ..plotting import COLORS, describe, legend, new_figure, style_axes
from ..vae import linear_vae_optimum

__all__ = ["example_figures", "plot_collapse", "plot_gradient_estimates", "plot_knn_convergence"]

#: Marker and colour per target, so the rows read without colour too.
_TARGET_STYLE = {"reverse": ("kl", "o"), "forward": ("q", "s"), "zero": ("grey", "D")}


def plot_gradient_estimates(rows: Sequence[Mapping[str, object]], reverse: float, forward: float) -> Figure:
    """Each gradient recipe's Monte Carlo mean ± 2 standard errors, against the two exact gradients.

    Parameters
    ----------
    rows : sequence of dict
        From :func:`kl_helpers.gradients.gradient_estimator_table`.
    reverse, forward : float
        The exact d/dθ of D_KL(q_θ‖p) and of D_KL(p‖q_θ), drawn as vertical lines.

    Examples
    --------
    >>> rows = gradient_estimator_table(1.0, 1.0, 0.0, 0.8 ** 0.5, 2_000, np.random.default_rng(0))
    >>> fig = plot_gradient_estimates(rows, 1.25, 1.0)
    >>> fig.axes[0].get_xlabel()
    'd/dθ (nats per unit of θ)'
    """
    fig, (ax,) = new_figure(figsize=(9.0, 4.2))
    ys = np.arange(len(rows))[::-1]
    for y, row in zip(ys, rows, strict=True):
        color, marker = _TARGET_STYLE[str(row["target"])]
        ax.errorbar([row["mean"]], [y], xerr=[2.0 * float(row["se"])], fmt=marker,
                    color=COLORS[color], ms=7, capsize=4, lw=1.5)
    ax.axvline(reverse, color=COLORS["kl"], lw=2, label=f"∇ D_KL(q_θ‖p) = {reverse:.2f}")
    ax.axvline(forward, color=COLORS["q"], lw=2, ls="--", label=f"∇ D_KL(p‖q_θ) = {forward:.2f}")
    ax.axvline(0.0, color=COLORS["grey"], lw=1.5, ls=":", label="0")
    ax.set_yticks(ys, [str(r["label"]) for r in rows])
    lo = min(0.0, min(float(r["mean"]) for r in rows)) - 0.15
    hi = max(reverse, forward, max(float(r["mean"]) for r in rows)) + 0.15
    ax.set_xlim(lo, hi)
    ax.set_ylim(-0.7, len(rows) - 0.3)
    style_axes(ax, "d/dθ (nats per unit of θ)", "", "Mean gradient ± 2 SE")
    legend(ax, loc="upper left", bbox_to_anchor=(1.02, 1.0), borderaxespad=0.0)
    summary = tr("; ").join(
        tr("{label}: {mean:.2f}", mean=float(r["mean"]),
           label=tr("{estimator} {kind}, x ~ {source}", estimator=r["estimator"],
                    kind=tr(_RECIPE_KINDS[str(r["method"])]), source=r["sample_from"]))
        for r in rows)
    return describe(fig, tr(
        "The Monte Carlo mean of {n} gradient recipes, each with ±2 standard errors, "
        "against the exact gradients of D_KL(q_θ‖p) = {reverse:.2f} and D_KL(p‖q_θ) = "
        "{forward:.2f} and zero. {summary}.",
        n=len(rows), reverse=reverse, forward=forward, summary=summary))


def plot_knn_convergence(
    sizes: Sequence[int], estimates: np.ndarray, exact: float
) -> Figure:
    """kNN estimates of D_KL(p‖q) against the sample size, with the exact value.

    Parameters
    ----------
    sizes : sequence of int
        Sample sizes N (one column of ``estimates`` each).
    estimates : numpy.ndarray
        Shape ``(replications, len(sizes))``.
    exact : float
        The closed-form divergence.

    Examples
    --------
    >>> fig = plot_knn_convergence([100, 1000], np.array([[0.3, 0.35], [0.4, 0.34]]), 0.35)
    >>> fig.axes[0].get_xscale()
    'log'
    """
    est = np.asarray(estimates, dtype=float)
    n = np.asarray(sizes, dtype=float)
    fig, (ax,) = new_figure(figsize=(8.0, 3.8))
    for row in est:
        ax.plot(n, row, "o", color=COLORS["sky"], ms=4, alpha=0.6)
    ax.plot([], [], "o", color=COLORS["sky"], ms=4, label="one estimate")
    ax.plot(n, est.mean(axis=0), "s-", color=COLORS["p"], lw=2, ms=7, label="mean of the estimates")
    ax.axhline(exact, color=COLORS["q"], lw=2, ls="--", label=f"exact D_KL = {exact:.3f}")
    ax.set_xscale("log")
    ax.set_xlim(n.min() / 2, n.max() * 2)
    low, high = min(est.min(), exact), max(est.max(), exact)
    margin = 0.08 * (high - low)
    ax.set_ylim(low - margin, high + margin)
    style_axes(ax, "sample size N (each of p and q)", "estimate (nats)", "kNN estimator, k = 1")
    legend(ax, loc="upper left", bbox_to_anchor=(1.02, 1.0), borderaxespad=0.0)
    means = tr(", ").join(f"N = {int(v):,}: {m:.3f}" for v, m in zip(n, est.mean(axis=0), strict=True))
    return describe(fig, tr(
        "kNN estimates of D_KL from two samples against the sample size (log scale), "
        "{reps} repetitions per size and their mean ({means}), approaching the exact "
        "value {exact:.3f} nats.",
        reps=est.shape[0], means=means, exact=exact))


def plot_collapse(
    data_var: float, noise_vars: Sequence[float], fitted_kl: Sequence[float]
) -> Figure:
    """The linear VAE's KL term at the optimum against the decoder's noise variance.

    The closed form ½ max(0, ln(v/σ²)) as a curve, gradient-descent fits as dots; it is exactly
    0 (posterior collapse) once σ² ≥ v.

    Parameters
    ----------
    data_var : float
        The data variance v.
    noise_vars, fitted_kl : sequence of float
        Noise variances σ² where the ELBO was maximised numerically, and the KL term found there.

    Examples
    --------
    >>> fig = plot_collapse(4.0, [1.0, 6.0], [0.69, 0.0])
    >>> fig.axes[0].get_ylabel()
    'KL term at the optimum (nats)'
    """
    s2 = np.linspace(0.25, 2.0 * data_var, 300)
    curve = [linear_vae_optimum(data_var, v)["kl"] for v in s2]
    fig, (ax,) = new_figure(figsize=(8.0, 3.6))
    ax.plot(s2, curve, color=COLORS["p"], lw=2, label="closed form ½ max(0, ln(v/σ²))")
    ax.plot(noise_vars, fitted_kl, "s", color=COLORS["q"], ms=8, label="maximised by gradient ascent")
    ax.axvline(data_var, color=COLORS["grey"], lw=1.5, ls=":", label=f"σ² = v = {data_var:g}")
    ax.set_xlim(0.0, 2.0 * data_var)
    ax.set_ylim(-0.05, max(curve) * 1.1)
    style_axes(ax, "decoder noise variance σ²", "KL term at the optimum (nats)",
               f"Linear VAE, data variance v = {data_var:g}")
    legend(ax, loc="upper left", bbox_to_anchor=(1.02, 1.0), borderaxespad=0.0)
    return describe(fig, tr(
        "The linear VAE's KL term at its optimum against the decoder noise variance σ²: the "
        "closed form ½ max(0, ln(v/σ²)) for data variance v = {v:g}, with gradient-ascent "
        "fits on it, falling to exactly 0 (posterior collapse) once σ² ≥ {v:g}.",
        v=data_var))


def example_figures() -> dict[str, Figure]:
    """One figure per public ``plot_*`` function, built as ``08_kl_as_a_loss.ipynb`` builds it.

    The Monte Carlo inputs use their own seeds (the notebook's draws come from its one generator),
    with the lesson's settings: q_θ = N(1, 1), p = N(0, 0.8); kNN on N(0, 1) against N(1, 1.5²);
    the linear VAE with v = 4.
    """
    rng = np.random.default_rng(8)
    rows = gradient_estimator_table(1.0, 1.0, 0.0, math.sqrt(0.8), 20_000, rng)
    reverse = float(grad_kl_normal_normal(1.0, 1.0, 0.0, math.sqrt(0.8))[0])
    forward = float(grad_kl_normal_normal(0.0, math.sqrt(0.8), 1.0, 1.0)[2])
    sizes = [100, 1000, 10_000]
    est = np.array([[knn_kl_estimate(rng.normal(0.0, 1.0, n), rng.normal(1.0, 1.5, n)) for n in sizes]
                    for _ in range(5)])
    noise = [0.5, 1.0, 2.0, 4.0, 6.0]
    return {
        "plot_gradient_estimates": plot_gradient_estimates(rows, reverse, forward),
        "plot_knn_convergence": plot_knn_convergence(sizes, est, 0.3499),
        "plot_collapse": plot_collapse(4.0, noise, [linear_vae_optimum(4.0, v)["kl"] for v in noise]),
    }
