"""The printable PDFs (``make pdf``, tools/make_pdf.py), built once per session in headless Chromium.

Checked from the PDF files themselves (tools/make_pdf.py's small reader, itself tested on a
hand-written PDF in tests/test_pdf_reader.py): a sensible number of pages, every stored picture
of the notebook embedded once and never cut by a page break; and from the printed page: no
mathematics left as raw TeX, no request leaving the machine.
"""

from __future__ import annotations

import hashlib
import json
import re
import sys
from pathlib import Path

import pytest
from browser_servers import no_browser

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "tools"))
import make_pdf  # noqa: E402

LESSONS = sorted(p.stem for p in (ROOT / "notebooks").glob("*.ipynb") if re.match(r"\d\d_", p.name))
#: A lesson prints on this many A4 pages (01, the longest so far, on 18).
LESSON_PAGES = range(6, 41)
#: Printing everything once takes ~4 min on 2 busy cores (more than pytest's 300 s default).
pytestmark = pytest.mark.timeout(1200)


@pytest.fixture(scope="session")
def pdfs(browser, tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict]:
    # Printed in the session's shared Chromium: a second sync Playwright in the same process fails
    # ("Sync API inside the asyncio loop") once another browser test has started the first.
    out = tmp_path_factory.mktemp("pdf")
    try:
        manifest = make_pdf.render(out=out, context=browser)
    except make_pdf.PdfError as error:
        no_browser(str(error))
    return out, manifest


def _stored_pictures(path: Path) -> int:
    # Counted here from the notebook, independently of the tool: distinct PNG/JPEG outputs.
    nb = json.loads(path.read_text(encoding="utf-8"))
    return len({hashlib.sha1("".join(data).encode()).hexdigest()
                for cell in nb["cells"] for output in cell.get("outputs", [])
                for mime, data in output.get("data", {}).items() if mime in ("image/png", "image/jpeg")})


def test_every_document_is_printed(pdfs):
    out, manifest = pdfs
    solved = [s for s in LESSONS if (ROOT / "notebooks" / "solutions" / f"{s}.ipynb").exists()]
    expected = {*LESSONS, "course", "cheatsheet"} | {f"teacher/{s}" for s in solved}
    assert len(LESSONS) >= 7 and set(manifest) == expected
    for name in expected:
        assert (out / f"{name}.pdf").read_bytes().startswith(b"%PDF-"), name


@pytest.mark.parametrize("stem", LESSONS)
def test_lesson_pdf_pages_and_pictures(pdfs, stem):
    out, _ = pdfs
    facts = make_pdf.pdf_facts(out / f"{stem}.pdf")
    assert facts["pages"] in LESSON_PAGES, f"{stem}: {facts['pages']} pages"
    assert facts["images"] == _stored_pictures(ROOT / "notebooks" / f"{stem}.ipynb"), facts
    assert facts["images_on_two_pages"] == 0, "a picture is cut by a page break"


def test_cheat_sheet_is_one_page(pdfs):
    out, _ = pdfs
    assert make_pdf.pdf_facts(out / "cheatsheet.pdf")["pages"] == 1


def test_course_pdf_holds_every_lesson_each_from_a_new_page(pdfs):
    out, _ = pdfs
    course = make_pdf.pdf_facts(out / "course.pdf")
    lessons = [make_pdf.pdf_facts(out / f"{s}.pdf") for s in LESSONS]
    assert course["images"] == sum(f["images"] for f in lessons) and course["images_on_two_pages"] == 0
    # Every lesson starts on a new page, plus contents, notation card, cheat sheet, bibliography.
    assert sum(f["pages"] for f in lessons) + 4 <= course["pages"] <= sum(f["pages"] for f in lessons) + 12


@pytest.mark.parametrize("stem", LESSONS)
def test_teacher_copy_pdf_holds_the_solutions(pdfs, stem):
    out, manifest = pdfs
    if f"teacher/{stem}" not in manifest:
        pytest.skip(f"{stem} has no worked solutions")
    lesson, teacher = (make_pdf.pdf_facts(out / f"{name}.pdf") for name in (stem, f"teacher/{stem}"))
    assert teacher["pages"] > lesson["pages"] and teacher["images"] >= lesson["images"]
    assert teacher["images"] == manifest[f"teacher/{stem}"]["pictures"]
    assert teacher["images_on_two_pages"] == 0


def test_mathematics_is_typeset_and_nothing_leaves_the_machine(pdfs):
    _, manifest = pdfs
    for name, facts in manifest.items():
        assert facts["raw_math"] == [] and facts["math_errors"] == 0, (name, facts["raw_math"][:5])
        assert facts["blocked"] == [], (name, facts["blocked"])
