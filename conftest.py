"""Hooks for the whole pytest session: tests/, the doctests in kl_helpers/ and the notebooks.

`make test` runs on several workers with pytest-xdist (``tools/course.py``). Each worker takes
whole groups of tests (:func:`group`):

* one file's tests, so module and session fixtures are made once, as without xdist, and a
  notebook's cells run in order in one kernel (nbval);
* the browser tests that share something slow to make: the website's (built once), JupyterLab's
  (one server) and Voilà's (one server) are a group each, so each is made in one worker only.
  The PDFs (printed once) are a group of their own too: they need neither the site nor a
  server, so another worker prints them while one builds the site.

The longest groups are handed out first (:data:`LONGEST_GROUPS`).
"""

from __future__ import annotations

import json

import pytest

#: Browser test files that share a Jupyter server (a session fixture), by the group they share it in.
SERVER_GROUPS = {
    "test_jupyterlab.py": "browser: jupyterlab", "test_first_run.py": "browser: jupyterlab",
    "test_guess_game.py": "browser: jupyterlab",
    "test_voila.py": "browser: voila", "test_latency.py": "browser: voila",
}
#: The groups that take minutes, longest first (test time per group in one `make test` on 2 busy
#: cores: the website's 11 minutes, JupyterLab's 6.4, the PDFs' 5.2, Voilà's 4.9, the slide
#: decks' 3.1); every other group takes seconds.
LONGEST_GROUPS = ("browser: website", "browser: jupyterlab", "browser: pdf", "browser: voila",
                  "tests/browser/test_slide_decks.py")


def group(nodeid: str) -> str:
    """The group of tests that ``nodeid`` runs with on one worker.

    >>> group("notebooks/zh/01_definition.ipynb::Cell 3")
    'notebooks/zh/01_definition.ipynb'
    >>> group("tests/browser/test_site_pages.py::test_every_page_passes_axe")
    'browser: website'
    >>> group("tests/browser/test_pdf.py::test_every_document_is_printed")
    'browser: pdf'
    >>> group("tests/browser/test_latency.py::test_x")
    'browser: voila'
    >>> group("tests/browser/test_slide_decks.py::test_x[01]")
    'tests/browser/test_slide_decks.py'
    """
    file = nodeid.split("::")[0]
    if file.startswith("tests/browser/"):
        name = file.removeprefix("tests/browser/")
        if name.startswith("test_site_"):
            return "browser: website"
        if name.startswith("test_pdf"):
            return "browser: pdf"
        return SERVER_GROUPS.get(name, file)
    return file


@pytest.hookimpl(optionalhook=True)  # a hook of pytest-xdist: without it, never called
def pytest_xdist_make_scheduler(config: pytest.Config, log: object) -> object:
    # xdist's own --dist loadgroup cannot group on pytest 9 (it rewrites a node id pytest no
    # longer reads), so the grouping is xdist's per-file scheduling with our own scope.
    from xdist.scheduler import LoadScopeScheduling

    class GroupScheduling(LoadScopeScheduling):
        def _split_scope(self, nodeid: str) -> str:
            return group(nodeid)

        def _assign_work_unit(self, node: object) -> None:
            # xdist hands out groups by their number of tests; hand out the longest first
            # instead, so no worker starts one of them when the others are nearly done.
            for name in reversed(LONGEST_GROUPS):
                if name in self.workqueue:
                    self.workqueue.move_to_end(name, last=False)
            super()._assign_work_unit(node)

    return GroupScheduling(config, log)


# What a test measured, printed in the terminal summary (the browser tests' slider latencies): rows
# of text attached to the test's report as ("kl_summary", JSON) by tests/browser/conftest.py. A
# report is what travels from an xdist worker to the controller, which prints the summary.
SUMMARY_KEY = "kl_summary"
_SUMMARY: dict[str, list[dict]] = {}


def pytest_runtest_logreport(report: pytest.TestReport) -> None:
    for key, value in report.user_properties:
        if key == SUMMARY_KEY:
            for row in json.loads(value):
                _SUMMARY.setdefault(row["section"], []).append(row)


def pytest_terminal_summary(terminalreporter: pytest.TerminalReporter) -> None:
    for section, rows in _SUMMARY.items():
        lines = [row["row"] for row in rows]
        if rows[0].get("once"):  # e.g. why browser tests were skipped: each reason once
            lines = list(dict.fromkeys(lines))
        terminalreporter.section(section)
        if "header" in rows[0]:
            terminalreporter.write_line(rows[0]["header"])
        for line in lines:
            terminalreporter.write_line(line, yellow=line.startswith("SKIPPED"))
        if "footer" in rows[0]:
            ok = sum(bool(row.get("ok")) for row in rows)
            terminalreporter.write_line(rows[0]["footer"].format(ok=ok, n=len(rows)))
