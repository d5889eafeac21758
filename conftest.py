"""Hooks for the whole pytest session: tests/, the doctests in kl_helpers/ and the notebooks.

`make test` runs on two workers with pytest-xdist (``tools/course.py``). Each worker takes whole
groups of tests (:func:`group`):

* one file's tests, so module and session fixtures are made once, as without xdist, and a
  notebook's cells run in order in one kernel (nbval);
* the browser tests in three groups: the website's (built once, the longest group), the PDFs'
  (printed once; they need neither the site nor a server, so another worker prints them while
  one builds the site) and the others (JupyterLab and Voilà servers), so each server starts in
  one worker only.
"""

from __future__ import annotations

import json

import pytest


def group(nodeid: str) -> str:
    """The group of tests that ``nodeid`` runs with on one worker.

    >>> group("notebooks/zh/01_definition.ipynb::Cell 3")
    'notebooks/zh/01_definition.ipynb'
    >>> group("tests/browser/test_site_pages.py::test_every_page_passes_axe")
    'browser: website'
    >>> group("tests/browser/test_pdf.py::test_every_document_is_printed")
    'browser: pdf'
    >>> group("tests/browser/test_voila.py::test_explorer[x]")
    'browser: servers'
    """
    file = nodeid.split("::")[0]
    if file.startswith("tests/browser/"):
        name = file.removeprefix("tests/browser/")
        if name.startswith("test_site_"):
            return "browser: website"
        return "browser: pdf" if name.startswith("test_pdf") else "browser: servers"
    return file


@pytest.hookimpl(optionalhook=True)  # a hook of pytest-xdist: without it, never called
def pytest_xdist_make_scheduler(config: pytest.Config, log: object) -> object:
    # xdist's own --dist loadgroup cannot group on pytest 9 (it rewrites a node id pytest no
    # longer reads), so the grouping is xdist's per-file scheduling with our own scope.
    from xdist.scheduler import LoadScopeScheduling

    class GroupScheduling(LoadScopeScheduling):
        def _split_scope(self, nodeid: str) -> str:
            return group(nodeid)

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
