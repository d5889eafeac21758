"""The one slider-panel abstraction used by every notebook.

A panel builds its matplotlib figure once, on an Agg canvas. Each control change recomputes the
numbers, updates the existing artists in place (``set_data``, ``set_text``, ...) and renders PNG
bytes into an :class:`ipywidgets.Image`. There is no ``interact`` and no ``Output`` widget: those
rebuild the figure per change and leak captured output into nbval comparisons.

Only the artists that move are redrawn on each change (blitting over a cached background),
which keeps an update well under the 30 ms a slider needs to feel instant.

A concrete panel declares four things::

    class MyPanel(Panel):
        def make_controls(self):          # name -> ipywidgets value widget (ranges keep the maths valid)
            return {"mu": float_slider("μ", -3, 3, 0.1, 0.0)}

        def compute(self, mu):            # pure numbers, no drawing; every value must be finite
            return {"x": GRID, "y": np.exp(-(GRID - mu) ** 2)}

        def build(self, fig):             # create the artists once; return them. Artists that
            ax = fig.add_subplot()        # change are animated=True: only they are redrawn
            (line,) = ax.plot(GRID, GRID * 0, animated=True)
            return SimpleNamespace(line=line)

        def draw(self, artists, result):  # move the artists to the new numbers
            artists.line.set_ydata(result["y"])

The panel's rich display carries the live widget *and* an ``image/png`` of its current state, so a
notebook read without a kernel (GitHub, nbviewer, a static site) still shows the figure.
"""

from __future__ import annotations

import asyncio
import base64
import contextlib
import html
import io
import logging
import os
import sys
import traceback
from collections.abc import Iterator, Mapping
from typing import Any, ClassVar

import ipywidgets as widgets
import traitlets
from matplotlib.figure import Figure

from .._i18n import tr
from ..plotting import blank_figure, encode_png, render_png
from .canvas import PanelCanvas, Unsupported, record

__all__ = ["Panel", "float_slider", "int_slider", "use_canvas"]

_LOG = logging.getLogger(__name__)

#: Whether new panels draw their moving artists in the browser (see :func:`use_canvas`).
_CANVAS = {"on": os.environ.get("KL_PANELS", "canvas").strip().lower() != "png"}


def _frontend_update_loop() -> asyncio.AbstractEventLoop | None:
    """The kernel's event loop while it handles a message from a widget's front end, else ``None``.

    A slider's front end (ipywidgets 8) keeps one update in flight: it sends the next value only
    when the kernel reports "idle" after the previous one. Redrawing inside that message handler
    makes the last key of a burst wait for a whole redraw it does not need, then for its own.
    Panels therefore redraw for a front-end change just *after* the handler returns (the kernel
    is idle by then and the next value can come), and coalesce the changes that arrive meanwhile.
    Changes made by code (a cell, a test, :meth:`Panel.set`) still redraw at once, so code that
    sets a slider and reads the panel sees the new state.
    """
    kernel = getattr(sys.modules.get("ipykernel.kernelbase"), "Kernel", None)
    if kernel is None or not kernel.initialized():
        return None
    try:
        parent = kernel.instance().get_parent("shell")
        loop = asyncio.get_running_loop()
    except Exception:  # another kernel (e.g. Pyodide's) or no running loop: draw now
        return None
    if (parent or {}).get("header", {}).get("msg_type") != "comm_msg":
        return None
    return loop


def use_canvas(on: bool | None = None) -> bool:
    """Turn the browser-drawn path for panels created afterwards on or off; return the setting.

    On (the default), matplotlib draws a panel's fixed parts once as a background picture and the
    browser draws the moving lines, fills, markers and text from their pixel coordinates. Off (or
    ``KL_PANELS=png`` in the environment before Python starts), every move renders a whole PNG in
    the kernel, as before; the browser tests measure both. ``use_canvas()`` only reports it.
    """
    if on is not None:
        _CANVAS["on"] = bool(on)
    return _CANVAS["on"]

_SLIDER_STYLE = {"description_width": "initial"}
_SLIDER_LAYOUT = {"width": "300px"}


