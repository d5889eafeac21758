"""Lesson 08 (``08_kl_as_a_loss.ipynb``): the claims its text makes, checked outside the notebook.

The notebook asserts each claim in a cell; these tests hold the lesson's text, its panel and its
figures to the same facts independently (stated precisions, the predict-first caption and its
answer, the terms it defines, the sources it cites), so an edit that breaks one fails here.
"""

from __future__ import annotations

import math
import re
from pathlib import Path

import nbformat
import numpy as np
import pytest

import kl_helpers as kh

NOTEBOOK = Path(__file__).resolve().parents[1] / "notebooks" / "08_kl_as_a_loss.ipynb"


@pytest.fixture(scope="module")
def cells():
    return nbformat.read(NOTEBOOK, as_version=4).cells


def _markdown(cells) -> str:
    return "\n".join(c.source for c in cells if c.cell_type == "markdown")


def test_each_exercise_states_the_precision_its_checker_wants(cells):
    found = 0
    for i, cell in enumerate(cells):
        match = re.search(r"kh\.exercises\.(check_08_\w+)\(", cell.source)
        if cell.cell_type != "code" or not match:
            continue
        found += 1
        checker = getattr(kh.exercises, match.group(1))
        statement = cells[i - 1]
        assert statement.cell_type == "markdown" and "**Exercise" in statement.source
        assert str(checker.precision) in statement.source, match.group(1)
    assert found == 3


def test_the_panel_caption_asks_first_and_is_answered_right_after(cells):
    panel_cells = [i for i, c in enumerate(cells)
                   if c.cell_type == "code" and re.search(r"kh\.panels\.\w+\(\)\s*\n\s*panel\s*$", c.source)]
    assert len(panel_cells) == 1
    i = panel_cells[0]
    assert "**Predict first.**" in cells[i - 1].source and "?" in cells[i - 1].source
    assert "a picture of this panel" in cells[i + 1].source
    answer = cells[i + 2]
    assert answer.cell_type == "code" and "panel.compute(" in answer.source and "assert" in answer.source
    assert "Answer" in answer.source and "print(" in answer.source


@pytest.mark.parametrize("term", ["**gradient**", "**score-function**", "**reparameterised**",
                                  "**posterior collapse**", "**total variation**", "**Wasserstein-1**",
                                  "**k-nearest-neighbour estimator**", "**score**"])
def test_terms_are_defined_in_bold_in_the_text(cells, term):
    assert term in _markdown(cells)


@pytest.mark.parametrize("source", [
    "http://joschu.net/blog/kl-approx.html",
    "https://github.com/huggingface/trl/issues/2854",
    "https://github.com/huggingface/trl/issues/4967",
    "https://github.com/verl-project/verl/pull/2953",
    "https://arxiv.org/abs/2510.01555",
    "https://docs.pytorch.org/docs/stable/generated/torch.nn.functional.kl_div.html",
    "https://docs.pytorch.org/docs/stable/generated/torch.nn.KLDivLoss.html",
    "https://docs.scipy.org/doc/scipy/reference/generated/scipy.special.kl_div.html",
    "https://docs.scipy.org/doc/scipy/reference/generated/scipy.stats.entropy.html",
    "https://github.com/pytorch/pytorch/issues/60928",
    "https://github.com/scipy/scipy/issues/12553",
    "https://arxiv.org/abs/1911.02469",
    "https://arxiv.org/abs/1701.07875",
])
def test_the_sources_the_lesson_relies_on_are_cited(cells, source):
    assert f"]({source})" in _markdown(cells)


def test_every_common_mistake_has_a_citation_and_a_mistake_fix_cell(cells):
    start = next(i for i, c in enumerate(cells) if "## Common mistakes" in c.source)
    end = next(i for i, c in enumerate(cells) if c.source.startswith("## Exercises"))
    mistakes = [i for i in range(start, end) if re.search(r"^\*\*\d+\. ", cells[i].source, re.M)]
    assert len(mistakes) == 8
    for i in mistakes:
        assert re.search(r"\]\(https://", cells[i].source), cells[i].source[:60]
        after = cells[i + 1]
        assert after.cell_type == "code" and "mistake" in after.source and "fix" in after.source


