"""Worked solutions and teacher copies, checked by structure against the nbval-checked notebooks.

Layout (fixed for every lesson; CONTRIBUTING.md explains it):

* ``notebooks/NN_*.ipynb`` is the student view: each ``**Exercise k.**`` statement ends with a
  one-click link to its worked solution and is followed by one code cell whose checker says
  "your turn"; each ``**Problem k.**`` (pen and paper) ends with the same kind of link.
* ``notebooks/solutions/NN_*.ipynb`` holds, under ``### Exercise k`` / ``### Problem k``, the
  identical statement, the reasoning, the code and the checker's ✅ (or a checked derivation).
* ``teacher/NN_*.ipynb`` (``make copies``, generated) is the lesson with the solutions in place.

strict nbval executes the lessons and the solutions; nothing here executes anything.
"""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tools"))
import copies  # noqa: E402

from kl_helpers._storage import KERNELSPEC  # noqa: E402

LESSONS = sorted((ROOT / "notebooks").glob("[0-9][0-9]_*.ipynb"))
SOLUTION_FILES = sorted((ROOT / "notebooks" / "solutions").glob("*.ipynb"))
CHECKER = re.compile(r"kh\.exercises\.(check_\d\d_\w+)\(")
YOUR_TURN = "Your turn"


def _cells(path: Path) -> list[dict]:
    return copies.load(path)["cells"]


def _outputs_text(cell: dict) -> str:
    parts = []
    for output in cell.get("outputs", []):
        parts.append("".join(output.get("text", "")))
        for mime in ("text/plain", "text/markdown", "text/html"):
            parts.append("".join(output.get("data", {}).get(mime, "")))
    return "\n".join(parts)


def _solutions(lesson: Path) -> Path:
    return ROOT / "notebooks" / "solutions" / lesson.name


def test_every_lesson_has_solutions_and_every_solution_a_lesson():
    assert len(LESSONS) >= 6
    assert [p.name for p in SOLUTION_FILES] == [p.name for p in LESSONS]


@pytest.mark.parametrize("lesson", LESSONS, ids=lambda p: p.name)
def test_lesson_statements_link_to_their_solution(lesson):
    cells = _cells(lesson)
    items = copies.lesson_items({"cells": cells})
    for kind in ("Exercise", "Problem"):
        numbers = [n for k, n, _ in items if k == kind]
        assert numbers == list(range(1, len(numbers) + 1)), f"{kind}s numbered 1, 2, ...: {numbers}"
    assert sum(k == "Exercise" for k, _, _ in items) >= 3
    assert sum(k == "Problem" for k, _, _ in items) >= 2, "at least two pen-and-paper problems"
    # Exercises come first, then the problems (the solutions notebook keeps that order).
    kinds = [k for k, _, _ in items]
    assert kinds == sorted(kinds), "all exercises before the problems"
    for kind, number, i in items:
        source = copies.text(cells[i]).rstrip()
        link = copies.solution_link(lesson.name, kind, number)
        assert source.endswith("\n\n" + link), f"{kind} {number} does not end with {link}"


@pytest.mark.parametrize("lesson", LESSONS, ids=lambda p: p.name)
def test_each_exercise_has_one_checker_cell_showing_your_turn(lesson):
    cells = _cells(lesson)
    items = copies.lesson_items({"cells": cells})
    exercise_cells = [i for k, _, i in items if k == "Exercise"]
    calls = [name for c in cells if c["cell_type"] == "code"
             for name in CHECKER.findall(copies.text(c))]
    # One solution per checker: as many exercises as checker calls in the whole lesson.
    assert len(calls) == len(exercise_cells) == len(set(calls)), (calls, exercise_cells)
    for i in exercise_cells:
        student = cells[i + 1]
        assert student["cell_type"] == "code" and len(CHECKER.findall(copies.text(student))) == 1
        assert YOUR_TURN in _outputs_text(student), f"cell after exercise at {i} does not say your turn"


