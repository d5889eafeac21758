"""Slider panel of ``03_sample_approximation.ipynb``: a KL estimate converging as N grows."""

from __future__ import annotations

import math
from collections.abc import Mapping
from functools import lru_cache
from types import SimpleNamespace
from typing import Any

import numpy as np
from matplotlib.figure import Figure

from .._i18n import tr
from ..distributions import kl_normal_normal, normal_logpdf
from ..estimators import (
    kl_estimator_terms,
    kl_term_std_normal,
    running_mean_and_se,
    spread_by_sample_size,
)
from ..plotting import COLORS, FONT_SIZE, legend, style_axes
from .base import Panel, int_slider

__all__ = ["ConvergencePanel"]

#: The sample sizes the N slider steps through: about ten log-spaced steps per decade (ratios
#: 1.2 to 1.33), so equal slider moves are equal steps on the log axis of the plot.
SIZES = (10, 12, 15, 20, 25, 30, 40, 50, 60, 80, 100, 120, 150, 200, 250, 300, 400, 500, 600,
         800, 1000, 1200, 1500, 2000, 2500, 3000, 4000, 5000)
N_MAX = SIZES[-1]
#: The estimate is drawn at these sample sizes only (log-spaced): a 5000-point line would cost
#: far more to render than it shows at this figure size.
_N_SHOWN = np.union1d(np.geomspace(2, N_MAX, 150).round().astype(int), SIZES)  # line ends at N
_SPREAD_SIZES = np.array([10, 30, 100, 300, 1000, 3000])
_Z95 = 1.959964  # two-sided 95% quantile of the standard normal
_FIGURE_SPACE = "\u2007"  # as wide as a digit: the slider label keeps its width as N changes


@lru_cache(maxsize=4)
def _spreads(mu_p: float, sigma_p: float, mu_q: float, sigma_q: float) -> np.ndarray:
    # Fixed seed: the right-hand plot is the same for every panel, so it is computed once.
    return spread_by_sample_size(mu_p, sigma_p, mu_q, sigma_q, _SPREAD_SIZES, 300,
                                 np.random.default_rng(0))


def _n_label(n: int) -> str:
    return tr("sample size N = {pad}{n}", pad=_FIGURE_SPACE * (len(str(N_MAX)) - len(str(n))), n=n)


