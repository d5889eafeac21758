"""Test the supported versions: the suite without browser tests, in several environments.

`make test-matrix` runs this script. Each environment is a virtual environment in
`.matrix/<name>` (git-ignored), made with `uv venv` + `uv pip install` on an interpreter found on
this machine (uv never downloads Python here), and reused while pyproject.toml is unchanged (a
stamp holds a hash of it). In each one, `python -m pytest` runs with the project's pytest
configuration (unit tests, doctests, strict nbval with `--nbval-current-env`) minus `tests/browser`.

The lowest environment installs, with uv's `--resolution lowest-direct`, the oldest versions that
pyproject.toml allows for its direct dependencies, and this script checks that each resolved
version really is the declared lower bound: a bound that cannot be installed is a false promise.

The newest Python's environment is pinned to the Pyodide release that the course's in-browser
lessons (JupyterLite, tools/build_site.py) run: numpy, matplotlib and pillow at the versions in
that release's pyodide-lock.json (tools/frontend.py reads it from npm), so the pins follow the
release when jupyterlite-pyodide-kernel moves, and the script checks they are what got installed.

    python tools/run_matrix.py                    # every environment, one after the other
    python tools/run_matrix.py --env py3.10-lowest --rebuild
    python tools/run_matrix.py --list

Interpreters are looked up, for a version X.Y, in $KL_PYTHON_X_Y, then pyenv, then `pythonX.Y` on
PATH, then `uv python find`; each candidate is run to check its version.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import re
import resource
import shutil
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

from course import parallel

ROOT = Path(__file__).resolve().parents[1]
MATRIX_DIR = ROOT / ".matrix"

# Newest Python the project promises to support. Raise it (and add a pyenv version on the
# machines) when a new Python is out; tests/test_matrix_definition.py checks the list below
# covers it and the lower bound of `requires-python`.
NEWEST_PYTHON = "3.13"

# Bump when the way environments are built changes, so existing ones are rebuilt.
RECIPE_VERSION = "2"

REPORTED = ("numpy", "matplotlib", "ipywidgets", "pillow", "jupyterlab")
EXTRA = "test"
# -rs says why a test skipped. A fixed Hypothesis seed draws the same examples in every
# environment, so a difference between environments is a difference of versions, not of luck
# (`make test` keeps searching with fresh random examples).
# The Chinese notebooks run code identical to their English twins' (tests/test_translations.py), so
# the matrix leaves them to `make test`; on every core, like `make test` (tools/course.py).
PYTEST_ARGS = ("-m", "pytest", "--ignore=tests/browser", "--ignore=notebooks/zh", "-q", "-rfEs",
               "--hypothesis-seed=0", *parallel([]))
# Tests of the repository's own text (the guide and its translation, links, notebook files, slide
# and handout metadata, the test groups, this matrix's definition): they read files with the
# standard library, run no numerical code and give the same answer in every environment, so
# `make test` runs them once and the matrix does not.
SAME_IN_EVERY_VERSION = tuple(f"tests/test_{name}.py" for name in (
    "guide_translation", "teachers_guide", "course_links", "notebook_files", "test_groups",
    "matrix_definition", "handouts", "slides"))
# Figures checked pixel by pixel or text box by text box (sizes, overlaps, contrast): they depend
# on matplotlib's and FreeType's versions, not on Python's.
FIGURE_CHECKS = ("tests/test_legibility.py", "tests/test_accessibility.py")


@dataclass(frozen=True)
class Env:
    name: str
    python: str  # "X.Y"
    resolution: str  # uv's --resolution: "highest" or "lowest-direct"
    purpose: str
    pins: str = ""  # "pyodide": constrain to the versions of the Pyodide release (tools/frontend.py)
    # Strict nbval of the notebooks too. The newest-dependencies env on the oldest Python skips
    # them: `make test` already runs them with the newest dependencies (Python 3.11), and the
    # other two environments run them at the versions that differ most (CI time budget).
    notebooks: bool = True
    # The legibility and contrast checks of every figure (FIGURE_CHECKS). They depend on
    # matplotlib's version only, so they run at its two ends: the newest in `make test`, the
    # lower bound in the lowest environment. The others' matplotlib lies between the two (the
    # Pyodide release's cannot install below the lower bound), and skip them (CI time budget).
    figures: bool = True


ENVIRONMENTS = (
    Env("py3.10-newest", "3.10", "highest", "oldest supported Python, newest dependencies (no notebooks)",
        notebooks=False, figures=False),
    # Not a fourth environment: the newest Python runs at the versions the browser (beta) runs,
    # and every other dependency at its newest.
    Env(f"py{NEWEST_PYTHON}-pyodide", NEWEST_PYTHON, "highest",
        "newest Python, numpy/matplotlib/pillow of the Pyodide release", pins="pyodide", figures=False),
    # numpy 1.24 and scipy 1.10 have no wheels for Python 3.12+.
    Env("py3.10-lowest", "3.10", "lowest-direct", "oldest allowed dependency versions"),
)


class MatrixError(Exception):
    """A problem that stops one environment (or all of them) before its tests run."""


# --------------------------------------------------------------------------------------------
# Version strings and requirements (pure functions, tested in tests/test_matrix_definition.py)


def release(version: str) -> tuple[int, ...]:
    """The numeric release part of a version: ``release("1.24.0rc1") == (1, 24, 0)``."""
    m = re.match(r"\s*v?(\d+(?:\.\d+)*)", version)
    if not m:
        raise ValueError(f"not a version: {version!r}")
    return tuple(int(part) for part in m.group(1).split("."))


def lower_bounds(requirements: list[str]) -> dict[str, str]:
    """``{name: lower bound}`` for each requirement with a ``>=`` bound (extras' markers allowed).

    >>> lower_bounds(['numpy>=1.24', 'pytest>=8.0; extra == "test"', 'python-dateutil'])
    {'numpy': '1.24', 'pytest': '8.0'}
    """
    bounds = {}
    for requirement in requirements:
        spec = requirement.split(";", 1)[0]
        m = re.match(r"\s*([A-Za-z0-9][A-Za-z0-9._-]*)\s*(?:\[[^\]]*\])?\s*(.*)$", spec)
        if not m:
            continue
        name, constraints = m.groups()
        for constraint in constraints.split(","):
            lower = re.match(r"\s*>=\s*([^\s,]+)", constraint)
            if lower:
                bounds[normalise(name)] = lower.group(1)
    return bounds


def normalise(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower()


def is_lowest(bound: str, resolved: str) -> bool:
    """Whether `resolved` is in the release series the bound names.

    ``>=2.3`` is met exactly by 2.3.0 or, when 2.3.0 was yanked, 2.3.1; 2.4.0 means the bound
    could not be installed.

    >>> is_lowest("1.24", "1.24.0"), is_lowest("2.3", "2.3.1"), is_lowest("8.1", "8.2.0")
    (True, True, False)
    """
    want, have = release(bound), release(resolved)
    return have[: len(want)] + (0,) * (len(want) - len(have)) == want


def bound_mismatches(bounds: dict[str, str], resolved: dict[str, str]) -> list[str]:
    """One message for each declared lower bound that the resolved versions do not sit on."""
    problems = []
    for name, bound in sorted(bounds.items()):
        version = resolved.get(name)
        if version is None:
            problems.append(f"{name}>={bound} is declared but not installed")
        elif not is_lowest(bound, version):
            problems.append(f"{name}>={bound} is declared but the lowest resolution installs {version}")
    return problems


def parse_pinned(text: str) -> dict[str, str]:
    """``{name: version}`` from `uv pip compile` / `uv pip freeze` output (``name==version``)."""
    pins = {}
    for line in text.splitlines():
        m = re.match(r"^([A-Za-z0-9][A-Za-z0-9._-]*)==([^\s;#]+)", line.strip())
        if m:
            pins[normalise(m.group(1))] = m.group(2)
    return pins


# --------------------------------------------------------------------------------------------
# Interpreters and uv


def uv_env() -> dict[str, str]:
    env = dict(os.environ)
    env["UV_PYTHON_DOWNLOADS"] = "never"  # only registries are reachable: never fetch a Python
    env.pop("VIRTUAL_ENV", None)  # every uv call names its target explicitly
    return env


def find_uv() -> str:
    try:
        from uv import find_uv_bin  # the `uv` package from the test extra
    except ImportError:
        found = shutil.which("uv")
    else:
        found = find_uv_bin()
    if not found:
        raise MatrixError(
            "uv not found: it is in the test extra, so `make setup` installs it into .venv "
            "(or `python -m pip install uv`)"
        )
    return found


def python_version(executable: str) -> str | None:
    """"X.Y.Z" of an interpreter, or None if it does not run (a pyenv shim without a version)."""
    try:
        out = subprocess.run(
            [executable, "-c", "import platform; print(platform.python_version())"],
            capture_output=True, text=True, timeout=60, check=False,
        )
    except (OSError, subprocess.TimeoutExpired):
        return None
    return out.stdout.strip() if out.returncode == 0 else None


def interpreter_candidates(version: str, uv: str | None) -> list[tuple[str, str]]:
    """(where it came from, path) pairs to try for Python `version` ("X.Y"), best first."""
    candidates = []
    variable = "KL_PYTHON_" + version.replace(".", "_")
    if os.environ.get(variable):
        candidates.append((f"${variable}", os.environ[variable]))
    if shutil.which("pyenv"):
        out = subprocess.run(["pyenv", "prefix", version], capture_output=True, text=True, check=False)
        for prefix in out.stdout.split(":") if out.returncode == 0 else []:
            if prefix.strip():
                candidates.append(("pyenv", str(Path(prefix.strip()) / "bin" / "python")))
    pyenv_root = Path(os.environ.get("PYENV_ROOT", Path.home() / ".pyenv"))
    for prefix in sorted((pyenv_root / "versions").glob(f"{version}.*"), reverse=True):
        candidates.append(("pyenv versions", str(prefix / "bin" / "python")))
    on_path = shutil.which(f"python{version}")
    if on_path:
        candidates.append(("PATH", on_path))
    if uv:
        out = subprocess.run(
            [uv, "python", "find", "--no-python-downloads", "--system", version],
            capture_output=True, text=True, env=uv_env(), check=False,
        )
        if out.returncode == 0 and out.stdout.strip():
            candidates.append(("uv python find", out.stdout.strip()))
    return candidates


def find_python(version: str, uv: str | None) -> tuple[str, str]:
    """(path, "X.Y.Z") of a working Python `version`, or MatrixError saying what was tried."""
    tried = []
    for source, path in interpreter_candidates(version, uv):
        found = python_version(path)
        if found and found.split(".")[:2] == version.split("."):
            return path, found
        tried.append(f"{source}: {path} ({'reports ' + found if found else 'does not run'})")
    variable = "KL_PYTHON_" + version.replace(".", "_")
    detail = "; ".join(tried) if tried else "no candidate found"
    raise MatrixError(
        f"Python {version} is missing (tried ${variable}, pyenv, python{version} on PATH, "
        f"`uv python find {version}`: {detail}). Install it (e.g. `pyenv install {version}`) or set "
        f"{variable}=/path/to/python{version}."
    )


# --------------------------------------------------------------------------------------------
# Building and running one environment


def env_dir(env: Env) -> Path:
    return MATRIX_DIR / env.name


def env_python(env: Env) -> Path:
    return env_dir(env) / "bin" / "python"


def stamp_text(env: Env, interpreter_version: str, pins: dict[str, str] | None = None) -> str:
    digest = hashlib.sha256((ROOT / "pyproject.toml").read_bytes()).hexdigest()
    pinned = " ".join(f"{name}=={version}" for name, version in sorted((pins or {}).items()))
    return f"{RECIPE_VERSION} {env.resolution} python-{interpreter_version} pyproject-{digest} {pinned}\n"


def pyodide_pins() -> tuple[str, dict[str, str], list[str]]:
    """(Pyodide version, ``{name: version}``, names not in it) from the release's pyodide-lock.json.

    tools/frontend.py reads the lock (installed from npm) and names the packages to pin.
    """
    sys.path.insert(0, str(ROOT / "tools"))
    try:
        import frontend

        pins = frontend.pyodide_pins()
        return frontend.pyodide_version(), pins, [n for n in frontend.PYODIDE_PINNED if n not in pins]
    except (ImportError, frontend.FrontendError) as error:
        raise MatrixError(f"cannot read the Pyodide release's versions: {error} (`make test-matrix` "
                          "installs the site extra and runs tools/frontend.py first)") from error
    finally:
        sys.path.remove(str(ROOT / "tools"))


def constraints_path(env: Env) -> Path:
    return MATRIX_DIR / f"{env.name}.constraints.txt"


def compile_command(
    uv: str, env: Env, python: str | None = None, constraints: Path | None = None
) -> list[str]:
    """`uv pip compile` of pyproject.toml with the test extra for one environment.

    Without `python` it resolves for the environment's Python version on the current interpreter
    (what the tests do: they need no second Python). `constraints`: a file of ``name==version``.
    """
    target = ["--python", python] if python else ["--python-version", env.python, "--python", sys.executable]
    pinned = ["--constraint", str(constraints)] if constraints else []
    return [
        uv, "pip", "compile", str(ROOT / "pyproject.toml"), "--extra", EXTRA,
        "--resolution", env.resolution, *target, *pinned, "--no-header", "--no-annotate", "--quiet",
    ]


def pin_mismatches(pins: dict[str, str], installed: dict[str, str | None]) -> list[str]:
    """One message for each pinned package not installed at its pinned version.

    >>> pin_mismatches({"numpy": "2.4.6"}, {"numpy": "2.4.6"})
    []
    >>> pin_mismatches({"numpy": "2.4.6"}, {"numpy": "2.5.0"})
    ['numpy==2.4.6 (Pyodide) is pinned but 2.5.0 is installed']
    """
    return [f"{name}=={version} (Pyodide) is pinned but {installed.get(name)} is installed"
            for name, version in sorted(pins.items()) if installed.get(name) != version]


def run(command: list[str], **kwargs) -> subprocess.CompletedProcess:
    print("$", " ".join(str(part) for part in command), flush=True)
    return subprocess.run(command, cwd=ROOT, env=uv_env(), check=False, **kwargs)


def build(uv: str, env: Env, interpreter: str, interpreter_version: str, rebuild: bool,
          pins: dict[str, str] | None = None) -> bool:
    """Create or reuse .matrix/<name>; returns True if it was (re)built."""
    stamp = env_dir(env) / ".stamp"
    wanted = stamp_text(env, interpreter_version, pins)
    if not rebuild and env_python(env).exists() and stamp.exists() and stamp.read_text() == wanted:
        print(f"reusing {env_dir(env).relative_to(ROOT)} (pyproject.toml unchanged)", flush=True)
        return False
    if env_dir(env).exists():
        shutil.rmtree(env_dir(env))
    constraints = None
    if pins:
        constraints = constraints_path(env)
        constraints.write_text("".join(f"{name}=={version}\n" for name, version in sorted(pins.items())))
    steps = [
        [uv, "venv", "--quiet", "--python", interpreter, str(env_dir(env))],
        # Resolve first: the pinned list is kept in the environment as a record of what it holds.
        [*compile_command(uv, env, interpreter, constraints),
         "--output-file", str(env_dir(env) / "requirements.txt")],
        [uv, "pip", "install", "--quiet", "--python", str(env_python(env)),
         "-r", str(env_dir(env) / "requirements.txt")],
        [uv, "pip", "install", "--quiet", "--python", str(env_python(env)), "--no-deps", "-e", str(ROOT)],
    ]
    for step in steps:
        if run(step).returncode != 0:
            raise MatrixError(f"`{' '.join(step[1:3])}` failed for {env.name} (see above)")
    stamp.write_text(wanted)
    return True


PROBE = """
import importlib.metadata as md, json, platform, sys
names = json.loads(sys.argv[1])
def version(name):
    try:
        return md.version(name)
    except md.PackageNotFoundError:
        return None
print(json.dumps({
    "python": platform.python_version(),
    "versions": {name: version(name) for name in names},
    "requires": md.requires("kl-helpers") or [],
}))
"""


def probe(env: Env, names: list[str]) -> dict:
    out = subprocess.run(
        [str(env_python(env)), "-c", PROBE, json.dumps(names)],
        capture_output=True, text=True, cwd=ROOT, check=False,
    )
    if out.returncode != 0:
        raise MatrixError(f"cannot read installed versions in {env.name}: {out.stderr.strip()}")
    return json.loads(out.stdout)


@dataclass
class Result:
    env: Env
    python: str = "-"
    versions: dict | None = None
    outcome: str = "not run"
    ok: bool = False
    seconds: float = 0.0
    cpu_seconds: float = 0.0  # user + system time of its commands: steadier than wall time on a busy machine
    built: bool = False


def run_env(uv: str, env: Env, interpreter: str, interpreter_version: str, rebuild: bool) -> Result:
    result = Result(env, python=interpreter_version)
    start, cpu_start = time.monotonic(), children_cpu_seconds()
    print(f"\n=== {env.name}: {env.purpose} (Python {interpreter_version}, {env.resolution}) ===", flush=True)
    try:
        pins = None
        if env.pins == "pyodide":
            release_version, pins, absent = pyodide_pins()
            print(f"pinned to Pyodide {release_version}: "
                  + ", ".join(f"{name} {version}" for name, version in sorted(pins.items()))
                  + (f"; not in Pyodide (installed from PyPI at run time, so newest here too): "
                     f"{', '.join(absent)}" if absent else ""), flush=True)
        result.built = build(uv, env, interpreter, interpreter_version, rebuild, pins)
        declared = lower_bounds(probe(env, [])["requires"])
        info = probe(env, sorted(set(REPORTED) | set(declared)))
        result.python = info["python"]
        result.versions = info["versions"]
        print("installed: " + ", ".join(f"{n} {info['versions'][n]}" for n in REPORTED), flush=True)
        if pins:
            problems = pin_mismatches(pins, info["versions"])
            if problems:
                print("Pyodide pins not met:\n  " + "\n  ".join(problems), flush=True)
                result.outcome = "FAILED: pins"
                return result
        if env.resolution == "lowest-direct":
            installed = {name: v for name, v in info["versions"].items() if v}
            problems = bound_mismatches(declared, installed)
            if problems:
                print("lower bounds not met:\n  " + "\n  ".join(problems), flush=True)
                result.outcome = "FAILED: bounds"
                return result
            print(f"every declared lower bound is installed ({len(declared)} packages)", flush=True)
        env_vars = uv_env()
        env_vars["VIRTUAL_ENV"] = str(env_dir(env))
        env_vars["PATH"] = f"{env_dir(env) / 'bin'}{os.pathsep}{env_vars.get('PATH', '')}"
        command = [str(env_python(env)), *pytest_arguments(env)]
        print("$", " ".join(command), flush=True)
        code = subprocess.run(command, cwd=ROOT, env=env_vars, check=False).returncode
        result.ok = code == 0
        result.outcome = "passed" if result.ok else f"FAILED: pytest exit {code}"
    except MatrixError as error:
        print(f"error: {error}", flush=True)
        result.outcome = "FAILED: setup"
    finally:
        result.seconds = time.monotonic() - start
        result.cpu_seconds = children_cpu_seconds() - cpu_start
    return result


def pytest_arguments(env: Env) -> list[str]:
    """What the environment's ``python`` runs: pytest on what can differ between versions.

    >>> args = pytest_arguments(ENVIRONMENTS[0])
    >>> "--ignore=tests/test_teachers_guide.py" in args, "--ignore=tests/test_legibility.py" in args
    (True, True)
    >>> "--ignore=tests/test_legibility.py" in pytest_arguments(ENVIRONMENTS[2])
    False
    """
    ignored = [*SAME_IN_EVERY_VERSION, *(() if env.figures else FIGURE_CHECKS)]
    # Without notebooks: name the test folders (pytest does not --ignore its own testpaths).
    return [*PYTEST_ARGS, *(f"--ignore={path}" for path in ignored),
            *(() if env.notebooks else ("tests", "kl_helpers"))]


def children_cpu_seconds() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def table(results: list[Result]) -> str:
    header = ["env", "python", *REPORTED, "result", "wall time", "cpu time"]
    rows = [header]
    for r in results:
        versions = r.versions or {}
        built = " (built)" if r.built else ""
        rows.append([
            r.env.name, r.python, *(versions.get(n) or "-" for n in REPORTED),
            r.outcome, f"{r.seconds:.0f} s{built}", f"{r.cpu_seconds:.0f} s",
        ])
    widths = [max(len(row[i]) for row in rows) for i in range(len(header))]
    lines = ["  ".join(cell.ljust(w) for cell, w in zip(row, widths, strict=True)).rstrip() for row in rows]
    lines.insert(1, "  ".join("-" * w for w in widths))
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--env", action="append", choices=[e.name for e in ENVIRONMENTS],
                        help="run only this environment (repeatable)")
    parser.add_argument("--rebuild", action="store_true", help="recreate the environments")
    parser.add_argument("--list", action="store_true", help="list the environments and exit")
    args = parser.parse_args(argv)
    selected = [e for e in ENVIRONMENTS if not args.env or e.name in args.env]
    if args.list:
        for e in selected:
            print(f"{e.name:16} Python {e.python:5} {e.resolution:14} {e.purpose}")
        return 0

    try:
        uv = find_uv()
        interpreters = {}
        missing = []
        for version in sorted({e.python for e in selected}):
            try:
                interpreters[version] = find_python(version, uv)
            except MatrixError as error:
                missing.append(str(error))
        if missing:
            raise MatrixError("\n".join(missing))
    except MatrixError as error:
        print(f"test-matrix: {error}", file=sys.stderr)
        return 2

    MATRIX_DIR.mkdir(exist_ok=True)
    start = time.monotonic()
    results = [run_env(uv, e, *interpreters[e.python], args.rebuild) for e in selected]
    print(f"\n=== test matrix ({time.monotonic() - start:.0f} s) ===")
    print(table(results))
    passed = sum(r.ok for r in results)
    # A closing line in the plain "N passed, N failed" form, counting environments.
    print(f"matrix: {passed} passed, {len(results) - passed} failed")
    return 0 if passed == len(results) else 1


if __name__ == "__main__":
    sys.exit(main())
