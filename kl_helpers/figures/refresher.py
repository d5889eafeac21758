"""Static figures of ``00_refresher.ipynb``."""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
from matplotlib.figure import Figure
from numpy.typing import ArrayLike

from .._i18n import tr
from .._validate import as_distribution, as_sample, scalar
from ..distributions import normal_pdf
from ..estimators import running_mean_and_se
from ..expectation import discrete_expectation, jensen_gap_log, sample_mean_spread
from ..plotting import COLORS, describe, legend, new_figure, style_axes
from ..quadrature import trapezoid

__all__ = [
    "example_figures",
    "plot_densities_above_one",
    "plot_jensen_chords",
    "plot_log_rules",
    "plot_sample_mean",
]

#: The lesson's running discrete example: X = 1, 2, 4 with probabilities 1/2, 1/4, 1/4.
_X, _P = (1.0, 2.0, 4.0), (0.5, 0.25, 0.25)
_BELOW = {"loc": "upper center", "bbox_to_anchor": (0.5, -0.22)}


def plot_sample_mean(
    draws: ArrayLike, values: ArrayLike, p: ArrayLike, sizes: ArrayLike, spreads: ArrayLike
) -> Figure:
    """The mean of the first n draws settles on E[X]; its typical error shrinks like 1/√N.

    Left: the running mean of ``draws`` against n (log scale), the expectation E[X] and the band
    E[X] ± 2σ/√n. Right: the measured spread of the sample mean for each size in ``sizes``
    (``spreads``, e.g. from :func:`kl_helpers.expectation.sample_mean_spread`) against the line
    σ/√N, on log-log axes, where 1/√N is a straight line of slope −1/2.

    Examples
    --------
    >>> rng = np.random.default_rng(0)
    >>> draws = rng.choice([1.0, 2.0, 4.0], size=500, p=[0.5, 0.25, 0.25])
    >>> fig = plot_sample_mean(draws, [1.0, 2.0, 4.0], [0.5, 0.25, 0.25], [10, 100], [0.37, 0.037])
    >>> [ax.get_xlabel() for ax in fig.axes]
    ['number of draws n (log scale)', 'sample size N (log scale)']
    """
    x, probs = as_sample(values, "values"), as_distribution(p, "p")
    mean = discrete_expectation(x, probs)
    sd = float(np.sqrt(discrete_expectation((x - mean) ** 2, probs)))
    n, running, _ = running_mean_and_se(as_sample(draws, "draws"))
    ns, spread = as_sample(sizes, "sizes"), as_sample(spreads, "spreads")
    fig, (ax_run, ax_sd) = new_figure(ncols=2, figsize=(10.0, 4.4))
    ax_run.semilogx(n, running, color=COLORS["p"], lw=1.5, label="mean of the first n draws")
    ax_run.axhline(mean, color=COLORS["ink"], lw=1.2, label=f"E[X] = {mean:g}")
    ax_run.semilogx(n, mean + 2 * sd / np.sqrt(n), color=COLORS["grey"], lw=1.2, ls="--",
                    label="E[X] ± 2σ/√n")
    ax_run.semilogx(n, mean - 2 * sd / np.sqrt(n), color=COLORS["grey"], lw=1.2, ls="--")
    ax_run.set_ylim(mean - 2.5 * sd, mean + 2.5 * sd)
    style_axes(ax_run, "number of draws n (log scale)", "value of X", "The sample mean settles on E[X]")
    legend(ax_run, ncol=2, **_BELOW)

    grid = np.geomspace(ns.min() / 2, ns.max() * 2, 50)
    ax_sd.loglog(grid, sd / np.sqrt(grid), color=COLORS["ink"], lw=1.5, label="σ/√N (slope −1/2)")
    ax_sd.loglog(ns, spread, "o", color=COLORS["q"], ms=8, ls="none",
                 label="spread of the sample mean (measured)")
    style_axes(ax_sd, "sample size N (log scale)", "typical error (log scale)", "Error ∝ 1/√N")
    legend(ax_sd, ncol=1, **_BELOW)
    return describe(fig, tr(
        "Left: the mean of the first n of {n:,} draws against n (log scale), settling on "
        "E[X] = {mean:g} inside the band E[X] ± 2σ/√n. Right: the measured spread of the sample "
        "mean at N = {sizes} on log-log axes, on the line σ/√N of slope −1/2.",
        n=n[-1], mean=mean, sizes=", ".join(f"{v:g}" for v in ns)))


