"""Lesson 06 (``06_kl_in_practice.ipynb``): the claims its text makes, checked outside the notebook.

The notebook asserts each claim in a cell; these tests hold the lesson's text and modules to the
same facts independently (the exercise precisions, the predict-first captions, the course's
letters for the ELBO, the double-softmax floor, the panel's answers), so an edit that breaks
one fails here with a readable message.
"""

from __future__ import annotations

import math
import re
from pathlib import Path

import nbformat
import numpy as np
import pytest

import kl_helpers as kh

NOTEBOOK = Path(__file__).resolve().parents[1] / "notebooks" / "06_kl_in_practice.ipynb"


@pytest.fixture(scope="module")
def cells():
    return nbformat.read(NOTEBOOK, as_version=4).cells


def _markdown(cells) -> str:
    return "\n".join(c.source for c in cells if c.cell_type == "markdown")


def test_each_exercise_states_the_precision_its_checker_wants(cells):
    for cell_index, cell in enumerate(cells):
        match = re.search(r"kh\.exercises\.(check_06_\w+)\(", cell.source)
        if cell.cell_type != "code" or not match:
            continue
        checker = getattr(kh.exercises, match.group(1))
        statement = cells[cell_index - 1]
        assert statement.cell_type == "markdown" and "**Exercise" in statement.source
        assert str(checker.precision) in statement.source, (
            f"{match.group(1)} wants {checker.precision}; its statement does not say so"
        )


def test_every_panel_caption_opens_with_a_question_and_is_answered_right_after(cells):
    panel_cells = [i for i, c in enumerate(cells)
                   if c.cell_type == "code" and re.search(r"kh\.panels\.\w+\(\)\s*\n\s*panel\s*$", c.source)]
    assert panel_cells, "the lesson shows a panel"
    for i in panel_cells:
        caption = cells[i - 1]
        assert caption.cell_type == "markdown"
        assert "**Predict first.**" in caption.source and "?" in caption.source
        # Under the panel: the uniform "picture of this panel" caption, then the answer.
        assert "a picture of this panel" in cells[i + 1].source
        answer = cells[i + 2]
        assert answer.cell_type == "code" and "assert" in answer.source and "print(" in answer.source


def test_the_elbo_section_uses_the_course_letters(cells):
    text = _markdown(cells)
    # model q_θ, approximation r; no p for the model, no q(z) for the approximation
    for wrong in (r"p(z \mid x)", r"p(x, z)", r"\ln p(x) =", r"\mathrm{ELBO}(q)",
                  r"q(z \mid x) = \mathcal N"):
        assert wrong not in text, f"old letters left in the text: {wrong}"
    for right in (r"q_\theta(z \mid x)", r"\mathrm{ELBO}(r)", r"r(z \mid x)", "Kingma & Welling"):
        assert right in text, f"missing: {right}"


@pytest.mark.parametrize("term", ["**logit**", "**softmax**", "**one-hot**", "**latent variable**",
                                  "**posterior**", "**evidence lower bound (ELBO)**",
                                  "**variational autoencoder (VAE)**"])
def test_terms_are_defined_in_bold_in_the_text(cells, term):
    assert term in _markdown(cells)


def _double_softmax_loss(logits: np.ndarray, label: int) -> np.ndarray:
    return -kh.log_softmax(kh.softmax(logits))[..., label]


@pytest.mark.parametrize("n_classes", [2, 3, 4, 7])
def test_the_double_softmax_floor_is_ln_1_plus_c_minus_1_over_e(n_classes):
    floor = math.log(1 + (n_classes - 1) / math.e)
    rng = np.random.default_rng(n_classes)
    # Over the whole simplex of first-softmax outputs (Dirichlet draws, many near a vertex) ...
    s = rng.dirichlet(np.full(n_classes, 0.05), size=20_000)
    losses = -kh.log_softmax(s)[:, 0]  # s used as the second softmax's logits, true class 0
    assert losses.min() >= floor - 1e-12
    # ... and reached at the one-hot vertex (a first softmax that is sure of the true class).
    vertex = np.eye(n_classes)[0]
    assert math.isclose(-kh.log_softmax(vertex)[0], floor, rel_tol=1e-12)
    wide = np.zeros(n_classes)
    wide[0] = 60.0
    assert math.isclose(_double_softmax_loss(wide, 0), floor, rel_tol=1e-12)


def test_the_report_number_074_is_the_four_class_floor():
    assert round(math.log(1 + 3 / math.e), 2) == 0.74
    assert round(math.log(1 + 2 / math.e), 4) == 0.5514  # the lesson's cell uses three classes


def test_panel_kl_is_symmetric_for_equal_widths_and_not_otherwise():
    equal = kh.panels.DivergenceComparisonPanel(shift=1.5, width=1.0).result
    assert math.isclose(equal["forward"], equal["reverse"], rel_tol=1e-4)
    assert math.isclose(equal["forward"], 1.5**2 / 2, rel_tol=1e-4)
    unequal = kh.panels.DivergenceComparisonPanel(shift=1.5, width=0.7).result
    assert not math.isclose(unequal["forward"], unequal["reverse"], rel_tol=0.1)


@pytest.mark.parametrize("width", [0.5, 0.7, 1.0, 2.0])
def test_panel_js_stays_below_ln2_and_kl_keeps_rising_over_the_slider_range(width):
    r = kh.panels.DivergenceComparisonPanel(width=width).result
    shifts = r["shifts"]
    right = shifts >= 0
    for key in ("forward", "reverse", "js"):
        assert np.all(np.diff(r[f"{key}_curve"][right]) > 0), f"{key} not increasing in the shift"
    assert r["js_curve"].max() < math.log(2)
    assert r["forward_curve"].max() > 2 and r["reverse_curve"].max() > 2  # off the 0..2 view


def test_panel_readouts_use_one_format_and_name_each_curve():
    panel = kh.panels.DivergenceComparisonPanel()
    texts = [t.get_text() for t in panel.artists.texts.values()]
    assert texts == [f"D_KL(p‖q) = {panel.result['forward']:.3f}",
                     f"D_KL(q‖p) = {panel.result['reverse']:.3f}",
                     f"JS(p, q) = {panel.result['js']:.3f}"]
    styles = {line.get_linestyle() for line in panel.artists.lines.values()}
    markers = {dot.get_marker() for dot in panel.artists.dots.values()}
    assert len(styles) == 3 and len(markers) == 3, "each curve needs its own line style and marker"


def test_example_figures_match_the_plot_functions():
    figures = kh.figures.practice.example_figures()
    assert set(figures) == {"plot_elbo_gap"}
    labels = [t.get_text() for t in figures["plot_elbo_gap"].axes[0].get_legend().get_texts()]
    assert labels == ["ln q_θ(x)", "ELBO(r)", "gap = D_KL(r ‖ q_θ(z | x))", "r = posterior"]


@pytest.mark.parametrize("cov, reason", [([[1.0, 1.2], [1.2, 1.0]], "not positive definite"),
                                         ([[1.0, 0.5], [0.1, 1.0]], "not symmetric")])
def test_kl_mvnormal_refuses_what_is_not_a_covariance_with_the_reason(cov, reason):
    # The lesson: "it refuses a matrix that is not a covariance (symmetric with every eigenvalue > 0)".
    with pytest.raises(ValueError, match=reason):
        kh.kl_mvnormal_mvnormal([0, 0], cov, [0, 0], np.eye(2))
