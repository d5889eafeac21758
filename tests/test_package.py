"""Package-level rules: lean import, public API, environment files in sync."""

import ast
import importlib
import re
import subprocess
import sys
from pathlib import Path

import pytest

import kl_helpers

try:
    import tomllib
except ModuleNotFoundError:  # Python 3.10: tomllib is 3.11+, but pytest itself depends on tomli there
    import tomli as tomllib

ROOT = Path(__file__).resolve().parents[1]


# ---- layers -----------------------------------------------------------------------------------
# kl_helpers is layered; imports point down only:
#   core (numpy only: every module not listed below)  <  exercises
#   core  <  plotting  <  figures  <  panels
# The package's __init__ ("facade") is the front door: it imports the core and the exercises, and
# reaches the plotting layers only lazily, on first attribute access (importlib, not an import
# statement), so it never loads matplotlib.
# Modules are discovered from the files, so a new module is covered without editing this test.

PACKAGE = ROOT / "kl_helpers"
UPPER_LAYERS = ("plotting", "figures", "panels", "exercises")
PLOTTING_LAYER = ("plotting", "figures", "panels")
GUI_PACKAGES = ("matplotlib", "ipywidgets", "anywidget")
# layer -> layers it must not import from
FORBIDDEN = {
    "core": set(UPPER_LAYERS),
    "exercises": {"plotting", "figures", "panels"},
    "plotting": {"figures", "panels", "exercises"},
    "figures": {"panels", "exercises"},
}


