"""Slider panel of ``00_refresher.ipynb``: Jensen's inequality for ln on a two-point distribution."""

from __future__ import annotations

from collections.abc import Mapping
from types import SimpleNamespace
from typing import Any

import numpy as np
from matplotlib.figure import Figure

from .._i18n import tr
from ..expectation import discrete_expectation, jensen_gap_log
from ..plotting import COLORS, TEXT_COLORS, legend, style_axes
from .base import Panel, float_slider

__all__ = ["JensenPanel"]

#: The middle of the two values: X = m - s or m + s.
_M = 2.0
#: The x grid of the ln curve, and the spread grid of the right-hand curve (the slider's range).
_X = np.linspace(0.05, 4.2, 300)
_S = np.linspace(0.0, 1.9, 77)


def _two_points(spread: float | np.ndarray) -> np.ndarray:
    """The values (m - s, m + s), one row per spread."""
    s = np.asarray(spread, dtype=float)
    return np.stack([_M - s, _M + s], axis=-1)


class JensenPanel(Panel):
    """Slide the spread s of a two-point X (values 2 − s and 2 + s) and the weight of the upper value.

    Left: the concave curve ln x, the two points (x, ln x) joined by a chord, and at x = E[X] the
    chord's height E[ln X] (diamond) below the curve's height ln E[X] (circle); the orange
    segment between them is the gap ln E[X] − E[ln X]. Right: that gap as a function of the
    spread for the current weight, with the current spread marked. The gap is ≥ 0 everywhere and
    0 only at s = 0, where X is constant.

    The spread stops at 1.9 so that the lower value 2 − s stays > 0 (ln needs x > 0); the weight
    stays in [0.1, 0.9] so that both values have positive probability. All limits are fixed:
    the right-hand top is the largest gap the sliders can reach.

    Introduced in ``00_refresher.ipynb``.

    Examples
    --------
    >>> panel = JensenPanel(spread=1.0, weight=0.5)
    >>> r = panel.result
    >>> round(r["mean"], 4), round(r["log_mean"], 4), round(r["mean_log"], 4), round(r["gap"], 4)
    (2.0, 0.6931, 0.5493, 0.1438)
    >>> panel.compute(spread=0.0, weight=0.5)["gap"]        # X constant: no gap
    0.0
    """

    figsize = (9.0, 4.9)

    def make_controls(self) -> dict[str, Any]:
        return {
            "spread": float_slider(tr("spread s"), 0.0, 1.9, 0.05, 1.0),
            "weight": float_slider("P(X = 2 + s)", 0.1, 0.9, 0.05, 0.5),
        }

    def compute(self, spread: float, weight: float) -> dict[str, Any]:
        p = np.array([1.0 - weight, weight])
        x = _two_points(spread)
        mean = discrete_expectation(x, p)
        return {
            "spread": spread,
            "weight": weight,
            "values": x,
            "log_values": np.log(x),
            "mean": mean,
            "log_mean": float(np.log(mean)),
            "mean_log": discrete_expectation(np.log(x), p),
            "gap": jensen_gap_log(x, p),
            "spread_grid": _S,
            "gap_curve": jensen_gap_log(_two_points(_S), p),
        }

    def _largest_gap(self) -> float:
        """The largest gap the sliders can reach (the top of the fixed right-hand y-limits)."""
        weight = self.controls["weight"]
        weights = np.linspace(weight.min, weight.max, 33)[:, None]
        probs = np.stack([1.0 - weights[:, 0], weights[:, 0]], axis=-1)[:, None, :]
        return float(jensen_gap_log(_two_points(_S)[None, :, :], probs).max())

    def describe(self, result: Mapping[str, Any]) -> str:
        low, high = result["values"]
        return tr(
            "Left: the curve ln x and the chord between x = {low:.2f} and x = {high:.2f}; at "
            "E[X] = {mean:.2f} the chord's height E[ln X] = {mean_log:.3f} "
            "is below ln E[X] = {log_mean:.3f}, a gap of {gap:.3f} nats. "
            "Right: the gap against the spread s, zero only at s = 0.",
            low=low, high=high, mean=result["mean"], mean_log=result["mean_log"],
            log_mean=result["log_mean"], gap=result["gap"],
        )

    def build(self, fig: Figure) -> SimpleNamespace:
        grid = fig.add_gridspec(2, 2, height_ratios=[5.0, 1.3])
        ax_l, ax_g = fig.add_subplot(grid[0, 0]), fig.add_subplot(grid[0, 1])
        key_l, key_g = fig.add_subplot(grid[1, 0]), fig.add_subplot(grid[1, 1])
        for ax in (key_l, key_g):  # strips for the legend and the readouts: no frame, no ticks
            ax.set_axis_off()
            ax.set_xticks([])
            ax.set_yticks([])

        (curve,) = ax_l.plot(_X, np.log(_X), color=COLORS["ink"], lw=1.5, label="ln x (concave)")
        (chord,) = ax_l.plot([1, 3], [0, 1], color=COLORS["kl"], lw=2, ls="--", marker="s", ms=8,
                             label="chord between (x, ln x)", animated=True)
        (gap,) = ax_l.plot([2, 2], [0, 1], color=COLORS["alt"], lw=3, label="gap", animated=True)
        (mean_log,) = ax_l.plot([2], [0], "D", color=COLORS["q"], ms=9, ls="none",
                                label="E[ln X] (on the chord)", animated=True)
        (log_mean,) = ax_l.plot([2], [1], "o", color=COLORS["p"], ms=9, ls="none",
                                label="ln E[X] (on the curve)", animated=True)
        ax_l.set_xlim(0.0, 4.3)
        ax_l.set_ylim(-3.2, 1.8)  # ln 0.1 = -2.30 and ln 3.9 = 1.36: both points always inside
        style_axes(ax_l, "value x of X", "ln x (nats)", "E[ln X] ≤ ln E[X]")
        legend(key_l, handles=[curve, chord, mean_log, log_mean], loc="upper left", ncol=2,
               borderaxespad=0.0, columnspacing=1.0, handlelength=1.8)

        top = 1.1 * self._largest_gap()
        (gap_curve,) = ax_g.plot(_S, _S, color=COLORS["alt"], lw=2, animated=True)
        (gap_dot,) = ax_g.plot([0], [0], "o", color=COLORS["alt"], mec=COLORS["ink"], ms=8,
                               ls="none", animated=True)
        ax_g.axhline(0.0, color=COLORS["grey"], lw=0.8)
        ax_g.set_xlim(-0.08, _S[-1] + 0.08)  # a whole marker at either end of s
        ax_g.set_ylim(-0.05 * top, top)
        style_axes(ax_g, "spread s", "gap (nats)", "ln E[X] − E[ln X] against s")

        texts = [key_g.text(0.0, y, "", transform=key_g.transAxes, va="top", fontsize=11,
                            color=TEXT_COLORS[key], animated=True)
                 for y, key in ((1.0, "p"), (0.66, "q"), (0.32, "ink"))]
        return SimpleNamespace(chord=chord, gap=gap, mean_log=mean_log, log_mean=log_mean,
                               gap_curve=gap_curve, gap_dot=gap_dot, texts=texts)

    def draw(self, artists: SimpleNamespace, result: Mapping[str, Any]) -> None:
        x, mean = result["values"], result["mean"]
        artists.chord.set_data(x, result["log_values"])
        artists.gap.set_data([mean, mean], [result["mean_log"], result["log_mean"]])
        artists.mean_log.set_data([mean], [result["mean_log"]])
        artists.log_mean.set_data([mean], [result["log_mean"]])
        artists.gap_curve.set_ydata(result["gap_curve"])
        artists.gap_dot.set_data([result["spread"]], [result["gap"]])
        lines = (
            f"E[X] = {mean:.3f},  ln E[X] = {result['log_mean']:.3f}  (●)",
            f"E[ln X] = {result['mean_log']:.3f}  (◆)",
            f"gap = {result['gap']:.3f} nats  (orange)",
        )
        for text, line in zip(artists.texts, lines, strict=True):
            text.set_text(line)
