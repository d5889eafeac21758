
"""Every slider panel, driven through each control's range: finite numbers, no warning, in place.

Panels are discovered from ``kl_helpers.panels.__all__``, so a new panel is covered automatically.
"""

import base64
import html
import io
import warnings

import numpy as np
import pytest
from PIL import Image

import kl_helpers.panels as panels
from kl_helpers.panels import Panel
from kl_helpers.panels.canvas import record

PANELS = [
    getattr(panels, name)
    for name in panels.__all__
    if isinstance(getattr(panels, name), type)
    and issubclass(getattr(panels, name), Panel)
    and getattr(panels, name) is not Panel
]


def _finite(value):
    # Numbers only: an object array (None, a ragged list) is not a finite result.
    arr = np.asarray(value)
    return arr.dtype.kind in "biuf" and bool(np.all(np.isfinite(arr)))


def _pixels(png: bytes) -> np.ndarray:
    return np.asarray(Image.open(io.BytesIO(png)).convert("RGB")).astype(int)


def _grid(control, n=7):
    # min, max and a grid in between, snapped to the slider's step as the browser would.
    low, high, step = control.min, control.max, control.step
    values = np.linspace(low, high, n)
    snapped = np.clip(low + np.round((values - low) / step) * step, low, high)
    if isinstance(control.value, int):
        values = sorted({int(v) for v in snapped})
    else:
        values = sorted({round(float(v), 10) for v in snapped})
    assert len(values) >= 2, f"slider {control.description!r} has a single position"
    return values


def _assert_live_picture_is_current(panel):
    # What the page shows is the current state: the PNG on the PNG path; on the browser path the
    # recorded moving artists of this state, and its text alternative as the canvas' name.
    if panel.fallback is None:
        items, coords = record(panel._animated, panel.figure.canvas.get_renderer())
        assert panel.image.scene == {"items": items, "coords": coords}
        assert panel.image.label == panel.alt_text
    else:
        assert panel.image.value == panel.png


def test_there_are_panels():
    assert PANELS, "no Panel subclasses exported from kl_helpers.panels"


@pytest.mark.parametrize("cls", PANELS, ids=lambda c: c.__name__)
def test_every_control_value_gives_finite_results(cls):
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        panel = cls()
        assert panel.controls and panel.result, "a panel without controls or results"
        for name, control in panel.controls.items():
            start = control.value
            for value in _grid(control):
                control.value = value  # what a slider move does: triggers the observer
                assert panel.values[name] == value
                bad = [k for k, v in panel.result.items() if not _finite(v)]
                assert not bad, f"{name}={value}: non-finite {bad}"
                _assert_live_picture_is_current(panel)
            control.value = start


@pytest.mark.parametrize("cls", PANELS, ids=lambda c: c.__name__)
def test_updates_in_place_and_change_the_image(cls):
    panel = cls()
    figure, artists = panel.figure, panel.artists
    assert panel.controls
    for name, control in panel.controls.items():
        before = panel.png
        values = _grid(control, 3)
        control.value = values[-1] if control.value != values[-1] else values[0]
        assert panel.figure is figure and panel.artists is artists  # nothing rebuilt
        assert not np.array_equal(_pixels(before), _pixels(panel.png)), f"{name} changed nothing"


@pytest.mark.parametrize("cls", PANELS, ids=lambda c: c.__name__)
def test_blitted_image_matches_a_full_redraw(cls):
    # Catches an artist that changes but was not declared animated (it would stay stale).
    panel = cls()
    assert panel.controls
    for control in panel.controls.values():
        middle = _grid(control, 3)[1]
        control.value = middle if control.value != middle else _grid(control, 3)[0]
    blitted, full = _pixels(panel.png), _pixels(panel.render_full())
    differs = np.abs(blitted - full).max(axis=2) > 48
    # Only antialiased edges where an animated artist crosses a static one may differ.
    assert differs.mean() < 0.005, f"{differs.mean():.2%} of pixels differ from a full redraw"


@pytest.mark.parametrize("cls", PANELS, ids=lambda c: c.__name__)
def test_mimebundle_carries_widget_png_text_and_alt_text(cls):
    panel = cls()
    bundle, metadata = panel._repr_mimebundle_()
    assert metadata == {"image/png": {"alt": panel.alt_text}}
    assert bundle["text/plain"] == repr(panel)
    assert repr(panel).startswith(cls.__name__ + "(")
    assert base64.b64decode(bundle["image/png"]) == panel.png
    assert bundle["image/png"] and _pixels(panel.png).shape[2] == 3
    view = bundle["application/vnd.jupyter.widget-view+json"]
    assert view["model_id"] == panel.widget.model_id


def test_out_of_range_and_unknown_controls_are_refused():
    cls = PANELS[0]
    panel = cls()
    name, control = next(iter(panel.controls.items()))
    with pytest.raises(ValueError, match=rf"{name}=.* is outside the slider range"):
        cls(**{name: control.max + 10 * control.step})
    with pytest.raises(TypeError, match="has no control named 'nope'"):
        cls(nope=1)


def test_set_redraws_once():
    cls = PANELS[0]
    panel = cls()
    calls = []
    original = panel.refresh
    panel.refresh = lambda: (calls.append(1), original())
    panel.set(**{name: _grid(c, 3)[0] for name, c in panel.controls.items()})
    assert len(calls) == 1


@pytest.mark.parametrize("cls", PANELS, ids=lambda c: c.__name__)
def test_alt_text_follows_the_sliders(cls):
    # The picture's text alternative says what it shows and the current slider values, and the
    # live image carries it as its title (its accessible name).
    panel = cls()
    before = panel.alt_text
    assert html.escape(before) in panel.alt_widget.value
    assert "Slider values:" in before and len(before.split()) >= 12
    name, control = next((n, c) for n, c in panel.controls.items() if hasattr(c, "max"))
    target = control.max if control.value != control.max else control.min
    panel.set(**{name: target})
    after = panel.alt_text
    assert after != before and html.escape(after) in panel.alt_widget.value
    assert after.split("Slider values:")[1].strip() == panel.slider_text() + "."
