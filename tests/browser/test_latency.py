"""Slider latency of the panels' two paths, measured in the same session: a report, not a timed assertion.

The explorer under Voilà is opened twice: as it is (the moving artists drawn in the browser,
``kl_helpers/panels/canvas.py``) and with ``use_canvas(False)`` run first (every move renders a
PNG in the kernel, the panels' earlier path). On each, every slider gets ``MOVES`` single key
presses (key -> the frame after the new picture is in the page) and then a burst of ``BURST``
keys 30 ms apart (settle: last key -> last repaint). The terminal summary prints both side by
side with the targets of the browser path (median <= 40 ms, p95 <= 60 ms, settle <= 80 ms).

What is asserted is only what makes the numbers meaningful: each page shows the expected live
panels on the expected path (canvases, or images), and every slider was measured on both.
"""

from __future__ import annotations

import json

import pytest
from browser_page import move_every_slider, panels_state, wait_for_panels
from browser_servers import LATENCY, NOTEBOOK_DIR, Server
from notebook_panels import expected_panels
from playwright.sync_api import BrowserContext

MOVES = 15
BURST = 20
EXPLORER = "explorer.ipynb"
PNG_COPY = "explorer_png_path.ipynb"


def _png_path_copy(voila: Server) -> str:
    """The explorer with ``use_canvas(False)`` run before its panels, beside it in Voilà's folder."""
    nb = json.loads((NOTEBOOK_DIR / EXPLORER).read_text(encoding="utf-8"))
    first = next(i for i, cell in enumerate(nb["cells"]) if cell["cell_type"] == "code")
    nb["cells"].insert(first, {"cell_type": "code", "execution_count": None, "metadata": {},
                               "outputs": [], "source": ["import kl_helpers.panels\n",
                                                         "kl_helpers.panels.use_canvas(False)"]})
    (voila.workdir / "notebooks" / PNG_COPY).write_text(json.dumps(nb), encoding="utf-8")
    return PNG_COPY


@pytest.mark.timeout(600)
def test_latency_of_both_paths_in_one_session(browser: BrowserContext, voila: Server) -> None:
    expected = expected_panels(NOTEBOOK_DIR / EXPLORER)
    measured = {}
    for path, name in (("browser", EXPLORER), ("png", _png_path_copy(voila))):
        page = browser.new_page()
        try:
            page.goto(f"{voila.base}/voila/render/{name}?token={voila.token}", timeout=120_000)
            wait_for_panels(page, expected)
            canvases = panels_state(page)["canvases"]
            assert canvases == (expected.panels if path == "browser" else 0), (path, canvases)
            timings = move_every_slider(page, path, EXPLORER, moves=MOVES, burst=BURST)
            assert len(timings) == expected.sliders, (path, len(timings), expected)
            assert all(t.settle is not None for t in timings)
            measured[path] = timings
        finally:
            page.close()
    assert [t.slider for t in measured["browser"]] == [t.slider for t in measured["png"]]
    LATENCY.extend(zip(measured["browser"], measured["png"], strict=True))
