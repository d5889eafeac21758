"""Static figures of ``05_forward_vs_reverse.ipynb``."""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
from matplotlib.axes import Axes
from matplotlib.figure import Figure
from matplotlib.lines import Line2D
from matplotlib.patches import Patch

from .._i18n import tr
from ..distributions import normal_pdf
from ..fitting import fit_normal_mle, normal_nll
from ..mixtures import (
    NormalMixture,
    ReverseKLFit,
    fit_reverse_kl,
    kl_mixture_normal,
    kl_normal_mixture,
    moment_match,
)
from ..plotting import COLORS, FONT_SIZE, describe, legend, new_figure, style_axes

__all__ = ["example_figures", "plot_misspecification", "plot_reverse_landscape"]

#: One colour *and* one line style per reverse fit, so the fits stay apart in grey print and for
#: colour-blind readers.
_FIT_STYLES = (("kl", "-"), ("extra", "-."), ("alt", ":"), ("sky", (0, (5, 1, 1, 1, 1, 1))))
#: Contour levels of D_KL(q‖p) in nats: fixed, so the colour bar reads as numbers.
_LANDSCAPE_LEVELS = np.arange(0.5, 4.01, 0.25)


def _fit_style(k: int) -> tuple[str, object]:
    color, ls = _FIT_STYLES[k % len(_FIT_STYLES)]
    return COLORS[color], ls


def _legend_above(ax: Axes, handles: Sequence[object], ncols: int) -> None:
    # Above the axes, outside the data: no curve can run over it (constrained layout makes room).
    legend(ax, handles, loc="lower center", bbox_to_anchor=(0.5, 1.0), ncols=ncols,
           borderaxespad=0.3)


def plot_reverse_landscape(p: NormalMixture, fits: Sequence[ReverseKLFit]) -> Figure:
    """Left: p, the forward fit and the reverse fits. Right: the reverse objective over (μ, σ)
    with each optimiser path from its start (○) to its end (●), and a colour bar in nats.

    Examples
    --------
    >>> p = NormalMixture.two_modes(6.0, 0.4)
    >>> fig = plot_reverse_landscape(p, [fit_reverse_kl(p, -3.0, 1.0)])
    >>> fig.axes[1].get_xlabel(), fig.axes[1].get_ylabel(), fig.axes[2].get_ylabel()
    ('mean of q, μ_q', 'std of q, σ_q', 'D_KL(q‖p) (nats)')
    """
    fig, (ax_d, ax_c) = new_figure(ncols=2, figsize=(11.0, 4.8))
    x = np.linspace(-7.0, 7.0, 400)
    dens = np.asarray(p.pdf(x))
    ax_d.plot(x, dens, color=COLORS["p"], lw=2.5)
    ax_d.fill_between(x, dens, color=COLORS["p"], alpha=0.2, lw=0)
    mu_f, sigma_f = moment_match(p)
    ax_d.plot(x, normal_pdf(x, mu_f, sigma_f), color=COLORS["q"], lw=2, ls="--")
    handles = [Patch(facecolor=COLORS["p"], alpha=0.5, edgecolor=COLORS["p"], label="p"),
               Line2D([], [], color=COLORS["q"], lw=2, ls="--", marker="*", ms=12, mec="white",
                      label="forward fit")]
    for k, fit in enumerate(fits):
        color, ls = _fit_style(k)
        ax_d.plot(x, normal_pdf(x, fit.mu, fit.sigma), color=color, lw=2, ls=ls)
        handles.append(Line2D([], [], color=color, lw=2, ls=ls, marker="o", mec="white", ms=8,
                              label=f"reverse fit {k + 1}"))
    ax_d.set_ylim(0.0, max(0.45, 1.1 * float(np.max(dens))))
    style_axes(ax_d, "x", "probability density")

    # 71 x 51 points: each costs an 801-point quadrature, and the landscape is smooth at this scale.
    mus = np.linspace(-5.0, 5.0, 71)
    sigmas = np.linspace(0.4, 4.0, 51)
    grid = np.asarray(kl_normal_mixture(mus[None, :], sigmas[:, None], p))
    filled = ax_c.contourf(mus, sigmas, grid, levels=_LANDSCAPE_LEVELS, cmap="Greys_r",
                           extend="both")
    for k, fit in enumerate(fits):
        color, ls = _fit_style(k)
        ax_c.plot(fit.path[:, 0], fit.path[:, 1], color=color, lw=2, ls=ls)
        ax_c.plot(*fit.path[0], "o", color=color, mfc="white", ms=7)
        ax_c.plot(fit.mu, fit.sigma, "o", color=color, ms=8, mec="white")
    ax_c.plot(mu_f, sigma_f, "*", color=COLORS["q"], ms=12, mec="white")
    style_axes(ax_c, "mean of q, μ_q", "std of q, σ_q")
    ax_c.grid(False)
    bar = fig.colorbar(filled, ax=ax_c, ticks=np.arange(0.5, 4.01, 0.5))
    bar.set_label("D_KL(q‖p) (nats)", fontsize=FONT_SIZE)
    bar.ax.tick_params(labelsize=FONT_SIZE)
    handles += [Line2D([], [], color=COLORS["ink"], ls="none", marker="o", mfc="white", ms=7,
                       label="optimiser start"),
                Line2D([], [], color=COLORS["ink"], ls="none", marker="o", ms=8, mec="white",
                       label="optimiser end")]
    fig.legend(handles=handles, loc="outside upper center", ncols=4, fontsize=FONT_SIZE,
               frameon=False, title="Left: the fits. Right: D_KL(q‖p) over (μ_q, σ_q), "
                                    "darker is lower, and each optimiser's path",
               title_fontsize=FONT_SIZE)
    ends = tr(", ").join(f"N({fit.mu:.2f}, {fit.sigma:.2f}²)" for fit in fits)
    return describe(fig, tr(
        "Left: the two-mode density p, its forward fit N({mu:.2f}, {sigma:.2f}²) covering "
        "both modes, and {n} reverse fits ending at {ends}. Right: D_KL(q‖p) over the "
        "mean and standard deviation of q (darker is lower) with each optimiser's path from its "
        "start to its end; separate valleys are separate local optima.",
        mu=mu_f, sigma=sigma_f, n=len(fits), ends=ends))


