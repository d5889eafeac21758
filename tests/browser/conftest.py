"""Fixtures for the real-browser tests: headless Chromium, one JupyterLab and one Voilà server,
and the course website (built once, served statically).

Each fixture lives for the whole session (one server start each); tests open a new page and a new
kernel per notebook. The browser is Debian's Chromium (``make test`` installs it when missing) or
the binary named by ``KL_CHROMIUM``; Playwright never downloads one. If it cannot start, the tests
fail with the reason when ``CI=true`` and skip with the reason otherwise. ``KL_NOTEBOOK_DIR``
points the tests at another folder of notebooks (default: ``notebooks/``).

The notebooks are served from a copy under pytest's temporary directory (opening a notebook writes
checkpoints and autosaves), outside the repository, so nbval never collects the copies. JupyterLab
serves a work folder created by tools/course.py, as `python tools/course.py lab` (and `make lab`) does.

Slider latencies are printed in pytest's terminal summary, so they show in ``make test`` output.
"""

from __future__ import annotations

import json
import os
from collections.abc import Iterator
from pathlib import Path

import pytest
from browser_page import IMAGE_HASH_JS, TARGET_LATENCY_MS, WATCH_KERNEL_JS
from browser_servers import (
    CHROMIUM_ARGS,
    LATENCY,
    SKIP_REASONS,
    START_TIMEOUT_S,
    TIMINGS,
    Server,
    chromium_path,
    copy_notebooks,
    course,
    no_browser,
    work_copy,
)
from playwright.sync_api import BrowserContext, Error, sync_playwright
from site_server import StaticServer, build


@pytest.fixture(scope="session")
def browser(tmp_path_factory: pytest.TempPathFactory) -> Iterator[BrowserContext]:
    """A headless Chromium context with the page instrumentation installed."""
    executable = chromium_path()
    if executable is None or not Path(executable).exists():
        no_browser(f"no Chromium binary found (looked at {executable or '/usr/bin/chromium and PATH'})")
    with sync_playwright() as playwright:
        try:
            context = playwright.chromium.launch_persistent_context(
                tmp_path_factory.mktemp("chromium-profile"),
                executable_path=executable,
                args=CHROMIUM_ARGS,
                viewport={"width": 1100, "height": 900},
                timeout=START_TIMEOUT_S * 1000,
                # A service worker's own fetches bypass Playwright's routing, so a test could not
                # see (or block) what it asks the internet for: JupyterLite registers one.
                service_workers="block",
            )
        except Error as exc:
            no_browser(f"{executable} did not start: {str(exc).splitlines()[0]}")
        context.add_init_script(WATCH_KERNEL_JS)
        context.add_init_script(IMAGE_HASH_JS)
        try:
            yield context
        finally:
            context.close()


@pytest.fixture(scope="session")
def lab(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Server]:
    """One JupyterLab server for the session; each test opens its notebook with a new kernel."""
    # What `python tools/course.py lab` opens: a work folder it creates, with its arguments
    # (the folder, --allow-root as root) and its settings (project_jupyter_env).
    work = work_copy(tmp_path_factory)
    server = Server("jupyterlab", "jupyterlab", [
        *course.lab_arguments(work),
        "--no-browser",
        "--ServerApp.ip=127.0.0.1",
        "--ServerApp.port={port}",
        "--ServerApp.port_retries=0",
        "--IdentityProvider.token={token}",
        "--LabApp.expose_app_in_browser=True",
        "--LabApp.news_url=None",
        "--LabApp.check_for_updates_class=jupyterlab.NeverCheckForUpdate",
    ], work.parent)
    try:
        server.wait_ready(f"api/status?token={server.token}")
        yield server
    finally:
        server.stop()


@pytest.fixture(scope="session")
def voila(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Server]:
    """One Voilà server on the copied notebooks folder (each page gets its own kernel)."""
    workdir = copy_notebooks(tmp_path_factory)
    server = Server("voila", "voila", [
        str(workdir / "notebooks"),
        "--no-browser",
        "--Voila.ip=127.0.0.1",
        "--port={port}",
        "--Voila.port_retries=0",
        "--token={token}",
        "--show_tracebacks=True",
        f"--Voila.connection_dir_root={workdir}",
    ], workdir)
    try:
        server.wait_ready(f"?token={server.token}")
        yield server
    finally:
        server.stop()


