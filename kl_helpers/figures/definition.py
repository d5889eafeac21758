"""Static figures of ``01_definition.ipynb``."""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
from matplotlib.figure import Figure
from numpy.typing import ArrayLike

from .._i18n import tr
from .._validate import as_distribution, same_shape
from ..divergence import kl_divergence, kl_terms
from ..plotting import COLORS, describe, legend, new_figure, numbers, style_axes

__all__ = ["example_figures", "plot_binary_asymmetry", "plot_discrete_pair", "plot_jensen"]


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
    return describe(fig, tr(
        "Left: bars of p = {p} and q = {q} for each outcome. Right: each "
        "outcome's term p·ln(p/q), {terms} nats, negative where q exceeds p; the terms sum "
        "to D_KL(p‖q) = {total:.4f} nats.",
        p=numbers(p_arr), q=numbers(q_arr), terms=numbers(terms, 3), total=total))


def plot_jensen(p: ArrayLike, q: ArrayLike) -> Figure:
    """Gibbs' inequality twice: Jensen (mean of ln t below ln of the mean) and ln t ≤ t − 1.

    The points (q_i/p_i, ln(q_i/p_i)) sit on the concave curve ln t, which lies below its tangent
    t − 1 at t = 1. Their p-weighted mean (diamond) has t = Σ q_i = 1 and height E_p[ln(q/p)] =
    −D_KL(p‖q); it sits below ln 1 = 0 (ring), and the gap between them is D_KL(p‖q). The ring is
    hollow and drawn on top, so an outcome with q = p (t = 1) stays visible inside it.

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
    fig, (ax,) = new_figure(figsize=(8.4, 3.8))
    t = np.linspace(min(0.2, ratio.min() * 0.8), max(2.0, ratio.max() * 1.2), 200)
    ax.plot(t, np.log(t), color=COLORS["ink"], lw=1.5, label="ln t (concave)")
    ax.plot(t, t - 1.0, color=COLORS["grey"], lw=1.2, ls="--", label="t − 1 (tangent at t = 1)")
    ax.scatter(ratio, np.log(ratio), s=300 * weights, color=COLORS["q"], zorder=3,
               label="outcomes (size ∝ p)")
    mean_t, mean_log = float(weights @ ratio), float(weights @ np.log(ratio))
    ax.plot([mean_t, mean_t], [mean_log, 0.0], color=COLORS["kl"], lw=2, ls=":", zorder=2,
            label=f"gap = D_KL(p‖q) = {-mean_log:.4f}")
    ax.plot([mean_t], [mean_log], "D", color=COLORS["kl"], ms=9, zorder=4,
            label=f"p-weighted mean of ln t = {mean_log:.4f}")
    ax.plot([1.0], [0.0], "o", mfc="none", mec=COLORS["ink"], mew=2, ms=18, zorder=5,
            label="ln of mean ratio = ln 1 = 0 (ring)")
    ax.axhline(0, color=COLORS["grey"], lw=0.8)
    lo = min(float(np.log(t[0])), mean_log) - 0.3
    ax.set_ylim(lo, float(t[-1] - 1.0) + 0.3)
    style_axes(ax, "ratio t = q(x)/p(x)", "ln t (nats)", "E[ln t] ≤ ln E[t] = 0, and ln t ≤ t − 1")
    # Legend in the right margin: no point or curve can run under it.
    legend(ax, loc="upper left", bbox_to_anchor=(1.01, 1.0), borderaxespad=0.0)
    return describe(fig, tr(
        "The concave curve ln t and its tangent t − 1, with one dot per outcome at the ratio "
        "t = q/p (dot size proportional to p). The p-weighted mean of ln t, {mean:.4f}, lies "
        "below ln of the mean ratio, 0; the gap is D_KL(p‖q) = {gap:.4f} nats.",
        mean=mean_log, gap=-mean_log))


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
    return describe(fig, tr(
        "Both KL directions between p = [{p1:g}, {p2:g}] and q_t = [t, 1 − t] as t runs "
        "over (0, 1): two different U-shaped curves, both 0 at t = {p1:g}; D_KL(q_t‖p) stays "
        "finite at the ends, D_KL(p‖q_t) grows without bound.",
        p1=p1, p2=1 - p1))


def example_figures() -> dict[str, Figure]:
    """Each public ``plot_*`` figure built with exactly the notebook's arguments (no randomness).

    Examples
    --------
    >>> sorted(example_figures())
    ['plot_binary_asymmetry', 'plot_discrete_pair', 'plot_jensen']
    """
    return {
        "plot_discrete_pair": plot_discrete_pair([0.2, 0.5, 0.3], [0.3, 0.4, 0.3]),
        "plot_jensen": plot_jensen([0.6, 0.3, 0.1], [0.2, 0.3, 0.5]),
        "plot_binary_asymmetry": plot_binary_asymmetry(0.3),
    }