@pytest.mark.parametrize("lesson", LESSONS, ids=lambda p: p.name)
def test_solutions_mirror_the_lesson(lesson):
    lesson_cells = _cells(lesson)
    solutions = copies.load(_solutions(lesson))
    opening, sections, closing = copies.solution_sections(solutions)
    items = copies.lesson_items({"cells": lesson_cells})
    assert list(sections) == [(k, n) for k, n, _ in items], "same exercises and problems, same order"
    # Statements identical (the lesson's minus its link paragraph).
    cells = solutions["cells"]
    headings = [i for i, c in enumerate(cells)
                if c["cell_type"] == "markdown" and copies.HEADING.match(copies.text(c).strip())]
    for (kind, number, li), si in zip(items, headings, strict=True):
        assert copies.text(cells[si]).strip() == f"### {kind} {number}"
        assert copies.text(cells[si + 1]).rstrip() == copies.strip_link(copies.text(lesson_cells[li])), (
            f"{kind} {number}: the statement in the solutions differs from the lesson's")
    # The opening: a title, then the lesson's own setup cell(s), unchanged.
    assert opening[0]["cell_type"] == "markdown" and opening[0]["source"]
    assert f"(../{lesson.name})" in copies.text(opening[0]), "the title cell links back to the lesson"
    setup = [copies.text(c) for c in opening if c["cell_type"] == "code"]
    lesson_code = [copies.text(c) for c in lesson_cells if c["cell_type"] == "code"]
    assert setup and setup == lesson_code[: len(setup)], "setup cells identical to the lesson's first"
    assert closing and f"(../{lesson.name})" in copies.text(closing[0]), "the last cell links back"


@pytest.mark.parametrize("lesson", LESSONS, ids=lambda p: p.name)
def test_each_solution_reasons_computes_and_checks(lesson):
    lesson_cells = _cells(lesson)
    checker_of = {}
    for kind, number, i in copies.lesson_items({"cells": lesson_cells}):
        if kind == "Exercise":
            checker_of[number] = CHECKER.findall(copies.text(lesson_cells[i + 1]))[0]
    _, sections, _ = copies.solution_sections(copies.load(_solutions(lesson)))
    for (kind, number), cells in sections.items():
        where = f"{lesson.name} {kind} {number}"
        markdown = [copies.text(c) for c in cells if c["cell_type"] == "markdown"]
        code = [c for c in cells if c["cell_type"] == "code"]
        assert markdown and markdown[0].startswith("**Solution.**"), f"{where}: starts with **Solution.**"
        assert code, f"{where}: no code cell"
        first_code = cells.index(code[0])
        assert cells[0]["cell_type"] == "markdown" and first_code > 0, f"{where}: reasoning before code"
        sources = "\n".join(copies.text(c) for c in code)
        if re.search(r"\brng\b", sources):
            assert "default_rng(" in sources, f"{where}: seeds its own generator (not the lesson's rng)"
        if kind == "Exercise":
            calls = CHECKER.findall(copies.text(code[-1]))
            assert calls == [checker_of[number]], f"{where}: the last code cell calls {checker_of[number]}"
            shown = _outputs_text(code[-1])
            assert shown.lstrip().startswith("✅"), f"{where}: the checker does not show ✅: {shown[:80]!r}"
            assert "❌" not in shown and YOUR_TURN not in shown
        else:
            assert re.search(r"^\s*assert ", sources, re.M), f"{where}: the derivation is checked in code"
        for cell in code:
            for output in cell["outputs"]:
                assert output["output_type"] != "error" and output.get("name") != "stderr", where


@pytest.mark.parametrize("path", SOLUTION_FILES, ids=lambda p: p.name)
def test_solutions_are_stored_like_the_lessons(path):
    nb = copies.load(path)
    assert nb["metadata"]["kernelspec"] == KERNELSPEC
    code = [c for c in nb["cells"] if c["cell_type"] == "code"]
    assert all(c["execution_count"] is not None for c in code), "executed (make execute)"
    # Links stay inside notebooks/ (JupyterLab's root) and open an existing notebook.
    for cell in nb["cells"]:
        if cell["cell_type"] != "markdown":
            continue
        for target in re.findall(r"\]\(([^)\s]+)\)", copies.text(cell)):
            if re.match(r"https?://", target):
                continue
            file = target.partition("#")[0]
            resolved = (path.parent / file).resolve()
            assert resolved.is_relative_to((ROOT / "notebooks").resolve()), f"{target} leaves notebooks/"
            assert file == "" or (file.endswith(".ipynb") and resolved.exists()), f"{target} is broken"