def plot_densities_above_one(sigma: float = 0.1, width: float = 0.5) -> Figure:
    """Two densities that exceed 1 although each encloses an area of exactly 1.

    Left: the normal density N(0, σ²); right: the uniform density on [0, width]. The level
    "density = 1" is drawn on both; the shaded areas (computed with the trapezoid rule) are 1.

    Examples
    --------
    >>> fig = plot_densities_above_one()
    >>> [ax.get_ylabel() for ax in fig.axes]
    ['probability density (1/unit of x)', 'probability density (1/unit of x)']
    """
    s = scalar(sigma, "sigma", positive=True, example="0.1")
    w = scalar(width, "width", positive=True, example="0.5")
    fig, (ax_n, ax_u) = new_figure(ncols=2, figsize=(10.0, 4.4))
    x = np.linspace(-5 * s, 5 * s, 1001)
    dens = normal_pdf(x, 0.0, s)
    ax_n.plot(x, dens, color=COLORS["p"], lw=2, label=f"N(0, {s:g}²): peak {dens.max():.2f}")
    ax_n.fill_between(x, dens, color=COLORS["p"], alpha=0.25, lw=0,
                      label=f"area = {trapezoid(dens, x):.3f}")
    ax_n.axhline(1.0, color=COLORS["grey"], lw=1.2, ls=":", label="density 1")
    ax_n.set_ylim(0.0, 1.15 * float(dens.max()))
    style_axes(ax_n, "x", "probability density (1/unit of x)", "Normal, σ = " + f"{s:g}")
    legend(ax_n, ncol=2, **_BELOW)

    xu = np.linspace(0.0, w, 201)
    height = np.full_like(xu, 1.0 / w)
    ax_u.plot(np.r_[-0.25 * w, 0.0, xu, w, 1.25 * w], np.r_[0.0, 0.0, height, 0.0, 0.0],
              color=COLORS["q"], lw=2, ls="--", label=f"Uniform(0, {w:g}): height {1 / w:g}")
    ax_u.fill_between(xu, height, color=COLORS["q"], alpha=0.25, lw=0,
                      label=f"area = {trapezoid(height, xu):.3f}")
    ax_u.axhline(1.0, color=COLORS["grey"], lw=1.2, ls=":", label="density 1")
    ax_u.set_ylim(0.0, max(1.15 / w, 1.3))
    style_axes(ax_u, "x", "probability density (1/unit of x)", f"Uniform on [0, {w:g}]")
    legend(ax_u, ncol=2, **_BELOW)
    return describe(fig, tr(
        "Left: the normal density N(0, {s:g}²), peaking at {peak:.2f}, above the level 1. "
        "Right: the uniform density on [0, {w:g}], of height {height:g}. Each shaded area is "
        "1: a density can exceed 1, only its integral is a probability.",
        s=s, peak=dens.max(), w=w, height=1 / w))


def plot_log_rules(a: float = 2.0) -> Figure:
    """Change of base, and the log of a sum.

    Left: ln t and log₂ t = ln t / ln 2 (the same curve stretched; both are 0 at t = 1). Right:
    ln(a + b) against ln a + ln b = ln(ab) as functions of b: they agree only where a + b = ab.

    Examples
    --------
    >>> fig = plot_log_rules(2.0)
    >>> [ax.get_xlabel() for ax in fig.axes]
    ['t', 'b']
    """
    a_val = scalar(a, "a", positive=True, example="2.0")
    if a_val <= 1.0:
        raise ValueError(
            f"a must be > 1 so that ln(a + b) = ln a + ln b somewhere (at b = a/(a - 1)), got {a_val}"
        )
    fig, (ax_b, ax_s) = new_figure(ncols=2, figsize=(10.0, 4.4))
    t = np.linspace(0.1, 8.0, 400)
    ax_b.plot(t, np.log(t), color=COLORS["p"], lw=2, label="ln t (nats)")
    ax_b.plot(t, np.log2(t), color=COLORS["q"], lw=2, ls="--", label="log₂ t = ln t / ln 2 (bits)")
    ax_b.axhline(0.0, color=COLORS["grey"], lw=0.8)
    ax_b.set_ylim(-3.8, 3.5)
    style_axes(ax_b, "t", "log t (nats or bits)", "Change of base rescales")
    legend(ax_b, ncol=1, **_BELOW)

    b = np.linspace(0.1, 6.0, 400)
    meet = a_val / (a_val - 1.0)
    ax_s.plot(b, np.log(a_val + b), color=COLORS["p"], lw=2, label=f"ln({a_val:g} + b)")
    ax_s.plot(b, np.log(a_val) + np.log(b), color=COLORS["q"], lw=2, ls="--",
              label=f"ln {a_val:g} + ln b = ln({a_val:g}b)")
    ax_s.plot([meet], [np.log(a_val + meet)], "o", color=COLORS["ink"], ms=8, ls="none",
              label=f"equal only at b = {meet:g}")
    ax_s.set_ylim(-1.8, 3.0)
    style_axes(ax_s, "b", "logarithm (nats)", "ln of a sum ≠ sum of lns")
    legend(ax_s, ncol=1, **_BELOW)
    return describe(fig, tr(
        "Left: ln t and log₂ t against t, the same curve stretched by 1/ln 2, both 0 at t = 1. "
        "Right: ln({a:g} + b) and ln {a:g} + ln b against b: two different curves that "
        "meet only at b = {meet:g}, so the log of a sum is not the sum of the logs.",
        a=a_val, meet=meet))


