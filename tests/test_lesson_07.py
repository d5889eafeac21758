"""Lesson 07 (how big is a KL divergence?): the guessing game's panel, the figures, the notebook's shape."""

from __future__ import annotations

import json
import re
from pathlib import Path

import numpy as np
import pytest

import kl_helpers as kh
from kl_helpers.figures import how_big as figs
from kl_helpers.guessing import GUESS_LADDER
from kl_helpers.panels import GuessKLPanel

NOTEBOOK = Path(__file__).parents[1] / "notebooks" / "07_how_big_is_kl.ipynb"


@pytest.fixture(scope="module")
def cells():
    return json.loads(NOTEBOOK.read_text(encoding="utf-8"))["cells"]


def _texts(panel: GuessKLPanel) -> str:
    with panel.fully_drawn() as figure:
        figure.canvas.draw()
        shown = [t.get_text() for t in figure.findobj(lambda a: hasattr(a, "get_text"))]
    return " | ".join([*shown, panel.message.value, panel.alt_text, panel.alt_widget.value])


def test_the_truth_is_hidden_until_reveal_and_then_shown_everywhere():
    panel = GuessKLPanel(guess=0.3)
    truth = f"{panel.game.current.truth:.4f}"
    assert truth not in _texts(panel)
    assert len(panel.artists.truth_mark.get_xdata()) == 0
    panel.reveal()
    assert _texts(panel).count(truth) >= 3  # title, message, description
    assert list(panel.artists.truth_mark.get_xdata()) == [panel.game.current.truth]
    panel.next_round()
    assert f"{panel.game.current.truth:.4f}" not in _texts(panel)


def test_reveal_locks_the_guess_and_next_round_unlocks_it():
    panel = GuessKLPanel()
    slider = panel.controls["guess_step"]
    assert (slider.disabled, panel.reveal_button.disabled, panel.next_button.disabled) == (False, False, True)
    panel.reveal()
    assert (slider.disabled, panel.reveal_button.disabled, panel.next_button.disabled) == (True, True, False)
    panel.next_round()
    assert (slider.disabled, panel.reveal_button.disabled, panel.next_button.disabled) == (False, False, True)
    assert panel.result["round"] == 2


def test_buttons_drive_the_game_like_the_methods():
    panel, twin = GuessKLPanel(guess=1.0), GuessKLPanel(guess=1.0)
    panel.reveal_button.click()
    twin.reveal()
    assert panel.message.value == twin.message.value and panel.png == twin.png
    panel.next_button.click()
    assert panel.game.index == 1 and not panel.game.revealed


def test_a_whole_game_ends_with_the_buttons_disabled():
    panel = GuessKLPanel(n_rounds=3, seed=1)
    for i in range(3):
        panel.set(guess=GUESS_LADDER[5 + 4 * i])
        panel.reveal()
        if i < 2:
            panel.next_round()
    assert panel.game.finished and panel.next_button.disabled and panel.reveal_button.disabled
    assert "Game over" in panel.message.value


def test_the_score_on_the_page_is_the_games_score():
    panel = GuessKLPanel(guess=0.01)
    panel.reveal()
    error = kh.guess_score(0.01, panel.game.rounds[0].truth)
    assert panel.message.value.endswith(f"Score so far: {error:.2f} (lower is better).")
    assert panel.result["score"] == error


def test_the_guess_alias_takes_ladder_values_only():
    assert GuessKLPanel(guess=5.0).values == {"guess_step": GUESS_LADDER.index(5.0)}
    with pytest.raises(ValueError, match="not a position of the slider"):
        GuessKLPanel(guess=0.25)
    with pytest.raises(TypeError, match="not both"):
        GuessKLPanel(guess=0.1, guess_step=3)


def test_the_slider_label_and_description_say_the_guess_in_nats():
    panel = GuessKLPanel(guess=0.07)
    assert panel.controls["guess_step"].description == "your guess: 0.07 nats"
    assert not panel.controls["guess_step"].readout
    assert panel.alt_text.endswith("Slider values: your guess = 0.07 nats.")


