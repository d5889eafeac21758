"""Lecture decks (``make slides NB=..``, tools/slides.py) in headless Chromium, offline.

One Voilà server for every deck (every numbered lesson: see DECKS), started as
tools/slides.py starts it (kl-reveal template,
reveal.js and jQuery from build/, KL_PROJECTOR=1). For each lesson: the deck opens with no console
error and no request leaving the machine (blocked and counted); it has as many slides as its
metadata says, within the planned range (tests/test_slides.py); every "Predict first." question is
on a slide; each slide's content fits 1024 x 768; on each panel's slide every slider changes the
picture when moved with the keyboard (browser_page.move_every_slider).
"""

from __future__ import annotations

import importlib.util
import json
from collections.abc import Iterator

import pytest
from browser_page import RUN_TIMEOUT_MS, kernel_errors, local_only, move_every_slider
from browser_servers import NOTEBOOK_DIR, ROOT, TIMINGS, Server, copy_notebooks
from notebook_panels import expected_panels
from playwright.sync_api import BrowserContext

_spec = importlib.util.spec_from_file_location("slides", ROOT / "tools" / "slides.py")
slides = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(slides)

#: Every lesson's deck is opened (a new lesson's deck too, as soon as it is in notebooks/).
# The Chinese decks are the English decks' slides (tests/test_translations.py checks the metadata
# by structure); one of them is opened here, to see Chinese slides run and fit as the English do.
DECKS = [*sorted(p.name for p in NOTEBOOK_DIR.glob("[0-9][0-9]_*.ipynb")), "zh/01_definition.ipynb"]

# Height of the current slide's content in layout pixels (reveal scales the whole slide, which
# offsetTop/offsetHeight ignore), from the first cell's top to the last cell's bottom.
CONTENT_HEIGHT_JS = """() => {
  const s = document.querySelector('.reveal .slides section.present section.present')
         || document.querySelector('.reveal .slides > section.present');
  const cells = [...s.querySelectorAll(':scope > div')].filter(e => e.offsetHeight > 0);
  if (!cells.length) return 0;
  const top = Math.min(...cells.map(e => e.offsetTop));
  return Math.max(...cells.map(e => e.offsetTop + e.offsetHeight)) - top;
}"""


HIDE_OTHER_SLIDES_JS = """hide => {
  for (const s of document.querySelectorAll('.reveal .slides > section:not(.present)')) {
    s.style.display = hide ? 'none' : '';
  }
}"""


@pytest.fixture(scope="session")
def decks(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Server]:
    slides.ensure_assets()
    workdir = copy_notebooks(tmp_path_factory)
    server = Server("voila-slides", "voila", [
        str(workdir / "notebooks"), "--no-browser", "--Voila.ip=127.0.0.1", "--port={port}",
        "--Voila.port_retries=0", "--token={token}", "--show_tracebacks=True",
        f"--Voila.connection_dir_root={workdir}",
        # Server formats {port} and {token} into the arguments: escape the JSON's braces.
        *(a.replace("{", "{{").replace("}", "}}") for a in slides.voila_arguments()),
    ], workdir, extra_env=slides.voila_environment())
    try:
        server.wait_ready(f"?token={server.token}")
        yield server
    finally:
        server.stop()



def test_every_lesson_deck_is_opened() -> None:
    # An empty glob would make the parametrized test below vanish: lessons 00 to 08 at least.
    assert [name[:2] for name in DECKS][:9] == [f"{i:02d}" for i in range(9)]


@pytest.mark.timeout(300)
@pytest.mark.parametrize("name", DECKS, ids=lambda n: n[:5].replace("/", "-") if "/" in n else n[:2])
def test_deck_opens_fits_and_its_sliders_respond(name: str, browser: BrowserContext, decks: Server) -> None:
    cells = json.loads((NOTEBOOK_DIR / name).read_text(encoding="utf-8"))["cells"]
    kinds = [c["metadata"].get("slideshow", {}).get("slide_type") for c in cells]
    n_slides = kinds.count("slide")
    questions = sum("".join(c["source"]).startswith(slides.PREDICT) for c in cells)
    expected = expected_panels(NOTEBOOK_DIR / name)
    page = browser.new_page()
    page.set_viewport_size({"width": slides.WIDTH, "height": slides.HEIGHT})
    errors: list[str] = []
    page.on("pageerror", lambda exc: errors.append(f"uncaught: {exc}"))
    page.on("console", lambda msg: errors.append(msg.text) if msg.type == "error" else None)
    external: list[str] = []
    page.route("**/*", lambda route: local_only(route, external))
    try:
        page.goto(f"{decks.base}/voila/render/{name}?token={decks.token}", timeout=RUN_TIMEOUT_MS)
        page.wait_for_selector(".reveal .slides section.present", timeout=RUN_TIMEOUT_MS)
        page.wait_for_function(
            "n => document.querySelectorAll('.reveal .widget-slider .noUi-handle').length === n",
            arg=expected.sliders, timeout=RUN_TIMEOUT_MS)
        count = page.evaluate("() => document.querySelectorAll('.reveal .slides > section').length")
        assert count == n_slides, f"{name}: {count} slides in the page, {n_slides} in the metadata"
        text = page.evaluate("() => document.querySelector('.reveal .slides').textContent")
        assert text.count("Predict first.") == questions, f"{name}: not every question is on a slide"
        moved = 0
        for index in range(count):
            page.evaluate(f"() => {{ location.hash = '#/{index}'; }}")
            page.wait_for_function(
                "i => document.querySelectorAll('.reveal .slides > section')[i]"
                ".classList.contains('present')",
                arg=index, timeout=10_000)
            height = page.evaluate(CONTENT_HEIGHT_JS)
            assert height <= slides.HEIGHT, f"{name}: slide {index} is {height} px tall (> {slides.HEIGHT})"
            on_slide = page.evaluate(
                "() => document.querySelectorAll('.reveal .slides > section.present .noUi-handle').length")
            if on_slide:
                # reveal.js keeps the neighbouring slides laid out (display: block) off screen;
                # hide them so that move_every_slider sees this slide's sliders only.
                page.evaluate(HIDE_OTHER_SLIDES_JS, True)
                timings = move_every_slider(page, "slides", name)
                page.evaluate(HIDE_OTHER_SLIDES_JS, False)
                TIMINGS.extend(timings)
                moved += len(timings)
        assert moved == expected.sliders, f"{name}: moved {moved} slider(s) of {expected.sliders}"
        assert not kernel_errors(page)
        assert not errors, f"{name}: console errors: {errors}"
        assert external == [], f"{name}: the deck asked the internet for {external}"
    finally:
        page.close()
