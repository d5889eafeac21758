"""Static figures of ``02_decomposition.ipynb``."""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
from matplotlib.figure import Figure
from numpy.typing import ArrayLike

from .._i18n import tr
from .._validate import as_distribution, same_shape, scalar
from ..distributions import kl_normal_normal, normal_entropy, normal_pdf
from ..divergence import cross_entropy, entropy, kl_divergence
from ..plotting import COLORS, describe, legend, new_figure, style_axes

__all__ = ["example_figures", "plot_discrete_decomposition", "plot_negative_entropy"]

#: The notebook's running discrete example (notebook 01's p and q).
_P, _Q = (0.2, 0.5, 0.3), (0.3, 0.4, 0.3)
#: The widths of section 4: wide (H > 0), density above 1 on 67 % of its mass yet H > 0, H < 0.
_SIGMAS = (1.0, 0.25, 0.1)


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
    fig, (ax,) = new_figure(figsize=(7.0, 4.2))
    ax.bar(0, h_p, color=COLORS["p"], width=0.6, label="H(p)")
    ax.bar(0, kl, bottom=h_p, color=COLORS["kl"], width=0.6, label="D_KL(p‖q)")
    ax.bar(1, h_p, color=COLORS["p"], width=0.6)
    ax.bar(2, kl, color=COLORS["kl"], width=0.6)
    ax.bar(3, -h_p, color=COLORS["extra"], width=0.6, hatch="//", label="Σ p ln p = −H(p)")
    ax.axhline(0.0, color=COLORS["ink"], lw=0.8)
    for x, value in ((0, h_pq), (1, h_p), (2, kl), (3, -h_p)):
        ax.text(x, value + (0.03 if value >= 0 else -0.03), f"{value:.4f}", ha="center",
                va="bottom" if value >= 0 else "top", fontsize=11)
    ax.set_xticks(range(4), ["H(p, q)", "H(p)", "D_KL(p‖q)", "Σ p ln p"])
    ax.set_ylim(-h_p * 1.35, h_pq * 1.25)
    style_axes(ax, "", "nats", "H(p, q) = H(p) + D_KL(p‖q); Σ p ln p is −H(p)")
    # The legend sits beside the axes, off the bars and their numbers.
    legend(ax, loc="upper left", bbox_to_anchor=(1.02, 1.0))
    return describe(fig, tr(
        "Bars in nats: the cross-entropy H(p, q) = {h_pq:.4f} stacked as H(p) = {h_p:.4f} plus "
        "D_KL(p‖q) = {kl:.4f}, then H(p) and D_KL alone, and Σ p ln p = {neg_h_p:.4f}, the "
        "negative of the entropy, below zero.",
        h_pq=h_pq, h_p=h_p, kl=kl, neg_h_p=-h_p))


def plot_negative_entropy(sigmas: Sequence[float] = _SIGMAS) -> Figure:
    """What "density above 1" does and does not say about the sign of a differential entropy.

    Left: normal densities N(0, σ²) for the given widths, with the level density = 1 (where
    ln p = 0), each labelled with its differential entropy H = ½ ln(2πeσ²). Right: that entropy
    against σ (log scale), with the given widths marked on it, beside D_KL(N(0, σ²)‖N(0, 1)),
    which stays ≥ 0 for every σ. The width at which the entropy is exactly 0 is deliberately
    not marked (it is an exercise of the notebook).

    Examples
    --------
    >>> fig = plot_negative_entropy()
    >>> [ax.get_xlabel() for ax in fig.axes]
    ['x', 'standard deviation σ (log scale)']
    """
    widths = [scalar(s, "sigmas", positive=True, example="(1.0, 0.25, 0.1)") for s in sigmas]
    fig, (ax_d, ax_h) = new_figure(ncols=2, figsize=(10.0, 4.6))
    styles = [(COLORS["p"], "-", "o"), (COLORS["alt"], "-.", "s"), (COLORS["q"], "--", "^")]
    half_width = 3.5 * max(widths)
    x = np.linspace(-half_width, half_width, 1201)
    for sigma, (color, style, _) in zip(widths, styles, strict=False):
        ax_d.plot(x, normal_pdf(x, 0.0, sigma), color=color, ls=style, lw=2,
                  label=f"N(0, {sigma:g}²): H = {normal_entropy(sigma):+.3f} nats")
    ax_d.axhline(1.0, color=COLORS["grey"], lw=1, ls=":")
    ax_d.annotate("density 1: ln p = 0", (x[-1], 1.0), xytext=(0, 4), textcoords="offset points",
                  ha="right", va="bottom", fontsize=11, color=COLORS["grey"])
    ax_d.set_ylim(0.0, 1.1 * float(normal_pdf(0.0, 0.0, min(widths))))
    style_axes(ax_d, "x", "probability density", "A density can exceed 1")
    legend(ax_d, loc="upper center", bbox_to_anchor=(0.5, -0.2), ncol=1)

    grid = np.geomspace(0.02, 5.0, 300)
    ax_h.semilogx(grid, normal_entropy(grid), color=COLORS["ink"], lw=2, label="H(N(0, σ²))")
    ax_h.semilogx(grid, kl_normal_normal(0.0, grid, 0.0, 1.0), color=COLORS["kl"], lw=2, ls="--",
                  label="D_KL(N(0, σ²)‖N(0, 1))")
    for sigma, (color, _, marker) in zip(widths, styles, strict=False):
        ax_h.plot([sigma], [normal_entropy(sigma)], marker=marker, color=color, ms=9, ls="none",
                  label=f"σ = {sigma:g} (left)")
    ax_h.axhline(0.0, color=COLORS["grey"], lw=0.8)
    ax_h.set_ylim(-3.0, 4.0)
    style_axes(ax_h, "standard deviation σ (log scale)", "nats", "Entropy < 0 possible; KL ≥ 0")
    legend(ax_h, loc="upper center", bbox_to_anchor=(0.5, -0.2), ncol=2)
    entropies = tr(", ").join(f"σ = {s:g}: {normal_entropy(s):+.3f}" for s in widths)
    return describe(fig, tr(
        "Left: normal densities with standard deviations {widths}; the narrow ones rise above 1. "
        "Right: their differential entropy against σ (log scale): {entropies} nats, negative "
        "once σ < 1/√(2πe) ≈ 0.242, while D_KL(N(0, σ²)‖N(0, 1)) stays ≥ 0.",
        widths=", ".join(f"{s:g}" for s in widths), entropies=entropies))


def example_figures() -> dict[str, Figure]:
    """One figure per public ``plot_*`` function, built with the notebook's own arguments.

    The data are the notebook's (no randomness is involved): p = [0.2, 0.5, 0.3],
    q = [0.3, 0.4, 0.3] and the widths σ = 1, 0.25, 0.1 of section 4.
    """
    return {
        "plot_discrete_decomposition": plot_discrete_decomposition(_P, _Q),
        "plot_negative_entropy": plot_negative_entropy(_SIGMAS),
    }
