"""Pin the course to a release: one command writes the tag and the version everywhere they appear.

    python tools/set_release.py v0.2.0      # or: make release-links VERSION=v0.2.0
    python tools/set_release.py             # re-pin the current version (e.g. after a fork changed
                                            # `repository` in tools/course_settings.json)
    python tools/set_release.py --check     # change nothing; exit 1 if anything is out of date

It writes

* ``release`` in ``tools/course_settings.json`` (the tag the launch links pin),
* ``version`` in ``pyproject.toml`` and ``__version__`` in ``kl_helpers/__init__.py``,
* the ``[project.urls]`` of ``pyproject.toml`` (from ``repository`` in the settings),
* the install block in the first code cell of every notebook under ``notebooks/`` (lessons,
  explorer, solutions; notebooks without code are skipped). The first run replaces the line
  ``import kl_helpers as kh`` with the block; later runs rewrite the block. Nothing else in a
  notebook changes: no re-execution, same JSON layout;
* the copy of the block that README.md shows,
* ``version`` in ``CITATION.cff`` and the version-and-licences line at the foot of every notebook
  (``tools/stamp.py``).

Running it twice changes nothing the second time. Then commit, tag and push (it prints how).
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import course_links  # tools/ is not a package: found through the path above
import stamp

ROOT = Path(__file__).resolve().parents[1]

#: The line the notebooks import the helpers with, before the first run of this tool.
IMPORT_LINE = "import kl_helpers as kh"
#: The install block as this tool writes it (to find it again on the next run).
BLOCK = re.compile(
    r"^try:\n    import kl_helpers as kh\nexcept ModuleNotFoundError:.*?\n    import kl_helpers as kh$",
    re.DOTALL | re.MULTILINE,
)
BARE = re.compile(r"^import kl_helpers as kh$", re.MULTILINE)
URL_IN_REPOSITORY = re.compile(r"https://github\.com/[^/\"\s]+/[^/\"\s]+")


def install_block(repository: str, release: str) -> str:
    """The first code cell's import of the helpers, installing them where they are missing.

    A no-op where ``kl_helpers`` is installed (``make lab``, Binder, nbval). Elsewhere it installs
    the package and imports it: in the in-browser (Pyodide) kernel, ``%pip`` is micropip, which
    finds ``kl-helpers`` among the wheels bundled into the site (it cannot install from git);
    anywhere else (Colab, a JupyterHub) pip installs it from the course's repository at the release
    tag, which needs neither PyPI nor credentials. Both pin the version these notebooks belong to.
    """
    version = release.removeprefix("v")
    return (
        "try:\n"
        "    import kl_helpers as kh\n"
        "except ModuleNotFoundError:  # Colab, a hub or the in-browser kernel: install the course's helpers\n"
        "    import sys\n"
        "\n"
        '    if sys.platform == "emscripten":  # in-browser kernel: the wheel that comes with the site\n'
        f"        %pip install --quiet kl-helpers=={version}\n"
        "    else:  # from the course's repository, at the release these notebooks belong to\n"
        f'        %pip install --quiet "kl-helpers @ git+{repository}@{release}"\n'
        "    import kl_helpers as kh"
    )


class ReleaseError(Exception):
    """Something this tool cannot rewrite safely; the message names the file and the fix."""


def normalise_tag(value: str) -> str:
    tag = value if value.startswith("v") else f"v{value}"
    if not course_links.TAG.fullmatch(tag):
        raise ReleaseError(f"tag={value!r} is not a release tag; give 'v' and a version, e.g. v0.2.0")
    return tag


def _replace_once(text: str, pattern: str, replacement: str, where: Path) -> str:
    new, count = re.subn(pattern, replacement, text, flags=re.MULTILINE)
    if count != 1:
        raise ReleaseError(f"{where}: expected exactly one line matching {pattern!r}, found {count}")
    return new


def package_version(root: Path) -> str:
    """The ``version`` of ``[project]`` in pyproject.toml."""
    text = (root / "pyproject.toml").read_text(encoding="utf-8")
    found = re.findall(r'^version = "([^"]+)"$', text, flags=re.MULTILINE)
    if len(found) != 1:
        raise ReleaseError(f"{root / 'pyproject.toml'}: expected one `version = \"...\"` line, "
                           f"found {len(found)}")
    return found[0]


def first_code_cell(nb: dict) -> dict | None:
    for cell in nb["cells"]:
        if cell["cell_type"] == "code" and "".join(cell["source"]).strip():
            return cell
    return None


def with_install_block(source: str, block: str, where: str) -> str:
    """``source`` (a first code cell) with its import replaced by ``block``."""
    if BLOCK.search(source):
        return BLOCK.sub(lambda _: block, source, count=1)
    if len(BARE.findall(source)) == 1:
        return BARE.sub(lambda _: block, source, count=1)
    raise ReleaseError(
        f"{where}: the first code cell has neither the install block nor the line "
        f"`{IMPORT_LINE}`; put that line in the notebook's first code cell and run this again"
    )


def _dump(nb: dict, trailing_newline: bool) -> str:
    # nbformat's layout, so that only the changed cell shows in a diff.
    return json.dumps(nb, indent=1, ensure_ascii=False, sort_keys=True) + ("\n" if trailing_newline else "")


def rewrite_notebook(text: str, block: str, where: str) -> str:
    nb = json.loads(text)
    trailing = text.endswith("\n")
    if _dump(nb, trailing) != text:
        raise ReleaseError(f"{where}: not stored in nbformat's JSON layout, so rewriting it would change "
                           f"more than one cell; save it with nbformat (make execute) first")
    cell = first_code_cell(nb)
    if cell is None:  # a page without code (contents, notation card) imports nothing
        return text
    source = cell["source"]
    joined = "".join(source)
    new = with_install_block(joined, block, where)
    cell["source"] = new.splitlines(keepends=True) if isinstance(source, list) else new
    return _dump(nb, trailing)


def rewrite_settings(text: str, release: str) -> str:
    values = json.loads(text)
    values["release"] = release
    course_links.validate(values)
    return json.dumps(values, indent=2, ensure_ascii=False) + "\n"


def rewrite_pyproject(text: str, version: str, repository: str, where: Path) -> str:
    text = _replace_once(text, r'^version = "[^"]+"$', f'version = "{version}"', where)
    start = text.find("\n[project.urls]\n")
    if start < 0:
        raise ReleaseError(f"{where}: no [project.urls] table")
    end = text.find("\n[", start + 1)
    end = len(text) if end < 0 else end
    table = URL_IN_REPOSITORY.sub(repository, text[start:end])
    return text[:start] + table + text[end:]


def rewrite_readme(text: str, block: str, where: Path) -> str:
    new, count = BLOCK.subn(lambda _: block, text)
    if count != 1:
        raise ReleaseError(f"{where}: expected the install block once (under 'The install cell'), "
                           f"found {count}")
    return new


def stamp_notebook(text: str, footer: str) -> str:
    """The notebook with its footer's version-and-licences line set to ``footer`` (tools/stamp.py)."""
    nb = json.loads(text)
    return _dump(nb, text.endswith("\n")) if stamp.stamped(nb, footer) else text


