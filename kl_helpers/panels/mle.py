"""Slider panels of ``04_mle_equivalence.ipynb``: the likelihood surface, and gradient descent replayed."""

from __future__ import annotations

from collections.abc import Mapping
from types import SimpleNamespace
from typing import Any

import ipywidgets as widgets
import numpy as np
from matplotlib.axes import Axes
from matplotlib.figure import Figure
from numpy.typing import ArrayLike

from .._i18n import tr
from .._validate import as_sample, scalar
from ..distributions import kl_normal_normal, normal_pdf
from ..fitting import fit_normal_gd, fit_normal_mle, normal_nll
from ..optimize import DescentHistory
from ..plotting import COLORS, FONT_SIZE, legend, style_axes
from .base import Panel, float_slider, int_slider

__all__ = ["DescentPanel", "LikelihoodPanel", "default_data"]

#: The data-generating distribution of the default data set (and of the notebook).
DEFAULT_P = (1.5, 0.8)
_STEP = 0.05
#: Contour levels of NLL − min NLL (nats), innermost first.
LEVELS = (0.02, 0.05, 0.1, 0.2, 0.5, 1.0, 2.0)
#: How far past the slider range the axes reach, as a share of the range: a dot at a slider's
#: end stays whole on the plot.
_PAD = 0.04


def default_data(n: int = 200, seed: int = 4) -> np.ndarray:
    """A fixed sample from N(1.5, 0.8²), so a panel built without data is reproducible.

    Examples
    --------
    >>> default_data(3).round(3).tolist()          # the same three numbers on every call
    [0.979, 1.36, 2.831]
    """
    return np.random.default_rng(seed).normal(*DEFAULT_P, n)


def _snap(value: float) -> float:
    # Slider values live on the grid low + k * step; keep ranges on the same grid.
    return round(round(value / _STEP) * _STEP, 10)


def _true_p(p: tuple[float, float] | None) -> tuple[float, float] | None:
    if p is None:
        return None
    if len(p) != 2:
        raise ValueError(f"p must be a pair (mu_p, sigma_p) or None, got {p!r}")
    mu_p = scalar(p[0], "p[0] (mu_p)")
    sigma_p = scalar(p[1], "p[1] (sigma_p)", positive=True, example="1.0")
    return mu_p, sigma_p


def _padded(low: float, high: float) -> tuple[float, float]:
    pad = _PAD * (high - low)
    return low - pad, high + pad


def _legend_below(ax: Axes, ncols: int = 2) -> None:
    # Outside the plotting area, so no curve or moving marker can ever run over it.
    legend(ax, loc="upper center", bbox_to_anchor=(0.5, -0.2), ncols=ncols, borderaxespad=0.0,
           handlelength=1.8, columnspacing=1.2)


def _draw_data(ax: Axes, x: np.ndarray, grid: np.ndarray, p: tuple[float, float] | None) -> float:
    """Histogram of the data and (if known) the true density; returns the tallest value drawn."""
    bins = int(np.clip(round(2 * np.sqrt(x.size)), 8, 30))
    heights, _, _ = ax.hist(x, bins=bins, density=True, color=COLORS["sky"], alpha=0.45,
                            label=f"data (N = {x.size})")
    top = float(heights.max())
    if p is not None:
        p_density = normal_pdf(grid, *p)
        ax.plot(grid, p_density, color=COLORS["p"], lw=2, label="p (true)")
        top = max(top, float(p_density.max()))
    return top


