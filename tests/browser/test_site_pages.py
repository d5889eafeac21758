"""The course website in headless Chromium, offline: what a learner sees on each page.

The site is built once per session (``site_build``) and served as a static host serves it. Every
request that leaves the machine is blocked and counted: the book's pages must ask for nothing
(MathJax, fonts and scripts are all local). The JupyterLite app's kernel loads the Pyodide
runtime from its CDN at run time (README: "in the browser (beta)"); those requests, and only
those, are expected there, and are counted too.
"""

from __future__ import annotations

import json
from collections import deque
from dataclasses import dataclass, field
from pathlib import Path
from urllib.error import HTTPError
from urllib.parse import urldefrag, urljoin, urlparse
from urllib.request import urlopen

import pytest
from axe import explain, serious_violations, violations
from playwright.sync_api import BrowserContext, Page
from playwright.sync_api import TimeoutError as PlaywrightTimeout
from site_server import (
    LAUNCHABLE,
    LESSONS,
    StaticServer,
    course_links,
    html_pages,
    is_local,
    pyodide_runtime_prefix,
    site_notebook,
    stored_pngs,
)

LOAD_TIMEOUT_MS = 30_000
LITE = course_links.settings()["lite"]  # the JupyterLite deployment's folder in the site
MATH_TIMEOUT_MS = 15_000  # MathJax typesets the longest page (the API reference) in ~2 s idle
LITE_TIMEOUT_MS = 90_000

# Each output picture on a book page, and whether the browser could decode it.
FIGURES_JS = """
() => Array.from(document.querySelectorAll('.cell_output img')).map(
    (img) => ({src: img.getAttribute('src'), decoded: img.complete && img.naturalWidth > 0}))
"""
# Math elements Sphinx wrote, and how many of them MathJax has rendered.
MATH_JS = """
() => {
  const math = Array.from(document.querySelectorAll('.math'));
  return {math: math.length, rendered: math.filter((m) => m.querySelector('mjx-container')).length,
          raw: document.body.innerText.includes('$$')};
}
"""


class Watch:
    """Console errors, uncaught exceptions and blocked outside requests of one page."""

    def __init__(self, page: Page) -> None:
        self.errors: list[str] = []
        self.external: list[str] = []
        page.on("console", lambda msg: self.errors.append(msg.text) if msg.type == "error" else None)
        page.on("pageerror", lambda exc: self.errors.append(f"uncaught: {exc}"))
        page.route("**/*", self._route)

    def _route(self, route) -> None:
        if is_local(route.request.url):
            route.continue_()
        else:
            self.external.append(route.request.url)
            route.abort()


def open_page(browser: BrowserContext, url: str) -> tuple[Page, Watch]:
    page = browser.new_page()
    watch = Watch(page)
    page.goto(url, wait_until="load", timeout=LOAD_TIMEOUT_MS)
    return page, watch


def has_math(nb: dict) -> bool:
    """Whether a notebook's text has TeX (every lesson does)."""
    return any("$" in "".join(c["source"]) for c in nb["cells"] if c["cell_type"] == "markdown")


def wait_for_math(page: Page) -> dict:
    """Wait until MathJax has typeset the page, then count its math; ``loaded`` False if it never came."""
    try:
        page.wait_for_function(
            "() => window.MathJax && MathJax.startup && MathJax.startup.promise", timeout=MATH_TIMEOUT_MS)
    except PlaywrightTimeout:
        return {**page.evaluate(MATH_JS), "loaded": False}
    page.evaluate("() => MathJax.startup.promise")
    return {**page.evaluate(MATH_JS), "loaded": True}


