"""Static figures of ``01_definition.ipynb``."""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
from matplotlib.figure import Figure
from numpy.typing import ArrayLike

from .._validate import as_distribution, same_shape
from ..divergence import kl_divergence, kl_terms
from ..plotting import COLORS, legend, new_figure, style_axes

__all__ = ["plot_binary_asymmetry", "plot_discrete_pair", "plot_jensen"]


def plot_discrete_pair(p: ArrayLike, q: ArrayLike, labels: Sequence[str] | None = None) -> Figure:
    """Bars of p and q side by side, and each outcome's term p·ln(p/q) of D_KL(p‖q).

    Some terms are negative (where q > p); their sum never is.

    Examples
    --------
    >>> fig = plot_discrete_pair([0.2, 0.5, 0.3], [0.3, 0.4, 0.3])
    >>> [ax.get_ylabel() for ax in fig.axes]
    ['probability', 'term p·ln(p/q) (nats)']
    """
    p_arr, q_arr = as_distribution(p, "p"), as_distribution(q, "q")
    same_shape(p_arr, q_arr)
    names = list(labels) if labels is not None else [f"x{i + 1}" for i in range(p_arr.size)]
    if len(names) != p_arr.size:
        raise ValueError(f"labels has {len(names)} entries but p has {p_arr.size}; give one per outcome")
    idx = np.arange(p_arr.size)
    fig, (ax_pq, ax_terms) = new_figure(ncols=2, figsize=(9.0, 3.4))
    ax_pq.bar(idx - 0.2, p_arr, width=0.4, color=COLORS["p"], label="p")
    ax_pq.bar(idx + 0.2, q_arr, width=0.4, color=COLORS["q"], hatch="//", label="q")
    ax_pq.set_xticks(idx, names)
    style_axes(ax_pq, "outcome", "probability", "p and q")
    legend(ax_pq)

    terms = kl_terms(p_arr, q_arr)  # 0·ln(0/q) = 0 by convention
    colors = [COLORS["kl"] if t >= 0 else COLORS["extra"] for t in terms]
    ax_terms.bar(idx, terms, width=0.5, color=colors)
    ax_terms.axhline(0, color=COLORS["ink"], lw=0.8)
    ax_terms.set_xticks(idx, names)
    total = kl_divergence(p_arr, q_arr)
    style_axes(ax_terms, "outcome", "term p·ln(p/q) (nats)", f"Terms sum to {total:.4f} nats")
    return fig


def plot_jensen(p: ArrayLike, q: ArrayLike) -> Figure:
    """Gibbs' inequality via Jensen: the p-weighted mean of ln(q/p) lies below ln of the mean ratio.

    The points (q_i/p_i, ln(q_i/p_i)) sit on the concave curve ln t. Their p-weighted average
    sits below the curve, at t = Σ q_i = 1 where ln t = 0; so E_p[ln(q/p)] ≤ 0, i.e. D_KL ≥ 0.

    Examples
    --------
    >>> fig = plot_jensen([0.2, 0.5, 0.3], [0.3, 0.4, 0.3])
    >>> fig.axes[0].get_xlabel()
    'ratio t = q(x)/p(x)'
    """
    p_arr, q_arr = as_distribution(p, "p"), as_distribution(q, "q")
    same_shape(p_arr, q_arr)
    if np.any(q_arr[p_arr > 0] == 0):
        raise ValueError("q is 0 where p is positive: D_KL(p‖q) is infinite, there is no ratio to plot")
    pos = p_arr > 0
    ratio = q_arr[pos] / p_arr[pos]
    weights = p_arr[pos]
    fig, (ax,) = new_figure(figsize=(6.0, 3.6))
    t = np.linspace(min(0.2, ratio.min() * 0.8), max(2.0, ratio.max() * 1.2), 200)
    ax.plot(t, np.log(t), color=COLORS["ink"], lw=1.5, label="ln t (concave)")
    ax.scatter(ratio, np.log(ratio), s=300 * weights, color=COLORS["q"], zorder=3,
               label="outcomes (size ∝ p)")
    mean_t, mean_log = float(weights @ ratio), float(weights @ np.log(ratio))
    ax.plot([mean_t], [mean_log], "D", color=COLORS["kl"], ms=9, zorder=4,
            label=f"p-weighted mean of ln t = {mean_log:.4f}")
    ax.plot([1.0], [0.0], "o", mfc="white", mec=COLORS["ink"], ms=9, zorder=4,
            label="ln of mean ratio = ln 1 = 0")
    ax.axhline(0, color=COLORS["grey"], lw=0.8)
    style_axes(ax, "ratio t = q(x)/p(x)", "ln t (nats)", "Jensen: E[ln t] ≤ ln E[t] = 0")
    legend(ax, loc="lower right")
    return fig


def plot_binary_asymmetry(p1: float = 0.3, n: int = 199) -> Figure:
    """Both directions of KL between p = [p1, 1 − p1] and q_t = [t, 1 − t], over t in (0, 1).

    The curves meet at zero only at t = p1 and differ elsewhere; D_KL(p‖q_t) blows up at the ends,
    where q_t puts zero mass on an outcome that p can produce.

    Examples
    --------
    >>> fig = plot_binary_asymmetry(0.3)
    >>> fig.axes[0].get_ylabel()
    'divergence (nats)'
    """
    if not 0.0 < p1 < 1.0:
        raise ValueError(f"p1 must be strictly between 0 and 1, got {p1}")
    p = [p1, 1.0 - p1]
    ts = np.linspace(0.0, 1.0, n + 2)[1:-1]
    forward = np.array([kl_divergence(p, [t, 1.0 - t]) for t in ts])
    reverse = np.array([kl_divergence([t, 1.0 - t], p) for t in ts])
    fig, (ax,) = new_figure(figsize=(6.0, 3.6))
    ax.plot(ts, forward, color=COLORS["kl"], lw=2, label="D_KL(p‖q_t)")
    ax.plot(ts, reverse, color=COLORS["alt"], lw=2, ls="--", label="D_KL(q_t‖p)")
    ax.axvline(p1, color=COLORS["grey"], lw=0.8, ls=":")
    ax.set_ylim(0, 2.5)
    style_axes(ax, "t = q_t(first outcome)", "divergence (nats)", f"p = [{p1:g}, {1 - p1:g}]")
    legend(ax, loc="upper center")
    return fig
