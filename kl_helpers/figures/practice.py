"""Static figures of ``06_kl_in_practice.ipynb``.

Letters follow the course: the model is q_θ (here a two-component normal mixture read as a
latent-variable model, joint q_θ(x, z)), and the variational approximation of its posterior
q_θ(z | x) is r(z).
"""

from __future__ import annotations

import numpy as np
from matplotlib.figure import Figure

from .._i18n import tr
from ..mixtures import NormalMixture, mixture_elbo
from ..plotting import COLORS, describe, legend, new_figure, style_axes

__all__ = ["example_figures", "plot_elbo_gap"]


def plot_elbo_gap(model: NormalMixture, x: float) -> Figure:
    """ELBO(r) for every r = (t, 1 − t) over a two-component latent, below the flat ln q_θ(x).

    The vertical distance between them is D_KL(r‖q_θ(z|x)); it closes only at the posterior.

    Parameters
    ----------
    model : NormalMixture
        The model q_θ, with exactly two components (the latent z picks one).
    x : float
        The observation.

    Examples
    --------
    >>> model = NormalMixture([0.3, 0.7], [-1.0, 2.0], [1.0, 0.5])
    >>> fig = plot_elbo_gap(model, 0.5)
    >>> fig.axes[0].get_ylabel()
    'nats'
    """
    if model.weights.size != 2:
        raise ValueError(
            f"model must have exactly two components for this picture, got {model.weights.size}"
        )
    t = np.linspace(0.0, 1.0, 201)
    # kh.mixture_elbo(x, r, model): its second argument is the approximation r (named q there).
    elbo = np.array([mixture_elbo(x, [ti, 1.0 - ti], model) for ti in t])
    log_evidence = float(model.logpdf(x))
    post = float(model.responsibilities(x)[0])
    fig, (ax,) = new_figure(figsize=(8.0, 3.6))
    ax.axhline(log_evidence, color=COLORS["p"], lw=2, label="ln q_θ(x)")
    ax.plot(t, elbo, color=COLORS["q"], lw=2, ls="--", label="ELBO(r)")
    ax.fill_between(t, elbo, log_evidence, color=COLORS["kl"], alpha=0.25, lw=0,
                    label="gap = D_KL(r ‖ q_θ(z | x))")
    ax.plot([post], [log_evidence], "o", color=COLORS["ink"], ms=7, label="r = posterior")
    ax.set_ylim(elbo.min() - 0.1, log_evidence + 0.4)
    style_axes(ax, "r(z = 1), the guess for the first component", "nats",
               f"One observation x = {x:g}")
    # Outside the plotting area: nothing can run over it.
    legend(ax, loc="upper left", bbox_to_anchor=(1.02, 1.0), borderaxespad=0.0)
    return describe(fig, tr(
        "For one observation x = {x:g}: the log-evidence ln q_θ(x) = {log_evidence:.3f} nats as "
        "a flat line, and the ELBO of each guess r(z = 1) from 0 to 1 as a curve below it; the "
        "shaded gap is D_KL(r‖q_θ(z | x)), zero only at the posterior r(z = 1) = {post:.3f}.",
        x=x, log_evidence=log_evidence, post=post))


def example_figures() -> dict[str, Figure]:
    """One figure per public ``plot_*`` function, built with the notebook's own arguments.

    ``plot_elbo_gap`` gets the lesson's model (weights 0.3/0.7, means −1 and 2, widths 1 and 0.5)
    and observation x = 0.5, exactly as in §2 of ``06_kl_in_practice.ipynb`` (no randomness).
    """
    model = NormalMixture([0.3, 0.7], [-1.0, 2.0], [1.0, 0.5])
    return {"plot_elbo_gap": plot_elbo_gap(model, 0.5)}
