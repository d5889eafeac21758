"""Package-level rules: lean import, public API, environment files in sync."""

import re
import subprocess
import sys
from pathlib import Path

import kl_helpers

try:
    import tomllib
except ModuleNotFoundError:  # Python 3.10: tomllib is 3.11+, but pytest itself depends on tomli there
    import tomli as tomllib

ROOT = Path(__file__).resolve().parents[1]


def test_import_does_not_load_matplotlib_or_widgets():
    code = (
        "import sys, kl_helpers; "
        "print(sorted(m for m in ('matplotlib', 'ipywidgets') if m in sys.modules))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"


def test_all_is_complete_and_importable():
    for name in kl_helpers.__all__:
        assert callable(getattr(kl_helpers, name)), name
    assert len(set(kl_helpers.__all__)) == len(kl_helpers.__all__)


def _normalise(requirement: str) -> tuple[str, str]:
    name, spec = re.match(r"^\s*([A-Za-z0-9_.\-]+)\s*(.*)$", requirement).groups()
    return name.lower().replace("_", "-"), spec.replace(" ", "")


def _environment_dependencies() -> dict[str, str]:
    deps: dict[str, str] = {}
    in_deps = False
    for line in (ROOT / "environment.yml").read_text().splitlines():
        if line.startswith("dependencies:"):
            in_deps = True
            continue
        # Top-level conda packages are "  - name spec"; the nested pip list is indented deeper.
        m = re.match(r"^  - ([^\s#:][^#]*)$", line)
        if in_deps and m:
            name, spec = _normalise(m.group(1))
            deps[name] = spec
    return deps


def test_environment_yml_matches_pyproject():
    project = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]
    wanted = dict(_normalise(r) for r in project["dependencies"])
    for extra in project["optional-dependencies"].values():
        wanted.update(_normalise(r) for r in extra)
    wanted["python"] = project["requires-python"]
    have = _environment_dependencies()
    have.pop("pip", None)
    assert have == wanted


def test_ci_runs_the_readme_test_command():
    readme = (ROOT / "README.md").read_text()
    ci = (ROOT / ".ci" / "run").read_text()
    assert "make test" in readme
    assert re.search(r"^make test$", ci, re.MULTILINE)
