"""The committed notebooks themselves: executed, clean, readable without a kernel, well-formed lessons.

nbval checks that a fresh run reproduces the stored outputs; these tests check what is stored.
"""

import json
import re
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
ALL_NOTEBOOKS = sorted((ROOT / "notebooks").glob("*.ipynb"))
#: Markdown-only reference pages (contents, notation card, cheat sheet, bibliography): notebooks so
#: links work everywhere.
PAGE_NAMES = {"index.ipynb", "notation.ipynb", "cheatsheet.ipynb", "bibliography.ipynb"}
PAGES = [nb for nb in ALL_NOTEBOOKS if nb.name in PAGE_NAMES]
#: Lessons and the explorer: notebooks with code, executed and stored.
NOTEBOOKS = [nb for nb in ALL_NOTEBOOKS if nb not in PAGES]
LESSONS = [nb for nb in NOTEBOOKS if re.match(r"\d\d_", nb.name)]
WIDGET_VIEW = "application/vnd.jupyter.widget-view+json"
#: The sentence under every stored panel (a reader without a kernel sees a picture).
PANEL_CAPTION = "a picture of this panel"

sys.path.insert(0, str(ROOT / "tools"))
from kl_helpers._storage import KERNELSPEC, strip_widget_views  # noqa: E402


def _cells(path: Path) -> list[dict]:
    return json.loads(path.read_text(encoding="utf-8"))["cells"]


def _code(path: Path) -> list[dict]:
    return [c for c in _cells(path) if c["cell_type"] == "code" and "".join(c["source"]).strip()]


def _text(cell: dict) -> str:
    return "".join(cell["source"])


def test_notebooks_are_found():
    # An empty glob would make every parametrized test below vanish (pytest skips empty sets).
    assert len(LESSONS) >= 6 and len(NOTEBOOKS) > len(LESSONS) and len(PAGES) == len(PAGE_NAMES)


def test_lessons_are_numbered_in_reading_order():
    numbers = [int(nb.name[:2]) for nb in LESSONS]
    first = 0 if numbers[:1] == [0] else 1  # 00 is the optional refresher before lesson 01
    assert numbers == list(range(first, first + len(LESSONS)))


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.name)
def test_stored_outputs_are_complete_and_clean(path):
    assert _code(path), f"{path.name} has no code cells"
    for cell in _code(path):
        assert cell["execution_count"] is not None, f"unexecuted cell: {_text(cell)[:60]!r}"
        for output in cell["outputs"]:
            assert output["output_type"] != "error", _text(cell)[:60]
            assert output.get("name") != "stderr", f"stderr (a warning?) in {_text(cell)[:60]!r}"
    assert "widgets" not in json.loads(path.read_text(encoding="utf-8"))["metadata"]


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.name)
def test_panels_are_stored_as_pictures(path):
    # A stored widget view shows "model not found" in JupyterLab (trusted notebooks) before a run.
    panels = 0
    for cell in _code(path):
        for output in cell["outputs"]:
            data = output.get("data", {})
            assert WIDGET_VIEW not in data, f"stored widget view in {_text(cell)[:60]!r}"
            if "Panel(" in "".join(data.get("text/plain", "")):
                assert "image/png" in data
                panels += 1
    assert panels >= 1, "every notebook has at least one slider panel"


@pytest.mark.parametrize("path", LESSONS, ids=lambda p: p.name)
def test_lesson_structure(path):
    cells = _cells(path)
    opening = _text(cells[0])
    for part in ("Learning objectives", "Prerequisites", "Estimated time"):
        assert part in opening, f"{path.name} does not open with {part}"
    headings = [line for c in cells if c["cell_type"] == "markdown"
                for line in _text(c).splitlines() if line.startswith("## ")]
    for part in ("## Summary", "## Common mistakes", "## Exercises"):
        assert part in headings, f"{path.name} has no {part} section"
    checkers = [c for c in _code(path) if re.search(r"check_\d\d_\w+\(", _text(c))]
    assert len(checkers) >= 3, "at least three exercises with checkers"
    links = _text(cells[-1])
    for other in LESSONS:
        # Lesson 01 points back to the optional refresher 00 in its prerequisites, not its footer.
        if other.name[:2] == "00" and path.name[:2] == "01":
            continue
        if abs(int(other.name[:2]) - int(path.name[:2])) == 1:
            assert f"({other.name})" in links, f"{path.name} does not link to {other.name}"


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.name)
def test_randomness_is_seeded_once_and_visibly(path):
    sources = [_text(c) for c in _code(path)]
    seeds = [s for s in sources if "default_rng(" in s]
    assert len(seeds) <= 1, "one generator per notebook"
    for source in sources:
        assert "np.random.seed" not in source and not re.search(r"np\.random\.(rand|randn|normal)\(", source)


