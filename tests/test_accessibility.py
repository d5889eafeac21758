"""Figures everyone can perceive: a text alternative for every picture, and readable contrast.

* Every figure helper attaches a text alternative (``plotting.describe``), every panel computes one
  for its current state (``Panel.alt_text``, slider values included).
* Every stored picture in the notebooks carries it in the output's metadata
  (``{"image/png": {"alt": ...}}``: nbconvert and the site read it), and the cell under it repeats it
  as a visible caption (a translation carries it; JupyterLab reads no alt text from outputs).
* Text in figures meets WCAG AA contrast (4.5 : 1) against the white figure background.
"""

from __future__ import annotations

import html
import json
from pathlib import Path

import matplotlib.colors as mcolors
import pytest
from test_legibility import FIGURE_MODULES, PANELS, _positions, _visible_texts

from kl_helpers._captions import alt_of, caption_text
from kl_helpers.plotting import alt_text

ROOT = Path(__file__).resolve().parents[1]
NOTEBOOKS = sorted((ROOT / "notebooks").glob("*.ipynb")) + sorted(
    (ROOT / "notebooks" / "solutions").glob("*.ipynb"))
#: Words that say nothing about a figure's content on their own.
EMPTY = {"figure", "image", "plot", "chart", "picture", "graph", "panel"}
#: WCAG 2.1 AA contrast for normal-size text (figures use 11–12 pt, below "large" text).
AA = 4.5


def _pictures(path: Path) -> list[tuple[int, dict]]:
    cells = json.loads(path.read_text(encoding="utf-8"))["cells"]
    return [(i, o) for i, c in enumerate(cells) if c["cell_type"] == "code"
            for o in c["outputs"] if "image/png" in o.get("data", {})]


def _meaningful(text: str | None) -> bool:
    words = (text or "").lower().replace(".", " ").split()
    return len(words) >= 12 and not set(words) <= EMPTY


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: str(p.relative_to(ROOT / "notebooks")))
def test_every_stored_picture_has_a_text_alternative_and_a_caption(path):
    cells = json.loads(path.read_text(encoding="utf-8"))["cells"]
    alts = []
    for i, output in _pictures(path):
        alt = alt_of(output)
        assert _meaningful(alt), f"{path.name}: the picture of cell {i} has no meaningful alt: {alt!r}"
        caption = caption_text(cells[i + 1]) if i + 1 < len(cells) else None
        assert caption is not None and alt in caption, (
            f"{path.name}: the cell under picture {i} does not repeat its text alternative "
            "(run make execute, which writes the caption)")
        alts.append(alt)
    assert len(set(alts)) == len(alts), f"{path.name}: two pictures share a text alternative"


def test_lessons_and_the_explorer_have_pictures_to_check():
    counted = {p.name: len(_pictures(p)) for p in NOTEBOOKS if p.parent.name == "notebooks"}
    assert counted["explorer.ipynb"] >= 6 and all(
        n >= 2 for name, n in counted.items() if name[:2].isdigit()), counted


@pytest.mark.parametrize("module", FIGURE_MODULES, ids=lambda m: m.__name__.rsplit(".", 1)[1])
def test_every_figure_helper_describes_its_figure(module):
    texts = {name: alt_text(fig) for name, fig in module.example_figures().items()}
    missing = [name for name, text in texts.items() if not _meaningful(text)]
    assert not missing, f"no meaningful text alternative: {missing}"
    assert len(set(texts.values())) == len(texts)


@pytest.mark.parametrize("cls", PANELS, ids=lambda c: c.__name__)
def test_every_panel_state_has_its_own_description(cls):
    panel = cls()
    seen = set()
    for values in _positions(panel):
        panel.set(**values)
        text = panel.alt_text
        assert _meaningful(text) and html.escape(text) in panel.alt_widget.value
        seen.add(text)
    assert len(seen) > 1, "the description does not follow the sliders"


@pytest.mark.parametrize("cls", PANELS, ids=lambda c: c.__name__)
def test_every_panel_shows_its_text_alternative_right_after_the_picture(cls):
    # The Voilà template's a11y.js gives the <img> its alt from the element right after it; a
    # panel laying itself out without the hidden text there leaves the picture unnamed.
    panel = cls()
    children = list(panel.widget.children)
    at = children.index(panel.image)
    assert children[at + 1] is panel.alt_widget and "kl-panel-alt" in panel.alt_widget._dom_classes


def _luminance(color) -> float:
    def channel(c: float) -> float:
        return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4
    r, g, b = (channel(c) for c in mcolors.to_rgb(color))
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def contrast(fg, bg="white") -> float:
    """WCAG contrast ratio of two colours (1 to 21)."""
    hi, lo = sorted((_luminance(fg), _luminance(bg)), reverse=True)
    return (hi + 0.05) / (lo + 0.05)


def _low_contrast(fig) -> list[str]:
    return [f"{t.get_text()!r} in {mcolors.to_hex(t.get_color())} ({contrast(t.get_color()):.1f}:1)"
            for t in _visible_texts(fig) if t.get_alpha() in (None, 1) and contrast(t.get_color()) < AA]


def test_contrast_check_can_fail():
    assert contrast("#000000") == pytest.approx(21.0)
    assert contrast("#E69F00") < AA < contrast("#666666")  # orange text fails, grey passes


@pytest.mark.parametrize("module", FIGURE_MODULES, ids=lambda m: m.__name__.rsplit(".", 1)[1])
def test_figure_text_meets_wcag_aa_contrast(module):
    problems = {name: _low_contrast(fig) for name, fig in module.example_figures().items()}
    assert not any(problems.values()), {k: v for k, v in problems.items() if v}


@pytest.mark.parametrize("cls", PANELS, ids=lambda c: c.__name__)
def test_panel_text_meets_wcag_aa_contrast(cls):
    panel = cls()
    with panel.fully_drawn() as figure:
        assert not _low_contrast(figure)
