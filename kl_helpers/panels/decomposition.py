"""Slider panel of ``02_decomposition.ipynb``: cross-entropy and KL as functions of θ."""

from __future__ import annotations

from collections.abc import Mapping
from types import SimpleNamespace
from typing import Any

import numpy as np
from matplotlib.figure import Figure

from .._i18n import tr
from ..distributions import kl_normal_normal, normal_cross_entropy, normal_entropy, normal_pdf
from ..plotting import COLORS, TEXT_COLORS, legend, style_axes
from .base import Panel, float_slider

__all__ = ["DecompositionPanel"]

_X = np.linspace(-4.0, 6.0, 301)
#: The θ grid of the right-hand curves: the θ slider's range, in steps of 0.05 (so θ = μ_p = 1 is on it).
_THETA = np.linspace(-2.0, 4.0, 121)


class DecompositionPanel(Panel):
    """Slide the mean θ of the model q_θ = N(θ, σ_q²) against a fixed p = N(1, 0.8²).

    Left: the two densities. Right: the cross-entropy H(p, q_θ) and the divergence D_KL(p‖q_θ)
    as functions of θ, with the current θ marked on both. The two curves have the same shape and
    the same minimiser; they are shifted by the entropy H(p), which does not depend on θ (the
    shaded band between them has height H(p) everywhere).

    The right-hand y-limits are fixed, computed once from the sliders' ranges so that both
    curves and both markers stay on the plot at every reachable (θ, σ_q); the readouts sit in a
    strip under the plots, off the curves.

    Introduced in ``02_decomposition.ipynb``.

    Examples
    --------
    >>> panel = DecompositionPanel(theta=2.0, sigma_q=1.0)
    >>> r = panel.result
    >>> round(r["cross_entropy"], 4), round(r["kl"], 4), round(r["entropy_p"], 4)   # H(p,q) = H(p) + KL
    (1.7389, 0.5431, 1.1958)
    >>> float(r["theta_grid"][np.argmin(r["ce_curve"])]), float(r["theta_grid"][np.argmin(r["kl_curve"])])
    (1.0, 1.0)
    """

    mu_p, sigma_p = 1.0, 0.8
    figsize = (9.0, 4.9)

    def make_controls(self) -> dict[str, Any]:
        # σ_q > 0 keeps q a density; 0.5 is the smallest width at which the curves stay readable
        # under the fixed y-limits (at σ_q = 0.5, θ = -2 the cross-entropy is 19.5 nats).
        return {
            "theta": float_slider(tr("mean θ of q"), -2.0, 4.0, 0.1, 2.5, ".1f"),
            "sigma_q": float_slider(tr("std σ_q"), 0.5, 2.0, 0.05, 1.0),
        }

    def compute(self, theta: float, sigma_q: float) -> dict[str, Any]:
        p = (self.mu_p, self.sigma_p)
        return {
            "theta": theta,
            "sigma_q": sigma_q,
            "theta_grid": _THETA,
            "q_density": normal_pdf(_X, theta, sigma_q),
            "ce_curve": normal_cross_entropy(*p, _THETA, sigma_q),
            "kl_curve": kl_normal_normal(*p, _THETA, sigma_q),
            "cross_entropy": normal_cross_entropy(*p, theta, sigma_q),
            "kl": kl_normal_normal(*p, theta, sigma_q),
            "entropy_p": normal_entropy(self.sigma_p),
        }

    def _largest_cross_entropy(self) -> float:
        """The largest H(p, q_θ) the sliders can reach (the top of the fixed y-limits)."""
        theta, sigma = self.controls["theta"], self.controls["sigma_q"]
        thetas = np.array([theta.min, theta.max])[:, None]
        sigmas = np.linspace(sigma.min, sigma.max, 61)[None, :]
        return float(normal_cross_entropy(self.mu_p, self.sigma_p, thetas, sigmas).max())

    def describe(self, result: Mapping[str, Any]) -> str:
        return tr(
            "Left: p = N(1, 0.8²) and the model q = N({theta:.2f}, {sigma_q:.2f}²). Right: "
            "cross-entropy H(p, q) and D_KL(p‖q) against the mean θ, a constant gap "
            "H(p) = {entropy_p:.3f} nats apart; here H(p, q) = {cross_entropy:.3f} and "
            "D_KL = {kl:.3f} nats.",
            theta=result["theta"], sigma_q=result["sigma_q"], entropy_p=result["entropy_p"],
            cross_entropy=result["cross_entropy"], kl=result["kl"],
        )

    def build(self, fig: Figure) -> SimpleNamespace:
        grid = fig.add_gridspec(2, 2, height_ratios=[5.0, 1.0])
        ax_d, ax_c = fig.add_subplot(grid[0, 0]), fig.add_subplot(grid[0, 1])
        key_d, key_c = fig.add_subplot(grid[1, 0]), fig.add_subplot(grid[1, 1])
        for ax in (key_d, key_c):  # strips for the legend and the readouts: no frame, no ticks
            ax.set_axis_off()
            ax.set_xticks([])
            ax.set_yticks([])

        p_density = normal_pdf(_X, self.mu_p, self.sigma_p)
        (p_line,) = ax_d.plot(_X, p_density, color=COLORS["p"], lw=2, label="p = N(1, 0.8²)")
        ax_d.fill_between(_X, p_density, color=COLORS["p"], alpha=0.2, lw=0)
        (q_line,) = ax_d.plot(_X, p_density, color=COLORS["q"], lw=2, ls="--",
                              label="model q_θ = N(θ, σ_q²)", animated=True)
        q_fill = ax_d.fill_between(_X, p_density, color=COLORS["q"], alpha=0.2, lw=0, animated=True)
        ax_d.set_xlim(_X[0], _X[-1])
        ax_d.set_ylim(0.0, 0.9)  # the narrowest q (σ_q = 0.5) peaks at 0.80
        style_axes(ax_d, "x", "probability density", "p and the model q_θ")
        legend(key_d, handles=[p_line, q_line], loc="upper left")

        top = 1.05 * self._largest_cross_entropy()
        bottom = -0.15 * top  # room under 0 for the argmin label; no curve goes below 0
        ax_c.axhline(0.0, color=COLORS["grey"], lw=0.8)
        # Both curves have their minimum at θ = μ_p whatever σ_q is: a static guide line.
        ax_c.axvline(self.mu_p, color=COLORS["grey"], lw=1, ls="--")
        ax_c.text(self.mu_p + 0.1, bottom + 0.03 * (top - bottom), "argmin θ* = μ_p = 1",
                  color=COLORS["grey"], va="bottom", fontsize=11)
        band = ax_c.fill_between(_THETA, _THETA, _THETA, color=COLORS["p"], alpha=0.25, lw=0,
                                 animated=True)
        (ce_line,) = ax_c.plot(_THETA, _THETA, color=COLORS["alt"], lw=2, animated=True)
        (kl_line,) = ax_c.plot(_THETA, _THETA, color=COLORS["kl"], lw=2, ls="--", animated=True)
        (gap,) = ax_c.plot([0, 0], [0, 0], color=COLORS["ink"], lw=2.5, animated=True)
        (ce_dot,) = ax_c.plot([0], [0], "o", color=COLORS["alt"], ms=7, animated=True)
        (kl_dot,) = ax_c.plot([0], [0], "s", color=COLORS["kl"], ms=6, animated=True)
        ax_c.set_xlim(_THETA[0] - 0.2, _THETA[-1] + 0.2)  # a whole marker at either end of θ
        ax_c.set_ylim(bottom, top)
        style_axes(ax_c, "model mean θ", "nats", "Cross-entropy and KL in θ")

        ce_text, kl_text, gap_text = (
            key_c.text(0.0, y, "", transform=key_c.transAxes, va="top", fontsize=11,
                       color=TEXT_COLORS[key], animated=True)
            for y, key in ((1.0, "alt"), (0.62, "kl"), (0.24, "ink"))
        )
        return SimpleNamespace(q_line=q_line, q_fill=q_fill, band=band, ce_line=ce_line,
                               kl_line=kl_line, gap=gap, ce_dot=ce_dot, kl_dot=kl_dot,
                               ce_text=ce_text, kl_text=kl_text, gap_text=gap_text)

    def draw(self, artists: SimpleNamespace, result: Mapping[str, Any]) -> None:
        theta = result["theta"]
        artists.q_line.set_ydata(result["q_density"])
        artists.q_fill.set_data(_X, 0.0, result["q_density"])
        # The curves in θ depend on σ_q only: left alone on a θ move, they are not drawn again
        # (canvas.record reuses what it recorded while they are not stale).
        if getattr(artists, "curves_sigma", None) != result["sigma_q"]:
            artists.curves_sigma = result["sigma_q"]
            artists.band.set_data(_THETA, result["kl_curve"], result["ce_curve"])
            artists.ce_line.set_ydata(result["ce_curve"])
            artists.kl_line.set_ydata(result["kl_curve"])
        artists.gap.set_data([theta, theta], [result["kl"], result["cross_entropy"]])
        artists.ce_dot.set_data([theta], [result["cross_entropy"]])
        artists.kl_dot.set_data([theta], [result["kl"]])
        artists.ce_text.set_text(
            f"cross-entropy H(p, q_θ) = {result['cross_entropy']:.3f} nats  (solid, ●)")
        artists.kl_text.set_text(f"D_KL(p‖q_θ) = {result['kl']:.3f} nats  (dashed, ■)")
        artists.gap_text.set_text(
            f"gap = H(p) = {result['entropy_p']:.3f} nats  (black segment, band)")
