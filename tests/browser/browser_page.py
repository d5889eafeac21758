"""What the browser tests do inside a page: find errors, wait for widgets, move sliders, time them.

Shared by ``test_jupyterlab.py`` and ``test_voila.py``; the servers and the browser come from
``conftest.py``. Everything here waits on a condition with a bounded timeout, never a fixed sleep.
"""

from __future__ import annotations

import statistics
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import urlparse

from notebook_panels import ExpectedPanels
from playwright.sync_api import Page
from playwright.sync_api import TimeoutError as PlaywrightTimeout

# Enough to see each slider answer more than once (and give its table row a median); the latency
# measurement with targets is tests/browser/test_latency.py's, with more moves per slider.
MOVES_PER_SLIDER = 3
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
  window.__klCommReplies = 0;  // kernel messages answering a widget message (proves the watch works)
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
    window.__klCommReplies += 1;
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

# The live panels and sliders in the page. A live panel is a rendered widget output (its view's
# root element has the class jupyter-widgets) holding the panel's picture: a <canvas> that the
# panel's front end draws (kl-panel-canvas; ready once painted), or an <img> on the PNG path; a
# picture stored in the notebook is a plain image output and does not count. A slider counts
# only if a student could move it: rendered, visible and not disabled. Usable handles are
# numbered (data-kl-slider) so the test moves exactly the ones counted here.
PANELS_STATE_JS = r"""
() => {
  const PICTURE = 'img, canvas.kl-panel-canvas';
  const views = Array.from(document.querySelectorAll('.jp-OutputArea-output > .jupyter-widgets'))
      .filter((view) => view.querySelector(PICTURE));
  const images = views.flatMap((view) => Array.from(view.querySelectorAll(PICTURE)));
  const handles = Array.from(document.querySelectorAll('.widget-slider .noUi-handle'));
  const usable = handles.filter((handle) => handle.checkVisibility(
      {opacityProperty: true, visibilityProperty: true}) && !handle.closest('[disabled]'));
  for (const handle of handles) delete handle.dataset.klSlider;
  usable.forEach((handle, i) => { handle.dataset.klSlider = String(i); });
  return {
    panels: views.length,
    sliders: usable.length,
    unusable: handles.length - usable.length,
    imagesDecoded: images.every((img) => (img.tagName === 'CANVAS'
        ? Number(img.dataset.klPainted || 0) > 0 : img.complete && img.naturalWidth > 0)),
    canvases: images.filter((img) => img.tagName === 'CANVAS').length,
  };
}
"""

PANELS_READY_JS = f"""
(target) => {{
  const state = ({PANELS_STATE_JS})();
  return state.panels === target.panels && state.sliders === target.sliders && state.imagesDecoded;
}}
"""