def float_slider(
    description: str, min: float, max: float, step: float, value: float, fmt: str = ".2f"
) -> widgets.FloatSlider:
    """A float slider with the course's look; its range is the panel's guard on the maths."""
    return widgets.FloatSlider(
        value=value,
        min=min,
        max=max,
        step=step,
        description=description,
        readout_format=fmt,
        continuous_update=True,
        style=_SLIDER_STYLE,
        layout=_SLIDER_LAYOUT,
    )


def int_slider(description: str, min: int, max: int, step: int, value: int) -> widgets.IntSlider:
    """An integer slider with the course's look."""
    return widgets.IntSlider(
        value=value,
        min=min,
        max=max,
        step=step,
        description=description,
        continuous_update=True,
        style=_SLIDER_STYLE,
        layout=_SLIDER_LAYOUT,
    )


def _format_value(value: Any) -> str:
    # Short, platform-independent text for the panel's repr (nbval compares it).
    return f"{value:g}" if isinstance(value, float) else repr(value)


#: Text for screen readers only (the usual "visually hidden" pattern, inline so no stylesheet is needed).
_VISUALLY_HIDDEN = (
    '<span style="position:absolute;width:1px;height:1px;margin:-1px;padding:0;overflow:hidden;'
    'clip:rect(0,0,0,0);white-space:nowrap;border:0">Picture: {}</span>'
)


