"""Launch links (tools/course_links.py): each one's host, path, query, tag and target notebook.

None of these services can be reached from the test machines, so each link is parsed and checked
against the formats the services document: Binder (`/v2/gh/OWNER/REPO/REF?urlpath=`), Colab
(`/github/OWNER/REPO/blob/REF/PATH`), nbgitpuller (`/hub/user-redirect/git-pull?repo=&branch=
&urlpath=lab/tree/REPO/PATH`, as its link generator builds it) and JupyterLite
(`lab/index.html?path=` relative to its contents root, here `notebooks/`).
"""

import ast
import re
import sys
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import pytest

try:
    import tomllib
except ModuleNotFoundError:  # Python 3.10: pytest depends on tomli there
    import tomli as tomllib

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tools"))
import course_links  # noqa: E402

SETTINGS = course_links.settings()
OWNER, REPO = course_links.repository_parts(SETTINGS)
VERSION = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]["version"]
NOTEBOOKS = sorted(p.relative_to(ROOT).as_posix() for p in (ROOT / "notebooks").rglob("*.ipynb")
                   if ".ipynb_checkpoints" not in p.parts)
FORK = {**SETTINGS, "repository": "https://github.com/a-teacher/kl-fork", "release": "v2.3.4",
        "jupyterhub": "https://jupyter.uni.example", "jupyterhub_branch": "autumn",
        "binder": "https://binder.example.org", "lite": "try/lite"}


def _query(url: str) -> dict[str, str]:
    query = parse_qs(urlsplit(url).query, strict_parsing=True)
    assert all(len(values) == 1 for values in query.values()), url
    return {key: values[0] for key, values in query.items()}


def _exists(path: str) -> bool:
    return (ROOT / path).is_file()


def test_notebooks_are_found():
    assert "notebooks/01_definition.ipynb" in NOTEBOOKS and len(NOTEBOOKS) >= 7


def test_settings_pin_the_package_version():
    assert SETTINGS["release"] == f"v{VERSION}"
    assert SETTINGS["repository"] == f"https://github.com/{OWNER}/{REPO}"
    assert not course_links.TAG.fullmatch(SETTINGS["jupyterhub_branch"]), (
        "nbgitpuller follows a branch; with a tag, every click after the first fails")


@pytest.mark.parametrize("nb", NOTEBOOKS)
def test_binder_link(nb):
    url = course_links.binder_url(nb)
    parts = urlsplit(url)
    assert (parts.scheme, parts.netloc) == ("https", "mybinder.org")
    assert parts.path == f"/v2/gh/{OWNER}/{REPO}/{SETTINGS['release']}"
    query = _query(url)
    assert set(query) == {"urlpath"} and query["urlpath"] == f"lab/tree/{nb}"
    assert _exists(query["urlpath"].removeprefix("lab/tree/"))


@pytest.mark.parametrize("nb", NOTEBOOKS)
def test_colab_link(nb):
    parts = urlsplit(course_links.colab_url(nb))
    assert (parts.scheme, parts.netloc, parts.query) == ("https", "colab.research.google.com", "")
    prefix = f"/github/{OWNER}/{REPO}/blob/{SETTINGS['release']}/"
    assert parts.path.startswith(prefix) and _exists(parts.path.removeprefix(prefix))


@pytest.mark.parametrize("nb", NOTEBOOKS)
def test_nbgitpuller_link(nb):
    url = course_links.nbgitpuller_url(nb)
    parts = urlsplit(url)
    assert (parts.scheme, parts.netloc) == ("https", urlsplit(SETTINGS["jupyterhub"]).netloc)
    assert parts.path == "/hub/user-redirect/git-pull"
    query = _query(url)
    assert query == {"repo": SETTINGS["repository"], "branch": SETTINGS["jupyterhub_branch"],
                     "urlpath": f"lab/tree/{REPO}/{nb}"}
    # nbgitpuller clones into a folder named after the repository: the path starts with it.
    assert _exists(query["urlpath"].removeprefix(f"lab/tree/{REPO}/"))
    assert "%3A%2F%2Fgithub.com%2F" in url  # the repository is encoded inside the query