@pytest.fixture(scope="session")
def site_build(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The course website, built once per session as `make site` builds it (into a temp folder).

    ``KL_SITE_DIR=build/site`` tests a site built before (by `make site`) instead: quicker while
    working on the tests, but it does not check the current sources.
    """
    if os.environ.get("KL_SITE_DIR"):
        return Path(os.environ["KL_SITE_DIR"]).resolve()
    return build(tmp_path_factory.mktemp("site") / "site")


@pytest.fixture(scope="session")
def site_server(site_build: Path) -> Iterator[StaticServer]:
    """The built website served as a static host serves it, on 127.0.0.1."""
    server = StaticServer(site_build)
    try:
        yield server
    finally:
        server.stop()


#: Session fixtures that build something big, under their own time limits (the site's build has
#: BUILD_TIMEOUT_S): the test that happens to need them first is not charged for the build.
BUILDS = ("site_build", "site_server", "pdfs")


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    for item in items:
        if set(BUILDS) & set(getattr(item, "fixturenames", ())):
            mark = item.get_closest_marker("timeout")
            seconds = mark.args[0] if mark and mark.args else config.getini("timeout")
            # Put first, so pytest-timeout finds it before the test's own timeout mark.
            item.add_marker(pytest.mark.timeout(float(seconds), func_only=True), append=False)


# Under pytest-xdist the tests run in worker processes, and only the controller prints the terminal
# summary: each test's new timings travel with its report as rows of text (the root conftest.py
# collects and prints them, and prints them the same way without xdist).
SUMMARY_KEY = "kl_summary"  # the same key as in the root conftest.py


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_makereport(item: pytest.Item, call: pytest.CallInfo) -> Iterator[None]:
    outcome = yield
    rows = summary_rows()
    if rows:
        outcome.get_result().user_properties.append((SUMMARY_KEY, json.dumps(rows)))


def summary_rows() -> list[dict]:
    """The rows of text for what was measured (or skipped) since the last call; empties the lists."""
    rows = [{"section": "browser tests skipped", "once": True, "row": f"SKIPPED browser tests: {reason}"}
            for reason in dict.fromkeys(SKIP_REASONS)]
    header = (f"{'where':<10} {'notebook':<26}  {'slider':<26} {'moves':>5} {'median':>8} {'worst':>8}"
              f"  median<={TARGET_LATENCY_MS:.0f}ms")
    for t in TIMINGS:
        mark = "PASS" if t.median <= TARGET_LATENCY_MS else "MISS"
        rows.append({"section": "slider latency: key press -> new image painted (real browser)",
                     "header": header,
                     "row": f"{t.where:<10} {t.notebook:<26}  {t.slider[:26]:<26} {len(t.latencies):>5}"
                            f" {t.median:6.0f}ms {t.worst:6.0f}ms  {mark}"})
    header = (f"{'slider':<26} {'moves':>5} | {'browser: med':>12} {'p95':>5} {'settle':>6} |"
              f" {'png: med':>8} {'p95':>5} {'settle':>6} | targets med<=40 p95<=60 settle<=80")
    for fast, png in LATENCY:
        ok = (fast.median <= TARGETS_MS["median"] and fast.p95 <= TARGETS_MS["p95"]
              and fast.settle <= TARGETS_MS["settle"])
        rows.append({"section": "slider latency, same session: browser-drawn vs PNG path (Voila explorer)",
                     "header": header, "ok": ok,
                     "footer": "{ok} of {n} sliders meet every target on the browser path",
                     "row": f"{fast.slider[:26]:<26} {len(fast.latencies):>5} | {fast.median:10.0f}ms"
                            f" {fast.p95:3.0f}ms {fast.settle:4.0f}ms | {png.median:6.0f}ms {png.p95:3.0f}ms"
                            f" {png.settle:4.0f}ms | {'PASS' if ok else 'MISS'}"})
    SKIP_REASONS.clear()
    TIMINGS.clear()
    LATENCY.clear()
    return rows


#: Targets of the browser-drawn path (issue 15): key -> painted median and p95, settle after a burst.
TARGETS_MS = {"median": 40.0, "p95": 60.0, "settle": 80.0}
