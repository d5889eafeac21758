"""Shared figure style: a colour-blind-safe palette, legible sizes, and figures without pyplot.

Figures are built with :class:`matplotlib.figure.Figure` on an Agg canvas, never through
``pyplot``: no global figure registry, nothing shown twice, and the same code serves static
figures and slider panels. Importing this module inside IPython registers a PNG formatter for
``Figure`` so a helper that returns a figure displays it, whatever the notebook's backend.
"""

from __future__ import annotations

import io
import os
from collections.abc import Iterable

from matplotlib.axes import Axes
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure
from PIL import Image

__all__ = [
    "COLORS",
    "TEXT_COLORS",
    "alt_text",
    "blank_figure",
    "describe",
    "encode_png",
    "legend",
    "new_figure",
    "numbers",
    "projector",
    "projector_scale",
    "render_png",
    "style_axes",
]

#: Okabe & Ito (2008) colour-blind-safe palette, by role. p is always blue, q always vermillion,
#: so a learner can follow the two distributions from figure to figure.
COLORS = {
    "p": "#0072B2",  # blue
    "q": "#D55E00",  # vermillion
    "kl": "#009E73",  # bluish green
    "alt": "#E69F00",  # orange
    "extra": "#CC79A7",  # reddish purple
    "sky": "#56B4E9",  # sky blue
    "ink": "#000000",
    "grey": "#666666",
}


def _darkened(color: str, ratio: float = 4.6) -> str:
    # Scale towards black until the colour's WCAG contrast against white reaches ``ratio``.
    import matplotlib.colors as mcolors

    def luminance(rgb: tuple[float, ...]) -> float:
        lin = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in rgb]
        return 0.2126 * lin[0] + 0.7152 * lin[1] + 0.0722 * lin[2]

    rgb = mcolors.to_rgb(color)
    scale = 1.0
    while 1.05 / (luminance(tuple(c * scale for c in rgb)) + 0.05) < ratio:
        scale -= 0.01
    return mcolors.to_hex(tuple(c * scale for c in rgb))


#: The palette's colours for text: the same hues, darkened where needed so that text on white
#: meets WCAG AA contrast (4.5 : 1); orange and green lines are fine, orange text is not.
TEXT_COLORS = {role: _darkened(color) for role, color in COLORS.items()}

#: The smallest text in any figure or panel, in points at the figure's own size: legible from the
#: back of a room when a 9-inch panel is projected at 1024 × 768 (tests/test_legibility.py).
FONT_SIZE = 11
TITLE_SIZE = 12

#: Projector setting: the smallest text, in points at the same pixel size as without the setting.
#: A figure keeps its pixel size and its layout but is drawn on fewer inches at a higher dpi, so
#: everything sized in points (text, line widths, markers) comes out PROJECTOR_SCALE times larger.
PROJECTOR_MIN_POINTS = 13
PROJECTOR_SCALE = PROJECTOR_MIN_POINTS / FONT_SIZE
#: Environment variable read when this module is imported: KL_PROJECTOR=1 turns the setting on.
PROJECTOR_ENV = "KL_PROJECTOR"


def _env_says_projector() -> bool:
    value = os.environ.get(PROJECTOR_ENV, "").strip().lower()
    if value in ("", "0", "no", "off", "false"):
        return False
    if value in ("1", "yes", "on", "true"):
        return True
    raise ValueError(f"{PROJECTOR_ENV}={value!r} is not understood; set it to 1 (on) or 0 (off)")


_projector_on = _env_says_projector()


class projector:
    """Make every figure and slider panel created from now on legible on a projector.

    ``projector()`` turns the setting on, ``projector(False)`` off; used as a context manager it
    applies only inside the ``with`` block. ``KL_PROJECTOR=1`` in the environment turns it on at
    import (``make slides`` does this). A figure keeps its pixel size and layout and is drawn on
    ``PROJECTOR_SCALE`` times fewer inches at a ``PROJECTOR_SCALE`` times higher dpi, so text,
    lines and markers, all sized in points, grow by that factor: 11 pt text becomes the
    equivalent of 13 pt at the same pixel width. Figures that already exist keep their size.

    Examples
    --------
    >>> with projector():
    ...     fig = blank_figure((9.0, 4.0), dpi=80)
    >>> round(fig.dpi / 80 * FONT_SIZE), fig.canvas.get_width_height()
    (13, (720, 320))
    >>> projector_scale()
    1.0
    """

    def __init__(self, on: bool = True) -> None:
        global _projector_on
        if not isinstance(on, bool):
            raise TypeError(f"on must be True or False, got {on!r}")
        self._previous = _projector_on
        _projector_on = on

    def __enter__(self) -> projector:
        return self

    def __exit__(self, *exc: object) -> None:
        global _projector_on
        _projector_on = self._previous


def projector_scale() -> float:
    """How much larger points are drawn now: ``PROJECTOR_SCALE`` with the projector setting on, else 1."""
    return PROJECTOR_SCALE if _projector_on else 1.0


def style_axes(ax: Axes, xlabel: str, ylabel: str, title: str | None = None) -> Axes:
    """Label an axes (labels should carry units, e.g. "nats") and apply the shared style."""
    ax.set_xlabel(xlabel, fontsize=FONT_SIZE)
    ax.set_ylabel(ylabel, fontsize=FONT_SIZE)
    if title:
        ax.set_title(title, fontsize=TITLE_SIZE)
    ax.tick_params(labelsize=FONT_SIZE)
    ax.grid(True, color="#dddddd", linewidth=0.8)
    ax.set_axisbelow(True)
    for side in ("top", "right"):
        ax.spines[side].set_visible(False)
    return ax


