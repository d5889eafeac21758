"""Teacher copies and site pages: a lesson with its worked solutions in place.

The lesson (``notebooks/NN_*.ipynb``, the student view) and its worked solutions
(``notebooks/solutions/NN_*.ipynb``) are both executed and checked by strict nbval. This module
puts them together *from their stored outputs*, without running anything: each exercise's
student cell (the ``None`` placeholder and a checker saying "your turn") is replaced by the
solution's reasoning, code and the checker's ✅, and each pen-and-paper problem is followed by its
derivation. Why no re-execution: every cell comes from a notebook nbval has just reproduced, and
the solutions notebook starts with the lesson's own setup cell and seeds its own draws
(tests/test_solutions.py checks both), so running the assembled copy would print the same.

Two uses:

* ``mode="teacher"`` (``make copies``): ``teacher/NN_*.ipynb`` for projecting or printing an
  answer key. Generated, git-ignored, never edited by hand.
* ``mode="site"``: the same assembly for the course website, with every solution cell tagged so
  the site shows it behind a "show solution" toggle.

Run ``python tools/copies.py [OUTDIR]`` (default ``teacher/``).
"""

from __future__ import annotations

import copy
import json
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
NOTEBOOKS = ROOT / "notebooks"
SOLUTIONS = NOTEBOOKS / "solutions"

#: A statement cell in a lesson or its solutions: "**Exercise 2.** ..." or "**Problem 1.** ...",
#: in the Chinese edition "**练习 2.** ..." or "**习题 1.** ...".
STATEMENT = re.compile(r"\*\*(Exercise|Problem|练习|习题) (\d+)\.\*\*")
#: The heading that opens a section of the solutions notebook (and its anchor, e.g. #Exercise-2).
HEADING = re.compile(r"### (Exercise|Problem|练习|习题) (\d+)\s*$")
#: The Chinese edition's names of the two kinds.
KINDS = {"练习": "Exercise", "习题": "Problem"}
#: The last paragraph of a statement in the lesson: its one-click way to the solution.
LINK = "[Worked solution →](solutions/{name}#{kind}-{number})"
#: Cell tags of the assembled copy. The site hides cells tagged SOLUTION_TAG behind a toggle.
SOLUTION_TAG = "solution"
MODES = ("teacher", "site")


def text(cell: dict) -> str:
    """The source of a cell as one string (nbformat stores a string or a list of lines)."""
    return "".join(cell["source"])


def load(path: Path) -> dict:
    return json.loads(Path(path).read_text(encoding="utf-8"))


def solution_link(name: str, kind: str, number: int | str) -> str:
    """The link paragraph that ends a statement in the lesson ``name``."""
    return LINK.format(name=name, kind=kind, number=number)


def strip_link(statement: str) -> str:
    """A lesson statement without its final "Worked solution" (详细解答) paragraph."""
    body, sep, last = statement.rstrip().rpartition("\n\n")
    return body if sep and last.startswith(("[Worked solution →](", "[详细解答 →](")) else statement.rstrip()


def lesson_items(lesson: dict) -> list[tuple[str, int, int]]:
    """``(kind, number, cell index)`` of every exercise and problem statement in a lesson."""
    items = []
    for i, cell in enumerate(lesson["cells"]):
        if cell["cell_type"] == "markdown":
            m = STATEMENT.match(text(cell))
            if m:
                items.append((KINDS.get(m.group(1), m.group(1)), int(m.group(2)), i))
    return items


def solution_sections(solutions: dict) -> tuple[list[dict], dict[tuple[str, int], list[dict]], list[dict]]:
    """Split a solutions notebook into its opening cells, its sections and its closing cells.

    Returns ``(opening, sections, closing)`` where ``sections[(kind, number)]`` holds the cells
    *after* the section's statement (the reasoning, the code and their stored outputs), and
    ``closing`` is the final navigation cell.
    """
    cells = solutions["cells"]
    starts = [i for i, c in enumerate(cells)
              if c["cell_type"] == "markdown" and HEADING.match(text(c).strip())]
    if not starts:
        raise ValueError("the solutions notebook has no '### Exercise k' or '### Problem k' heading")
    closing = [cells[-1]] if text(cells[-1]).lstrip().startswith("---") else []
    end_all = len(cells) - len(closing)
    sections = {}
    for j, start in enumerate(starts):
        end = starts[j + 1] if j + 1 < len(starts) else end_all
        m = HEADING.match(text(cells[start]).strip())
        # cells[start + 1] is the statement (identical to the lesson's); the solution follows it.
        sections[(KINDS.get(m.group(1), m.group(1)), int(m.group(2)))] = cells[start + 2:end]
    return cells[:starts[0]], sections, closing


def _relink_lesson(source: str) -> str:
    # The teacher copy lives one folder away from notebooks/: point its links back there.
    return re.sub(r"\]\((?!https?://|#)([^)\s]+)\)", r"](../notebooks/\1)", source)