def plot_jensen_chords(
    values: Sequence[float] = (0.5, 3.5), p: Sequence[float] = (0.5, 0.5)
) -> Figure:
    """Jensen's inequality for a two-point X: the chord lies below a concave curve, above a convex one.

    Left: f = ln (concave). The points (x_i, ln x_i) are joined by a chord; at x = E[X] the chord
    is at E[ln X] (diamond), below ln E[X] on the curve (circle); the gap is
    :func:`kl_helpers.expectation.jensen_gap_log`. Right: f(x) = x² (convex): the chord is
    above, E[X²] ≥ (E[X])², and the gap is the variance.

    Examples
    --------
    >>> fig = plot_jensen_chords()
    >>> [ax.get_title() for ax in fig.axes]
    ['Concave ln: E[ln X] ≤ ln E[X]', 'Convex x²: E[X²] ≥ (E[X])²']
    """
    x = as_sample(values, "values")
    probs = as_distribution(p, "p")
    if x.size != 2 or probs.size != 2:
        raise ValueError("values and p must describe a two-point X, e.g. values=(0.5, 3.5), p=(0.5, 0.5)")
    if np.any(x <= 0):
        raise ValueError(f"values must be > 0 (ln x needs x > 0), got {x.tolist()}")
    mean = discrete_expectation(x, probs)
    mean_log = discrete_expectation(np.log(x), probs)
    mean_sq = discrete_expectation(x**2, probs)
    gaps = (jensen_gap_log(x, probs), mean_sq - mean**2)  # ln E[X] - E[ln X], and Var(X)
    fig, (ax_l, ax_q) = new_figure(ncols=2, figsize=(10.0, 4.8))
    grid = np.linspace(0.05, 1.15 * x.max(), 300)
    for ax, f, f_mean, f_of_mean, gap, name in (
        (ax_l, np.log, mean_log, float(np.log(mean)), gaps[0], "ln x"),
        (ax_q, np.square, mean_sq, mean**2, gaps[1], "x²"),
    ):
        ax.plot(grid, f(grid), color=COLORS["ink"], lw=1.5, label=f"f(x) = {name}")
        ax.plot(x, f(x), color=COLORS["kl"], lw=2, ls="--", marker="s", ms=8,
                label="chord")
        ax.plot([mean, mean], [f_mean, f_of_mean], color=COLORS["alt"], lw=3,
                label=f"gap = {gap:.3f}")
        ax.plot([mean], [f_mean], "D", color=COLORS["q"], ms=9, ls="none",
                label=f"E[f(X)] = {f_mean:.3f}")
        ax.plot([mean], [f_of_mean], "o", color=COLORS["p"], ms=9, ls="none",
                label=f"f(E[X]) = {f_of_mean:.3f}")
    ax_l.set_ylim(-3.2, 1.8)
    style_axes(ax_l, "x", "ln x (nats)", "Concave ln: E[ln X] ≤ ln E[X]")
    legend(ax_l, ncol=2, **_BELOW)
    ax_q.set_ylim(-1.0, 1.1 * float(x.max()) ** 2)
    style_axes(ax_q, "x", "x²", "Convex x²: E[X²] ≥ (E[X])²")
    legend(ax_q, ncol=2, **_BELOW)
    return describe(fig, tr(
        "A two-point X with values {x0:g} and {x1:g}. Left: the concave curve ln x and the "
        "chord between the two points; at E[X] = {mean:g} the chord is at E[ln X] = "
        "{mean_log:.3f}, below ln E[X] = {log_mean:.3f} (gap {gap:.3f}). Right: the "
        "convex x², where the chord lies above: E[X²] − (E[X])² = {variance:.3f}, the variance.",
        x0=x[0], x1=x[1], mean=mean, mean_log=mean_log, log_mean=np.log(mean), gap=gaps[0],
        variance=gaps[1]))


def example_figures() -> dict[str, Figure]:
    """Each public ``plot_*`` figure built with the lesson's own arguments.

    The sample-mean figure uses draws from a seeded generator (the lesson draws from its own
    ``rng``; the picture has the same shape).

    Examples
    --------
    >>> sorted(example_figures())
    ['plot_densities_above_one', 'plot_jensen_chords', 'plot_log_rules', 'plot_sample_mean']
    """
    rng = np.random.default_rng(0)
    draws = rng.choice(_X, size=5000, p=_P)
    sizes = np.array([10, 100, 1000, 10000])
    spreads = sample_mean_spread(_X, _P, sizes, 200, rng)
    return {
        "plot_sample_mean": plot_sample_mean(draws, _X, _P, sizes, spreads),
        "plot_densities_above_one": plot_densities_above_one(0.1, 0.5),
        "plot_log_rules": plot_log_rules(2.0),
        "plot_jensen_chords": plot_jensen_chords((0.5, 3.5), (0.5, 0.5)),
    }
