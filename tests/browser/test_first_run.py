"""A new user's first run, in the JupyterLab that ``make lab`` starts (same server settings), on
what it opens: a ``work/`` folder of work copies created by ``tools/course.py`` (the ``lab`` fixture).

* An untouched lesson opens **unmodified** (checked in test_jupyterlab.py, which opens every
  notebook anyway, before it runs it).
* Run All, save, shut the kernel down, reload without running: every panel shows its picture, not
  "Error displaying widget: model not found" (the server's save hook stores panels as pictures).
* The footer's "Contents" link opens the contents page inside JupyterLab.
"""

from __future__ import annotations

import contextlib
import json
from pathlib import Path

import pytest
from browser_page import RENDER_TIMEOUT_MS, RUN_TIMEOUT_MS, page_errors, wait_for_panels
from browser_servers import NOTEBOOK_DIR, Server
from notebook_panels import expected_panels
from playwright.sync_api import BrowserContext, Page
from test_jupyterlab import NOTEBOOK_READY_JS, RUN_FINISHED_JS

WIDGET_VIEW = "application/vnd.jupyter.widget-view+json"

# Images rendered in the notebook's outputs, and any widget error text.
RENDERED_JS = r"""
() => {
  const node = window.__klNotebook.content.node;
  const images = Array.from(node.querySelectorAll('.jp-OutputArea-output img'))
      .filter((img) => img.complete && img.naturalWidth > 0).length;
  const text = node.innerText;
  return {images, modelNotFound: text.includes('model not found'),
          widgetError: text.includes('Error displaying widget')};
}
"""

def _open(page: Page, lab: Server, name: str) -> None:
    page.goto(f"{lab.base}/lab/tree/{name}?reset&token={lab.token}")
    page.wait_for_function(NOTEBOOK_READY_JS, arg=name, timeout=RENDER_TIMEOUT_MS)


def _shutdown(lab: Server) -> None:
    with contextlib.suppress(OSError):
        for session in json.loads(lab.api("GET", "api/sessions")):
            lab.api("DELETE", f"api/sessions/{session['id']}")


def _stored_pictures(content: dict) -> tuple[int, int]:
    """(outputs with a PNG, outputs with a widget view) in a saved notebook."""
    outputs = [o for c in content["cells"] if c["cell_type"] == "code" for o in c["outputs"]]
    return (sum("image/png" in o.get("data", {}) for o in outputs),
            sum(WIDGET_VIEW in o.get("data", {}) for o in outputs))


@pytest.mark.timeout(300)
def test_saved_notebook_reopens_with_its_pictures(browser: BrowserContext, lab: Server) -> None:
    source = "01_definition.ipynb"
    panels = expected_panels(NOTEBOOK_DIR / source)
    assert panels.panels >= 1
    # A copy of its own, so the other tests keep the pristine lesson.
    copy = json.loads(lab.api("POST", "api/contents", {"copy_from": source}))["path"]
    page = browser.new_page()
    try:
        _open(page, lab, copy)
        page.evaluate("() => { window.jupyterapp.commands.execute('notebook:run-all-cells'); }")
        cells = json.loads((NOTEBOOK_DIR / source).read_text(encoding="utf-8"))["cells"]
        code_cells = sum(cell["cell_type"] == "code" for cell in cells)
        page.wait_for_function(RUN_FINISHED_JS, arg=code_cells, timeout=RUN_TIMEOUT_MS)
        wait_for_panels(page, panels)
        page.evaluate("async () => { await window.jupyterapp.commands.execute('docmanager:save'); }")
        page.wait_for_function("() => !window.__klNotebook.context.model.dirty", timeout=RUN_TIMEOUT_MS)

        saved = json.loads(lab.api("GET", f"api/contents/{copy}?content=1"))["content"]
        pictures, widget_views = _stored_pictures(saved)
        assert widget_views == 0, f"the save kept {widget_views} widget view(s): the save hook did not run"
        assert pictures >= panels.panels

        _shutdown(lab)
        _open(page, lab, copy)  # reload without running anything
        page.wait_for_function(f"() => ({RENDERED_JS})().images >= {pictures}", timeout=RENDER_TIMEOUT_MS)
        rendered = page.evaluate(RENDERED_JS)
        assert not rendered["modelNotFound"] and not rendered["widgetError"], (
            "a reopened notebook shows 'model not found' instead of its pictures")
        assert rendered["images"] == pictures, rendered
        assert not page_errors(page)
    finally:
        page.close()
        _shutdown(lab)
        with contextlib.suppress(OSError):
            lab.api("DELETE", f"api/contents/{copy}")


@pytest.mark.timeout(60)
def test_save_hook_applies_in_the_work_folder(lab: Server) -> None:
    """A save into work/ (what `tools/course.py lab` serves) goes through the course's save hook.

    Through the REST API, no browser: save a lesson whose panel output carries a widget view beside
    its picture, and read the file back from disk.
    """
    source = "01_definition.ipynb"
    content = json.loads(lab.api("GET", f"api/contents/{source}?content=1"))["content"]
    panels = [o for c in content["cells"] if c["cell_type"] == "code" for o in c["outputs"]
              if "image/png" in o.get("data", {})]
    assert panels, f"{source} has no stored picture to test with"
    panels[0]["data"][WIDGET_VIEW] = {"model_id": "0" * 32, "version_major": 2, "version_minor": 0}
    name = "saved-through-the-hook.ipynb"
    try:
        lab.api("PUT", f"api/contents/{name}", {"type": "notebook", "format": "json", "content": content})
        # The folder the server was started on, with tools/course.py's arguments: the work folder.
        work = Path(next(a.split("=", 1)[1] for a in lab.command if a.startswith("--notebook-dir=")))
        assert work.name == "work" and (work / "index.ipynb").exists(), work
        pictures, widget_views = _stored_pictures(json.loads((work / name).read_text(encoding="utf-8")))
        assert widget_views == 0, "a save into the work folder kept a widget view: the save hook did not run"
        assert pictures == len(panels)
    finally:
        with contextlib.suppress(OSError):
            lab.api("DELETE", f"api/contents/{name}")


@pytest.mark.timeout(120)
def test_footer_contents_link_opens_inside_jupyterlab(browser: BrowserContext, lab: Server) -> None:
    page = browser.new_page()
    try:
        _open(page, lab, "01_definition.ipynb")
        # JupyterLab renders only the cells near the viewport: go to the last cell (the footer).
        page.evaluate(
            "async () => { const nb = window.__klNotebook.content;"
            " nb.activeCellIndex = nb.widgets.length - 1;"
            " await nb.scrollToItem(nb.widgets.length - 1); }"
        )
        link = page.locator(".jp-RenderedMarkdown a", has_text="Contents").last
        link.wait_for(timeout=RENDER_TIMEOUT_MS)
        link.click()
        page.wait_for_function(
            "() => Array.from(window.jupyterapp.shell.widgets('main'))"
            ".some((w) => w.context && w.context.path === 'index.ipynb')",
            timeout=RENDER_TIMEOUT_MS,
        )
    finally:
        page.close()
        _shutdown(lab)
