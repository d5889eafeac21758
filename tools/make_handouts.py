"""Write the course's handouts from their data: further reading, bibliography and cheat sheet.

    python tools/make_handouts.py          # rewrite them
    python tools/make_handouts.py --check  # exit 1 if a file is out of date (nothing written)

* Each lesson's "## Further reading" markdown cell (after the pen-and-paper problems, before the
  footer), from ``tools/reading.py``. Only that cell changes: no re-execution is needed.
* ``notebooks/bibliography.ipynb``: every work of ``tools/reading.py`` once, with the lessons that
  read it.
* ``notebooks/cheatsheet.ipynb``: one printed page of results and conditions, from
  ``tools/cheatsheet.py``.

The two pages are Markdown-only notebooks like the contents and the notation card
(``tools/make_pages.py``), so their links work wherever a lesson is opened.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

import nbformat

ROOT = Path(__file__).resolve().parents[1]
NOTEBOOKS = ROOT / "notebooks"
sys.path.insert(0, str(ROOT / "tools"))
import cheatsheet  # noqa: E402  (tools/ is not a package)
import make_pages  # noqa: E402
import reading  # noqa: E402
import stamp  # noqa: E402

HEADING = "## Further reading"
CELL_ID = "further-reading"


def lesson_title(stem: str) -> str:
    """``NN · Title`` from the lesson's first heading."""
    nb = nbformat.read(NOTEBOOKS / f"{stem}.ipynb", as_version=4)
    first = nb.cells[0].source.splitlines()[0]
    return first.lstrip("# ").split(":")[0].strip()


def _link(label: str, url: str) -> str:
    return f"[{label}]({url})" if url else label


def further_reading(stem: str) -> str:
    """The Markdown of a lesson's "Further reading" cell."""
    lines = [HEADING, "",
             "Each item says what it adds to this lesson; the [bibliography](bibliography.ipynb) has the "
             "full references, and the [cheat sheet](cheatsheet.ipynb) the results on one page.", ""]
    for key, where, why in reading.READING[stem]:
        short, _full, url = reading.WORKS[key]
        place = f", {where}" if where else ""
        lines.append(f"- {_link(short, url)}{place}. {why}")
    return "\n".join(lines)


def bibliography() -> str:
    """The bibliography page: each work once, with the lessons that read it."""
    used: dict[str, list[str]] = {key: [] for key in reading.WORKS}
    for stem, items in reading.READING.items():
        for key, where, _why in items:
            place = f" ({where})" if where else ""
            used[key].append(f"[{stem[:2]}]({stem}.ipynb){place}")
    lines = ["# Bibliography", "",
             "Every book, paper, post and thread that the lessons' *Further reading* sections point to, "
             "with the lessons that use it (and where to read). Each lesson says, item by item, what a "
             "reference adds to it.", ""]
    for key, (_short, full, url) in sorted(reading.WORKS.items(), key=lambda kv: kv[1][1].lower()):
        link = f" <{url}>" if url else ""
        lines.append(f"- {full}{link}  \n  Read in: {'; '.join(used[key])}.")
    return "\n".join(lines)


FOOTER = "---\n[Contents](index.ipynb) · [Notation](notation.ipynb) · [Cheat sheet](cheatsheet.ipynb)"


def _page(cells: list[str]) -> nbformat.NotebookNode:
    nb = make_pages._notebook(cells)
    stamp.stamped(nb, stamp.footer_line(*stamp.settings()))
    return nb


def with_reading(stem: str) -> str:
    """The lesson file's text with its "Further reading" cell inserted or brought up to date.

    Edited as JSON, not through nbformat, so that nothing but that cell changes in the file.
    """
    path = NOTEBOOKS / f"{stem}.ipynb"
    nb = json.loads(path.read_text(encoding="utf-8"))
    text = further_reading(stem)
    found = [c for c in nb["cells"]
             if c["cell_type"] == "markdown" and "".join(c["source"]).startswith(HEADING)]
    if found:
        # Same text in either of the two forms a notebook stores (one string, or a list of lines
        # as nbformat and tools/store_outputs.py write it): leave the file alone.
        if "".join(found[0]["source"]) != text:
            found[0]["source"] = text.splitlines(keepends=True)
    else:  # before the footer (the last cell, starting with ---)
        if not "".join(nb["cells"][-1]["source"]).lstrip().startswith("---"):
            raise ValueError(f"{stem}: the last cell is not the footer (---); cannot place {HEADING!r}")
        nb["cells"].insert(len(nb["cells"]) - 1,
                           {"cell_type": "markdown", "id": CELL_ID, "metadata": {},
                            "source": text.splitlines(keepends=True)})
    return json.dumps(nb, sort_keys=True, indent=1, ensure_ascii=False) + "\n"


def outputs() -> dict[Path, str]:
    """Every file this tool writes, with its text."""
    files = {NOTEBOOKS / f"{stem}.ipynb": with_reading(stem) for stem in reading.READING
             if (NOTEBOOKS / f"{stem}.ipynb").exists()}
    sheet_footer = FOOTER.replace("[Cheat sheet](cheatsheet.ipynb)", "[Bibliography](bibliography.ipynb)")
    for name, cells in (("bibliography", [bibliography(), FOOTER]),
                        ("cheatsheet", [cheatsheet.markdown(), sheet_footer])):
        files[NOTEBOOKS / f"{name}.ipynb"] = nbformat.writes(_page(cells)) + "\n"
    return files


def main(argv: list[str]) -> int:
    stale = []
    for path, text in outputs().items():
        if not path.exists() or path.read_text(encoding="utf-8") != text:
            stale.append(path.relative_to(ROOT))
            if "--check" not in argv:
                path.write_text(text, encoding="utf-8")
    verb = "out of date" if "--check" in argv else "wrote"
    print(f"{verb}: {', '.join(map(str, stale))}" if stale else "handouts up to date")
    return 1 if stale and "--check" in argv else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
