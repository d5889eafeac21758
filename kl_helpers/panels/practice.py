"""Slider panel of ``06_kl_in_practice.ipynb``: Jensen–Shannon against both KL directions."""

from __future__ import annotations

import math
from collections.abc import Mapping
from types import SimpleNamespace
from typing import Any

import numpy as np
from matplotlib.figure import Figure

from ..distributions import binned_normal
from ..divergence import js_divergence, kl_divergence
from ..plotting import COLORS, style_axes
from .base import Panel, float_slider

__all__ = ["OUTCOMES", "DivergenceComparisonPanel"]

#: 25 outcomes on a line; p and q are binned bell shapes over them (``kh.binned_normal``).
OUTCOMES = np.linspace(-6.0, 6.0, 25)
_SHIFTS = np.linspace(-4.0, 4.0, 81)
_VIEW_MAX = 2.0


class DivergenceComparisonPanel(Panel):
    """Slide q away from p and compare D_KL(p‖q), D_KL(q‖p) and the Jensen–Shannon divergence.

    Left: p (fixed, centred) and q (shift and width on sliders), two distributions over 25
    outcomes. Right: the three divergences as functions of the shift, at the current width, with
    the current shift marked. KL grows without bound and differs by direction; JS is symmetric
    and never exceeds ln 2.

    Introduced in ``06_kl_in_practice.ipynb``.

    Examples
    --------
    >>> panel = DivergenceComparisonPanel(shift=3.0, width=1.0)
    >>> r = panel.result
    >>> round(r["forward"], 2), round(r["reverse"], 2), round(r["js"], 4)   # JS stays below ln 2
    (4.5, 4.5, 0.5267)
    """

    p_width = 1.0

    def make_controls(self) -> dict[str, Any]:
        # Width >= 0.5 keeps every probability above ~1e-90, far from float underflow, so both
        # KL directions stay finite over the whole range.
        return {
            "shift": float_slider("shift of q", -4.0, 4.0, 0.1, 1.5, ".1f"),
            "width": float_slider("width of q", 0.5, 2.0, 0.05, 0.7),
        }

    def compute(self, shift: float, width: float) -> dict[str, Any]:
        p = binned_normal(OUTCOMES, 0.0, self.p_width)
        q = binned_normal(OUTCOMES, shift, width)
        # Every shift at once: one q per row, the divergences row-wise (a width change is one
        # vectorised call per curve).
        qs = binned_normal(OUTCOMES, _SHIFTS, width)
        return {
            "p": p,
            "q": q,
            "shift": shift,
            "forward_curve": kl_divergence(p, qs),
            "reverse_curve": kl_divergence(qs, p),
            "js_curve": js_divergence(p, qs),
            "forward": kl_divergence(p, q),
            "reverse": kl_divergence(q, p),
            "js": js_divergence(p, q),
        }

    def build(self, fig: Figure) -> SimpleNamespace:
        ax_d, ax_k = fig.subplots(1, 2)
        p = binned_normal(OUTCOMES, 0.0, self.p_width)
        ax_d.bar(OUTCOMES, p, width=0.45, color=COLORS["p"], alpha=0.6, label="p")
        (q_line,) = ax_d.plot(OUTCOMES, p, "o-", color=COLORS["q"], lw=1.5, ms=4, label="q",
                              animated=True)
        ax_d.set_ylim(0, 0.85)
        style_axes(ax_d, "outcome", "probability", "p (bars) and q (dots)")
        ax_d.legend(fontsize=10, frameon=False, loc="upper left")

        styles = {"forward": ("kl", "-"), "reverse": ("alt", "--"), "js": ("extra", "-")}
        lines, dots = {}, {}
        for key, (color, ls) in styles.items():
            (lines[key],) = ax_k.plot(_SHIFTS, _SHIFTS, color=COLORS[color], lw=2, ls=ls,
                                      animated=True)
            (dots[key],) = ax_k.plot([0], [0], "o", color=COLORS[color], ms=7, animated=True)
        ax_k.axhline(math.log(2.0), color=COLORS["grey"], lw=1, ls=":")
        ax_k.text(_SHIFTS[-1], math.log(2.0) + 0.04, "ln 2", ha="right", va="bottom",
                  fontsize=9, color=COLORS["grey"])
        # Opaque: the readouts stay legible wherever a curve passes behind them.
        box = {"facecolor": "white", "alpha": 1.0, "edgecolor": "none", "pad": 2}
        texts = {
            key: ax_k.text(0.03, y, "", transform=ax_k.transAxes, va="top", fontsize=9.5,
                           color=COLORS[styles[key][0]], bbox=box, animated=True)
            for key, y in (("forward", 0.97), ("reverse", 0.87), ("js", 0.77))
        }
        ax_k.set_xlim(_SHIFTS[0], _SHIFTS[-1])
        ax_k.set_ylim(0.0, _VIEW_MAX)
        style_axes(ax_k, "shift of q", "divergence (nats)", "KL both ways vs JS")
        return SimpleNamespace(q_line=q_line, lines=lines, dots=dots, texts=texts)

    def draw(self, artists: SimpleNamespace, result: Mapping[str, Any]) -> None:
        artists.q_line.set_ydata(result["q"])
        labels = {"forward": "── D_KL(p‖q)", "reverse": "- - D_KL(q‖p)", "js": "── JS(p, q)"}
        for key in ("forward", "reverse", "js"):
            artists.lines[key].set_ydata(result[f"{key}_curve"])
            # Off-scale values sit on the top edge; the readout carries the number.
            artists.dots[key].set_data([result["shift"]], [min(result[key], _VIEW_MAX)])
            artists.texts[key].set_text(f"{labels[key]} = {result[key]:.3f}")  # nats: on the axis
