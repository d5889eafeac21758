"""The explorer dashboard under Voilà, as a class sees it: renders without error, every slider responds.

Voilà runs the notebook on the server, streams the outputs (code hidden), then connects the page
to the kernel for the widgets. The test waits for every widget to render, checks the page for
errors, and moves every slider with the keyboard, timing key press to new image.

Set ``KL_SCREENSHOT=docs/explorer.png`` to store a screenshot of the rendered dashboard (the one in
the README is made this way).
"""

from __future__ import annotations

import io
import os

import pytest
from browser_page import (
    RUN_TIMEOUT_MS,
    count_widget_outputs,
    kernel_errors,
    move_every_slider,
    page_errors,
    wait_for_widgets,
)
from browser_servers import NOTEBOOK_DIR, TIMINGS, Server
from PIL import Image
from playwright.sync_api import BrowserContext

DASHBOARDS = ["explorer.ipynb"]
SCREENSHOT_WIDTH = 1000  # px; with a 256-colour palette the PNG stays well under 300 KB


def _save_screenshot(png: bytes, path: str) -> None:
    image = Image.open(io.BytesIO(png)).convert("RGB")
    if image.width > SCREENSHOT_WIDTH:
        height = round(image.height * SCREENSHOT_WIDTH / image.width)
        image = image.resize((SCREENSHOT_WIDTH, height), Image.Resampling.LANCZOS)
    image.quantize(colors=256, method=Image.Quantize.MEDIANCUT).save(path, optimize=True)


@pytest.mark.timeout(240)
@pytest.mark.parametrize("name", DASHBOARDS)
def test_dashboard_renders_and_sliders_respond(name: str, browser: BrowserContext, voila: Server) -> None:
    notebook = NOTEBOOK_DIR / name
    assert notebook.exists(), f"{notebook} is missing: the README's `make explore` serves it"
    page = browser.new_page()
    crashes: list[str] = []
    page.on("pageerror", lambda exc: crashes.append(str(exc)))
    try:
        # The response streams while the cells run; "load" fires once the last output is in.
        page.goto(f"{voila.base}/voila/render/{name}?token={voila.token}", timeout=RUN_TIMEOUT_MS)
        wait_for_widgets(page, count_widget_outputs(notebook))
        assert not page_errors(page), f"{name}: errors in the page: {page_errors(page)}"
        if os.environ.get("KL_SCREENSHOT"):
            _save_screenshot(page.screenshot(), os.environ["KL_SCREENSHOT"])
        TIMINGS.extend(move_every_slider(page, "voila", name))
        assert not page_errors(page), f"{name}: errors after moving sliders: {page_errors(page)}"
        assert not kernel_errors(page)
        assert not crashes, f"{name}: uncaught errors in the page: {crashes}"
    finally:
        page.close()
