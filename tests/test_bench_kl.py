"""The array-KL benchmark (``make bench``, benchmarks/bench_kl.py) compares what it claims to.

Timings are not asserted (machine-dependent); the inputs, the pairing of the calls and the
verdicts are.
"""

import importlib.util
from pathlib import Path

import numpy as np
from scipy.special import rel_entr

import kl_helpers as kh

BENCH_PATH = Path(__file__).resolve().parents[1] / "benchmarks" / "bench_kl.py"
_spec = importlib.util.spec_from_file_location("bench_kl", BENCH_PATH)
bench = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(bench)


def test_inputs_are_distributions_of_the_requested_length_and_kind():
    pairs = bench.pairs(5000)
    assert list(pairs) == ["independent", "nearly equal", "mixed (2 %)"]
    for p, q in pairs.values():
        assert p.shape == q.shape == (5000,)
        assert abs(p.sum() - 1) < 1e-12 and abs(q.sum() - 1) < 1e-12 and p.min() > 0 and q.min() > 0
        # both functions agree on them, so the timing compares like with like
        ours = kh.kl_divergence(p, q)
        assert abs(ours - rel_entr(p, q).sum()) <= 1e-8 * ours
    p, q = pairs["nearly equal"]
    assert np.max(np.abs(q / p - 1)) < 0.01 < np.max(np.abs(pairs["independent"][1] / p - 1))


def test_calls_alternate_and_every_repeat_is_timed():
    calls = []
    ratio, ours, ref = bench.time_pair(lambda: calls.append("ours"), lambda: calls.append("ref"), 3)
    assert calls == ["ours", "ref"] + ["ref", "ours"] * 3
    assert ratio > 0 and ours >= 0 and ref >= 0


def test_verdicts_follow_the_target():
    rows = [{"pair": "fast", "ratio": 1.5, "ours_ms": 15.0, "ref_ms": 10.0},
            {"pair": "slow", "ratio": 1.51, "ours_ms": 15.1, "ref_ms": 10.0}]
    table = bench.format_table(rows, 10)
    assert table.splitlines()[2].endswith("PASS") and table.splitlines()[3].endswith("MISS")
    assert "target: ratio <= 1.5" in table.splitlines()[0]
