"""Summarise the last mutmut run (``make mutation``): one line per module, then every survivor.

    python tools/mutation_summary.py

Reads mutmut's result files ``mutants/kl_helpers/*.py.meta`` (exit codes per mutant; the meaning
of each code is mutmut's own table). Show what a survivor changes with ``mutmut show NAME``.
"""

from __future__ import annotations

import json
import sys
from collections import Counter
from pathlib import Path

from mutmut.stats import status_by_exit_code

COLUMNS = ("killed", "survived", "timeout", "no tests", "not checked")


def main() -> int:
    metas = sorted(Path("mutants").glob("**/*.py.meta"))
    if not metas:
        print("no mutmut results under mutants/; run `make mutation` first")
        return 1
    survivors = []
    totals: Counter[str] = Counter()
    print(f"{'module':32} {'mutants':>7} " + " ".join(f"{c:>11}" for c in COLUMNS) + "  other")
    for meta in metas:
        codes = json.loads(meta.read_text())["exit_code_by_key"]
        counts = Counter(status_by_exit_code[code] for code in codes.values())
        other = sum(n for status, n in counts.items() if status not in COLUMNS)
        module = str(meta.relative_to("mutants")).removesuffix(".meta")
        print(f"{module:32} {len(codes):7d} " + " ".join(f"{counts[c]:11d}" for c in COLUMNS)
              + f"  {other:5d}")
        totals.update(counts)
        totals["mutants"] += len(codes)
        survivors += [name for name, code in codes.items() if status_by_exit_code[code] == "survived"]
    other = sum(n for status, n in totals.items() if status not in (*COLUMNS, "mutants"))
    print(f"{'total':32} {totals['mutants']:7d} " + " ".join(f"{totals[c]:11d}" for c in COLUMNS)
          + f"  {other:5d}")
    print(f"\n{len(survivors)} surviving mutant(s)" + (":" if survivors else ""))
    for name in sorted(survivors):
        print(f"  {name}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
