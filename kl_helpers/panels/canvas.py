"""The panels' fast path: matplotlib computes where the moving artists go, the browser draws them.

matplotlib draws a panel's stage (axes, labels, fixed curves) once, as the background picture. On
each slider move the moving (``animated``) artists are drawn through a :class:`SceneRecorder`,
a matplotlib renderer that paints nothing: it records what matplotlib's own ``draw`` methods ask a
renderer for (paths, markers and text in pixel coordinates, after every transform, with colours,
line widths, dashes, clipping and hatching). :class:`PanelCanvas`, an anywidget whose front end is
the plain ES module ``panel_canvas.js``, draws those records over the background on a <canvas>.
Coordinates travel as one float32 binary buffer; the styles as a short JSON list.

An artist that needs something the recorder cannot send (an image, Gouraud shading, mathtext,
a non-rectangular clip) raises :class:`Unsupported`; the panel then keeps the PNG path.
"""

from __future__ import annotations

import functools
import math
from pathlib import Path
from typing import Any, ClassVar

import anywidget
import numpy as np
import traitlets
from matplotlib.backend_bases import GraphicsContextBase, RendererBase
from matplotlib.colors import to_rgba
from matplotlib.font_manager import fontManager, get_font
from matplotlib.path import Path as MplPath
from matplotlib.text import Text
from matplotlib.transforms import Affine2D

__all__ = ["PanelCanvas", "SceneRecorder", "Unsupported"]

_ESM = Path(__file__).with_name("panel_canvas.js")

#: matplotlib's cap and join styles, in canvas words.
_MOVETO, _LINETO = int(MplPath.MOVETO), int(MplPath.LINETO)  # plain ints: they go to JSON
_CLOSEPOLY = int(MplPath.CLOSEPOLY)
_CAPS = {"butt": "butt", "round": "round", "projecting": "square"}


class Unsupported(RuntimeError):
    """An artist asked the recorder for something the browser front end does not draw."""


def _rgba(color: Any, alpha: float | None = None) -> str:
    return _css_rgba(tuple(float(c) for c in color), alpha)


@functools.lru_cache(maxsize=256)
def _css_rgba(color: tuple[float, ...], alpha: float | None) -> str:
    r, g, b, *rest = color
    a = rest[0] if rest else 1.0
    if alpha is not None:
        a = alpha
    return f"rgba({round(255 * r)},{round(255 * g)},{round(255 * b)},{a:.4g})"


def clip_polyline(xy: np.ndarray, x0: float, y0: float, x1: float, y1: float) -> tuple[np.ndarray, list[int]]:
    """Clip a polyline to a rectangle, as Agg's path clipper does before dashing a line.

    Returns the vertices and their codes (MOVETO where the line re-enters). Dashes then start
    where matplotlib starts them, at the rectangle's edge (vectorised Liang-Barsky).
    """
    a, b = xy[:-1], xy[1:]
    d = b - a
    t0 = np.zeros(len(d))
    t1 = np.ones(len(d))
    keep = np.ones(len(d), dtype=bool)
    with np.errstate(divide="ignore", invalid="ignore"):
        for p, q in ((-d[:, 0], a[:, 0] - x0), (d[:, 0], x1 - a[:, 0]),
                     (-d[:, 1], a[:, 1] - y0), (d[:, 1], y1 - a[:, 1])):
            r = q / p
            parallel = p == 0
            keep &= ~(parallel & (q < 0))
            entering = (p < 0) & ~parallel
            leaving = (p > 0) & ~parallel
            t0 = np.where(entering, np.maximum(t0, r), t0)
            t1 = np.where(leaving, np.minimum(t1, r), t1)
    keep &= t0 <= t1
    out: list[np.ndarray] = []
    codes: list[int] = []
    previous_end = False  # the previous kept segment reached its own end point
    for i in np.flatnonzero(keep):
        start, end = a[i] + t0[i] * d[i], a[i] + t1[i] * d[i]
        if not (previous_end and t0[i] == 0 and keep[i - 1] if i else False):
            out.append(start)
            codes.append(_MOVETO)
        out.append(end)
        codes.append(_LINETO)
        previous_end = t1[i] == 1
    return (np.array(out) if out else np.zeros((0, 2))), codes


def _has_curves(path: MplPath) -> bool:
    codes = path.codes
    return codes is not None and bool(((codes == MplPath.CURVE3) | (codes == MplPath.CURVE4)).any())


