"""Build the course website into build/site: Jupyter Book 1 pages and a JupyterLite deployment.

`make site` runs this. Nothing is executed: every page shows the outputs stored in the committed,
nbval-checked notebooks (panels as their stored pictures). Steps:

1. Stage the book's sources in build/book: site/ (configuration, extension, styles) plus pages
   generated here: the landing page from the README (tools/make_pages.py, the same code that
   writes notebooks/index.ipynb), each lesson with its worked solutions behind a "Show solution"
   toggle (tools/copies.py, mode="site"), the explorer, the notation card, and the API reference
   of kl_helpers (Sphinx autodoc from its numpy-style docstrings).
2. `jupyter-book build -W` (warnings are errors) into build/site, then MathJax from npm
   (tools/frontend.py) into _static/mathjax, and the committed notebooks for download.
3. `jupyter lite build` into build/site/lite: the course notebooks as its contents, the course's
   own wheel and its pure-Python dependencies (anywidget, psygnal) in its package index, the
   ipywidgets manager and anywidget registered.

    python tools/build_site.py                 # build/site
    python tools/build_site.py --out DIR       # elsewhere (the tests build into a temporary folder)
    python tools/build_site.py --no-lite       # the book only
"""

from __future__ import annotations

import argparse
import json
import re
import shutil
import subprocess
import sys
import time
from pathlib import Path
from urllib.parse import urlencode

import yaml

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tools"))

import copies  # noqa: E402
import course_links  # noqa: E402
import frontend  # noqa: E402
import make_pages  # noqa: E402
import stamp  # noqa: E402

SITE = ROOT / "site"
NOTEBOOKS = ROOT / "notebooks"
#: The Chinese edition (notebooks/zh/), the site's zh/ pages.
ZH = NOTEBOOKS / "zh"
#: The part of the table of contents holding the Chinese edition.
CHINESE_PART = "中文版（Chinese edition）"
BUILD = ROOT / "build"
#: The opening and closing of the toggle around each worked solution on a lesson page.
SOLUTION_OPEN = '<details class="kl-solution">\n<summary>Show solution</summary>'
SOLUTION_OPEN_ZH = '<details class="kl-solution">\n<summary>显示解答</summary>'
SOLUTION_CLOSE = "</details>"
#: The part of site/_toc.yml that lists the reference pages (tools/build_site.py adds new ones).
REFERENCE_PART = "For class and reference"
#: Where the committed notebooks are offered for download, inside the site.
DOWNLOADS = "notebooks"
#: The JupyterLab extensions in the Lite deployment (from jupyterlab_widgets, the kernel, and
#: anywidget: the panels' front end, kl_helpers/panels/panel_canvas.js, runs through it).
LITE_EXTENSIONS = ("@jupyter-widgets/jupyterlab-manager", "@jupyterlite/pyodide-kernel-extension",
                   "anywidget")
#: Pure-Python wheels the in-browser kernel installs with the course's own (its runtime
#: dependencies that Pyodide does not ship), at the versions installed here, from PyPI.
LITE_WHEELS = ("anywidget", "psygnal", "typing-extensions")


def lessons() -> list[Path]:
    return sorted(NOTEBOOKS.glob("[0-9][0-9]_*.ipynb"))


def chinese_lessons() -> list[Path]:
    return sorted(ZH.glob("[0-9][0-9]_*.ipynb"))


def chinese_pages() -> list[Path]:
    """The Chinese edition's other pages: its explorer and notation card, once translated."""
    return [p for p in (ZH / "explorer.ipynb", ZH / "notation.ipynb") if p.exists()]


def reference_pages() -> list[Path]:
    """The other notebooks of notebooks/ (notation card, cheat sheet, bibliography, ...): each a page.

    The lessons link them, so a new one is on the site as soon as it is in notebooks/.
    """
    taken = {*lessons(), NOTEBOOKS / "index.ipynb", NOTEBOOKS / "explorer.ipynb"}
    return sorted(p for p in NOTEBOOKS.glob("*.ipynb") if p not in taken)


def load(path: Path) -> dict:
    return json.loads(path.read_text(encoding="utf-8"))


