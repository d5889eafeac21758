"""The course's entry point on any laptop: Windows, macOS or Linux, with only Python (no make, no shell).

    python tools/course.py setup        create .venv and install the course into it
    python tools/course.py lab          JupyterLab on your work copies in work/ (created on first use)
    python tools/course.py explore      the explorer dashboard with Voilà, code hidden
    python tools/course.py test         ruff and pytest, what `make test` runs
    python tools/course.py work         create work/, or add lessons that are new in the course
    python tools/course.py reset 03     replace lesson 03's work copy with the current version (backup kept)

On Windows write ``py tools\\course.py lab`` (or ``python``). ``make lab``, ``make explore`` and ``make test``
call this file, so there is one implementation. Standard library only: it runs before anything is installed.

Work copies. You type your answers into ``work/`` (git-ignored), never into ``notebooks/``: a ``git pull`` or
a new release then updates ``notebooks/`` without touching your answers. ``work/`` starts as a copy of the
student view (the lessons, the explorer, the contents and notation pages, and ``solutions/`` so the links
between notebooks keep working). Later launches copy in notebooks that are new in the course and never
overwrite a file that is already there. ``reset NN`` puts the current version of lesson NN in place and
keeps the old copy in ``work/backups/``.
"""

from __future__ import annotations

import argparse
import datetime
import filecmp
import os
import shutil
import subprocess
import sys
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
VENV = ".venv"
WORK = "work"
BACKUPS = "backups"
#: Written after a complete install, as the Makefile's stamp: `make` reinstalls when pyproject.toml is newer.
STAMPS = {"test": ".installed", "lab": ".installed-lab"}
#: The oldest Python the course supports (requires-python in pyproject.toml).
MIN_PYTHON = (3, 10)


# --- the virtual environment -------------------------------------------------------------------------


def venv_python(venv: Path, windows: bool | None = None) -> Path:
    """The Python inside a virtual environment: ``Scripts/python.exe`` on Windows, ``bin/python`` elsewhere.

    ``windows`` defaults to the running system; the tests pass it to check the other layout.
    """
    if windows is None:
        windows = os.name == "nt"
    return venv / "Scripts" / "python.exe" if windows else venv / "bin" / "python"


def installed(root: Path, extra: str, windows: bool | None = None) -> bool:
    """True when ``.venv`` holds an install of ``extra`` newer than pyproject.toml (``test`` has ``lab``)."""
    venv = root / VENV
    if not venv_python(venv, windows).exists():
        return False
    newest = (root / "pyproject.toml").stat().st_mtime
    names = [STAMPS["test"]] if extra == "test" else [STAMPS["test"], STAMPS["lab"]]
    return any((venv / n).exists() and (venv / n).stat().st_mtime >= newest for n in names)


def check_python(version: Sequence[int] = tuple(sys.version_info)) -> None:
    """Refuse a Python older than the course supports (macOS's own python3 is 3.9) before making .venv."""
    if tuple(version[:2]) < MIN_PYTHON:
        found, needed = ".".join(map(str, version[:3])), ".".join(map(str, MIN_PYTHON))
        raise CourseError(
            f"setup: this is Python {found}; the course needs Python >= {needed}. Install a newer one from "
            "https://www.python.org/downloads/ and run this file with it, e.g. "
            "`py -3.12 tools\\course.py setup` (Windows) or `python3.12 tools/course.py setup`"
            " (macOS, Linux); see docs/troubleshooting.md")


def setup(root: Path, extra: str = "test") -> Path:
    """Create ``.venv`` with ``python -m venv`` and install the course with ``extra``; returns its Python."""
    check_python()
    venv = root / VENV
    python = venv_python(venv)
    if not python.exists():
        print(f"creating the virtual environment {venv}")
        _run([sys.executable, "-m", "venv", str(venv)])
    _run([str(python), "-m", "pip", "install", "--quiet", "--upgrade", "pip"])
    print(f'installing the course with pip install -e ".[{extra}]" (a few minutes the first time)')
    _run([str(python), "-m", "pip", "install", "--quiet", "-e", f".[{extra}]"], cwd=root)
    (venv / STAMPS[extra]).touch()
    return python


def ensure_setup(root: Path, extra: str) -> Path:
    """The environment's Python, installing first when ``.venv`` is missing or older than pyproject.toml."""
    if not installed(root, extra):
        setup(root, extra)
    return venv_python(root / VENV)


def _run(command: Sequence[str], cwd: Path | None = None, env: Mapping[str, str] | None = None) -> None:
    result = subprocess.run(list(command), cwd=cwd, env=None if env is None else dict(env), check=False)
    if result.returncode != 0:
        sys.exit(f"this command failed (exit code {result.returncode}): {' '.join(command)}")


# --- work copies -------------------------------------------------------------------------------------


