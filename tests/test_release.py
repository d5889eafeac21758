"""The install cell and the release pin (tools/set_release.py).

Every notebook's first code cell imports the helpers through an install block: a no-op where the
package is installed (locally, Binder, nbval, which proves it prints nothing), an install
elsewhere (Colab or a hub: pip from the repository at the release tag; the in-browser kernel:
micropip from the wheels bundled with the site). The block, `release` in the settings and the
package version must agree, and `python tools/set_release.py vX.Y.Z` keeps them so.
"""

import ast
import json
import re
import shlex
import shutil
import sys
from pathlib import Path

import pytest
from IPython.core.inputtransformer2 import TransformerManager
from packaging.requirements import Requirement

import kl_helpers

try:
    import tomllib
except ModuleNotFoundError:  # Python 3.10: pytest depends on tomli there
    import tomli as tomllib

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tools"))
import course_links  # noqa: E402
import set_release  # noqa: E402

SETTINGS = course_links.settings()
VERSION = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]["version"]
BLOCK = set_release.install_block(SETTINGS["repository"], SETTINGS["release"])
ALL_NOTEBOOKS = sorted(p for p in (ROOT / "notebooks").rglob("*.ipynb")
                       if ".ipynb_checkpoints" not in p.parts)


def _nb(path: Path) -> dict:
    return json.loads(path.read_text(encoding="utf-8"))


def _source(cell: dict) -> str:
    return "".join(cell["source"])


#: Notebooks with code: each must open with the install block (pages without code import nothing).
NOTEBOOKS = [p for p in ALL_NOTEBOOKS if set_release.first_code_cell(_nb(p)) is not None]


def test_notebooks_are_found():
    assert len(NOTEBOOKS) >= 7 and any(p.name == "explorer.ipynb" for p in NOTEBOOKS)


def test_release_is_the_package_version():
    assert kl_helpers.__version__ == VERSION
    assert SETTINGS["release"] == f"v{VERSION}"


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: str(p.relative_to(ROOT / "notebooks")))
def test_first_code_cell_has_the_install_block_of_this_release(path):
    cells = [c for c in _nb(path)["cells"] if c["cell_type"] == "code"]
    first = set_release.first_code_cell({"cells": cells})
    assert BLOCK in _source(first), f"{path.name}: run `python tools/set_release.py v{VERSION}`"
    assert not set_release.BARE.search(_source(first))
    # The block is the only install in the notebook.
    assert sum("%pip" in _source(c) for c in cells) == 1


def test_readme_shows_the_install_block_of_this_release():
    assert BLOCK in (ROOT / "README.md").read_text(encoding="utf-8")


def test_set_release_check_passes_on_the_repository(capsys):
    assert set_release.main(["--check"]) == 0
    assert f"every file pins v{VERSION}" in capsys.readouterr().out


# ---- what the block does in each place --------------------------------------------------------


class FakeShell:
    """Stands in for IPython: records %pip calls, and "installs" by making kl_helpers importable."""

    def __init__(self, monkeypatch):
        self.calls: list[tuple[str, str]] = []
        self.monkeypatch = monkeypatch

    def run_line_magic(self, name: str, line: str) -> None:
        self.calls.append((name, line))
        self.monkeypatch.setitem(sys.modules, "kl_helpers", kl_helpers)


def _run_block(monkeypatch, installed: bool, platform: str) -> tuple[FakeShell, dict]:
    shell = FakeShell(monkeypatch)
    if not installed:  # `import kl_helpers` raises ModuleNotFoundError, as where it is not installed
        monkeypatch.setitem(sys.modules, "kl_helpers", None)
    monkeypatch.setattr(sys, "platform", platform)
    namespace = {"get_ipython": lambda: shell}
    exec(compile(TransformerManager().transform_cell(BLOCK), "<install cell>", "exec"), namespace)
    return shell, namespace


def test_block_is_a_no_op_where_the_package_is_installed(monkeypatch):
    shell, namespace = _run_block(monkeypatch, installed=True, platform="linux")
    assert shell.calls == [] and namespace["kh"] is kl_helpers


def test_block_installs_from_the_repository_at_the_release_tag(monkeypatch):
    shell, namespace = _run_block(monkeypatch, installed=False, platform="linux")
    (name, line), = shell.calls
    assert name == "pip" and namespace["kh"] is kl_helpers
    command, flag, requirement = shlex.split(line)
    assert (command, flag) == ("install", "--quiet")
    requirement = Requirement(requirement)
    assert requirement.name == "kl-helpers"
    assert requirement.url == f"git+{SETTINGS['repository']}@{SETTINGS['release']}"


