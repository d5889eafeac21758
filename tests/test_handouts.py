"""Further reading, bibliography and cheat sheet (tools/reading.py, tools/cheatsheet.py).

Structure only, no execution: the generated cells and pages agree with their data, every lesson
has its reading, every bibliography entry is read somewhere, links are well-formed, and every
formula on the cheat sheet is asserted by a code cell of a lesson (which strict nbval re-runs).
"""

import json
import re
import sys
from pathlib import Path
from urllib.parse import urlparse

import pytest

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tools"))
import cheatsheet  # noqa: E402
import make_handouts  # noqa: E402
import reading  # noqa: E402

LESSONS = sorted(p for p in (ROOT / "notebooks").glob("*.ipynb") if re.match(r"\d\d_", p.name))


def _cells(path: Path) -> list[dict]:
    return json.loads(path.read_text(encoding="utf-8"))["cells"]


def _text(cell: dict) -> str:
    return "".join(cell["source"])


def _reading_cell(path: Path) -> tuple[int, str]:
    cells = _cells(path)
    found = [(i, _text(c)) for i, c in enumerate(cells)
             if c["cell_type"] == "markdown" and _text(c).startswith("## Further reading")]
    assert len(found) == 1, f"{path.name}: {len(found)} '## Further reading' cells, expected 1"
    return found[0]


def test_lessons_are_found():
    assert len(LESSONS) >= 7  # 00-06 at least; an empty glob would hide every test below


@pytest.mark.parametrize("path", LESSONS, ids=lambda p: p.name)
def test_every_lesson_has_its_reading_after_the_problems_before_the_footer(path):
    assert path.stem in reading.READING, (
        f"{path.name} has no reading list: add its item to READING in tools/reading.py and run "
        "python tools/make_handouts.py")
    assert 3 <= len(reading.READING[path.stem]) <= 6, "3 to 6 items per lesson"
    index, text = _reading_cell(path)
    cells = _cells(path)
    assert index == len(cells) - 2 and _text(cells[-1]).lstrip().startswith("---"), "just before the footer"
    last_problem = max(i for i, c in enumerate(cells) if _text(c).startswith("**Problem "))
    assert last_problem < index, "after the pen-and-paper problems"
    items = [line for line in text.splitlines() if line.startswith("- ")]
    assert len(items) == len(reading.READING[path.stem])
    for line, (key, _where, why) in zip(items, reading.READING[path.stem], strict=True):
        short, _full, url = reading.WORKS[key]
        assert short in line and why in line and (url == "" or f"({url})" in line), line


def test_generated_files_are_up_to_date():
    # The lessons' cells and both pages are exactly what tools/make_handouts.py writes from the data.
    stale = [path.name for path, text in make_handouts.outputs().items()
             if not path.exists() or path.read_text(encoding="utf-8") != text]
    assert not stale, f"out of date (run python tools/make_handouts.py): {stale}"


def test_every_item_is_in_the_bibliography_and_every_entry_is_read():
    used = {key for items in reading.READING.values() for key, _where, _why in items}
    assert used <= set(reading.WORKS), f"not in WORKS: {sorted(used - set(reading.WORKS))}"
    assert set(reading.WORKS) <= used, f"never read by a lesson: {sorted(set(reading.WORKS) - used)}"
    page = _text(_cells(ROOT / "notebooks" / "bibliography.ipynb")[0])
    entries = [line for line in page.splitlines() if line.startswith("- ")]
    assert len(entries) == len(reading.WORKS)
    for _short, full, url in reading.WORKS.values():
        assert any(full in e and (url == "" or f"<{url}>" in e) for e in entries), full


def test_each_item_says_why_in_one_sentence():
    for stem, items in reading.READING.items():
        for key, _where, why in items:
            # one sentence: ends with a full stop and has no sentence break inside (§, e.g. are fine)
            assert why.endswith(".") and not re.search(r"[a-z)]\. [A-Z]", why[:-1]), (stem, key, why)


def test_links_are_well_formed():
    for key, (_short, _full, url) in reading.WORKS.items():
        if url:
            parts = urlparse(url)
            assert parts.scheme in {"http", "https"} and "." in parts.netloc and " " not in url, key
    links = {url for _short, _full, url in reading.WORKS.values() if url}
    assert len(links) == len([1 for *_, url in reading.WORKS.values() if url]), "one entry per address"


def _asserting_code(stem: str) -> str:
    path = ROOT / "notebooks" / f"{stem}.ipynb"
    return "\n".join(_text(c) for c in _cells(path) if c["cell_type"] == "code" and "assert" in _text(c))


def test_every_cheat_sheet_result_is_asserted_by_a_lesson_cell():
    for topic, _result, _condition, stem, checks in cheatsheet.SHEET:
        assert checks, topic
        code = _asserting_code(stem)
        for check in checks:
            assert check.startswith("assert ") and check in code, f"{topic}: not in {stem}: {check!r}"


def test_cheat_sheet_has_every_required_topic_and_states_its_rows():
    topics = [row[0] for row in cheatsheet.SHEET]
    assert set(cheatsheet.REQUIRED_TOPICS) <= set(topics), set(cheatsheet.REQUIRED_TOPICS) - set(topics)
    page = _text(_cells(ROOT / "notebooks" / "cheatsheet.ipynb")[0])
    for _topic, result, condition, stem, _checks in cheatsheet.SHEET:
        assert result in page and condition in page and f"({stem}.ipynb)" in page
    # The notation card's letters and the conditions the issue asks for, in the page's own words.
    for phrase in (r"0\ln\frac0{q} = 0", r"q(x) = 0 < p(x)", "almost everywhere", "H(p, q) - H(p)",
                   r"-H(p)", "wherever $p = 0$", r"\sqrt N", "**exact**", "**true**", "mass-covering",
                   "mode-seeking", "standard deviation", r"\le \ln 2"):
        assert phrase in page, phrase


def test_pages_are_linked_from_the_readme_and_the_contents():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    contents = "".join(_text(c) for c in _cells(ROOT / "notebooks" / "index.ipynb"))
    for name in ("cheatsheet.ipynb", "bibliography.ipynb"):
        assert f"(notebooks/{name})" in readme and f"({name})" in contents, name


def test_adding_a_lesson_needs_only_its_reading_item():
    # Lessons 07/08: one READING item is all the writer needs (no list of lessons elsewhere).
    assert make_handouts.further_reading("01_definition").startswith("## Further reading")
    assert not re.search(r"0[0-6]_", Path(make_handouts.__file__).read_text(encoding="utf-8"))
