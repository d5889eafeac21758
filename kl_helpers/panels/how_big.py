"""Slider panel of ``07_how_big_is_kl.ipynb``: the "guess the KL" game for a class.

The panel shows two distributions; the player sets a guess of D_KL(p‖q) on a log-scale slider,
presses **Reveal** (the guess is then locked and scored) and **Next round**. The rounds, the score
and every sentence the player reads come from :class:`kl_helpers.guessing.GuessGame`; this module
only draws them. Everything works from the keyboard: the slider's handle takes the arrow keys,
Tab moves to the buttons and Enter or Space presses them.
"""

from __future__ import annotations

from collections.abc import Mapping
from types import SimpleNamespace
from typing import Any

import ipywidgets as widgets
import numpy as np
from matplotlib.figure import Figure

from .._i18n import tr
from ..guessing import GUESS_LADDER, GuessGame, guess_score
from ..plotting import COLORS, FONT_SIZE, legend, numbers, style_axes
from .base import Panel, int_slider

__all__ = ["GuessKLPanel"]

_START = GUESS_LADDER.index(0.1)
#: Reference sizes marked on the scale: the calibration points of the lesson.
_LANDMARKS = (0.01, 0.1, 1.0, 5.0)


def _guess_label(guess: float) -> str:
    return tr("your guess: {guess:g} nats", guess=guess)