def _relink_solution(source: str) -> str:
    # Solutions live in notebooks/solutions/, so their links start with ../ (notebooks/).
    return re.sub(r"\]\(\.\./(?!\.\.)", "](../notebooks/", source)


def _set_source(cell: dict, source: str) -> None:
    cell["source"] = source.splitlines(keepends=True) if isinstance(cell["source"], list) else source


def assemble(lesson_path: Path, solutions_path: Path | None = None, mode: str = "teacher") -> dict:
    """The lesson with each exercise's and problem's worked solution in place.

    Parameters
    ----------
    lesson_path : Path
        The student view, ``notebooks/NN_*.ipynb``.
    solutions_path : Path, optional
        Its worked solutions; defaults to ``notebooks/solutions/<same name>``.
    mode : {"teacher", "site"}
        ``"teacher"``: links rewritten for a copy in a sibling folder of ``notebooks/`` and a
        banner saying answers are shown. ``"site"``: links left as they are. In both modes every
        solution cell is tagged ``"solution"`` (the site shows those behind a toggle).

    Returns
    -------
    dict
        A notebook (nbformat 4 JSON) with stored outputs and renumbered execution counts.

    Raises
    ------
    ValueError
        If ``mode`` is unknown, or the lesson and its solutions do not have the same exercises and
        problems (tests/test_solutions.py says which).
    """
    if mode not in MODES:
        raise ValueError(f"mode must be one of {MODES}, got {mode!r}")
    lesson_path = Path(lesson_path)
    solutions_path = Path(solutions_path) if solutions_path else SOLUTIONS / lesson_path.name
    lesson, solutions = load(lesson_path), load(solutions_path)
    _opening, sections, _closing = solution_sections(solutions)
    items = lesson_items(lesson)
    if [(k, n) for k, n, _ in items] != list(sections):
        raise ValueError(f"{lesson_path.name} and {solutions_path.name} list different exercises or "
                         "problems; run pytest tests/test_solutions.py to see which")
    starts = {i: (k, n) for k, n, i in items}
    out = []
    cells = lesson["cells"]
    i = 0
    while i < len(cells):
        cell = copy.deepcopy(cells[i])
        if i in starts:
            kind, number = starts[i]
            _set_source(cell, strip_link(text(cell)))
            if mode == "teacher":
                _set_source(cell, _relink_lesson(text(cell)))
            out.append(cell)
            if kind == "Exercise":
                i += 1  # skip the student cell: placeholder answer and "your turn"
            for sol in sections[(kind, number)]:
                sol = copy.deepcopy(sol)
                tags = sol.setdefault("metadata", {}).setdefault("tags", [])
                if SOLUTION_TAG not in tags:
                    tags.append(SOLUTION_TAG)
                if mode == "teacher":
                    _set_source(sol, _relink_solution(text(sol)))
                out.append(sol)
        else:
            if mode == "teacher" and cell["cell_type"] == "markdown":
                _set_source(cell, _relink_lesson(text(cell)))
            out.append(cell)
        i += 1
    if mode == "teacher":
        banner = {"cell_type": "markdown", "metadata": {}, "source": (
            "> **Teacher copy: answers shown.** Generated by `make copies` from "
            f"[the lesson](../notebooks/{lesson_path.name}) and "
            f"[its worked solutions](../notebooks/solutions/{lesson_path.name}); do not edit, "
            "regenerate. Students work in the lesson itself.")}
        out.insert(1, banner)
    count = 0
    for n, cell in enumerate(out):
        cell["id"] = f"{mode}-{n}"  # unique ids: lesson and solution cells may share one
        if cell["cell_type"] == "code":
            count += 1
            cell["execution_count"] = count
            for output in cell.get("outputs", []):
                if "execution_count" in output:
                    output["execution_count"] = count
    return {**lesson, "cells": out}


def lessons() -> list[Path]:
    """Every lesson that has worked solutions."""
    return sorted(p for p in NOTEBOOKS.glob("[0-9][0-9]_*.ipynb") if (SOLUTIONS / p.name).exists())


def write(outdir: Path, mode: str = "teacher") -> list[Path]:
    """Assemble every lesson into ``outdir``; return the files written."""
    outdir = Path(outdir)
    outdir.mkdir(parents=True, exist_ok=True)
    written = []
    for lesson in lessons():
        target = outdir / lesson.name
        nb = assemble(lesson, mode=mode)
        target.write_text(json.dumps(nb, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
        written.append(target)
    return written


def main(argv: list[str]) -> int:
    outdir = Path(argv[0]) if argv else ROOT / "teacher"
    for path in write(outdir):
        print(f"wrote {path.relative_to(ROOT) if path.is_relative_to(ROOT) else path}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
