"""The built course website, checked by structure (no browser): `make site`'s output as files.

The pages are built from the committed notebooks' stored outputs (strict nbval checks those), so
these tests compare the built files with their sources instead of executing anything. The real
browser's view of the same build is in test_site_pages.py.
"""

from __future__ import annotations

import importlib.metadata
import json
import re

try:
    import tomllib
except ImportError:  # Python 3.10: pytest depends on tomli there
    import tomli as tomllib
from html import unescape
from pathlib import Path
from urllib.parse import unquote

import pytest
import yaml
from site_server import (
    LAUNCHABLE,
    LESSONS,
    REFERENCE,
    ROOT,
    build_site,
    button,
    copies,
    course_links,
    html_pages,
    parse,
    resolve,
    site_notebook,
    text_without_tags,
)

LITE_SETTINGS = "@jupyterlite/pyodide-kernel-extension:kernel"
LITE = course_links.settings()["lite"]  # the Lite deployment's folder in the site
NOTEBOOKS = ROOT / "notebooks"
CHINESE = build_site.chinese_lessons()
#: The Chinese edition's notebooks with launch buttons: its lessons and its explorer.
CHINESE_LAUNCHABLE = [*CHINESE, *(p for p in build_site.chinese_pages() if p.stem == "explorer")]


def _page(site_build: Path, notebook: Path) -> Path:
    """The page of a notebook: 01_definition.html, or zh/01_definition.html for its Chinese twin."""
    return site_build / notebook.relative_to(NOTEBOOKS).with_suffix(".html")


def _id(notebook: Path) -> str:
    return notebook.relative_to(NOTEBOOKS).as_posix()


def test_lessons_are_found():
    # An empty list would make every parametrized test below vanish.
    assert len(LESSONS) >= 6 and LAUNCHABLE[-1].name == "explorer.ipynb"


def test_every_page_is_built(site_build: Path):
    names = {p.name for p in html_pages(site_build)}
    wanted = {"index.html", "explorer.html", "notation.html", "api.html", "search.html",
              *(f"{nb.stem}.html" for nb in [*LESSONS, *REFERENCE]),
              *(f"{name}.html" for name in build_site.DOC_PAGES)}
    assert {"teachers_guide.html", "troubleshooting.html"} <= wanted
    assert wanted <= names, f"missing pages: {sorted(wanted - names)}"
    # GitHub Pages runs Jekyll, which drops _static/ and _images/, unless this file is there.
    assert (site_build / ".nojekyll").exists()


def test_landing_page_is_the_readme_story_and_contents(site_build: Path):
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    index = site_build / "index.html"
    text = " ".join(text_without_tags(index.read_text(encoding="utf-8")).split())
    first_sentence = " ".join(readme.split("\n\n")[1].split()).split(". ")[0]
    assert first_sentence in text
    links = [a["href"] for a in parse(index).anchors]
    for lesson in re.findall(r"\]\(notebooks/(\d\d_\w+)\.ipynb\)", readme):
        assert f"{lesson}.html" in links, f"the landing page does not link {lesson}"


@pytest.mark.parametrize("notebook", [*LAUNCHABLE, *CHINESE_LAUNCHABLE], ids=_id)
def test_launch_buttons_open_this_notebook(site_build: Path, notebook: Path):
    page = _page(site_build, notebook)
    path = f"notebooks/{_id(notebook)}"
    assert unescape(button(page, "launch-binder")) == course_links.binder_url(path)
    assert unescape(button(page, "launch-colab")) == course_links.colab_url(path)
    assert unescape(button(page, "launch-jupyterhub")) == course_links.nbgitpuller_url(path)
    lite = unescape(button(page, "launch-lite"))
    up = "../" * (len(Path(_id(notebook)).parts) - 1)  # a zh/ page is one folder down
    assert lite == up + course_links.lite_url(path)
    # ... and it opens a notebook the Lite deployment has, in an app it has.
    assert resolve(site_build, page, lite).exists()
    query = dict(part.split("=", 1) for part in lite.split("?", 1)[1].split("&"))
    assert (site_build / LITE / "files" / unquote(query["path"])).exists()


@pytest.mark.parametrize("notebook", [*LAUNCHABLE, *REFERENCE, *CHINESE, *build_site.chinese_pages()],
                         ids=_id)
def test_download_is_the_committed_notebook(site_build: Path, notebook: Path):
    page = _page(site_build, notebook)
    target = resolve(site_build, page, button(page, "download-notebook"))
    assert target.name == notebook.name
    assert target.read_bytes() == notebook.read_bytes()