def write(nb: dict, path: Path) -> None:
    path.write_text(json.dumps(nb, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")


def markdown_cell(source: str, name: str) -> dict:
    return {"cell_type": "markdown", "id": name, "metadata": {}, "source": source}


# ------------------------------------------------------------------------------------------------
# Pages


def landing_page() -> dict:
    """index: the README's story and contents table (links already relative to notebooks/)."""
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    title = readme.splitlines()[0].removeprefix("# ")
    text = (
        f"# {title}\n\n{make_pages.story(readme)}\n## Contents\n\n{make_pages.contents_table(readme)}\n"
        "The [notation card](notation.ipynb) lists every symbol the course uses, with an "
        "English–Chinese term list; the [API reference](api.rst) documents the helper package.\n\n"
        "## Run a lesson\n\n"
        "Every page shows the lesson as it was last run, pictures of its slider panels included. "
        "To move the sliders, open a lesson with the rocket button at the top of its page: "
        "**Binder** or **Colab** (free, in the cloud), your institution's **JupyterHub**, or "
        "**in the browser (beta)**, where Python runs inside the web page. Or download the "
        "notebook (the download button) and run it in your own JupyterLab, as the "
        "[repository's README]({repo}#quick-start) explains.\n"
    ).format(repo=course_links.settings()["repository"])
    nb = load(NOTEBOOKS / "index.ipynb")
    nb["cells"] = [markdown_cell(text, "landing")]
    return nb


def helper_homes() -> dict[str, str]:
    """``{name: module}`` for every name ``kh.<name>`` promotes: where the API reference documents it.

    Read from each core module's ``__all__`` (a constant such as ``kh.LOG_2PI`` has no ``__module__``).
    """
    import kl_helpers

    return {name: module.__name__ for module in kl_helpers.CORE_MODULES for name in module.__all__}


def helper_targets(nb: dict) -> list[tuple[str, str]]:
    """``(kh.name, API target)`` for every helper the notebook's code calls, in order of first use."""
    import kl_helpers

    homes = helper_homes()
    found: dict[str, str] = {}
    for cell in nb["cells"]:
        if cell["cell_type"] != "code":
            continue
        for dotted in re.findall(r"\bkh\.([A-Za-z_]\w*(?:\.[A-Za-z_]\w*)?)", copies.text(cell)):
            head, _, tail = dotted.partition(".")
            if head in kl_helpers.__all__:  # documented where it is defined
                target = f"{homes[head]}.{head}"
            elif head in {"panels", "exercises", "figures"} and tail:
                target = f"kl_helpers.{head}.{tail}"
            else:
                continue
            found.setdefault(f"kh.{head}.{tail}" if tail and head not in kl_helpers.__all__
                             else f"kh.{head}", target)
    return list(found.items())


def helpers_note(nb: dict, chinese: bool = False) -> dict | None:
    """A note linking each helper the lesson uses to its API entry (placed where they first appear)."""
    helpers = helper_targets(nb)
    if not helpers:
        return None
    links = ", ".join(f"{{py:obj}}`{name} <{target}>`" for name, target in helpers)
    if chinese:  # a page in zh/: the (English) API reference is one folder up
        return markdown_cell(
            ":::{admonition} 本课用到的辅助函数\n:class: tip kl-helpers\n"
            "下面的代码调用了课程的 Python 包 `kl_helpers`（导入为 `kh`）中的这些部分；"
            f"每个名字都链接到它在 [API 参考（英文）](../api.rst) 中的文档：{links}。\n:::",
            "kl-helpers-note",
        )
    return markdown_cell(
        ":::{admonition} The helpers in this lesson\n:class: tip kl-helpers\n"
        "The code below calls these parts of the course's package `kl_helpers` (imported as `kh`); "
        f"each name links to its documentation in the [API reference](api.rst): {links}.\n:::",
        "kl-helpers-note",
    )


def wrap_solutions(cells: list[dict], opening: str = SOLUTION_OPEN) -> list[dict]:
    """Put each run of cells tagged as a solution (copies.SOLUTION_TAG) inside one toggle."""
    out: list[dict] = []
    run = 0
    for i, cell in enumerate([*cells, None]):
        tagged = cell is not None and copies.SOLUTION_TAG in cell.get("metadata", {}).get("tags", [])
        if tagged and not run:
            run += 1
            out.append(markdown_cell(opening, f"kl-solution-open-{run}-{i}"))
        if not tagged and run:
            out.append(markdown_cell(SOLUTION_CLOSE, f"kl-solution-close-{i}"))
            run = 0
        if cell is not None:
            out.append(cell)
    return out


#: A page's link to its Chinese twin (notebooks/zh/): a page of the site's Chinese edition.
CHINESE_LINK = re.compile(r"\]\((zh/[^)\s#]+)(#[^)\s]*)?\)")


def chinese_edition_link(match: re.Match) -> str:
    """A Chinese twin that is not translated yet: the repository at the release tag, else the page."""
    if (NOTEBOOKS / match.group(1)).exists():
        return match.group(0)
    _, repository, release = stamp.settings()
    return f"]({repository.rstrip('/')}/blob/{release}/notebooks/{match.group(1)}{match.group(2) or ''})"


def lesson_page(lesson: Path) -> dict:
    """A lesson with its worked solutions behind toggles and a note linking its helpers' docs.

    A lesson of the Chinese edition (notebooks/zh/) gets its Chinese solutions and toggles.
    """
    chinese = lesson.parent == ZH
    solutions = lesson.parent / "solutions" / lesson.name
    nb = copies.assemble(lesson, solutions, mode="site") if solutions.exists() else load(lesson)
    cells = wrap_solutions(nb["cells"], SOLUTION_OPEN_ZH if chinese else SOLUTION_OPEN)
    # The solutions are on this page now: a link to the solutions notebook goes to its exercises.
    pattern = re.compile(r"\]\(solutions/" + re.escape(lesson.name) + r"(#[^)\s]*)?\)")
    # A Chinese heading gets no anchor from MyST: the Chinese page gets a target of its own
    # (targets are site-wide, so one name per page).
    anchor = f"zh-{lesson.stem[:2]}-exercises" if chinese else "exercises"
    for cell in cells:
        if chinese and cell["cell_type"] == "markdown" and copies.text(cell).startswith("## 练习"):
            cell["source"] = f"({anchor})=\n" + copies.text(cell)
        if cell["cell_type"] == "markdown" and pattern.search(copies.text(cell)):
            cell["source"] = pattern.sub(f"](#{anchor})", copies.text(cell))
        if cell["cell_type"] == "markdown" and CHINESE_LINK.search(copies.text(cell)):
            cell["source"] = CHINESE_LINK.sub(chinese_edition_link, copies.text(cell))
    note = helpers_note(nb, chinese)
    if note is not None:
        first = next(i for i, c in enumerate(cells)
                     if c["cell_type"] == "code" and re.search(r"\bkh\.", copies.text(c)))
        cells.insert(first, note)
    return {**nb, "cells": cells}


def chinese_landing_page() -> dict:
    """zh/index: README.zh-CN.md's story and contents table, links made relative to zh/."""
    readme = (ROOT / "README.zh-CN.md").read_text(encoding="utf-8")
    title = readme.splitlines()[0].removeprefix("# ")
    rows = [line for line in readme.splitlines() if line.startswith("| [")]
    table = "| 笔记本 | 你将学到什么 | 用时 |\n|---|---|---|\n" + "\n".join(rows) + "\n"
    text = (f"# {title}\n\n{make_pages.story(readme)}\n## 目录\n\n{table}\n"
            "[记号表](notation.ipynb)（含英汉术语对照表）· [English edition](../index.ipynb)\n")
    text = re.sub(r"\]\(notebooks/zh/", "](", text)
    text = re.sub(r"\]\(notebooks/", "](../", text)
    text = re.sub(r"\]\(README\.md\)", "](../index.ipynb)", text)
    nb = load(NOTEBOOKS / "index.ipynb")
    nb["cells"] = [markdown_cell(text, "landing-zh")]
    return nb


def search_dictionary(path: Path) -> Path:
    """jieba's user dictionary for the site's search: every glossary term written as one word.

    Sphinx segments Chinese with jieba (``html_search_language: zh``); without these words a term
    such as 负对数似然 could be indexed only in pieces, and a search for it would find nothing.
    jieba's format: one word per line, then a frequency high enough to keep it whole.
    """
    words = [t for t in make_pages.chinese_terms() if " " not in t and re.search(r"[\u4e00-\u9fff]", t)]
    path.write_text("".join(f"{w} 100000\n" for w in words), encoding="utf-8")
    return path


def api_page() -> str:
    """api.rst: the reference of kl_helpers, generated by autodoc from its docstrings."""
    import kl_helpers
    import kl_helpers.exercises
    import kl_helpers.figures
    import kl_helpers.panels

    def entries(module_name: str, names: list[str], namespace) -> list[str]:
        lines = [f".. currentmodule:: {module_name}", ""]
        for name in names:
            obj = getattr(namespace, name)
            kind = ("autoclass" if isinstance(obj, type) else
                    "autofunction" if callable(obj) else "autodata")
            lines += [f".. {kind}:: {name}", *(["   :members:"] if kind == "autoclass" else []), ""]
        return lines

    out = [
        "API reference: ``kl_helpers``", "=" * 32, "",
        "The course's helper package, as the lessons call it (``import kl_helpers as kh``). Every "
        "name of the numerical core is reachable as ``kh.<name>``; the figures, slider panels and "
        "exercise checkers as ``kh.figures.<lesson>``, ``kh.panels.<Panel>`` and "
        "``kh.exercises.check_NN_*``. Generated from the docstrings; ``help(kh.<name>)`` in a "
        "notebook shows the same text.", "",
        "Numerical core (numpy only)", "-" * 27, "",
    ]
    for module in kl_helpers.CORE_MODULES:
        title = f"``{module.__name__}``"
        out += [title, "~" * len(title), "", f".. automodule:: {module.__name__}", "   :no-members:", ""]
        out += entries(module.__name__, list(module.__all__), module)
    out += ["Figures", "-" * 7, ""]
    for name in kl_helpers.figures.__all__:
        title = f"``kh.figures.{name}``"
        out += [title, "~" * len(title), "", f".. automodule:: kl_helpers.figures.{name}",
                "   :members:", ""]
    out += ["Slider panels", "-" * 13, "", ".. automodule:: kl_helpers.panels", "   :no-members:", ""]
    out += entries("kl_helpers.panels", list(kl_helpers.panels.__all__), kl_helpers.panels)
    out += ["Exercise checkers", "-" * 17, "", ".. automodule:: kl_helpers.exercises", "   :no-members:", ""]
    out += entries("kl_helpers.exercises", list(kl_helpers.exercises.__all__), kl_helpers.exercises)
    out += ["Plotting style", "-" * 14, "", ".. automodule:: kl_helpers.plotting", "   :members:", ""]
    return "\n".join(out)


def issue_url(page: str) -> str:
    """The repository's learner issue form (.github/ISSUE_TEMPLATE/learner.yml) naming ``page``.

    ``page`` fills the form's "page" field and the issue title, e.g. ``notebooks/01_definition.ipynb``.
    """
    query = urlencode({"template": "learner.yml", "title": f"[{page}] ", "page": page})
    return f"{course_links.settings()['repository']}/issues/new?{query}"


def page_settings(docname: str, notebook: str | None, launch: bool) -> dict:
    """What site/_ext/kl_site.py renders for one page: launch links, download, issue form."""
    page: dict = {"issue": issue_url(notebook or f"site: {docname}")}
    if notebook:
        page["download"] = f"{DOWNLOADS}/{Path(notebook).relative_to('notebooks').as_posix()}"
    if launch:
        page["launch"] = {
            "binder": course_links.binder_url(notebook),
            "colab": course_links.colab_url(notebook),
            "jupyterhub": course_links.nbgitpuller_url(notebook),
            "lite": course_links.lite_url(notebook),
        }
    return page


def table_of_contents() -> dict:
    """site/_toc.yml with every reference page listed under its part (those it names first)."""
    toc = yaml.safe_load((SITE / "_toc.yml").read_text(encoding="utf-8"))
    (part,) = [p for p in toc["parts"] if p["caption"] == REFERENCE_PART]
    listed = {entry.get("file") for entry in part["chapters"]}
    extra = [{"file": p.stem} for p in reference_pages() if p.stem not in listed]
    extra += [{"file": name} for name in DOC_PAGES if name not in listed]
    api = next(i for i, entry in enumerate(part["chapters"]) if entry.get("file") == "api")
    part["chapters"][api:api] = extra
    if chinese_lessons():  # the Chinese edition: its contents page, lessons and other pages
        chapters = [{"file": "zh/index"}, {"glob": "zh/[0-9][0-9]_*"}]
        chapters += [{"file": f"zh/{p.stem}"} for p in chinese_pages()]
        chapters += [{"file": f"zh/{name}"} for name in chinese_doc_pages()]
        toc["parts"].append({"caption": CHINESE_PART, "chapters": chapters})
    return toc


#: Markdown guides of docs/ that are pages of the site too (after the reference notebooks).
DOC_PAGES = ("teachers_guide", "troubleshooting")
#: Those translated (docs/<name>.zh-CN.md): pages of the Chinese edition, zh/<name>.
CHINESE_DOC_PAGES = ("teachers_guide",)
_DOC_LINK = re.compile(r"\]\((\.\./[^)\s]*|[a-z_]+(?:\.zh-CN)?\.md[^)\s]*)\)")


def chinese_doc_pages() -> list[str]:
    """The guides of CHINESE_DOC_PAGES whose translation exists."""
    return [name for name in CHINESE_DOC_PAGES if (ROOT / "docs" / f"{name}.zh-CN.md").exists()]


def doc_page(name: str, chinese: bool = False) -> str:
    """docs/<name>.md (``chinese``: docs/<name>.zh-CN.md, the page zh/<name>) with its links
    rewritten for the site.

    A lesson, the explorer or another site page is linked as the site page (from the Chinese
    guide, a lesson of the Chinese edition as its zh/ page); whatever the site does not hold (the
    README, the worked-solution notebooks, docs/claims.md, a folder) as the file in the
    repository at the release tag, so no link of the page is broken.
    """
    _, repository, release = stamp.settings()
    on_site = {p.name for p in lessons()} | {"explorer.ipynb"} | {p.name for p in reference_pages()}
    zh_on_site = {p.name for p in [*chinese_lessons(), *chinese_pages()]}
    doc_names = {f"{d}.md" for d in DOC_PAGES}
    up = "../" if chinese else ""  # a zh/ page is one folder down

    def rewrite(match: re.Match) -> str:
        target = match.group(1)
        path, _, anchor = target.partition("#")
        name_ = Path(path).name
        tail = f"#{anchor}" if anchor else ""
        if path.startswith("../notebooks/") and "/solutions/" not in path:
            if path.startswith("../notebooks/zh/") and name_ in zh_on_site:
                return f"]({'' if chinese else 'zh/'}{name_}{tail})"
            if path.count("/") == 2 and name_ in on_site:
                return f"]({up}{name_}{tail})"
        if name_ in doc_names and not path.startswith("../"):
            return f"]({up}{name_}{tail})"
        translated = re.fullmatch(r"([a-z_]+)\.zh-CN\.md", path)
        if translated and translated.group(1) in chinese_doc_pages() and not path.startswith("../"):
            return f"]({'' if chinese else 'zh/'}{translated.group(1)}.md{tail})"
        relative = path[3:] if path.startswith("../") else f"docs/{path}"
        kind = "tree" if relative.endswith("/") or relative in ("notebooks", "") else "blob"
        url = f"{repository.rstrip('/')}/{kind}/{release}/{relative.rstrip('/')}"
        return f"]({url}{tail})"

    source = ROOT / "docs" / (f"{name}.zh-CN.md" if chinese else f"{name}.md")
    # The translation's bookkeeping (tools/translations.py --stamp-guide) is not for readers.
    text = re.sub(r"(?m)^<!-- kl_translation: \S* -->\n", "", source.read_text(encoding="utf-8"))
    text = _DOC_LINK.sub(rewrite, text)
    # A MyST target before each heading the page links to, named as GitHub names its anchor: the
    # guides' own "#the-sliders-do-not-show" links then work on the site as they do on GitHub.
    linked = set(re.findall(r"\]\(#([^)\s]+)\)", text))
    seen: dict[str, int] = {}

    def label(match: re.Match) -> str:
        anchor = github_anchor(match.group(2))
        count = seen.get(anchor, 0)
        seen[anchor] = count + 1
        anchor = f"{anchor}-{count}" if count else anchor  # GitHub numbers repeated headings
        return f"({anchor})=\n{match.group(0)}" if anchor in linked else match.group(0)

    return re.sub(r"(?m)^(#{1,6}) (.+)$", label, text)


def github_anchor(heading: str) -> str:
    """The anchor GitHub gives a Markdown heading.

    >>> github_anchor("A Mac with Apple silicon (M1–M4)")
    'a-mac-with-apple-silicon-m1m4'
    >>> github_anchor("`pip install` fails")
    'pip-install-fails'
    """
    return re.sub(r"[^\w\- ]", "", heading.strip().lower()).replace(" ", "-")


def site_footer() -> str:
    """The footer of every page: the notebooks' stamp (version and licences), as HTML."""
    version, repository, release = stamp.settings()
    base = f"{repository.rstrip('/')}/blob/{release}"
    return (f'<p class="kl-licence"><em>KL divergence, step by step</em> · version {version} · '
            f'text and figures <a href="{base}/LICENSE-CONTENT.md">CC BY 4.0</a> · '
            f'code <a href="{base}/LICENSE">BSD-3-Clause</a></p>')


def stage(book: Path) -> dict:
    """Write the book's sources into ``book``; return the kl_pages setting."""
    if book.exists():
        shutil.rmtree(book)
    shutil.copytree(SITE, book, ignore=shutil.ignore_patterns("__pycache__", "lite"))
    pages = {"index": page_settings("index", None, False), "api": page_settings("api", None, False)}
    write(landing_page(), book / "index.ipynb")
    for lesson in lessons():
        write(lesson_page(lesson), book / lesson.name)
        pages[lesson.stem] = page_settings(lesson.stem, f"notebooks/{lesson.name}", True)
    shutil.copy(NOTEBOOKS / "explorer.ipynb", book / "explorer.ipynb")
    pages["explorer"] = page_settings("explorer", "notebooks/explorer.ipynb", True)
    for page in reference_pages():
        nb = load(page)
        for cell in nb["cells"]:  # the notation card links its Chinese twin too
            if cell["cell_type"] == "markdown" and CHINESE_LINK.search(copies.text(cell)):
                cell["source"] = CHINESE_LINK.sub(chinese_edition_link, copies.text(cell))
        write(nb, book / page.name)
        pages[page.stem] = page_settings(page.stem, f"notebooks/{page.name}", False)
    for name in DOC_PAGES:
        (book / f"{name}.md").write_text(doc_page(name), encoding="utf-8")
        pages[name] = page_settings(name, None, False)
    if chinese_lessons():
        (book / "zh").mkdir()
        write(chinese_landing_page(), book / "zh" / "index.ipynb")
        pages["zh/index"] = page_settings("zh/index", None, False)
        for lesson in chinese_lessons():
            write(lesson_page(lesson), book / "zh" / lesson.name)
            name = f"zh/{lesson.stem}"
            pages[name] = page_settings(name, f"notebooks/zh/{lesson.name}", True)
        for page in chinese_pages():
            write(load(page), book / "zh" / page.name)
            launch = page.stem == "explorer"
            pages[f"zh/{page.stem}"] = page_settings(f"zh/{page.stem}", f"notebooks/zh/{page.name}", launch)
        for name in chinese_doc_pages():
            (book / "zh" / f"{name}.md").write_text(doc_page(name, chinese=True), encoding="utf-8")
            pages[f"zh/{name}"] = page_settings(f"zh/{name}", None, False)
    (book / "_toc.yml").write_text(yaml.safe_dump(table_of_contents(), sort_keys=False), encoding="utf-8")
    (book / "api.rst").write_text(api_page(), encoding="utf-8")
    config = yaml.safe_load((SITE / "_config.yml").read_text(encoding="utf-8"))
    config["sphinx"]["config"]["kl_pages"] = pages
    config["sphinx"]["config"]["kl_helper_homes"] = helper_homes()
    # (html.extra_footer would be overridden by the html_theme_options set in site/_config.yml)
    config["sphinx"]["config"]["html_theme_options"]["extra_footer"] = site_footer()
    # One search for both editions: Sphinx's Chinese search segments Chinese with jieba and
    # stems English words as its English search does, so 交叉熵 and cross-entropy are both found.
    config["sphinx"]["config"]["html_search_language"] = "zh"
    config["sphinx"]["config"]["html_search_options"] = {
        "dict": str(search_dictionary(book / "_search_words.txt"))}
    (book / "_config.yml").write_text(yaml.safe_dump(config, sort_keys=False, allow_unicode=True),
                                      encoding="utf-8")
    return pages


# ------------------------------------------------------------------------------------------------
# Builds


def run(command: list[str | Path], cwd: Path = ROOT) -> None:
    print("$", " ".join(str(part) for part in command), flush=True)
    subprocess.run([str(part) for part in command], check=True, cwd=cwd)


def tool(name: str) -> Path:
    """A command installed next to this Python (the .venv's bin)."""
    return Path(sys.executable).parent / name


def build_book(book: Path, out: Path) -> None:
    run([tool("jupyter-book"), "build", book, "--builder", "html", "-W", "--keep-going",
         "--path-output", book, "--quiet"])
    html = book / "_build" / "html"
    if out.exists():
        shutil.rmtree(out)
    out.parent.mkdir(parents=True, exist_ok=True)
    shutil.move(html, out)
    shutil.copytree(frontend.mathjax_dir(), out / "_static" / "mathjax")
    downloads = out / DOWNLOADS
    downloads.mkdir()
    for path in [*NOTEBOOKS.glob("*.ipynb"), *ZH.glob("*.ipynb")]:
        target = downloads / path.relative_to(NOTEBOOKS)
        target.parent.mkdir(exist_ok=True)
        shutil.copy(path, target)
    # GitHub Pages runs Jekyll unless told not to, and Jekyll drops folders starting with "_".
    (out / ".nojekyll").touch()


def build_wheel(where: Path) -> Path:
    """The course's own pure-Python wheel (what `%pip install` gets in the browser)."""
    if where.exists():
        shutil.rmtree(where)
    run([sys.executable, "-m", "pip", "wheel", "--quiet", "--no-deps", "--wheel-dir", where, ROOT])
    (wheel,) = where.glob("kl_helpers-*-py3-none-any.whl")
    return wheel


def dependency_wheels(where: Path) -> list[Path]:
    """The pure-Python wheels of LITE_WHEELS, at the installed versions (pip downloads them).

    psygnal's wheel installed here may be compiled for this machine; the in-browser kernel needs
    its pure-Python one (py3-none-any), hence a download rather than a copy.
    """
    from importlib.metadata import version

    pins = [f"{name}=={version(name)}" for name in LITE_WHEELS]
    run([sys.executable, "-m", "pip", "download", "--quiet", "--no-deps", "--only-binary=:all:",
         "--platform", "any", "--implementation", "py", "--python-version", "3.12",
         "--dest", where, *pins])
    return sorted(where.glob("*-py3-none-any.whl"))


def build_lite(work: Path, out: Path) -> None:
    """The JupyterLite deployment in ``out`` (the course notebooks as its files)."""
    if work.exists():
        shutil.rmtree(work)
    shutil.copytree(SITE / "lite", work)
    # Exactly the two front-end extensions the lessons need, not every one in this environment
    # (Voilà's preview, for one, expects a Jupyter server): the widget manager, so ipywidgets
    # render, and the Pyodide kernel.
    labextensions = Path(sys.prefix) / "share" / "jupyter" / "labextensions"
    config = {"LiteBuildConfig": {
        "ignore_sys_prefix": ["federated_extensions"],
        "federated_extensions": [str(labextensions / name) for name in LITE_EXTENSIONS],
    }}
    (work / "jupyter_lite_config.json").write_text(json.dumps(config, indent=1), encoding="utf-8")
    wheel = build_wheel(work / "wheels")
    wheels = [arg for dep in dependency_wheels(work / "dependency-wheels")
              for arg in ("--piplite-wheels", dep)]
    run([tool("jupyter"), "lite", "build", "--lite-dir", work, "--output-dir", out,
         "--contents", NOTEBOOKS, "--piplite-wheels", wheel, *wheels,
         "--no-sourcemaps", "--no-unused-shared-packages"], cwd=work)  # its task database goes there


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--out", type=Path, default=BUILD / "site", help="output folder (build/site)")
    parser.add_argument("--no-lite", action="store_true", help="skip the JupyterLite deployment")
    args = parser.parse_args(argv)
    out = args.out.resolve()
    work = out.parent / f"{out.name}-src"  # staging, next to the output
    start = time.monotonic()
    try:
        frontend.ensure()
    except frontend.FrontendError as error:
        print(f"site: {error}", file=sys.stderr)
        return 1
    stage(work / "book")
    try:
        build_book(work / "book", out)
        if not args.no_lite:  # where the launch links expect it (tools/course_settings.json)
            build_lite(work / "lite", out / course_links.settings()["lite"])
    except subprocess.CalledProcessError as error:
        print(f"site: `{' '.join(map(str, error.cmd[:3]))}` failed (see above)", file=sys.stderr)
        return 1
    print(f"site: built {out} in {time.monotonic() - start:.0f} s; preview: "
          f"python -m http.server --directory {out} 8000")
    return 0


if __name__ == "__main__":
    sys.exit(main())
