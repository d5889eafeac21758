"""How `make test` shares the suite between pytest-xdist workers (the root conftest.py's groups).

A browser test that uses the website's build (``site_build``, ``site_server``) must be in the
website's group, the PDFs' tests (``pdfs``, printed once) in theirs, and every other browser test
in the servers' group: otherwise a second worker builds the site or prints the PDFs (minutes) or
starts another Jupyter server. The PDFs need neither the site nor a server, so they are a group
of their own, which another worker can take while one builds the site.
"""

from __future__ import annotations

import importlib.util
import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
_spec = importlib.util.spec_from_file_location("root_conftest", ROOT / "conftest.py")
groups = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(groups)

WEBSITE_FIXTURES = re.compile(r"\b(site_build|site_server)\b")
PDF_FIXTURE = re.compile(r"\bpdfs\b")


def test_a_notebook_and_its_twins_are_three_groups():
    names = ["notebooks/01_definition.ipynb", "notebooks/solutions/01_definition.ipynb",
             "notebooks/zh/01_definition.ipynb"]
    assert [groups.group(f"{n}::Cell 4") for n in names] == names
    assert groups.group("tests/test_api.py::test_x[a::b]") == "tests/test_api.py"


def test_each_browser_test_file_is_in_the_group_of_the_server_it_uses():
    files = sorted((ROOT / "tests" / "browser").glob("test_*.py"))
    assert len(files) >= 10
    for path in files:
        text = path.read_text(encoding="utf-8")
        uses_site, uses_pdfs = bool(WEBSITE_FIXTURES.search(text)), bool(PDF_FIXTURE.search(text))
        assert not (uses_site and uses_pdfs), f"{path.name}: the site and the PDFs are two groups"
        expected = "browser: website" if uses_site else "browser: pdf" if uses_pdfs else "browser: servers"
        assert groups.group(f"tests/browser/{path.name}::test_x") == expected, path.name
