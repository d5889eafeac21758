"""What the browser tests do inside a page: find errors, wait for widgets, move sliders, time them.

Shared by ``test_jupyterlab.py`` and ``test_voila.py``; the servers and the browser come from
``conftest.py``. Everything here waits on a condition with a bounded timeout, never a fixed sleep.
"""

from __future__ import annotations

import json
import statistics
from dataclasses import dataclass, field
from pathlib import Path

from playwright.sync_api import Page
from playwright.sync_api import TimeoutError as PlaywrightTimeout

WIDGET_MIME = "application/vnd.jupyter.widget-view+json"
MOVES_PER_SLIDER = 6
MOVE_TIMEOUT_MS = 15_000
RENDER_TIMEOUT_MS = 60_000
RUN_TIMEOUT_MS = 120_000
TARGET_LATENCY_MS = 100.0

# Installed in every page before its own scripts run. It wraps WebSocket to watch the kernel's
# messages: an exception (or anything on stderr) raised while handling a widget message (a slider
# move) never reaches a cell's stored output, so this is the only place a test can see it.
# Jupyter Server speaks JSON text frames or its binary "v1" protocol: 8-byte little-endian count
# of offsets, the offsets, then channel, header, parent header, metadata, content.
WATCH_KERNEL_JS = r"""
(() => {
  window.__klKernelErrors = [];
  const decoder = new TextDecoder();
  const parse = (data) => {
    if (typeof data === "string") return JSON.parse(data);
    const view = new DataView(data);
    const count = Number(view.getBigUint64(0, true));
    const offsets = [];
    for (let i = 1; i <= count; i++) offsets.push(Number(view.getBigUint64(8 * i, true)));
    const part = (i) => decoder.decode(new Uint8Array(data, offsets[i], offsets[i + 1] - offsets[i]));
    return {channel: part(0), header: JSON.parse(part(1)), parent_header: JSON.parse(part(2)),
            content: JSON.parse(part(4))};
  };
  const inspect = (data) => {
    let msg;
    try { msg = parse(data); } catch (e) { return; }
    const type = msg.header && msg.header.msg_type;
    const parent = msg.parent_header && msg.parent_header.msg_type;
    if (parent !== "comm_msg") return;
    if (type === "error") {
      window.__klKernelErrors.push(`${msg.content.ename}: ${msg.content.evalue}`);
    } else if (type === "stream" && msg.content.name === "stderr") {
      window.__klKernelErrors.push(msg.content.text);
    }
  };
  const Native = window.WebSocket;
  window.WebSocket = class extends Native {
    constructor(...args) {
      super(...args);
      this.addEventListener("message", (event) => {
        if (event.data instanceof Blob) event.data.arrayBuffer().then(inspect);
        else inspect(event.data);
      });
    }
  };
})();
"""

# Errors visible in the page itself: error/stderr outputs and widgets that failed to render.
PAGE_ERRORS_JS = r"""
() => {
  const found = [];
  for (const el of document.querySelectorAll(
      '.jp-OutputArea-output[data-mime-type="application/vnd.jupyter.stderr"]')) {
    // A cell tagged raises-exception shows its error on purpose (JupyterLab keeps running).
    const cell = el.closest('.jp-Cell');
    if (cell && cell.dataset.klExpectsError === 'yes') continue;
    found.push(el.innerText.slice(0, 400));
  }
  for (const el of document.querySelectorAll('.jp-OutputArea-output')) {
    const text = el.innerText || '';
    if (text.includes('Error displaying widget') || text.includes('There was an error when executing cell')) {
      found.push(text.slice(0, 400));
    }
  }
  return found;
}
"""

# Widget outputs rendered: `expected` outputs hold a live widget (its view's root element has
# the class jupyter-widgets) and every image in them has decoded.
WIDGETS_READY_JS = r"""
(expected) => {
  const views = Array.from(document.querySelectorAll('.jp-OutputArea-output > .jupyter-widgets'));
  if (views.length < expected) return false;
  return views.every((view) => Array.from(view.querySelectorAll('img')).every(
      (img) => img.complete && img.naturalWidth > 0));
}
"""

# Before one key press: remember the slider's image and arm two listeners, one for the key
# (start time) and one for the image's next load with a new source (end time, once decoded and
# a frame later, i.e. when the browser paints it).
ARM_MOVE_JS = r"""
(handle) => {
  let box = handle.closest('.widget-slider');
  while (box && !box.querySelector('img')) box = box.parentElement;
  const img = box && box.querySelector('img');
  const label = handle.closest('.widget-slider').querySelector('.widget-label');
  const info = {
    label: label ? label.textContent.trim() : '?',
    value: Number(handle.getAttribute('aria-valuenow')),
    min: Number(handle.getAttribute('aria-valuemin')),
    max: Number(handle.getAttribute('aria-valuemax')),
    hasImage: Boolean(img),
  };
  if (!img) return info;
  const move = {start: null, latency: null, hash: null};
  window.__klMove = move;
  const oldSrc = img.src;
  document.addEventListener('keydown', () => { move.start = performance.now(); },
                            {capture: true, once: true});
  const onLoad = async () => {
    if (img.src === oldSrc) return;
    img.removeEventListener('load', onLoad);
    await img.decode();
    requestAnimationFrame(() => {
      move.latency = performance.now() - move.start;
      move.hash = window.__klImageHash(img);
    });
  };
  img.addEventListener('load', onLoad);
  info.hash = window.__klImageHash(img);
  return info;
}
"""