class SceneRecorder(RendererBase):
    """A matplotlib renderer that records the drawing calls of a few artists, for the browser.

    It answers every layout question (text extents, points to pixels) with the figure's own Agg
    renderer, so artists place themselves exactly as in a full render.

    Parameters
    ----------
    agg : matplotlib.backends.backend_agg.RendererAgg
        The figure canvas' renderer (``figure.canvas.get_renderer()``).
    """

    def __init__(self, agg: Any) -> None:
        super().__init__()
        self._agg = agg
        self.width, self.height = agg.width, agg.height
        self.dpi = agg.dpi
        self.items: list[dict[str, Any]] = []
        self._chunks: list[np.ndarray] = []
        self._offset = 0

    #: Marker outlines in pixels, by marker path and transform (shared by all recorders).
    _markers: ClassVar[dict[tuple[Any, ...], tuple[MplPath, np.ndarray, list[int] | None]]] = {}

    # --- layout questions go to the real renderer --------------------------------------------
    def points_to_pixels(self, points: float) -> float:
        return points * self.dpi / 72

    def get_canvas_width_height(self) -> tuple[float, float]:
        return self.width, self.height

    def get_text_width_height_descent(self, s: str, prop: Any, ismath: Any) -> tuple[float, float, float]:
        return self._agg.get_text_width_height_descent(s, prop, ismath)

    def flipy(self) -> bool:
        return True

    # --- recording ---------------------------------------------------------------------------
    def _push(self, xy: np.ndarray) -> tuple[int, int]:
        """Append pixel coordinates (y already pointing down) to the buffer; return offset, count."""
        flat = np.ascontiguousarray(xy, dtype=np.float32).ravel()
        start = self._offset
        self._chunks.append(flat)
        self._offset += flat.size
        return start, flat.size // 2

    def _flip(self, xy: np.ndarray) -> np.ndarray:
        out = np.array(xy, dtype=float, copy=True).reshape(-1, 2)
        out[:, 1] = self.height - out[:, 1]
        return out

    def _style(self, gc: GraphicsContextBase) -> dict[str, Any]:
        if gc.get_clip_path() != (None, None) and gc.get_clip_path()[0] is not None:
            raise Unsupported("a clip path that is not a rectangle")
        style: dict[str, Any] = {}
        clip = gc.get_clip_rectangle()
        if clip is not None:
            x0, y0, x1, y1 = clip.extents
            # Agg rounds the clip box to whole pixels.
            style["clip"] = [round(x0), round(self.height - y1), round(x1) - round(x0), round(y1) - round(y0)]
        return style

    def _stroke(self, gc: GraphicsContextBase, style: dict[str, Any]) -> None:
        lw = self.points_to_pixels(gc.get_linewidth())
        rgba = gc.get_rgb()
        if lw <= 0 or rgba is None or (len(rgba) > 3 and rgba[3] == 0):
            return
        style["stroke"] = _rgba(rgba, gc.get_alpha() if gc.get_forced_alpha() else None)
        style["lw"] = lw
        style["cap"] = _CAPS.get(gc.get_capstyle(), "butt")
        style["join"] = gc.get_joinstyle() if gc.get_joinstyle() in ("miter", "round", "bevel") else "miter"
        offset, dashes = gc.get_dashes()
        if dashes is not None and len(dashes):
            style["dash"] = [self.points_to_pixels(d) for d in dashes]
            style["dashoff"] = self.points_to_pixels(offset or 0.0)

    def _fill(self, gc: GraphicsContextBase, rgbFace: Any, style: dict[str, Any]) -> None:
        if rgbFace is not None:
            alpha = gc.get_alpha() if gc.get_forced_alpha() or len(rgbFace) == 3 else rgbFace[3]
            style["fill"] = _rgba(rgbFace[:3], alpha)
        if gc.get_hatch() is not None:
            hatch = gc.get_hatch_path()
            size = int(self.dpi)
            verts = hatch.vertices * size
            verts[:, 1] = size - verts[:, 1]
            style["hatch"] = {
                "size": size,
                "codes": hatch.codes.tolist() if hatch.codes is not None else None,
                "verts": verts.ravel().round(3).tolist(),
                "color": _rgba(gc.get_hatch_color()),
                "lw": self.points_to_pixels(gc.get_hatch_linewidth()),
            }

    @staticmethod
    def _should_snap(path: MplPath, gc: GraphicsContextBase) -> bool:
        # Agg's automatic snapping: only straight horizontal/vertical segments, few vertices.
        snap = gc.get_snap()
        if snap is False:
            return False
        verts = path.vertices
        if _has_curves(path):
            return False
        if snap is True:
            return True
        if len(verts) > 1024 or len(verts) < 2:
            return False
        d = np.diff(verts, axis=0)
        return bool(np.all((np.abs(d[:, 0]) < 1e-4) | (np.abs(d[:, 1]) < 1e-4)))

    def _path(self, path: MplPath, transform: Any) -> tuple[np.ndarray, list[int] | None]:
        # Curves (round markers) are sent as polylines: canvas has no quadratic/cubic mixture
        # matching matplotlib's codes one to one without this, and few vertices suffice.
        if _has_curves(path):
            polys = path.to_polygons(transform, closed_only=False)
            verts, codes = [], []
            for poly in polys:
                verts.append(poly)
                codes.extend([_MOVETO] + [_LINETO] * (len(poly) - 1))
            xy = np.concatenate(verts) if verts else np.zeros((0, 2))
            return xy, codes
        xy = transform.transform(path.vertices) if len(path.vertices) else np.zeros((0, 2))
        codes = path.codes.tolist() if path.codes is not None else None
        return xy, codes

    def draw_path(self, gc: GraphicsContextBase, path: MplPath, transform: Any, rgbFace: Any = None) -> None:
        style = self._style(gc)
        self._fill(gc, rgbFace, style)
        self._stroke(gc, style)
        if "fill" not in style and "stroke" not in style and "hatch" not in style:
            return
        xy, codes = self._path(path, transform)
        if not np.all(np.isfinite(xy)):
            keep = np.isfinite(xy).all(axis=1)
            if codes is not None:
                raise Unsupported("non-finite vertices in a path with codes")
            # A line with gaps (NaN): matplotlib starts a new piece after each gap.
            codes = [_MOVETO if i == 0 or not keep[i - 1] else _LINETO
                     for i, k in enumerate(keep) if k]
            xy = xy[keep]
        if "dash" in style and "fill" not in style and codes is None and len(xy) > 1:
            # Agg clips a stroked line to the canvas (1 px margin) before dashing it.
            flipped = self._flip(xy)
            if not ((flipped >= -1).all() and (flipped[:, 0] <= self.width + 1).all()
                    and (flipped[:, 1] <= self.height + 1).all()):
                clipped, codes = clip_polyline(flipped, -1.0, -1.0, self.width + 1.0, self.height + 1.0)
                xy = self._flip(clipped)
        if self._should_snap(path, gc) and len(xy):
            style["snap"] = (round(style.get("lw", 0.0)) % 2) * 0.5 if "stroke" in style else 0.0
        closed = False
        if codes is not None and len(codes) > 2 and codes[0] == _MOVETO and codes[-1] == _CLOSEPOLY \
                and codes.count(_LINETO) == len(codes) - 2:
            # One closed polygon (a fill): send "close" instead of a code per vertex (a long JSON
            # list that ipywidgets walks item by item); CLOSEPOLY's own vertex is never drawn.
            xy, codes, closed = xy[:-1], None, True
        start, n = self._push(self._flip(xy))
        item = {"kind": "path", "off": start, "n": n, **style}
        if codes is not None:
            item["codes"] = codes
        if closed:
            item["close"] = True
        self.items.append(item)

    def draw_markers(self, gc: GraphicsContextBase, marker_path: MplPath, marker_trans: Any,
                     path: MplPath, trans: Any, rgbFace: Any = None) -> None:
        style = self._style(gc)
        self._fill(gc, rgbFace, style)
        self._stroke(gc, style)
        style.pop("dash", None)  # markers are drawn with solid edges
        # The marker's outline is the same on every move: work it out once.
        key = (id(marker_path), tuple(marker_trans.get_matrix().ravel()))
        if key not in self._markers or self._markers[key][0] is not marker_path:
            shape, codes = self._path(marker_path, marker_trans + Affine2D().scale(1.0, -1.0))
            self._markers[key] = (marker_path, shape, codes)
        _, mxy, codes = self._markers[key]
        points = trans.transform(path.vertices) if len(path.vertices) else np.zeros((0, 2))
        points = points[np.isfinite(points).all(axis=1)]
        # Agg draws each marker at the nearest whole pixel, and snaps a straight-edged marker's
        # outline as it snaps a path.
        points = np.floor(self._flip(points) + 0.5)
        shape_start, shape_n = self._push(mxy)
        start, n = self._push(points)
        item = {"kind": "markers", "off": start, "n": n, "shape": shape_start,
                "shapeN": shape_n, "codes": codes, **style}
        if self._should_snap(marker_path, gc):
            item["snap"] = (round(style.get("lw", 0.0)) % 2) * 0.5 if "stroke" in style else 0.0
        self.items.append(item)

    def draw_text(self, gc: GraphicsContextBase, x: float, y: float, s: str, prop: Any,
                  angle: float, ismath: Any = False, mtext: Any = None) -> None:
        if ismath:
            raise Unsupported(f"mathtext {s!r}")
        if not s:
            return
        style = self._style(gc)
        rgba = gc.get_rgb()
        weight = prop.get_weight()
        weight = {"normal": 400, "bold": 700}.get(weight, weight) if isinstance(weight, str) else weight
        start, _ = self._push(np.array([[x, y]]))  # draw_text gets y pointing down already
        self.items.append({
            "kind": "text", "off": start, "text": s, "angle": angle,
            "size": self.points_to_pixels(prop.get_size_in_points()),
            "family": prop.get_name(), "weight": int(weight) if str(weight).isdigit() else 400,
            "italic": prop.get_style() != "normal",
            "color": _rgba(rgba, gc.get_alpha() if gc.get_forced_alpha() else None), **style,
        })

    def draw_image(self, *args: Any, **kwargs: Any) -> None:
        raise Unsupported("an image")

    def draw_gouraud_triangles(self, *args: Any, **kwargs: Any) -> None:
        raise Unsupported("Gouraud shading")

    def draw_tex(self, *args: Any, **kwargs: Any) -> None:
        raise Unsupported("usetex text")

    def buffer(self) -> bytes:
        """All coordinates recorded so far, as little-endian float32 bytes."""
        if not self._chunks:
            return b""
        return np.concatenate(self._chunks).astype("<f4").tobytes()


