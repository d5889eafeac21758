"""The public API reads like scipy's: names in one scheme, help text that renders, useful examples.

These are checks on the package's surface, not its numbers: a learner meets them in
``help(kh.kl_divergence)``, in tab completion and in the notebooks.
"""

import doctest
import importlib
import inspect
import pkgutil
import re

import pytest

import kl_helpers as kh

PUBLIC = sorted(kh.__all__)
ALL_MODULES = sorted(
    info.name for info in pkgutil.walk_packages(kh.__path__, prefix="kl_helpers.")
)
#: KL helpers that are not a closed form between two families.
KL_GENERIC = {"kl_divergence", "kl_terms", "kl_on_grid", "kl_estimate", "kl_estimate_normal_model",
              "kl_estimator_terms", "kl_estimates_normal", "kl_term_std_normal"}
FAMILIES = "normal|mvnormal|diagnormal|stdnormal|mixture"


def _public_objects():
    for name in PUBLIC:
        obj = getattr(kh, name)
        if callable(obj):
            yield name, obj


def test_every_kl_function_follows_one_naming_scheme():
    kl_names = [n for n in PUBLIC if n.startswith("kl_")]
    assert len(kl_names) >= 10
    for name in kl_names:
        assert name in KL_GENERIC or re.fullmatch(rf"kl_({FAMILIES})_({FAMILIES})", name), name


def test_one_family_word_for_the_normal_distribution():
    offenders = [n for n in PUBLIC if "gaussian" in n.lower()]
    assert offenders == []


@pytest.mark.parametrize(("name", "obj"), list(_public_objects()))
def test_summary_line_is_plain_text(name, obj):
    doc = inspect.getdoc(obj)
    assert doc, f"{name} has no docstring"
    summary = doc.splitlines()[0]
    assert not re.search(r":math:|\\[a-zA-Z]|\$", summary), f"{name}: raw LaTeX in {summary!r}"
    assert summary.endswith("."), f"{name}: the summary line is a sentence: {summary!r}"


NEIGHBOURS = ["kl_divergence", "entropy", "cross_entropy", "js_divergence", "kl_estimate",
              "kl_estimator_terms", "cross_entropy_estimate", "kl_normal_normal", "normal_entropy",
              "normal_cross_entropy", "logsumexp", "log_softmax", "softmax", "kl_on_grid",
              "expectation_on_grid", "kl_estimate_normal_model"]


@pytest.mark.parametrize("name", NEIGHBOURS)
def test_neighbouring_functions_point_to_each_other(name):
    doc = inspect.getdoc(getattr(kh, name))
    assert "See Also\n--------" in doc, f"{name} has no See Also section"


def _examples(module_name):
    module = importlib.import_module(module_name)
    for test in doctest.DocTestFinder(exclude_empty=True).find(module):
        for example in test.examples:
            yield test.name, example


def test_examples_show_numbers_not_a_bare_true():
    bare = [
        f"{name}: {example.source.strip()}"
        for module_name in ALL_MODULES
        for name, example in _examples(module_name)
        if example.want.strip() in {"True", "False"}
    ]
    assert bare == [], "\n".join(bare)


def test_every_public_function_has_an_example():
    missing = [name for name, obj in _public_objects()
               if inspect.isfunction(obj) and ">>>" not in (inspect.getdoc(obj) or "")]
    assert missing == []
