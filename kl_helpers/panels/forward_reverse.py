"""Slider panel of ``05_forward_vs_reverse.ipynb``: one Gaussian fitted to two modes, both ways."""

from __future__ import annotations

from collections.abc import Mapping
from functools import lru_cache
from types import SimpleNamespace
from typing import Any

import numpy as np
from matplotlib.figure import Figure
from matplotlib.lines import Line2D
from matplotlib.patches import Patch

from .._i18n import tr
from ..distributions import normal_pdf
from ..mixtures import NormalMixture, count_modes, fit_reverse_kl, kl_normal_mixture, moment_match
from ..plotting import COLORS, FONT_SIZE, style_axes
from .base import Panel, float_slider

__all__ = ["ForwardReversePanel"]

_X = np.linspace(-7.0, 7.0, 281)
_MU_GRID = np.linspace(-5.0, 5.0, 61)
_WEIGHT_LEFT = 0.4
#: Separation slider: min, max, step, initial value. 0 is a single Gaussian (every fit exact);
#: beyond 6 the modes barely overlap and nothing new happens within the fixed x-range.
_SEPARATION = (0.0, 6.0, 0.25, 5.5)
#: Fixed upper limit of the D_KL(q‖p) axis (nats). The barrier between the valleys is highest at
#: the largest separation (2.67 nats at 6); 3.5 shows it, and the whole curve there, at every
#: reachable separation (tests/test_lesson_05.py checks it).
_KL_VIEW_MAX = 3.5
#: Where the reverse-KL optimiser starts: on the left mode, in the middle, on the right mode.
_STARTS = ("left", "middle", "right")
_START_STYLE = {"left": ("kl", "-"), "middle": ("extra", "-."), "right": ("alt", ":")}


def target(separation: float) -> NormalMixture:
    """The panel's p: weights 0.4 / 0.6, unit standard deviations, modes ``separation`` apart."""
    return NormalMixture.two_modes(separation, _WEIGHT_LEFT)


@lru_cache(maxsize=128)
def _state(separation: float) -> dict[str, Any]:
    # Three optimisations and a 61-point quadrature curve cost ~15 ms; cached per slider
    # position (the slider has 25), so revisiting a position only redraws.
    p = target(separation)
    mu_f, sigma_f = moment_match(p)
    starts = {"left": p.means[0], "middle": 0.0, "right": p.means[1]}
    fits = [fit_reverse_kl(p, starts[name], 1.0) for name in _STARTS]
    best = min(fits, key=lambda f: f.kl)
    return {
        "p_density": np.asarray(p.pdf(_X)),
        "forward": (mu_f, sigma_f),
        "forward_density": np.asarray(normal_pdf(_X, mu_f, sigma_f)),
        "reverse_mu": [f.mu for f in fits],
        "reverse_sigma": [f.sigma for f in fits],
        "reverse_kl": [f.kl for f in fits],
        "reverse_densities": [np.asarray(normal_pdf(_X, f.mu, f.sigma)) for f in fits],
        "landscape": np.asarray(kl_normal_mixture(_MU_GRID, best.sigma, p)),
        "landscape_sigma": best.sigma,
        # Distinct optima: fits from different starts that land on the same point count once.
        "n_optima": len({round(f.mu, 3) for f in fits}),
        "n_modes": count_modes(np.asarray(p.pdf(_X))),
    }