# Before one key press: remember the slider's image and arm two listeners, one for the key
# (start time) and one for the picture's next change (end time, a frame later, i.e. when the
# browser paints it): an <img>'s load with a new source, once decoded, or the panel canvas'
# kl-painted event, which its front end sends right after drawing the new state.
ARM_MOVE_JS = r"""
(handle) => {
  const PICTURE = 'img, canvas.kl-panel-canvas';
  let box = handle.closest('.widget-slider');
  while (box && !box.querySelector(PICTURE)) box = box.parentElement;
  const img = box && box.querySelector(PICTURE);
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
  if (img.tagName === 'CANVAS') {
    img.addEventListener('kl-painted', () => {
      requestAnimationFrame(() => {
        move.latency = performance.now() - move.start;
        move.hash = window.__klImageHash(img);
      });
    }, {once: true});
    info.hash = window.__klImageHash(img);
    return info;
  }
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
    canvas.width = img.naturalWidth || img.width;  // an <img> or a <canvas>
    canvas.height = img.naturalHeight || img.height;
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
    settle: float | None = None  # ms from the last key of a burst to the last repaint

    @property
    def median(self) -> float:
        return statistics.median(self.latencies)

    @property
    def p95(self) -> float:
        ordered = sorted(self.latencies)
        return ordered[min(len(ordered) - 1, round(0.95 * (len(ordered) - 1)))]

    @property
    def worst(self) -> float:
        return max(self.latencies)


def kernel_errors(page: Page) -> list[str]:
    """Errors and stderr the kernel sent while handling widget messages since the page loaded."""
    errors = page.evaluate("() => window.__klKernelErrors")
    # Missing means the watcher was never installed: no error could have been seen.
    assert errors is not None, "the kernel message watcher (WATCH_KERNEL_JS) is not installed in the page"
    return errors


def page_errors(page: Page) -> list[str]:
    """Error outputs and failed widgets shown in the page."""
    return page.evaluate(PAGE_ERRORS_JS)


def panels_state(page: Page) -> dict:
    """Live panels and usable sliders in the page now (see ``PANELS_STATE_JS``)."""
    return page.evaluate(PANELS_STATE_JS)


def _describe(state: dict) -> str:
    unusable = f" (+{state['unusable']} hidden or disabled)" if state["unusable"] else ""
    decoded = "" if state["imagesDecoded"] else ", not every image decoded"
    return f"{state['panels']} live panel(s), {state['sliders']} usable slider(s){unusable}{decoded}"


def wait_for_panels(page: Page, expected: ExpectedPanels) -> None:
    """Wait until the page shows exactly the expected live panels and usable sliders, images decoded.

    Exactly, not at least: a panel or slider too many is as wrong as one too few (a control that
    is not a slider, a stray widget, a panel the notebook no longer stores), and "at least 0" is
    how this test once passed without a single slider.
    """
    assert expected.panels > 0 or expected.sliders == 0, str(expected)
    target = {"panels": expected.panels, "sliders": expected.sliders}
    try:
        page.wait_for_function(PANELS_READY_JS, arg=target, timeout=RENDER_TIMEOUT_MS)
    except PlaywrightTimeout as exc:
        raise AssertionError(
            f"{expected.notebook}: expected {expected.panels} live panel(s) with {expected.sliders} "
            f"slider(s); after {RENDER_TIMEOUT_MS // 1000} s the page shows {_describe(panels_state(page))}"
            f". Expected: {expected}"
        ) from exc


def move_every_slider(page: Page, where: str, notebook: str, moves: int = MOVES_PER_SLIDER,
                      burst: int = 0) -> list[SliderTiming]:
    """Move each usable slider by one step, ``MOVES_PER_SLIDER`` times, with the keyboard on its handle.

    Each move must produce a new, different image within ``MOVE_TIMEOUT_MS`` and no kernel error.
    A slider at the end of its range steps back instead, so every key press is a real change.
    Returns one timing per slider moved: the caller asserts that this is every slider the
    notebook has (``len(timings) == expected.sliders``), so a slider that vanished, hides or is
    disabled fails the test instead of being skipped. With ``burst`` > 0, each slider then gets
    that many keys 30 ms apart, and its ``settle`` time is measured (:func:`settle_after_burst`).
    """
    # Forget kernel messages from before: on connecting, the widget manager asks a fresh kernel
    # (ipywidgets not imported yet) for widget state, and the kernel logs "No such comm".
    page.evaluate("() => { window.__klKernelErrors.length = 0; window.__klCommReplies = 0; }")
    timings = []
    count = panels_state(page)["sliders"]  # numbers the usable handles data-kl-slider=0..count-1
    for i in range(count):
        handle = page.locator(f'[data-kl-slider="{i}"]')
        assert handle.count() == 1, f"{notebook}: slider {i} of {count} is no longer in the page"
        timing = None
        for _ in range(moves):
            info = handle.evaluate(ARM_MOVE_JS)
            if timing is None:
                timing = SliderTiming(where, notebook, info["label"])
            assert info["hasImage"], f"{notebook}: slider {info['label']!r} has no panel image next to it"
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
                    f"{notebook}: slider {info['label']!r}: no new image {MOVE_TIMEOUT_MS} ms after {key} at "
                    f"{info['value']} (the panel did not change its PNG, or the kernel is stuck)"
                ) from exc
            errors = kernel_errors(page)
            assert not errors, (
                f"{notebook}: slider {info['label']!r}: kernel error on {key} at {info['value']}: {errors}"
            )
            move = page.evaluate("() => window.__klMove")
            assert move["hash"] != info["hash"], (
                f"{notebook}: slider {info['label']!r}: {key} from {info['value']} left the figure unchanged"
            )
            timing.latencies.append(move["latency"])
        if burst:
            timing.settle = settle_after_burst(page, handle, notebook, burst)
        timings.append(timing)
    # Every move above was answered by the kernel, so the watcher must have seen those replies;
    # if it saw none, its parser no longer understands the protocol and kernel errors go unseen.
    moves = len(timings) * moves
    replies = page.evaluate("() => window.__klCommReplies")
    assert not moves or replies > 0, (
        f"{notebook}: {moves} slider moves, but the kernel watcher saw no reply to a widget message"
    )
    return timings


# Count every repaint of a slider's picture and remember when the last one happened (a panel
# canvas' kl-painted event, or an <img>'s load), and when the slider's value last changed (the
# handle's aria-valuenow; a key at the end of the range changes nothing).
ARM_BURST_JS = r"""
(handle) => {
  const PICTURE = 'img, canvas.kl-panel-canvas';
  let box = handle.closest('.widget-slider');
  while (box && !box.querySelector(PICTURE)) box = box.parentElement;
  const img = box.querySelector(PICTURE);
  const burst = {paints: 0, lastPaint: null, lastKey: null};
  window.__klBurst = burst;
  const observer = new MutationObserver(() => { burst.lastKey = performance.now(); });
  observer.observe(handle, {attributes: true, attributeFilter: ['aria-valuenow']});
  const onPaint = () => requestAnimationFrame(() => {
    burst.paints += 1;
    burst.lastPaint = performance.now();
  });
  img.addEventListener(img.tagName === 'CANVAS' ? 'kl-painted' : 'load', onPaint);
  burst.stop = () => {
    observer.disconnect();
    img.removeEventListener(img.tagName === 'CANVAS' ? 'kl-painted' : 'load', onPaint);
  };
}
"""

BURST_GAP_MS = 30
# Four times the slowest settle measured (125 ms, the PNG path): a repaint later than this would
# be a stuck panel, which the move checks catch.
QUIET_MS = 500


def settle_after_burst(page: Page, handle: Any, notebook: str, keys: int) -> float:
    """Press ``keys`` arrow keys 30 ms apart on a slider; ms from its last change to the last repaint.

    The picture has settled when it has not repainted for ``QUIET_MS``. The keys go right, or
    left from the upper half of the range; a slider with fewer steps stops at its end, and the
    time counts from the last key that changed its value.
    """
    value = float(handle.get_attribute("aria-valuenow"))
    low, high = float(handle.get_attribute("aria-valuemin")), float(handle.get_attribute("aria-valuemax"))
    key = "ArrowLeft" if value > (low + high) / 2 else "ArrowRight"
    handle.evaluate(ARM_BURST_JS)
    for _ in range(keys):
        handle.press(key)
        page.wait_for_timeout(BURST_GAP_MS)  # the protocol: keys 30 ms apart
    page.wait_for_function(
        f"() => window.__klBurst.lastPaint !== null && window.__klBurst.lastPaint > window.__klBurst.lastKey"
        f" && performance.now() - window.__klBurst.lastPaint > {QUIET_MS}",
        timeout=MOVE_TIMEOUT_MS, polling=100,
    )
    burst = page.evaluate("() => { window.__klBurst.stop(); const {paints, lastPaint, lastKey} ="
                          " window.__klBurst; return {paints, lastPaint, lastKey}; }")
    assert burst["paints"] > 0, f"{notebook}: a burst of {keys} keys repainted nothing"
    return burst["lastPaint"] - burst["lastKey"]


# The element that has the keyboard focus: its slider number (data-kl-slider), if it is a handle.
FOCUSED_SLIDER_JS = r"""
() => {
  const el = document.activeElement;
  return el && el.dataset && el.dataset.klSlider !== undefined ? Number(el.dataset.klSlider) : null;
}
"""


def tab_to_every_slider(page: Page, notebook: str, max_tabs: int = 200) -> list[int]:
    """Keyboard only: Tab through the page from its top, and move each slider reached with an arrow key.

    Each slider reached must move its panel's picture (a new, different image) after one arrow
    key. Returns the slider numbers reached, in Tab order (the caller compares them with every
    usable slider). Stops at ``max_tabs`` presses or when the focus wraps around to a slider
    already seen.
    """
    count = panels_state(page)["sliders"]  # numbers the usable handles data-kl-slider=0..count-1
    page.evaluate("() => { document.activeElement && document.activeElement.blur(); window.scrollTo(0, 0); }")
    reached: list[int] = []
    for _ in range(max_tabs):
        page.keyboard.press("Tab")
        index = page.evaluate(FOCUSED_SLIDER_JS)
        if index is None:
            continue
        if index in reached:
            break
        reached.append(index)
        handle = page.locator(f'[data-kl-slider="{index}"]')
        info = handle.evaluate(ARM_MOVE_JS)
        key = "ArrowLeft" if info["value"] >= info["max"] else "ArrowRight"
        page.keyboard.press(key)
        try:
            page.wait_for_function(
                "() => window.__klMove.latency !== null || window.__klKernelErrors.length > 0",
                timeout=MOVE_TIMEOUT_MS,
            )
        except PlaywrightTimeout as exc:
            raise AssertionError(
                f"{notebook}: slider {info['label']!r} reached with Tab: {key} gave no new picture"
            ) from exc
        move = page.evaluate("() => window.__klMove")
        assert move["hash"] != info["hash"], (
            f"{notebook}: slider {info['label']!r}: {key} left the figure unchanged"
        )
        if len(reached) == count:
            break
    return reached


def local_only(route: Any, external: list[str]) -> None:
    """A page route: let requests to this machine through; abort and record every other one."""
    host = urlparse(route.request.url).hostname or ""
    if route.request.url.startswith(("data:", "blob:")) or host in {"127.0.0.1", "localhost", "::1"}:
        route.continue_()
    else:
        external.append(route.request.url)
        route.abort()