class GuessKLPanel(Panel):
    """Guess D_KL(p‖q) of two distributions before the answer is revealed; 8 seeded rounds.

    Left: the round's p (solid bars) and q (hatched bars). Right: a log scale of nats with the
    landmarks 0.01, 0.1, 1 and 5, the guess (triangle) and, once revealed, the true value
    (diamond). Under the picture, the game's message: round, truth, error and score.

    The control ``guess_step`` is a position on :data:`kl_helpers.guessing.GUESS_LADDER`; the
    constructor and :meth:`set` also accept ``guess=`` in nats. The rounds depend only on
    ``seed`` (keyword of the constructor, default 7), so a class plays the same game.

    Introduced in ``07_how_big_is_kl.ipynb``.

    Examples
    --------
    >>> panel = GuessKLPanel(guess=0.1)
    >>> panel.message.value
    'Round 1 of 8: pick your guess, then press Reveal. Score so far: 0.00 (lower is better).'
    >>> panel.reveal()
    >>> panel.message.value[:60]
    'Round 1 of 8: you said 0.1 nats, D_KL(p‖q) = 0.0977 nats: of'
    >>> panel.values, panel.game.errors            # the guess is locked and scored
    ({'guess_step': 12}, [0.00992])
    """

    figsize = (9.0, 4.0)
    LADDER = GUESS_LADDER

    def __init__(self, *, seed: int = 7, n_rounds: int = 8, **values: Any) -> None:
        self.game = GuessGame(n_rounds=n_rounds, seed=seed)
        self.message = widgets.Label(value="")
        super().__init__(**values)
        self.reveal_button = widgets.Button(description=tr("Reveal"), button_style="primary",
                                            tooltip=tr("lock your guess and show the true value"))
        self.next_button = widgets.Button(description=tr("Next round"), disabled=True,
                                          tooltip=tr("a new pair of distributions"))
        for widget, name in ((self.reveal_button, "kl-guess-reveal"), (self.next_button, "kl-guess-next"),
                             (self.message, "kl-guess-message")):
            widget.add_class(name)
        self.reveal_button.on_click(lambda _button: self.reveal())
        self.next_button.on_click(lambda _button: self.next_round())
        controls = widgets.HBox([*self.controls.values(), self.reveal_button, self.next_button],
                                layout=widgets.Layout(flex_flow="row wrap"))
        self.widget.children = (controls, *self.widget.children[1:], self.message)
        self._show_message()

    # --- the game's buttons --------------------------------------------------------------------
    @property
    def guess(self) -> float:
        """The guess on the slider, in nats."""
        return GUESS_LADDER[self.controls["guess_step"].value]

    def reveal(self) -> None:
        """Lock the current guess, score it and show the true value."""
        self.game.reveal(self.guess)
        self.controls["guess_step"].disabled = True
        self.reveal_button.disabled = True
        self.next_button.disabled = self.game.finished
        self.refresh()

    def next_round(self) -> None:
        """Show the next pair of distributions; the slider is free again."""
        self.game.next_round()
        self.controls["guess_step"].disabled = False
        self.reveal_button.disabled = False
        self.next_button.disabled = True
        self.refresh()

    def _show_message(self) -> None:
        self.message.value = self.game.message(self.guess)

    def refresh(self) -> None:
        super().refresh()
        self.controls["guess_step"].description = _guess_label(self.guess)
        if hasattr(self, "reveal_button"):  # not yet during the first draw in Panel.__init__
            self._show_message()

    # --- the Panel protocol -------------------------------------------------------------------
    def make_controls(self) -> dict[str, Any]:
        step = int_slider(_guess_label(GUESS_LADDER[_START]), 0, len(GUESS_LADDER) - 1, 1, _START)
        step.readout = False  # the ladder position means nothing to a player: the label shows nats
        return {"guess_step": step}

    def _assign(self, values: Mapping[str, Any]) -> None:
        values = dict(values)
        if "guess" in values:
            if "guess_step" in values:
                raise TypeError("give the guess in nats or the slider position guess_step, not both")
            guess = values.pop("guess")
            if guess not in GUESS_LADDER:
                raise ValueError(f"guess={guess!r} is not a position of the slider; "
                                 f"pick one of {GUESS_LADDER}")
            values["guess_step"] = GUESS_LADDER.index(guess)
        super()._assign(values)

    def compute(self, guess_step: int) -> dict[str, Any]:
        current = self.game.current
        return {
            "round": self.game.index + 1,
            "p": current.p,
            "q": current.q,
            "guess": GUESS_LADDER[guess_step],
            "revealed": self.game.revealed,
            "truth": current.truth,  # drawn only once revealed
            "score": self.game.score,
        }

    def slider_text(self) -> str:
        # The slider holds a position on the ladder; say the guess itself.
        return tr("your guess = {guess:g} nats", guess=self.guess)

    def describe(self, result: Mapping[str, Any]) -> str:
        shown = (tr("the true D_KL(p‖q) = {truth:.4f} nats is marked beside it, {error:.2f} decades away",
                    truth=result["truth"], error=guess_score(result["guess"], result["truth"]))
                 if result["revealed"] else tr("the true value stays hidden until Reveal"))
        return tr("Round {round} of {rounds} of the guessing game. Bars of p = {p} and q = {q} on "
                  "{k} outcomes; on a log scale of nats the guess {guess:g} is marked and {shown}. "
                  "Score so far {score:.2f}.",
                  round=result["round"], rounds=len(self.game.rounds), p=numbers(result["p"]),
                  q=numbers(result["q"]), k=len(result["p"]), guess=result["guess"], shown=shown,
                  score=result["score"])

    def build(self, fig: Figure) -> SimpleNamespace:
        ax_bars, ax_scale = fig.subplots(1, 2, width_ratios=(1.15, 1.0))
        k = self.game.current.p.size
        idx = np.arange(k)
        p_bars = ax_bars.bar(idx - 0.2, np.zeros(k), width=0.4, color=COLORS["p"], label="p",
                             animated=True)
        q_bars = ax_bars.bar(idx + 0.2, np.zeros(k), width=0.4, color=COLORS["q"], hatch="//",
                             label="q", animated=True)
        ax_bars.set_xticks(idx, [str(i + 1) for i in idx])
        ax_bars.set_xlim(-0.6, k - 0.4)
        ax_bars.set_ylim(0.0, 1.0)
        style_axes(ax_bars, "outcome", "probability", "The data come from p")
        legend(ax_bars, loc="upper center", bbox_to_anchor=(0.5, -0.2), ncols=2)

        low, high = GUESS_LADDER[0] / 1.5, GUESS_LADDER[-1] * 1.5
        ax_scale.set_xscale("log")
        ax_scale.set_xlim(low, high)
        ax_scale.set_ylim(0.0, 1.0)
        ax_scale.set_yticks([])
        for mark in _LANDMARKS:
            ax_scale.axvline(mark, color=COLORS["grey"], lw=1.0, ls=":")
        ax_scale.set_xticks(_LANDMARKS, [f"{m:g}" for m in _LANDMARKS])
        ax_scale.set_xticks([], minor=True)
        (guess_mark,) = ax_scale.plot([GUESS_LADDER[_START]], [0.65], "v", color=COLORS["alt"], ms=14,
                                      animated=True, label="your guess")
        (truth_mark,) = ax_scale.plot([], [], "D", color=COLORS["ink"], ms=11, animated=True,
                                      label="true D_KL(p‖q)")
        style_axes(ax_scale, "D_KL(p‖q) in nats (log scale)", "", "Where is D_KL(p‖q)?")
        ax_scale.grid(False)
        ax_scale.spines["left"].set_visible(False)
        legend(ax_scale, loc="upper center", bbox_to_anchor=(0.5, -0.2), ncols=2)
        title = fig.suptitle("", fontsize=FONT_SIZE + 1, animated=True)
        return SimpleNamespace(p_bars=p_bars, q_bars=q_bars, guess_mark=guess_mark,
                               truth_mark=truth_mark, title=title)

    def draw(self, artists: SimpleNamespace, result: Mapping[str, Any]) -> None:
        for bar, height in zip(artists.p_bars, result["p"], strict=True):
            bar.set_height(height)
        for bar, height in zip(artists.q_bars, result["q"], strict=True):
            bar.set_height(height)
        artists.guess_mark.set_data([result["guess"]], [0.65])
        if result["revealed"]:
            artists.truth_mark.set_data([result["truth"]], [0.35])
            shown = f"D_KL(p‖q) = {result['truth']:.4f} nats"
        else:
            artists.truth_mark.set_data([], [])
            shown = "D_KL(p‖q) = ?"
        artists.title.set_text(f"Round {result['round']} of {len(self.game.rounds)}:  "
                               f"guess {result['guess']:g} nats,  {shown}")
