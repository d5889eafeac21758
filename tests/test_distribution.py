"""The package as it is distributed: the built wheel and sdist, their metadata, their dependencies.

`%pip install` of the package must work in Colab and in the in-browser (Pyodide) kernel, where
nothing that needs a Jupyter server can be installed (pyzmq has no pure-Python wheel). So the
runtime dependencies are exactly what the lessons and the package import; JupyterLab, Voilà and
the test tools are extras. These tests build the wheel and sdist (offline: `--no-isolation`, with
the setuptools, build and twine of the test extra) and read what a user's pip would read.
"""

import ast
import importlib.metadata as md
import inspect
import json
import shutil
import subprocess
import sys
import zipfile
from email.parser import Parser
from pathlib import Path

import pytest
from IPython.core.inputtransformer2 import TransformerManager
from packaging.requirements import Requirement
from packaging.utils import canonicalize_name

try:
    import tomllib
except ModuleNotFoundError:  # Python 3.10: pytest depends on tomli there
    import tomli as tomllib

ROOT = Path(__file__).resolve().parents[1]
PROJECT = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]

#: Distributions that need or are a Jupyter server, kernel machinery or a test tool: never a
#: runtime dependency, at any depth.
SERVER_PACKAGES = {
    "jupyterlab", "jupyter-server", "jupyter-client", "notebook", "nbclassic", "voila", "pyzmq",
    "ipykernel", "tornado", "jupyter-core", "nbconvert", "nbclient", "nbval", "pytest",
    "playwright", "ruff", "hypothesis", "scipy", "uv", "build", "twine", "setuptools",
}
#: What the lessons and the package import, directly (pillow and IPython come transitively).
RUNTIME = {"numpy", "matplotlib", "ipywidgets", "anywidget"}


@pytest.fixture(scope="module")
def dist(tmp_path_factory) -> Path:
    """Build the sdist, then the wheel from the sdist (as PyPI users and pip would), in a temp dir."""
    tmp = tmp_path_factory.mktemp("dist")
    src = tmp / "src"
    src.mkdir()
    for name in ("pyproject.toml", "README.md", "LICENSE"):
        shutil.copy2(ROOT / name, src / name)
    shutil.copytree(ROOT / "kl_helpers", src / "kl_helpers", ignore=shutil.ignore_patterns("__pycache__"))
    out = subprocess.run(
        [sys.executable, "-m", "build", "--no-isolation", "--outdir", str(tmp / "dist"), str(src)],
        capture_output=True, text=True, timeout=300, check=False,
    )
    assert out.returncode == 0, f"python -m build failed:\n{out.stdout[-3000:]}\n{out.stderr[-3000:]}"
    return tmp / "dist"


def _wheel(dist: Path) -> Path:
    (wheel,) = dist.glob("*.whl")
    return wheel


def _metadata(dist: Path):
    with zipfile.ZipFile(_wheel(dist)) as archive:
        (name,) = [n for n in archive.namelist() if n.endswith(".dist-info/METADATA")]
        return Parser().parsestr(archive.read(name).decode("utf-8"))


def runtime_requirements(requires_dist: list[str]) -> list[Requirement]:
    """The requirements that apply without any extra (what `pip install kl-helpers` installs)."""
    requirements = [Requirement(line) for line in requires_dist]
    return [r for r in requirements if r.marker is None or r.marker.evaluate({"extra": ""})]


def server_packages_among(requires_dist: list[str]) -> list[str]:
    return sorted(r.name for r in runtime_requirements(requires_dist)
                  if canonicalize_name(r.name) in SERVER_PACKAGES)


def test_the_check_sees_a_server_package_outside_an_extra():
    # The rule on a hand-made metadata list: the same package is fine inside an extra only.
    assert server_packages_among(['numpy>=1.24', 'jupyterlab>=4.0; extra == "lab"']) == []
    assert server_packages_among(['numpy>=1.24', 'jupyter_server>=2', 'pyzmq; python_version > "3"']) == [
        "jupyter_server", "pyzmq"]


def test_wheel_has_no_server_package_as_a_runtime_dependency(dist):
    requires = _metadata(dist).get_all("Requires-Dist")
    assert not server_packages_among(requires), (
        f"the wheel's runtime Requires-Dist has {server_packages_among(requires)}: `%pip install` would fail "
        f"in the in-browser kernel and drag a server into Colab; move it to an extra in pyproject.toml")
    assert {canonicalize_name(r.name) for r in runtime_requirements(requires)} == RUNTIME


def test_wheel_declares_the_extras(dist):
    metadata = _metadata(dist)
    assert set(metadata.get_all("Provides-Extra")) == {"lab", "site", "test"}
    lab = {Requirement(r).name for r in metadata.get_all("Requires-Dist") if 'extra == "lab"' in r}
    assert lab == {"jupyterlab", "voila"}


def test_wheel_metadata_is_complete(dist):
    metadata = _metadata(dist)
    settings = json.loads((ROOT / "tools" / "course_settings.json").read_text())
    assert metadata["Name"] == "kl-helpers"
    assert metadata["Version"] == PROJECT["version"]
    assert metadata["Requires-Python"] == ">=3.10"
    assert metadata["License-Expression"] == "BSD-3-Clause"
    assert metadata["Description-Content-Type"] == "text/markdown"
    assert metadata.get_payload().startswith("# KL divergence, step by step")
    classifiers = metadata.get_all("Classifier")
    assert "Programming Language :: Python :: 3.10" in classifiers
    urls = dict(line.split(", ", 1) for line in metadata.get_all("Project-URL"))
    assert urls and all(url.startswith(settings["repository"]) for url in urls.values()), urls