# It may be the first of the crawl's tests and pay for the crawl (see below): the crawl's timeout.
@pytest.mark.timeout(600)
@pytest.mark.parametrize("notebook", LAUNCHABLE, ids=lambda p: p.name)
def test_page_shows_every_stored_figure_and_renders_its_math(
        crawl: Crawl, site_server: StaticServer, notebook: Path) -> None:
    # Read from the crawl, which opened every solution on the page as a reader clicking
    # "Show solution" does (loading and typesetting each lesson page once, not twice).
    nb = site_notebook(notebook) if notebook in LESSONS else json.loads(notebook.read_text())
    expected = stored_pngs(nb)
    assert expected > 0, f"{notebook.name} stores no picture?"
    seen = crawl.pages[f"{site_server.base}{notebook.stem}.html"]
    assert seen["closed_solutions"] == 0, f"{notebook.name}: a solution did not open"
    figures = seen["figures"]
    assert len(figures) == expected, f"{notebook.name}: {len(figures)} figures shown, {expected} stored"
    assert all(f["decoded"] for f in figures), f"{notebook.name}: broken images {figures}"
    if has_math(nb):
        math = seen["math"]
        assert math is not None, f"{notebook.name}: its TeX became no math element on the page"
        assert math["loaded"], f"{notebook.name}: MathJax did not load (blocked: {seen['external']})"
        assert math["math"] > 0 and math["rendered"] == math["math"], f"{notebook.name}: {math}"
        assert not math["raw"], f"{notebook.name}: raw $$ on the page"
    assert seen["external"] == [] and seen["errors"] == [], (seen["external"], seen["errors"])


@pytest.mark.timeout(60)
@pytest.mark.parametrize(("query", "found"), [
    ("cross-entropy", LESSONS[1].stem),  # the decomposition lesson
    ("交叉熵", "zh/"),  # a Chinese page: Chinese is cut into words (jieba)
    ("负对数似然", "zh/"),  # a glossary term the default dictionary would cut in pieces
], ids=["cross-entropy", "zh-cross-entropy", "zh-nll"])
def test_search_finds_a_term_in_either_language(browser: BrowserContext, site_server: StaticServer,
                                                query: str, found: str) -> None:
    page, watch = open_page(browser, f"{site_server.base}search.html?q={query}")
    try:
        page.wait_for_selector("#search-results .search-summary", timeout=LOAD_TIMEOUT_MS)
        results = page.locator("#search-results ul.search > li")
        count = results.count()
        assert count > 0, page.locator("#search-results").inner_text()
        hrefs = [results.nth(i).locator("a").first.get_attribute("href") for i in range(count)]
        assert any(h.startswith(found) for h in hrefs), hrefs
        assert watch.external == [] and watch.errors == []
    finally:
        page.close()


@dataclass
class Crawl:
    """What a reader clicking through the whole site meets, page by page."""

    pages: dict[str, dict] = field(default_factory=dict)  # url -> ids, errors, external requests, axe
    links: list[tuple[str, str]] = field(default_factory=list)  # (page, absolute target)


@pytest.fixture(scope="module")
def crawl(browser: BrowserContext, site_server: StaticServer) -> Crawl:
    """Visit every page reachable from the landing page once (MathJax done), following links."""
    base = site_server.base
    launchable = {f"{base}{notebook.stem}.html" for notebook in LAUNCHABLE}
    found = Crawl()
    # Sphinx's indexes and the search page are reached through its search box, not a link.
    todo = deque(base + name for name in ("index.html", "genindex.html", "py-modindex.html", "search.html"))
    page = browser.new_page()
    watch = Watch(page)
    try:
        while todo:
            url = todo.popleft()
            if url in found.pages:
                continue
            watch.errors, watch.external = [], []
            page.goto(url, wait_until="load", timeout=LOAD_TIMEOUT_MS)
            math = None
            if page.evaluate("() => Boolean(document.querySelector('.math'))"):
                # Then MathJax's own requests (fonts, extensions) are in too.
                math = wait_for_math(page)
                if not math["loaded"]:
                    watch.errors.append("MathJax did not load")
            ids = set(page.evaluate("() => Array.from(document.querySelectorAll('[id]'), (e) => e.id)"))
            hrefs = page.evaluate("() => Array.from(document.querySelectorAll('a[href]'), "
                                  "(a) => a.getAttribute('href'))")
            found.pages[url] = {"ids": ids, "errors": watch.errors, "external": watch.external,
                                "axe": violations(page) if _axe_checks(url, base) else None,
                                **(_open_solutions(page, math) if url in launchable else {})}
            found.links.extend(_site_links(url, hrefs, base, todo))
    finally:
        page.close()
    return found


