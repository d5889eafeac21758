"""Lecture decks: a lesson as reveal.js slides with live panels, served by Voilà, offline.

One source of truth: the deck is the lesson notebook itself (the student view), shown by Voilà's
reveal template. Which cells become slides is cell metadata, written by this tool:

* ``metadata.slideshow.slide_type`` ("slide", "-" = same slide, "skip") for every cell, computed by
  the rules in :func:`slide_types`: one idea per slide; section headings, short derivations
  (display maths), the "**Predict first.**" questions, then the panel each asks about on the
  next slide, and the figures; the set-up code, checks, captions, exercises and the footer stay out.
* hand curation, also as metadata: the cell tag ``no-slides`` keeps a cell out of the deck
  (e.g. a cell that would overflow a 1024 × 768 slide), the tag ``slides`` keeps one in that the
  rules would leave out. The rules never remove these tags, so re-running the tool keeps them.

Voilà still runs every cell (skipped ones too), so the panels work exactly as in the lesson.
Metadata is all this tool changes: outputs and execution counts stay as stored (strict nbval
ignores metadata).

Usage (``make slides NB=03`` runs the second)::

    python tools/slides.py --tag [NN ...]   # (re)write the slide metadata of lessons (default: all)
    python tools/slides.py NN               # serve lesson NN as a deck, projector setting on
    python tools/slides.py NN --zh          # its Chinese twin's deck (notebooks/zh/, same slides)
    python tools/slides.py --assets         # only bring reveal.js and jQuery from npm

reveal.js@4.0.2 (its style sheets; Voilà bundles the reveal.js code) and jquery@2.2.4 come from
npm (tools/frontend.py, into build/npm) at first use and are copied into build/jupyter, a Jupyter data
directory holding the static folder of the course's ``kl-reveal`` Voilà template
(tools/jupyter/data/voila/templates/kl-reveal): the deck makes no request outside the machine.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import frontend  # tools/frontend.py: the one npm installer

ROOT = Path(__file__).resolve().parents[1]
NOTEBOOKS = ROOT / "notebooks"
NODE_MODULES = frontend.NODE_MODULES  # reveal.js and jQuery, versions in frontend.PACKAGES
#: Jupyter data directory generated here (git-ignored): the template's static files from npm.
DATA_DIR = ROOT / "build" / "jupyter"
TEMPLATE = "kl-reveal"
STATIC = DATA_DIR / "voila" / "templates" / TEMPLATE / "static"
#: npm packages and the files of each the deck serves, under static/npm/ (a folder named
#: reveal.js at the top of static/ would shadow Voilà's own /voila/static/reveal.js).
ASSETS = {"reveal.js": ["dist"], "jquery": ["dist/jquery.min.js"]}
#: The slide size the decks are laid out for (and tested at): a common projector resolution.
WIDTH, HEIGHT = 1024, 768
PORT = 8867

NO_SLIDES, SLIDES = "no-slides", "slides"
#: Markdown longer than this (characters of source) stays out of the deck: it is reading, not a
#: slide. Measured against WIDTH x HEIGHT at the template's 20 px text by tests/browser/test_slides.py.
MAX_MARKDOWN_CHARS = 700
HEADING = re.compile(r"^#{1,3} ")
CAPTION = re.compile(r"^\*(Panel|Figure)\.\*")
PREDICT = "**Predict first.**"
END_SECTIONS = ("## Exercises", "## Pen-and-paper", "---")


def lessons() -> list[Path]:
    """The numbered lessons (``NN_*.ipynb``), in order."""
    return sorted(p for p in NOTEBOOKS.glob("[0-9][0-9]_*.ipynb"))


def lesson(number: str) -> Path:
    """The lesson whose file name starts with ``number`` (e.g. ``"03"`` or ``"3"``)."""
    number = f"{int(number):02d}" if number.isdigit() else number
    found = sorted(NOTEBOOKS.glob(f"{number}_*.ipynb"))
    if len(found) != 1:
        known = ", ".join(p.name[:2] for p in lessons())
        raise SystemExit(f"no single lesson numbered {number!r} in {NOTEBOOKS}; lessons: {known}")
    return found[0]


def _source(cell: dict) -> str:
    src = cell["source"]
    return "".join(src) if isinstance(src, list) else src


def _shows_picture(cell: dict) -> bool:
    return any("image/png" in out.get("data", {}) for out in cell.get("outputs", []))


def _is_panel(cell: dict) -> bool:
    return _shows_picture(cell) and "kh.panels." in _source(cell)


def slide_types(cells: list[dict]) -> list[str]:
    """The slide type of each cell (see the module docstring for the rules)."""
    types = []
    ended = False
    for cell in cells:
        src = _source(cell).strip()
        tags = set(cell.get("metadata", {}).get("tags", []))
        kind = "skip"
        if src.startswith(END_SECTIONS):
            ended = True
        if cell["cell_type"] == "markdown" and not ended:
            short = len(src) <= MAX_MARKDOWN_CHARS
            if src.startswith(PREDICT) or (short and (HEADING.match(src) or "$$" in src)):
                kind = "slide"
        elif cell["cell_type"] == "code" and not ended and _shows_picture(cell):
            # Every picture on its own slide: a question and its panel together overflow 1024 x 768.
            kind = "slide"
        if NO_SLIDES in tags:
            kind = "skip"
        elif SLIDES in tags and kind == "skip":
            kind = "slide"
        if cell["cell_type"] == "markdown" and CAPTION.match(src) and SLIDES not in tags:
            kind = "skip"
        types.append(kind)
    if "slide" in types:  # the deck opens on a slide, never on a continuation
        first = next(i for i, t in enumerate(types) if t != "skip")
        types[first] = "slide"
    return types


def tag(path: Path) -> bool:
    """Write the slide metadata of one notebook; return whether the file changed."""
    text = path.read_text(encoding="utf-8")
    nb = json.loads(text)
    for cell, kind in zip(nb["cells"], slide_types(nb["cells"]), strict=True):
        cell.setdefault("metadata", {})["slideshow"] = {"slide_type": kind}
    new = json.dumps(nb, indent=1, ensure_ascii=False, sort_keys=True) + "\n"
    if new != text:
        path.write_text(new, encoding="utf-8")
        return True
    return False


def ensure_assets() -> None:
    """reveal.js and jQuery from npm (tools/frontend.py, once), copied into the template's static folder."""
    try:
        frontend.ensure()
    except frontend.FrontendError as error:
        raise SystemExit(str(error)) from None
    for name, parts in ASSETS.items():
        if frontend.installed_version(name) != frontend.PACKAGES[name]:
            raise SystemExit(f"{name}@{frontend.PACKAGES[name]} is not in {NODE_MODULES}")
        stamp = STATIC / "npm" / f"{name}.version"  # the version copied last time
        if stamp.exists() and stamp.read_text() == frontend.PACKAGES[name]:
            continue
        for part in parts:
            source, target = NODE_MODULES / name / part, STATIC / "npm" / name / part
            target.parent.mkdir(parents=True, exist_ok=True)
            if source.is_dir():
                shutil.copytree(source, target, dirs_exist_ok=True)
            else:
                shutil.copy2(source, target)
        stamp.write_text(frontend.PACKAGES[name])


