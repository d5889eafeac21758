"""The checkers' shared toolkit (kl_helpers/exercises/_feedback.py): one test per branch."""

import math
import warnings
from fractions import Fraction

import numpy as np
import pytest
from _exercise_helpers import reveals

from kl_helpers.exercises._feedback import (
    NO_ANSWER,
    Feedback,
    Precision,
    call_learner,
    check_number,
    decimal_places,
    need_function,
    pending,
    read_choice,
    read_names,
    read_number,
    read_vector,
    significant_figures,
    wants,
)

# --- Feedback -------------------------------------------------------------------------------


def _safe_id(value: object) -> str:
    # One line, no path separator: mutmut re-selects tests by id on the command line. A set is
    # shown sorted: its repr's order depends on the process' hash seed, and pytest-xdist needs
    # every worker to collect the same ids.
    if isinstance(value, (set, frozenset)):
        text = "{" + ", ".join(sorted(map(repr, value))) + "}"
    else:
        text = repr(value)
    return " ".join(text.split()).replace("/", "÷")[:60]


def test_feedback_three_states():
    assert repr(Feedback(True, "Yes.")) == "✅ Yes."
    assert repr(Feedback(False, "No.")) == "❌ No."
    assert repr(Feedback(None, "msg")) == "✏️ Your turn: msg"
    assert [Feedback(c, "").status for c in (True, False, None)] == ["correct", "wrong", "pending"]


def test_feedback_refuses_other_verdicts():
    for verdict in (1, 0, "yes", np.bool_(True)):
        with pytest.raises(TypeError) as excinfo:
            Feedback(verdict, "message")
        assert str(excinfo.value) == f"correct must be True, False or None, not {verdict!r}"


def test_pending_is_the_shared_no_answer():
    fb = pending()
    assert fb.correct is None and fb.message == NO_ANSWER
    assert repr(fb) == "✏️ Your turn: replace None with your answer and run the cell again."
    assert pending("custom").message == "custom"


# --- read_number ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("answer", "value"),
    [
        (3, 3.0),
        (0.25, 0.25),
        (np.float64(0.25), 0.25),
        (np.float32(0.5), 0.5),
        (np.int64(7), 7.0),
        (np.array(0.25), 0.25),
        (np.array([0.25]), 0.25),
        (np.array([[4]]), 4.0),
        (Fraction(1, 4), 0.25),
        (10**400, math.inf),
        (-(10**400), -math.inf),
        (np.array([10**400], dtype=object), math.inf),
    ],
    ids=_safe_id,
)
def test_read_number_accepts_numbers(answer, value):
    assert read_number(answer) == value
    assert type(read_number(answer)) is float


def test_read_number_passes_non_finite_floats_through():
    assert math.isnan(read_number(math.nan)) and read_number(-math.inf) == -math.inf


@pytest.mark.parametrize(
    ("answer", "kind"),
    [
        (True, "bool"),
        (False, "bool"),
        (np.bool_(True), "bool"),
        (np.array([True]), "bool"),
        (np.array(False), "bool"),
        ("0.5", "str"),
        ([0.5], "list"),
        ((0.5,), "tuple"),
        (1 + 2j, "complex"),
        (np.array(["0.5"]), "str"),
    ],
    ids=_safe_id,
)
def test_read_number_refuses_non_numbers_with_a_type_message(answer, kind):
    fb = read_number(answer)
    assert isinstance(fb, Feedback) and fb.correct is False
    assert fb.message == f"Your answer should be a number, not {kind}."


def test_read_number_refuses_arrays_of_several_values():
    fb = read_number(np.zeros(3))
    assert fb.correct is False
    assert fb.message == "Your answer should be a single number, not an array of 3 values."
    assert read_number(np.array([]), should="It should be").message.startswith("It should be a single")


def test_read_number_none_is_pending():
    assert read_number(None) == pending()


# --- Precision ------------------------------------------------------------------------------


def test_precision_names():
    assert str(significant_figures(3)) == "3 significant figures"
    assert str(decimal_places(2)) == "2 decimal places"
    assert str(significant_figures(1)) == "1 significant figure"
    assert str(decimal_places(1)) == "1 decimal place"


@pytest.mark.parametrize("bad", [(0, "decimal places"), (2.0, "decimal places"), (True, "decimal places"),
                                 (3, "percent")])
