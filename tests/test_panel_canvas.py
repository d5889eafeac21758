"""The panels' browser path in Python: what is recorded for the front end, and when a panel falls back.

How the front end draws the records is checked in a real browser by
tests/browser/test_panel_fidelity.py; here, the numbers it is sent and the fallback to PNGs.
"""

from __future__ import annotations

import logging
from types import SimpleNamespace

import ipywidgets as widgets
import numpy as np
import pytest

from kl_helpers.panels import Panel, canvas, float_slider, use_canvas
from kl_helpers.panels.canvas import PanelCanvas, clip_polyline, record


class _LinePanel(Panel):
    """One moving line and one moving text: the smallest panel."""

    def make_controls(self):
        return {"a": float_slider("slope a", 0.0, 2.0, 0.5, 1.0)}

    def compute(self, a):
        x = np.linspace(0.0, 1.0, 5)
        return {"x": x, "y": a * x}

    def build(self, fig):
        ax = fig.add_subplot()
        ax.set_xlim(0, 1)
        ax.set_ylim(0, 2)
        (line,) = ax.plot([0, 1], [0, 1], color="red", lw=2, ls="--", animated=True)
        label = ax.text(0.5, 1.5, "", ha="center", fontsize=12, animated=True)
        return SimpleNamespace(ax=ax, line=line, label=label)

    def draw(self, artists, result):
        artists.line.set_data(result["x"], result["y"])
        artists.label.set_text(f"slope {result['y'][-1]:.1f}")

    def describe(self, result):
        return f"A dashed red line of slope {result['y'][-1]:.1f} through the origin."


class _ImagePanel(_LinePanel):
    """A moving image: something the front end does not draw."""

    def build(self, fig):
        artists = super().build(fig)
        artists.image = artists.ax.imshow(np.zeros((2, 2)), extent=(0, 1, 0, 2), animated=True)
        return artists


def test_a_line_is_sent_as_matplotlib_places_it():
    panel = _LinePanel(a=1.5)
    assert panel.fallback is None and isinstance(panel.image, PanelCanvas)
    items = panel.image.scene["items"]
    xy = np.frombuffer(panel.image.scene["coords"], dtype="<f4").reshape(-1, 2)
    (line,) = [item for item in items if item["kind"] == "path"]
    expected = panel.artists.ax.transData.transform(np.column_stack(panel.artists.line.get_data()))
    expected[:, 1] = panel.image.height - expected[:, 1]  # the canvas' y points down
    np.testing.assert_allclose(xy[line["off"] // 2:line["off"] // 2 + line["n"]], expected, atol=1e-3)
    assert line["stroke"] == "rgba(255,0,0,1)" and line["lw"] == pytest.approx(2 * panel.dpi / 72)
    assert line["dash"] and line["clip"]  # dashed, clipped to the axes
    assert panel.image.label == panel.alt_text
    if not canvas._BROWSER_TEXT_LAYOUT:  # matplotlib < 3.11: texts are drawn through Text.draw
        assert not [item for item in items if item["kind"] == "label"]
        return
    (label,) = [item for item in items if item["kind"] == "label"]
    assert label["lines"] == ["slope 1.5"] and label["ha"] == "center"
    assert label["size"] == pytest.approx(12 * panel.dpi / 72)


def test_a_move_sends_the_new_state_and_the_stored_picture_is_matplotlibs():
    panel = _LinePanel()
    before = dict(panel.image.scene)
    panel.set(a=0.5)
    assert panel.image.scene != before
    assert panel.image.scene == dict(zip(("items", "coords"), record(
        panel._animated, panel.figure.canvas.get_renderer()), strict=True))
    assert panel.png[:8] == b"\x89PNG\r\n\x1a\n"  # matplotlib's render, made when asked for
    assert panel.image.background[:8] == b"\x89PNG\r\n\x1a\n"


def test_unchanged_artists_are_reused_and_the_scene_is_what_a_fresh_recording_gives(monkeypatch):
    # canvas.record skips drawing an artist that is not stale since it was recorded; the scene it
    # sends must still be exactly a fresh recording's, and a changed artist must be drawn again.
    from matplotlib.lines import Line2D

    panel = _LinePanel(a=1.0)
    ax = panel.artists.ax
    (still,) = ax.plot([0, 1], [1.5, 1.5], color="blue", marker="o", animated=True)
    animated = [*panel._animated, still]
    drawn = []
    real_draw = Line2D.draw
    monkeypatch.setattr(Line2D, "draw", lambda self, r: (drawn.append(self), real_draw(self, r))[1])
    cache: dict = {}
    agg = panel.figure.canvas.get_renderer()
    record(animated, agg, cache)
    assert drawn == [panel.artists.line, still]
    drawn.clear()
    panel.artists.line.set_ydata([0.0, 0.1, 0.2, 0.3, 0.4])  # the line moves, `still` does not
    reused = record(animated, agg, cache)
    assert drawn == [panel.artists.line], "only the changed artist is drawn again"
    assert reused == record(animated, agg), "the reused scene differs from a fresh recording"
    still.set_color("green")
    drawn.clear()
    record(animated, agg, cache)
    assert still in drawn, "a restyled artist is stale and must be drawn again"


def test_new_axis_limits_forget_the_recordings():
    panel = _LinePanel()
    panel._recorded[0] = "anything"
    panel.artists.ax.set_ylim(0, 3)  # draw() would do this: the background is redrawn
    panel.refresh()
    assert 0 not in panel._recorded


def test_an_artist_the_browser_cannot_draw_keeps_the_png_path_and_says_so_once(caplog):
    with caplog.at_level(logging.WARNING, logger="kl_helpers.panels.base"):
        first, second = _ImagePanel(), _ImagePanel()
    assert first.fallback == "an image" and second.fallback == "an image"
    assert isinstance(first.image, widgets.Image) and first.image.value == first.png
    said = [r.getMessage() for r in caplog.records if "_ImagePanel" in r.getMessage()]
    assert said == ["_ImagePanel draws an image: it uses the PNG path"]


def test_use_canvas_false_chooses_the_png_path():
    try:
        assert use_canvas(False) is False
        panel = _LinePanel()
    finally:
        use_canvas(True)
    assert panel.fallback and isinstance(panel.image, widgets.Image)
    panel.set(a=2.0)
    assert panel.image.value == panel.png
    assert use_canvas() is True and _LinePanel().fallback is None


def test_clip_polyline_restarts_where_the_line_comes_back():
    # Out through the top, back in: two pieces, each starting on the rectangle's edge.
    xy = np.array([[0.0, 5.0], [5.0, -5.0], [10.0, 5.0]])
    clipped, codes = clip_polyline(xy, 0.0, 0.0, 10.0, 10.0)
    assert codes == [1, 2, 1, 2]
    np.testing.assert_allclose(clipped, [[0, 5], [2.5, 0], [7.5, 0], [10, 5]])
    inside = np.array([[1.0, 1.0], [2.0, 2.0], [3.0, 1.0]])
    clipped, codes = clip_polyline(inside, 0.0, 0.0, 10.0, 10.0)
    assert codes == [1, 2, 2] and np.array_equal(clipped, inside)