class LikelihoodPanel(Panel):
    """Move the model θ = (μ, σ) over the data and across the NLL surface.

    Left: a histogram of the data, the true density ``p`` (when known) and the model
    ``q_θ = N(μ, σ²)``. Right: contours of the average negative log-likelihood minus its
    minimum over (μ, σ) at the :data:`LEVELS`, drawn once, with the MLE (filled star), the true
    parameters (hollow diamond, drawn on top) and the current θ (dot). Legends and the readout
    (the NLL and, when ``p`` is known, the true D_KL(p‖q_θ)) sit outside the plotting areas.

    Parameters
    ----------
    x : array_like, optional
        The data (1-D, finite, not all equal); default ``default_data(30)``: few enough points
        that the MLE and the true parameters are visibly apart.
    p : (float, float) or None, default (1.5, 0.8)
        Mean and standard deviation of the true normal ``p``, or None when unknown.
    **values
        Initial slider values ``mu`` and ``sigma``.

    Introduced in ``04_mle_equivalence.ipynb``.

    Examples
    --------
    >>> panel = LikelihoodPanel()
    >>> mu_hat, sigma_hat = fit_normal_mle(panel.x)
    >>> panel.set(mu=round(mu_hat, 1), sigma=round(sigma_hat, 1))
    >>> round(panel.result["nll"], 4), round(panel.nll_min, 4)   # near the MLE, never below it
    (1.3041, 1.3039)
    >>> sorted(LikelihoodPanel(p=None).result)     # p unknown: no true KL to show
    ['mu', 'nll', 'q_density', 'sigma']
    """

    figsize = (10.0, 4.6)

    def __init__(self, x: ArrayLike | None = None, p: tuple[float, float] | None = DEFAULT_P,
                 **values: Any) -> None:
        self.x = default_data(30) if x is None else as_sample(x, "x")
        self.p = _true_p(p)
        self.mle = fit_normal_mle(self.x)
        mu_hat, s_hat = self.mle
        self.nll_min = normal_nll(mu_hat, s_hat, self.x)
        # Slider ranges frame the MLE: ±1.5 sample standard deviations for μ, and σ from
        # 0.5 s (never 0, so the NLL stays finite) to 2 s; the contours up to +1 nat fit inside.
        self.mu_range = (_snap(mu_hat - 1.5 * s_hat), _snap(mu_hat + 1.5 * s_hat))
        self.sigma_range = (max(_STEP, _snap(0.5 * s_hat)), _snap(2.0 * s_hat))
        self.grid = np.linspace(mu_hat - 4.5 * s_hat, mu_hat + 4.5 * s_hat, 301)
        super().__init__(**values)

    def make_controls(self) -> dict[str, widgets.ValueWidget]:
        mu_hat, s_hat = self.mle
        return {
            "mu": float_slider(tr("mean μ"), *self.mu_range, _STEP, _snap(mu_hat - 1.0 * s_hat)),
            "sigma": float_slider(tr("std σ"), *self.sigma_range, _STEP, _snap(1.6 * s_hat)),
        }

    def compute(self, mu: float, sigma: float) -> dict[str, Any]:
        result = {
            "mu": mu,
            "sigma": sigma,
            "q_density": normal_pdf(self.grid, mu, sigma),
            "nll": normal_nll(mu, sigma, self.x),
        }
        if self.p is not None:
            result["kl"] = kl_normal_normal(*self.p, mu, sigma)
        return result

    def describe(self, result: Mapping[str, Any]) -> str:
        kl = tr(" and D_KL(p‖q) = {kl:.3f} nats", kl=result["kl"]) if "kl" in result else ""
        return tr(
            "Left: a histogram of {n} data points with the model N({mu:.2f}, {sigma:.2f}²). Right: "
            "contours of the average negative log-likelihood over (μ, σ) with the maximum-likelihood "
            "estimate starred; here the NLL is {nll:.3f}{kl}.",
            n=len(self.x), mu=result["mu"], sigma=result["sigma"], nll=result["nll"], kl=kl,
        )

    def build(self, fig: Figure) -> SimpleNamespace:
        ax_d, ax_c = fig.subplots(1, 2, width_ratios=[1.0, 1.0])
        top = _draw_data(ax_d, self.x, self.grid, self.p)
        (q_line,) = ax_d.plot(self.grid, 0 * self.grid, color=COLORS["q"], lw=2, ls="--",
                              label="model q_θ", animated=True)
        ax_d.set_xlim(self.grid[0], self.grid[-1])
        ax_d.set_ylim(0, 1.25 * top)
        style_axes(ax_d, "x", "probability density", "Model over the data")
        _legend_below(ax_d, ncols=2)

        # The NLL surface depends only on the data: contour it once, here, never per update.
        mu_lim, sigma_lim = _padded(*self.mu_range), _padded(*self.sigma_range)
        mus = np.linspace(*mu_lim, 121)
        sigmas = np.linspace(*sigma_lim, 121)
        mu_mesh, sigma_mesh = np.meshgrid(mus, sigmas)
        excess = normal_nll(mu_mesh, sigma_mesh, self.x) - self.nll_min
        # No labels on the contours (the dot can go anywhere, so a label would sit under it
        # somewhere): the levels are named in the legend, and the readout gives the exact value.
        ax_c.contour(mu_mesh, sigma_mesh, excess, levels=list(LEVELS), colors=COLORS["grey"],
                     linewidths=1)
        ax_c.plot([], [], color=COLORS["grey"], lw=1,
                  label="contours of NLL − min:\n" + ", ".join(f"{v:g}" for v in LEVELS)
                  + " nats")
        ax_c.plot(*self.mle, "*", color=COLORS["ink"], ms=12, zorder=4, label="MLE (θ̂)")
        if self.p is not None:
            # Hollow and on top: the true parameters stay visible even when the MLE is close.
            ax_c.plot(*self.p, "D", mfc="none", mec=COLORS["p"], mew=2.2, ms=9, zorder=5,
                      label="true (μ_p, σ_p)")
        (point,) = ax_c.plot([0], [0], "o", color=COLORS["q"], ms=9, label="current θ",
                             zorder=6, animated=True)
        readout = ax_c.text(0.5, 1.04, "", transform=ax_c.transAxes, ha="center", va="bottom",
                            fontsize=FONT_SIZE, animated=True)
        ax_c.set_xlim(*mu_lim)
        ax_c.set_ylim(*sigma_lim)
        style_axes(ax_c, "mean μ", "std σ")
        _legend_below(ax_c, ncols=2)
        return SimpleNamespace(q_line=q_line, point=point, readout=readout)

    def draw(self, artists: SimpleNamespace, result: Mapping[str, Any]) -> None:
        artists.q_line.set_ydata(result["q_density"])
        artists.point.set_data([result["mu"]], [result["sigma"]])
        text = f"NLL = {result['nll']:.4f} nats (min {self.nll_min:.4f})"
        if "kl" in result:
            text += f"\nD_KL(p‖q_θ) = {result['kl']:.4f} nats"
        artists.readout.set_text(text)


