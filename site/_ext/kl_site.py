"""The course website's own Sphinx extension: header buttons, the "report a problem" link, checks.

Nothing here computes a URL: tools/build_site.py puts, for every page, its launch links (from
tools/course_links.py, which reads tools/course_settings.json), its download and its issue-form
link into the configuration value ``kl_pages``; this extension only renders them.

* Lesson pages get a "Launch" menu (Binder, Colab, JupyterHub, in the browser (beta)) and a
  download button for the committed notebook, in the theme's header bar.
* Every page gets a header button and a line at its end to report a problem or suggest an edit:
  the repository's learner issue form (.github/ISSUE_TEMPLATE/learner.yml) naming the page.
* The Chinese search (``html_search_language = "zh"``, jieba) without Sphinx 7's quadratic
  cost: see :class:`ChineseSearch`.
* A link to a helper's API entry (``{py:obj}`kh.name <kl_helpers.name>```) resolves to where the
  helper is documented; one that does not resolve is a warning, so the build (warnings as errors)
  fails instead of printing plain text.
"""

from __future__ import annotations

from html import escape

from sphinx.application import Sphinx
from sphinx.search import zh as sphinx_zh
from sphinx.util import logging

LOGGER = logging.getLogger(__name__)

#: (key in kl_pages[...]["launch"], menu text, icon in the theme's static files or Font Awesome)
LAUNCHERS = (
    ("binder", "Binder", "_static/images/logo_binder.svg"),
    ("colab", "Colab", "_static/images/logo_colab.png"),
    ("jupyterhub", "JupyterHub", "_static/images/logo_jupyterhub.svg"),
    ("lite", "In the browser (beta)", "_static/images/logo_jupyterlite.svg"),
)


def add_page_buttons(app: Sphinx, pagename: str, templatename: str, context: dict, doctree) -> None:
    page = app.config.kl_pages.get(pagename)
    if page is None or "header_buttons" not in context:
        return
    pathto = context["pathto"]
    buttons = context["header_buttons"]
    if page.get("launch"):
        launch = []
        for key, text, icon in LAUNCHERS:
            url = page["launch"][key]
            if key == "lite":  # relative to the site's root, wherever this page is
                path, _, query = url.partition("?")
                url = pathto(path, 1) + ("?" + query if query else "")
            launch.append({"type": "link", "url": url, "text": text, "icon": icon,
                           "tooltip": f"Open this lesson in {text}", "label": f"launch-{key}"})
        buttons.insert(0, {"type": "group", "tooltip": "Run this lesson", "icon": "fas fa-rocket",
                           "buttons": launch, "label": "launch-buttons"})
    if page.get("download"):
        buttons.insert(1 if page.get("launch") else 0, {
            "type": "link", "url": pathto(page["download"], 1), "icon": "fas fa-download",
            "tooltip": "Download this notebook (.ipynb)", "label": "download-notebook",
        })
    buttons.append({"type": "link", "url": page["issue"], "icon": "fas fa-bug",
                    "tooltip": "Report a problem or suggest an edit", "label": "report-problem"})
    report = REPORT_ZH if pagename.startswith("zh/") else REPORT
    context["body"] = context.get("body", "") + report.format(escape(page["issue"], quote=True))


REPORT = ('<p class="kl-report"><a class="reference external" href="{}">Report a problem or suggest an '
          "edit on this page</a> (an issue form on the course's repository; no code needed).</p>")
REPORT_ZH = ('<p class="kl-report"><a class="reference external" href="{}">报告本页的问题或提出修改建议'
             "</a>（课程仓库中的问题表单，无需编写代码）。</p>")


def mark_chinese(app: Sphinx, pagename: str, templatename: str, context: dict, doctree) -> None:
    """The Chinese edition's pages (zh/) say they are Chinese: ``<html lang="zh-CN">``.

    Screen readers pick their voice from it, and browsers their CJK fonts.
    """
    if pagename.startswith("zh/"):
        context["language"] = "zh-CN"