def test_the_k3_loss_claim_with_its_conditions():
    # Value: k3 on samples of q_θ averages to D_KL(q_θ‖p). Gradient (samples fixed): the forward
    # one. Both checked here with fresh draws, independently of the notebook's.
    rng = np.random.default_rng(808)
    x = 1.0 + rng.standard_normal(400_000)
    log_r = kh.normal_logpdf(x, 0.0, math.sqrt(0.8)) - kh.normal_logpdf(x, 1.0, 1.0)
    value = np.mean(np.expm1(log_r) - log_r)
    assert abs(value - kh.kl_normal_normal(1.0, 1.0, 0.0, math.sqrt(0.8))) < 0.01
    grad = np.mean(-np.expm1(log_r) * (x - 1.0))  # (1 - r) times the score
    assert abs(grad - 1.0) < 0.03 and abs(grad - 1.25) > 0.2
    # The support condition (x ~ q, r = p/q): k3 also needs q > 0 wherever p > 0. A discrete
    # counterexample where it fails: E_q[k3] = E_q[k1] - P_p(q = 0), biased low by p's mass there.
    pd, qd = np.array([0.5, 0.3, 0.2]), np.array([0.6, 0.4, 0.0])
    on = qd > 0
    r = pd[on] / qd[on]
    k3_mean = np.sum(qd[on] * (r - 1 - np.log(r)))
    assert math.isclose(kh.kl_divergence(qd, pd) - k3_mean, pd[~on].sum(), rel_tol=1e-12)
    # "k3 in the reward" (k3 times the score, no gradient through k3) has mean ∇D(q‖p) − ∇D(p‖q).
    g = kh.estimator_gradient_terms(1.0, 1.0, 0.0, math.sqrt(0.8), 400_000, rng, estimator="k3",
                                    method="reward")
    assert abs(g.mean() - 0.25) < 4 * g.std() / math.sqrt(g.size)
    with pytest.raises(ValueError, match="depend on θ"):
        kh.estimator_gradient_terms(1.0, 1.0, 0.0, 1.0, 10, rng, sample_from="p", method="reward")


def test_panel_answers_and_readouts():
    panel = kh.panels.GradientComparisonPanel(shift=3.0, width=0.2)
    r = panel.result
    assert abs(r["grad_js"]) < 1e-6 and abs(r["grad_tv"]) < 1e-6 and r["grad_w1"] == 1.0
    assert math.isclose(r["grad_kl"], 75.0)
    texts = [t.get_text() for t in panel.artists.texts.values()]
    assert texts[0] == f"KL = {r['kl']:.3f},  |d/dθ| = {abs(r['grad_kl']):.2g}"
    assert len({line.get_linestyle() for line in panel.artists.lines.values()}) == 4
    assert len({dot.get_marker() for dot in panel.artists.dots.values()}) == 4
    wide = panel.compute(shift=3.0, width=1.5)
    assert abs(wide["grad_js"]) > 0.1 and abs(wide["grad_tv"]) > 0.1


def test_example_figures_match_the_plot_functions():
    figures = kh.figures.loss.example_figures()
    assert set(figures) == {"plot_gradient_estimates", "plot_knn_convergence", "plot_collapse"}
    labels = [t.get_text() for t in figures["plot_gradient_estimates"].axes[0].get_yticklabels()]
    assert labels[0] == "k1 as loss, x ~ q" and len(labels) == 8


def test_the_footer_links_back_to_07(cells):
    footer = cells[-1].source
    assert footer.startswith("---") and "(07_how_big_is_kl.ipynb)" in footer and "(index.ipynb)" in footer


def test_claims_rows_point_at_asserting_cells():
    # docs/claims.md: in the tables of lessons 07 and 08, every lesson "cell N" (not a solutions,
    # picture or figure cell) must be a code cell of the committed notebook that asserts.
    root = Path(__file__).resolve().parents[1]
    text = (root / "docs" / "claims.md").read_text(encoding="utf-8")
    for name in ("07_how_big_is_kl", "08_kl_as_a_loss"):
        section = text.split(f"## Claims of `{name}.ipynb`")[1].split("\n## ")[0]
        cells = nbformat.read(root / "notebooks" / f"{name}.ipynb", as_version=4).cells
        checked = 0
        for row in (line for line in section.splitlines() if line.startswith("| ")):
            checked_by = row.rsplit(" | ", 1)[-1]
            for match in re.finditer(r"(solutions |picture |figure )?cells? ((?:\d+(?:, | and |–))*\d+)",
                                     checked_by):
                if match.group(1):
                    continue
                for number in re.findall(r"\d+", match.group(2)):
                    cell = cells[int(number)]
                    assert cell.cell_type == "code" and "assert" in cell.source, (name, number, row[:60])
                    checked += 1
        assert checked >= 20, name