def test_precision_validates(bad):
    said = r"^(kind must be one of .*, not 'percent'|digits must be a positive int, not .+)$"
    with pytest.raises(ValueError, match=said):
        Precision(*bad)


@pytest.mark.parametrize(
    ("precision", "true", "unit"),
    [
        (significant_figures(3), 0.046717, 1e-4),
        (significant_figures(3), 2.112, 1e-2),
        (significant_figures(3), -2.112, 1e-2),
        (significant_figures(2), 2500.0, 100.0),
        (significant_figures(3), 1000.0, 10.0),
        (significant_figures(3), 0.0, 1e-3),  # no leading digit: counted as decimals
        (decimal_places(3), 0.046717, 1e-3),
        (decimal_places(3), 123.456, 1e-3),
    ],
)
def test_precision_boundary_is_half_a_unit(precision, true, unit):
    assert precision.tolerance(true) == pytest.approx(unit / 2)
    for sign in (1, -1):
        assert precision.accepts(true + sign * 0.49 * unit, true)
        assert not precision.accepts(true + sign * 0.51 * unit, true)


def test_precision_accepts_every_correct_rounding():
    for true in (0.046717, 0.2887, 1.4076, -1.4409, 2500.3, 0.99951):
        assert significant_figures(3).accepts(float(f"{true:.3g}"), true)
        assert decimal_places(3).accepts(round(true, 3), true)
    assert significant_figures(3).accepts(0.2505, 0.25)  # exactly half a unit away


def test_wants_records_the_precision():
    @wants(decimal_places(2))
    def check(answer):
        return Feedback(True, "")

    assert check.precision == decimal_places(2) and check(1).correct


# --- check_number ---------------------------------------------------------------------------

SF3 = significant_figures(3)


def _check(answer, **kwargs):
    return check_number(answer, 1.0, precision=SF3, hint="think.", praise="Yes.", **kwargs)


def test_check_number_right_and_wrong():
    assert _check(1.004) == Feedback(True, "Yes.")
    assert _check(np.array([1.004])).correct
    assert _check(1.006) == Feedback(False, "Not yet. Hint: think.")
    assert _check(1.006, not_yet="Close.") == Feedback(False, "Close. Hint: think.")


def test_check_number_non_finite_and_overflow():
    for answer in (math.inf, 10**400):
        assert _check(answer) == Feedback(False, "Your answer is inf; this one is finite. Hint: think.")
    assert _check(-(10**400)).message.startswith("Your answer is -inf;")
    assert _check(math.nan).message.startswith("Your answer is nan;")


def test_check_number_refusals_and_pending():
    assert _check(True) == Feedback(False, "Your answer should be a number, not bool.")
    assert _check(None) == pending()


def test_slip_hint_fires_when_the_answer_matches_the_slip():
    assert _check(-1.0, slips=[(-1.0, "Sign.")]) == Feedback(False, "Sign.")
    assert _check(-1.004, slips=[(-1.0, "Sign.")]).message == "Sign."  # to the stated precision
    assert _check(-1.006, slips=[(-1.0, "Sign.")]).message.startswith("Not yet")  # just outside


def test_slip_hint_never_overrides_a_right_answer():
    # 1.003 is closer to the slip 1.004 than to the true 1.0, but right to 3 significant figures.
    assert _check(1.003, slips=[(1.004, "Slip.")]).correct


def test_slip_hint_needs_the_answer_closer_to_the_slip():
    # Slip 1.004 (tolerance 0.005) near a true value 0.996 (tolerance 0.0005); 0.9995 agrees with the
    # slip to 3 significant figures, is not right, but is closer to the true value: a plain hint.
    kwargs = {"precision": SF3, "hint": "think.", "praise": "Yes.", "slips": [(1.004, "Slip.")]}
    assert check_number(0.9995, 0.996, **kwargs).message.startswith("Not yet")
    assert check_number(1.0025, 0.996, **kwargs).message == "Slip."


def test_slip_hint_needs_the_answer_strictly_closer_to_the_slip():
    # 10.0 is exactly as far from the slip 10.0390625 as from the true 9.9609375 (all exact binary
    # fractions) and agrees with the slip to 3 significant figures (±0.05): a tie is a plain hint.
    kwargs = {"precision": SF3, "hint": "think.", "praise": "Yes.", "slips": [(10.0390625, "Slip.")]}
    assert check_number(10.0, 9.9609375, **kwargs) == Feedback(False, "Not yet. Hint: think.")
    assert check_number(10.001, 9.9609375, **kwargs) == Feedback(False, "Slip.")


