"""The browser-drawn panels look like matplotlib: live canvas vs matplotlib's full render, per state.

For every panel and several slider values, the panel's front end (``panel_canvas.js``, the ES
module the live widget runs) draws the background picture and the recorded moving artists in
headless Chromium, exactly as in JupyterLab but without a server: the page imports the module
and hands it a stand-in for the widget model holding the same state Python would send. The
canvas pixels are compared with ``Panel.render_full()`` (a plain matplotlib draw of the state).

Tolerance (RGB, 0-255). Outside the moving texts, at most ``MAX_DIFFERENT`` (0.05 %) of the
pixels may differ by more than ``THRESHOLD`` (128) in some channel: antialiasing of small markers
and line ends. Text is drawn by Chromium's text renderer, not FreeType with matplotlib's hinting,
so glyph edges differ and advances drift by up to a pixel along a line: inside each moving text's
box the mean colour may differ by at most ``MAX_TEXT_COLOUR`` (6) per channel, which catches a
wrong string, size, colour or place. A moving line shifted by 2 pixels fails the check in every
panel (``test_a_line_shifted_by_two_pixels_fails``). With the projector setting on (the decks),
every panel is compared at its defaults and at one extreme within ``MAX_DIFFERENT_PROJECTOR``
(0.08 %: dash ends of clipped dashed lines, see there), and a 2-pixel shift still fails it.
"""

from __future__ import annotations

import base64
import io
from pathlib import Path

import numpy as np
import pytest
from matplotlib.text import Text
from PIL import Image
from playwright.sync_api import BrowserContext, Page

import kl_helpers.panels as panels
from kl_helpers.panels import Panel
from kl_helpers.panels.canvas import record

ESM = Path(panels.__file__).with_name("panel_canvas.js").read_text(encoding="utf-8")
THRESHOLD = 128
MAX_DIFFERENT = 0.0005  # 0.05 % of the pixels outside moving text (~100 of a 720 x 280 picture)
MAX_TEXT_COLOUR = 6.0  # per channel, mean over each moving text's box
# With the projector setting (thicker, longer dashes), measured: 0.051 % (DecompositionPanel) and
# 0.056 % (DivergenceComparisonPanel) at the last position, where a dashed line leaves the view:
# the differing pixels sit at the ends of dashes (every ~9 px along the line), i.e. where the
# dash pattern restarts after Agg clips the line; the lines themselves are in place.
MAX_DIFFERENT_PROJECTOR = 0.0008
POSITIONS = (0.0, 0.5, 1.0)  # of each slider's range, all sliders together

PANELS = [
    getattr(panels, name) for name in panels.__all__
    if isinstance(getattr(panels, name), type) and issubclass(getattr(panels, name), Panel)
    and getattr(panels, name) is not Panel
]

# Import the module from its text (a blob: URL, nothing leaves the page) and draw one state.
DRAW_JS = r"""
async ({esm, background, width, height, items, coords}) => {
  if (!window.__klPanelModule) {
    const url = URL.createObjectURL(new Blob([esm], {type: 'text/javascript'}));
    window.__klPanelModule = (await import(url)).default;
  }
  const bytes = (b64) => {
    const raw = atob(b64);
    const out = new Uint8Array(raw.length);
    for (let i = 0; i < raw.length; i++) out[i] = raw.charCodeAt(i);
    return new DataView(out.buffer);
  };
  const state = {background: bytes(background), width, height, label: 'test',
                 scene: {items, coords: bytes(coords)}};
  const model = {get: (k) => state[k], on() {}, off() {}};
  document.body.innerHTML = '';
  const el = document.createElement('div');
  document.body.appendChild(el);
  const painted = new Promise((resolve) => el.addEventListener('kl-painted', resolve, {capture: true}));
  window.__klPanelModule.render({model, el});
  await painted;
  const canvas = el.querySelector('canvas');
  return {png: canvas.toDataURL('image/png'), role: canvas.getAttribute('role'),
          label: canvas.getAttribute('aria-label')};
}
"""


def _pixels(png: bytes) -> np.ndarray:
    return np.asarray(Image.open(io.BytesIO(png)).convert("RGB")).astype(int)


def browser_render(page: Page, panel: Panel, shift: tuple[float, float] = (0.0, 0.0)) -> np.ndarray:
    """The live picture of ``panel``'s current state as the front end draws it (RGB pixels).

    ``shift`` moves the longest moving line (in a panel without lines, every moving shape) by that
    many pixels (x, y), to see the check fail.
    """
    items, coords = record(panel._animated, panel.figure.canvas.get_renderer())
    if shift != (0.0, 0.0):
        xy = np.frombuffer(coords, dtype="<f4").copy()
        lines = [item for item in items if item["kind"] == "path" and "stroke" in item and "fill" not in item]
        # the longest moving line; in a panel without one (bars), every moving shape
        moved = [max(lines, key=lambda item: item["n"])] if lines else [
            item for item in items if item["kind"] in ("path", "markers")]
        for line in moved:
            xy[line["off"]:line["off"] + 2 * line["n"]:2] += shift[0]
            xy[line["off"] + 1:line["off"] + 2 * line["n"]:2] += shift[1]
        coords = xy.astype("<f4").tobytes()
    width, height = panel.figure.canvas.get_width_height(physical=True)
    out = page.evaluate(DRAW_JS, {
        "esm": ESM, "background": base64.b64encode(panel._background_png).decode(),
        "width": width, "height": height, "items": items,
        "coords": base64.b64encode(coords).decode(),
    })
    assert out["role"] == "img" and out["label"] == "test"
    return _pixels(base64.b64decode(out["png"].split(",", 1)[1]))