def test_block_installs_the_bundled_wheel_in_the_browser(monkeypatch):
    shell, namespace = _run_block(monkeypatch, installed=False, platform="emscripten")
    (name, line), = shell.calls
    assert name == "pip" and namespace["kh"] is kl_helpers
    assert shlex.split(line) == ["install", "--quiet", f"kl-helpers=={VERSION}"]


def test_block_stays_valid_under_the_in_browser_kernels_pip_transform():
    # jupyterlite/pyodide-kernel (litetransform.py) rewrites each `%pip` line, indentation kept, into
    # `await piplite.install(...)` before running the cell with top-level await allowed; the cell
    # must still compile, and piplite must see one package per line.
    lines = []
    for line in BLOCK.splitlines():
        match = re.match(r"^(\s*)%pip\b(.*)$", line)
        if match:
            args = shlex.split(match[2])
            assert args[:2] == ["install", "--quiet"] and len(args) == 3, args
            line = f"{match[1]}await __import__('piplite').install(requirements={args[2:]!r})"
        lines.append(line)
    compile("\n".join(lines), "<lite cell>", "exec", flags=ast.PyCF_ALLOW_TOP_LEVEL_AWAIT)


def test_block_fits_the_line_length():
    # ruff lints the notebooks (line-length 110); URL lines are exempt there, the rest must fit.
    assert all(len(line) <= 110 for line in BLOCK.splitlines() if "://" not in line)


# ---- the tool, on a copy of the repository's files ---------------------------------------------


@pytest.fixture
def copy(tmp_path) -> Path:
    for name in ("tools/course_settings.json", "pyproject.toml", "kl_helpers/__init__.py", "README.md",
                 "CITATION.cff"):
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(ROOT / name, tmp_path / name)
    shutil.copytree(ROOT / "notebooks", tmp_path / "notebooks",
                    ignore=shutil.ignore_patterns(".ipynb_checkpoints"))
    return tmp_path


def _files(root: Path) -> dict[str, str]:
    paths = [root / "tools/course_settings.json", root / "pyproject.toml", root / "kl_helpers/__init__.py",
             root / "README.md", root / "CITATION.cff", *sorted((root / "notebooks").rglob("*.ipynb"))]
    return {p.relative_to(root).as_posix(): p.read_text(encoding="utf-8") for p in paths}


def _run(root: Path, *args: str) -> int:
    return set_release.main([*args, "--root", str(root)])


def _without_first_code_source(text: str) -> dict:
    nb = json.loads(text)
    cell = set_release.first_code_cell(nb)
    if cell is not None:
        cell["source"] = None
    # The footer's version-and-licences line (tools/stamp.py) changes with the release too.
    for other in nb["cells"]:
        if other["cell_type"] == "markdown":
            other["source"] = set_release.stamp.LINE.sub("", "".join(other["source"]))
    return nb


def test_tool_pins_another_release_and_changes_only_the_install_cells(copy, capsys):
    before = _files(copy)
    assert _run(copy, "v9.8.7") == 0
    after = _files(copy)
    settings = json.loads(after["tools/course_settings.json"])
    assert settings == {**json.loads(before["tools/course_settings.json"]), "release": "v9.8.7"}
    assert 'version = "9.8.7"' in after["pyproject.toml"]
    restored = after["pyproject.toml"].replace('version = "9.8.7"', f'version = "{VERSION}"')
    assert restored == before["pyproject.toml"]  # nothing else in pyproject.toml changed
    assert '__version__ = "9.8.7"' in after["kl_helpers/__init__.py"]
    block = set_release.install_block(SETTINGS["repository"], "v9.8.7")
    changed = 0
    for name in before:
        if not name.endswith(".ipynb"):
            continue
        # Everything but the first code cell's source is the same, byte for byte once re-dumped.
        assert _without_first_code_source(after[name]) == _without_first_code_source(before[name]), name
        cell = set_release.first_code_cell(json.loads(after[name]))
        if cell is not None:
            assert block in _source(cell) and "kl-helpers==9.8.7" in _source(cell), name
            assert after[name] != before[name]
            changed += 1
    assert changed == len(NOTEBOOKS)
    assert after["README.md"] == before["README.md"].replace(BLOCK, block)
    assert block in after["README.md"]
    citation = before["CITATION.cff"].replace(f'version: "{VERSION}"', 'version: "9.8.7"')
    assert after["CITATION.cff"] == citation
    # settings, pyproject, __init__, README, CITATION.cff and every notebook (install cell or footer)
    assert f"{5 + sum(n.endswith('.ipynb') for n in before)} file(s) changed" in capsys.readouterr().out


