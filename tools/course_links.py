"""The course's launch links (Binder, Colab, JupyterHub, in-browser), built from one settings file.

    python tools/course_links.py notebooks/01_definition.ipynb     # print its four links

    import course_links                      # with tools/ on sys.path (the course website does this)
    course_links.binder_url("notebooks/01_definition.ipynb")

Every link is built from ``tools/course_settings.json``:

``repository``
    The course's GitHub repository, ``https://github.com/OWNER/REPO``. A fork changes it there and
    runs ``python tools/set_release.py`` to rewrite the install cells and pyproject's URLs.
``release``
    The git tag that the Binder and Colab links and every notebook's install cell pin:
    ``"v" + the package version``. ``tools/set_release.py`` writes it.
``jupyterhub``, ``jupyterhub_branch``
    The JupyterHub that nbgitpuller links open, and the branch they pull. nbgitpuller follows a
    branch, not a tag: with a tag the first click clones, but every later click fails (it merges
    ``origin/<branch>``, which a tag does not have). So each release is also pushed to this branch
    (see the README).
``binder``
    The BinderHub, ``https://mybinder.org``.
``lite``
    The folder of the in-browser (JupyterLite) build, relative to the site's root; its contents
    root is ``notebooks/``.

A notebook is named by its path in the repository, ``notebooks/01_definition.ipynb`` (a path
under ``notebooks/``, relative to the repository root or absolute inside it); a path that is not a
notebook of this repository is an error, so a site cannot publish a broken launch button.
Pure Python (json, pathlib, re, urllib), so a site build can import it without the course's
environment.
"""

from __future__ import annotations

import json
import os
import re
import sys
from collections.abc import Mapping
from pathlib import Path, PurePosixPath
from urllib.parse import quote

__all__ = [
    "SETTINGS_FILE",
    "binder_url",
    "colab_url",
    "lite_url",
    "nbgitpuller_url",
    "notebook_path",
    "repository_parts",
    "settings",
]

ROOT = Path(__file__).resolve().parents[1]
SETTINGS_FILE = ROOT / "tools" / "course_settings.json"
NOTEBOOKS = "notebooks"
COLAB = "https://colab.research.google.com"

#: ``"v"`` and a version as pyproject.toml writes it (PEP 440 release, pre, post, dev parts).
TAG = re.compile(r"v\d+(\.\d+)*((a|b|rc)\d+)?(\.post\d+)?(\.dev\d+)?")
REPOSITORY = re.compile(r"https://github\.com/([A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?)/([A-Za-z0-9._-]+)")
HOST = re.compile(r"https://[A-Za-z0-9.-]+(:\d+)?(/[A-Za-z0-9._~/-]*[A-Za-z0-9._~-])?")
BRANCH = re.compile(r"[A-Za-z0-9._/-]+")
FOLDER = re.compile(r"[A-Za-z0-9._-]+(/[A-Za-z0-9._-]+)*")

# key -> (pattern, what a valid value looks like); every key is required.
_RULES = {
    "repository": (REPOSITORY, "https://github.com/OWNER/REPO (no trailing slash or .git)"),
    "release": (TAG, '"v" and the package version, e.g. "v0.1.0"'),
    "jupyterhub": (HOST, "an https:// address without a trailing slash, e.g. https://hub.example.edu"),
    "jupyterhub_branch": (BRANCH, 'a branch name, e.g. "release"'),
    "binder": (HOST, "an https:// address without a trailing slash, e.g. https://mybinder.org"),
    "lite": (FOLDER, 'a folder relative to the site root, e.g. "lite"'),
}


def settings(path: str | os.PathLike[str] | None = None) -> dict[str, str]:
    """The course settings, read from ``tools/course_settings.json`` (or ``path``) and checked.

    Raises ``ValueError`` naming the key, the value and what it should look like.
    """
    file = Path(path) if path is not None else SETTINGS_FILE
    values = json.loads(file.read_text(encoding="utf-8"))
    if not isinstance(values, dict):
        raise ValueError(f"{file}: expected a JSON object of settings, got {type(values).__name__}")
    return validate(values, source=str(file))


def validate(values: Mapping[str, object], source: str = "settings") -> dict[str, str]:
    """Check every setting; returns them as a new ``dict``."""
    missing = [key for key in _RULES if key not in values]
    if missing:
        raise ValueError(f"{source}: missing setting(s) {', '.join(missing)}; "
                         f"add them (tools/course_links.py describes each)")
    for key, (pattern, wanted) in _RULES.items():
        value = values[key]
        if not isinstance(value, str) or not pattern.fullmatch(value):
            raise ValueError(f"{source}: {key}={value!r} is not valid; it should be {wanted}")
    return dict(values)  # type: ignore[arg-type]


