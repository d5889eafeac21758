"""Time one slider update of every panel: browser-drawn, PNG, and the naive way (new figure).

Run it with ``make bench`` (or ``.venv/bin/python benchmarks/bench_panels.py``). For every Panel
subclass exported from ``kl_helpers.panels`` it prints the median and 95th percentile of

* **update**: ``panel.set(...)``, i.e. what a slider move costs in the kernel on the panels' path:
  compute the numbers, move the animated artists, record their pixel coordinates and styles for
  the browser (kl_helpers/panels/canvas.py) and set the widget's state (sending it over the
  kernel's socket is not included: there is no front end here);
* **png**: the same on the PNG path (``use_canvas(False)``): blit the animated artists over the
  cached background and encode the whole picture as PNG, as the panels did before;
* **naive**: the same new values rendered with ``panel.render_from_scratch()``, i.e. what
  ``interact`` with the inline backend does: compute, build a new figure, lay it out, ``savefig``
  with a tight bounding box;

and whether the targets are met: update median <= 5 ms, update p95 <= 10 ms, and at least 2x
faster than naive. It reports; it is not a unit test and always exits 0 unless a panel fails.

Every timed update moves one control to a value different from its current one (controls are
taken in turn, each walking back and forth over a grid snapped to its step), so no update is a
no-op and every control's cost is represented.
"""

from __future__ import annotations

import argparse
import gc
import statistics
import time
from collections.abc import Callable, Iterator
from typing import Any

import numpy as np

import kl_helpers.panels as panels
from kl_helpers.panels import Panel, use_canvas

TARGET_MEDIAN_MS = 5.0
TARGET_P95_MS = 10.0
TARGET_SPEEDUP = 2.0
WARMUP = 5


def discover_panels() -> list[type[Panel]]:
    """Panel subclasses exported from ``kl_helpers.panels`` (as tests/test_panels.py finds them)."""
    found = (getattr(panels, name) for name in panels.__all__)
    return [c for c in found if isinstance(c, type) and issubclass(c, Panel) and c is not Panel]


def _walk(control: Any, points: int = 9) -> list[Any]:
    # A grid over the control's range snapped to its step, walked there and back: consecutive
    # entries always differ, so moving to the next one is never a no-op.
    low, high, step = control.min, control.max, control.step
    raw = np.linspace(low, high, points)
    snapped = np.clip(low + np.round((raw - low) / step) * step, low, high)
    cast = int if isinstance(control.value, int) else float
    grid = sorted({cast(round(float(v), 10)) for v in snapped})
    return grid + grid[-2:0:-1]


def update_sequence(panel: Panel) -> Iterator[dict[str, Any]]:
    """Endless sequence of one-control changes, each different from the panel's current value."""
    walks = {name: _walk(control) for name, control in panel.controls.items()}
    positions = dict.fromkeys(walks, 0)
    while True:
        for name, walk in walks.items():
            # Skip entries equal to the current value (possible at the very first step).
            for _ in range(len(walk)):
                positions[name] = (positions[name] + 1) % len(walk)
                if walk[positions[name]] != panel.values[name]:
                    break
            yield {name: walk[positions[name]]}


def time_updates(panel: Panel, n: int, render: Callable[[], Any] | None) -> list[float]:
    """Milliseconds per update over ``n`` updates (after a warm-up).

    With ``render=None`` the timed step is ``panel.set(...)``; otherwise the values are set
    untimed and the timed step is ``render()`` (the naive pattern recomputes and redraws itself).
    """
    changes = update_sequence(panel)
    times = []
    for i in range(WARMUP + n):
        change = next(changes)
        if render is None:
            start = time.perf_counter()
            panel.set(**change)
        else:
            panel.set(**change)
            start = time.perf_counter()
            render()
        elapsed = (time.perf_counter() - start) * 1000.0
        if i >= WARMUP:
            times.append(elapsed)
    return times


def p95(times: list[float]) -> float:
    """95th percentile (linear interpolation, as numpy's default)."""
    return float(np.percentile(times, 95))


def benchmark(cls: type[Panel], n: int) -> dict[str, Any]:
    """Time ``n`` updates on each path and ``n`` naive renders of a fresh ``cls()``."""
    panel = cls()
    gc.collect()
    fast = time_updates(panel, n, None)
    naive = time_updates(panel, n, panel.render_from_scratch)
    was = use_canvas()
    use_canvas(False)
    try:
        png_panel = cls()
    finally:
        use_canvas(was)
    gc.collect()
    png = time_updates(png_panel, n, None)
    row = {
        "panel": cls.__name__,
        "median": statistics.median(fast),
        "p95": p95(fast),
        "png_median": statistics.median(png),
        "naive_median": statistics.median(naive),
        "naive_p95": p95(naive),
    }
    row["speedup"] = row["naive_median"] / row["median"]
    return row


def _mark(ok: bool) -> str:
    return "PASS" if ok else "MISS"


def format_table(rows: list[dict[str, Any]], n: int) -> str:
    """The report: one line per panel, times in ms, a PASS/MISS column per target."""
    width = max([len("panel")] + [len(r["panel"]) for r in rows])
    header = (
        f"{'panel':<{width}} {'median':>7} {'p95':>7} {'png med':>8} {'naive med':>10} {'naive p95':>10}"
        f" {'speed-up':>9}  {'med<=5':>7} {'p95<=10':>7} {'>=2x':>5}"
    )
    lines = [
        f"Kernel time per slider update, ms, over {n} updates each (median, p95: compute + draw +"
        " record for the browser; png: the PNG path)",
        header,
        "-" * len(header),
    ]
    for r in rows:
        lines.append(
            f"{r['panel']:<{width}} {r['median']:7.1f} {r['p95']:7.1f}"
            f" {r.get('png_median', float('nan')):8.1f}"
            f" {r['naive_median']:10.1f}"
            f" {r['naive_p95']:10.1f} {r['speedup']:8.1f}x"
            f"  {_mark(r['median'] <= TARGET_MEDIAN_MS):>7} {_mark(r['p95'] <= TARGET_P95_MS):>7}"
            f" {_mark(r['speedup'] >= TARGET_SPEEDUP):>5}"
        )
    missed = sum(
        not (r["median"] <= TARGET_MEDIAN_MS and r["p95"] <= TARGET_P95_MS
             and r["speedup"] >= TARGET_SPEEDUP)
        for r in rows
    )
    lines.append("-" * len(header))
    lines.append(f"{len(rows) - missed} of {len(rows)} panels meet every target")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("-n", "--updates", type=int, default=50,
                        help="timed updates per panel and pattern (at least 50, the default)")
    parser.add_argument("panels", nargs="*", help="panel class names (default: every panel)")
    args = parser.parse_args(argv)
    if args.updates < 50:
        parser.error(f"--updates={args.updates} is too few for a stable p95; use at least 50")
    classes = discover_panels()
    if args.panels:
        known = {c.__name__: c for c in classes}
        unknown = sorted(set(args.panels) - set(known))
        if unknown:
            parser.error(f"unknown panel(s) {', '.join(unknown)}; choose from {', '.join(known)}")
        classes = [known[name] for name in args.panels]
    rows = []
    for cls in classes:
        rows.append(benchmark(cls, args.updates))
        print(f"  timed {cls.__name__}", flush=True)
    print(format_table(rows, args.updates))


if __name__ == "__main__":
    main()
