"""Visible captions that repeat each stored picture's text alternative (no matplotlib needed).

A figure's text alternative (:func:`kl_helpers.plotting.describe`, a panel's ``alt_text``) is
stored in the PNG output's metadata, where nbconvert and the course site read it; JupyterLab
shows no alt text from outputs, and a translation needs the words in a cell. So the markdown cell
right under every picture starts with a caption paragraph holding the same text:
``*Figure.* <text>`` under a figure, ``*Panel.* <text>`` under a slider panel (whose caption cell
then says that a reader without a kernel sees a picture). ``tools/store_outputs.py`` (``make
execute``) writes them after each run, so a caption changes when its figure does. In the Chinese
edition (``notebooks/zh/``) the prefixes are ``*图：*`` and ``*面板：*``, with Chinese punctuation
(:data:`PREFIXES`).
"""

from __future__ import annotations

import re
import uuid
from typing import Any

#: Markdown characters escaped in a caption so the text shows as written.
_SPECIAL = re.compile(r"([\\*_`\[\]<>#|])")
FIGURE, PANEL = "*Figure.* ", "*Panel.* "
#: (figure, panel) caption prefixes by language: a full-width colon and no space in Chinese.
PREFIXES = {"en": (FIGURE, PANEL), "zh": ("*图：*", "*面板：*")}
CAPTION = re.compile(r"^\*(?:(?:Figure|Panel)\.\* |(?:图|面板)：\*)")


def alt_of(output: dict[str, Any]) -> str | None:
    """The text alternative stored with a PNG output, or ``None``."""
    if "image/png" not in output.get("data", {}):
        return None
    return output.get("metadata", {}).get("image/png", {}).get("alt")


def escape(text: str) -> str:
    """``text`` as Markdown that renders as exactly ``text``."""
    return _SPECIAL.sub(r"\\\1", text)


def unescape(markdown: str) -> str:
    """The inverse of :func:`escape`."""
    return re.sub(r"\\(.)", r"\1", markdown)


def caption_text(cell: dict[str, Any]) -> str | None:
    """The text of the caption paragraph a markdown cell starts with, or ``None``."""
    source = "".join(cell["source"])
    first = source.split("\n\n", 1)[0]
    m = CAPTION.match(first)
    return unescape(first[m.end():]) if m else None


def _is_panel(output: dict[str, Any]) -> bool:
    return "Panel(" in "".join(output.get("data", {}).get("text/plain", ""))


def _new_cell(source: str) -> dict[str, Any]:
    return {"cell_type": "markdown", "id": uuid.uuid4().hex[:8], "metadata": {}, "source": source}


def sync_captions(nb: dict[str, Any], language: str = "en") -> int:
    """Write or update the caption under every picture that has a text alternative.

    ``language`` picks the prefixes (:data:`PREFIXES`). Returns the number of caption paragraphs
    written or changed.
    """
    figure, panel_prefix = PREFIXES[language]
    changed = 0
    cells = nb["cells"]
    i = 0
    while i < len(cells):
        cell = cells[i]
        alts = [(alt_of(o), _is_panel(o)) for o in cell.get("outputs", [])]
        alts = [(a, panel) for a, panel in alts if a]
        if cell["cell_type"] == "code" and alts:
            text = " ".join(a for a, _ in alts)
            prefix = panel_prefix if any(panel for _, panel in alts) else figure
            paragraph = prefix + escape(text)
            after = cells[i + 1] if i + 1 < len(cells) else None
            if after is not None and after["cell_type"] == "markdown" and caption_text(after) is not None:
                source = "".join(after["source"])
                rest = source.split("\n\n", 1)[1] if "\n\n" in source else ""
                new = paragraph + ("\n\n" + rest if rest else "")
                if new != source:
                    after["source"] = new
                    changed += 1
            elif after is not None and after["cell_type"] == "markdown" and prefix == panel_prefix:
                # The panel's existing note ("... a picture of this panel ...") follows the caption.
                after["source"] = paragraph + "\n\n" + "".join(after["source"])
                changed += 1
            else:
                cells.insert(i + 1, _new_cell(paragraph))
                changed += 1
        i += 1
    return changed
