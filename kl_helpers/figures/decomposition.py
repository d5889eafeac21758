"""Static figures of ``02_decomposition.ipynb``."""

from __future__ import annotations

import numpy as np
from matplotlib.figure import Figure
from numpy.typing import ArrayLike

from .._validate import as_distribution, same_shape, scalar
from ..distributions import kl_normal_normal, normal_entropy, normal_pdf
from ..divergence import cross_entropy, entropy, kl_divergence
from ..plotting import COLORS, legend, new_figure, style_axes

__all__ = ["plot_discrete_decomposition", "plot_negative_entropy"]


def plot_discrete_decomposition(p: ArrayLike, q: ArrayLike) -> Figure:
    """Bars of the decomposition H(p, q) = H(p) + D_KL(p‖q), beside Σ p ln p = −H(p).

    The cross-entropy bar is stacked from the entropy and the divergence; the last bar, the first
    term of the decomposition as written, points *down*: it is minus the entropy.

    Examples
    --------
    >>> fig = plot_discrete_decomposition([0.2, 0.5, 0.3], [0.3, 0.4, 0.3])
    >>> fig.axes[0].get_ylabel()
    'nats'
    """
    p_arr, q_arr = as_distribution(p, "p"), as_distribution(q, "q")
    same_shape(p_arr, q_arr)
    h_p, h_pq, kl = entropy(p_arr), cross_entropy(p_arr, q_arr), kl_divergence(p_arr, q_arr)
    fig, (ax,) = new_figure(figsize=(7.0, 3.6))
    ax.bar(0, h_p, color=COLORS["p"], width=0.6, label="H(p)")
    ax.bar(0, kl, bottom=h_p, color=COLORS["kl"], width=0.6, label="D_KL(p‖q)")
    ax.bar(1, h_p, color=COLORS["p"], width=0.6)
    ax.bar(2, kl, color=COLORS["kl"], width=0.6)
    ax.bar(3, -h_p, color=COLORS["extra"], width=0.6, hatch="//", label="Σ p ln p = −H(p)")
    ax.axhline(0.0, color=COLORS["ink"], lw=0.8)
    for x, value in ((0, h_pq), (1, h_p), (2, kl), (3, -h_p)):
        ax.text(x, value + (0.03 if value >= 0 else -0.03), f"{value:.4f}", ha="center",
                va="bottom" if value >= 0 else "top", fontsize=10)
    ax.set_xticks(range(4), ["H(p, q)", "H(p)", "D_KL(p‖q)", "Σ p ln p"])
    ax.set_ylim(-h_p * 1.35, h_pq * 1.2)
    style_axes(ax, "", "nats", "H(p, q) = H(p) + D_KL(p‖q); Σ p ln p is −H(p)")
    legend(ax, loc="upper right")
    return fig


def plot_negative_entropy(narrow: float = 0.1, wide: float = 1.0) -> Figure:
    """Why differential entropy can be negative while KL cannot.

    Left: a narrow and a wide normal density; where a density exceeds 1, ln p > 0 and the
    "surprise" −ln p is negative. Right: the entropy of N(0, σ²) against σ crosses 0 at
    σ = 1/√(2πe), while D_KL(N(0, σ²)‖N(0, 1)) stays ≥ 0 for every σ.

    Examples
    --------
    >>> fig = plot_negative_entropy()
    >>> [ax.get_xlabel() for ax in fig.axes]
    ['x', 'standard deviation σ (log scale)']
    """
    s_narrow = scalar(narrow, "narrow", positive=True, example="0.2")
    s_wide = scalar(wide, "wide", positive=True, example="2.0")
    fig, (ax_d, ax_h) = new_figure(ncols=2, figsize=(9.0, 3.5))
    x = np.linspace(-3.5 * s_wide, 3.5 * s_wide, 601)
    for sigma, color, style in ((s_wide, COLORS["p"], "-"), (s_narrow, COLORS["q"], "--")):
        ax_d.plot(x, normal_pdf(x, 0.0, sigma), color=color, ls=style, lw=2,
                  label=f"N(0, {sigma:g}²): H = {normal_entropy(sigma):.3f}")
    ax_d.axhline(1.0, color=COLORS["grey"], lw=1, ls=":")
    ax_d.text(x[-1], 1.0, "density 1: ln p = 0", ha="right", va="bottom", fontsize=9,
              color=COLORS["grey"])
    style_axes(ax_d, "x", "probability density", "A density can exceed 1")
    legend(ax_d, loc="upper left", fontsize=9)

    sigmas = np.geomspace(0.02, 5.0, 300)
    ax_h.semilogx(sigmas, normal_entropy(sigmas), color=COLORS["p"], lw=2,
                  label="H(N(0, σ²))")
    ax_h.semilogx(sigmas, kl_normal_normal(0.0, sigmas, 0.0, 1.0), color=COLORS["kl"], lw=2, ls="--",
                  label="D_KL(N(0, σ²)‖N(0, 1))")
    ax_h.axhline(0.0, color=COLORS["ink"], lw=0.8)
    crossing = 1.0 / np.sqrt(2.0 * np.pi * np.e)
    ax_h.axvline(crossing, color=COLORS["grey"], lw=1, ls=":")
    ax_h.text(crossing * 1.08, -2.6, f"σ = 1/√(2πe) ≈ {crossing:.3f}", fontsize=9,
              color=COLORS["grey"])
    ax_h.set_ylim(-3.0, 4.0)
    style_axes(ax_h, "standard deviation σ (log scale)", "nats", "Entropy < 0 possible; KL ≥ 0")
    legend(ax_h, loc="lower right", fontsize=9)
    return fig