def test_revealed_states_are_legible_and_keep_markers_on_the_scale():
    # The generic tests move the slider only; the truth marker appears after Reveal.
    from test_legibility import legibility_problems

    panel = GuessKLPanel()
    x0, x1 = panel.artists.truth_mark.axes.get_xlim()
    for _ in range(len(panel.game.rounds)):
        panel.reveal()
        assert x0 <= panel.game.current.truth <= x1
        with panel.fully_drawn() as figure:
            assert legibility_problems(figure) == []
        if not panel.game.finished:
            panel.next_round()


def test_example_figures_cover_every_plot_function():
    names = {n for n in dir(figs) if n.startswith("plot_")}
    assert set(figs.example_figures()) == names


def test_code_areas_extra_area_is_the_divergence():
    p, q = [1 / 2, 1 / 4, 1 / 8, 1 / 8], [1 / 8, 1 / 2, 1 / 4, 1 / 8]
    fig = figs.plot_code_areas(p, q)
    areas = [sum(r.get_width() * r.get_height() for r in ax.patches) for ax in fig.axes]
    assert areas == pytest.approx([1.75, 2.375, 2.25, 1.75])
    assert areas[1] - areas[0] == pytest.approx(kh.kl_divergence(p, q, base=2))
    assert areas[2] - areas[3] == pytest.approx(kh.kl_divergence(q, p, base=2))
    with pytest.raises(ValueError, match="positive on every word"):
        figs.plot_code_areas([0.5, 0.5, 0.0], [0.2, 0.3, 0.5])


def _markdown(cells):
    return ["".join(c["source"]) for c in cells if c["cell_type"] == "markdown"]


@pytest.mark.parametrize(("number", "checker"), [(1, "check_07_sprt_samples"),
                                                 (2, "check_07_mutual_information_bits"),
                                                 (3, "check_07_extra_bits")])
def test_exercises_state_the_checker_precision(cells, number, checker):
    (text,) = [m.split(f"**Exercise {number}.**")[1] for m in _markdown(cells)
               if m.startswith(f"**Exercise {number}.**")]
    assert f"to {getattr(kh.exercises, checker).precision}" in text


def test_the_game_is_announced_first_and_answered_after(cells):
    at = next(i for i, c in enumerate(cells) if c["cell_type"] == "code"
              and "kh.panels.GuessKLPanel(" in "".join(c["source"]))
    assert "**Predict first.**" in "".join(cells[at - 1]["source"])
    assert "a picture of this panel" in "".join(cells[at + 1]["source"])
    answer = "".join(cells[at + 2]["source"])
    assert "panel.game.rounds" in answer and "panel.result" in answer and "assert" in answer
    shown = "".join("".join(o.get("text", "")) for o in cells[at + 2]["outputs"])
    assert shown.startswith("Answer:")
    # The answer names no round's true value (it would spoil the game).
    for r in kh.guess_rounds():
        assert f"{r.truth:.4f}" not in shown and f"{r.truth:.3f}" not in shown


def test_the_lesson_names_its_conditions(cells):
    text = "\n".join(_markdown(cells))
    for phrase in ("which error", "which direction", "first order in the exponent", "overshoot",
                   "Colah", "chain rule for KL", "independent under both"):
        assert phrase in text, phrase
    assert re.search(r"\*\*Estimated time\.\*\* \d+ minutes", text)


def test_common_mistakes_cite_real_threads(cells):
    text = "\n".join(_markdown(cells))
    section = text.split("## Common mistakes")[1].split("## Exercises")[0]
    links = re.findall(r"\]\((https://[^)]+)\)", section)
    assert len(links) >= 6 and all("github.com" in u or "techqa" in u for u in links)
    assert section.count("**") >= 8  # four numbered mistakes, each in bold


def test_gallery_takes_pairs_and_titles_their_divergence():
    rng = np.random.default_rng(0)
    fig = figs.plot_kl_gallery([kh.distributions_at_kl(t, rng) for t in (0.01, 5.0)])
    assert [ax.get_title().split("\n")[0] for ax in fig.axes] == ["D_KL = 0.01 nats", "D_KL = 5 nats"]
    with pytest.raises(ValueError, match="pairs is empty"):
        figs.plot_kl_gallery([])