class ConvergencePanel(Panel):
    """The k1 estimate of D_KL(p‖q), p = N(0, 1), q = N(0.5, 1), from the first N draws of one seed.

    Left: the running estimate after n = 2, ..., N samples (log scale), its own 95% confidence
    band (estimate ± 1.96 s/√n from the sample), the true value, and the dashed funnel where 95% of
    estimates from n samples fall. Right: the spread of the estimate across many data sets against
    N (log–log) with the exact σ/√N line, and the current N marked.

    The N slider moves in log steps through :data:`SIZES` (10, 12, 15, 20, ..., 5000): its control
    ``n_step`` is the position on that ladder, and its label shows N itself. The constructor and
    :meth:`set` also accept ``n=`` (a sample size from :data:`SIZES`) instead of ``n_step=``.

    The samples depend only on ``seed`` (a generator is created from it on every update), so the
    same slider position always shows the same picture; N only takes a prefix of the same draws.

    Introduced in ``03_sample_approximation.ipynb``.

    Examples
    --------
    >>> panel = ConvergencePanel(n=1000, seed=3)
    >>> r = panel.result
    >>> r["n"], round(r["estimate"], 4), round(r["truth"], 4), round(r["se"], 4)
    (1000, 0.1058, 0.125, 0.0159)
    >>> panel.values                                   # the slider holds a position on SIZES
    {'n_step': 20, 'seed': 3}
    >>> round(ConvergencePanel(n=1000, seed=3).result["estimate"], 4)   # same seed, same estimate
    0.1058
    """

    mu_p, sigma_p, mu_q, sigma_q = 0.0, 1.0, 0.5, 1.0
    figsize = (9.0, 4.6)
    SIZES = SIZES

    def make_controls(self) -> dict[str, Any]:
        # N >= 10 so the sample standard error (which needs n >= 2) is meaningful.
        step = int_slider(_n_label(100), 0, len(SIZES) - 1, 1, SIZES.index(100))
        step.readout = False  # the position on the ladder means nothing to a reader: N is in the label
        return {"n_step": step, "seed": int_slider(tr("random seed"), 0, 20, 1, 0)}

    @staticmethod
    def _step_of(n: int) -> int:
        if n not in SIZES:
            raise ValueError(f"n={n!r} is not a position of the N slider; pick one of {SIZES}")
        return SIZES.index(n)

    def _assign(self, values: Mapping[str, Any]) -> None:
        values = dict(values)
        if "n" in values:
            if "n_step" in values:
                raise TypeError("give the sample size n or the slider position n_step, not both")
            values["n_step"] = self._step_of(values.pop("n"))
        super()._assign(values)

    def result_for(self, n: int, seed: int) -> dict[str, Any]:
        """The numbers the panel shows at sample size ``n`` and ``seed``, without moving its sliders.

        Nothing is redrawn, so a notebook can ask what any slider position shows at no cost.

        Examples
        --------
        >>> panel = ConvergencePanel()
        >>> r = panel.result_for(400, seed=0)
        >>> r["n"], panel.values["n_step"] == ConvergencePanel.SIZES.index(100)
        (400, True)
        """
        seed_control = self.controls["seed"]
        if not seed_control.min <= seed <= seed_control.max:
            raise ValueError(f"seed={seed!r} is outside the slider range "
                             f"[{seed_control.min}, {seed_control.max}]; pick a value inside it")
        return self.compute(n_step=self._step_of(n), seed=seed)

    def refresh(self) -> None:
        super().refresh()
        self.controls["n_step"].description = _n_label(self.result["n"])

    def compute(self, n_step: int, seed: int) -> dict[str, Any]:
        n = SIZES[n_step]
        rng = np.random.default_rng(seed)
        x = rng.normal(self.mu_p, self.sigma_p, N_MAX)  # all N_MAX draws: N takes a prefix
        terms = kl_estimator_terms(normal_logpdf(x, self.mu_p, self.sigma_p),
                                   normal_logpdf(x, self.mu_q, self.sigma_q), "k1")
        _, mean, se = running_mean_and_se(terms)
        shown = _N_SHOWN[_N_SHOWN <= n]
        at = shown - 2  # running_mean_and_se starts at n = 2
        return {
            "n": n,
            "n_shown": shown,
            "mean_shown": mean[at],
            "se_shown": se[at],
            "estimate": float(mean[n - 2]),
            "se": float(se[n - 2]),
            "truth": kl_normal_normal(self.mu_p, self.sigma_p, self.mu_q, self.sigma_q),
            "spread_theory": kl_term_std_normal(self.mu_p, self.sigma_p, self.mu_q,
                                                  self.sigma_q) / math.sqrt(n),
        }

    def slider_text(self) -> str:
        # The N slider holds a position on SIZES; say the sample size itself.
        return tr("sample size N = {n}, random seed = {seed}", n=self.result["n"],
                  seed=self.controls["seed"].value)

    def describe(self, result: Mapping[str, Any]) -> str:
        """The text alternative; its ± is the readout's and the band's: 1.96 standard errors.

        Examples
        --------
        >>> panel = ConvergencePanel(n=1000, seed=3)
        >>> text = panel.describe(panel.result)
        >>> text.split("; ")[1].split(". Right")[0]
        "the estimate is 0.106 ± 0.031 (this sample's 95% confidence interval, 1.96 standard errors)"
        >>> "0.106 ± 0.031 (this sample's 95% CI)" in panel.artists.run_text.get_text()
        True
        >>> round(1.96 * panel.result["se"], 3), round(panel.result["se"], 3)  # ± is 1.96 SE, not 1
        (0.031, 0.016)
        """
        return tr(
            "Left: the running k1 estimate of D_KL(p‖q) for p = N(0, 1), q = N(0.5, 1) over the "
            "first {n} draws, with its 95% band and the true value {truth:.3f} nats; the estimate "
            "is {estimate:.3f} ± {half:.3f} (this sample's 95% confidence interval, 1.96 standard "
            "errors). Right: the spread of the estimate against N, falling like 1/√N.",
            n=result["n"], truth=result["truth"], estimate=result["estimate"],
            half=_Z95 * result["se"])

    def build(self, fig: Figure) -> SimpleNamespace:
        ax_run, ax_sd = fig.subplots(1, 2)
        truth = kl_normal_normal(self.mu_p, self.sigma_p, self.mu_q, self.sigma_q)
        sd1 = kl_term_std_normal(self.mu_p, self.sigma_p, self.mu_q, self.sigma_q)
        grid = np.geomspace(2, N_MAX, 200)
        ax_run.axhline(truth, color=COLORS["ink"], lw=1.2, label=f"true D_KL = {truth:.3f}")
        ax_run.axhline(0.0, color=COLORS["grey"], lw=0.8)
        for sign in (1, -1):
            ax_run.plot(grid, truth + sign * _Z95 * sd1 / np.sqrt(grid), color=COLORS["grey"],
                        lw=1, ls="--", label="95% of estimates" if sign == 1 else None)
        band = ax_run.fill_between([2, 3], [0, 0], [0, 0], color=COLORS["kl"], alpha=0.25, lw=0,
                                   animated=True, label="this sample's 95% CI")
        (run_line,) = ax_run.plot([2], [0], color=COLORS["kl"], lw=1.8, animated=True,
                                  label="k1 estimate")
        (run_dot,) = ax_run.plot([2], [0], "o", color=COLORS["kl"], ms=6, animated=True)
        ax_run.set_xscale("log")
        ax_run.set_xlim(2, 1.4 * N_MAX)
        ax_run.set_ylim(-0.6, 0.9)
        style_axes(ax_run, "number of samples n (log scale)", "estimate of D_KL (nats)",
                   "Running estimate")
        # Legends below the plots and the readout above them: nothing is ever drawn over a curve.
        legend(ax_run, loc="upper center", bbox_to_anchor=(0.5, -0.22), ncols=2,
               handlelength=1.6, columnspacing=1.0)

        # The spread across data sets does not depend on the slider: computed once, drawn once.
        spreads = _spreads(self.mu_p, self.sigma_p, self.mu_q, self.sigma_q)
        ax_sd.loglog(_SPREAD_SIZES, spreads, "o", color=COLORS["kl"], ms=6,
                     label="spread, 300 data sets")
        ax_sd.loglog(grid, sd1 / np.sqrt(grid), color=COLORS["ink"], lw=1, ls="--",
                     label=f"σ/√N, σ = {sd1:.2f}")
        (sd_dot,) = ax_sd.plot([10], [sd1], "D", color=COLORS["alt"], ms=7, animated=True,
                               label="current N")
        ax_sd.set_xlim(2, 1.4 * N_MAX)
        ax_sd.set_ylim(sd1 / math.sqrt(N_MAX) / 1.5, sd1 / math.sqrt(2) * 1.5)
        style_axes(ax_sd, "number of samples N (log scale)", "std of estimate (nats)",
                   "Error shrinks like 1/√N")
        legend(ax_sd, loc="upper center", bbox_to_anchor=(0.5, -0.22), ncols=2,
               handlelength=1.6, columnspacing=1.0)
        # One readout for both plots, above them: each text costs several ms per update.
        run_text = fig.suptitle("", fontsize=FONT_SIZE, color=COLORS["ink"], animated=True)
        return SimpleNamespace(band=band, run_line=run_line, run_dot=run_dot, run_text=run_text,
                               sd_dot=sd_dot)

    def draw(self, artists: SimpleNamespace, result: Mapping[str, Any]) -> None:
        n_shown, mean, se = result["n_shown"], result["mean_shown"], result["se_shown"]
        artists.band.set_data(n_shown, mean - _Z95 * se, mean + _Z95 * se)
        artists.run_line.set_data(n_shown, mean)
        artists.run_dot.set_data([result["n"]], [result["estimate"]])
        half = _Z95 * result["se"]
        artists.run_text.set_text(
            f"N = {result['n']}:  k1 estimate {result['estimate']:.3f} ± {half:.3f} "
            f"(this sample's 95% CI);  σ/√N = {result['spread_theory']:.3f} nats"
        )
        artists.sd_dot.set_data([result["n"]], [result["spread_theory"]])
