"""Slider panel of ``02_decomposition.ipynb``: cross-entropy and KL as functions of θ."""

from __future__ import annotations

from collections.abc import Mapping
from types import SimpleNamespace
from typing import Any

import numpy as np
from matplotlib.figure import Figure

from ..distributions import kl_normal_normal, normal_cross_entropy, normal_entropy, normal_pdf
from ..plotting import COLORS, legend, style_axes
from .base import Panel, float_slider

__all__ = ["DecompositionPanel"]

_X = np.linspace(-4.0, 6.0, 301)
_THETA = np.linspace(-2.0, 4.0, 121)
_Y_VIEW = (-0.5, 7.0)


class DecompositionPanel(Panel):
    """Slide the mean θ of the model q_θ = N(θ, σ_q²) against a fixed p = N(1, 0.8²).

    Left: the two densities. Right: the cross-entropy H(p, q_θ) and the divergence D_KL(p‖q_θ)
    as functions of θ, with the current θ marked on both. The two curves have the same shape and
    the same minimiser; they are shifted by the entropy H(p), which does not depend on θ.

    Introduced in ``02_decomposition.ipynb``.

    Examples
    --------
    >>> panel = DecompositionPanel(theta=2.0, sigma_q=1.0)
    >>> r = panel.result
    >>> round(r["cross_entropy"], 4), round(r["kl"], 4), round(r["entropy_p"], 4)   # H(p,q) = H(p) + KL
    (1.7389, 0.5431, 1.1958)
    >>> float(_THETA[np.argmin(r["ce_curve"])]), float(_THETA[np.argmin(r["kl_curve"])])  # same minimiser
    (1.0, 1.0)
    """

    mu_p, sigma_p = 1.0, 0.8

    def make_controls(self) -> dict[str, Any]:
        # σ_q > 0 keeps q a density; 0.5 is the smallest width at which the curves stay readable.
        return {
            "theta": float_slider("mean θ of q", -2.0, 4.0, 0.1, 2.5, ".1f"),
            "sigma_q": float_slider("std σ_q", 0.5, 2.0, 0.05, 1.0),
        }

    def compute(self, theta: float, sigma_q: float) -> dict[str, Any]:
        p = (self.mu_p, self.sigma_p)
        return {
            "theta": theta,
            "q_density": normal_pdf(_X, theta, sigma_q),
            "ce_curve": normal_cross_entropy(*p, _THETA, sigma_q),
            "kl_curve": kl_normal_normal(*p, _THETA, sigma_q),
            "cross_entropy": normal_cross_entropy(*p, theta, sigma_q),
            "kl": kl_normal_normal(*p, theta, sigma_q),
            "entropy_p": normal_entropy(self.sigma_p),
        }

    def build(self, fig: Figure) -> SimpleNamespace:
        ax_d, ax_c = fig.subplots(1, 2)
        p_density = normal_pdf(_X, self.mu_p, self.sigma_p)
        ax_d.plot(_X, p_density, color=COLORS["p"], lw=2, label="p = N(1, 0.8²)")
        ax_d.fill_between(_X, p_density, color=COLORS["p"], alpha=0.2, lw=0)
        (q_line,) = ax_d.plot(_X, p_density, color=COLORS["q"], lw=2, ls="--", label="q_θ",
                              animated=True)
        q_fill = ax_d.fill_between(_X, p_density, color=COLORS["q"], alpha=0.2, lw=0, animated=True)
        ax_d.set_ylim(0.0, 0.9)
        style_axes(ax_d, "x", "probability density", "p and the model q_θ")
        legend(ax_d, loc="upper left")

        h_p = normal_entropy(self.sigma_p)
        ax_c.axhline(0.0, color=COLORS["grey"], lw=0.8)
        ax_c.axhline(h_p, color=COLORS["p"], lw=1.2, ls=":")
        ax_c.text(_THETA[-1], h_p, "H(p)", color=COLORS["p"], ha="right", va="bottom", fontsize=10)
        # Both curves have their minimum at θ = μ_p whatever σ_q is: a static guide line.
        ax_c.axvline(self.mu_p, color=COLORS["grey"], lw=1, ls="--")
        ax_c.text(self.mu_p + 0.05, _Y_VIEW[0] + 0.05, "argmin θ* = μ_p", color=COLORS["grey"],
                  va="bottom", fontsize=9)
        (ce_line,) = ax_c.plot(_THETA, _THETA, color=COLORS["alt"], lw=2, animated=True)
        (kl_line,) = ax_c.plot(_THETA, _THETA, color=COLORS["kl"], lw=2, ls="--", animated=True)
        (gap,) = ax_c.plot([0, 0], [0, 0], color=COLORS["ink"], lw=1.5, animated=True)
        (ce_dot,) = ax_c.plot([0], [0], "o", color=COLORS["alt"], ms=8, animated=True)
        (kl_dot,) = ax_c.plot([0], [0], "s", color=COLORS["kl"], ms=7, animated=True)
        box = {"facecolor": "white", "alpha": 0.85, "edgecolor": "none", "pad": 2}
        ce_text, kl_text = (
            ax_c.text(0.03, y, "", transform=ax_c.transAxes, va="top", fontsize=10,
                      color=COLORS[key], bbox=box, animated=True)
            for y, key in ((0.97, "alt"), (0.87, "kl"))
        )
        ax_c.set_xlim(_THETA[0], _THETA[-1])
        ax_c.set_ylim(*_Y_VIEW)
        style_axes(ax_c, "model mean θ", "nats", "Cross-entropy and KL in θ")
        return SimpleNamespace(q_line=q_line, q_fill=q_fill, ce_line=ce_line, kl_line=kl_line,
                               gap=gap, ce_dot=ce_dot, kl_dot=kl_dot, ce_text=ce_text,
                               kl_text=kl_text)

    def draw(self, artists: SimpleNamespace, result: Mapping[str, Any]) -> None:
        theta = result["theta"]
        artists.q_line.set_ydata(result["q_density"])
        artists.q_fill.set_data(_X, 0.0, result["q_density"])
        artists.ce_line.set_ydata(result["ce_curve"])
        artists.kl_line.set_ydata(result["kl_curve"])
        artists.gap.set_data([theta, theta], [result["kl"], result["cross_entropy"]])
        artists.ce_dot.set_data([theta], [result["cross_entropy"]])
        artists.kl_dot.set_data([theta], [result["kl"]])
        artists.ce_text.set_text(f"── H(p, q_θ) = {result['cross_entropy']:.3f}")
        artists.kl_text.set_text(
            f"- - D_KL(p‖q_θ) = {result['kl']:.3f}   (gap H(p) = {result['entropy_p']:.3f})"
        )