def test_wheel_holds_every_module_and_the_license(dist):
    with zipfile.ZipFile(_wheel(dist)) as archive:
        names = set(archive.namelist())
    modules = {p.relative_to(ROOT).as_posix() for p in (ROOT / "kl_helpers").rglob("*.py")}
    # and the panels' front end, the ES module anywidget loads
    modules |= {p.relative_to(ROOT).as_posix() for p in (ROOT / "kl_helpers").rglob("*.js")}
    assert "kl_helpers/panels/panel_canvas.js" in modules
    assert {n for n in names if n.startswith("kl_helpers/")} == modules
    assert any(n.endswith(".dist-info/licenses/LICENSE") for n in names)


def test_twine_check_passes_on_wheel_and_sdist(dist):
    files = sorted(dist.iterdir())
    assert sorted(f.suffix for f in files) == [".gz", ".whl"]
    out = subprocess.run([sys.executable, "-m", "twine", "check", "--strict", *map(str, files)],
                         capture_output=True, text=True, timeout=120, check=False)
    assert out.returncode == 0, out.stdout + out.stderr
    assert out.stdout.count("PASSED") == 2, out.stdout


# ---- what the runtime dependencies must cover ---------------------------------------------------


def _top_level_imports(tree: ast.AST) -> set[str]:
    names = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update(alias.name.split(".")[0] for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and not node.level:
            names.add(node.module.split(".")[0])
    return names


def imported_modules() -> set[str]:
    """Third-party top-level modules imported by the package and by the notebooks' code."""
    names = set()
    for path in (ROOT / "kl_helpers").rglob("*.py"):
        names |= _top_level_imports(ast.parse(path.read_text(encoding="utf-8")))
    transform = TransformerManager().transform_cell  # the notebooks' %pip lines are IPython syntax
    for path in (ROOT / "notebooks").rglob("*.ipynb"):
        for cell in json.loads(path.read_text(encoding="utf-8"))["cells"]:
            if cell["cell_type"] == "code":
                names |= _top_level_imports(ast.parse(transform("".join(cell["source"]))))
    return {n for n in names if n not in sys.stdlib_module_names and n not in {"kl_helpers", "__future__"}}


def installed_closure(requirements: list[Requirement]) -> set[str]:
    """Every distribution that installing ``requirements`` brings in (from this environment's metadata)."""
    seen: set[str] = set()
    todo = list(requirements)
    while todo:
        name = canonicalize_name(todo.pop().name)
        if name in seen:
            continue
        seen.add(name)
        todo += runtime_requirements(md.requires(name) or [])
    return seen


def _declared_runtime() -> list[Requirement]:
    # From pyproject.toml, the source: installed metadata can be stale until `make setup` runs.
    return [Requirement(line) for line in PROJECT["dependencies"]]


def packages_distributions() -> dict[str, list[str]]:
    """Top-level import name -> distributions, as Python 3.11's ``md.packages_distributions()``.

    Python 3.10's version reads only ``top_level.txt``, which wheels built by meson-python or
    hatchling (numpy 2, matplotlib 3.10, traitlets) do not have; 3.11 also infers the names
    from the files a distribution installed. Done here for every supported Python.
    """
    found: dict[str, list[str]] = {}
    for dist in md.distributions():
        names = (dist.read_text("top_level.txt") or "").split()
        if not names:
            for file in dist.files or []:
                top = file.parts[0] if len(file.parts) > 1 else inspect.getmodulename(file.name)
                if top and "." not in top and not top.endswith(".dist-info"):
                    names.append(top)
        for name in dict.fromkeys(names):
            found.setdefault(name, []).append(dist.metadata["Name"])
    return found


def test_runtime_dependencies_are_what_the_code_imports():
    runtime = _declared_runtime()
    closure = installed_closure(runtime)
    distributions = packages_distributions()
    imported = {module: {canonicalize_name(d) for d in distributions.get(module, [])}
                for module in imported_modules()}
    assert {"numpy", "matplotlib", "ipywidgets", "PIL", "IPython"} <= set(imported)
    # Every import is installed by the runtime dependencies (directly or through them) ...
    uncovered = {module: dists for module, dists in imported.items() if not dists or not dists & closure}
    assert not uncovered, f"imported but not installed by the runtime dependencies: {uncovered}"
    # ... and every runtime dependency is imported directly (none is there for nothing).
    direct = set().union(*imported.values())
    assert {canonicalize_name(r.name) for r in runtime} <= direct


def test_runtime_dependencies_bring_no_server_at_any_depth():
    # jupyterlab -> jupyter_server -> pyzmq is what broke `%pip install` in the browser.
    closure = installed_closure(_declared_runtime())
    assert not closure & SERVER_PACKAGES, sorted(closure & SERVER_PACKAGES)


def test_closure_follows_dependencies():
    # Guards installed_closure: pillow comes with matplotlib, IPython with ipywidgets, and a server
    # package is found two levels down.
    closure = installed_closure([Requirement("matplotlib"), Requirement("ipywidgets")])
    assert {"matplotlib", "pillow", "numpy", "ipywidgets", "ipython"} <= closure
    assert {"jupyter-server", "pyzmq"} <= installed_closure([Requirement("jupyterlab")])