# A cheap fingerprint of an image's pixels, to tell whether a slider move changed the figure.
IMAGE_HASH_JS = r"""
(() => {
  window.__klImageHash = (img) => {
    const canvas = document.createElement('canvas');
    canvas.width = img.naturalWidth;
    canvas.height = img.naturalHeight;
    const ctx = canvas.getContext('2d');
    ctx.drawImage(img, 0, 0);
    const data = ctx.getImageData(0, 0, canvas.width, canvas.height).data;
    let h = 2166136261;
    for (let i = 0; i < data.length; i++) { h ^= data[i]; h = Math.imul(h, 16777619); }
    return `${canvas.width}x${canvas.height}:${h >>> 0}`;
  };
})();
"""


@dataclass
class SliderTiming:
    """Latencies of one slider's moves, in ms (key press until the new image is painted)."""

    where: str
    notebook: str
    slider: str
    latencies: list[float] = field(default_factory=list)

    @property
    def median(self) -> float:
        return statistics.median(self.latencies)

    @property
    def worst(self) -> float:
        return max(self.latencies)


def count_widget_outputs(notebook: Path) -> int:
    """Number of widget outputs stored in an executed notebook (what the page must render)."""
    cells = json.loads(notebook.read_text(encoding="utf-8"))["cells"]
    return sum(
        WIDGET_MIME in output.get("data", {})
        for cell in cells
        if cell["cell_type"] == "code"
        for output in cell.get("outputs", [])
    )


def kernel_errors(page: Page) -> list[str]:
    """Errors and stderr the kernel sent while handling widget messages since the page loaded."""
    return page.evaluate("() => window.__klKernelErrors || []")


def page_errors(page: Page) -> list[str]:
    """Error outputs and failed widgets shown in the page."""
    return page.evaluate(PAGE_ERRORS_JS)


def wait_for_widgets(page: Page, expected: int) -> None:
    """Wait until ``expected`` widget outputs are rendered with their images decoded."""
    page.wait_for_function(WIDGETS_READY_JS, arg=expected, timeout=RENDER_TIMEOUT_MS)


def move_every_slider(page: Page, where: str, notebook: str) -> list[SliderTiming]:
    """Move each slider by one step, ``MOVES_PER_SLIDER`` times, with the keyboard on its handle.

    Each move must produce a new, different image within ``MOVE_TIMEOUT_MS`` and no kernel error.
    A slider at the end of its range steps back instead, so every key press is a real change.
    """
    # Forget kernel messages from before: on connecting, the widget manager asks a fresh kernel
    # (ipywidgets not imported yet) for widget state, and the kernel logs "No such comm".
    page.evaluate("() => { window.__klKernelErrors.length = 0; }")
    timings = []
    handles = page.locator(".widget-slider .noUi-handle")
    for i in range(handles.count()):
        handle = handles.nth(i)
        timing = None
        for _ in range(MOVES_PER_SLIDER):
            info = handle.evaluate(ARM_MOVE_JS)
            if timing is None:
                timing = SliderTiming(where, notebook, info["label"])
            assert info["hasImage"], f"slider {info['label']!r} has no panel image next to it"
            key = "ArrowLeft" if info["value"] >= info["max"] else "ArrowRight"
            handle.press(key)
            try:
                # Stop waiting as soon as the kernel reports an error: no image will come.
                page.wait_for_function(
                    "() => window.__klMove.latency !== null || window.__klKernelErrors.length > 0",
                    timeout=MOVE_TIMEOUT_MS,
                )
            except PlaywrightTimeout as exc:
                raise AssertionError(
                    f"slider {info['label']!r}: no new image {MOVE_TIMEOUT_MS} ms after {key} at "
                    f"{info['value']} (the panel did not change its PNG, or the kernel is stuck)"
                ) from exc
            errors = kernel_errors(page)
            assert not errors, f"slider {info['label']!r}: kernel error on {key} at {info['value']}: {errors}"
            move = page.evaluate("() => window.__klMove")
            assert move["hash"] != info["hash"], (
                f"slider {info['label']!r}: {key} from {info['value']} left the figure unchanged"
            )
            timing.latencies.append(move["latency"])
        timings.append(timing)
    return timings
