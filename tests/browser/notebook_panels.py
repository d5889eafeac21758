"""How many live panels and sliders a notebook must show in a browser, derived from the notebook file.

The committed notebooks store each slider panel as a picture only (``tools/store_outputs.py``
drops the widget-view mimetype and keeps ``image/png``), so the widget view cannot be counted.
What every panel output does keep is its ``text/plain``: the panel's repr, e.g.
``DirectionPanel(mu_q=1, sigma_q=1.5)`` (``Panel.__repr__`` in ``kl_helpers/panels/base.py``),
with one ``name=value`` pair per control. Every control is an ipywidgets slider, so

* panels in the page = stored ``display_data``/``execute_result`` outputs whose ``text/plain``
  is a call of a panel class exported by ``kl_helpers.panels``: the page shows each stored
  display output once (a panel displayed twice is two outputs and two live views; a display
  updated in place is stored once);
* sliders in the page = the number of keyword arguments in those reprs, summed.

Why the repr, parsed with :mod:`ast`, rather than ``len(cls().controls)``:

* the repr is written from the controls of the very instance the notebook displayed
  (``self.values`` is one entry per control), so it stays right if a panel's controls ever
  depend on its constructor arguments, whereas ``cls()`` builds a default instance that may
  differ, may need arguments, and draws a whole figure just to be counted;
* :func:`ast.parse` reads the repr as the Python call it is, so a value holding ``", x="``
  (a string control, say) cannot be miscounted the way splitting on commas would;
* the class name is checked against ``kl_helpers.panels.__all__`` at run time, so renamed or new
  panel classes are picked up without editing the tests, and a stored repr naming a class that
  no longer exists is reported (the notebook needs ``make execute``) instead of being skipped.

``tests/browser/test_notebook_panels.py`` pins the numbers for the committed notebooks and checks
the assumption above (every control of every panel class is a slider) on default instances.
"""

from __future__ import annotations

import ast
import inspect
import json
import re
from dataclasses import dataclass
from pathlib import Path

import kl_helpers.panels

DISPLAYED = ("display_data", "execute_result")


def panel_classes() -> dict[str, type]:
    """Panel classes exported by ``kl_helpers.panels``, by name.

    A panel class is any exported class implementing the panel protocol of
    ``kl_helpers/panels/base.py`` (``make_controls``); found by behaviour, not by name, so
    renaming a panel or its base needs no change here. The abstract base counts too: nothing
    ever displays it, so it never matches a stored output.
    """
    found = {}
    for name in kl_helpers.panels.__all__:
        obj = getattr(kl_helpers.panels, name)
        if inspect.isclass(obj) and callable(getattr(obj, "make_controls", None)):
            found[name] = obj
    return found


def _call_of(text: str) -> ast.Call | None:
    """``text`` parsed as ``Name(key=value, ...)``, or None if it is not such a call."""
    try:
        tree = ast.parse(text.strip(), mode="eval")
    except SyntaxError:
        return None
    call = tree.body
    if (
        isinstance(call, ast.Call)
        and isinstance(call.func, ast.Name)
        and not call.args
        and all(keyword.arg is not None for keyword in call.keywords)
    ):
        return call
    return None


@dataclass(frozen=True)
class PanelOutput:
    """One stored panel output: where it is, which panel, and its controls (one slider each)."""

    cell: int
    panel: str
    controls: tuple[str, ...]


@dataclass(frozen=True)
class ExpectedPanels:
    """What a notebook must show once run: its panel outputs, and the panel classes its code builds."""

    notebook: str
    outputs: tuple[PanelOutput, ...]
    constructed: frozenset[str]

    @property
    def panels(self) -> int:
        """Live panels the page must show."""
        return len(self.outputs)

    @property
    def sliders(self) -> int:
        """Slider handles the page must show (and the test must move)."""
        return sum(len(output.controls) for output in self.outputs)

    def __str__(self) -> str:
        listed = "; ".join(f"cell {o.cell}: {o.panel}({', '.join(o.controls)})" for o in self.outputs)
        return f"{self.notebook}: {self.panels} panel(s), {self.sliders} slider(s) [{listed}]"


def expected_panels(notebook: Path) -> ExpectedPanels:
    """Panels and sliders ``notebook`` shows once run, from its stored outputs (see module doc).

    Raises ValueError for a stored picture whose ``text/plain`` is a call of a class that
    ``kl_helpers.panels`` does not export (a renamed panel, notebook not re-executed): counting
    it as "no panel" would let the browser tests expect too little.
    """
    classes = panel_classes()
    cells = json.loads(notebook.read_text(encoding="utf-8"))["cells"]
    outputs = []
    constructed = set()
    name_call = re.compile(r"\b(" + "|".join(map(re.escape, sorted(classes))) + r")\s*\(")
    for index, cell in enumerate(cells):
        if cell["cell_type"] != "code":
            continue
        constructed.update(name_call.findall("".join(cell["source"])))
        for output in cell.get("outputs", []):
            if output["output_type"] not in DISPLAYED:
                continue
            data = output.get("data", {})
            call = _call_of("".join(data.get("text/plain", "")))
            if call is None:
                continue
            if call.func.id in classes:
                controls = tuple(keyword.arg for keyword in call.keywords)
                outputs.append(PanelOutput(index, call.func.id, controls))
            elif "image/png" in data:
                raise ValueError(
                    f"{notebook.name} cell {index}: stored picture labelled "
                    f"{''.join(data['text/plain'])!r}, but kl_helpers.panels exports no panel "
                    f"class {call.func.id!r} (panels: {', '.join(sorted(classes))}); "
                    "re-run the notebook (make execute)"
                )
    return ExpectedPanels(notebook.name, tuple(outputs), frozenset(constructed))