def test_strip_widget_views_keeps_the_picture():
    nb = {"cells": [{"outputs": [{"data": {WIDGET_VIEW: {}, "image/png": "x", "text/plain": "P()"}},
                                 {"data": {WIDGET_VIEW: {}, "text/plain": "slider"}}]}]}
    assert strip_widget_views(nb) == 1
    first, second = nb["cells"][0]["outputs"]
    assert set(first["data"]) == {"image/png", "text/plain"}
    assert WIDGET_VIEW in second["data"]  # a widget without a picture is left alone


@pytest.mark.parametrize("path", ALL_NOTEBOOKS, ids=lambda p: p.name)
def test_kernelspec_is_stored_as_jupyterlab_writes_it(path):
    # Otherwise JupyterLab rewrites it when the kernel connects and an untouched lesson opens
    # "modified" (tests/browser/test_first_run.py checks this in a real JupyterLab).
    assert json.loads(path.read_text(encoding="utf-8"))["metadata"]["kernelspec"] == KERNELSPEC


def _links(path: Path) -> list[str]:
    return [target for c in _cells(path) if c["cell_type"] == "markdown"
            for target in re.findall(r"\]\(([^)\s]+)\)", _text(c))]


@pytest.mark.parametrize("path", ALL_NOTEBOOKS, ids=lambda p: p.name)
def test_every_relative_link_works_where_the_notebook_is_opened(path):
    # JupyterLab's root is notebooks/ and Voilà serves only notebooks: a link must stay inside the
    # folder and point at a notebook that exists (anchors allowed); web links are fine anywhere.
    for target in _links(path):
        if re.match(r"https?://", target):
            continue
        file, _, _anchor = target.partition("#")
        assert not file.startswith(("..", "/")), f"{path.name}: {target} leaves notebooks/"
        assert file == "" or (file.endswith(".ipynb") and (path.parent / file).exists()), (
            f"{path.name}: link to {target} does not open a notebook in notebooks/")


def test_contents_page_lists_the_readme_lessons_in_order():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    rows = "\n".join(line for line in readme.splitlines() if line.startswith("| ["))
    listed = re.findall(r"\]\(notebooks/([\w.]+\.ipynb)\)", rows)
    index = re.findall(r"\]\(([\w.]+\.ipynb)\)", _text(_cells(ROOT / "notebooks" / "index.ipynb")[0]))
    assert index[: len(listed)] == listed
    assert [p.name for p in LESSONS] == [n for n in listed if re.match(r"\d\d_", n)]


@pytest.mark.parametrize("path", LESSONS, ids=lambda p: p.name)
def test_lessons_link_the_notation_card_and_the_contents(path):
    cells = _cells(path)
    assert "(notation.ipynb)" in _text(cells[0]), "the header links the notation card"
    assert "(index.ipynb)" in _text(cells[-1]), "the footer links the contents"


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.name)
def test_every_stored_panel_says_it_is_a_picture(path):
    cells = _cells(path)
    panels = 0
    for i, cell in enumerate(cells):
        if cell["cell_type"] != "code":
            continue
        if any("Panel(" in "".join(o.get("data", {}).get("text/plain", "")) for o in cell["outputs"]):
            panels += 1
            after = cells[i + 1] if i + 1 < len(cells) else None
            assert after is not None and after["cell_type"] == "markdown" and \
                PANEL_CAPTION in _text(after), f"{path.name}: no caption under {_text(cell)[:50]!r}"
    assert panels >= 1


@pytest.mark.parametrize("path", LESSONS, ids=lambda p: p.name)
def test_readme_states_the_lessons_own_estimated_time(path):
    minutes = re.search(r"\*\*Estimated time\.\*\* (\d+) minutes", _text(_cells(path)[0])).group(1)
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    row = next(line for line in readme.splitlines() if f"](notebooks/{path.name})" in line)
    assert row.rstrip().endswith(f"| {minutes} min |"), f"README says {row.split('|')[-2].strip()}"