class ForwardReversePanel(Panel):
    """Pull two modes apart and watch the forward and reverse Gaussian fits react.

    Left: p (two modes, weights 0.4 and 0.6), the forward fit argmin D_KL(p‖q) (moment matching,
    closed form) and the reverse fits argmin D_KL(q‖p) reached from three starting points (left
    mode, middle, right mode). Right: the reverse objective D_KL(q‖p) as a function of the mean of
    q, at the width of the best reverse fit (separate valleys are separate local optima), and
    each fit's D_KL(q‖p) as a dot at its own width (so a wide fit's dot can sit off the curve).
    The readout above the right plot counts the bumps (modes) of p and the distinct optima the
    three starts find: the two numbers differ at most separations.

    Introduced in ``05_forward_vs_reverse.ipynb``.

    Examples
    --------
    >>> panel = ForwardReversePanel(separation=6.0)
    >>> round(panel.result["forward"][1] ** 2, 4)   # variance of the forward fit: 1 + 0.4·0.6·6²
    9.64
    >>> [round(mu, 1) for mu in panel.result["reverse_mu"]]   # three starts, three optima
    [-3.0, 0.5, 3.0]
    >>> panel.result["n_modes"], panel.result["n_optima"]
    (2, 3)
    """

    figsize = (11.0, 4.6)

    def __init__(self, **values: Any) -> None:
        # Fill the cache for every slider position once (~0.4 s), so no slider move ever waits
        # for the optimiser.
        low, high, step, _ = _SEPARATION
        for k in range(round((high - low) / step) + 1):
            _state(round(low + k * step, 10))
        super().__init__(**values)

    def make_controls(self) -> dict[str, Any]:
        return {"separation": float_slider(tr("separation of the modes"), *_SEPARATION)}

    def compute(self, separation: float) -> dict[str, Any]:
        # Rounded as the cache keys are, so a slider value such as 4.499999999 hits the cache.
        return _state(round(float(separation), 10))

    def describe(self, result: Mapping[str, Any]) -> str:
        mu_f, sigma_f = result["forward"]
        reverse = tr(", ").join(f"N({m:.2f}, {s:.2f}²)" for m, s in
                            zip(result["reverse_mu"], result["reverse_sigma"], strict=True))
        return tr(
            "Left: a two-mode p, its forward fit N({mu:.2f}, {sigma:.2f}²) spanning both "
            "modes, and the reverse fits from three starts: {reverse}. Right: D_KL(q‖p) against "
            "the mean of q; p has {modes} mode(s) and the starts find "
            "{optima} distinct optimum(s).",
            mu=mu_f, sigma=sigma_f, reverse=reverse, modes=result["n_modes"],
            optima=result["n_optima"],
        )

    def build(self, fig: Figure) -> SimpleNamespace:
        ax_d, ax_k = fig.subplots(1, 2)
        zeros = np.zeros_like(_X)
        (p_line,) = ax_d.plot(_X, zeros, color=COLORS["p"], lw=2.5, animated=True)
        p_fill = ax_d.fill_between(_X, zeros, color=COLORS["p"], alpha=0.2, lw=0, animated=True)
        (fwd_line,) = ax_d.plot(_X, zeros, color=COLORS["q"], lw=2, ls="--", animated=True)
        rev_lines = []
        for name in _STARTS:
            color, ls = _START_STYLE[name]
            (line,) = ax_d.plot(_X, zeros, color=COLORS[color], lw=1.8, ls=ls, animated=True)
            rev_lines.append(line)
        ax_d.set_xlim(_X[0], _X[-1])
        ax_d.set_ylim(0, 0.45)  # the tallest p (separation 0) peaks at 0.40
        style_axes(ax_d, "x", "probability density", "Fits of one Gaussian q to p")

        (land_line,) = ax_k.plot(_MU_GRID, _MU_GRID, color=COLORS["grey"], lw=2, animated=True)
        dots = []
        for name in _STARTS:
            color, _ = _START_STYLE[name]
            (dot,) = ax_k.plot([0], [0], "o", color=COLORS[color], ms=8, mec="white",
                               animated=True)
            dots.append(dot)
        ax_k.set_xlim(_MU_GRID[0], _MU_GRID[-1])
        ax_k.set_ylim(0.0, _KL_VIEW_MAX)
        # The readout is the right plot's title: above the axes, so no curve can run over it.
        style_axes(ax_k, "mean of q, μ_q", "D_KL(q‖p) (nats)", " ")
        text = ax_k.title
        text.set_animated(True)

        # One legend for both plots, above them (outside the data): line style and marker carry
        # each start as well as colour does.
        handles = [
            Patch(facecolor=COLORS["p"], alpha=0.5, edgecolor=COLORS["p"], label="p"),
            Line2D([], [], color=COLORS["q"], lw=2, ls="--", label="forward fit (moment matching)"),
        ]
        for name in _STARTS:
            color, ls = _START_STYLE[name]
            handles.append(Line2D([], [], color=COLORS[color], lw=1.8, ls=ls, marker="o",
                                  mec="white", ms=8, label=f"reverse fit, start {name}"))
        handles.append(Line2D([], [], color=COLORS["grey"], lw=2,
                              label="right: D_KL(q‖p) along μ_q at the best fit's σ_q"))
        fig.legend(handles=handles, loc="outside upper center", ncols=3, fontsize=FONT_SIZE,
                   frameon=False)
        return SimpleNamespace(p_line=p_line, p_fill=p_fill, fwd_line=fwd_line,
                               rev_lines=rev_lines, land_line=land_line, dots=dots, text=text)

    def draw(self, artists: SimpleNamespace, result: Mapping[str, Any]) -> None:
        artists.p_line.set_ydata(result["p_density"])
        artists.p_fill.set_data(_X, 0.0, result["p_density"])
        artists.fwd_line.set_ydata(result["forward_density"])
        for line, density in zip(artists.rev_lines, result["reverse_densities"], strict=True):
            line.set_ydata(density)
        artists.land_line.set_ydata(result["landscape"])
        for dot, mu, kl in zip(artists.dots, result["reverse_mu"], result["reverse_kl"], strict=True):
            dot.set_data([mu], [kl])
        artists.text.set_text(f"bumps of p: {result['n_modes']} · optima found: {result['n_optima']}"
                              f" · best σ_q = {result['landscape_sigma']:.2f}")
