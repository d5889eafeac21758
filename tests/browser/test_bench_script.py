"""The slider benchmark (``make bench``, benchmarks/bench_panels.py) measures what it claims to.

It lives beside the browser tests because both measure slider latency; it needs no browser. The
timings themselves are not asserted (machine-dependent); what is checked is that every timed
update is a real change, that every control is exercised, and that the verdicts follow the targets.
"""

from __future__ import annotations

import importlib.util
import itertools
from pathlib import Path

import pytest

import kl_helpers.panels as panels
from kl_helpers.panels import Panel

BENCH_PATH = Path(__file__).resolve().parents[2] / "benchmarks" / "bench_panels.py"
_spec = importlib.util.spec_from_file_location("bench_panels", BENCH_PATH)
bench = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(bench)


def test_discovers_every_exported_panel():
    exported = {
        name for name in panels.__all__
        if isinstance(getattr(panels, name), type) and issubclass(getattr(panels, name), Panel)
    } - {"Panel"}
    assert {c.__name__ for c in bench.discover_panels()} == exported


@pytest.mark.parametrize("cls", bench.discover_panels(), ids=lambda c: c.__name__)
def test_every_update_changes_a_control_and_all_controls_take_turns(cls):
    panel = cls()
    changed = set()
    for change in itertools.islice(bench.update_sequence(panel), 60):
        (name, value), = change.items()
        control = panel.controls[name]
        assert value != panel.values[name], f"no-op update {change}"
        assert control.min <= value <= control.max
        panel.set(**change)
        changed.add(name)
    assert changed == set(panel.controls)


def test_verdicts_follow_the_targets():
    def row(name, median, p95, naive):
        return {"panel": name, "median": median, "p95": p95, "naive_median": naive,
                "naive_p95": naive, "speedup": naive / median}

    table = bench.format_table([
        row("Fast", 4.0, 9.0, 100.0),
        row("SlowMedian", 5.1, 9.0, 100.0),
        row("SlowTail", 4.0, 10.1, 100.0),
        row("NotFaster", 4.0, 9.0, 7.0),
    ], 50)
    lines = {line.split()[0]: line.split()[-3:] for line in table.splitlines()[3:7]}
    assert lines == {
        "Fast": ["PASS", "PASS", "PASS"],
        "SlowMedian": ["MISS", "PASS", "PASS"],
        "SlowTail": ["PASS", "MISS", "PASS"],
        "NotFaster": ["PASS", "PASS", "MISS"],
    }
    assert table.splitlines()[-1] == "1 of 4 panels meet every target"


def test_times_the_requested_number_of_real_updates():
    cls = bench.discover_panels()[0]
    panel = cls()
    renders = []
    before = panel.png
    times = bench.time_updates(panel, 3, lambda: renders.append(panel.values))
    assert len(times) == 3 and all(t >= 0 for t in times)
    assert len(renders) == bench.WARMUP + 3
    assert panel.png != before
