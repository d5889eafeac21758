"""tools/course.py, the entry point that works without make (Windows, macOS, Linux).

Run as a student runs it, ``python tools/course.py ...`` in a subprocess, in a copy of the course
under pytest's temporary directory (the script finds the course from its own location, so nothing
here touches the repository's own work/). The servers themselves are started by the browser tests
with the arguments and settings this file checks (tests/browser/conftest.py).
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tools"))
import course  # noqa: E402

LESSON = "03_sample_approximation.ipynb"


@pytest.fixture
def tree(tmp_path: Path) -> Path:
    """A copy of the course (the entry point, its Jupyter settings, pyproject.toml, the notebooks)."""
    root = tmp_path / "course"
    (root / "tools").mkdir(parents=True)
    shutil.copy2(ROOT / "tools" / "course.py", root / "tools" / "course.py")
    shutil.copytree(ROOT / "tools" / "jupyter", root / "tools" / "jupyter")
    shutil.copy2(ROOT / "pyproject.toml", root / "pyproject.toml")
    shutil.copytree(ROOT / "notebooks", root / "notebooks",
                    ignore=shutil.ignore_patterns(".ipynb_checkpoints"))
    return root


def run(root: Path, *args: str, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    """``python tools/course.py ARGS`` as a student types it (no make, no shell)."""
    return subprocess.run([sys.executable, str(root / "tools" / "course.py"), *args], cwd=cwd or root,
                          capture_output=True, text=True, timeout=60, check=False)


def files(folder: Path) -> dict[str, bytes]:
    """Every file under ``folder`` (relative POSIX path -> bytes)."""
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in folder.rglob("*") if p.is_file()}


def student_view() -> set[str]:
    notebooks = ROOT / "notebooks"
    return {p.relative_to(notebooks).as_posix()
            for p in [*notebooks.glob("*.ipynb"), *notebooks.glob("solutions/*.ipynb"),
                      *notebooks.glob("zh/*.ipynb"), *notebooks.glob("zh/solutions/*.ipynb")]}


def test_help_lists_every_command(tree: Path) -> None:
    result = run(tree, "--help")
    assert result.returncode == 0, result.stderr
    for command in ("setup", "lab", "explore", "test", "work", "reset"):
        assert f"    {command} " in result.stdout, f"--help does not list {command!r}:\n{result.stdout}"


def test_first_use_creates_the_student_view(tree: Path) -> None:
    assert not (tree / "work").exists()
    result = run(tree, "work")
    assert result.returncode == 0, result.stderr
    work = files(tree / "work")
    # Lessons, explorer, contents and notation pages, and solutions/ (links between them keep working).
    expected = student_view()
    assert {"index.ipynb", "notation.ipynb", "explorer.ipynb", LESSON, f"solutions/{LESSON}"} <= expected
    assert set(work) == expected
    assert all(work[name] == (tree / "notebooks" / name).read_bytes() for name in work)
    assert f"added {len(expected)} new" in result.stdout


def test_later_launches_add_new_notebooks_and_never_overwrite(tree: Path) -> None:
    assert run(tree, "work").returncode == 0
    answered = tree / "work" / LESSON
    answered.write_bytes(answered.read_bytes().replace(b"None", b"0.25", 1))  # a student's answer
    # An update: lesson 03 changes in the course, and a new lesson and a new solution arrive.
    course_03 = tree / "notebooks" / LESSON
    course_03.write_bytes(course_03.read_bytes().replace(b"KL", b"Kullback-Leibler", 1))
    shutil.copy2(course_03, tree / "notebooks" / "07_new_lesson.ipynb")
    shutil.copy2(course_03, tree / "notebooks" / "solutions" / "07_new_lesson.ipynb")
    before = files(tree / "work")

    result = run(tree, "work")
    assert result.returncode == 0, result.stderr
    after = files(tree / "work")
    assert set(after) - set(before) == {"07_new_lesson.ipynb", "solutions/07_new_lesson.ipynb"}
    assert all(after[name] == content for name, content in before.items()), "a work copy was overwritten"
    assert b"0.25" in after[LESSON] and after[LESSON] != course_03.read_bytes()
    assert "added 2 new" in result.stdout


def test_reset_replaces_only_the_named_lesson_and_keeps_a_backup(tree: Path) -> None:
    assert run(tree, "work").returncode == 0
    work = tree / "work"
    for name in (LESSON, "01_definition.ipynb", "solutions/" + LESSON):  # answers in several files
        path = work / name
        path.write_bytes(path.read_bytes().replace(b"None", b"0.5", 1))
    old_03 = (work / LESSON).read_bytes()
    before = files(work)

    result = run(tree, "reset", "03")
    assert result.returncode == 0, result.stderr
    after = files(work)
    assert after[LESSON] == (tree / "notebooks" / LESSON).read_bytes()
    backups = [name for name in after if name not in before]
    assert len(backups) == 1 and backups[0].startswith("backups/03_sample_approximation."), backups
    assert after[backups[0]] == old_03
    assert str(work / backups[0]) in result.stdout, "the message does not say where the backup is"
    untouched = [name for name in before if name != LESSON]
    assert untouched and all(after[name] == before[name] for name in untouched)

    # A second reset of an unchanged copy has nothing to do and adds no backup.
    again = run(tree, "reset", "03")
    assert again.returncode == 0 and "nothing to reset" in again.stdout
    assert files(work) == after


@pytest.mark.parametrize("args", [["reset", "3"], ["reset", "99"], ["reset", "03_sample"], ["reset"]])
def test_bad_lesson_number_names_the_argument_and_the_fix(tree: Path, args: list[str]) -> None:
    assert run(tree, "work").returncode == 0
    before = files(tree / "work")
    result = run(tree, *args)
    assert result.returncode == 2
    assert "lesson" in result.stderr and "reset 03" in result.stderr, result.stderr
    if len(args) == 2:
        assert f"lesson number {args[1]!r}" in result.stderr and "00, 01" in result.stderr
    assert files(tree / "work") == before


def _dry_run(tree: Path, command: str, cwd: Path) -> dict[str, str]:
    result = run(tree, command, "--dry-run", cwd=cwd)
    assert result.returncode == 0, result.stderr
    fields: dict[str, str] = {}
    for line in result.stdout.splitlines():
        key, value = line.split(": ", 1)
        if key == "env":
            key, value = value.split("=", 1)
        fields[key] = value
    return fields


@pytest.mark.parametrize("command", ["lab", "explore"])
def test_dry_run_shows_folder_command_and_settings(tree: Path, tmp_path: Path, command: str) -> None:
    # From another folder: everything is found from the script's location, not the current folder.
    shown = _dry_run(tree, command, cwd=tmp_path)
    python = course.venv_python(tree / ".venv")
    folder = tree / ("work" if command == "lab" else "notebooks")
    assert shown["folder"] == str(folder)
    config = Path(shown["JUPYTER_CONFIG_PATH"])
    assert config == tree / "tools" / "jupyter" / "config"
    # The save hook that stores panels as pictures applies to whatever folder the server opens.
    assert "pre_save_hook" in (config / "jupyter_server_config.py").read_text(encoding="utf-8")
    assert Path(shown["JUPYTER_PATH"]) == tree / "tools" / "jupyter" / "data"
    assert (Path(shown["JUPYTER_PATH"]) / "voila" / "templates").is_dir()
    if command == "lab":
        root_flag = " --allow-root" if hasattr(os, "geteuid") and os.geteuid() == 0 else ""
        assert shown["command"] == f"{python} -m jupyterlab --notebook-dir={folder}{root_flag}"
    else:
        assert shown["command"] == f"{python} -m voila {folder} --Voila.open_browser=False"
    assert not (tree / "work").exists() and not (tree / ".venv").exists(), "a dry run changed something"


def test_venv_python_on_windows_and_elsewhere(tmp_path: Path) -> None:
    # A simulated Windows environment: python -m venv makes Scripts\python.exe there, bin/python elsewhere.
    windows_root, posix_root = tmp_path / "windows", tmp_path / "posix"
    (windows_root / ".venv" / "Scripts").mkdir(parents=True)
    (windows_root / ".venv" / "Scripts" / "python.exe").touch()
    (posix_root / ".venv" / "bin").mkdir(parents=True)
    (posix_root / ".venv" / "bin" / "python").touch()
    for root in (windows_root, posix_root):
        shutil.copy2(ROOT / "pyproject.toml", root / "pyproject.toml")

    windows_venv, posix_venv = windows_root / ".venv", posix_root / ".venv"
    assert course.venv_python(windows_venv, windows=True) == windows_venv / "Scripts" / "python.exe"
    assert course.venv_python(posix_venv, windows=False) == posix_venv / "bin" / "python"
    assert course.venv_python(posix_venv) == course.venv_python(posix_venv, os.name == "nt")

    # Installed means: the right Python for the platform, and a stamp newer than pyproject.toml.
    assert not course.installed(windows_root, "lab", windows=True)
    (windows_root / ".venv" / ".installed-lab").touch()
    assert course.installed(windows_root, "lab", windows=True)
    assert not course.installed(windows_root, "lab", windows=False), "found a POSIX python in a Windows venv"
    assert not course.installed(windows_root, "test", windows=True), "the lab extra does not have the tests"
    (posix_root / ".venv" / ".installed").touch()
    assert course.installed(posix_root, "lab", windows=False) and course.installed(posix_root, "test", False)
    os.utime(posix_root / "pyproject.toml", (2e9, 2e9))  # pyproject.toml changed after the install
    assert not course.installed(posix_root, "test", windows=False)


def test_test_command_runs_ruff_then_pytest_with_arguments_verbatim(monkeypatch: pytest.MonkeyPatch) -> None:
    # Not run for real here (it would run this suite inside itself): check the commands it would run.
    calls: list[list[str]] = []
    monkeypatch.setattr(course, "ensure_setup", lambda root, extra: Path("venv-python"))
    monkeypatch.setattr(course, "_run", lambda command, cwd=None, env=None: calls.append(list(command)))
    monkeypatch.setattr(course.subprocess, "run", lambda command, **kw: (
        calls.append(list(command)), subprocess.CompletedProcess(command, 3))[1])
    assert course.main(["test", "tests", "-k", "kl or entropy", "--ignore=tests/browser", "-q"]) == 3
    assert calls == [
        ["venv-python", "-m", "ruff", "check", "."],
        ["venv-python", "-m", "pytest", *course.parallel(["--ignore=tests/browser"]), "tests", "-k",
         "kl or entropy", "--ignore=tests/browser", "-q"],
    ]
    assert course.parallel([], cpus=2) == ["-n", "2"] and course.parallel([], cpus=64) == ["-n", "4"]
    # The caller's choice wins: one process, where -s and --pdb work.
    assert course.parallel(["tests", "-n", "0"]) == course.parallel(["-p", "no:xdist"]) == []


def test_too_old_python_is_refused_with_the_fix() -> None:
    pyproject = (ROOT / "pyproject.toml").read_text(encoding="utf-8")  # (tomllib needs Python 3.11)
    requires = re.search(r'^requires-python = "(.*)"$', pyproject, re.MULTILINE).group(1)
    assert requires == ">=" + ".".join(map(str, course.MIN_PYTHON)), "MIN_PYTHON and pyproject.toml disagree"
    course.check_python((3, 10, 0))
    too_old = r"Python 3\.9\.6; the course needs Python >= 3\.10"
    with pytest.raises(course.CourseError, match=too_old) as error:
        course.check_python((3, 9, 6))  # macOS's /usr/bin/python3
    assert "python.org" in str(error.value) and "course.py setup" in str(error.value)