def test_the_closest_of_several_slips_wins():
    # Both slips agree with 2.003 and 2.001 to 3 significant figures (±0.005).
    slips = [(2.0, "Two."), (2.004, "Two point oh oh four.")]
    for order in (slips, slips[::-1]):
        assert _check(2.003, slips=order).message == "Two point oh oh four."
        assert _check(2.001, slips=order).message == "Two."


# --- read_vector ----------------------------------------------------------------------------

PAIR = {"names": ["mu", "sigma"], "example": "Answer with (mu, sigma)."}


@pytest.mark.parametrize("answer", [(1, 2.5), [1.0, np.float64(2.5)], np.array([1.0, 2.5]),
                                    (np.array([1.0]), np.array(2.5))], ids=_safe_id)
def test_read_vector_accepts_sequences_and_arrays(answer):
    assert read_vector(answer, 2, **PAIR) == [1.0, 2.5]


@pytest.mark.parametrize(
    ("answer", "message"),
    [
        (1.0, "Answer with (mu, sigma)."),
        ("1, 2", "Answer with (mu, sigma)."),
        ({1.0, 2.0}, "Answer with (mu, sigma)."),
        ((1.0,), "Answer with (mu, sigma)."),
        ((1.0, 2.0, 3.0), "Answer with (mu, sigma)."),
        (np.array([[1.0, 2.0]]), "Answer with (mu, sigma)."),
        (np.array([[1.0], [2.0]]), "Answer with (mu, sigma)."),
        ((None, 2.0), "Answer with (mu, sigma)."),
        ((1.0, "2"), "sigma should be a number, not str."),
        ((True, 2.0), "mu should be a number, not bool."),
        ((math.nan, 2.0), "mu should be a finite number, not nan."),
        ((1.0, 10**400), "sigma should be a finite number, not inf."),
    ],
    ids=_safe_id,
)
def test_read_vector_refusals(answer, message):
    fb = read_vector(answer, 2, **PAIR)
    assert fb == Feedback(False, message)


def test_read_vector_none_is_pending():
    assert read_vector(None, 2, **PAIR) == pending()


@pytest.mark.parametrize("names", [["mu"], ["mu", "sigma", "extra"]])
def test_read_vector_refuses_names_that_do_not_match_the_length(names):
    # A checker's own mistake (names for the wrong number of entries) must fail loudly,
    # not silently read fewer entries.
    with pytest.raises(ValueError, match=r"^zip\(\) argument 2 is (longer|shorter) than argument 1$"):
        read_vector((1.0, 2.5), 2, names=names, example="Answer with (mu, sigma).")


# --- read_names / read_choice ---------------------------------------------------------------

LETTERS = ["A", "B", "C", "D"]
KS = ["k1", "k2", "k3"]


@pytest.mark.parametrize(
    ("answer", "allowed", "names"),
    [
        ({"A", "c"}, LETTERS, {"A", "C"}),
        (["a", " C "], LETTERS, {"A", "C"}),
        ("A, C", LETTERS, {"A", "C"}),
        ("ac", LETTERS, {"A", "C"}),
        ('{"A", "C"}', LETTERS, {"A", "C"}),
        ("", LETTERS, set()),
        (set(), KS, set()),
        ("k1, K3", KS, {"k1", "k3"}),
        ("k1 k3", KS, {"k1", "k3"}),
        (("k1", "k3"), KS, {"k1", "k3"}),
    ],
    ids=_safe_id,
)
def test_read_names(answer, allowed, names):
    assert read_names(answer, allowed, noun="name", example="e.g.") == names


@pytest.mark.parametrize(
    ("answer", "allowed", "unknown"),
    [
        ({"Z"}, LETTERS, "['Z']"),
        ("AZ", LETTERS, "['AZ']"),
        ("k13", KS, "['k13']"),  # runs of names count only for one-letter names
        ({1, "A"}, LETTERS, "['1']"),
    ],
    ids=_safe_id,
)
def test_read_names_unknown(answer, allowed, unknown):
    fb = read_names(answer, allowed, noun="name", example="e.g.")
    assert fb == Feedback(False, f"Unknown name(s) {unknown}; pick from {', '.join(allowed)}.")


