"""Slider panel of ``08_kl_as_a_loss.ipynb``: four divergences and their gradients as q slides away."""

from __future__ import annotations

from collections.abc import Mapping
from types import SimpleNamespace
from typing import Any

import numpy as np
from matplotlib.figure import Figure
from matplotlib.ticker import NullLocator

from .._i18n import tr
from ..comparison import shifted_normal_divergences
from ..distributions import normal_pdf
from ..plotting import COLORS, FONT_SIZE, style_axes
from .base import Panel, float_slider

__all__ = ["GradientComparisonPanel"]

_X = np.linspace(-5.0, 5.0, 401)
_SHIFTS = np.linspace(-3.0, 3.0, 120)  # even: no point at θ = 0, where |θ| has no slope
#: Fixed views (a slider move never redraws the axes). Values outside sit on the edge; the
#: readout carries the number.
_VALUE_MAX = 3.5
_GRAD_MIN, _GRAD_MAX = 1e-8, 1e3
#: Colour, line style, marker and name per divergence: never colour alone.
_STYLES = {
    "kl": ("kl", "-", "o", "KL"),
    "js": ("extra", "-.", "^", "JS"),
    "tv": ("alt", ":", "s", "TV"),
    "w1": ("sky", "--", "D", "W₁"),
}


class GradientComparisonPanel(Panel):
    """Slide the model q_θ = N(θ, w²) away from p = N(0, w²): KL, JS, TV and W₁, and how steep each is.

    Top left: the two densities. Bottom left: each divergence against the shift θ (at the current
    width), the current shift marked. Bottom right: the size of each gradient d/dθ, on a log
    scale: JS's and TV's fall towards 0 once the two bells stop overlapping (they *saturate*),
    W₁'s stays 1 and KL's grows with the distance. Top right: the key with the current values.
    Conditions: equal widths, so everything depends on θ/w (``kh.shifted_normal_divergences``).

    Introduced in ``08_kl_as_a_loss.ipynb``.

    Examples
    --------
    >>> r = GradientComparisonPanel(shift=3.0, width=0.2).result     # far apart: JS and TV are flat
    >>> round(r["grad_kl"], 2), f"{r['grad_js']:.0e}", f"{r['grad_tv']:.0e}", r["grad_w1"]
    (75.0, '2e-12', '1e-12', 1.0)
    """

    figsize = (10.0, 6.4)

    def make_controls(self) -> dict[str, Any]:
        # width >= 0.2 keeps both bells resolved on the 401-point grid; |shift| <= 3 keeps
        # every curve inside its fixed view except KL (whose dot then sits on the top edge).
        return {
            "shift": float_slider(tr("shift θ of q"), -3.0, 3.0, 0.1, 1.5, ".1f"),
            "width": float_slider(tr("width w of p and q"), 0.2, 1.5, 0.05, 0.5),
        }

    def compute(self, shift: float, width: float) -> dict[str, Any]:
        # The curves depend on the width only: a shift move reuses them, and each of the width
        # slider's 27 positions is worked out once (half a width move's cost).
        cache = self.__dict__.setdefault("_curves", {})
        if width not in cache:
            cache[width] = shifted_normal_divergences(_SHIFTS, width)
        curves = cache[width]
        here = shifted_normal_divergences(shift, width)
        out: dict[str, Any] = {"shift": shift, "width": width, "shifts": _SHIFTS,
                               "p": normal_pdf(_X, 0.0, width), "q": normal_pdf(_X, shift, width)}
        for key in _STYLES:
            out[f"{key}_curve"] = curves[key]
            out[f"grad_{key}_curve"] = curves[f"grad_{key}"]
            out[key] = here[key]
            out[f"grad_{key}"] = here[f"grad_{key}"]
        return out

    def describe(self, result: Mapping[str, Any]) -> str:
        values = tr(", ").join(
            tr("{label} {value:.3f} (gradient {slope:.2g})", label=label, value=result[key],
               slope=abs(result[f"grad_{key}"]))
            for key, (_, _, _, label) in _STYLES.items())
        return tr(
            "Top left: p = N(0, {width:.2f}²) and the model q = N({shift:.2f}, "
            "{width:.2f}²). Top right: the key with the current values. Bottom left: four "
            "divergences against the shift; bottom right: the size of their gradients (log "
            "scale). Here {values}.",
            width=result["width"], shift=result["shift"], values=values,
        )

    def build(self, fig: Figure) -> SimpleNamespace:
        grid = fig.add_gridspec(2, 2, width_ratios=[1.0, 1.0], height_ratios=[0.8, 1.0])
        ax_d = fig.add_subplot(grid[0, 0])
        ax_key = fig.add_subplot(grid[0, 1])
        ax_v = fig.add_subplot(grid[1, 0])
        ax_g = fig.add_subplot(grid[1, 1])

        (p_line,) = ax_d.plot(_X, _X * 0, color=COLORS["p"], lw=2, animated=True)
        (q_line,) = ax_d.plot(_X, _X * 0, color=COLORS["q"], lw=2, ls="--", animated=True)
        ax_d.set_xlim(_X[0], _X[-1])
        ax_d.set_ylim(0.0, 2.1)
        style_axes(ax_d, "x", "density", "p (solid), q_θ (dashed)")

        lines, dots, glines, gdots = {}, {}, {}, {}
        for key, (color, ls, marker, _) in _STYLES.items():
            (lines[key],) = ax_v.plot(_SHIFTS, _SHIFTS * 0, color=COLORS[color], lw=2, ls=ls,
                                      animated=True)
            (dots[key],) = ax_v.plot([0], [0], marker, color=COLORS[color], ms=7, animated=True)
            (glines[key],) = ax_g.plot(_SHIFTS, _SHIFTS * 0 + 1.0, color=COLORS[color], lw=2, ls=ls,
                                       animated=True)
            (gdots[key],) = ax_g.plot([0], [1.0], marker, color=COLORS[color], ms=7, animated=True)
        ax_v.set_xlim(_SHIFTS[0], _SHIFTS[-1])
        ax_v.set_ylim(0.0, _VALUE_MAX)
        style_axes(ax_v, "shift θ of q", "value (KL, JS in nats)", "Value")
        ax_g.set_yscale("log")
        ax_g.set_xlim(_SHIFTS[0], _SHIFTS[-1])
        ax_g.set_ylim(_GRAD_MIN, _GRAD_MAX)
        # Plain tick labels: the default 10^k labels go through mathtext, which doubles the
        # panel's build time.
        exponents = range(-8, 3, 2)
        ax_g.set_yticks([10.0**k for k in exponents], [f"1e{k}" if k else "1" for k in exponents])
        ax_g.yaxis.set_minor_locator(NullLocator())
        style_axes(ax_g, "shift θ of q", "|d/dθ| (log scale)", "Gradient")

        ax_key.set_axis_off()
        ax_key.set_xticks([])  # no (hidden) tick labels left behind
        ax_key.set_yticks([])
        ax_key.set_xlim(0.0, 1.0)
        ax_key.set_ylim(0.0, 1.0)
        ax_key.text(0.0, 0.98, "at this shift θ", va="top", fontsize=FONT_SIZE,
                    color=COLORS["ink"])
        texts = {}
        for (key, (color, ls, marker, _)), y in zip(_STYLES.items(), (0.74, 0.54, 0.34, 0.14),
                                                    strict=True):
            ax_key.plot([0.0, 0.12], [y, y], color=COLORS[color], lw=2, ls=ls)
            ax_key.plot([0.06], [y], marker, color=COLORS[color], ms=7)
            texts[key] = ax_key.text(0.16, y, "", va="center", fontsize=FONT_SIZE,
                                     color=COLORS["ink"], animated=True)
        return SimpleNamespace(p_line=p_line, q_line=q_line, lines=lines, dots=dots, glines=glines,
                               gdots=gdots, texts=texts)

    def draw(self, artists: SimpleNamespace, result: Mapping[str, Any]) -> None:
        artists.p_line.set_ydata(result["p"])
        artists.q_line.set_ydata(result["q"])
        theta = result["shift"]
        # The curves depend on the width only: left alone on a shift move, they are not drawn
        # again (canvas.record reuses what it recorded while they are not stale).
        new_curves = getattr(artists, "curves_width", None) != result["width"]
        artists.curves_width = result["width"]
        for key, (_, _, _, name) in _STYLES.items():
            if new_curves:
                artists.lines[key].set_ydata(result[f"{key}_curve"])
                grads = np.clip(np.abs(result[f"grad_{key}_curve"]), _GRAD_MIN, _GRAD_MAX)
                artists.glines[key].set_ydata(grads)
            artists.dots[key].set_data([theta], [min(result[key], _VALUE_MAX)])
            artists.gdots[key].set_data([theta], [min(max(abs(result[f"grad_{key}"]), _GRAD_MIN),
                                                      _GRAD_MAX)])
            slope = abs(result[f"grad_{key}"])
            artists.texts[key].set_text(f"{name} = {result[key]:.3f},  |d/dθ| = {slope:.2g}")