def test_every_page_links_the_learner_issue_form_naming_it(site_build: Path):
    form = yaml.safe_load((ROOT / ".github" / "ISSUE_TEMPLATE" / "learner.yml").read_text())
    ids = {field.get("id") for field in form["body"]}
    assert {"page", "what-happened", "expected"} <= ids
    for page in html_pages(site_build):
        if page.name in {"genindex.html", "search.html", "py-modindex.html"}:
            continue
        href = unescape(button(page, "report-problem"))
        name = page.relative_to(site_build).with_suffix("").as_posix()  # e.g. zh/01_definition
        site_only = {"index", "zh/index", "api", *build_site.DOC_PAGES,  # no notebook behind them
                     *(f"zh/{name}" for name in build_site.chinese_doc_pages())}
        assert href == build_site.issue_url(f"notebooks/{name}.ipynb") or name in site_only
        assert href.startswith(f"{course_links.settings()['repository']}/issues/new?template=learner.yml&")
        # The form field the link fills is one the form has, and it names this page.
        fields = dict(part.split("=", 1) for part in href.split("?", 1)[1].split("&"))
        assert set(fields) - {"template", "title"} <= ids
        assert page.stem in fields["page"] or name in site_only, href
        assert href in [unescape(a["href"]) for a in parse(page).anchors
                        if "Report a problem" in page.read_text(encoding="utf-8")]


def test_every_page_shows_the_version_and_the_licences(site_build: Path):
    version, repository, release = build_site.stamp.settings()
    for page in html_pages(site_build):
        html = page.read_text(encoding="utf-8")
        footer = html[html.find('class="kl-licence"'):]
        assert f"version {version}" in footer[:400], page.name
        for licence, name in (("LICENSE-CONTENT.md", "CC BY 4.0"), ("LICENSE", "BSD-3-Clause")):
            link = f'href="{repository.rstrip("/")}/blob/{release}/{licence}">{name}</a>'
            assert link in footer[:600], page.name


def test_no_raw_dollar_math_and_mathjax_is_local(site_build: Path):
    for page in html_pages(site_build):
        html = page.read_text(encoding="utf-8")
        assert "$$" not in text_without_tags(html), f"{page.name}: raw $$ math"
        assert not re.search(r"""<(?:script|link|img)\b[^>]*(?:src|href)=["'](?:https?:)?//""", html), (
            f"{page.name}: a script, style or image from another host")
    lesson = (site_build / f"{LESSONS[0].stem}.html").read_text(encoding="utf-8")
    (path,) = re.findall(r'<script[^>]*src="([^"]*tex-chtml[^"]*)"', lesson)
    assert (site_build / path).exists() and path.startswith("_static/mathjax/")


@pytest.mark.parametrize("lesson", LESSONS, ids=lambda p: p.name)
def test_each_worked_solution_is_behind_a_toggle(site_build: Path, lesson: Path):
    html = (site_build / f"{lesson.stem}.html").read_text(encoding="utf-8")
    toggles = re.findall(r'<details class="kl-solution">\s*<summary>Show solution</summary>', html)
    items = copies.lesson_items(copies.load(lesson))
    has_solutions = (copies.SOLUTIONS / lesson.name).exists()
    assert len(toggles) == (len(items) if has_solutions else 0)
    assert html.count("<details") == html.count("</details>")


def test_the_chinese_edition_is_on_the_site(site_build: Path):
    assert CHINESE, "no Chinese lesson found: the parametrized tests below would vanish"
    wanted = ["zh/index.html", *(f"zh/{nb.stem}.html" for nb in [*CHINESE, *build_site.chinese_pages()])]
    missing = [name for name in wanted if not (site_build / name).exists()]
    assert not missing, f"missing pages: {missing}"
    links = [a["href"] for a in parse(site_build / "zh" / "index.html").anchors]
    for lesson in CHINESE:  # its contents (README.zh-CN.md's) link every Chinese lesson
        assert f"{lesson.stem}.html" in links, f"zh/index does not link {lesson.stem}"
    assert "../index.html" in links  # and the English edition


def test_the_chinese_teachers_guide_is_a_page_of_the_chinese_edition(site_build: Path):
    assert build_site.chinese_doc_pages() == ["teachers_guide"]
    page, english = site_build / "zh" / "teachers_guide.html", site_build / "teachers_guide.html"
    html = page.read_text(encoding="utf-8")
    assert re.search(r'<html lang="zh-CN"', html) and "教师指南" in html and "kl_translation" not in html
    hrefs = [a["href"] for a in parse(page).anchors if a.get("href")]
    # In the Chinese edition's contents, linked from the English guide and linking it back.
    assert "teachers_guide.html" in [a["href"] for a in parse(site_build / "zh" / "index.html").anchors
                                     if a.get("href")]
    assert "../teachers_guide.html" in hrefs
    assert "zh/teachers_guide.html" in [a["href"] for a in parse(english).anchors if a.get("href")]
    # Its lesson links open the Chinese lesson pages; nothing points at a Markdown or notebook file.
    for lesson in CHINESE:
        assert f"{lesson.stem}.html" in hrefs, f"zh/teachers_guide does not link zh/{lesson.stem}"
    local = [h for h in hrefs if not re.match(r"[a-z]+:|#", h)]
    assert not [h for h in local if re.search(r"\.(md|ipynb)(#|$)", h)]
    broken = [h for h in local if not resolve(site_build, page, h).exists()]
    assert broken == [], f"zh/teachers_guide links missing pages: {broken}"
    _, repository, release = build_site.stamp.settings()
    assert f"{repository.rstrip('/')}/blob/{release}/notebooks/zh/solutions/01_definition.ipynb" in html