@pytest.mark.parametrize("nb", NOTEBOOKS)
def test_lite_link(nb):
    url = course_links.lite_url(nb)
    parts = urlsplit(url)
    assert (parts.scheme, parts.netloc) == ("", "")  # relative to the site's root
    assert parts.path == "lite/lab/index.html"
    query = _query(url)
    assert set(query) == {"path"} and _exists(f"notebooks/{query['path']}")
    assert f"notebooks/{query['path']}" == nb


def test_links_come_from_the_settings():
    nb = "notebooks/03_sample_approximation.ipynb"
    assert course_links.binder_url(nb, FORK) == (
        "https://binder.example.org/v2/gh/a-teacher/kl-fork/v2.3.4"
        "?urlpath=lab/tree/notebooks/03_sample_approximation.ipynb")
    assert course_links.colab_url(nb, FORK) == (
        "https://colab.research.google.com/github/a-teacher/kl-fork/blob/v2.3.4/"
        "notebooks/03_sample_approximation.ipynb")
    assert course_links.nbgitpuller_url(nb, FORK) == (
        "https://jupyter.uni.example/hub/user-redirect/git-pull"
        "?repo=https%3A%2F%2Fgithub.com%2Fa-teacher%2Fkl-fork&branch=autumn"
        "&urlpath=lab/tree/kl-fork/notebooks/03_sample_approximation.ipynb")
    assert course_links.lite_url(nb, FORK) == "try/lite/lab/index.html?path=03_sample_approximation.ipynb"


def test_an_absolute_path_inside_the_repository_is_accepted():
    absolute = ROOT / "notebooks" / "01_definition.ipynb"
    assert course_links.colab_url(absolute) == course_links.colab_url("notebooks/01_definition.ipynb")


@pytest.mark.parametrize(
    ("nb", "message"),
    [
        ("notebooks/01_defintion.ipynb", "no such notebook"),
        ("01_definition.ipynb", "not a notebook path"),
        ("notebooks/../README.md", "not a notebook path"),
        ("notebooks/../notebooks/01_definition.ipynb", "not a notebook path"),
        ("/tmp/notebooks/01_definition.ipynb", "outside the repository"),
    ],
)
def test_a_wrong_notebook_is_an_error_naming_it(nb, message):
    for build in (course_links.binder_url, course_links.colab_url, course_links.nbgitpuller_url,
                  course_links.lite_url):
        with pytest.raises(ValueError, match=re.escape(f"nb={nb!r}") + ".*" + message):
            build(nb)


@pytest.mark.parametrize(
    ("key", "value"),
    [
        ("repository", "https://github.com/kl-course/kl-divergence-step-by-step/"),
        ("repository", "https://gitlab.com/kl-course/kl"),
        ("release", "0.1.0"),
        ("release", "main"),
        ("binder", "http://mybinder.org"),
        ("jupyterhub", "https://hub.example.edu/"),
        ("jupyterhub_branch", "has space"),
        ("lite", "/lite"),
    ],
)
def test_a_wrong_setting_is_an_error_naming_it(key, value):
    with pytest.raises(ValueError, match=re.escape(f"{key}={value!r} is not valid")):
        course_links.binder_url("notebooks/01_definition.ipynb", {**SETTINGS, key: value})


def test_a_missing_setting_is_named(tmp_path):
    path = tmp_path / "settings.json"
    path.write_text('{"repository": "https://github.com/a/b"}')
    with pytest.raises(ValueError, match=r"missing setting.*release"):
        course_links.settings(path)


def test_command_prints_the_four_links(capsys):
    assert course_links.main(["notebooks/01_definition.ipynb"]) == 0
    out = capsys.readouterr().out
    nb = "notebooks/01_definition.ipynb"
    for url in (course_links.binder_url(nb), course_links.colab_url(nb), course_links.nbgitpuller_url(nb),
                course_links.lite_url(nb)):
        assert f" {url}\n" in out
    assert course_links.main(["notebooks/nope.ipynb"]) == 2
    assert "nb='notebooks/nope.ipynb'" in capsys.readouterr().err


def test_module_is_pure_python_without_a_shell():
    tree = ast.parse((ROOT / "tools" / "course_links.py").read_text(encoding="utf-8"))
    imported = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            imported.update(alias.name.split(".")[0] for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            imported.add(node.module.split(".")[0])
    assert imported <= set(sys.stdlib_module_names) and not imported & {"subprocess", "shlex"}, imported
    assert "os.system" not in ast.unparse(tree) and "popen" not in ast.unparse(tree).lower()