def _open_solutions(page: Page, math: dict | None) -> dict:
    """Open every worked solution (after axe, which sees the page as it loads); then the figures
    shown, and the math with the solutions' own (MathJax typesets closed ones too)."""
    summaries = page.locator("details.kl-solution > summary")
    for i in range(summaries.count()):
        summaries.nth(i).click()
    page.wait_for_function(
        "() => Array.from(document.querySelectorAll('.cell_output img')).every((i) => i.complete)",
        timeout=LOAD_TIMEOUT_MS)
    return {"closed_solutions": page.locator("details.kl-solution:not([open])").count(),
            "figures": page.evaluate(FIGURES_JS),
            "math": None if math is None else {**page.evaluate(MATH_JS), "loaded": math["loaded"]}}


#: Chinese pages that axe checks: the contents page (no English twin of that shape) and one lesson.
AXE_CHINESE = ("zh/index.html", "zh/01_definition.html")


def _axe_checks(url: str, base: str) -> bool:
    """Whether the crawl runs axe-core on this page: every English page, a few Chinese ones.

    Axe is most of the crawl's time (~5 s a lesson page). A Chinese page is its English twin's
    template, headings, pictures and links with Chinese text (tests/test_translations.py checks
    the notebooks cell by cell; this crawl checks each page's lang, links and errors), so axe on
    every twin would repeat what it found on the English page. It checks the Chinese contents
    page and one lesson, where Chinese text could differ (lang, contrast of CJK glyphs).
    """
    path = url.removeprefix(base)
    return not path.startswith("zh/") or path in AXE_CHINESE


def _site_links(url: str, hrefs: list[str], base: str, todo: deque) -> list[tuple[str, str]]:
    """The page's links into the site; book pages among them are queued for the crawl."""
    links = []
    for href in hrefs:
        target = urljoin(url, href)
        if not target.startswith(base):
            continue  # launch buttons, the issue form: checked in test_site_build.py
        links.append((url, target))
        path = urlparse(target).path
        if path.endswith(".html") and f"/{LITE}/" not in path:
            todo.append(urldefrag(target)[0])
    return links


# Whichever of the crawl's tests runs first pays for the crawl (every page with MathJax, and
# axe-core on most: ~2 min on 2 idle cores, more on busy ones).
@pytest.mark.timeout(600)
def test_every_page_loads_offline_without_errors(crawl: Crawl, site_server: StaticServer,
                                                 site_build: Path) -> None:
    # Every page of the book is reachable from the landing page (no orphan) ...
    built = {site_server.base + p.relative_to(site_build).as_posix() for p in html_pages(site_build)}
    assert set(crawl.pages) == built, f"not reached: {sorted(built - set(crawl.pages))}"
    # ... and loads without a console error or uncaught exception, asking the internet for nothing.
    problems = {url: {"console": p["errors"], "internet": p["external"]}
                for url, p in crawl.pages.items() if p["errors"] or p["external"]}
    assert problems == {}, f"pages with console errors or requests to the internet: {problems}"


#: Serious or critical axe-core violations that the book theme itself causes, as (rule, element kind).
KNOWN_UPSTREAM_VIOLATIONS_SITE: set[tuple[str, str]] = set()


