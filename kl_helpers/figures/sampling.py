"""Static figures of ``03_sample_approximation.ipynb``, and one small computation it needs."""

from __future__ import annotations

from collections.abc import Mapping

import numpy as np
from matplotlib.figure import Figure
from matplotlib.lines import Line2D
from numpy.typing import ArrayLike

from .._i18n import tr
from .._validate import as_sample, scalar
from ..distributions import normal_logpdf
from ..estimators import kl_estimates_normal
from ..plotting import COLORS, describe, legend, new_figure, style_axes

__all__ = ["example_figures", "plot_estimator_comparison", "plot_theta_curves"]

_MEAN_MARKER = {"k1": "o", "k2": "s", "k3": "^"}
_ESTIMATOR_STYLE = {"k1": (COLORS["kl"], "-"), "k2": (COLORS["alt"], "--"), "k3": (COLORS["extra"], ":")}


def plot_estimator_comparison(estimates: Mapping[str, ArrayLike], truth: float) -> Figure:
    """Histograms of replicated KL estimates with each estimator's mean, and its bias and spread.

    Each histogram carries a vertical line at its estimator's mean (same colour and line style),
    so an unbiased estimator's line sits on the true value even when its histogram peaks elsewhere
    (a right-skewed distribution has its mode below its mean).

    Parameters
    ----------
    estimates : mapping of str to array_like
        Estimator name (``"k1"``, ``"k2"``, ``"k3"``) to its replicated estimates, e.g. the output
        of :func:`kl_helpers.estimators.kl_estimates_normal`.
    truth : float
        The exact divergence (e.g. from :func:`kl_helpers.kl_normal_normal`).

    Examples
    --------
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
    fig, (ax_h, ax_b) = new_figure(ncols=2, figsize=(10.0, 4.8), width_ratios=(1.6, 1.0))
    lo = min(float(np.quantile(a, 0.005)) for a in arrays.values())
    hi = max(float(np.quantile(a, 0.995)) for a in arrays.values())
    bins = np.linspace(lo, hi, 60)
    handles = []
    for name, values in arrays.items():
        color, style = _ESTIMATOR_STYLE[name]
        ax_h.hist(values, bins=bins, histtype="step", color=color, ls=style, lw=1.5, density=True)
        handles.append(Line2D([], [], color=color, ls=style, lw=1.5, label=f"{name} estimates"))
    # Each mean as a short vertical line (solid, ending in its own marker) in its own band above
    # the histograms: the means of k1 and k3 both sit on the true value, and full-height lines
    # would hide one another.
    peak = max(np.histogram(a, bins=bins, density=True)[0].max() for a in arrays.values())
    ax_h.set_ylim(0.0, 1.6 * peak)
    for i, (name, values) in enumerate(arrays.items()):
        color, _ = _ESTIMATOR_STYLE[name]
        top = 0.97 - 0.1 * i
        mean = float(values.mean())
        (segment,) = ax_h.plot([mean, mean], [top - 0.09, top], color=color, lw=3,
                               marker=_MEAN_MARKER[name], markevery=[1], ms=8, zorder=4,
                               transform=ax_h.get_xaxis_transform(),
                               label=f"mean of {name}: {mean:.3f}")
        handles.append(segment)
    handles.append(ax_h.axvline(true_value, color=COLORS["ink"], lw=1.0, zorder=1,
                                label=f"true D_KL: {true_value:.3f}"))
    ax_h.axvline(0.0, color=COLORS["grey"], lw=0.8)
    style_axes(ax_h, "estimate of D_KL (nats)", "density", "Where the estimates fall")
    # Legends below the axes: never over a histogram.
    legend(ax_h, handles, loc="upper center", bbox_to_anchor=(0.5, -0.2), ncols=2)

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
    ax_b.set_ylim(min(0.0, float(np.min(bias - 2 * se))) - 0.05 * top, 1.1 * top)
    style_axes(ax_b, "estimator", "nats", "Bias and spread")
    legend(ax_b, loc="upper center", bbox_to_anchor=(0.5, -0.2), ncols=1)
    summary = tr("; ").join(
        tr("{name}: mean {mean:.3f}, std {std:.3f}", name=n, mean=arrays[n].mean(), std=s)
        for n, s in zip(names, spread, strict=True))
    return describe(fig, tr(
        "Left: histograms of {count:,} repeated estimates of D_KL by {names}, each mean marked, "
        "against the true value {truth:.3f} nats. Right: bias (with ±2 standard errors) and spread "
        "of each estimator. {summary}.",
        count=len(next(iter(arrays.values()))), names=", ".join(names), truth=true_value,
        summary=summary))


def plot_theta_curves(theta: ArrayLike, cross_entropy_est: ArrayLike, kl_est: ArrayLike) -> Figure:
    """Sample estimates of H(p, q_θ) and D_KL(p‖q_θ) over a θ grid, from one and the same sample.

    The two curves differ by the sample mean of −ln p(x_i), which does not depend on θ: they are
    parallel and share their minimiser, marked by a dotted vertical line named in the legend.

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
    fig, (ax,) = new_figure(figsize=(6.5, 4.4))
    ax.plot(th, ce, color=COLORS["alt"], lw=2, label="cross-entropy estimate")
    ax.plot(th, kl, color=COLORS["kl"], lw=2, ls="--", label="KL estimate (k1)")
    best = th[int(np.argmin(ce))]
    ax.axvline(best, color=COLORS["grey"], lw=1.2, ls=":", label=f"argmin of both: θ = {best:.2f}")
    ax.axhline(0.0, color=COLORS["ink"], lw=0.8)
    top = float(max(np.max(ce), np.max(kl)))
    ax.set_ylim(min(0.0, float(np.min(kl))) - 0.05 * top, 1.05 * top)
    style_axes(ax, "model mean θ", "nats", "Same sample, both objectives")
    legend(ax, loc="upper center", bbox_to_anchor=(0.5, -0.2), ncols=2)
    return describe(fig, tr(
        "From one sample: the cross-entropy estimate and the k1 KL estimate against the model "
        "mean θ from {first:g} to {last:g}. The two curves are the same shape shifted by a "
        "constant, and both are lowest at θ = {best:.2f}.", first=th[0], last=th[-1], best=best))


def example_figures() -> dict[str, Figure]:
    """One figure per ``plot_*`` function, built as the notebook builds it (for legibility tests).

    The notebook draws both from one generator shared by the whole lesson, so the exact draws are
    not recreated here: the estimator comparison uses the notebook's model (q = N(1, 1)), N = 10
    and 20 000 replications from its own seed, and the θ curves use the notebook's grid and a
    fresh sample of 200 points from p = N(0, 1) (representative data, same shapes and ranges).
    """
    rng = np.random.default_rng(2024)
    reps = kl_estimates_normal(0.0, 1.0, 1.0, 1.0, n=10, replications=20_000, rng=rng)
    data = rng.normal(0.0, 1.0, size=200)
    thetas = np.linspace(-2.0, 2.0, 81)
    log_q = normal_logpdf(data[None, :], thetas[:, None], 1.0)
    ce = -log_q.mean(axis=1)
    kl = (normal_logpdf(data, 0.0, 1.0)[None, :] - log_q).mean(axis=1)
    return {
        "plot_estimator_comparison": plot_estimator_comparison(reps, 0.5),
        "plot_theta_curves": plot_theta_curves(thetas, ce, kl),
    }
