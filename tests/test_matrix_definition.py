"""The version matrix of `make test-matrix` (tools/run_matrix.py) tests what the project promises."""

import doctest
import importlib.util
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

try:
    import tomllib
except ImportError:  # Python 3.10: pytest depends on tomli there
    import tomli as tomllib

ROOT = Path(__file__).resolve().parents[1]
# run_matrix imports tools/course.py as `course`, as it does when run as a script (this file alone
# failed to import it: other test files put tools/ on the path first).
if str(ROOT / "tools") not in sys.path:
    sys.path.insert(0, str(ROOT / "tools"))

_spec = importlib.util.spec_from_file_location("run_matrix", ROOT / "tools" / "run_matrix.py")
matrix = importlib.util.module_from_spec(_spec)
sys.modules["run_matrix"] = matrix  # dataclasses look their module up while the class is built
_spec.loader.exec_module(matrix)

PROJECT = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]


def _declared_bounds() -> dict[str, str]:
    return matrix.lower_bounds(PROJECT["dependencies"] + PROJECT["optional-dependencies"][matrix.EXTRA])


def test_doctests():
    assert doctest.testmod(matrix).failed == 0


def test_environments_cover_the_supported_pythons():
    oldest = re.fullmatch(r">=\s*(\d+\.\d+)", PROJECT["requires-python"]).group(1)
    newest = {e.python for e in matrix.ENVIRONMENTS if e.resolution == "highest"}
    assert oldest in newest, f"no environment runs the oldest supported Python {oldest}"
    assert matrix.NEWEST_PYTHON in newest, f"no environment runs the newest Python {matrix.NEWEST_PYTHON}"
    assert all(matrix.release(e.python) >= matrix.release(oldest) for e in matrix.ENVIRONMENTS)
    assert [e.resolution for e in matrix.ENVIRONMENTS].count("lowest-direct") == 1
    assert len({e.name for e in matrix.ENVIRONMENTS}) == len(matrix.ENVIRONMENTS)


def test_readme_states_the_tested_versions():
    testing = (ROOT / "README.md").read_text().split("## Testing", 1)[1]
    assert "make test-matrix" in testing
    oldest = PROJECT["requires-python"].removeprefix(">=")
    assert f"Python {oldest}" in testing and f"Python {matrix.NEWEST_PYTHON}" in testing


@pytest.mark.parametrize("name", ["numpy", "matplotlib", "ipywidgets", "jupyterlab"])
def test_readme_states_the_declared_lower_bounds(name):
    readme = (ROOT / "README.md").read_text()
    label = {"jupyterlab": "JupyterLab"}.get(name, name)
    assert f"{label} ≥ {_declared_bounds()[name]}" in readme
    for stated in re.findall(rf"{label} ≥ ([0-9.]+)", readme):
        assert stated == _declared_bounds()[name], f"README says {label} ≥ {stated}"


def test_ci_runs_the_matrix_after_the_test_suite():
    lines = (ROOT / ".ci" / "run").read_text().splitlines()
    assert lines.index("make test") < lines.index("make test-matrix")
    assert re.search(r"^test-matrix:", (ROOT / "Makefile").read_text(), re.MULTILINE)


def test_every_dependency_has_a_lower_bound_to_test():
    for requirement in PROJECT["dependencies"] + PROJECT["optional-dependencies"][matrix.EXTRA]:
        name = re.match(r"[A-Za-z0-9._-]+", requirement).group()
        assert matrix.normalise(name) in _declared_bounds(), requirement


@pytest.mark.parametrize(
    ("resolved", "problem"),
    [
        ({"numpy": "1.24.0", "pytest-timeout": "2.3.1"}, None),
        ({"numpy": "1.26.4", "pytest-timeout": "2.3.1"}, "numpy>=1.24 is declared but the lowest"),
        ({"pytest-timeout": "2.3.1"}, "numpy>=1.24 is declared but not installed"),
    ],
)
def test_bound_mismatches(resolved, problem):
    problems = matrix.bound_mismatches({"numpy": "1.24", "pytest-timeout": "2.3"}, resolved)
    assert problems == [] if problem is None else problems[0].startswith(problem)


def test_parse_pinned_reads_compile_output():
    text = "numpy==1.24.0\n    # via matplotlib\nPyYAML==6.0.1 ; python_version < '3.11'\n-e file:///x\n"
    assert matrix.parse_pinned(text) == {"numpy": "1.24.0", "pyyaml": "6.0.1"}


def test_a_missing_python_is_named(monkeypatch):
    nowhere = [("PATH", "/nonexistent/python")]
    monkeypatch.setattr(matrix, "interpreter_candidates", lambda version, uv: nowhere)
    with pytest.raises(matrix.MatrixError, match=r"Python 3\.99 is missing .*KL_PYTHON_3_99"):
        matrix.find_python("3.99", None)


def test_an_interpreter_of_another_version_is_refused(monkeypatch):
    monkeypatch.setattr(matrix, "interpreter_candidates", lambda version, uv: [("PATH", sys.executable)])
    found = f"{sys.version_info.major}.{sys.version_info.minor}"
    assert matrix.find_python(found, None)[0] == sys.executable
    with pytest.raises(matrix.MatrixError, match="reports"):
        matrix.find_python("3.99", None)


def test_lowest_resolution_installs_exactly_the_declared_lower_bounds():
    """Resolve (no install) what the lowest environment gets; every bound must be installable."""
    (lowest,) = (e for e in matrix.ENVIRONMENTS if e.resolution == "lowest-direct")
    uv = matrix.find_uv()
    out = subprocess.run(
        matrix.compile_command(uv, lowest), capture_output=True, text=True, env=matrix.uv_env(),
        timeout=240, check=False,
    )
    if out.returncode != 0:
        unreachable = "No solution found" not in out.stderr
        if unreachable and os.environ.get("CI") != "true":
            pytest.skip(f"uv could not reach the package index: {out.stderr.strip()[:300]}")
        pytest.fail(f"uv pip compile --resolution lowest-direct failed:\n{out.stderr}")
    assert matrix.bound_mismatches(_declared_bounds(), matrix.parse_pinned(out.stdout)) == []


def test_what_the_matrix_leaves_to_make_test_exists_and_reads_only_text():
    # A renamed file would silently come back into every environment; a test that imports the
    # numerical core or draws does not belong in the list.
    for path in matrix.SAME_IN_EVERY_VERSION + matrix.FIGURE_CHECKS:
        assert (ROOT / path).is_file(), path
    for path in matrix.SAME_IN_EVERY_VERSION:
        text = (ROOT / path).read_text(encoding="utf-8")
        assert not re.search(r"^\s*(import|from)\s+(numpy|matplotlib|kl_helpers(?!\._storage))\b",
                             text, re.M), path
    # The figure checks run at matplotlib's two ends: the newest in make test, the lowest here.
    assert [env.name for env in matrix.ENVIRONMENTS if env.figures] == [
        env.name for env in matrix.ENVIRONMENTS if env.resolution == "lowest-direct"] != []
