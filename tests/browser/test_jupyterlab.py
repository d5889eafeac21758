"""Every notebook in a real JupyterLab: run all cells, no error anywhere, every slider moves its figure.

One test per notebook in ``notebooks/`` (found at collection time). Each opens the notebook in a
fresh page with a new kernel, runs all cells with JupyterLab's own "Run All" command, and checks
the cells' outputs (cells tagged ``raises-exception`` may fail on purpose), the page, and the
kernel's replies to widget messages. Then every slider is moved with the keyboard; each move must
repaint its panel's image. The kernel is shut down afterwards.
"""

from __future__ import annotations

import contextlib
import json

import pytest
from browser_page import (
    RENDER_TIMEOUT_MS,
    RUN_TIMEOUT_MS,
    kernel_errors,
    move_every_slider,
    page_errors,
    panels_state,
    wait_for_panels,
)
from browser_servers import NOTEBOOK_DIR, TIMINGS, Server, notebooks
from notebook_panels import expected_panels
from playwright.sync_api import BrowserContext

# The notebook open, its kernel connected and idle; keeps a handle on it for the checks below.
NOTEBOOK_READY_JS = r"""
(path) => {
  const app = window.jupyterapp;
  if (!app) return false;
  for (const widget of app.shell.widgets('main')) {
    const kernel = widget.sessionContext && widget.sessionContext.session
        && widget.sessionContext.session.kernel;
    if (widget.context && widget.context.path === path && kernel
        && kernel.connectionStatus === 'connected' && kernel.status === 'idle') {
      window.__klNotebook = widget;
      return true;
    }
  }
  return false;
}
"""

# Run All has finished: every code cell has run, or one failed (untagged, so the kernel dropped
# the rest), and the kernel is idle. (The command's own promise settles at the first failure,
# even in a cell tagged raises-exception, while later cells are still running.) The page must
# hold as many code cells as the file: with none loaded yet, "every cell has run" holds vacuously.
RUN_FINISHED_JS = r"""
(codeCells) => {
  const notebook = window.__klNotebook;
  if (notebook.sessionContext.session.kernel.status !== 'idle') return false;
  const cells = notebook.content.widgets;
  if (cells.filter((cell) => cell.model.type === 'code').length !== codeCells) return false;
  for (const cell of cells) {
    const model = cell.model;
    if (model.type !== 'code') continue;
    const tags = model.getMetadata('tags') || [];
    const failed = model.outputs.toJSON().some((out) => out.output_type === 'error');
    if (failed && !tags.includes('raises-exception')) return true;
    if (model.executionCount === null) return false;
  }
  return true;
}
"""

# Cells that did not run, and error and stderr outputs of every code cell except cells tagged
# raises-exception (whose DOM nodes are marked so the page-wide check skips them too).
CELL_ERRORS_JS = r"""
(codeCells) => {
  const notebook = window.__klNotebook.content;
  const found = [];
  const shown = notebook.widgets.filter((cell) => cell.model.type === 'code').length;
  if (shown !== codeCells) found.push(`${shown} code cells in the page, ${codeCells} in the file`);
  notebook.widgets.forEach((cell, index) => {
    const model = cell.model;
    if (model.type !== 'code') return;
    if (model.executionCount === null) found.push(`cell ${index} did not run`);
    if ((model.getMetadata('tags') || []).includes('raises-exception')) {
      cell.node.dataset.klExpectsError = 'yes';
      return;
    }
    for (const out of model.outputs.toJSON()) {
      if (out.output_type === 'error') found.push(`cell ${index}: ${out.ename}: ${out.evalue}`);
      if (out.output_type === 'stream' && out.name === 'stderr') {
        found.push(`cell ${index} stderr: ${out.text}`);
      }
    }
  });
  return found;
}
"""


def _shutdown_kernels(lab: Server) -> None:
    # Best effort: if the server is already gone, stopping it at session end kills what is left,
    # and an error here must not hide the test's own failure.
    with contextlib.suppress(OSError):
        for session in json.loads(lab.api("GET", "api/sessions")):
            lab.api("DELETE", f"api/sessions/{session['id']}")


def test_there_are_notebooks_to_test() -> None:
    # An empty folder would only "skip" the parametrized test below.
    assert notebooks(), f"no notebooks found in {NOTEBOOK_DIR}"


@pytest.mark.timeout(240)
@pytest.mark.parametrize("name", notebooks())
def test_notebook_runs_and_sliders_respond(name: str, browser: BrowserContext, lab: Server) -> None:
    expected = expected_panels(NOTEBOOK_DIR / name)
    if expected.constructed:
        assert expected.panels > 0, f"the code builds {sorted(expected.constructed)}, but {expected}"
    cells = json.loads((NOTEBOOK_DIR / name).read_text(encoding="utf-8"))["cells"]
    code_cells = sum(cell["cell_type"] == "code" for cell in cells)
    page = browser.new_page()
    crashes: list[str] = []
    page.on("pageerror", lambda exc: crashes.append(str(exc)))
    try:
        # ?reset: a clean workspace, so only this notebook opens.
        page.goto(f"{lab.base}/lab/tree/{name}?reset&token={lab.token}")
        page.wait_for_function(NOTEBOOK_READY_JS, arg=name, timeout=RENDER_TIMEOUT_MS)
        # The verdict comes from the cells: Run All reports false whenever a cell raised, even
        # one tagged raises-exception.
        page.evaluate("() => { window.jupyterapp.commands.execute('notebook:run-all-cells'); }")
        page.wait_for_function(RUN_FINISHED_JS, arg=code_cells, timeout=RUN_TIMEOUT_MS)
        cell_errors = page.evaluate(CELL_ERRORS_JS, code_cells)
        assert not cell_errors, f"{name}: Run All failed: {cell_errors}"
        wait_for_panels(page, expected)
        assert not page_errors(page), f"{name}: errors in the page: {page_errors(page)}"
        timings = move_every_slider(page, "jupyterlab", name)
        TIMINGS.extend(timings)
        assert len(timings) == expected.sliders, (
            f"{name}: moved {len(timings)} slider(s), the notebook has {expected.sliders}: {expected}"
        )
        state = panels_state(page)
        assert (state["panels"], state["sliders"]) == (expected.panels, expected.sliders), (
            f"{name}: after the moves the page shows {state}; expected {expected}"
        )
        assert not page_errors(page), f"{name}: errors after moving sliders: {page_errors(page)}"
        assert not kernel_errors(page)
        assert not crashes, f"{name}: uncaught errors in the page: {crashes}"
    finally:
        page.close()
        _shutdown_kernels(lab)