def student_view(notebooks: Path) -> list[Path]:
    """Every notebook a student opens, relative to ``notebooks``: lessons, pages, explorer, solutions,
    and the Chinese edition (``zh/``, laid out like ``notebooks/``)."""
    files = [*notebooks.glob("*.ipynb"), *(notebooks / "solutions").glob("*.ipynb"),
             *(notebooks / "zh").glob("*.ipynb"), *(notebooks / "zh" / "solutions").glob("*.ipynb")]
    return sorted(f.relative_to(notebooks) for f in files)


@dataclass
class WorkReport:
    """What :func:`sync_work` did: the files it copied in and the work copies it left alone."""

    folder: Path
    added: list[Path] = field(default_factory=list)
    kept: list[Path] = field(default_factory=list)

    def summary(self) -> str:
        if not self.added:
            return f"your work copies: {self.folder} ({len(self.kept)} notebooks, nothing new in the course)"
        names = ", ".join(p.as_posix() for p in self.added[:4]) + (" …" if len(self.added) > 4 else "")
        return (f"your work copies: {self.folder} (added {len(self.added)} new: {names}; "
                f"kept {len(self.kept)} you already had, unchanged)")


def sync_work(notebooks: Path, work: Path) -> WorkReport:
    """Create ``work`` as a copy of the student view, or add notebooks new in the course; never overwrite."""
    report = WorkReport(work)
    for relative in student_view(notebooks):
        target = work / relative
        if target.exists():
            report.kept.append(relative)
            continue
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(notebooks / relative, target)
        report.added.append(relative)
    return report


def lessons(notebooks: Path) -> dict[str, Path]:
    """Lesson number ("03") -> the lesson's notebook."""
    return {p.name[:2]: p for p in sorted(notebooks.glob("[0-9][0-9]_*.ipynb"))}


class CourseError(Exception):
    """A mistake in how the entry point was called; the message names the argument and the fix."""


def reset_lesson(
    notebooks: Path, work: Path, number: str | None, now: datetime.datetime | None = None
) -> str:
    """Replace lesson ``number``'s work copy with the current version, moving the old one to work/backups/.

    Only that one file changes (and a backup is added). Returns what was done, for the user.
    """
    available = lessons(notebooks)
    if number is None:
        raise CourseError(
            "reset: which lesson? Give its two-digit number, e.g. `python tools/course.py reset 03` "
            "(or `make reset NB=03`)")
    if number not in available:
        raise CourseError(
            f"reset: lesson number {number!r} is not a lesson of the course; give one of "
            f"{', '.join(available)} as two digits, e.g. `python tools/course.py reset 03` "
            "(or `make reset NB=03`)")
    source = available[number]
    target = work / source.name
    if not target.exists():
        work.mkdir(parents=True, exist_ok=True)
        shutil.copy2(source, target)
        return f"{target} did not exist: copied the current version of lesson {number}"
    if filecmp.cmp(source, target, shallow=False):
        return f"{target} is already the current version of lesson {number}: nothing to reset"
    stamp = (now or datetime.datetime.now()).strftime("%Y%m%d-%H%M%S")  # no ':' (not allowed on Windows)
    backups = work / BACKUPS
    backups.mkdir(exist_ok=True)
    backup = backups / f"{source.stem}.{stamp}.ipynb"
    counter = 1
    while backup.exists():  # two resets within one second
        backup = backups / f"{source.stem}.{stamp}-{counter}.ipynb"
        counter += 1
    shutil.move(target, backup)
    shutil.copy2(source, target)
    return f"lesson {number}: {target} is the current version again; your previous copy is in {backup}"


# --- servers -----------------------------------------------------------------------------------------


def jupyter_env(root: Path) -> dict[str, str]:
    """The course's Jupyter settings: the save hook storing panels as pictures, Voilà's offline template."""
    return {
        "JUPYTER_CONFIG_PATH": str(root / "tools" / "jupyter" / "config"),
        "JUPYTER_PATH": str(root / "tools" / "jupyter" / "data"),
    }


def running_as_root() -> bool:
    """True on POSIX as root (JupyterLab then needs --allow-root; containers and CI often are root)."""
    return hasattr(os, "geteuid") and os.geteuid() == 0


def lab_arguments(work: Path) -> list[str]:
    """JupyterLab's arguments for the course (the browser tests start their server with these too)."""
    return [f"--notebook-dir={work}", *(["--allow-root"] if running_as_root() else [])]


@dataclass
class Launch:
    """A server to start: the command, the variables it adds to the environment, the folder it serves."""

    command: list[str]
    env: dict[str, str]
    folder: Path
    message: str

    def describe(self) -> str:
        lines = [f"folder: {self.folder}", f"command: {_quoted(self.command)}"]
        lines += [f"env: {name}={value}" for name, value in self.env.items()]
        return "\n".join(lines)

    def run(self) -> int:
        print(self.message, flush=True)
        try:
            return subprocess.run(self.command, env={**os.environ, **self.env}, check=False).returncode
        except KeyboardInterrupt:  # Ctrl+C stops the server: a normal way to finish
            return 0


def _quoted(command: Sequence[str]) -> str:
    return " ".join(f'"{part}"' if " " in part else part for part in command)


