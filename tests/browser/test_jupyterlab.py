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
    count_widget_outputs,
    kernel_errors,
    move_every_slider,
    page_errors,
    wait_for_widgets,
)
from browser_servers import NOTEBOOK_DIR, TIMINGS, Server, notebooks
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
# even in a cell tagged raises-exception, while later cells are still running.)
RUN_FINISHED_JS = r"""
() => {
  const notebook = window.__klNotebook;
  if (notebook.sessionContext.session.kernel.status !== 'idle') return false;
  for (const cell of notebook.content.widgets) {
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
() => {
  const notebook = window.__klNotebook.content;
  const found = [];
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


@pytest.mark.timeout(240)
@pytest.mark.parametrize("name", notebooks())
def test_notebook_runs_and_sliders_respond(name: str, browser: BrowserContext, lab: Server) -> None:
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
        page.wait_for_function(RUN_FINISHED_JS, timeout=RUN_TIMEOUT_MS)
        cell_errors = page.evaluate(CELL_ERRORS_JS)
        assert not cell_errors, f"{name}: Run All failed: {cell_errors}"
        wait_for_widgets(page, count_widget_outputs(NOTEBOOK_DIR / name))
        assert not page_errors(page), f"{name}: errors in the page: {page_errors(page)}"
        TIMINGS.extend(move_every_slider(page, "jupyterlab", name))
        assert not page_errors(page), f"{name}: errors after moving sliders: {page_errors(page)}"
        assert not kernel_errors(page)
        assert not crashes, f"{name}: uncaught errors in the page: {crashes}"
    finally:
        page.close()
        _shutdown_kernels(lab)
