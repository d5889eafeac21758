"""Static figures of ``06_kl_in_practice.ipynb``."""

from __future__ import annotations

import numpy as np
from matplotlib.figure import Figure

from ..mixtures import NormalMixture, mixture_elbo
from ..plotting import COLORS, legend, new_figure, style_axes

__all__ = ["plot_elbo_gap"]


def plot_elbo_gap(p: NormalMixture, x: float) -> Figure:
    """ELBO(q) for every q = (t, 1 − t) over a two-component latent, below the flat log p(x).

    The vertical distance between them is D_KL(q‖p(z|x)); it closes only at the posterior.

    Examples
    --------
    >>> p = NormalMixture([0.3, 0.7], [-1.0, 2.0], [1.0, 0.5])
    >>> fig = plot_elbo_gap(p, 0.5)
    >>> fig.axes[0].get_ylabel()
    'nats'
    """
    if p.weights.size != 2:
        raise ValueError(f"p must have exactly two components for this picture, got {p.weights.size}")
    t = np.linspace(0.0, 1.0, 201)
    elbo = np.array([mixture_elbo(x, [ti, 1.0 - ti], p) for ti in t])
    log_px = float(p.logpdf(x))
    post = float(p.responsibilities(x)[0])
    fig, (ax,) = new_figure(figsize=(6.5, 3.6))
    ax.axhline(log_px, color=COLORS["p"], lw=2, label="log p(x)")
    ax.plot(t, elbo, color=COLORS["q"], lw=2, label="ELBO(q)")
    ax.fill_between(t, elbo, log_px, color=COLORS["kl"], alpha=0.25, lw=0,
                    label="gap = D_KL(q‖p(z|x))")
    ax.plot([post], [log_px], "o", color=COLORS["ink"], ms=7, label="q = posterior")
    ax.set_ylim(elbo.min() - 0.1, log_px + 0.4)
    style_axes(ax, "q(z = 1), the guess for the first component", "nats",
               f"One observation x = {x:g}")
    legend(ax, loc="lower center", fontsize=9)
    return fig
