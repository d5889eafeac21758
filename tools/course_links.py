"""Where the course can be opened: every launch link, generated from tools/course_settings.json.

One place for the repository URL, the release tag and the services' addresses; the site's launch
buttons (tools/build_site.py), the README and the tests all take their links from here. Each
function takes a notebook's path in the repository, e.g. ``"notebooks/01_definition.ipynb"``.
"""

from __future__ import annotations

import json
from functools import cache
from pathlib import Path
from urllib.parse import quote, urlencode

SETTINGS = Path(__file__).with_name("course_settings.json")


@cache
def settings() -> dict[str, str]:
    """The course's settings: repository, release, jupyterhub, binder (URLs without a final /)."""
    data = json.loads(SETTINGS.read_text(encoding="utf-8"))
    return {key: value.rstrip("/") for key, value in data.items()}


def _repo() -> tuple[str, str]:
    """(owner, name) of the GitHub repository."""
    owner, name = settings()["repository"].removeprefix("https://github.com/").split("/")[:2]
    return owner, name


def binder_url(nb: str) -> str:
    """Binder builds the release from environment.yml and opens the notebook in JupyterLab."""
    owner, name = _repo()
    s = settings()
    return f"{s['binder']}/v2/gh/{owner}/{name}/{s['release']}?urlpath=" + quote(f"lab/tree/{nb}", safe="")


def colab_url(nb: str) -> str:
    """Colab opens the notebook from GitHub at the release tag."""
    owner, name = _repo()
    return f"https://colab.research.google.com/github/{owner}/{name}/blob/{settings()['release']}/{nb}"


def nbgitpuller_url(nb: str) -> str:
    """The JupyterHub pulls the repository at the release (nbgitpuller) and opens the notebook."""
    _owner, name = _repo()
    s = settings()
    query = urlencode({
        "repo": s["repository"], "branch": s["release"], "urlpath": f"lab/tree/{name}/{nb}",
    })
    return f"{s['jupyterhub']}/hub/user-redirect/git-pull?{query}"


def lite_url(nb: str) -> str:
    """The notebook in the site's JupyterLite deployment, relative to the site's root.

    The Lite deployment holds the contents of notebooks/, so the path drops that prefix.
    """
    return "lite/lab/index.html?" + urlencode({"path": nb.removeprefix("notebooks/")})


def issue_url(page: str) -> str:
    """The repository's learner issue form (.github/ISSUE_TEMPLATE/learner.yml) naming ``page``.

    ``page`` is what the learner was reading, e.g. ``"notebooks/01_definition.ipynb"``; it fills
    the form's "page" field and the issue title.
    """
    query = urlencode({"template": "learner.yml", "title": f"[{page}] ", "page": page})
    return f"{settings()['repository']}/issues/new?{query}"
