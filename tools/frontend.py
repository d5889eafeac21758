"""Front-end assets from npm, brought in at build time into build/npm (never committed).

The one installer of every npm package the course uses: `npm install --no-save` removes from its
prefix every package it was not asked for, so separate installers into one folder prune each other.

* ``mathjax@3``: the course website renders its mathematics with this copy (its ``es5/`` folder
  is copied into the site and set as Sphinx's ``mathjax_path``), so no page asks a CDN for it;
  the printable PDFs (tools/make_pdf.py) typeset with it too.
* ``reveal.js@4.0.2`` and ``jquery@2.2.4``: the slide decks (tools/slides.py), the versions
  Voilà's reveal template was written for.
* ``axe-core@4``: the accessibility checks of the browser tests (tests/browser/axe.py).
* ``pyodide@<version>``: the Pyodide release that the installed jupyterlite-pyodide-kernel runs.
  Only its ``pyodide-lock.json`` is used: it lists the package versions of that release (numpy,
  matplotlib, pillow, ...), which `make test-matrix` pins one environment to. The browser itself
  loads Pyodide from its CDN at run time (see README, "in the browser (beta)").

``python tools/frontend.py`` installs whatever is missing or of the wrong version (`make site`,
`make test` and `make test-matrix` run it); it does nothing when everything is in place.
"""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
# npm --prefix: packages land in build/npm/node_modules.
PREFIX = ROOT / "build" / "npm"
NODE_MODULES = PREFIX / "node_modules"
MATHJAX_MAJOR = "3"
#: The packages of the lessons' runtime whose versions the Pyodide-pinned environment takes from
#: pyodide-lock.json (a name missing there is installed from PyPI at run time: newest).
PYODIDE_PINNED = ("numpy", "matplotlib", "pillow", "ipywidgets")


class FrontendError(Exception):
    """An asset is missing and cannot be installed (no npm, no registry)."""


#: Every other package: name -> version spec (a major version, or an exact one).
PACKAGES = {"mathjax": MATHJAX_MAJOR, "reveal.js": "4.0.2", "jquery": "2.2.4", "axe-core": "4"}


def pyodide_version() -> str | None:
    """The Pyodide release the installed jupyterlite-pyodide-kernel loads in the browser.

    None without the site extra (then the site cannot be built, and Pyodide is not wanted).
    """
    try:
        from jupyterlite_pyodide_kernel.constants import PYODIDE_VERSION
    except ImportError:
        return None
    return PYODIDE_VERSION


def installed_version(package: str) -> str | None:
    manifest = NODE_MODULES / package / "package.json"
    if not manifest.exists():
        return None
    return json.loads(manifest.read_text(encoding="utf-8"))["version"]


def wanted() -> dict[str, str]:
    """npm package -> version spec to install."""
    pyodide = pyodide_version()
    return {**PACKAGES, **({"pyodide": pyodide} if pyodide else {})}


def missing() -> list[str]:
    """``name@spec`` of each asset that is absent or of another version than wanted."""
    specs = []
    for name, spec in wanted().items():
        have = installed_version(name)
        if have is None or not (have == spec or have.split(".")[0] == spec):
            specs.append(f"{name}@{spec}")
    return specs


def ensure() -> None:
    """Install the missing assets with npm (a registry the machines reach).

    All of them in one command when any is missing: npm would remove the ones not named.
    """
    if not missing():
        return
    specs = [f"{name}@{spec}" for name, spec in wanted().items()]
    npm = shutil.which("npm")
    if npm is None:
        raise FrontendError(f"npm not found: it is needed once to install {', '.join(specs)} into "
                            f"{NODE_MODULES.relative_to(ROOT)} (Debian: apt-get install npm)")
    PREFIX.mkdir(parents=True, exist_ok=True)
    command = [npm, "install", "--prefix", str(PREFIX), "--no-save", "--no-audit", "--no-fund",
               "--loglevel=error", *specs]
    print("$", " ".join(command), flush=True)
    if subprocess.run(command, check=False).returncode != 0 or missing():
        raise FrontendError(f"npm could not install {', '.join(specs)} (see above)")


def package_dir(name: str) -> Path:
    """Where npm package ``name`` is, installing every asset first when any is missing."""
    ensure()
    return NODE_MODULES / name


def mathjax_dir() -> Path:
    """MathJax's browser bundle (tex-chtml.js and the fonts and extensions it loads)."""
    path = NODE_MODULES / "mathjax" / "es5"
    if not (path / "tex-chtml.js").exists():
        raise FrontendError(f"{path} is missing: run `python tools/frontend.py` (or `make site`)")
    return path


def pyodide_lock() -> dict:
    """The ``pyodide-lock.json`` of the Pyodide release the kernel runs."""
    path = NODE_MODULES / "pyodide" / "pyodide-lock.json"
    if pyodide_version() is None or installed_version("pyodide") != pyodide_version() or not path.exists():
        raise FrontendError(f"pyodide@{pyodide_version()} is not in {NODE_MODULES.relative_to(ROOT)}: "
                            "run `python tools/frontend.py` (make test-matrix does)")
    return json.loads(path.read_text(encoding="utf-8"))


def pyodide_pins(lock: dict | None = None) -> dict[str, str]:
    """``{name: version}`` of the PYODIDE_PINNED packages that the Pyodide release ships.

    >>> pyodide_pins({"packages": {"numpy": {"version": "2.4.6"}, "pillow": {"version": "12.2.0"}}})
    {'numpy': '2.4.6', 'pillow': '12.2.0'}
    """
    packages = (lock if lock is not None else pyodide_lock())["packages"]
    return {name: packages[name]["version"] for name in PYODIDE_PINNED if name in packages}


def main() -> int:
    try:
        ensure()
    except FrontendError as error:
        print(f"frontend: {error}", file=sys.stderr)
        return 1
    print(f"front-end assets in {NODE_MODULES.relative_to(ROOT)}: "
          + ", ".join(f"{name} {installed_version(name)}" for name in wanted()))
    return 0


if __name__ == "__main__":
    sys.exit(main())