def drop_thebe(app: Sphinx, pagename: str, templatename: str, context: dict, doctree) -> None:
    """Remove sphinx-thebe's scripts, which Jupyter Book always loads (live code is off here).

    They name a CDN (unpkg) and declare their settings twice, an uncaught error on every page.
    """
    def is_thebe(script) -> bool:
        text = f"{getattr(script, 'filename', script)} {getattr(script, 'attributes', {})}"
        return "thebe" in text.lower()

    for key in ("script_files", "css_files"):
        if key in context:
            context[key] = [s for s in context[key] if not is_thebe(s)]


def drop_thebe_config(app: Sphinx, doctree, docname: str) -> None:
    """Remove the thebe configuration sphinx-thebe appends to every page (it names a Binder repo)."""
    from docutils import nodes

    for raw in list(doctree.findall(nodes.raw)):
        if "x-thebe-config" in raw.astext() or "kernelName =" in raw.astext():
            raw.parent.remove(raw)


def resolve_helper(app: Sphinx, env, node, contnode):
    """Resolve ``kl_helpers.<name>`` (the name a learner calls) to where it is documented.

    The API reference documents each function in its module (``kl_helpers.divergence.
    kl_divergence``); docstrings and lessons may say ``kl_helpers.kl_divergence``. Any other
    helper link that finds no entry is a warning, so the build fails instead of printing text.
    """
    target = node.get("reftarget", "")
    if node.get("refdomain") != "py" or not target.startswith("kl_helpers."):
        return None
    name = target.removeprefix("kl_helpers.")
    home = app.config.kl_helper_homes.get(name)  # from tools/build_site.py helper_homes()
    if home is not None:
        real = f"{home}.{name}"
        found = env.get_domain("py").resolve_xref(env, node["refdoc"], app.builder, node["reftype"],
                                                  real, node, contnode)
        if found is not None:
            return found
    LOGGER.warning("helper link to %s has no entry in the API reference", target,
                   location=node, type="kl_site", subtype="helper_link")
    return None


class ChineseSearch(sphinx_zh.SearchChinese):
    """Sphinx's Chinese search index, with its Latin words kept in a set instead of a list.

    Sphinx 7 (which Jupyter Book 1 requires) appends every Latin word of every page to the list
    ``latin_terms`` and tests each word it indexes for membership in that list: quadratic in the
    site's text. It took 150 of the book's 180 s of build here (measured with cProfile, Sphinx
    7.4.7). Sphinx 8.1 made it a set (python/docsbuild-scripts#209: a zh-TW build of the Python
    docs went from 1 h 28 min to 6 min); this is the same change, and the index is the same.
    """

    def init(self, options: dict) -> None:
        super().init(options)
        self.latin_terms = set()  # the class attribute is a list shared by every instance

    def split(self, input: str) -> list[str]:  # Sphinx's parameter name
        chinese = list(sphinx_zh.jieba.cut_for_search(input)) if sphinx_zh.JIEBA else []
        latin = [term.strip() for term in self.latin1_letters.findall(input)]
        self.latin_terms.update(latin)
        return chinese + latin


def setup(app: Sphinx) -> dict:
    app.add_search_language(ChineseSearch)
    app.add_config_value("kl_pages", {}, "html")
    app.add_config_value("kl_helper_homes", {}, "env")
    app.add_css_file("kl_site.css")
    app.add_js_file("kl_a11y.js", loading_method="defer")
    # After the theme has prepared context["header_buttons"] (priority 501).
    app.connect("html-page-context", add_page_buttons, priority=600)
    app.connect("html-page-context", drop_thebe, priority=600)
    app.connect("html-page-context", mark_chinese, priority=600)
    app.connect("doctree-resolved", drop_thebe_config, priority=900)
    app.connect("missing-reference", resolve_helper, priority=900)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