@functools.lru_cache(maxsize=64)
def _font_height_metrics(path: str, size: float, dpi: float) -> tuple[float, float, float]:
    """(ascent, descent, line gap) in pixels of a font, as ``Text._get_layout`` reads them."""
    font = get_font(path)
    scale = size * dpi / 72 / font.get_sfnt_table("head")["unitsPerEm"]
    for table_name, gap, ascent, descent in (("OS/2", "sTypoLineGap", "sTypoAscender", "sTypoDescender"),
                                             ("hhea", "lineGap", "ascent", "descent")):
        table = font.get_sfnt_table(table_name)
        # matplotlib 3.10's FT2Font gives an OS/2 table without the sTypo* entries: use hhea.
        if table is not None and all(key in table for key in (ascent, descent, gap)):
            return table[ascent] * scale, -table[descent] * scale, table[gap] * scale
    raise Unsupported(f"a font without height metrics ({path})")


@functools.lru_cache(maxsize=64)
def _font_path(prop: Any) -> str:
    return fontManager._find_fonts_by_props(prop)[0]


#: The browser lays plain texts out with matplotlib 3.11's rules (Text.get_linespacing, the
#: OS/2 typographic metrics); with an older matplotlib, texts go through ``Text.draw`` instead.
_BROWSER_TEXT_LAYOUT = hasattr(Text, "get_linespacing")


