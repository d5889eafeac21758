"""Lecture decks (tools/slides.py) checked by structure: the stored slide metadata is what the tool
writes, and each deck holds its lesson's panels and "Predict first." questions within a planned
number of slides. Cheap: no notebook runs, no browser."""

from __future__ import annotations

import importlib.util
import json
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
_spec = importlib.util.spec_from_file_location("slides", ROOT / "tools" / "slides.py")
slides = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(slides)

LESSONS = slides.lessons()
#: Planned slides per deck (cells that open a slide); a new lesson needs its range here.
SLIDE_RANGE = {"00": (3, 12), "01": (5, 14), "02": (3, 12), "03": (4, 12), "04": (3, 12), "05": (3, 12),
               "06": (3, 12), "07": (4, 14), "08": (3, 12)}


def _cells(path: Path) -> list[dict]:
    return json.loads(path.read_text(encoding="utf-8"))["cells"]


def test_the_lessons_00_to_06_have_decks():
    assert {p.name[:2] for p in LESSONS} >= set(SLIDE_RANGE)


@pytest.mark.parametrize("path", LESSONS, ids=lambda p: p.name[:2])
def test_stored_slide_metadata_is_what_the_tool_writes(path):
    cells = _cells(path)
    stored = [c["metadata"].get("slideshow", {}).get("slide_type") for c in cells]
    assert stored == slides.slide_types(cells), f"run `python tools/slides.py --tag {path.name[:2]}`"


@pytest.mark.parametrize("path", LESSONS, ids=lambda p: p.name[:2])
def test_deck_keeps_questions_and_panels_within_its_plan(path):
    cells = _cells(path)
    kinds = slides.slide_types(cells)
    for cell, kind in zip(cells, kinds, strict=True):
        src = "".join(cell["source"])
        if src.startswith(slides.PREDICT) or slides._is_panel(cell):
            assert kind != "skip", f"{path.name}: left out of the deck: {src[:60]!r}"
        # The questions are kept whatever their length (tests/browser measures what fits).
        if (cell["cell_type"] == "markdown" and kind != "skip" and not src.startswith(slides.PREDICT)
                and slides.SLIDES not in cell["metadata"].get("tags", [])):
            assert len(src) <= slides.MAX_MARKDOWN_CHARS, f"{path.name}: too long for a slide: {src[:60]!r}"
    low, high = SLIDE_RANGE[path.name[:2]]
    assert low <= kinds.count("slide") <= high, f"{path.name}: {kinds.count('slide')} slides"


def test_rules_on_a_small_lesson():
    md = lambda s, tags=(): {"cell_type": "markdown", "source": s, "metadata": {"tags": list(tags)}}  # noqa: E731
    panel = {"cell_type": "code", "source": "kh.panels.X()", "metadata": {},
             "outputs": [{"data": {"image/png": "", "text/plain": "X()"}}]}
    check = {"cell_type": "code", "source": "assert True", "metadata": {}, "outputs": []}
    cells = [md("# Title"), check, md("**Predict first.** What?"), panel, md("*Panel.* Left: ..."),
             md("## Long section\n" + "x" * 800), md("## Kept by hand\n" + "x" * 800, ["slides"]),
             md("## Short", ["no-slides"]), md("## Exercises"), md("## After the exercises")]
    assert slides.slide_types(cells) == ["slide", "skip", "slide", "slide", "skip", "skip", "slide", "skip",
                                         "skip", "skip"]


def test_the_deck_template_asks_no_cdn():
    template = ROOT / "tools" / "jupyter" / "data" / "voila" / "templates" / slides.TEMPLATE
    text = (template / "index.html.j2").read_text()
    assert 'src="http' not in text and 'href="http' not in text
    assert "https://" not in json.dumps(slides.voila_arguments())


def test_the_chinese_deck_is_served_from_zh(monkeypatch: pytest.MonkeyPatch) -> None:
    served = []
    monkeypatch.setattr(slides, "serve", lambda path, port: served.append(path) or 0)
    assert slides.main(["01", "--zh"]) == 0 and slides.main(["01"]) == 0
    lesson = "01_definition.ipynb"
    assert served == [ROOT / "notebooks" / "zh" / lesson, ROOT / "notebooks" / lesson]
