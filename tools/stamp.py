"""The line at the foot of every notebook: course version and licences.

    python tools/stamp.py            # write it (tools/set_release.py calls this on a version bump)
    python tools/stamp.py --check    # exit 1 if a notebook's line is missing or out of date

A student's question can then be matched to the text they read ("version 0.1.0"), and a teacher
who copies a lesson sees its licence. The line is the last paragraph of the notebook's last
markdown cell (the footer with the Contents / Notation links); links are web links to the
repository at the release tag, since a link leaving notebooks/ does not open in JupyterLab.
"""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tools"))

#: How the line starts (found again by this prefix on the next run).
PREFIX = "*KL divergence, step by step* · version "
LINE = re.compile(r"^\*KL divergence, step by step\* · version .*$", re.M)


def footer_line(version: str, repository: str, release: str) -> str:
    """The stamp for ``version``, linking the licences at the ``release`` tag of ``repository``."""
    base = f"{repository.rstrip('/')}/blob/{release}"
    return (f"{PREFIX}{version} · text and figures "
            f"[CC BY 4.0]({base}/LICENSE-CONTENT.md) · code [BSD-3-Clause]({base}/LICENSE)")


def notebooks() -> list[Path]:
    """Every notebook the course ships: lessons, explorer, pages, solutions, the Chinese edition."""
    return sorted((ROOT / "notebooks").glob("*.ipynb")) + sorted(
        (ROOT / "notebooks" / "solutions").glob("*.ipynb")) + sorted(
        (ROOT / "notebooks" / "zh").rglob("*.ipynb"))


def stamped(nb: dict, line: str) -> bool:
    """Write ``line`` at the foot of ``nb`` (in place); return whether anything changed."""
    footer = next(c for c in reversed(nb["cells"]) if c["cell_type"] == "markdown")
    source = "".join(footer["source"])
    new = LINE.sub(line, source) if LINE.search(source) else source.rstrip("\n") + "\n\n" + line
    if new == source:
        return False
    footer["source"] = new.splitlines(keepends=True) if isinstance(footer["source"], list) else new
    return True


def settings() -> tuple[str, str, str]:
    """(version, repository, release) from pyproject.toml and tools/course_settings.json."""
    text = (ROOT / "pyproject.toml").read_text(encoding="utf-8")
    version = re.search(r'^version = "([^"]+)"', text, re.M).group(1)
    path = ROOT / "tools" / "course_settings.json"
    conf = json.loads(path.read_text(encoding="utf-8")) if path.exists() else {}
    repository = conf.get("repository", "https://github.com/kl-course/kl-divergence-step-by-step")
    return version, repository, conf.get("release", f"v{version}")


def main(argv: list[str]) -> int:
    check = "--check" in argv
    line = footer_line(*settings())
    stale = []
    for path in notebooks():
        nb = json.loads(path.read_text(encoding="utf-8"))
        if stamped(nb, line):
            stale.append(path.relative_to(ROOT))
            if not check:
                path.write_text(json.dumps(nb, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    verb = "out of date" if check else "stamped"
    print(f"{len(stale)} notebook(s) {verb}" + "".join(f"\n  {p}" for p in stale))
    return 1 if check and stale else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
