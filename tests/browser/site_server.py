"""The built course website for the site tests: one build per session, served on 127.0.0.1.

``built_site`` runs ``tools/build_site.py --out <tmp>`` once (the same command as `make site`,
into pytest's temporary folder); ``StaticServer`` serves that folder as a static host would
(GitHub Pages or any web server), with the MIME types JupyterLite needs.
"""

from __future__ import annotations

import functools
import http.server
import json
import re
import subprocess
import sys
import threading
from html.parser import HTMLParser
from pathlib import Path
from typing import ClassVar
from urllib.parse import urljoin, urlparse

import pytest

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "tools"))
import build_site  # noqa: E402
import copies  # noqa: E402
import course_links  # noqa: E402

BUILD_TIMEOUT_S = 900  # both editions' pages and JupyterLite: ~3 min on 2 idle cores, more on busy ones
LESSONS = build_site.lessons()
REFERENCE = build_site.reference_pages()
#: Pages built from a notebook with code: each has launch buttons and a download.
LAUNCHABLE = [*LESSONS, ROOT / "notebooks" / "explorer.ipynb"]


def build(out: Path) -> Path:
    """Build the whole site (book and JupyterLite) into ``out``; fail with the build's output."""
    done = subprocess.run(
        [sys.executable, str(ROOT / "tools" / "build_site.py"), "--out", str(out)],
        capture_output=True, text=True, cwd=ROOT, timeout=BUILD_TIMEOUT_S, check=False,
    )
    if done.returncode != 0:
        pytest.fail(f"make site failed:\n{(done.stdout + done.stderr)[-4000:]}", pytrace=False)
    return out


class _Handler(http.server.SimpleHTTPRequestHandler):
    # JupyterLite loads ES modules and WebAssembly: a static host must send their MIME types.
    extensions_map: ClassVar[dict[str, str]] = {**http.server.SimpleHTTPRequestHandler.extensions_map,
                      ".mjs": "text/javascript", ".js": "text/javascript", ".wasm": "application/wasm",
                      ".json": "application/json", ".ipynb": "application/x-ipynb+json"}

    def log_message(self, *args) -> None:  # quiet: pytest shows failures, not every request
        pass


class StaticServer:
    """A threaded static file server for ``root`` on 127.0.0.1 (a free port)."""

    def __init__(self, root: Path) -> None:
        self.root = root
        self.httpd = http.server.ThreadingHTTPServer(
            ("127.0.0.1", 0), functools.partial(_Handler, directory=str(root)))
        self.base = f"http://127.0.0.1:{self.httpd.server_port}/"
        self.thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)
        self.thread.start()

    def stop(self) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()


class _Anchors(HTMLParser):
    """Every <a>'s attributes and every id in an HTML page."""

    def __init__(self) -> None:
        super().__init__()
        self.anchors: list[dict[str, str]] = []
        self.ids: set[str] = set()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        attributes = {k: v or "" for k, v in attrs}
        if "id" in attributes:
            self.ids.add(attributes["id"])
        if tag == "a":
            self.anchors.append(attributes)


def parse(path: Path) -> _Anchors:
    parser = _Anchors()
    parser.feed(path.read_text(encoding="utf-8"))
    return parser


def button(page: Path, label: str) -> str:
    """The href of the header button ``btn-<label>`` on a built page (exactly one)."""
    found = [a["href"] for a in parse(page).anchors if f"btn-{label}" in a.get("class", "").split()]
    assert len(found) == 1, f"{page.name}: {len(found)} buttons btn-{label}"
    return found[0]


def resolve(site: Path, page: Path, href: str) -> Path:
    """The file a relative link on ``page`` points to (query and fragment dropped)."""
    url = urljoin(f"http://site/{page.relative_to(site).as_posix()}", href)
    return site / urlparse(url).path.lstrip("/")


def stored_pngs(nb: dict) -> int:
    """How many image/png outputs a notebook stores (figures and panels' pictures)."""
    return sum("image/png" in output.get("data", {})
               for cell in nb["cells"] if cell["cell_type"] == "code" for output in cell["outputs"])


def site_notebook(lesson: Path) -> dict:
    """What a lesson's page is built from: the lesson with its solutions (tools/copies.py)."""
    solutions = copies.SOLUTIONS / lesson.name
    if solutions.exists():
        return copies.assemble(lesson, solutions, mode="site")
    return json.loads(lesson.read_text(encoding="utf-8"))


def html_pages(site: Path) -> list[Path]:
    """The book's HTML pages, both editions' (not the JupyterLite app's)."""
    return sorted([*site.glob("*.html"), *site.glob("zh/*.html")])


def is_local(url: str) -> bool:
    host = urlparse(url).hostname or ""
    return url.startswith(("data:", "blob:", "about:")) or host in {"127.0.0.1", "localhost", "::1"}


def pyodide_runtime_prefix() -> str:
    """Where the Lite kernel fetches Pyodide from at run time (the one request that leaves)."""
    from jupyterlite_pyodide_kernel.constants import PYODIDE_CDN_URL

    return PYODIDE_CDN_URL


def text_without_tags(html: str) -> str:
    html = re.sub(r"<(script|style)\b.*?</\1>", "", html, flags=re.S)
    return re.sub(r"<[^>]+>", "", html)


__all__ = ["LAUNCHABLE", "LESSONS", "REFERENCE", "ROOT", "StaticServer", "build", "build_site", "button",
           "copies", "course_links", "html_pages", "is_local", "parse", "pyodide_runtime_prefix", "resolve",
           "site_notebook", "stored_pngs", "text_without_tags"]
