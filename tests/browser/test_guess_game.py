"""The "guess the KL" game of lesson 07 played in a real JupyterLab, with the keyboard only.

Three rounds: arrow keys on the slider's handle set the guess, Tab moves to **Reveal** and Enter
(or Space) presses it; **Next round** is pressed with Enter. After each key the page must show
exactly the sentence the game's logic gives (``kl_helpers.guessing.GuessGame``); the sentences
are also written out here in full, derived by hand from the seeded rounds (their true values
0.0977, 0.2631 and 1.1205 nats, and |log10 guess - log10 truth| for each guess), so a change of
the rounds, of the scoring or of the wording fails the test.
"""

from __future__ import annotations

import contextlib
import json

import pytest
from browser_page import RENDER_TIMEOUT_MS, RUN_TIMEOUT_MS, page_errors, wait_for_panels
from browser_servers import NOTEBOOK_DIR, Server
from notebook_panels import expected_panels
from playwright.sync_api import BrowserContext, Page
from test_jupyterlab import CELL_ERRORS_JS, NOTEBOOK_READY_JS, RUN_FINISHED_JS

from kl_helpers.guessing import GuessGame

NAME = "07_how_big_is_kl.ipynb"
KEY_TIMEOUT_MS = 15_000

#: (keys on the slider's handle, the guess they reach, how Reveal is pressed, what the page says
#: after Reveal). The slider starts at 0.1 nats and keeps its position from round to round.
PLAY = [
    (["ArrowRight", "ArrowRight"], 0.2, "Enter",
     "Round 1 of 8: you said 0.2 nats, D_KL(p‖q) = 0.0977 nats: off by 0.31 decades. "
     "Score so far: 0.31 (lower is better)."),
    (["ArrowLeft", "ArrowLeft", "ArrowLeft"], 0.07, "Enter",
     "Round 2 of 8: you said 0.07 nats, D_KL(p‖q) = 0.2631 nats: off by 0.57 decades. "
     "Score so far: 0.89 (lower is better)."),
    (["ArrowRight"] * 6, 0.7, " ",
     "Round 3 of 8: you said 0.7 nats, D_KL(p‖q) = 1.1205 nats: off by 0.20 decades. "
     "Score so far: 1.09 (lower is better)."),
]


def _replayed() -> list[tuple[str, str]]:
    """(before Reveal, after Reveal) for each round of PLAY, from the game's own logic."""
    game, said = GuessGame(), []
    for i, (_keys, guess, _press, _text) in enumerate(PLAY):
        before = game.message(guess)
        game.reveal(guess)
        said.append((before, game.message(guess)))
        if i < len(PLAY) - 1:
            game.next_round()
    return said


def test_the_written_sentences_are_the_games_own():
    # Guards the literals above against the logic (no browser needed): same rounds, same words.
    assert [after for _, after in _replayed()] == [text for *_, text in PLAY]


def _message(page: Page) -> str:
    return page.locator(".kl-guess-message").text_content().strip()


def _wait_for_message(page: Page, text: str, after: str) -> None:
    try:
        page.wait_for_function(
            "(t) => { const m = document.querySelector('.kl-guess-message');"
            " return m !== null && m.textContent.trim() === t; }",
            arg=text, timeout=KEY_TIMEOUT_MS)
    except Exception as exc:  # show what the page said instead
        raise AssertionError(f"after {after}: expected {text!r}, the page says {_message(page)!r}") from exc


@pytest.mark.timeout(240)
def test_three_rounds_with_the_keyboard(browser: BrowserContext, lab: Server) -> None:
    expected = expected_panels(NOTEBOOK_DIR / NAME)
    cells = json.loads((NOTEBOOK_DIR / NAME).read_text(encoding="utf-8"))["cells"]
    code_cells = sum(cell["cell_type"] == "code" for cell in cells)
    page = browser.new_page()
    crashes: list[str] = []
    page.on("pageerror", lambda exc: crashes.append(str(exc)))
    try:
        page.goto(f"{lab.base}/lab/tree/{NAME}?reset&token={lab.token}")
        page.wait_for_function(NOTEBOOK_READY_JS, arg=NAME, timeout=RENDER_TIMEOUT_MS)
        page.evaluate("() => { window.jupyterapp.commands.execute('notebook:run-all-cells'); }")
        page.wait_for_function(RUN_FINISHED_JS, arg=code_cells, timeout=RUN_TIMEOUT_MS)
        assert not page.evaluate(CELL_ERRORS_JS, code_cells)
        wait_for_panels(page, expected)
        game = page.locator(".kl-guess-message").locator("xpath=..")  # the panel's VBox
        handle = game.locator(".widget-slider .noUi-handle")
        label = game.locator(".widget-slider .widget-label")
        reveal, next_round = game.locator("button.kl-guess-reveal"), game.locator("button.kl-guess-next")
        assert handle.count() == 1 and reveal.count() == 1 and next_round.count() == 1
        replay = _replayed()
        # JupyterLab renders only the cells near the viewport: bring the game into view first.
        handle.scroll_into_view_if_needed()
        _wait_for_message(page, replay[0][0], "Run All")
        for i, (keys, guess, press, text) in enumerate(PLAY):
            handle.focus()
            for key in keys:
                handle.press(key)
            page.wait_for_function("([el, t]) => el.textContent.trim() === t",
                                   arg=[label.element_handle(), f"your guess: {guess:g} nats"],
                                   timeout=KEY_TIMEOUT_MS)
            assert _message(page) == replay[i][0], "a slider move must not reveal anything"
            page.keyboard.press("Tab")  # from the slider's handle to the Reveal button
            assert page.evaluate("() => document.activeElement.classList.contains('kl-guess-reveal')")
            page.keyboard.press(press)
            _wait_for_message(page, text, f"{'+'.join(keys)} and {press!r} on Reveal")
            assert reveal.is_disabled() and next_round.is_enabled()
            if i < len(PLAY) - 1:
                next_round.focus()
                page.keyboard.press("Enter")
                _wait_for_message(page, replay[i + 1][0], "Enter on Next round")
        assert not page_errors(page) and not crashes, (page_errors(page), crashes)
    finally:
        page.close()
        with contextlib.suppress(OSError):
            for session in json.loads(lab.api("GET", "api/sessions")):
                lab.api("DELETE", f"api/sessions/{session['id']}")