def blank_figure(figsize: tuple[float, float] = (6.0, 3.5), dpi: int = 100) -> Figure:
    """An empty figure on its own Agg canvas, with constrained layout (no pyplot involved).

    With the :class:`projector` setting on, the figure has the same pixel size on fewer inches.
    """
    scale = projector_scale()
    if scale != 1.0:
        # Exactly the whole pixels the figure has without the setting, which matplotlib counts
        # with int() (3.10) or round() (3.11): ask it, then aim a quarter pixel above that count,
        # where both agree (4.6 / s in x 80 s dpi would be 367.99...).
        pixels = FigureCanvasAgg(Figure(figsize=figsize, dpi=dpi)).get_width_height()
        figsize = tuple((count + 0.25) / dpi for count in pixels)
    fig = Figure(figsize=(figsize[0] / scale, figsize[1] / scale), dpi=dpi * scale, layout="constrained")
    FigureCanvasAgg(fig)
    return fig


def new_figure(
    ncols: int = 1,
    nrows: int = 1,
    figsize: tuple[float, float] = (6.0, 3.5),
    dpi: int = 100,
    **subplot_kw: object,
) -> tuple[Figure, list[Axes]]:
    """Create an Agg figure (constrained layout) and its axes as a flat list.

    Examples
    --------
    >>> fig, axes = new_figure(ncols=2)
    >>> len(axes), type(fig.canvas).__name__
    (2, 'FigureCanvasAgg')
    """
    fig = blank_figure(figsize, dpi)
    axs = fig.subplots(nrows, ncols, squeeze=False, **subplot_kw)
    return fig, [ax for row in axs for ax in row]


def legend(ax: Axes, handles: Iterable | None = None, **kwargs: object) -> None:
    """A legend with the shared font size and no frame clutter."""
    kw = {"fontsize": FONT_SIZE, "frameon": False, **kwargs}
    if handles is None:
        ax.legend(**kw)
    else:
        ax.legend(handles=list(handles), **kw)


#: Where :func:`describe` keeps a figure's text alternative (an attribute of the Figure object).
_ALT = "kl_alt_text"


def describe(fig: Figure, text: str) -> Figure:
    """Attach a text alternative to ``fig`` and return it.

    The text says what the figure shows, in one or two sentences a reader who cannot see it can
    use (not "a figure"), with the numbers that matter. It travels with the picture: a notebook
    stores it in the PNG output's metadata (``{"image/png": {"alt": ...}}``, read by nbconvert and
    the course site), and the lesson repeats it in the visible caption under the figure
    (``tests/test_accessibility.py`` checks both).

    Raises
    ------
    ValueError
        If ``text`` is empty or is only a word such as "figure".

    Examples
    --------
    >>> fig = describe(blank_figure(), "Two bars per outcome: p = (0.5, 0.5) and q = (0.9, 0.1).")
    >>> alt_text(fig)
    'Two bars per outcome: p = (0.5, 0.5) and q = (0.9, 0.1).'
    """
    text = " ".join(str(text).split())
    if len(text.split()) < 4:
        raise ValueError(
            f"text must say what the figure shows in a sentence or two, got {text!r}; "
            "describe its content, e.g. 'Bars of p and q for each outcome ...'"
        )
    setattr(fig, _ALT, text)
    return fig


def numbers(values: Iterable[float], digits: int = 2) -> str:
    """Numbers as a reader says them in a text alternative, e.g. ``(0.2, 0.5, 0.3)``.

    >>> numbers([0.2, 0.5, 0.30001])
    '(0.2, 0.5, 0.3)'
    """
    return "(" + ", ".join(f"{float(v):.{digits}f}".rstrip("0").rstrip(".") or "0" for v in values) + ")"


def alt_text(fig: Figure) -> str | None:
    """The text alternative attached by :func:`describe`, or ``None`` if there is none."""
    return getattr(fig, _ALT, None)


def render_png(fig: Figure) -> bytes:
    """Draw ``fig`` on its Agg canvas and encode it as PNG bytes."""
    fig.canvas.draw()
    return encode_png(fig.canvas)


def encode_png(canvas: FigureCanvasAgg) -> bytes:
    """Encode what is currently on an Agg canvas as PNG bytes, without drawing anything.

    Encoding the canvas buffer directly with Pillow at a low compression level is several times
    faster than ``savefig``'s defaults, which matters for slider panels (one call per update).
    """
    width, height = canvas.get_width_height(physical=True)
    rgba = Image.frombuffer("RGBA", (width, height), canvas.buffer_rgba(), "raw", "RGBA", 0, 1)
    out = io.BytesIO()
    rgba.convert("RGB").save(out, format="PNG", compress_level=1)
    return out.getvalue()


def _register_ipython_formatter() -> None:
    """Show returned ``Figure`` objects as PNG in IPython, independently of the backend."""
    try:
        from IPython import get_ipython
    except ImportError:  # plain Python: nothing to register
        return
    shell = get_ipython()
    if shell is None:
        return
    formatter = shell.display_formatter.formatters["image/png"]
    formatter.for_type(Figure, _png_with_alt)


def _png_with_alt(fig: Figure) -> bytes | tuple[bytes, dict[str, str]]:
    # IPython stores the second item as the output's metadata for image/png.
    png = render_png(fig)
    text = alt_text(fig)
    return (png, {"alt": text}) if text else png


_register_ipython_formatter()