def _record_text(recorder: SceneRecorder, text: Text) -> bool:
    """Record a plain text artist without laying it out in Python; False if it is not plain.

    Laying out a string in matplotlib (FreeType shaping) costs about a millisecond per text, most
    of a slider move's budget. The browser measures the string's ink box instead and applies
    ``Text._get_layout``'s rules (panel_canvas.js, layoutLabel): same anchor, alignment and
    font-wide ascent/descent, so the text lands where matplotlib puts it (checked pixel by pixel
    by tests/browser/test_panel_fidelity.py).
    """
    if (text.get_usetex() or text.get_rotation() % 360 or text.get_bbox_patch() is not None
            or text.get_path_effects() or text.get_wrap() or text.get_rotation_mode() != "default"):
        return False
    string = text.get_text()
    if not text.get_visible() or not string:
        return True
    lines = string.split("\n")
    if any(text._preprocess_math(line)[1] for line in lines):
        return False
    if text.get_clip_on() and (text.get_clip_box() is not None or text.get_clip_path() is not None):
        return False
    x, y = text.get_transform().transform(
        (float(text.convert_xunits(text._x)), float(text.convert_yunits(text._y))))
    if not (math.isfinite(x) and math.isfinite(y)):
        return True
    prop = text.get_fontproperties()
    dpi = recorder.dpi
    ascent, descent, gap = _font_height_metrics(_font_path(prop), prop.get_size_in_points(), dpi)
    rgba = to_rgba(text.get_color())
    alpha = text.get_alpha()
    start, _ = recorder._push(np.array([[x, recorder.height - y]]))
    weight = prop.get_weight()
    weight = {"normal": 400, "bold": 700}.get(weight, 400) if isinstance(weight, str) else int(weight)
    spacing = text.get_linespacing()
    recorder.items.append({
        "kind": "label", "off": start, "lines": lines,
        "ha": text.get_horizontalalignment(), "va": text.get_verticalalignment(),
        "malign": text._get_multialignment(), "ascent": ascent, "descent": descent, "gap": gap,
        "spacing": spacing if isinstance(spacing, str) else float(spacing),
        "size": recorder.points_to_pixels(prop.get_size_in_points()), "family": prop.get_name(),
        "weight": weight, "italic": prop.get_style() != "normal",
        "color": _rgba(rgba, alpha if alpha is not None else None),
    })
    return True