@pytest.fixture(scope="module")
def teacher_copies(tmp_path_factory):
    out = tmp_path_factory.mktemp("teacher")
    return copies.write(out, mode="teacher")


def test_make_copies_writes_one_teacher_copy_per_lesson(teacher_copies):
    assert [p.name for p in teacher_copies] == [p.name for p in LESSONS]


@pytest.mark.parametrize("index", range(len(LESSONS)), ids=[p.name for p in LESSONS])
def test_teacher_copy_shows_every_answer(teacher_copies, index):
    path = teacher_copies[index]
    nb = json.loads(path.read_text(encoding="utf-8"))
    lesson_cells = _cells(LESSONS[index])
    items = copies.lesson_items({"cells": lesson_cells})
    shown = "\n".join(_outputs_text(c) for c in nb["cells"] if c["cell_type"] == "code")
    assert "❌" not in shown and YOUR_TURN not in shown
    assert shown.count("✅") >= sum(k == "Exercise" for k, _, _ in items)
    sources = "\n".join(copies.text(c) for c in nb["cells"])
    assert "[Worked solution →]" not in sources
    assert "None  #" not in sources, "a student placeholder survived"
    # Every lesson cell that is not a student placeholder is there, in order, and the solutions.
    n_exercises = sum(k == "Exercise" for k, _, _ in items)
    _, sections, _ = copies.solution_sections(copies.load(_solutions(LESSONS[index])))
    expected = len(lesson_cells) - n_exercises + sum(map(len, sections.values())) + 1  # + banner
    assert len(nb["cells"]) == expected
    counts = [c["execution_count"] for c in nb["cells"] if c["cell_type"] == "code"]
    assert counts == list(range(1, len(counts) + 1))
    ids = [c["id"] for c in nb["cells"]]
    assert len(set(ids)) == len(ids)
    # Links point back into notebooks/ from the sibling folder.
    for target in re.findall(r"\]\(([^)\s]+)\)", sources):
        if not re.match(r"https?://|#", target):
            assert target.startswith("../notebooks/"), target
            # As if the copy were in teacher/ beside notebooks/ (make copies puts it there).
            assert (ROOT / "teacher" / target.partition("#")[0]).resolve().exists(), target


def test_site_mode_tags_solution_cells_and_keeps_links():
    lesson = LESSONS[0]
    nb = copies.assemble(lesson, mode="site")
    tagged = [c for c in nb["cells"] if copies.SOLUTION_TAG in c["metadata"].get("tags", [])]
    _, sections, _ = copies.solution_sections(copies.load(_solutions(lesson)))
    assert len(tagged) == sum(map(len, sections.values()))
    assert not any("../notebooks/" in copies.text(c) for c in nb["cells"])


def test_assemble_refuses_a_lesson_and_solutions_that_differ(tmp_path):
    lesson = copies.load(LESSONS[0])
    solutions = copies.load(_solutions(LESSONS[0]))
    heading = next(c for c in solutions["cells"] if copies.text(c).strip() == "### Exercise 1")
    heading["source"] = "### Exercise 9"
    (tmp_path / "l.ipynb").write_text(json.dumps(lesson), encoding="utf-8")
    (tmp_path / "s.ipynb").write_text(json.dumps(solutions), encoding="utf-8")
    with pytest.raises(ValueError, match="different exercises"):
        copies.assemble(tmp_path / "l.ipynb", tmp_path / "s.ipynb")
    with pytest.raises(ValueError, match="mode must be one of"):
        copies.assemble(LESSONS[0], mode="student")


def test_readme_grading_snippet_passes_a_right_answer_and_fails_a_wrong_one():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    section = readme.split("**Grading on an LMS.**", 1)[1]
    snippet = section.split("```python\n", 1)[1].split("```", 1)[0]
    assert "check_01_reverse_bits(answer_1)" in snippet
    import kl_helpers as kh

    right = round(kh.kl_divergence([0.3, 0.4, 0.3], [0.2, 0.5, 0.3], base=2), 3)
    exec(snippet, {"answer_1": right})
    for wrong in (right + 0.01, None):
        with pytest.raises(AssertionError):
            exec(snippet, {"answer_1": wrong})