def repository_parts(config: Mapping[str, str] | None = None) -> tuple[str, str]:
    """``(OWNER, REPO)`` of the course's GitHub repository."""
    config = settings() if config is None else validate(config)
    owner, repo = REPOSITORY.fullmatch(config["repository"]).groups()
    return owner, repo


def notebook_path(nb: str | os.PathLike[str]) -> PurePosixPath:
    """``nb`` as a repository path, ``notebooks/…/name.ipynb``, checked to be a notebook here."""
    path = Path(nb)
    if path.is_absolute():
        try:
            path = path.relative_to(ROOT)
        except ValueError:
            raise ValueError(f"nb={str(nb)!r} is outside the repository {ROOT}; give a path inside it, "
                             f"such as 'notebooks/01_definition.ipynb'") from None
    posix = PurePosixPath(path.as_posix())
    if posix.parts[:1] != (NOTEBOOKS,) or posix.suffix != ".ipynb" or ".." in posix.parts:
        raise ValueError(f"nb={str(nb)!r} is not a notebook path; give its path from the repository "
                         f"root, such as 'notebooks/01_definition.ipynb'")
    if not (ROOT / posix).is_file():
        raise ValueError(f"nb={str(nb)!r}: there is no such notebook in this repository; check the "
                         f"name (the lessons are {NOTEBOOKS}/NN_name.ipynb)")
    return posix


def _quoted(path: str | PurePosixPath) -> str:
    return quote(str(path), safe="/")


def binder_url(nb: str | os.PathLike[str], config: Mapping[str, str] | None = None) -> str:
    """Open ``nb`` in JupyterLab on Binder, built from the repository at the release tag.

    ``{binder}/v2/gh/OWNER/REPO/{release}?urlpath=lab/tree/notebooks/01_definition.ipynb``
    """
    config = settings() if config is None else validate(config)
    owner, repo = repository_parts(config)
    return (f"{config['binder']}/v2/gh/{owner}/{repo}/{config['release']}"
            f"?urlpath={_quoted('lab/tree/' + str(notebook_path(nb)))}")


def colab_url(nb: str | os.PathLike[str], config: Mapping[str, str] | None = None) -> str:
    """Open ``nb`` in Google Colab, from GitHub at the release tag.

    ``https://colab.research.google.com/github/OWNER/REPO/blob/{release}/notebooks/01_definition.ipynb``
    """
    config = settings() if config is None else validate(config)
    owner, repo = repository_parts(config)
    return f"{COLAB}/github/{owner}/{repo}/blob/{config['release']}/{_quoted(notebook_path(nb))}"


def nbgitpuller_url(nb: str | os.PathLike[str], config: Mapping[str, str] | None = None) -> str:
    """Pull the repository into the user's home on the course's JupyterHub and open ``nb`` there.

    ``{jupyterhub}/hub/user-redirect/git-pull?repo=…&branch={jupyterhub_branch}&urlpath=lab/tree/REPO/…``
    (nbgitpuller clones into a folder named after the repository, so ``urlpath`` starts with it).
    """
    config = settings() if config is None else validate(config)
    _, repo = repository_parts(config)
    urlpath = f"lab/tree/{repo}/{notebook_path(nb)}"
    return (f"{config['jupyterhub']}/hub/user-redirect/git-pull"
            f"?repo={quote(config['repository'], safe='')}"
            f"&branch={quote(config['jupyterhub_branch'], safe='')}"
            f"&urlpath={_quoted(urlpath)}")


def lite_url(nb: str | os.PathLike[str], config: Mapping[str, str] | None = None) -> str:
    """Open ``nb`` in the in-browser (JupyterLite) build, as a link relative to the site's root.

    ``lite/lab/index.html?path=01_definition.ipynb`` (the Lite contents root is ``notebooks/``).
    """
    config = settings() if config is None else validate(config)
    inside = PurePosixPath(*notebook_path(nb).parts[1:])
    return f"{config['lite']}/lab/index.html?path={_quoted(inside)}"


def main(argv: list[str] | None = None) -> int:
    """Print every launch link of the given notebooks (default: all of them), e.g. for a course page."""
    names = sys.argv[1:] if argv is None else argv
    paths = names or sorted(p.relative_to(ROOT).as_posix() for p in (ROOT / NOTEBOOKS).rglob("*.ipynb")
                            if ".ipynb_checkpoints" not in p.parts)
    try:
        for nb in paths:
            print(f"{nb}\n  Binder      {binder_url(nb)}\n  Colab       {colab_url(nb)}\n"
                  f"  JupyterHub  {nbgitpuller_url(nb)}\n  in browser  {lite_url(nb)}")
    except ValueError as error:
        print(f"error: {error}", file=sys.stderr)
        return 2
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