#: One artist's recording: its items and its coordinate chunks, with the offset they started at.
Recording = tuple[list[dict[str, Any]], list[np.ndarray], int]


def record(artists: list[Any], agg: Any,
           cache: dict[int, tuple[Any, Recording]] | None = None) -> tuple[list[dict[str, Any]], bytes]:
    """Draw ``artists`` (in order) through a :class:`SceneRecorder`; return the items and coordinates.

    With ``cache`` (a dict the caller keeps between calls), an artist that has not changed since
    it was last recorded (matplotlib's ``stale`` flag is off) is not drawn again: its items and
    coordinates are reused. A slider often moves a few of a panel's artists and leaves the others
    (curves that depend on another slider) where they were. The caller must empty the cache when
    anything outside the artists changes their pixels: the axes' limits, the figure's size.
    """
    recorder = SceneRecorder(agg)
    for artist in artists:
        cached = cache.get(id(artist)) if cache is not None else None
        if cached is not None and cached[0] is artist and not artist.stale:
            items, chunks, was = cached[1]
            shift = recorder._offset - was
            for item in items:
                item = dict(item, off=item["off"] + shift)
                if "shape" in item:
                    item["shape"] += shift
                recorder.items.append(item)
            for chunk in chunks:
                recorder._chunks.append(chunk)
                recorder._offset += chunk.size
            continue
        first_item, first_chunk, start = len(recorder.items), len(recorder._chunks), recorder._offset
        if not (_BROWSER_TEXT_LAYOUT and isinstance(artist, Text) and _record_text(recorder, artist)):
            artist.draw(recorder)
        if cache is not None:
            # Drawn as it is now: a later change (set_data, set_text, ...) makes it stale again.
            artist.stale = False
            cache[id(artist)] = (artist, ([dict(i) for i in recorder.items[first_item:]],
                                          recorder._chunks[first_chunk:], start))
    return recorder.items, recorder.buffer()


class PanelCanvas(anywidget.AnyWidget):
    """The live picture of a panel: a background PNG and the moving artists, drawn on a <canvas>.

    ``background`` is matplotlib's render of everything that does not move; ``scene`` holds the
    moving artists (``items``, styles and text) and their pixel coordinates (``coords``, float32).
    ``label`` is the picture's accessible name (the panel's text alternative).
    """

    _esm = _ESM
    background = traitlets.Bytes(b"").tag(sync=True)
    width = traitlets.Int(0).tag(sync=True)
    height = traitlets.Int(0).tag(sync=True)
    scene = traitlets.Dict().tag(sync=True)
    label = traitlets.Unicode("").tag(sync=True)
    # Some widget front ends (jupyterlab-manager 3.0's) read every widget's description.
    description = traitlets.Unicode("").tag(sync=True)
