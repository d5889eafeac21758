"""Properties every exercise checker shares: pending state, types, stated precision, hidden answers.

Right answers are written here by hand formulas, independently of the checkers and of kl_helpers.
"""

import inspect
import math
import re

import numpy as np
import pytest
from _exercise_helpers import assert_wrong

from kl_helpers import exercises
from kl_helpers.exercises import Feedback
from kl_helpers.exercises._feedback import NO_ANSWER

_P, _Q = np.array([0.2, 0.5, 0.3]), np.array([0.3, 0.4, 0.3])
_GAP_X = np.array([0.2, 1.1, 1.9, 2.4, 3.0])
_LOGITS = np.array([1.0, 3.0, 2.0])
_MU, _VAR = np.array([0.5, -1.0]), np.array([1.0, 0.25])

#: One-number exercises and their right answers.
NUMBERS = {
    "check_01_reverse_bits": float(np.sum(_Q * np.log(_Q / _P)) / math.log(2)),
    "check_01_code_overhead": 1.75 - 1.5,  # q's code length under p minus p's entropy, in bits
    "check_02_neg_entropy": -0.5 * math.log(2 * math.pi * math.e * 4.0),
    "check_02_min_cross_entropy": 0.5 * math.log(2 * math.pi) + 0.25 / 2,
    "check_02_zero_entropy_sigma": 1 / math.sqrt(2 * math.pi * math.e),
    "check_03_k3_term": math.exp(1.5) - 1 - 1.5,  # ln r = ln q(2) - ln p(2) = 1.5
    "check_03_samples_needed": (0.5 / 0.01) ** 2,  # sd of ln p - ln q is 0.5 here
    "check_04_kl_nll_gap": float(np.mean(-0.5 * math.log(2 * math.pi) - (_GAP_X - 2.0) ** 2 / 2)),
    "check_05_uniform_limit": math.sqrt(1 / 12),
    "check_06_cross_entropy": float(np.log(np.sum(np.exp(_LOGITS))) - _LOGITS[2]),
    "check_06_vae_kl": float(np.sum(0.5 * (_VAR + _MU**2 - 1 - np.log(_VAR)))),
    "check_06_js_bits": 0.5,
}
#: Exercises answered with several numbers.
VECTORS = {
    "check_04_categorical_mle": [14 / 50, 9 / 50, 25 / 50, 2 / 50],
    "check_05_moment_match": [3.0, 2.0],  # mean 0.75·4; variance 1 + 0.25·9 + 0.75·1
}
#: Exercises answered with names, and the candidates.
NAMES = {
    "check_01_support": ({"A", "C", "D"}, ["A", "B", "C", "D"]),
    "check_03_unbiased": ({"k1", "k3"}, ["k1", "k2", "k3"]),
    "check_05_direction": ("reverse", ["forward", "reverse"]),
}


def _my_kl(p, q):
    mask = p > 0
    return math.inf if np.any(q[mask] == 0) else float(np.sum(p[mask] * np.log(p[mask] / q[mask])))


def _grad_variance(mu, v, x):
    return 0.5 / v - np.mean((x - mu) ** 2) / (2 * v * v)


#: Exercises answered with a function.
FUNCTIONS = {"check_01_my_kl": _my_kl, "check_04_variance_gradient": _grad_variance}

ALL = {**NUMBERS, **VECTORS, **NAMES, **FUNCTIONS}
CHECKERS = [name for name in exercises.__all__ if name.startswith("check_")]

#: Inputs a learner might pass by mistake: none may raise, pass, or reveal an answer.
ODD_INPUTS = [
    True, False, np.bool_(True), np.array([True]), "0.5", "", 10**400, -(10**400), math.nan, math.inf,
    -math.inf, np.array([math.nan]), [], {}, object(), np.array([1.0, 2.0]), 1 + 2j, (None, None),
]


def _checker(name):
    return getattr(exercises, name)


def _right(name):
    right = ALL[name]
    return right[0] if name in NAMES else right


def _hidden(name):
    # What a hint must not show: the right value(s) or names; a function has no value to hide.
    return [] if name in FUNCTIONS else _right(name)


def _among(name):
    return NAMES[name][1] if name in NAMES else None


def test_every_checker_is_covered_here():
    assert sorted(ALL) == sorted(CHECKERS)


@pytest.mark.parametrize("name", CHECKERS)
def test_right_answer_passes(name):
    assert _checker(name)(_right(name)) == Feedback(True, _checker(name)(_right(name)).message)


@pytest.mark.parametrize("name", CHECKERS)
def test_no_answer_is_an_invitation(name):
    fb = _checker(name)(None)
    assert fb.correct is None and fb.status == "pending" and fb.message == NO_ANSWER
    assert repr(fb) == "✏️ Your turn: " + NO_ANSWER


@pytest.mark.parametrize("name", CHECKERS)
@pytest.mark.parametrize("odd", ODD_INPUTS, ids=repr)
def test_odd_inputs_get_feedback_never_an_exception(name, odd):
    fb = assert_wrong(_checker(name), odd, _hidden(name), among=_among(name))
    assert fb.message and not fb.message.startswith("✅")


