"""Static figures of ``05_forward_vs_reverse.ipynb``."""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
from matplotlib.figure import Figure

from ..distributions import normal_pdf
from ..mixtures import NormalMixture, ReverseKLFit, kl_mixture_normal, kl_normal_mixture, moment_match
from ..plotting import COLORS, legend, new_figure, style_axes

__all__ = ["plot_misspecification", "plot_reverse_landscape"]

_FIT_COLORS = ("kl", "extra", "alt", "sky")


def plot_reverse_landscape(p: NormalMixture, fits: Sequence[ReverseKLFit]) -> Figure:
    """Left: p, the forward fit and the reverse fits. Right: the reverse objective over (μ, σ)
    with each optimiser path from its start (○) to its end (●).

    Examples
    --------
    >>> from kl_helpers.mixtures import fit_reverse_kl
    >>> p = NormalMixture.two_modes(6.0, 0.4)
    >>> fig = plot_reverse_landscape(p, [fit_reverse_kl(p, -3.0, 1.0)])
    >>> fig.axes[1].get_xlabel(), fig.axes[1].get_ylabel()
    ('mean of q, μ_q', 'std of q, σ_q')
    """
    fig, (ax_d, ax_c) = new_figure(ncols=2, figsize=(10.0, 3.8))
    x = np.linspace(-7.0, 7.0, 400)
    dens = np.asarray(p.pdf(x))
    ax_d.plot(x, dens, color=COLORS["p"], lw=2.5, label="p")
    ax_d.fill_between(x, dens, color=COLORS["p"], alpha=0.2, lw=0)
    mu_f, sigma_f = moment_match(p)
    ax_d.plot(x, normal_pdf(x, mu_f, sigma_f), color=COLORS["q"], lw=2, ls="--",
              label="forward fit")
    for k, fit in enumerate(fits):
        color = COLORS[_FIT_COLORS[k % len(_FIT_COLORS)]]
        ax_d.plot(x, normal_pdf(x, fit.mu, fit.sigma), color=color, lw=1.6,
                  label=f"reverse fit {k + 1}")
    style_axes(ax_d, "x", "probability density", "Forward vs reverse fits")
    legend(ax_d, loc="upper left", fontsize=9)

    # 71 x 51 points: each costs an 801-point quadrature, and the landscape is smooth at this scale.
    mus = np.linspace(-5.0, 5.0, 71)
    sigmas = np.linspace(0.4, 4.0, 51)
    grid = np.asarray(kl_normal_mixture(mus[None, :], sigmas[:, None], p))
    levels = np.quantile(grid, np.linspace(0.0, 0.9, 16))
    ax_c.contourf(mus, sigmas, grid, levels=levels, cmap="Greys_r", extend="max")
    for k, fit in enumerate(fits):
        color = COLORS[_FIT_COLORS[k % len(_FIT_COLORS)]]
        ax_c.plot(fit.path[:, 0], fit.path[:, 1], "-", color=color, lw=1.8)
        ax_c.plot(*fit.path[0], "o", color=color, mfc="white", ms=7)
        ax_c.plot(fit.mu, fit.sigma, "o", color=color, ms=8, mec="white")
    ax_c.plot(mu_f, sigma_f, "*", color=COLORS["q"], ms=12, mec="white", label="forward fit")
    style_axes(ax_c, "mean of q, μ_q", "std of q, σ_q", "D_KL(q‖p): darker is lower")
    ax_c.grid(False)
    legend(ax_c, loc="upper right", fontsize=9)
    return fig


def plot_misspecification(p: NormalMixture, sizes: Sequence[int],
                          fits: Sequence[tuple[float, float]]) -> Figure:
    """Left: p, its KL projection q* and the Gaussian MLE from the largest sample. Right: the
    forward KL of each MLE fit against the sample size, approaching the floor D_KL(p‖q*) > 0.

    Examples
    --------
    >>> p = NormalMixture([0.3, 0.7], [-2.0, 1.5], [0.6, 1.0])
    >>> fig = plot_misspecification(p, [10, 100], [(0.5, 1.5), (0.4, 1.7)])
    >>> fig.axes[1].get_xscale()
    'log'
    """
    if len(sizes) != len(fits) or not sizes:
        raise ValueError("sizes and fits must be non-empty and of the same length (one fit per size)")
    fig, (ax_d, ax_k) = new_figure(ncols=2, figsize=(10.0, 3.6))
    x = np.linspace(-5.0, 5.0, 400)
    dens = np.asarray(p.pdf(x))
    mu_star, sigma_star = moment_match(p)
    ax_d.plot(x, dens, color=COLORS["p"], lw=2.5, label="p (data)")
    ax_d.fill_between(x, dens, color=COLORS["p"], alpha=0.2, lw=0)
    ax_d.plot(x, normal_pdf(x, mu_star, sigma_star), color=COLORS["q"], lw=2, ls="--",
              label="projection q*")
    mu_n, sigma_n = fits[-1]
    ax_d.plot(x, normal_pdf(x, mu_n, sigma_n), color=COLORS["kl"], lw=1.5,
              label=f"MLE, N = {sizes[-1]:,}")
    style_axes(ax_d, "x", "probability density", "The model cannot reach p")
    legend(ax_d, loc="upper left", fontsize=9)

    kls = [float(kl_mixture_normal(p, mu, sigma)) for mu, sigma in fits]
    floor = float(kl_mixture_normal(p, mu_star, sigma_star))
    ax_k.plot(sizes, kls, "o-", color=COLORS["kl"], lw=2, label="D_KL(p‖MLE fit)")
    ax_k.axhline(floor, color=COLORS["q"], ls="--", lw=1.5, label="D_KL(p‖q*), the floor")
    ax_k.set_xscale("log")
    ax_k.set_ylim(0.0, max(max(kls), floor) * 1.15)
    style_axes(ax_k, "sample size N", "divergence (nats)", "More data ≠ closer to p")
    legend(ax_k, loc="upper right", fontsize=9)
    return fig