@pytest.mark.parametrize("lesson", CHINESE, ids=lambda p: p.name)
def test_chinese_page_is_marked_chinese_links_its_twin_and_has_its_solutions(site_build: Path, lesson: Path):
    html = (site_build / "zh" / f"{lesson.stem}.html").read_text(encoding="utf-8")
    english = (site_build / f"{lesson.stem}.html").read_text(encoding="utf-8")
    assert re.search(r'<html lang="zh-CN"', html) and re.search(r'<html lang="en"', english)
    # A reader switches language from either page.
    assert f'href="../{lesson.stem}.html"' in html and f'href="zh/{lesson.stem}.html"' in english
    toggles = re.findall(r'<details class="kl-solution">\s*<summary>显示解答</summary>', html)
    assert len(toggles) == len(copies.lesson_items(copies.load(lesson)))
    assert html.count("<details") == html.count("</details>")
    # The solution links go to the page's own exercises; the download is the Chinese notebook.
    assert f'id="zh-{lesson.stem[:2]}-exercises"' in html
    assert (site_build / "notebooks" / "zh" / lesson.name).read_bytes() == lesson.read_bytes()
    assert f'notebooks/zh/{lesson.name}' in html


@pytest.mark.parametrize("lesson", LESSONS, ids=lambda p: p.name)
def test_the_helpers_a_lesson_uses_link_to_the_api_reference(site_build: Path, lesson: Path):
    page = parse(site_build / f"{lesson.stem}.html")
    api_ids = parse(site_build / "api.html").ids
    helpers = build_site.helper_targets(site_notebook(lesson))
    assert helpers, f"{lesson.name} uses no kh.* helper?"
    links = {a["href"].split("#", 1)[1] for a in page.anchors if a.get("href", "").startswith("api.html#")}
    for name, target in helpers:
        # Sphinx's anchor for a module is "module-<name>", for a function or class its name.
        anchor = next((a for a in (target, f"module-{target}") if a in links), None)
        assert anchor is not None, f"{lesson.name}: no API link for {name}"
        assert anchor in api_ids, f"api.html has no entry {anchor} for {name}"


def test_lite_registers_the_widget_manager_and_the_kernel(site_build: Path):
    config = json.loads((site_build / LITE / "jupyter-lite.json").read_text())["jupyter-config-data"]
    names = {ext["name"] for ext in config["federated_extensions"]}
    assert names == {"@jupyter-widgets/jupyterlab-manager", "@jupyterlite/pyodide-kernel-extension",
                     "anywidget"}
    for ext in config["federated_extensions"]:
        assert (site_build / LITE / "extensions" / ext["name"] / ext["load"]).exists()


def test_lite_package_index_holds_the_course_wheel(site_build: Path):
    version = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]["version"]
    lite = site_build / LITE
    config = json.loads((lite / "jupyter-lite.json").read_text())["jupyter-config-data"]
    urls = config["litePluginSettings"][LITE_SETTINGS]["pipliteUrls"]
    # The site's own index comes first (the kernel's bundled one follows); "?sha256=" busts caches.
    index_path = urls[0].split("?", 1)[0]
    assert index_path == "./pypi/all.json", urls
    index = json.loads((lite / index_path).read_text())
    (release,) = index["kl-helpers"]["releases"][version]
    assert release["filename"] == f"kl_helpers-{version}-py3-none-any.whl"
    assert (lite / "pypi" / release["filename"]).stat().st_size == release["size"]
    # Its runtime dependencies that Pyodide does not ship, as pure-Python wheels (no network there).
    for name in ("anywidget", "psygnal", "typing-extensions"):
        (release,) = index[name]["releases"][importlib.metadata.version(name)]
        assert release["filename"].endswith("-py3-none-any.whl"), release
        assert (lite / "pypi" / release["filename"]).stat().st_size == release["size"]


def test_lite_contents_are_the_committed_notebooks(site_build: Path):
    files = site_build / LITE / "files"
    committed = sorted(p.relative_to(ROOT / "notebooks") for p in (ROOT / "notebooks").rglob("*.ipynb")
                       if ".ipynb_checkpoints" not in p.parts)
    for path in committed:
        assert json.loads((files / path).read_text()) == json.loads((ROOT / "notebooks" / path).read_text())
    assert not (site_build / LITE / "files" / ".ipynb_checkpoints").exists()