def lab_launch(root: Path, python: Path) -> Launch:
    work = root / WORK
    return Launch(
        [str(python), "-m", "jupyterlab", *lab_arguments(work)], jupyter_env(root), work,
        "JupyterLab opens in your browser on your work copies in work/; if it does not, open the "
        "http://localhost:8888/lab?token=... link printed below. Stop it with Ctrl+C.")


def explore_launch(root: Path, python: Path) -> Launch:
    # The explorer runs the course's own notebooks: Voilà never saves, so there is nothing to keep.
    notebooks = root / "notebooks"
    return Launch(
        [str(python), "-m", "voila", str(notebooks), "--Voila.open_browser=False"],
        jupyter_env(root), notebooks,
        "The explorer: http://localhost:8866/voila/render/explorer.ipynb "
        "(every lesson is listed at http://localhost:8866/). Stop it with Ctrl+C.")


# --- command line ------------------------------------------------------------------------------------


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="python tools/course.py",
        description="Set up, launch and test the KL divergence course on Windows, macOS or Linux.",
        epilog="Windows (PowerShell): py tools\\course.py lab. Your answers live in work/ (see README).")
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    setup_cmd = commands.add_parser("setup", help="create .venv and install the course into it")
    setup_cmd.add_argument("--extra", choices=sorted(STAMPS), default="test",
                           help="test (default: everything, as `make setup`) or lab (JupyterLab, Voilà)")
    for name, text in (("lab", "JupyterLab on your work copies in work/"),
                       ("explore", "the explorer dashboard with Voilà, code hidden")):
        cmd = commands.add_parser(name, help=text)
        cmd.add_argument("--dry-run", action="store_true",
                         help="print the folder, command and environment variables, start nothing")
    test_cmd = commands.add_parser("test", help="ruff check . and pytest (Chromium: see README)")
    test_cmd.add_argument("pytest_args", nargs="*", metavar="PYTEST_ARG",
                          help="passed on to pytest unchanged, e.g. tests -q (default: the whole suite)")
    commands.add_parser("work", help="create work/ or add notebooks new in the course (never overwrites)")
    reset_cmd = commands.add_parser("reset", help="replace one lesson's work copy with the current version")
    reset_cmd.add_argument("lesson", nargs="?", help="the lesson's two-digit number, e.g. 03")
    return parser


def parallel(pytest_args: Sequence[str], cpus: int | None = None) -> list[str]:
    """pytest-xdist's options for the suite: a worker per core, up to four; none if the caller chose.

    Whole groups go to a worker (conftest.py). The longest, the browser tests that share a
    server or the website, take minutes on any number of workers, so more than four only add
    kernels and memory. Not more workers than cores: the browser tests keep the cores busy
    (Chromium, the servers, their kernels), and a third worker on 2 cores made `make test`
    slower (18:54 against 15:23). ``-n 0`` (or ``-p no:xdist``) runs the tests in one process,
    where ``-s`` and ``--pdb`` work.

    >>> parallel([], cpus=2)
    ['-n', '2']
    >>> parallel(["tests", "-n", "0"], cpus=2)
    []
    """
    chosen = any(a in ("-n", "--numprocesses", "no:xdist") or a.startswith(("-n", "--numprocesses="))
                 for a in pytest_args if not a.startswith("--nbval"))
    if chosen:
        return []
    return ["-n", str(min(4, cpus if cpus is not None else os.cpu_count() or 1))]


def main(argv: Sequence[str] | None = None, root: Path = ROOT) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    pytest_args: list[str] = []
    if argv[:1] == ["test"] and argv[1:2] not in (["-h"], ["--help"]):
        argv, pytest_args = ["test"], argv[1:]  # verbatim: argparse would reorder pytest's options
    args = _parser().parse_args(argv)
    notebooks, work = root / "notebooks", root / WORK
    try:
        if args.command == "setup":
            setup(root, args.extra)
        elif args.command == "work":
            print(sync_work(notebooks, work).summary())
        elif args.command == "reset":
            print(reset_lesson(notebooks, work, args.lesson))
        elif args.command in ("lab", "explore"):
            if args.dry_run:
                python = venv_python(root / VENV)
            else:
                python = ensure_setup(root, "lab")
            launch = (lab_launch if args.command == "lab" else explore_launch)(root, python)
            if args.dry_run:
                print(launch.describe())
                return 0
            if args.command == "lab":
                print(sync_work(notebooks, work).summary())
            return launch.run()
        elif args.command == "test":
            python = ensure_setup(root, "test")
            # The Chromium the browser tests drive is installed by `make browser` (apt-get), not here.
            _run([str(python), "-m", "ruff", "check", "."], cwd=root)
            return subprocess.run([str(python), "-m", "pytest", *parallel(pytest_args), *pytest_args],
                                  cwd=root, check=False).returncode
    except CourseError as error:
        print(f"error: {error}", file=sys.stderr)
        return 2
    return 0


if __name__ == "__main__":
    sys.exit(main())