@pytest.mark.parametrize("name", sorted(NUMBERS))
def test_numbers_in_every_type(name):
    check, right = _checker(name), NUMBERS[name]
    for answer in (right, np.float64(right), np.array(right), np.array([right]), [right][0]):
        assert check(answer).correct, type(answer)
    if right == int(right):
        assert check(int(right)).correct and check(np.int64(right)).correct
    assert check(np.float32(right)).correct  # float32 keeps 7 digits: plenty for the stated precision


@pytest.mark.parametrize("name", sorted(NUMBERS))
def test_booleans_are_refused_with_a_type_message(name):
    for answer in (True, False, np.bool_(True), np.array([False])):
        assert _checker(name)(answer) == Feedback(False, "Your answer should be a number, not bool.")


@pytest.mark.parametrize("name", sorted(NUMBERS))
def test_huge_integers_are_answered_like_infinity(name):
    # Issue 10: 10**400 raised OverflowError in every numeric checker.
    check = _checker(name)
    assert check(10**400) == check(math.inf) and check(-(10**400)) == check(-math.inf)
    assert check(10**400).correct is False and "finite" in check(10**400).message


def _unit(precision: str, true: float) -> float:
    # Read the stated precision back, independently of Precision.tolerance.
    digits, kind = re.fullmatch(r"(\d+) (significant figures?|decimal places?)", precision).groups()
    if kind.startswith("decimal"):
        return 10.0 ** -int(digits)
    return 10.0 ** (math.floor(math.log10(abs(true))) - int(digits) + 1)


@pytest.mark.parametrize("name", sorted({**NUMBERS, **VECTORS}))
def test_precision_is_stated_and_machine_readable(name):
    check = _checker(name)
    stated = str(check.precision)
    assert exercises.PRECISION[name] == stated
    assert stated in " ".join(inspect.getdoc(check).split()), "the docstring states the precision"


@pytest.mark.parametrize("name", sorted(NUMBERS))
@pytest.mark.parametrize("sign", [1, -1])
def test_precision_boundary(name, sign):
    check, right = _checker(name), NUMBERS[name]
    unit = _unit(exercises.PRECISION[name], right)
    assert check(right + sign * 0.49 * unit).correct
    fb = check(right + sign * 0.51 * unit)
    assert fb.correct is False


@pytest.mark.parametrize("name", sorted(VECTORS))
@pytest.mark.parametrize("sign", [1, -1])
def test_precision_boundary_of_each_entry(name, sign):
    check, right = _checker(name), VECTORS[name]
    for i in range(len(right)):
        unit = _unit(exercises.PRECISION[name], right[i])
        inside, outside = list(right), list(right)
        inside[i] += sign * 0.49 * unit  # probabilities then sum to 1 within rounding: still judged
        outside[i] += sign * 0.51 * unit
        assert check(inside).correct, (i, inside)
        assert check(outside).correct is False, (i, outside)


def _typical_wrong_numbers(right):
    return [0.0, 1.0, -right, 2 * right, right / 2, right * 1.1 + 0.01, right**2, math.sqrt(abs(right)),
            10 * right, right - 1, round(right, 1) + 0.05]


@pytest.mark.parametrize("name", sorted(NUMBERS))
def test_typical_wrong_numbers_never_reveal(name):
    right = NUMBERS[name]
    for wrong in _typical_wrong_numbers(right):
        if abs(wrong - right) > _unit(exercises.PRECISION[name], right):
            assert_wrong(_checker(name), wrong, right)


@pytest.mark.parametrize("name", sorted(VECTORS))
def test_typical_wrong_vectors_never_reveal(name):
    right = np.array(VECTORS[name])
    for wrong in (right[::-1], right * 2, right + 0.1, np.zeros_like(right), np.full_like(right, 0.25),
                  list(right[:-1]), [*right, 0.0]):
        assert_wrong(_checker(name), wrong, right)


@pytest.mark.parametrize("name", sorted(NAMES))
def test_typical_wrong_names_never_reveal(name):
    right, among = NAMES[name]
    check = _checker(name)
    wrongs = [set(), set(among), *({c} for c in among), "x", 3]
    if isinstance(right, str):
        wrongs = [c for c in among if c != right] + ["", "both", 1]
    for wrong in wrongs:
        if wrong != right:
            assert_wrong(check, wrong, right, among=among)


def _wrong_functions(right):
    return [
        lambda *a: 0.0,
        lambda *a: -right(*a),
        lambda *a: 2 * right(*a),
        lambda *a: right(*a) + 1e-3,
        lambda *a: math.nan,
        lambda *a: 1 / 0,
        lambda *a: "0.1",
        lambda *a: True,
        lambda *a: np.zeros(2),
        lambda *a: 10**400,
    ]


@pytest.mark.parametrize("name", sorted(FUNCTIONS))
def test_wrong_functions_get_feedback(name):
    check = _checker(name)
    for wrong in _wrong_functions(FUNCTIONS[name]):
        fb = check(wrong)
        assert isinstance(fb, Feedback) and fb.correct is False, fb
    assert check(lambda *a: None).correct is None
    assert "Pass the function" in check(1.0).message