def plot_misspecification(p: NormalMixture, sizes: Sequence[int],
                          fits: Sequence[tuple[float, float]],
                          mean_nll: Sequence[float]) -> Figure:
    """Left: p, its KL projection q* and the normal MLE from the largest sample. Right: the
    average negative log-likelihood NLL/N at each MLE against the sample size, approaching
    H(p, q*) = H(p) + D_KL(p‖q*), which stays above H(p) by the gap D_KL(p‖q*) > 0.

    Parameters
    ----------
    p : NormalMixture
        The data distribution.
    sizes : sequence of int
        Sample sizes N.
    fits : sequence of (mu, sigma)
        The normal MLE from the sample of each size.
    mean_nll : sequence of float
        NLL/N of each fit on its own sample (the cross-entropy H(p̂_N, q_θ̂)), in nats.

    Examples
    --------
    >>> p = NormalMixture([0.3, 0.7], [-2.0, 1.5], [0.6, 1.0])
    >>> fig = plot_misspecification(p, [10, 100], [(0.5, 1.5), (0.4, 1.7)], [2.1, 2.0])
    >>> fig.axes[1].get_xscale(), fig.axes[1].get_ylabel()
    ('log', 'nats per observation')
    >>> from kl_helpers.plotting import alt_text
    >>> alt_text(fig).endswith("by D_KL(p‖q*) = 0.190 nats.")  # every number with its unit
    True
    """
    if not sizes or not len(sizes) == len(fits) == len(mean_nll):
        raise ValueError("sizes, fits and mean_nll must be non-empty and of the same length "
                         "(one fit and one NLL/N per sample size)")
    fig, (ax_d, ax_k) = new_figure(ncols=2, figsize=(11.0, 4.4))
    x = np.linspace(-5.0, 5.0, 400)
    dens = np.asarray(p.pdf(x))
    mu_star, sigma_star = moment_match(p)
    ax_d.plot(x, dens, color=COLORS["p"], lw=2.5)
    ax_d.fill_between(x, dens, color=COLORS["p"], alpha=0.2, lw=0)
    ax_d.plot(x, normal_pdf(x, mu_star, sigma_star), color=COLORS["q"], lw=2, ls="--")
    mu_n, sigma_n = fits[-1]
    ax_d.plot(x, normal_pdf(x, mu_n, sigma_n), color=COLORS["kl"], lw=1.5)
    ax_d.set_ylim(0.0, 1.1 * float(np.max(dens)))
    style_axes(ax_d, "x", "probability density")
    _legend_above(ax_d, [
        Patch(facecolor=COLORS["p"], alpha=0.5, edgecolor=COLORS["p"], label="p (data)"),
        Line2D([], [], color=COLORS["q"], lw=2, ls="--", label="projection q* (moments of p)"),
        Line2D([], [], color=COLORS["kl"], lw=1.5, label=f"normal MLE, N = {sizes[-1]:,}"),
    ], ncols=1)

    entropy = p.entropy()
    cross = entropy + float(kl_mixture_normal(p, mu_star, sigma_star))
    ax_k.plot(sizes, mean_nll, "o-", color=COLORS["kl"], lw=2)
    ax_k.axhline(cross, color=COLORS["q"], ls="--", lw=1.5)
    ax_k.axhline(entropy, color=COLORS["p"], ls=":", lw=2)
    ax_k.set_xscale("log")
    values = [*mean_nll, cross, entropy]
    pad = 0.1 * (max(values) - min(values))
    ax_k.set_ylim(min(values) - pad, max(values) + pad)
    style_axes(ax_k, "sample size N", "nats per observation")
    _legend_above(ax_k, [
        Line2D([], [], color=COLORS["kl"], lw=2, marker="o", label="NLL/N at the MLE"),
        Line2D([], [], color=COLORS["q"], lw=1.5, ls="--", label="H(p, q*) = H(p) + D_KL(p‖q*)"),
        Line2D([], [], color=COLORS["p"], lw=2, ls=":", label="H(p): out of the model's reach"),
    ], ncols=1)
    return describe(fig, tr(
        "Left: a two-mode p, its best normal approximation q* = N({mu:.2f}, "
        "{sigma:.2f}²) and the normal MLE from {n:,} points, close to q*. Right: the "
        "average negative log-likelihood at the MLE against N (log scale), approaching "
        "H(p, q*) = {cross:.3f} nats, which stays above H(p) = {entropy:.3f} nats by "
        "D_KL(p‖q*) = {gap:.3f} nats.",
        mu=mu_star, sigma=sigma_star, n=sizes[-1], cross=cross, entropy=entropy,
        gap=cross - entropy))


def example_figures() -> dict[str, Figure]:
    """One figure per ``plot_*`` function, built as ``05_forward_vs_reverse.ipynb`` builds it.

    The landscape uses the notebook's p and its three starts exactly. The misspecification figure
    uses the notebook's p2, sizes and seed (2024), with samples up to N = 10⁵ instead of 10⁶
    (faster; the same picture).
    """
    p = NormalMixture.two_modes(6.0, weight_left=0.4)
    fits = [fit_reverse_kl(p, mu0, sigma0) for mu0, sigma0 in [(-4.0, 0.6), (0.2, 3.5), (4.5, 2.0)]]
    p2 = NormalMixture([0.3, 0.7], [-2.0, 1.5], [0.6, 1.0])
    rng = np.random.default_rng(2024)
    sizes = [10, 100, 1_000, 10_000, 100_000]
    samples = [p2.sample(n, rng) for n in sizes]
    mle = [fit_normal_mle(s) for s in samples]
    nll = [float(normal_nll(m, sd, s)) for (m, sd), s in zip(mle, samples, strict=True)]
    return {
        "plot_reverse_landscape": plot_reverse_landscape(p, fits),
        "plot_misspecification": plot_misspecification(p2, sizes, mle, nll),
    }
