"""Static figures of ``07_how_big_is_kl.ipynb``: evidence, codes as areas, logarithms, mutual information.

:func:`plot_code_areas` is written to be reused by any lesson that draws the coding picture
(``01_definition.ipynb`` can call ``kh.figures.how_big.plot_code_areas(p, q, labels)``).
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
from matplotlib.figure import Figure
from matplotlib.patches import Patch
from numpy.typing import ArrayLike

from .._i18n import tr
from .._validate import as_distribution, as_real_array, log_base, same_shape, scalar
from ..divergence import cross_entropy, kl_divergence
from ..evidence import (
    SPRTResult,
    bernoulli_log_ratio,
    sprt,
    stein_log_beta_bernoulli,
    wald_expected_samples,
    wald_thresholds,
)
from ..guessing import distributions_at_kl
from ..information import mutual_information
from ..plotting import COLORS, FONT_SIZE, describe, legend, new_figure, numbers, style_axes

__all__ = [
    "example_figures",
    "plot_code_areas",
    "plot_evidence_paths",
    "plot_kl_gallery",
    "plot_log_additivity",
    "plot_mutual_information",
    "plot_sprt",
    "plot_stein",
]

_UNIT = {2.0: "bits", float(np.e): "nats"}


def _labels(labels: Sequence[str] | None, size: int) -> list[str]:
    names = list(labels) if labels is not None else [f"x{i + 1}" for i in range(size)]
    if len(names) != size:
        raise ValueError(f"labels has {len(names)} entries but there are {size} outcomes; "
                         "give one per outcome")
    return names


def plot_code_areas(
    p: ArrayLike, q: ArrayLike, labels: Sequence[str] | None = None, base: float = 2
) -> Figure:
    """Codes as areas: each word a rectangle, width its probability, height its code length.

    Four panels, one per (distribution the words come from, code used): the area of a panel is
    the average code length. With p's words, p's code has area H(p) and q's code H(p, q); the
    extra area is D_KL(p‖q). With q's words the roles swap, and the extra area is D_KL(q‖p),
    a different number (the asymmetry). In the mismatched panels a dashed outline shows the
    lengths of the words' own code, so the area between outline and bars is the divergence.

    Code lengths are the ideal ``-log_base q(x)`` (whole numbers for the powers of two used in
    the lessons, as in a real prefix code).

    Parameters
    ----------
    p, q : array_like
        Two distributions on the same words, both positive everywhere (a zero would need an
        infinitely long code).
    labels : sequence of str, optional
        The words (outcome names).
    base : float, default 2
        Logarithm base of the lengths: 2 gives bits.

    Returns
    -------
    matplotlib.figure.Figure

    References
    ----------
    C. Olah, "Visual Information Theory" (2015), https://colah.github.io/posts/2015-09-Visual-Information/

    Examples
    --------
    >>> fig = plot_code_areas([1/2, 1/4, 1/8, 1/8], [1/8, 1/2, 1/4, 1/8], ["dog", "cat", "fish", "bird"])
    >>> [ax.get_title() for ax in fig.axes][:2]
    ["p's words, p's code: H(p) = 1.75 bits", "p's words, q's code: H(p, q) = 2.38 bits"]
    """
    p_arr, q_arr = as_distribution(p, "p"), as_distribution(q, "q")
    same_shape(p_arr, q_arr)
    if np.any(p_arr == 0) or np.any(q_arr == 0):
        raise ValueError("p and q must be positive on every word: a word of probability 0 has no finite code")
    ln_b = log_base(base)
    unit = _UNIT.get(float(base), f"base-{base:g} digits")
    names = _labels(labels, p_arr.size)
    dists = {"p": p_arr, "q": q_arr}
    lengths = {k: -np.log(v) / ln_b for k, v in dists.items()}
    top = float(max(lengths["p"].max(), lengths["q"].max())) * 1.25
    fig, axes = new_figure(ncols=2, nrows=2, figsize=(10.0, 6.6))
    styles = {"p": (COLORS["p"], ""), "q": (COLORS["q"], "//")}
    for row, words in enumerate(("p", "q")):
        for col, code in enumerate(("p", "q")):
            ax = axes[2 * row + col]
            widths = dists[words]
            left = np.concatenate(([0.0], np.cumsum(widths)[:-1]))
            color, hatch = styles[code]
            ax.bar(left, lengths[code], width=widths, align="edge", color=color, alpha=0.55,
                   hatch=hatch, edgecolor=COLORS["ink"], lw=1.0)
            if words != code:
                edges = np.concatenate((left, [1.0]))
                own = np.concatenate((lengths[words], lengths[words][-1:]))
                ax.step(edges, own, where="post", color=COLORS["ink"], lw=2.0, ls="--")
            area = cross_entropy(widths, dists[code], base)
            name = f"H({words})" if words == code else f"H({words}, {code})"
            ax.set_xlim(0.0, 1.0)
            ax.set_ylim(0.0, top)
            ax.set_xticks(left + widths / 2, names)
            style_axes(ax, f"share of {words}'s words" if row == 1 else "",
                       f"code length ({unit})" if col == 0 else "",
                       f"{words}'s words, {code}'s code: {name} = {area:.2f} {unit}")
    handles = [Patch(facecolor=COLORS["p"], alpha=0.55, edgecolor=COLORS["ink"], label="code built for p"),
               Patch(facecolor=COLORS["q"], alpha=0.55, hatch="//", edgecolor=COLORS["ink"],
                     label="code built for q"),
               axes[1].lines[0]]
    axes[1].lines[0].set_label("the words' own code")
    d_pq, d_qp = kl_divergence(p_arr, q_arr, base), kl_divergence(q_arr, p_arr, base)
    fig.legend(handles=handles, loc="outside lower center", ncols=3, fontsize=FONT_SIZE, frameon=False)
    fig.suptitle(f"Extra area = KL:  D_KL(p‖q) = {d_pq:.3f} {unit},  D_KL(q‖p) = {d_qp:.3f} {unit}",
                 fontsize=FONT_SIZE + 1)
    areas = {(w, c): cross_entropy(dists[w], dists[c], base) for w in "pq" for c in "pq"}
    return describe(fig, tr(
        "Four panels of rectangles, one per word ({words}): width = how often the word is sent, "
        "height = its code length in {unit}, so each panel's area is the average length. p's words: "
        "{pp:.2f} {unit} with p's code, {pq:.2f} with q's code, extra D_KL(p‖q) = {d_pq:.3f}. "
        "q's words: {qq:.2f} with q's code, {qp:.2f} with p's code, extra D_KL(q‖p) = {d_qp:.3f}.",
        words=tr(", ").join(names), unit=tr(unit), pp=areas["p", "p"], pq=areas["p", "q"],
        qq=areas["q", "q"], qp=areas["q", "p"], d_pq=d_pq, d_qp=d_qp))


def _coin_kls(theta_p: float, theta_q: float) -> tuple[float, float]:
    p, q = [1 - theta_p, theta_p], [1 - theta_q, theta_q]
    return kl_divergence(p, q), kl_divergence(q, p)


def plot_evidence_paths(theta_p: float, theta_q: float, flips: ArrayLike) -> Figure:
    """Evidence piles up at D_KL(p‖q) per sample: running sums of ln p(x)/q(x) for flips from p.

    Thin lines: one run each; thick line: their average; dashed: N·D_KL(p‖q).

    Parameters
    ----------
    theta_p, theta_q : float
        Heads probabilities of the two coins.
    flips : array_like of 0/1, shape (runs, steps)
        Coin flips drawn from ``p``, one row per run.

    Examples
    --------
    >>> flips = np.random.default_rng(0).random((20, 100)) < 0.5
    >>> plot_evidence_paths(0.5, 0.8, flips).axes[0].get_ylabel()
    'evidence Σ ln p/q (nats)'
    """
    sums = np.cumsum(bernoulli_log_ratio(flips, theta_p, theta_q), axis=1)
    if sums.ndim != 2:
        raise ValueError(f"flips must be 2-D (runs, steps), got shape {sums.shape}")
    d_pq, _ = _coin_kls(theta_p, theta_q)
    fig, (ax,) = new_figure(figsize=(7.0, 4.6))
    steps = np.arange(1, sums.shape[1] + 1)
    for run in sums:
        ax.plot(steps, run, color=COLORS["sky"], lw=0.8, alpha=0.6)
    ax.plot([], [], color=COLORS["sky"], lw=0.8, label="one run of flips from p")
    ax.plot(steps, sums.mean(axis=0), color=COLORS["p"], lw=2.5, label="average of the runs")
    ax.plot(steps, steps * d_pq, color=COLORS["ink"], lw=1.5, ls="--",
            label=f"N·D_KL(p‖q), slope {d_pq:.3f} nats")
    ax.axhline(0.0, color=COLORS["grey"], lw=0.8)
    style_axes(ax, "number of flips N", "evidence Σ ln p/q (nats)", "Evidence grows like N·D_KL(p‖q)")
    legend(ax, loc="upper center", bbox_to_anchor=(0.5, -0.2), ncols=2)
    return describe(fig, tr(
        "Running sums of the log-likelihood ratio ln p/q over {flips} flips of a coin with heads "
        "probability {theta_p:g} (p) against one with {theta_q:g} (q), for {runs} runs: the runs "
        "wander but climb, and their average ({final:.1f} nats after {flips} flips) follows the "
        "line N·D_KL(p‖q) with slope {d_pq:.3f} nats per flip.",
        flips=sums.shape[1], theta_p=theta_p, theta_q=theta_q, runs=sums.shape[0],
        final=sums.mean(axis=0)[-1], d_pq=d_pq))


def plot_stein(theta_p: float, theta_q: float, n: ArrayLike, epsilon: float = 0.05) -> Figure:
    """The Chernoff–Stein exponent: (1/N) ln β_N of the count test approaches −D_KL(p‖q).

    β_N is the probability of accepting ``p`` when the flips come from ``q`` (the test rejects
    ``p`` wrongly at most ``epsilon``). The same test with the roles of the coins swapped
    approaches −D_KL(q‖p): each error has its own direction of the divergence.

    Parameters
    ----------
    theta_p, theta_q : float
        Heads probabilities of the two coins.
    n : array_like of int
        Sample sizes N.
    epsilon : float, default 0.05

    Examples
    --------
    >>> plot_stein(0.5, 0.8, [10, 100, 1000]).axes[0].get_xlabel()
    'number of flips N (log scale)'
    """
    sizes = as_real_array(n, "n")
    d_pq, d_qp = _coin_kls(theta_p, theta_q)
    fig, (ax,) = new_figure(figsize=(7.0, 4.8))
    rates = []
    for (a, b, d, color, style, marker, name, error) in (
        (theta_p, theta_q, d_pq, COLORS["p"], "-", "o", "p‖q", "accept p, data from q"),
        (theta_q, theta_p, d_qp, COLORS["q"], ":", "s", "q‖p", "accept q, data from p"),
    ):
        rate = stein_log_beta_bernoulli(a, b, sizes, epsilon) / sizes
        rates.append(rate)
        ax.plot(sizes, rate, color=color, ls=style, marker=marker, ms=5, lw=1.5,
                label=f"β_N = P({error})")
        ax.axhline(-d, color=color, lw=1.2, ls="--", label=f"−D_KL({name}) = {-d:.3f}")
    ax.set_xscale("log")
    ax.minorticks_off()  # minor tick labels cost most of the drawing time and say little here
    style_axes(ax, "number of flips N (log scale)", "(1/N) ln β_N (nats)", "Stein: the exponent is −D_KL")
    legend(ax, loc="upper center", bbox_to_anchor=(0.5, -0.2), ncols=2)
    return describe(fig, tr(
        "(1/N) ln β_N against N from {low:g} to {high:g} (log scale) for the count test at level "
        "{epsilon:g}: accepting p wrongly approaches −D_KL(p‖q) = {limit_pq:.3f}, reaching "
        "{end_pq:.3f}; with the roles swapped it approaches −D_KL(q‖p) = {limit_qp:.3f}, reaching "
        "{end_qp:.3f}. Both start far above their limits at small N.",
        low=sizes.min(), high=sizes.max(), epsilon=epsilon, limit_pq=-d_pq, end_pq=rates[0][-1],
        limit_qp=-d_qp, end_qp=rates[1][-1]))


def plot_sprt(log_ratios: ArrayLike, result: SPRTResult, thresholds: tuple[float, float],
              wald: float, shown: int = 12) -> Figure:
    """Wald's sequential test: evidence paths stopping at a threshold, and how many samples they took.

    Left: the first ``shown`` runs' running sums of ln p/q, each ending where it crossed a
    threshold (dot). Right: histogram of the number of samples used, with its mean and Wald's
    approximation (which ignores the overshoot past the threshold, so it sits a little left).

    Parameters
    ----------
    log_ratios : array_like, shape (runs, steps)
        Per-sample log-likelihood ratios, as given to :func:`kl_helpers.sprt`.
    result : SPRTResult
        What :func:`kl_helpers.sprt` returned for them.
    thresholds : tuple of float
        ``(lower, upper)`` from :func:`kl_helpers.wald_thresholds`.
    wald : float
        Wald's approximate mean, :func:`kl_helpers.wald_expected_samples`.
    shown : int, default 12

    Examples
    --------
    >>> from kl_helpers.evidence import sprt, wald_thresholds
    >>> steps = bernoulli_log_ratio(np.random.default_rng(0).random((50, 200)) < 0.5, 0.5, 0.8)
    >>> fig = plot_sprt(steps, sprt(steps, 0.01, 0.01), wald_thresholds(0.01, 0.01), 20.2)
    >>> fig.axes[1].get_xlabel()
    'samples used N'
    """
    steps = as_real_array(log_ratios, "log_ratios")
    lower, upper = thresholds
    fig, (ax_p, ax_h) = new_figure(ncols=2, figsize=(10.0, 4.6))
    for i in range(min(shown, steps.shape[0])):
        stop = int(result.n_used[i])
        path = np.concatenate(([0.0], np.cumsum(steps[i, :stop])))
        color = COLORS["p"] if result.chose_p[i] else COLORS["q"]
        ax_p.plot(np.arange(stop + 1), path, color=color, lw=1.0, alpha=0.8)
        ax_p.plot([stop], [path[-1]], "o" if result.chose_p[i] else "s", color=color, ms=5)
    ax_p.axhline(upper, color=COLORS["ink"], lw=1.5, ls="--", label=f"choose p at {upper:.2f}")
    ax_p.axhline(lower, color=COLORS["grey"], lw=1.5, ls=":", label=f"choose q at {lower:.2f}")
    ax_p.set_ylim(lower - 2.0, upper + 2.0)
    style_axes(ax_p, "samples n", "evidence Σ ln p/q (nats)", "Each run stops at a threshold")
    legend(ax_p, loc="upper center", bbox_to_anchor=(0.5, -0.2), ncols=2)
    n_used = result.n_used
    ax_h.hist(n_used, bins=np.arange(0.5, np.percentile(n_used, 99.5) + 1.5), color=COLORS["sky"],
              histtype="stepfilled")
    ax_h.axvline(float(n_used.mean()), color=COLORS["p"], lw=2.0, label=f"mean {n_used.mean():.1f}")
    ax_h.axvline(wald, color=COLORS["ink"], lw=1.5, ls="--", label=f"Wald {wald:.1f}")
    style_axes(ax_h, "samples used N", "runs", "How many samples a run needed")
    legend(ax_h, loc="upper center", bbox_to_anchor=(0.5, -0.2), ncols=2)
    chose_q = 1 - float(result.chose_p.mean())
    return describe(fig, tr(
        "Left: {shown} runs of summed evidence ln p/q, each stopping at the first crossing of "
        "{upper:.2f} (choose p) or {lower:.2f} (choose q). Right: histogram of the samples used by "
        "{runs:,} runs: mean {mean:.1f}, Wald's approximation {wald:.1f}; {chose_q:.2%} of the runs "
        "chose q.",
        shown=min(shown, steps.shape[0]), upper=upper, lower=lower, runs=n_used.size,
        mean=n_used.mean(), wald=wald, chose_q=chose_q))


def plot_log_additivity(a: float, b: float) -> Figure:
    """Why a logarithm: the surprise of two independent events adds up; the base only sets the unit.

    Left: -log2 of the probabilities a, b and a·b as bars, the last stacked from the first two.
    Right: the same three surprises in bits, nats and bans (base 10): each base rescales every
    bar by the same factor.

    Examples
    --------
    >>> fig = plot_log_additivity(0.5, 0.25)
    >>> fig.axes[0].get_ylabel()
    'surprise −log₂ P (bits)'
    """
    pa = scalar(a, "a", positive=True)
    pb = scalar(b, "b", positive=True)
    if pa > 1 or pb > 1:
        raise ValueError("a and b are probabilities: each must be in (0, 1]")
    fig, (ax_l, ax_r) = new_figure(ncols=2, figsize=(10.0, 4.2), width_ratios=(1.0, 1.3))
    sa, sb = -np.log2(pa), -np.log2(pb)
    ax_l.bar([0], [sa], color=COLORS["p"], label=f"event A, P = {pa:g}")
    ax_l.bar([1], [sb], color=COLORS["q"], hatch="//", label=f"event B, P = {pb:g}")
    ax_l.bar([2], [sa], color=COLORS["p"])
    ax_l.bar([2], [sb], bottom=[sa], color=COLORS["q"], hatch="//")
    ax_l.set_xticks([0, 1, 2], ["A", "B", "A and B"])
    ax_l.set_ylim(0, 1.2 * (sa + sb))
    style_axes(ax_l, "event", "surprise −log₂ P (bits)", f"P(A and B) = {pa * pb:g}: surprises add")
    legend(ax_l, loc="upper center", bbox_to_anchor=(0.5, -0.2), ncols=1)
    bases = (("bits (base 2)", 2.0, ""), ("nats (base e)", np.e, ".."), ("bans (base 10)", 10.0, "xx"))
    idx = np.arange(3)
    for i, (name, base, hatch) in enumerate(bases):
        values = -np.log([pa, pb, pa * pb]) / np.log(base)
        ax_r.bar(idx + (i - 1) * 0.27, values, width=0.27, hatch=hatch, edgecolor=COLORS["ink"],
                 color=(COLORS["kl"], COLORS["alt"], COLORS["extra"])[i], label=name)
    ax_r.set_xticks(idx, ["A", "B", "A and B"])
    ax_r.set_ylim(0, 1.2 * (sa + sb))
    style_axes(ax_r, "event", "surprise −log P", "Three bases, one shape")
    legend(ax_r, loc="upper center", bbox_to_anchor=(0.5, -0.2), ncols=3)
    return describe(fig, tr(
        "Left: surprises in bits of event A (P = {pa:g}, {sa:.2f} bits), event B (P = {pb:g}, "
        "{sb:.2f} bits) and both together (P = {pab:g}), whose bar is the two stacked: {sab:.2f} "
        "bits. Right: the same three surprises in bits, nats and bans; each base scales all bars "
        "by one factor.",
        pa=pa, sa=sa, pb=pb, sb=sb, pab=pa * pb, sab=sa + sb))


def plot_mutual_information(joint: ArrayLike, x_labels: Sequence[str] | None = None,
                            y_labels: Sequence[str] | None = None) -> Figure:
    """The joint table p(x, y) beside the product of its marginals p(x)p(y); their KL is I(X; Y).

    Each cell is shaded (a sequential, colour-blind-safe map) and carries its number, so the
    shading is never the only cue.

    Examples
    --------
    >>> fig = plot_mutual_information([[0.4, 0.1], [0.1, 0.4]])
    >>> fig.axes[0].get_title(), fig.axes[1].get_title()
    ('joint p(x, y)', 'product p(x)·p(y)')
    """
    table = as_real_array(joint, "joint")
    info = mutual_information(table)  # also validates the table
    product = np.outer(table.sum(axis=1), table.sum(axis=0))
    xs, ys = _labels(x_labels, table.shape[0]), _labels(y_labels, table.shape[1])
    fig, axes = new_figure(ncols=2, figsize=(8.4, 4.2))
    vmax = float(max(table.max(), product.max()))
    for ax, values, title in ((axes[0], table, "joint p(x, y)"), (axes[1], product, "product p(x)·p(y)")):
        ax.imshow(values, cmap="cividis", vmin=0.0, vmax=vmax)
        for (i, j), v in np.ndenumerate(values):
            ax.text(j, i, f"{v:.3f}", ha="center", va="center", fontsize=FONT_SIZE + 1,
                    color=COLORS["ink"], bbox={"facecolor": "white", "edgecolor": "none", "pad": 2})
        ax.set_xticks(range(len(ys)), ys)
        ax.set_yticks(range(len(xs)), xs)
        ax.set_xlabel("y", fontsize=FONT_SIZE)
        ax.set_ylabel("x", fontsize=FONT_SIZE)
        ax.tick_params(labelsize=FONT_SIZE)
        ax.set_title(title, fontsize=FONT_SIZE + 1)
    fig.suptitle(f"I(X; Y) = D_KL(joint ‖ product) = {info:.4f} nats", fontsize=FONT_SIZE + 1)
    return describe(fig, tr(
        "Two {rows} by {cols} tables with each cell's probability written in it: the joint "
        "distribution {joint} and the product of its marginals {product}. Their KL divergence, "
        "the mutual information, is {info:.4f} nats.",
        rows=table.shape[0], cols=table.shape[1], joint=numbers(table.ravel(), 3),
        product=numbers(product.ravel(), 3), info=info))


def plot_kl_gallery(pairs: Sequence[tuple[ArrayLike, ArrayLike]]) -> Figure:
    """Pairs of distributions (p bars solid, q bars hatched), each titled with its D_KL(p‖q).

    Each title also gives how many samples from p it takes, on average, for the evidence
    ln p/q to reach ln 100, odds of 100 : 1 for p: ln(100)/D_KL.

    Parameters
    ----------
    pairs : sequence of (p, q)
        Distributions on the same outcomes, e.g. from :func:`kl_helpers.distributions_at_kl`.

    Examples
    --------
    >>> rng = np.random.default_rng(0)
    >>> fig = plot_kl_gallery([distributions_at_kl(t, rng) for t in (0.1, 1.0)])
    >>> print(fig.axes[0].get_title())
    D_KL = 0.1 nats
    ≈ 46.1 samples for 100:1
    """
    checked = []
    for i, (p, q) in enumerate(pairs):
        p_arr, q_arr = as_distribution(p, f"pairs[{i}][0]"), as_distribution(q, f"pairs[{i}][1]")
        same_shape(p_arr, q_arr)
        checked.append((p_arr, q_arr, kl_divergence(p_arr, q_arr)))
    if not checked:
        raise ValueError("pairs is empty; give at least one (p, q) pair")
    fig, axes = new_figure(ncols=len(checked), figsize=(2.6 * len(checked) + 0.6, 3.6), sharey=True)
    for ax, (p, q, d) in zip(axes, checked, strict=True):
        idx = np.arange(p.size)
        ax.bar(idx - 0.2, p, width=0.4, color=COLORS["p"], label="p")
        ax.bar(idx + 0.2, q, width=0.4, color=COLORS["q"], hatch="//", label="q")
        ax.set_xticks(idx, [str(i + 1) for i in idx])
        ax.set_ylim(0, 1.0)
        style_axes(ax, "outcome", "probability" if ax is axes[0] else "",
                   f"D_KL = {d:.3g} nats\n≈ {np.log(100) / d:.1f} samples for 100:1")
    legend(axes[0], loc="upper left", ncols=2)
    return describe(fig, tr(
        "{pairs} pairs of distributions on {k} outcomes, p as solid bars and q as hatched bars, "
        "with D_KL(p‖q) = {values} nats: the bars look alike at the smallest value and q nearly "
        "vanishes where p has mass at the largest.",
        pairs=len(checked), k=checked[0][0].size, values=", ".join(f"{d:.3g}" for _, _, d in checked)))


def example_figures() -> dict[str, Figure]:
    """One figure per ``plot_*`` function, built as ``07_how_big_is_kl.ipynb`` builds it."""
    rng = np.random.default_rng(2024)
    flips = rng.random((30, 150)) < 0.5
    steps = bernoulli_log_ratio(rng.random((20_000, 200)) < 0.5, 0.5, 0.8)
    return {
        "plot_code_areas": plot_code_areas([1 / 2, 1 / 4, 1 / 8, 1 / 8], [1 / 8, 1 / 2, 1 / 4, 1 / 8],
                                           ["dog", "cat", "fish", "bird"]),
        "plot_evidence_paths": plot_evidence_paths(0.5, 0.8, flips),
        "plot_stein": plot_stein(0.5, 0.8, np.unique(np.geomspace(10, 100_000, 13).round().astype(int))),
        "plot_sprt": plot_sprt(steps, sprt(steps, 0.01, 0.01), wald_thresholds(0.01, 0.01),
                               wald_expected_samples(0.01, 0.01, 0.2231)),
        "plot_log_additivity": plot_log_additivity(0.5, 0.125),
        "plot_mutual_information": plot_mutual_information([[0.32, 0.08], [0.12, 0.48]], ["rain", "dry"],
                                                           ["umbrella", "none"]),
        "plot_kl_gallery": plot_kl_gallery([distributions_at_kl(t, rng) for t in (0.01, 0.1, 1.0, 5.0)]),
    }
