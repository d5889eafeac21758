"""Slider panels of ``01_definition.ipynb``."""

from __future__ import annotations

from collections.abc import Mapping
from types import SimpleNamespace
from typing import Any

import numpy as np
from matplotlib.figure import Figure

from .._i18n import tr
from ..distributions import kl_normal_normal, normal_pdf
from ..plotting import COLORS, FONT_SIZE, TEXT_COLORS, legend, style_axes
from .base import Panel, float_slider

__all__ = ["DirectionPanel"]

_X = np.linspace(-6.0, 6.0, 301)
_MU_GRID = np.linspace(-3.0, 3.0, 121)
# The divergence axis: symlog from just below 0 (so a marker at 0 is drawn whole) to 100 nats,
# above the largest reachable value, D_KL(p‖q) = 53.85 nats at μ_q = ±3, σ_q = 0.3.
_KL_VIEW_MIN, _KL_VIEW_MAX = -0.06, 100.0


class DirectionPanel(Panel):
    """Move q = N(μ_q, σ_q²) against a fixed p = N(0, 1) and watch both KL directions.

    Left: the two densities. Right: D_KL(p‖q) and D_KL(q‖p) as functions of μ_q at the current
    σ_q, with the current μ_q marked, on a symlog axis (linear up to 1 nat, logarithmic above) that
    holds every reachable value. The curves differ unless σ_q = σ_p = 1, where both are μ_q²/2.

    Introduced in ``01_definition.ipynb``.

    Examples
    --------
    >>> panel = DirectionPanel(mu_q=1.0, sigma_q=1.0)
    >>> round(panel.result["forward"], 3), round(panel.result["reverse"], 3)
    (0.5, 0.5)
    >>> panel.set(mu_q=0.0, sigma_q=0.3)
    >>> round(panel.result["forward"], 3), round(panel.result["reverse"], 3)
    (3.852, 0.749)
    """

    mu_p, sigma_p = 0.0, 1.0
    figsize = (9.0, 4.0)

    def make_controls(self) -> dict[str, Any]:
        # σ_q stays away from 0 so the densities and divergences stay finite and readable.
        return {
            "mu_q": float_slider(tr("mean μ_q"), -3.0, 3.0, 0.1, 1.0, ".1f"),
            "sigma_q": float_slider(tr("std σ_q"), 0.3, 3.0, 0.05, 1.5),
        }

    def compute(self, mu_q: float, sigma_q: float) -> dict[str, Any]:
        p = (self.mu_p, self.sigma_p)
        return {
            "q_density": normal_pdf(_X, mu_q, sigma_q),
            "forward_curve": kl_normal_normal(*p, _MU_GRID, sigma_q),
            "reverse_curve": kl_normal_normal(_MU_GRID, sigma_q, *p),
            "mu_q": mu_q,
            "forward": kl_normal_normal(*p, mu_q, sigma_q),
            "reverse": kl_normal_normal(mu_q, sigma_q, *p),
        }

    def describe(self, result: Mapping[str, Any]) -> str:
        return tr(
            "Left: the density of p = N(0, 1) and of q = N({mu:.2f}, "
            "{sigma:.2f}²). Right: both KL directions against the mean "
            "of q; at this q, D_KL(p‖q) = {forward:.3f} nats and "
            "D_KL(q‖p) = {reverse:.3f} nats.",
            mu=result["mu_q"], sigma=self.controls["sigma_q"].value,
            forward=result["forward"], reverse=result["reverse"],
        )

    def build(self, fig: Figure) -> SimpleNamespace:
        ax_d, ax_k = fig.subplots(1, 2)
        p_density = normal_pdf(_X, self.mu_p, self.sigma_p)
        ax_d.plot(_X, p_density, color=COLORS["p"], lw=2, label="p = N(0, 1)")
        ax_d.fill_between(_X, p_density, color=COLORS["p"], alpha=0.2, lw=0)
        (q_line,) = ax_d.plot(
            _X, p_density, color=COLORS["q"], lw=2, ls="--", label="q = N(μ_q, σ_q²)",
            animated=True,
        )
        q_fill = ax_d.fill_between(_X, p_density, color=COLORS["q"], alpha=0.2, lw=0,
                                   animated=True)
        # The tallest reachable q (σ_q at its minimum) still fits under the top of the view.
        ax_d.set_ylim(0, 1.1 * float(normal_pdf(0.0, 0.0, self.controls["sigma_q"].min)))
        ax_d.set_xlim(_X[0], _X[-1])
        style_axes(ax_d, "x", "probability density")
        # Legend above the axes: no slider position can move a curve under it.
        legend(ax_d, loc="lower left", bbox_to_anchor=(0.0, 1.0), ncols=2,
               borderaxespad=0.2, handlelength=1.8, columnspacing=1.0)

        (fwd_line,) = ax_k.plot(_MU_GRID, _MU_GRID, color=COLORS["kl"], lw=2, animated=True)
        (rev_line,) = ax_k.plot(_MU_GRID, _MU_GRID, color=COLORS["alt"], lw=2, ls="--",
                                animated=True)
        (fwd_dot,) = ax_k.plot([0], [0], "o", color=COLORS["kl"], ms=8, animated=True)
        (rev_dot,) = ax_k.plot([0], [0], "s", color=COLORS["alt"], ms=7, animated=True)
        # The readouts double as the legend: each in its curve's colour and line style. They sit
        # above the axes, so no curve or marker can cross them.
        fwd_text, rev_text = (
            ax_k.text(0.0, y, "", transform=ax_k.transAxes, va="bottom", fontsize=FONT_SIZE,
                      color=TEXT_COLORS[key], animated=True)
            for y, key in ((1.14, "kl"), (1.02, "alt"))
        )
        # A fixed view that holds every reachable value: linear from 0 to 1 nat, logarithmic
        # above (symlog), so 0.05 nats and 54 nats are both on the plot, and a view that does not
        # rescale lets the eye compare one slider position with the next.
        ax_k.set_yscale("symlog", linthresh=1.0, linscale=1.0)
        ax_k.set_ylim(_KL_VIEW_MIN, _KL_VIEW_MAX)
        ax_k.set_yticks([0, 0.5, 1, 10, 100], ["0", "0.5", "1", "10", "100"])
        ax_k.set_xlim(_MU_GRID[0] - 0.3, _MU_GRID[-1] + 0.3)
        style_axes(ax_k, "mean of q, μ_q", "divergence (nats, symlog)")
        return SimpleNamespace(q_line=q_line, q_fill=q_fill, fwd_line=fwd_line,
                               rev_line=rev_line, fwd_dot=fwd_dot, rev_dot=rev_dot,
                               fwd_text=fwd_text, rev_text=rev_text)

    def draw(self, artists: SimpleNamespace, result: Mapping[str, Any]) -> None:
        artists.q_line.set_ydata(result["q_density"])
        artists.q_fill.set_data(_X, 0.0, result["q_density"])
        artists.fwd_line.set_ydata(result["forward_curve"])
        artists.rev_line.set_ydata(result["reverse_curve"])
        artists.fwd_dot.set_data([result["mu_q"]], [result["forward"]])
        artists.rev_dot.set_data([result["mu_q"]], [result["reverse"]])
        artists.fwd_text.set_text(f"●── D_KL(p‖q) = {result['forward']:.3f} nats")
        artists.rev_text.set_text(f"■- - D_KL(q‖p) = {result['reverse']:.3f} nats")