@pytest.mark.timeout(600)
def test_every_page_passes_axe(crawl: Crawl) -> None:
    # axe-core on every English page of the book and on the Chinese pages it checks
    # (_axe_checks), as a reader meets them (after MathJax): no serious or critical violation
    # beyond the known upstream ones.
    assert len(crawl.pages) >= 15
    checked = {url: p["axe"] for url, p in crawl.pages.items() if p["axe"] is not None}
    chinese = sorted(url for url in checked if "/zh/" in url)
    assert chinese == sorted(url for url in crawl.pages if url.endswith(AXE_CHINESE)), chinese
    assert len(checked) == len([u for u in crawl.pages if "/zh/" not in u]) + len(AXE_CHINESE)
    failing = {url: found for url, found in checked.items()
               if serious_violations(found) - KNOWN_UPSTREAM_VIOLATIONS_SITE}
    assert failing == {}, "\n".join(f"{url}:\n{explain(found)}" for url, found in failing.items())


@pytest.mark.timeout(600)
def test_no_internal_link_is_broken(crawl: Crawl) -> None:
    """Every link between the site's pages, to an anchor, a picture, a download or the Lite app resolves."""
    broken = []
    for source, target in crawl.links:
        document, fragment = urldefrag(target)
        if document in crawl.pages:
            if fragment and fragment not in crawl.pages[document]["ids"]:
                broken.append(f"{source} -> {target} (no such anchor)")
            continue
        try:
            with urlopen(document, timeout=10) as response:
                ok = response.status == 200
        except HTTPError:
            ok = False
        if not ok:
            broken.append(f"{source} -> {target}")
    assert broken == [], "\n".join(sorted(set(broken)))
    assert len(crawl.links) > 100  # the crawl really followed the site's links


# ------------------------------------------------------------------------------------------------
# JupyterLite: each lesson opens in the in-browser JupyterLab with its stored pictures.

# The notebook now in front: its title, its cells in the page and its decoded pictures. JupyterLab
# adds a long notebook's cells to the page in the background, so the test waits for all of them.
LITE_STATE_JS = """
() => {
  const panel = document.querySelector('.jp-NotebookPanel:not(.lm-mod-hidden)');
  if (!panel) return null;
  const tab = document.querySelector('.lm-TabBar-tab.jp-mod-current .lm-TabBar-tabLabel');
  return {title: tab ? tab.textContent : null,
          cells: panel.querySelectorAll('.jp-Cell').length,
          images: Array.from(panel.querySelectorAll('.jp-OutputArea-output img'))
                       .filter((img) => img.complete && img.naturalWidth > 0).length};
}
"""


@pytest.mark.timeout(300)
def test_every_lesson_opens_in_jupyterlite_with_its_pictures(
        browser: BrowserContext, site_server: StaticServer) -> None:
    """Open the Lite app once, then each notebook from its file browser, as a learner would."""
    page, watch = open_page(browser, f"{site_server.base}{LITE}/lab/index.html")
    try:
        page.wait_for_selector(".jp-DirListing-item", timeout=LITE_TIMEOUT_MS)
        for notebook in LAUNCHABLE:
            nb = json.loads(notebook.read_text(encoding="utf-8"))
            want = {"title": notebook.name, "cells": len(nb["cells"]), "images": stored_pngs(nb)}
            assert want["images"] > 0
            page.locator(f'.jp-DirListing-item[title^="Name: {notebook.name}"]').dblclick()
            try:
                page.wait_for_function(
                    f"(want) => JSON.stringify(({LITE_STATE_JS})()) === JSON.stringify(want)",
                    arg=want, timeout=LITE_TIMEOUT_MS)
            except PlaywrightTimeout as exc:
                raise AssertionError(f"JupyterLite shows {page.evaluate(LITE_STATE_JS)}; the notebook "
                                     f"stores {want}") from exc
            assert "Python (Pyodide)" in page.inner_text(".jp-NotebookPanel:not(.lm-mod-hidden) .jp-Toolbar")
        # The kernel asks the Pyodide CDN for its runtime (blocked here, so it cannot start: the
        # "beta" of the README); nothing else may leave the machine.
        runtime = pyodide_runtime_prefix()
        others = [url for url in watch.external if not url.startswith(runtime)]
        assert others == [], f"JupyterLite asked the internet for {others}"
        print(f"JupyterLite: {len(watch.external)} blocked request(s) for the Pyodide runtime ({runtime})")
    finally:
        page.close()
