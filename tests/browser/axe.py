"""axe-core accessibility checks inside a page the browser tests already opened.

axe-core comes from npm (tools/frontend.py, into build/npm, never committed), like the other
front-end assets; it is injected into the page from that file, so the check asks no server for
anything. ``serious_violations`` returns the serious and critical violations as a set of ``(rule id, kind
of element)`` pairs, the kind naming whose code renders it (e.g. "ipywidgets slider"), so a test
can compare them with an exact known set. (Not per element: JupyterLab renders only the cells in
view, so element counts vary with the window; what is wrong, and where, does not.)
"""

from __future__ import annotations

import sys

from browser_servers import ROOT
from playwright.sync_api import Page

sys.path.insert(0, str(ROOT / "tools"))
import frontend  # tools/frontend.py: the one npm installer

SERIOUS = ("serious", "critical")

# Run axe on the whole document; report (rule, impact, element selector, failure summary).
RUN_AXE_JS = r"""
async (selector) => {
  const result = await window.axe.run(selector || document, {resultTypes: ['violations']});
  // What kind of element: whose code renders it (the project's, or which upstream part).
  const kind = (el) => {
    if (!el) return 'unknown';
    if (el.closest('.cm-editor')) return 'JupyterLab code editor';
    if (el.closest('.widget-slider')) return 'ipywidgets slider';
    if (el.matches('img.widget-image')) return 'ipywidgets Image';
    if (el.closest('.jp-RenderedImage')) return 'notebook output picture';
    if (el.closest('.jp-RenderedHTMLCommon')) return 'notebook text';
    return `${el.tagName.toLowerCase()}.${Array.from(el.classList).slice(0, 2).join('.')}`;
  };
  return result.violations.flatMap((v) => v.nodes.map((node) => ({
    rule: v.id, impact: node.impact || v.impact, target: node.target.join(' '),
    kind: kind(document.querySelector(node.target[0])),
    summary: (node.failureSummary || '').slice(0, 300), help: v.help,
  })));
}
"""


def ensure_axe() -> str:
    """The path of axe.min.js, installed with the other npm assets (tools/frontend.py) when missing."""
    path = frontend.package_dir("axe-core") / "axe.min.js"
    assert path.exists(), f"npm did not install {path}"
    return str(path)


def violations(page: Page, selector: str | None = None) -> list[dict]:
    """Every axe violation in the page (or under ``selector``), one entry per element."""
    if not page.evaluate("() => Boolean(window.axe)"):
        page.add_script_tag(path=ensure_axe())
    return page.evaluate(RUN_AXE_JS, selector)


def serious_violations(found: list[dict]) -> set[tuple[str, str]]:
    """Serious and critical violations among ``found``: ``{(rule id, kind of element)}``."""
    return {(v["rule"], v["kind"]) for v in found if v["impact"] in SERIOUS}


def explain(found: list[dict]) -> str:
    """A readable list of violations for an assertion message."""
    return "\n".join(sorted(
        f"- {v['rule']} ({v['impact']}) on {v['kind']} at {v['target'][-120:]}: {v['help']}" for v in found
    ))
