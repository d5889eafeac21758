"""Static figures of ``03_sample_approximation.ipynb``."""

from __future__ import annotations

from collections.abc import Mapping

import numpy as np
from matplotlib.figure import Figure
from numpy.typing import ArrayLike

from .._validate import as_sample, scalar
from ..plotting import COLORS, legend, new_figure, style_axes

__all__ = ["plot_estimator_comparison", "plot_theta_curves"]

_ESTIMATOR_STYLE = {"k1": (COLORS["kl"], "-"), "k2": (COLORS["alt"], "--"), "k3": (COLORS["extra"], ":")}


def plot_estimator_comparison(estimates: Mapping[str, ArrayLike], truth: float) -> Figure:
    """Histograms of replicated KL estimates, and each estimator's bias and spread.

    Parameters
    ----------
    estimates : mapping of str to array_like
        Estimator name (``"k1"``, ``"k2"``, ``"k3"``) to its replicated estimates, e.g. the output
        of :func:`kl_helpers.estimators.kl_estimates_normal`.
    truth : float
        The exact divergence (e.g. from :func:`kl_helpers.kl_normal_normal`).

    Examples
    --------
    >>> from kl_helpers.estimators import kl_estimates_normal
    >>> reps = kl_estimates_normal(0, 1, 1, 1, 10, 500, np.random.default_rng(0))
    >>> fig = plot_estimator_comparison(reps, 0.5)
    >>> [ax.get_xlabel() for ax in fig.axes]
    ['estimate of D_KL (nats)', 'estimator']
    """
    true_value = scalar(truth, "truth")
    unknown = set(estimates) - set(_ESTIMATOR_STYLE)
    if unknown:
        raise ValueError(f"estimates has unknown names {sorted(unknown)}; use k1, k2 or k3")
    arrays = {name: as_sample(values, f"estimates[{name!r}]") for name, values in estimates.items()}
    fig, (ax_h, ax_b) = new_figure(ncols=2, figsize=(9.5, 3.6))
    lo = min(float(np.quantile(a, 0.005)) for a in arrays.values())
    hi = max(float(np.quantile(a, 0.995)) for a in arrays.values())
    bins = np.linspace(lo, hi, 60)
    for name, values in arrays.items():
        color, style = _ESTIMATOR_STYLE[name]
        ax_h.hist(values, bins=bins, histtype="step", color=color, ls=style, lw=2, density=True,
                  label=name)
    ax_h.axvline(true_value, color=COLORS["ink"], lw=1.5, label=f"true {true_value:.3f}")
    ax_h.axvline(0.0, color=COLORS["grey"], lw=0.8)
    style_axes(ax_h, "estimate of D_KL (nats)", "density", "Where the estimates fall")
    legend(ax_h, loc="upper right")

    names = list(arrays)
    idx = np.arange(len(names))
    bias = np.array([arrays[n].mean() - true_value for n in names])
    spread = np.array([arrays[n].std(ddof=1) for n in names])
    se = spread / np.sqrt([arrays[n].size for n in names])
    ax_b.bar(idx - 0.2, bias, width=0.4, color=COLORS["q"], yerr=2 * se, capsize=4,
             label="bias ± 2 SE")
    ax_b.bar(idx + 0.2, spread, width=0.4, color=COLORS["sky"], hatch="//", label="std")
    ax_b.axhline(0.0, color=COLORS["ink"], lw=0.8)
    ax_b.set_xticks(idx, names)
    top = float(max(np.max(spread), np.max(bias + 2 * se)))
    ax_b.set_ylim(min(0.0, float(np.min(bias - 2 * se))) - 0.05 * top, 1.3 * top)
    style_axes(ax_b, "estimator", "nats", "Bias and spread")
    legend(ax_b, loc="upper center", ncols=2)
    return fig


def plot_theta_curves(theta: ArrayLike, cross_entropy_est: ArrayLike, kl_est: ArrayLike) -> Figure:
    """Sample estimates of H(p, q_θ) and D_KL(p‖q_θ) over a θ grid, from one and the same sample.

    The two curves differ by the sample mean of −ln p(x_i), which does not depend on θ: they are
    parallel and share their minimiser.

    Examples
    --------
    >>> t = np.linspace(-1, 1, 5)
    >>> fig = plot_theta_curves(t, t**2 + 1.4, t**2)
    >>> fig.axes[0].get_xlabel()
    'model mean θ'
    """
    th = as_sample(theta, "theta")
    ce = as_sample(cross_entropy_est, "cross_entropy_est")
    kl = as_sample(kl_est, "kl_est")
    if not th.size == ce.size == kl.size:
        raise ValueError(
            f"theta, cross_entropy_est and kl_est must have the same length, got {th.size}, "
            f"{ce.size} and {kl.size}"
        )
    fig, (ax,) = new_figure(figsize=(6.5, 3.6))
    ax.plot(th, ce, color=COLORS["alt"], lw=2, label="cross-entropy estimate")
    ax.plot(th, kl, color=COLORS["kl"], lw=2, ls="--", label="KL estimate (k1)")
    best = th[int(np.argmin(ce))]
    ax.axvline(best, color=COLORS["grey"], lw=1, ls=":")
    ax.axhline(0.0, color=COLORS["ink"], lw=0.8)
    top = float(max(np.max(ce), np.max(kl)))
    ax.set_ylim(min(0.0, float(np.min(kl))) - 0.1 * top, 1.35 * top)
    ax.text(best, 0.6 * top, f" argmin θ = {best:.2f} (both)", va="center", fontsize=9,
            color=COLORS["grey"], bbox={"facecolor": "white", "edgecolor": "none", "pad": 1})
    style_axes(ax, "model mean θ", "nats", "Same sample, both objectives")
    legend(ax, loc="upper center", ncols=2, fontsize=9)
    return fig