def text_boxes(panel: Panel, pad: int = 2) -> list[tuple[slice, slice]]:
    """Where each moving text artist is: its window extent padded by ``pad`` px (rows, columns)."""
    renderer = panel.figure.canvas.get_renderer()
    height = panel.figure.canvas.get_width_height(physical=True)[1]
    boxes = []
    for artist in panel._animated:
        if isinstance(artist, Text) and artist.get_visible() and artist.get_text():
            x0, y0, x1, y1 = artist.get_window_extent(renderer).extents
            boxes.append((slice(max(0, int(height - y1) - pad), int(height - y0) + pad + 1),
                          slice(max(0, int(x0) - pad), int(x1) + pad + 1)))
    return boxes


def compare(live: np.ndarray, full: np.ndarray, boxes: list[tuple[slice, slice]],
            max_different: float = MAX_DIFFERENT) -> list[str]:
    """What is wrong with ``live`` against ``full`` (nothing: an empty list), within the tolerance."""
    assert live.shape == full.shape, (live.shape, full.shape)
    diff = np.abs(live - full).max(axis=2)
    outside = np.ones(diff.shape, dtype=bool)
    for box in boxes:
        outside[box] = False
    problems = []
    different = float((diff[outside] > THRESHOLD).mean())
    if different > max_different:
        problems.append(f"{different:.3%} of the pixels outside text differ by > {THRESHOLD} "
                        f"(allowed {max_different:.3%})")
    for rows, cols in boxes:
        colour = np.abs(live[rows, cols].mean(axis=(0, 1)) - full[rows, cols].mean(axis=(0, 1))).max()
        if colour > MAX_TEXT_COLOUR:
            problems.append(f"text at rows {rows.start}-{rows.stop}, columns {cols.start}-{cols.stop}: "
                            f"mean colour differs by {colour:.1f} (allowed {MAX_TEXT_COLOUR})")
    return problems


def _move_all(panel: Panel, position: float) -> None:
    values = {}
    for name, control in panel.controls.items():
        low, high, step = control.min, control.max, control.step
        value = low + round((high - low) * position / step) * step
        values[name] = type(control.value)(min(max(value, low), high))
    panel.set(**values)


@pytest.fixture(scope="module")
def page(browser: BrowserContext) -> Page:
    page = browser.new_page()
    page.set_content("<!doctype html><html><body style='margin:0'></body></html>")
    yield page
    page.close()


@pytest.mark.parametrize("cls", PANELS, ids=lambda c: c.__name__)
def test_live_canvas_matches_matplotlib(cls: type, page: Page) -> None:
    panel = cls()
    assert panel.fallback is None, f"{cls.__name__} uses the PNG path: {panel.fallback}"
    for position in POSITIONS:
        _move_all(panel, position)
        problems = compare(browser_render(page, panel), _pixels(panel.render_full()), text_boxes(panel))
        assert not problems, f"{cls.__name__} at {panel.values}: {problems}"


@pytest.mark.parametrize("cls", PANELS, ids=lambda c: c.__name__)
def test_a_line_shifted_by_two_pixels_fails(cls: type, page: Page) -> None:
    # The check above must see a real mistake: the longest moving line 2 px off fails it.
    panel = cls()
    full, boxes = _pixels(panel.render_full()), text_boxes(panel)
    assert not compare(browser_render(page, panel), full, boxes)
    for shift in ((2.0, 0.0), (0.0, 2.0)):
        assert compare(browser_render(page, panel, shift), full, boxes), f"a {shift} px shift passed"


@pytest.mark.parametrize("cls", PANELS, ids=lambda c: c.__name__)
def test_live_canvas_matches_matplotlib_on_a_projector(cls: type, page: Page) -> None:
    # The projector setting (kh.plotting.projector) makes text and lines bigger: the browser
    # must draw the bigger panel as matplotlib does too (the decks run with it on), at its
    # defaults and at one other position.
    from kl_helpers import plotting

    with plotting.projector():
        panel = cls()
    assert panel.fallback is None, f"{cls.__name__} uses the PNG path: {panel.fallback}"
    full, boxes = _pixels(panel.render_full()), text_boxes(panel)
    # The looser tolerance still sees a line 2 px off.
    assert compare(browser_render(page, panel, (2.0, 0.0)), full, boxes, MAX_DIFFERENT_PROJECTOR)
    for position in (None, POSITIONS[-1]):
        if position is not None:
            _move_all(panel, position)
        problems = compare(browser_render(page, panel), _pixels(panel.render_full()), text_boxes(panel),
                           MAX_DIFFERENT_PROJECTOR)
        assert not problems, f"{cls.__name__} on a projector at {panel.values}: {problems}"