@pytest.mark.parametrize("answer", [3, 2.5, True, b"AC"], ids=_safe_id)
def test_read_names_refuses_non_collections(answer):
    assert read_names(answer, LETTERS, noun="name", example="e.g. this") == Feedback(False, "e.g. this")


def test_read_names_none_is_pending():
    assert read_names(None, LETTERS, noun="name", example="e.g.") == pending()


def test_read_choice():
    allowed = ["forward", "reverse"]
    assert read_choice(" Reverse ", allowed, example="x") == "reverse"
    assert read_choice("forward", allowed, example="x") == "forward"
    for answer in ("sideways", 2, True, ["reverse"]):
        assert read_choice(answer, allowed, example="x") == Feedback(False, "x")
    assert read_choice(None, allowed, example="x") == pending()


# --- running a learner's function -----------------------------------------------------------


def test_need_function():
    assert need_function(None, usage="check(f)") == pending()
    assert need_function(1.0, usage="check(f)") == Feedback(False, "Pass the function itself, e.g. check(f).")
    assert need_function(len, usage="check(f)") is None


def test_call_learner_reads_the_result_as_a_number():
    assert call_learner(lambda a, b: a + b, 1, 2, name="f") == 3.0
    assert call_learner(lambda: np.array([0.5]), name="f") == 0.5
    assert call_learner(lambda: 10**400, name="f") == math.inf
    assert math.isnan(call_learner(lambda: math.nan, name="f"))


def test_call_learner_silences_numpy_warnings():
    # pytest turns warnings into errors here: a leaked RuntimeWarning would fail this test.
    assert call_learner(lambda: np.log(np.zeros(1)), name="f") == -math.inf
    assert call_learner(lambda: np.float64(1.0) / 0.0, name="f") == math.inf


def test_call_learner_silences_numpy_even_when_the_learner_set_errors_to_raise():
    # A learner's session may have np.seterr(all="raise"); log(0) is then still -inf, not a crash.
    with np.errstate(all="raise"):
        assert call_learner(lambda: np.log(np.zeros(1)), name="f") == -math.inf


def test_call_learner_turns_problems_into_feedback():
    assert call_learner(lambda: 1 / 0, name="f") == Feedback(
        False, "Your function raised ZeroDivisionError: division by zero")
    unfinished = pending("f returns None; implement it and run the cell again.")
    assert call_learner(lambda: None, name="f") == unfinished
    refusal = Feedback(False, "Your function should return a number, not bool.")
    assert call_learner(lambda: True, name="f") == refusal
    assert call_learner(lambda: "1", name="f").message == "Your function should return a number, not str."
    assert call_learner(lambda: np.ones(2), name="f").message == (
        "Your function should return a single number, not an array of 2 values.")


def test_call_learner_silences_other_warnings():
    def noisy():
        warnings.warn("learner's own warning", UserWarning, stacklevel=1)
        return 1.0

    assert call_learner(noisy, name="f") == 1.0


def test_call_learner_passes_its_arguments():
    seen = []
    call_learner(lambda *args: seen.append(args) or 0.0, 1, "x", name="f")
    assert seen == [(1, "x")]


# --- the shared test helper itself ----------------------------------------------------------


def test_reveals_numbers():
    assert reveals(Feedback(False, "It is 0.0467."), 0.046717)
    assert reveals(Feedback(False, "It is 0.047 or so."), 0.046717)
    assert reveals(Feedback(False, "Magnitude 2.11."), -2.112)
    assert reveals(Feedback(False, "[0.28, 0.18]"), np.array([0.28, 0.18]))
    assert not reveals(Feedback(False, "It is 0.255."), 0.25)
    assert not reveals(Feedback(False, "p = [0.5, 0.5, 0.0]"), 0.046717)
    assert not reveals(Feedback(False, "It is 10.25."), 0.25)


def test_reveals_names():
    among = ["k1", "k2", "k3"]
    assert reveals(Feedback(False, "k1 is one of them."), {"k1", "k3"}, among=among)
    assert reveals(Feedback(False, "Try Reverse."), "reverse", among=["forward", "reverse"])
    assert not reveals(Feedback(False, "Pick from k1, k2, k3."), {"k1", "k3"}, among=among)
    assert not reveals(Feedback(False, "k2 is biased."), {"k1", "k3"}, among=among)
    assert not reveals(Feedback(False, "a hint about D_KL"), {"A", "D"}, among=["A", "B", "C", "D"])