class Panel:
    """Base class for slider panels; see the module docstring for how to declare one.

    Parameters
    ----------
    **values
        Initial control values by name, e.g. ``DirectionPanel(mu_q=1.0)``. Each must lie within
        its control's range: sliders would silently clamp it, so the panel refuses instead.

    Attributes
    ----------
    controls : dict of str to ipywidgets.ValueWidget
        The controls, by name.
    result : dict
        The numbers shown by the current state (what :meth:`compute` returned).
    image : PanelCanvas or ipywidgets.Image
        The live picture: background plus browser-drawn moving artists, or (PNG path) the PNG.
    fallback : str or None
        Why this panel uses the PNG path (None when its moving artists are drawn in the browser).
    widget : ipywidgets.VBox
        Controls above the image; this is what the notebook displays.
    """

    #: Panel classes already told why they use the PNG path (said once per class).
    _told: ClassVar[set[str]] = set()

    figsize: tuple[float, float] = (9.0, 3.5)
    dpi: int = 80

    # --- to be provided by each panel ---------------------------------------------------------
    def make_controls(self) -> dict[str, widgets.ValueWidget]:
        """Return the controls, by name; their ranges must keep the maths valid."""
        raise NotImplementedError

    def compute(self, **values: Any) -> dict[str, Any]:
        """Return the numbers for the given control values (no drawing)."""
        raise NotImplementedError

    def build(self, fig: Figure) -> Any:
        """Create the artists on ``fig`` once and return them (any object)."""
        raise NotImplementedError

    def draw(self, artists: Any, result: Mapping[str, Any]) -> None:
        """Update ``artists`` in place to show ``result``."""
        raise NotImplementedError

    def describe(self, result: Mapping[str, Any]) -> str:
        """Say in a sentence what the picture shows for ``result`` (its text alternative).

        Name what is drawn and the numbers a sighted reader would read off it; the slider values
        are appended by :attr:`alt_text`, so do not repeat them.
        """
        raise NotImplementedError

    # --- machinery ----------------------------------------------------------------------------
    def __init__(self, **values: Any) -> None:
        self.controls = self.make_controls()
        self._assign(values)
        self.figure, self.artists = self._new_figure()
        # Artists that move are created with animated=True (matplotlib's blitting convention);
        # everything else is drawn once into a cached background.
        self._animated = sorted(
            (a for a in self.figure.findobj() if a.get_animated()), key=lambda a: a.get_zorder()
        )
        # Lay the figure out once (constrained layout), then freeze it: re-running the layout
        # engine on every slider move would cost time and make the axes jump.
        self.result = self.compute(**self.values)
        self.draw(self.artists, self.result)
        self.figure.canvas.draw()
        self.figure.set_layout_engine("none")
        self._png: bytes | None = None
        self.fallback = None if use_canvas() else "the PNG path was chosen (use_canvas(False))"
        if self.fallback is None:
            try:  # can the browser draw every moving artist? (one dry run)
                record(self._animated, self.figure.canvas.get_renderer())
            except Unsupported as why:
                self.fallback = str(why)
                if type(self).__name__ not in Panel._told:
                    Panel._told.add(type(self).__name__)
                    _LOG.warning("%s draws %s: it uses the PNG path", type(self).__name__, why)
        self._capture_background()
        if self.fallback is None:
            width, height = self.figure.canvas.get_width_height(physical=True)
            self.image = PanelCanvas(width=width, height=height, background=self._background_png,
                                     layout=widgets.Layout(align_self="flex-start"))
        else:
            self.image = widgets.Image(format="png", layout=widgets.Layout(align_self="flex-start"))
            # Some widget front ends (jupyterlab-manager 3.0's, which Voilà's reveal template
            # loads) read the description of any widget with a tooltip; Image has none, and its
            # view failed to render ("Could not create a view"). An empty, synced description
            # keeps them working.
            self.image.add_traits(description=traitlets.Unicode("").tag(sync=True))
        controls = widgets.HBox(
            list(self.controls.values()), layout=widgets.Layout(flex_flow="row wrap")
        )
        # The picture's text alternative, in the page next to it for screen readers but not shown
        # (ipywidgets 8.1's Image has no alt, and setting its tooltip breaks the ImageView in
        # JupyterLab: its front end reads the description the Image widget does not have).
        self.alt_widget = widgets.HTML(layout=widgets.Layout(margin="0"))
        self.alt_widget.add_class("kl-panel-alt")
        self.widget = self._assemble(controls)
        self._holding = False
        self._redraw_due = False
        for control in self.controls.values():
            control.observe(self._on_change, names="value")
        self.refresh()

    def _assemble(self, controls: widgets.Widget, *below: widgets.Widget) -> widgets.VBox:
        """The panel's layout: controls, the picture, its hidden text alternative, then ``below``.

        The text alternative must follow the picture directly: the course's Voilà template copies
        it into the picture's ``alt`` from there (tools/jupyter/data/voila/templates/kl/a11y.js).
        Subclasses that add widgets replace ``widget.children[0]`` or append, never reorder.
        """
        return widgets.VBox([controls, self.image, self.alt_widget, *below])

    def _new_figure(self) -> tuple[Figure, Any]:
        fig = blank_figure(self.figsize, self.dpi)
        return fig, self.build(fig)

    def _view_limits(self) -> list[tuple[tuple[float, float], tuple[float, float]]]:
        return [(ax.get_xlim(), ax.get_ylim()) for ax in self.figure.axes]

    def _capture_background(self) -> None:
        canvas = self.figure.canvas
        canvas.draw()  # draws every artist except the animated ones
        self._background = canvas.copy_from_bbox(self.figure.bbox)
        self._limits = self._view_limits()
        self._png = None
        # Recordings of unchanged artists (canvas.record) hold pixels: new limits move them.
        self._recorded: dict[int, Any] = {}
        if getattr(self, "fallback", "not yet") is None:  # the browser needs it as a picture
            self._background_png = encode_png(canvas)
            if hasattr(self, "image"):
                self.image.background = self._background_png

    def _assign(self, values: Mapping[str, Any]) -> None:
        for name, value in values.items():
            if name not in self.controls:
                known = ", ".join(self.controls)
                raise TypeError(
                    f"{type(self).__name__} has no control named {name!r}; its controls are {known}"
                )
            control = self.controls[name]
            low, high = getattr(control, "min", None), getattr(control, "max", None)
            if low is not None and not low <= value <= high:
                raise ValueError(
                    f"{name}={value!r} is outside the slider range [{low}, {high}]; "
                    "pick a value inside it"
                )
            control.value = value

    @property
    def values(self) -> dict[str, Any]:
        """Current control values, by name."""
        return {name: control.value for name, control in self.controls.items()}

    def set(self, **values: Any) -> None:
        """Set several controls at once and redraw once (also what a student's slider does)."""
        self._holding = True
        try:
            self._assign(values)
        finally:
            self._holding = False
        self.refresh()

    def _on_change(self, _change: Mapping[str, Any]) -> None:
        if self._holding:
            return
        loop = _frontend_update_loop()
        if loop is None:
            self.refresh()
        elif not self._redraw_due:  # one redraw for all the changes that arrive before it runs
            self._redraw_due = True
            loop.call_soon(self._redraw_after_message)

    def _redraw_after_message(self) -> None:
        self._redraw_due = False
        try:
            self.refresh()
        except Exception:
            # The message handler has returned, so report the error as it would have been:
            # the kernel's stderr goes to the page (parented to the slider's message, whose
            # context call_soon kept), where JupyterLab's log and the browser tests see it.
            traceback.print_exc(file=sys.stderr)

    def refresh(self) -> None:
        """Recompute, update the artists in place and show the new state.

        Only the animated artists are redrawn, over the cached background. On the browser path
        they are recorded (pixel coordinates and styles, :mod:`.canvas`) and the browser draws
        them; on the PNG path they are blitted and the whole picture is encoded as a PNG. If
        :meth:`draw` changed an axis' limits, the background is out of date and is redrawn.
        """
        self.result = self.compute(**self.values)
        self.draw(self.artists, self.result)
        canvas = self.figure.canvas
        self._png = None
        if self._view_limits() != self._limits:
            self._capture_background()
        alt = self.alt_text
        if self.fallback is None:
            items, coords = record(self._animated, canvas.get_renderer(), self._recorded)
            with self.image.hold_sync():
                self.image.scene = {"items": items, "coords": coords}
                self.image.label = alt
        else:
            self.image.value = self.png
        self.alt_widget.value = _VISUALLY_HIDDEN.format(html.escape(alt))

    @property
    def png(self) -> bytes:
        """PNG of the current state: matplotlib's render, what a saved notebook stores.

        Made when first asked for (the browser path does not need it on a slider move).
        """
        if self._png is None:
            canvas = self.figure.canvas
            canvas.restore_region(self._background)
            for artist in self._animated:
                self.figure.draw_artist(artist)
            self._png = encode_png(canvas)
        return self._png

    @contextlib.contextmanager
    def fully_drawn(self) -> Iterator[Figure]:
        """Within the block, every artist is drawn by a plain ``figure.canvas.draw()``.

        Moving artists are normally left out of full draws (they are blitted); tests and the
        picture of a state need the whole figure. The blitting background is re-captured after.
        """
        for artist in self._animated:
            artist.set_animated(False)
        try:
            yield self.figure
        finally:
            for artist in self._animated:
                artist.set_animated(True)
            self._capture_background()

    def render_full(self) -> bytes:
        """Render the current state with a full, non-blitted draw (tests compare it with :attr:`png`)."""
        with self.fully_drawn() as figure:
            return render_png(figure)

    def render_from_scratch(self) -> bytes:
        """Render the current state the naive way (new figure, layout, tight bbox), for benchmarks.

        This is what ``interact`` with the inline backend does on every change.
        """
        fig, artists = self._new_figure()
        for artist in fig.findobj():
            artist.set_animated(False)
        self.draw(artists, self.compute(**self.values))
        out = io.BytesIO()
        fig.savefig(out, format="png", bbox_inches="tight")
        return out.getvalue()

    def slider_text(self) -> str:
        """The current control values as a reader would say them, e.g. "mean μ_q = 1.0"."""
        return tr(", ").join(
            f"{(control.description or name).rstrip(':')} = {_format_value(control.value)}"
            for name, control in self.controls.items()
        )

    @property
    def alt_text(self) -> str:
        """The text alternative of the current picture: what it shows, then the slider values."""
        return tr("{what} Slider values: {values}.", what=self.describe(self.result),
                  values=self.slider_text())

    # --- display ------------------------------------------------------------------------------
    def __repr__(self) -> str:
        args = ", ".join(f"{k}={_format_value(v)}" for k, v in self.values.items())
        return f"{type(self).__name__}({args})"

    def _repr_mimebundle_(self, **kwargs: Any) -> tuple[dict[str, Any], dict[str, Any]]:
        bundle = dict(self.widget._repr_mimebundle_(**kwargs) or {})
        bundle["text/plain"] = repr(self)
        bundle["image/png"] = base64.b64encode(self.png).decode("ascii")
        # (data, metadata): the stored picture carries its text alternative, as figures do.
        return bundle, {"image/png": {"alt": self.alt_text}}
