"""axe-core accessibility checks inside a page the browser tests already opened.

axe-core comes from npm at test time into build/node_modules (never committed), like the other
front-end assets; it is injected into the page from that file, so the check asks no server for
anything. ``serious_violations`` counts the serious and critical violations by rule id (``{rule: number of
elements}``; axe's element selectors change with the page, the counts do not), so a test can
compare them with an exact known set.
"""

from __future__ import annotations

import shutil
import subprocess

from browser_servers import ROOT
from playwright.sync_api import Page

PREFIX = ROOT / "build"
AXE_JS = PREFIX / "node_modules" / "axe-core" / "axe.min.js"
AXE_SPEC = "axe-core@4"
SERIOUS = ("serious", "critical")

# Run axe on the whole document; report (rule, impact, element selector, failure summary).
RUN_AXE_JS = r"""
async (selector) => {
  const result = await window.axe.run(selector || document, {resultTypes: ['violations']});
  return result.violations.flatMap((v) => v.nodes.map((node) => ({
    rule: v.id, impact: node.impact || v.impact, target: node.target.join(' '),
    summary: (node.failureSummary || '').slice(0, 300), help: v.help,
  })));
}
"""


def ensure_axe() -> str:
    """The path of axe.min.js, installed with npm into build/node_modules when missing."""
    if not AXE_JS.exists():
        npm = shutil.which("npm")
        assert npm, f"npm is needed once to install {AXE_SPEC} into {PREFIX / 'node_modules'}"
        subprocess.run([npm, "install", "--prefix", str(PREFIX), "--no-save", "--no-audit", "--no-fund",
                        "--loglevel=error", AXE_SPEC], check=True)
    assert AXE_JS.exists(), f"npm did not install {AXE_JS}"
    return str(AXE_JS)


def violations(page: Page, selector: str | None = None) -> list[dict]:
    """Every axe violation in the page (or under ``selector``), one entry per element."""
    if not page.evaluate("() => Boolean(window.axe)"):
        page.add_script_tag(path=ensure_axe())
    return page.evaluate(RUN_AXE_JS, selector)


def serious_violations(found: list[dict]) -> dict[str, int]:
    """Serious and critical violations among ``found``: ``{rule id: number of elements}``."""
    counts: dict[str, int] = {}
    for v in found:
        if v["impact"] in SERIOUS:
            counts[v["rule"]] = counts.get(v["rule"], 0) + 1
    return counts


def explain(found: list[dict]) -> str:
    """A readable list of violations for an assertion message."""
    return "\n".join(sorted(f"- {v['rule']} ({v['impact']}) at {v['target']}: {v['help']}" for v in found))
