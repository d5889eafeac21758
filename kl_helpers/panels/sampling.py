"""Slider panel of ``03_sample_approximation.ipynb``: a KL estimate converging as N grows."""

from __future__ import annotations

import math
from collections.abc import Mapping
from functools import lru_cache
from types import SimpleNamespace
from typing import Any

import numpy as np
from matplotlib.figure import Figure

from ..distributions import kl_normal_normal, normal_logpdf
from ..estimators import (
    kl_estimator_terms,
    kl_term_std_normal,
    running_mean_and_se,
    spread_by_sample_size,
)
from ..plotting import COLORS, legend, style_axes
from .base import Panel, int_slider

__all__ = ["ConvergencePanel"]

N_MAX = 5000
#: The estimate is drawn at these sample sizes only (log-spaced): a 5000-point line would cost
#: far more to render than it shows at this figure size.
_N_SHOWN = np.unique(np.geomspace(2, N_MAX, 150).round().astype(int))
_SPREAD_SIZES = np.array([10, 30, 100, 300, 1000, 3000])
_Z95 = 1.959964  # two-sided 95% quantile of the standard normal


@lru_cache(maxsize=4)
def _spreads(mu_p: float, sigma_p: float, mu_q: float, sigma_q: float) -> np.ndarray:
    # Fixed seed: the right-hand plot is the same for every panel, so it is computed once.
    return spread_by_sample_size(mu_p, sigma_p, mu_q, sigma_q, _SPREAD_SIZES, 300,
                                 np.random.default_rng(0))


class ConvergencePanel(Panel):
    """The k1 estimate of D_KL(p‖q), p = N(0, 1), q = N(0.5, 1), from the first N draws of one seed.

    Left: the running estimate after n = 2, ..., N samples (log scale), its own 95% confidence
    band (estimate ± 1.96 s/√n from the sample), the true value, and the dashed funnel where 95% of
    estimates from n samples fall. Right: the spread of the estimate across many data sets against
    N (log–log) with the exact σ/√N line, and the current N marked.

    The samples depend only on ``seed`` (a generator is created from it on every update), so the
    same slider position always shows the same picture; N only takes a prefix of the same draws.

    Introduced in ``03_sample_approximation.ipynb``.

    Examples
    --------
    >>> panel = ConvergencePanel(n=1000, seed=3)
    >>> r = panel.result
    >>> round(r["estimate"], 4), round(r["truth"], 4), round(r["se"], 4)   # within 2 standard errors
    (0.1058, 0.125, 0.0159)
    >>> round(ConvergencePanel(n=1000, seed=3).result["estimate"], 4)       # same seed, same estimate
    0.1058
    """

    mu_p, sigma_p, mu_q, sigma_q = 0.0, 1.0, 0.5, 1.0

    def make_controls(self) -> dict[str, Any]:
        # n >= 10 so the sample standard error (which needs n >= 2) is meaningful.
        return {
            "n": int_slider("sample size N", 10, N_MAX, 10, 100),
            "seed": int_slider("random seed", 0, 20, 1, 0),
        }

    def compute(self, n: int, seed: int) -> dict[str, Any]:
        rng = np.random.default_rng(seed)
        x = rng.normal(self.mu_p, self.sigma_p, N_MAX)  # all N_MAX draws: N takes a prefix
        terms = kl_estimator_terms(normal_logpdf(x, self.mu_p, self.sigma_p),
                                   normal_logpdf(x, self.mu_q, self.sigma_q), "k1")
        sizes, mean, se = running_mean_and_se(terms)
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
            "sizes_total": int(sizes[-1]),
        }

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
        legend(ax_run, loc="upper right", fontsize=8)
        box = {"facecolor": "white", "alpha": 0.85, "edgecolor": "none", "pad": 2}
        run_text = ax_run.text(0.03, 0.04, "", transform=ax_run.transAxes, fontsize=9,
                               color=COLORS["ink"], bbox=box, animated=True)

        # The spread across data sets does not depend on the slider: computed once, drawn once.
        spreads = _spreads(self.mu_p, self.sigma_p, self.mu_q, self.sigma_q)
        ax_sd.loglog(_SPREAD_SIZES, spreads, "o", color=COLORS["kl"], ms=6,
                     label="spread over 300 data sets")
        ax_sd.loglog(grid, sd1 / np.sqrt(grid), color=COLORS["ink"], lw=1, ls="--",
                     label=f"σ/√N, σ = {sd1:.2f}")
        (sd_dot,) = ax_sd.plot([10], [sd1], "D", color=COLORS["alt"], ms=7, animated=True,
                               label="current N")
        ax_sd.set_xlim(2, 1.4 * N_MAX)
        ax_sd.set_ylim(sd1 / math.sqrt(N_MAX) / 1.5, sd1 / math.sqrt(2) * 1.5)
        style_axes(ax_sd, "number of samples N (log scale)", "std of estimate (nats)",
                   "Error shrinks like 1/√N")
        legend(ax_sd, loc="lower left", fontsize=9)
        # One readout for both plots: each text costs several ms per update (glyph layout).
        return SimpleNamespace(band=band, run_line=run_line, run_dot=run_dot, run_text=run_text,
                               sd_dot=sd_dot)

    def draw(self, artists: SimpleNamespace, result: Mapping[str, Any]) -> None:
        n_shown, mean, se = result["n_shown"], result["mean_shown"], result["se_shown"]
        artists.band.set_data(n_shown, mean - _Z95 * se, mean + _Z95 * se)
        artists.run_line.set_data(n_shown, mean)
        artists.run_dot.set_data([result["n"]], [result["estimate"]])
        half = _Z95 * result["se"]
        artists.run_text.set_text(
            f"N = {result['n']}: {result['estimate']:.3f} ± {half:.3f} (95% CI); "
            f"σ/√N = {result['spread_theory']:.3f}"
        )
        artists.sd_dot.set_data([result["n"]], [result["spread_theory"]])