def rewrite_citation(text: str, version: str, repository: str, where: Path) -> str:
    text = _replace_once(text, r'^version: "[^"]+"$', f'version: "{version}"', where)
    return _replace_once(text, r'^repository-code: "[^"]+"$', f'repository-code: "{repository}"', where)


def rewrite_init(text: str, version: str, where: Path) -> str:
    return _replace_once(text, r'^__version__ = "[^"]+"$', f'__version__ = "{version}"', where)


@dataclass
class Change:
    path: Path
    old: str
    new: str


def plan(root: Path, tag: str) -> list[Change]:
    """Every file this tool would write for ``tag``, with its old and new text (unchanged ones too)."""
    settings_file = root / "tools" / "course_settings.json"
    config = course_links.settings(settings_file)
    version = tag.removeprefix("v")
    block = install_block(config["repository"], tag)
    targets: list[tuple[Path, Callable[[str], str]]] = [
        (settings_file, lambda text: rewrite_settings(text, tag)),
        (root / "pyproject.toml",
         lambda text: rewrite_pyproject(text, version, config["repository"], root / "pyproject.toml")),
        (root / "kl_helpers" / "__init__.py",
         lambda text: rewrite_init(text, version, root / "kl_helpers" / "__init__.py")),
        (root / "README.md", lambda text: rewrite_readme(text, block, root / "README.md")),
        (root / "CITATION.cff",
         lambda text: rewrite_citation(text, version, config["repository"], root / "CITATION.cff")),
    ]
    footer = stamp.footer_line(version, config["repository"], tag)
    notebooks = sorted(path for path in (root / "notebooks").rglob("*.ipynb")
                       if ".ipynb_checkpoints" not in path.parts)
    if not notebooks:
        raise ReleaseError(f"no notebooks found under {root / 'notebooks'}")
    for path in notebooks:
        where = str(path.relative_to(root))
        targets.append((path, lambda text, where=where: stamp_notebook(
            rewrite_notebook(text, block, where), footer)))
    changes = []
    for path, rewrite in targets:
        old = path.read_text(encoding="utf-8")
        changes.append(Change(path, old, rewrite(old)))
    return changes


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("tag", nargs="?", help="release tag, e.g. v0.2.0 (default: v + the current version)")
    parser.add_argument("--check", action="store_true", help="write nothing; exit 1 if a file is out of date")
    parser.add_argument("--root", type=Path, default=ROOT, help=argparse.SUPPRESS)  # tests: a copy
    args = parser.parse_args(argv)
    root = args.root.resolve()
    try:
        tag = normalise_tag(args.tag or package_version(root))
        changes = plan(root, tag)
    except (ReleaseError, ValueError) as error:
        print(f"error: {error}", file=sys.stderr)
        return 2
    stale = [c for c in changes if c.new != c.old]
    for change in changes:
        state = ("out of date" if args.check else "updated") if change.new != change.old else "up to date"
        print(f"{change.path.relative_to(root)}: {state}")
    if args.check:
        if stale:
            print(f"{len(stale)} file(s) do not pin {tag}: run `python tools/set_release.py {tag}`")
            return 1
        print(f"every file pins {tag}")
        return 0
    for change in stale:
        change.path.write_text(change.new, encoding="utf-8")
    print(f"{len(stale)} file(s) changed; the course now pins {tag}.")
    if stale:
        branch = course_links.settings(root / "tools" / "course_settings.json")["jupyterhub_branch"]
        print("Next: review the diff, commit, then tag and push the release (the links point at the tag,\n"
              "nbgitpuller at the branch):\n"
              f'    git tag -a {tag} -m "kl-helpers {tag.removeprefix("v")}"\n'
              f'    git push origin {tag} "{tag}^{{commit}}:refs/heads/{branch}"')
    return 0


if __name__ == "__main__":
    sys.exit(main())