def _module_name(path: Path) -> str:
    parts = list(path.relative_to(ROOT).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


MODULES = {_module_name(path): path for path in sorted(PACKAGE.rglob("*.py"))}


def _layer(module: str) -> str:
    if module == "kl_helpers":
        return "facade"
    parts = module.split(".")
    return parts[1] if len(parts) > 1 and parts[1] in UPPER_LAYERS else "core"


def _modules_in(*layers: str) -> list[str]:
    return [m for m in MODULES if _layer(m) in layers]


NON_PLOTTING = [m for m in MODULES if _layer(m) not in PLOTTING_LAYER]
# Public core modules: each defines __all__ and is re-exported from the top level.
CORE_PUBLIC = [m for m in _modules_in("core")
               if m != "kl_helpers" and not m.rsplit(".", 1)[1].startswith("_")]


def test_modules_are_discovered():
    # Guards the discovery itself: an empty list would make every layering test pass vacuously.
    assert {"kl_helpers", "kl_helpers.divergence", "kl_helpers.plotting",
            "kl_helpers.figures", "kl_helpers.panels", "kl_helpers.exercises"} <= set(MODULES)
    for layer in ("core", "facade", *UPPER_LAYERS):
        assert _modules_in(layer), f"no module found in layer {layer!r}"
    assert "kl_helpers.divergence" in CORE_PUBLIC and "kl_helpers._validate" not in CORE_PUBLIC
    assert "kl_helpers.exercises.ex01" in NON_PLOTTING and "kl_helpers.panels.base" not in NON_PLOTTING


@pytest.mark.parametrize("module", NON_PLOTTING)
def test_module_does_not_load_matplotlib_or_widgets(module):
    # A fresh interpreter per module: importing it must not pull in the plotting stack.
    code = (
        f"import sys, {module}; "
        f"print(sorted(m for m in {GUI_PACKAGES!r} if m in sys.modules))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]", f"importing {module} loads {out.stdout.strip()}"


def _imported_modules(module: str, path: Path) -> set[str]:
    """Absolute names of everything ``module`` imports, anywhere in the file (also inside functions).

    ``from X import y`` yields both X and X.y, since y may be a submodule.
    """
    is_package = path.name == "__init__.py"
    names: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"), filename=str(path))):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = module.split(".")
                if not is_package:
                    base = base[:-1]
                base = base[: len(base) - (node.level - 1)]
                target = ".".join(base + ([node.module] if node.module else []))
            else:
                target = node.module
            names.add(target)
            names.update(f"{target}.{alias.name}" for alias in node.names)
    return names


def _violations(module: str, path: Path) -> list[str]:
    layer = _layer(module)
    found = []
    for name in sorted(_imported_modules(module, path)):
        top = name.split(".")[0]
        if top == "kl_helpers":
            if name in MODULES and _layer(name) in FORBIDDEN.get(layer, set()):
                found.append(f"{module} ({layer}) imports {name} ({_layer(name)})")
        elif layer in ("core", "exercises", "facade") and top in GUI_PACKAGES:
            found.append(f"{module} ({layer}) imports {name}")
    return found


def test_imports_point_down():
    problems = [v for module, path in MODULES.items() for v in _violations(module, path)]
    assert not problems, "\n".join(problems)


def test_layering_check_sees_imports():
    # The checker itself on known imports, so that a parsing slip cannot make it pass vacuously.
    imports = _imported_modules("kl_helpers.panels.base", MODULES["kl_helpers.panels.base"])
    assert {"kl_helpers.plotting", "ipywidgets", "matplotlib.figure"} <= imports
    imports = _imported_modules("kl_helpers.exercises", MODULES["kl_helpers.exercises"])
    assert "kl_helpers.exercises.ex01" in imports
    assert _violations("kl_helpers.panels.base", MODULES["kl_helpers.panels.base"]) == []


# ---- public API -----------------------------------------------------------------------------


def test_top_level_all_exists_and_is_unique():
    for name in kl_helpers.__all__:
        assert hasattr(kl_helpers, name), name
    assert len(set(kl_helpers.__all__)) == len(kl_helpers.__all__)


@pytest.mark.parametrize("module", CORE_PUBLIC)
def test_core_module_all_exists(module):
    mod = importlib.import_module(module)
    assert mod.__all__, f"{module} has no __all__"
    for name in mod.__all__:
        assert hasattr(mod, name), f"{module}.__all__ lists {name}, which it does not define"


def test_top_level_reexports_every_core_name():
    missing, different = [], []
    for module in CORE_PUBLIC:
        mod = importlib.import_module(module)
        for name in mod.__all__:
            if name not in kl_helpers.__all__:
                missing.append(f"{module}.{name}")
            elif getattr(kl_helpers, name) is not getattr(mod, name):
                different.append(f"{module}.{name}")
    assert not missing and not different, (
        f"not in kl_helpers.__all__: {missing}; not the same object: {different}"
    )


def _normalise(requirement: str) -> tuple[str, str]:
    name, spec = re.match(r"^\s*([A-Za-z0-9_.\-]+)\s*(.*)$", requirement).groups()
    return name.lower().replace("_", "-"), spec.replace(" ", "")


#: PyPI name -> conda-forge name, where they differ.
CONDA_NAMES = {"build": "python-build"}
PROJECT = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]


def _environment_sections() -> dict[str, dict[str, str]]:
    """environment.yml's conda packages by section: "python", "runtime", then one per extra.

    conda has no extras, so a comment line ``# runtime: ...`` or ``# extra NAME: ...`` opens each
    section; the packages before the first one form the "python" section.
    """
    sections: dict[str, dict[str, str]] = {"python": {}}
    current = "python"
    in_deps = False
    for line in (ROOT / "environment.yml").read_text().splitlines():
        if line.startswith("dependencies:"):
            in_deps = True
            continue
        if not in_deps:
            continue
        header = re.match(r"^  # (runtime|extra ([a-z]+)):", line)
        if header:
            current = header.group(2) or "runtime"
            assert current not in sections, f"environment.yml has two sections {current!r}"
            sections[current] = {}
            continue
        # Top-level conda packages are "  - name spec"; the nested pip list is indented deeper.
        m = re.match(r"^  - ([^\s#:][^#]*)$", line)
        if m:
            name, spec = _normalise(m.group(1))
            sections[current][name] = spec
    return sections


def _conda(requirements: list[str]) -> dict[str, str]:
    return {CONDA_NAMES.get(name, name): spec for name, spec in map(_normalise, requirements)}


def test_environment_yml_matches_pyproject_section_by_section():
    extras = PROJECT["optional-dependencies"]
    sections = _environment_sections()
    for section in sections.values():
        section.pop("pip", None)  # conda's pip, which installs the package itself (-e .)
    wanted = {"python": {"python": PROJECT["requires-python"]}, "runtime": _conda(PROJECT["dependencies"])}
    # The test extra repeats the lab and site extras (see the next test); environment.yml lists each once.
    wanted["lab"] = _conda(extras["lab"])
    wanted["site"] = _conda(extras["site"])
    wanted["test"] = {n: s for n, s in _conda(extras["test"]).items()
                      if n not in wanted["lab"] and n not in wanted["site"]}
    assert set(extras) == {"lab", "site", "test"}, "a new extra needs its section in environment.yml and here"
    assert sections == wanted


def test_environment_section_parser_sees_every_section():
    # Guards the parser: a renamed comment would silently merge two sections.
    sections = _environment_sections()
    assert list(sections) == ["python", "runtime", "lab", "test", "site"]
    assert {"numpy", "matplotlib", "ipywidgets", "anywidget"} == set(sections["runtime"])
    assert "jupyterlab" in sections["lab"] and "pytest" in sections["test"]


def test_test_extra_installs_every_other_extra():
    # `make setup` installs `.[test]` only, and the lowest-versions environment of `make test-matrix`
    # checks every declared bound: so the test extra must hold every requirement of every extra.
    extras = PROJECT["optional-dependencies"]
    for name, requirements in extras.items():
        missing = set(requirements) - set(extras["test"])
        assert not missing, f"extra {name!r} requires {sorted(missing)}, which the test extra lacks"


def test_makefile_installs_the_test_extra():
    # `make setup` runs `tools/course.py setup` (also the way in without make), whose default is `.[test]`.
    makefile = (ROOT / "Makefile").read_text()
    assert re.search(r"^\t\$\(PYTHON\) tools/course\.py setup$", makefile, re.MULTILINE)
    course = (ROOT / "tools" / "course.py").read_text()
    assert '"-e", f".[{extra}]"' in course and 'def setup(root: Path, extra: str = "test")' in course


def test_ci_runs_the_readme_test_command():
    readme = (ROOT / "README.md").read_text()
    ci = (ROOT / ".ci" / "run").read_text()
    assert "make test" in readme
    assert re.search(r"^make test$", ci, re.MULTILINE)
