"""Static figures of ``04_mle_equivalence.ipynb``."""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
from matplotlib.figure import Figure
from numpy.typing import ArrayLike

from .._i18n import tr
from .._validate import as_sample, scalar
from ..distributions import normal_cross_entropy
from ..fitting import fit_normal_mle, normal_nll
from ..plotting import COLORS, describe, legend, new_figure, style_axes

__all__ = ["example_figures", "plot_nll_approaches_cross_entropy"]

_CURVE_COLORS = [COLORS["sky"], COLORS["alt"], COLORS["extra"], COLORS["kl"], COLORS["q"],
                 COLORS["grey"]]
#: Line styles alongside the colours, so the sample sizes are told apart without colour too.
_CURVE_STYLES = [":", "-.", (0, (6, 2)), (0, (3, 1, 1, 1, 1, 1)), "-", (0, (1, 1))]


def plot_nll_approaches_cross_entropy(
    samples: Sequence[ArrayLike], mu_p: float, sigma_p: float
) -> Figure:
    r"""The NLL of growing samples approaches the expected NLL, and its minimiser the KL minimiser.

    Left: the average NLL of each sample as a function of the model mean μ (σ held at
    ``sigma_p``), with its minimum marked, against the expected NLL
    :math:`H(p, q_\mu) = H(p) + D_{KL}(p \| q_\mu)` (black, dashed), minimised at μ = μ_p.
    Right: the distance of each sample's MLE from the KL minimiser (μ_p, σ_p) against the
    sample size, on log–log axes, with a :math:`1/\sqrt N` guide.

    Parameters
    ----------
    samples : sequence of array_like
        Samples from :math:`\mathcal N(\mu_p, \sigma_p^2)`, of increasing size (at most six).
    mu_p, sigma_p : float
        The true distribution.

    Examples
    --------
    >>> rng = np.random.default_rng(0)
    >>> fig = plot_nll_approaches_cross_entropy([rng.normal(0, 1, n) for n in (10, 1000)], 0.0, 1.0)
    >>> [ax.get_xlabel() for ax in fig.axes]
    ['model mean μ (σ = σ_p)', 'sample size N']
    """
    data = [as_sample(x, f"samples[{i}]") for i, x in enumerate(samples)]
    if not 1 <= len(data) <= len(_CURVE_COLORS):
        raise ValueError(f"pass between 1 and {len(_CURVE_COLORS)} samples, got {len(data)}")
    mu_p = scalar(mu_p, "mu_p")
    sigma_p = scalar(sigma_p, "sigma_p", positive=True, example="1.0")
    fig, (ax_c, ax_e) = new_figure(ncols=2, figsize=(10.0, 4.6))

    mus = np.linspace(mu_p - 2.0 * sigma_p, mu_p + 2.0 * sigma_p, 401)
    for x, color, style in zip(data, _CURVE_COLORS, _CURVE_STYLES, strict=False):
        curve = normal_nll(mus, sigma_p, x)
        ax_c.plot(mus, curve, color=color, lw=1.8, ls=style, label=f"N = {x.size:,}")
        ax_c.plot(mus[np.argmin(curve)], curve.min(), "o", color=color, ms=6, zorder=3)
    expected = normal_cross_entropy(mu_p, sigma_p, mus, sigma_p)
    ax_c.plot(mus, expected, color=COLORS["ink"], lw=2, ls="--", label="expected NLL H(p, q)")
    ax_c.axvline(mu_p, color=COLORS["ink"], lw=0.8, ls=":")
    style_axes(ax_c, "model mean μ (σ = σ_p)", "average NLL (nats)", "NLL curves → H(p, q)")
    # Legends below the axes: outside the plotting area, so no curve runs over them.
    legend(ax_c, loc="upper center", bbox_to_anchor=(0.5, -0.2), ncols=3, borderaxespad=0.0,
           handlelength=1.8, columnspacing=1.0)
    low, high = float(expected.min()), float(expected.max())
    ax_c.set_ylim(low - 0.3 * (high - low), high + 0.1 * (high - low))

    sizes = np.array([x.size for x in data])
    fits = np.array([fit_normal_mle(x) for x in data])
    ax_e.loglog(sizes, np.abs(fits[:, 0] - mu_p), "o-", color=COLORS["p"], label="|μ̂ − μ_p|")
    ax_e.loglog(sizes, np.abs(fits[:, 1] - sigma_p), "s--", color=COLORS["q"], label="|σ̂ − σ_p|")
    ax_e.loglog(sizes, sigma_p / np.sqrt(sizes), color=COLORS["grey"], lw=1, ls=":",
                label="σ_p / √N")
    style_axes(ax_e, "sample size N", "distance from KL minimiser", "MLE → argmin of D_KL(p‖q)")
    legend(ax_e, loc="upper center", bbox_to_anchor=(0.5, -0.2), ncols=3, borderaxespad=0.0,
           handlelength=1.8, columnspacing=1.0)
    return describe(fig, tr(
        "Left: the average negative log-likelihood of samples of size {sizes} from "
        "N({mu_p:g}, {sigma_p:g}²) against the model mean, each with its minimum dotted, closing in "
        "on the expected NLL H(p, q) (dashed), which is lowest at μ = {mu_p:g}. Right: how far each "
        "maximum-likelihood estimate is from ({mu_p:g}, {sigma_p:g}) against N on log–log axes, "
        "beside a 1/√N guide.",
        sizes=tr(", ").join(f"{n:,}" for n in sizes), mu_p=mu_p, sigma_p=sigma_p))


def example_figures() -> dict[str, Figure]:
    """Every figure of this module, built with the notebook's own data (for the legibility tests).

    The samples are the notebook's exactly: its generator (seed 404) is replayed through the
    draws that come before them (500 normal points, 60 categorical outcomes, 2000 Dirichlet
    candidates), then the five samples of sizes 10 to 100,000 from N(1.5, 0.8²).

    Examples
    --------
    >>> sorted(example_figures())
    ['plot_nll_approaches_cross_entropy']
    """
    mu_p, sigma_p = 1.5, 0.8
    rng = np.random.default_rng(404)
    rng.normal(mu_p, sigma_p, size=500)
    rng.choice(3, size=60, p=[0.5, 0.3, 0.2])
    rng.dirichlet(np.ones(3), size=2000)
    samples = [rng.normal(mu_p, sigma_p, size=n) for n in (10, 100, 1_000, 10_000, 100_000)]
    return {"plot_nll_approaches_cross_entropy": plot_nll_approaches_cross_entropy(samples, mu_p, sigma_p)}
