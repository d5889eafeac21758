"""Slider panel of ``06_kl_in_practice.ipynb``: Jensen–Shannon against both KL directions."""

from __future__ import annotations

import math
from collections.abc import Mapping
from types import SimpleNamespace
from typing import Any

import numpy as np
from matplotlib.figure import Figure

from .._i18n import tr
from ..distributions import binned_normal
from ..divergence import js_divergence, kl_divergence
from ..plotting import COLORS, FONT_SIZE, style_axes
from .base import Panel, float_slider

__all__ = ["OUTCOMES", "DivergenceComparisonPanel"]

#: 25 outcomes on a line; p and q are binned bell shapes over them (``kh.binned_normal``).
OUTCOMES = np.linspace(-6.0, 6.0, 25)
_SHIFTS = np.linspace(-4.0, 4.0, 81)
#: Top of the divergence axis (nats). Fixed, so a slider move never redraws the axes; a value
#: above it puts its dot on the top edge and the readout carries the number.
_VIEW_MAX = 2.0
#: Colour, line style and marker per curve: never colour alone.
_STYLES = {
    "forward": ("kl", "-", "o", "D_KL(p‖q)"),
    "reverse": ("alt", "--", "s", "D_KL(q‖p)"),
    "js": ("extra", "-.", "^", "JS(p, q)"),
}


class DivergenceComparisonPanel(Panel):
    """Slide q away from p and compare D_KL(p‖q), D_KL(q‖p) and the Jensen–Shannon divergence.

    Left: p (fixed, centred, width 1) and q (shift and width on sliders), two distributions over
    25 outcomes. Middle: the three divergences as functions of the shift, at the current width,
    with the current shift marked. Right: a key (line style and marker of each curve) with the
    current values. Over the slider range both KL curves keep rising as the shift moves away from 0,
    and they differ by direction unless q has p's width; JS is symmetric and stays below ln 2.

    Introduced in ``06_kl_in_practice.ipynb``.

    Examples
    --------
    >>> panel = DivergenceComparisonPanel(shift=3.0, width=1.0)
    >>> r = panel.result
    >>> round(r["forward"], 2), round(r["reverse"], 2), round(r["js"], 4)   # JS stays below ln 2
    (4.5, 4.5, 0.5267)
    """

    p_width = 1.0
    figsize = (10.0, 3.6)

    def make_controls(self) -> dict[str, Any]:
        # Width >= 0.5 keeps every probability above ~1e-90, far from float underflow, so both
        # KL directions stay finite over the whole range.
        return {
            "shift": float_slider(tr("shift of q"), -4.0, 4.0, 0.1, 1.5, ".1f"),
            "width": float_slider(tr("width of q"), 0.5, 2.0, 0.05, 0.7),
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
            "shifts": _SHIFTS,
            "forward_curve": kl_divergence(p, qs),
            "reverse_curve": kl_divergence(qs, p),
            "js_curve": js_divergence(p, qs),
            "forward": kl_divergence(p, q),
            "reverse": kl_divergence(q, p),
            "js": js_divergence(p, q),
        }

    def describe(self, result: Mapping[str, Any]) -> str:
        return tr(
            "Left: p and q on 25 outcomes, q shifted by {shift:.2f}. Middle: D_KL(p‖q), "
            "D_KL(q‖p) and Jensen–Shannon against the shift. Here D_KL(p‖q) = "
            "{forward:.3f}, D_KL(q‖p) = {reverse:.3f} and JS = "
            "{js:.3f} nats, below ln 2.",
            shift=result["shift"], forward=result["forward"], reverse=result["reverse"], js=result["js"],
        )

    def build(self, fig: Figure) -> SimpleNamespace:
        ax_d, ax_k, ax_r = fig.subplots(1, 3, gridspec_kw={"width_ratios": [1.0, 1.0, 0.62]})
        p = binned_normal(OUTCOMES, 0.0, self.p_width)
        ax_d.bar(OUTCOMES, p, width=0.45, color=COLORS["p"], alpha=0.6)
        (q_line,) = ax_d.plot(OUTCOMES, p, "o-", color=COLORS["q"], lw=1.5, ms=4, animated=True)
        ax_d.set_ylim(0, 0.5)
        style_axes(ax_d, "outcome", "probability", "p (bars), q (dots)")

        lines, dots = {}, {}
        for key, (color, ls, marker, _) in _STYLES.items():
            (lines[key],) = ax_k.plot(_SHIFTS, _SHIFTS, color=COLORS[color], lw=2, ls=ls,
                                      animated=True)
            (dots[key],) = ax_k.plot([0], [0], marker, color=COLORS[color], ms=7, animated=True)
        ax_k.axhline(math.log(2.0), color=COLORS["grey"], lw=1, ls=":")
        ax_k.set_xlim(_SHIFTS[0], _SHIFTS[-1])
        ax_k.set_ylim(0.0, _VIEW_MAX)
        # ln 2 named on the axis itself, as a tick: never under a curve.
        ax_k.set_yticks([0.0, math.log(2.0), 1.0, 1.5, 2.0], ["0", "ln 2", "1", "1.5", "2"])
        style_axes(ax_k, "shift of q", "divergence (nats)", "KL both ways vs JS")

        # The key and the readouts live in their own margin, clear of every curve.
        ax_r.set_axis_off()
        ax_r.set_xticks([])  # no (hidden) tick labels left behind
        ax_r.set_yticks([])
        ax_r.set_xlim(0.0, 1.0)
        ax_r.set_ylim(0.0, 1.0)
        ax_r.text(0.0, 0.97, "at this shift (nats)", va="top", fontsize=FONT_SIZE,
                  color=COLORS["ink"])
        texts = {}
        for (key, (color, ls, marker, _)), y in zip(_STYLES.items(), (0.74, 0.5, 0.26), strict=True):
            ax_r.plot([0.0, 0.2], [y, y], color=COLORS[color], lw=2, ls=ls)
            ax_r.plot([0.1], [y], marker, color=COLORS[color], ms=7)
            texts[key] = ax_r.text(0.25, y, "", va="center", fontsize=FONT_SIZE,
                                   color=COLORS["ink"], animated=True)
        return SimpleNamespace(q_line=q_line, lines=lines, dots=dots, texts=texts)

    def draw(self, artists: SimpleNamespace, result: Mapping[str, Any]) -> None:
        artists.q_line.set_ydata(result["q"])
        for key, (_, _, _, name) in _STYLES.items():
            artists.lines[key].set_ydata(result[f"{key}_curve"])
            # Off-scale values sit on the top edge; the readout carries the number.
            artists.dots[key].set_data([result["shift"]], [min(result[key], _VIEW_MAX)])
            artists.texts[key].set_text(f"{name} = {result[key]:.3f}")