def voila_environment() -> dict[str, str]:
    """Environment of a deck's Voilà server: the course's Jupyter settings, the assets, the projector."""
    paths = [str(ROOT / "tools" / "jupyter" / "data"), str(DATA_DIR)]
    return {
        "JUPYTER_CONFIG_PATH": str(ROOT / "tools" / "jupyter" / "config"),
        "JUPYTER_PATH": os.pathsep.join(paths),
        "KL_PROJECTOR": "1",
    }


def voila_arguments(base_url: str = "/") -> list[str]:
    """Voilà options that make the notebooks folder a set of decks (template, slide size, assets).

    ``base_url`` is Voilà's (``--Voila.base_url``, "/" unless served under a hub's prefix).
    """
    # From the server's root, not relative to the page: a deck is /voila/render/NN_x.ipynb or,
    # for the Chinese edition, /voila/render/zh/NN_x.ipynb, one folder deeper.
    prefix = f"{base_url.rstrip('/')}/voila/templates/{TEMPLATE}/static/npm/reveal.js"
    resources = {"reveal": {"url_prefix": prefix,
                            "width": str(WIDTH), "height": str(HEIGHT), "transition": "none",
                            "theme": "white"}}
    return [f"--template={TEMPLATE}", f"--VoilaConfiguration.resources={json.dumps(resources)}"]


def serve(path: Path, port: int = PORT) -> int:
    ensure_assets()
    url = f"http://localhost:{port}/voila/render/{path.relative_to(NOTEBOOKS).as_posix()}"
    print(f"The deck of {path.name}: {url}  (arrow keys or space to move; Ctrl+C to stop)", flush=True)
    command = [sys.executable, "-m", "voila", str(NOTEBOOKS), f"--port={port}",
               "--Voila.open_browser=False", *voila_arguments()]
    return subprocess.run(command, env={**os.environ, **voila_environment()}, check=False).returncode


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("lessons", nargs="*", help="lesson numbers, e.g. 03")
    parser.add_argument("--tag", action="store_true", help="(re)write the slide metadata and exit")
    parser.add_argument("--assets", action="store_true", help="install reveal.js and jQuery and exit")
    parser.add_argument("--zh", action="store_true",
                        help="serve the Chinese edition's deck (its slide metadata is the English lesson's)")
    parser.add_argument("--port", type=int, default=PORT)
    args = parser.parse_args(argv)
    if args.assets:
        ensure_assets()
        return 0
    if args.tag:
        paths = [lesson(n) for n in args.lessons] if args.lessons else lessons()
        for path in paths:
            print(f"{'updated' if tag(path) else 'unchanged'}: {path.relative_to(ROOT)}")
        return 0
    if len(args.lessons) != 1:
        parser.error("give one lesson number to serve, e.g. `python tools/slides.py 03`")
    path = lesson(args.lessons[0])
    return serve(NOTEBOOKS / "zh" / path.name if args.zh else path, args.port)


if __name__ == "__main__":
    sys.exit(main())