def test_tool_is_idempotent_and_returns_to_the_stored_files(copy, capsys):
    original = _files(copy)
    assert _run(copy, "v9.8.7") == 0
    pinned = _files(copy)
    assert _run(copy, "9.8.7") == 0  # the same tag without its "v"
    assert _files(copy) == pinned
    assert "0 file(s) changed" in capsys.readouterr().out
    assert _run(copy, f"v{VERSION}") == 0
    assert _files(copy) == original


def test_tool_replaces_the_plain_import_line_in_any_notebook_folder(copy):
    # A new lesson or a solutions notebook arrives with the plain import; the tool gives it the block.
    lesson = copy / "notebooks" / "01_definition.ipynb"
    nb = json.loads(lesson.read_text(encoding="utf-8"))
    cell = set_release.first_code_cell(nb)
    cell["source"] = _source(cell).replace(BLOCK, set_release.IMPORT_LINE).splitlines(keepends=True)
    # nbformat's layout, with or without the final newline the stored file has.
    stored = (ROOT / "notebooks" / "01_definition.ipynb").read_text(encoding="utf-8")
    plain = json.dumps(nb, indent=1, ensure_ascii=False, sort_keys=True) + "\n" * stored.endswith("\n")
    assert "%pip" not in plain and set_release.IMPORT_LINE in plain
    (copy / "notebooks" / "solutions").mkdir(exist_ok=True)
    solution = copy / "notebooks" / "solutions" / "01_definition_solutions.ipynb"
    solution.write_text(plain, encoding="utf-8")
    lesson.write_text(plain, encoding="utf-8")
    assert _run(copy, "--check") == 1
    assert _run(copy) == 0
    expected = (ROOT / "notebooks" / "01_definition.ipynb").read_text(encoding="utf-8")
    assert lesson.read_text(encoding="utf-8") == expected
    assert solution.read_text(encoding="utf-8") == expected
    assert _run(copy, "--check") == 0


def test_tool_follows_a_forks_repository(copy):
    settings_file = copy / "tools" / "course_settings.json"
    settings = json.loads(settings_file.read_text())
    settings["repository"] = "https://github.com/a-teacher/kl-fork"
    settings_file.write_text(json.dumps(settings, indent=2) + "\n")
    assert _run(copy) == 0
    files = _files(copy)
    readme = files.pop("README.md")  # its prose names the placeholder; its install block follows the fork
    assert SETTINGS["repository"] not in "".join(files.values())
    assert set_release.install_block("https://github.com/a-teacher/kl-fork", f"v{VERSION}") in readme
    assert 'Issues = "https://github.com/a-teacher/kl-fork/issues"' in files["pyproject.toml"]
    cell = set_release.first_code_cell(json.loads(files["notebooks/01_definition.ipynb"]))
    assert f'"kl-helpers @ git+https://github.com/a-teacher/kl-fork@v{VERSION}"' in _source(cell)


def test_tool_refuses_a_notebook_without_the_import_and_writes_nothing(copy, capsys):
    lesson = copy / "notebooks" / "02_decomposition.ipynb"
    nb = json.loads(lesson.read_text(encoding="utf-8"))
    cell = set_release.first_code_cell(nb)
    cell["source"] = [line for line in cell["source"] if "kl_helpers" not in line and "%pip" not in line]
    lesson.write_text(json.dumps(nb, indent=1, ensure_ascii=False, sort_keys=True), encoding="utf-8")
    before = _files(copy)
    assert _run(copy, "v9.8.7") == 2
    assert "notebooks/02_decomposition.ipynb: the first code cell has neither" in capsys.readouterr().err
    assert _files(copy) == before


@pytest.mark.parametrize("tag", ["banana", "v1.x", "latest"])
def test_tool_refuses_a_tag_that_is_not_a_version(copy, capsys, tag):
    before = _files(copy)
    assert _run(copy, tag) == 2
    assert f"tag={tag!r} is not a release tag" in capsys.readouterr().err
    assert _files(copy) == before
