"""The explorer dashboard (issue 10): every panel asks a question before its sliders and answers it.

nbval checks that the answers still come out as stored; these tests check the stored layout that
makes them work in class: the question right above the panel, the picture caption right under
it, then a cell that prints the answer with fixed rounding and asserts it.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

import kl_helpers.panels

NOTEBOOK = Path(__file__).resolve().parents[1] / "notebooks" / "explorer.ipynb"
CAPTION = ("*Without a running kernel, the cell above shows a picture of this panel; "
           "run the notebook (Run All) to move its sliders.*")
PANEL = re.compile(r"=\s*kh\.panels\.(\w+Panel)\(")


def _text(cell: dict) -> str:
    return "".join(cell["source"])


def _cells() -> list[dict]:
    return json.loads(NOTEBOOK.read_text(encoding="utf-8"))["cells"]


def _panel_indices() -> list[int]:
    return [i for i, c in enumerate(_cells()) if c["cell_type"] == "code" and PANEL.search(_text(c))]


def test_one_panel_per_lesson():
    names = [PANEL.search(_text(_cells()[i])).group(1) for i in _panel_indices()]
    assert names == ["DirectionPanel", "DecompositionPanel", "ConvergencePanel", "LikelihoodPanel",
                     "ForwardReversePanel", "DivergenceComparisonPanel", "GuessKLPanel",
                     "GradientComparisonPanel"]
    assert all(name in kl_helpers.panels.__all__ for name in names)


@pytest.mark.parametrize("index", _panel_indices())
def test_the_caption_opens_with_a_question_to_predict(index):
    caption = _cells()[index - 1]
    assert caption["cell_type"] == "markdown"
    first_paragraph = _text(caption).split("\n\n")[0]
    assert first_paragraph.startswith("**Predict first.** ") and first_paragraph.endswith("?")
    assert "notice" in _text(caption), "the caption also says what to notice"


@pytest.mark.parametrize("index", _panel_indices())
def test_the_picture_caption_stays_under_the_panel(index):
    below = _cells()[index + 1]
    # First the picture's text alternative (*Panel.* ..., tests/test_accessibility.py), then the note.
    assert below["cell_type"] == "markdown" and _text(below).split("\n\n", 1)[1] == CAPTION
    assert _text(below).startswith("*Panel.* ")


@pytest.mark.parametrize("index", _panel_indices())
def test_the_answer_is_printed_rounded_and_asserted(index):
    answer = _cells()[index + 2]
    source = _text(answer)
    assert answer["cell_type"] == "code" and "assert " in source and "print(" in source
    # Fixed rounding keeps strict nbval stable: every number is formatted with .3f.
    fields = [f for string in re.findall(r'f"([^"]*)"', source) for f in re.findall(r"\{([^{}]*)\}", string)]
    specs = [field.split(":", 1)[1] for field in fields if ":" in field]
    assert specs and set(specs) == {".3f"}, specs
    printed = "".join("".join(o["text"]) for o in answer["outputs"] if o["output_type"] == "stream")
    assert printed.startswith("Answer: ")
    assert all(o["output_type"] == "stream" and o["name"] == "stdout" for o in answer["outputs"])
