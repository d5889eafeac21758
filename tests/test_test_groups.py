"""How `make test` shares the suite between pytest-xdist workers (the root conftest.py's groups).

A browser test that uses the website's build (``site_build``, ``site_server``) must be in the
website's group, the PDFs' tests (``pdfs``, printed once) in theirs, a test that uses the
JupyterLab server (``lab``) or the Voilà server (``voila``) in that server's group, and any other
browser test file in a group of its own: otherwise a second worker builds the site or prints the
PDFs (minutes) or starts another Jupyter server.
"""

from __future__ import annotations

import importlib.util
import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
_spec = importlib.util.spec_from_file_location("root_conftest", ROOT / "conftest.py")
groups = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(groups)

# The fixtures a file's tests (or its own fixtures) ask for: the parameters of its functions.
PARAMETERS = re.compile(r"^\s*def \w+\(([^)]*)\)", re.M)
SHARED = {"site_build": "browser: website", "site_server": "browser: website", "pdfs": "browser: pdf",
          "lab": "browser: jupyterlab", "voila": "browser: voila"}


def _expected_group(path: Path) -> str:
    names = {re.split(r"[:=]", part)[0].strip()
             for params in PARAMETERS.findall(path.read_text(encoding="utf-8")) for part in params.split(",")}
    shared = {SHARED[name] for name in names if name in SHARED}
    assert len(shared) <= 1, f"{path.name} uses {sorted(shared)}: one worker cannot make them all once"
    return shared.pop() if shared else f"tests/browser/{path.name}"


def test_a_notebook_and_its_twins_are_three_groups():
    names = ["notebooks/01_definition.ipynb", "notebooks/solutions/01_definition.ipynb",
             "notebooks/zh/01_definition.ipynb"]
    assert [groups.group(f"{n}::Cell 4") for n in names] == names
    assert groups.group("tests/test_api.py::test_x[a::b]") == "tests/test_api.py"


def test_each_browser_test_file_is_in_the_group_of_the_server_it_uses():
    files = sorted((ROOT / "tests" / "browser").glob("test_*.py"))
    assert len(files) >= 10
    found = {path.name: _expected_group(path) for path in files}
    # The detection itself: the files known to share something are found sharing it.
    assert found["test_site_pages.py"] == "browser: website" and found["test_pdf.py"] == "browser: pdf"
    assert found["test_jupyterlab.py"] == "browser: jupyterlab"
    assert found["test_latency.py"] == "browser: voila"
    for name, expected in found.items():
        assert groups.group(f"tests/browser/{name}::test_x") == expected, name


def test_the_longest_groups_are_handed_out_first():
    # xdist's own order is by number of tests, which puts a long browser group after many short
    # files: a worker could start the website's minutes when the others are nearly done.
    files = (ROOT / "tests" / "browser").glob("test_*.py")
    browser = {groups.group(f"tests/browser/{path.name}::t") for path in files}
    assert set(groups.LONGEST_GROUPS) <= browser

    from xdist.scheduler import LoadScopeScheduling

    class Config:  # what LoadScopeScheduling reads from pytest's config
        class option:
            loadscopereorder = True
            maxworkerrestart = None
        def getvalue(self, name):
            return [f"{len(groups.LONGEST_GROUPS)}*popen"] if name == "tx" else None

    scheduler = groups.pytest_xdist_make_scheduler(Config(), None)
    assert isinstance(scheduler, LoadScopeScheduling)
    handed = []

    class Node:
        shutting_down = False
        gateway = type("Gateway", (), {"id": "gw"})
        def send_runtest_some(self, indices):
            handed.append({groups.group(scheduler.collection[i]) for i in indices})
        def shutdown(self):
            pass

    many = [f"tests/test_many.py::t{i}" for i in range(50)]
    collection = [*many, *(f"tests/browser/{name}::t" for name in (
        "test_pdf.py", "test_voila.py", "test_slide_decks.py", "test_site_pages.py", "test_guess_game.py")),
        "tests/test_few.py::t"]
    nodes = [Node() for _ in range(len(groups.LONGEST_GROUPS))]
    for node in nodes:
        scheduler.add_node(node)
    for node in nodes:
        scheduler.add_node_collection(node, collection)
    scheduler.schedule()
    longest = [{name} for name in groups.LONGEST_GROUPS]
    assert handed == [*longest, {"tests/test_many.py"}, {"tests/test_few.py"}]