class DescentPanel(Panel):
    """Replay a gradient descent on the NLL: the fitted density and the loss curves, step by step.

    Left: the data, the true ``p`` (when known), the MLE density and the model at the chosen
    step. Right: the NLL and (when ``p`` is known) the true D_KL(p‖q_θ) over the steps, with the
    chosen step marked. A Play button steps through the descent on its own (it drives the step
    slider in the browser, through ``ipywidgets.jslink``).

    Parameters
    ----------
    x : array_like, optional
        The data; default :func:`default_data`.
    history : DescentHistory, optional
        A run of :func:`~kl_helpers.fitting.fit_normal_gd` on ``x`` (parameters (μ, ln σ)).
        By default one is run from (μ, σ) = (x̄ − 3s, 3s) with learning rate 0.1.
    p : (float, float) or None, default (1.5, 0.8)
        The true normal ``p``, or None when unknown.
    **values
        Initial slider value ``step``.

    Introduced in ``04_mle_equivalence.ipynb``.

    Examples
    --------
    >>> panel = DescentPanel()
    >>> panel.set(step=panel.history.steps)
    >>> round(panel.result["mu"], 4), round(panel.result["sigma"], 4)   # the last step: the MLE
    (1.5383, 0.798)
    >>> [round(v, 4) for v in fit_normal_mle(panel.x)]
    [1.5383, 0.798]
    >>> sorted(DescentPanel(p=None).result)           # p unknown: no true KL to show
    ['mu', 'nll', 'q_density', 'sigma', 'step']
    >>> DescentPanel(history=[0.0, 1.0])
    Traceback (most recent call last):
    ...
    TypeError: history must be the DescentHistory returned by fit_normal_gd(x, ...), got list
    """

    figsize = (10.0, 4.6)

    def __init__(self, x: ArrayLike | None = None, history: DescentHistory | None = None,
                 p: tuple[float, float] | None = DEFAULT_P, **values: Any) -> None:
        self.x = default_data() if x is None else as_sample(x, "x")
        self.p = _true_p(p)
        mu_hat, s_hat = fit_normal_mle(self.x)
        if history is None:
            history = fit_normal_gd(self.x, mu_hat - 3 * s_hat, 3 * s_hat, 0.1)
        if not isinstance(history, DescentHistory) or history.thetas.shape[1:] != (2,):
            raise TypeError(
                "history must be the DescentHistory returned by fit_normal_gd(x, ...), "
                f"got {type(history).__name__}"
            )
        self.history = history
        self.mus = history.thetas[:, 0]
        self.sigmas = np.exp(history.thetas[:, 1])
        self.grid = np.linspace(mu_hat - 4.5 * s_hat, mu_hat + 4.5 * s_hat, 301)
        self.kl_curve = None if self.p is None else kl_normal_normal(*self.p, self.mus, self.sigmas)
        super().__init__(**values)
        # Play ticks through the steps; linked in the browser so each tick moves the slider,
        # which is the panel's one registered control.
        self.play = widgets.Play(min=0, max=history.steps, step=1, interval=60,
                                 value=self.controls["step"].value, description="play")
        widgets.jslink((self.play, "value"), (self.controls["step"], "value"))
        controls = self.widget.children[0]
        # Replace only the controls row: the picture and its text alternative stay as laid out.
        self.widget.children = (widgets.HBox([self.play, *controls.children]), *self.widget.children[1:])

    def make_controls(self) -> dict[str, widgets.ValueWidget]:
        return {"step": int_slider(tr("step"), 0, self.history.steps, 1, 0)}

    def compute(self, step: int) -> dict[str, Any]:
        mu, sigma = float(self.mus[step]), float(self.sigmas[step])
        result = {
            "step": step,
            "mu": mu,
            "sigma": sigma,
            "q_density": normal_pdf(self.grid, mu, sigma),
            "nll": float(self.history.losses[step]),
        }
        if self.kl_curve is not None:
            result["kl"] = float(self.kl_curve[step])
        return result

    def describe(self, result: Mapping[str, Any]) -> str:
        kl = tr(" and D_KL(p‖q) = {kl:.3f} nats", kl=result["kl"]) if "kl" in result else ""
        return tr(
            "Gradient descent on the negative log-likelihood, step {step} of {steps}: the model is "
            "N({mu:.2f}, {sigma:.2f}²) over the data's histogram (left), and the loss curves over "
            "the steps (right); here the NLL is {nll:.3f}{kl}.",
            step=result["step"], steps=len(self.mus) - 1, mu=result["mu"], sigma=result["sigma"],
            nll=result["nll"], kl=kl,
        )

    def build(self, fig: Figure) -> SimpleNamespace:
        ax_d, ax_l = fig.subplots(1, 2)
        top = _draw_data(ax_d, self.x, self.grid, self.p)
        mle_density = normal_pdf(self.grid, self.mus[-1], self.sigmas[-1])
        ax_d.plot(self.grid, mle_density, color=COLORS["ink"], lw=1.2, ls=":", label="fit at the end")
        (q_line,) = ax_d.plot(self.grid, 0 * self.grid, color=COLORS["q"], lw=2, ls="--",
                              label="model at this step", animated=True)
        ax_d.set_xlim(self.grid[0], self.grid[-1])
        tallest = max(top, float(mle_density.max()), float(normal_pdf(0.0, 0.0, self.sigmas.min())))
        ax_d.set_ylim(0, 1.1 * tallest)
        style_axes(ax_d, "x", "probability density", "Fitted density")
        _legend_below(ax_d, ncols=2)

        steps = np.arange(self.history.steps + 1)
        ax_l.plot(steps, self.history.losses, color=COLORS["q"], lw=2, label="NLL (data)")
        curves = [self.history.losses]
        if self.kl_curve is not None:
            ax_l.plot(steps, self.kl_curve, color=COLORS["kl"], lw=2, ls="--",
                      label="D_KL(p‖q_θ) (true)")
            curves.append(self.kl_curve)
        low = min(0.0, min(float(c.min()) for c in curves))
        high = max(float(c.max()) for c in curves)
        ylim = (low - 0.04 * (high - low), high + 0.04 * (high - low))
        (cursor,) = ax_l.plot([0, 0], list(ylim), color=COLORS["grey"], lw=1, animated=True)
        (dots,) = ax_l.plot([], [], "o", color=COLORS["ink"], ms=6, label="this step",
                            animated=True)
        readout = ax_l.text(0.5, 1.04, "", transform=ax_l.transAxes, ha="center", va="bottom",
                            fontsize=FONT_SIZE, animated=True)
        ax_l.set_xlim(*_padded(0, max(1, self.history.steps)))
        ax_l.set_ylim(*ylim)
        style_axes(ax_l, "gradient-descent step", "nats")
        _legend_below(ax_l, ncols=3)
        self._loss_ylim = ylim
        return SimpleNamespace(q_line=q_line, cursor=cursor, dots=dots, readout=readout)

    def draw(self, artists: SimpleNamespace, result: Mapping[str, Any]) -> None:
        step = result["step"]
        artists.q_line.set_ydata(result["q_density"])
        artists.cursor.set_data([step, step], list(self._loss_ylim))
        values = [result["nll"]] + ([result["kl"]] if "kl" in result else [])
        artists.dots.set_data([step] * len(values), values)
        text = (f"step {step}: μ = {result['mu']:.4f}, σ = {result['sigma']:.4f}\n"
                f"NLL = {result['nll']:.4f} nats")
        if "kl" in result:
            text += f",  D_KL(p‖q_θ) = {result['kl']:.4f} nats"
        artists.readout.set_text(text)
