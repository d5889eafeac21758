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
    "check_00_inverse_mean": 0.5 * 1 + 0.25 / 2 + 0.25 / 4,  # E[1/X] for X = 1, 2, 4
    "check_00_interval_probability": 0.5 * (math.erf(2 / math.sqrt(2)) - math.erf(1 / math.sqrt(2))),
    "check_00_log_bits": 300 * math.log2(0.05),
    "check_00_jensen_gap": math.log(5.5) - 1.5 * math.log(2),  # X = 1, 4, 16: E[ln X] = 1.5 ln 2
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
    # D_KL per row of p = (.5, .3, .2), (.1, .6, .3) against q = (.4, .4, .2), (.2, .5, .3), averaged
    "check_08_batchmean": (0.5 * math.log(0.5 / 0.4) + 0.3 * math.log(0.3 / 0.4)
                           + 0.1 * math.log(0.1 / 0.2) + 0.6 * math.log(0.6 / 0.5)) / 2,
    "check_08_k3_loss_gradient": 1.5,  # forward-KL gradient (θ - 0) / 1², not θ / 0.9
    "check_08_wasserstein": math.sqrt(2 / math.pi) * math.exp(-0.5) + math.erf(1 / math.sqrt(2)),
    # D_KL(fair‖0.8 heads) = ½ ln(0.5/0.2) + ½ ln(0.5/0.8) = ½ ln 1.5625 = ln 1.25
    "check_07_sprt_samples": math.log(1000) / math.log(1.25),
    "check_07_mutual_information_bits": sum(
        v * math.log2(v / (r * c)) for v, r, c in
        [(0.30, 0.40, 0.35), (0.10, 0.40, 0.65), (0.05, 0.60, 0.35), (0.55, 0.60, 0.65)]),
    "check_07_extra_bits": -0.25 + 0.5 + 0.25 + 0.0,  # Σ q log2(q/p), word by word
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

def _stable_id(value: object) -> str:
    # The same id in every run (mutmut re-selects tests by id): no memory address, no 400 digits.
    if type(value) is object:
        return "object()"
    if isinstance(value, int) and not isinstance(value, bool) and abs(value) > 10**20:
        return "-10**400" if value < 0 else "10**400"
    return repr(value)


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
@pytest.mark.parametrize("odd", ODD_INPUTS, ids=lambda odd: _stable_id(odd))
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


# --- every verdict's exact wording ----------------------------------------------------------
# Learners read these messages, so each one is pinned word for word (issue 9: mutation testing
# showed that a garbled hint or praise went unnoticed). Answers are hand-computed values rounded
# to the stated precision (see NUMBERS), or the known slips worked out by hand:
# 0.044 = D_KL(p‖q) in bits; 0.032 = D_KL(q‖p) in nats; 1.75 = average length of q's code; 2.11 = H(N(0, 2²));
# 1.0 = θ*, 0.726 = H(N(1, 0.5²)), 0.318 = the remaining KL; 0.399 = 1/√(2π);
# -1.5, 1.125, 0.723 = the k1, k2 and upside-down k3 terms (ln r = 1.5); 50 = √2500;
# 1.44 and -7.20 = the negated and summed log-likelihoods; (3, 1) and (3, 4) = one component's
# width and the variance; 1/12 = the uniform's variance; 0.472 = half the VAE KL; 0.347 = JS in nats.
NOT_YET = "❌ Not yet. Hint: "
MESSAGES = [
    # 00: 0.5 = 1/E[X], 0.583 = the plain mean of 1/x; 2.42, 0.540 and 0.130 = the density at 0.1,
    # at 0.2, and at 0.15 times 0.1; -898.7 nats, -390.3 = log10, +1297 the sign; 0.959 bits,
    # 1.705 = ln 5.5 and 1.040 = 1.5 ln 2.
    ("check_00_inverse_mean", 0.688,
     "✅ Correct: and it is not 1/E[X] (Jensen's inequality at work: 1/x is convex)."),
    ("check_00_inverse_mean", 0.0,
     NOT_YET + "compute 1/x for each value, then weight each by its probability and add."),
    ("check_00_inverse_mean", 0.5,
     "❌ That is 1/E[X]. The expectation of 1/X averages the values 1/x, weighted by their "
     "probabilities."),
    ("check_00_inverse_mean", 0.583,
     "❌ That is the plain average of the three values of 1/x. The outcomes are not equally likely: "
     "weight each by its probability."),
    ("check_00_interval_probability", 0.136,
     "✅ Correct: a probability, below 1, although the density at the left end is above 2."),
    ("check_00_interval_probability", 0.0,
     NOT_YET + "a probability is the area under the density over the interval: integrate the "
     "density from the interval's left end to its right end (e.g. kh.trapezoid on a fine grid)."),
    ("check_00_interval_probability", 2.42,
     "❌ That is the density at the left end, not a probability (it is more than 1). Integrate the "
     "density over the interval."),
    ("check_00_interval_probability", 0.540,
     "❌ That is the density at the right end, not a probability. Integrate the density over the "
     "interval."),
    ("check_00_interval_probability", 0.130,
     "❌ That is the density at the midpoint times the width: a rough approximation, because the "
     "density is curved there. Integrate the density over the interval."),
    ("check_00_log_bits", -1297,
     "✅ Correct: a sum of logs stays finite where the product underflows to 0."),
    ("check_00_log_bits", -math.inf,
     "❌ Your answer is -inf; this one is finite. Hint: the product of the probabilities is too "
     "small for a float (it rounds to 0); take logs first: the log of a product is the sum of the "
     "logs. Then change the base to 2."),
    ("check_00_log_bits", -898.7,
     "❌ Right idea, wrong unit: that is the natural log (nats). Convert to bits: divide by ln 2."),
    ("check_00_log_bits", -390.3, "❌ That is the base-10 log. The question asks for log base 2 (bits)."),
    ("check_00_log_bits", 1297, "❌ Check the sign: a probability below 1 has a negative logarithm."),
    ("check_00_jensen_gap", 0.665,
     "✅ Correct: positive, as Jensen's inequality says it must be for an X that varies."),
    ("check_00_jensen_gap", 0.0,
     NOT_YET + "compute E[X] and E[ln X] = Σ p ln x separately, then take ln of the first and "
     "subtract the second."),
    ("check_00_jensen_gap", -0.665,
     "❌ Check the sign: the logarithm is concave, so ln E[X] is the larger of the two."),
    ("check_00_jensen_gap", 0.959, "❌ That is in bits. The question asks for nats (natural log)."),
    ("check_00_jensen_gap", 1.705, "❌ That is ln E[X] alone. Subtract E[ln X]."),
    ("check_00_jensen_gap", 1.040, "❌ That is E[ln X] alone. The gap is ln E[X] minus it."),
    ("check_01_reverse_bits", 0.0467,
     "✅ Correct: and it differs from D_KL(p‖q) in bits, because KL is not symmetric."),
    ("check_01_reverse_bits", 0.0,
     NOT_YET + "q is now the distribution the data come from, so it goes first; use log base 2."),
    ("check_01_reverse_bits", 0.044,
     "❌ That is D_KL(p‖q). The exercise asks for the other direction."),
    ("check_01_reverse_bits", 0.032, "❌ Right direction, wrong unit: that is in nats; convert to bits."),
    ("check_01_code_overhead", 0.25, "✅ Correct: the extra length is D_KL(p‖q) in bits."),
    ("check_01_code_overhead", 0.0,
     NOT_YET + "average the code lengths under p for both codes (lengths are -log2 of the "
     "probabilities), then subtract."),
    ("check_01_code_overhead", 1.75,
     "❌ That is the average length with q's code. Subtract what p's own code would need."),
    ("check_01_support", {"A", "C", "D"},
     "✅ Correct: q must be positive wherever p is; elsewhere it is free."),
    ("check_01_support", {"B"},
     NOT_YET + "D_KL(p‖q) is infinite exactly when q is 0 on an outcome where p is positive. "
     "Outcomes where p is 0 contribute nothing, whatever q puts there."),
    ("check_01_support", 3,
     '❌ Answer with a set of letters picked from A, B, C, D, written like {"X", "Y"}.'),
    ("check_01_support", "Z", "❌ Unknown candidate(s) ['Z']; pick from A, B, C, D."),
    ("check_02_neg_entropy", -2.11, "✅ Correct: ∫ p ln p dx is minus the entropy."),
    ("check_02_neg_entropy", 0.0,
     NOT_YET + "H(p) = -∫ p ln p dx, and a normal's entropy is ½ ln(2πeσ²)."),
    ("check_02_neg_entropy", 2.11,
     "❌ That is the entropy H(p). Look at the sign in front of the integral."),
    ("check_02_min_cross_entropy", 1.04,
     "✅ Correct: H(p) plus the divergence that a fixed-width model cannot remove."),
    ("check_02_min_cross_entropy", 0.0,
     NOT_YET + "both H(p, q_θ) and D_KL(p‖q_θ) are smallest at the same θ; use "
     "H(p, q) = H(p) + D_KL(p‖q) there."),
    ("check_02_min_cross_entropy", 1.0,
     "❌ That is where the minimum is (θ). The exercise asks for the value."),
    ("check_02_min_cross_entropy", 0.726,
     "❌ That is H(p), the minimum over all models. Here q's width is fixed, so q cannot match p "
     "exactly: some divergence remains."),
    ("check_02_min_cross_entropy", 0.318,
     "❌ That is the smallest divergence. The cross-entropy adds something."),
    ("check_02_zero_entropy_sigma", 0.242,
     "✅ Correct: any narrower normal has negative differential entropy."),
    ("check_02_zero_entropy_sigma", 1.0, NOT_YET + "solve ½ ln(2πeσ²) = 0 for σ."),
    ("check_02_zero_entropy_sigma", 0.399,
     "❌ At that σ the peak density is 1. The entropy averages -ln p over the whole density, not at "
     "the peak: set the entropy formula to 0."),
    ("check_03_k3_term", 1.98, "✅ Correct: positive, as every k3 term is."),
    ("check_03_k3_term", 1.0,
     NOT_YET + "compute ln r = ln q(2) - ln p(2) first, then k3 = (r - 1) - ln r."),
    ("check_03_k3_term", -1.5, "❌ That is the k1 term. k3 uses r itself, not only ln r."),
    ("check_03_k3_term", 1.125, "❌ That is the k2 term. k3 uses r itself, not only ln r."),
    ("check_03_k3_term", 0.723, "❌ Close: your ratio is upside down. Here r = q(x)/p(x)."),
    ("check_03_samples_needed", 2500,
     "✅ Correct: a hundred times smaller error costs ten thousand times more samples."),
    ("check_03_samples_needed", 10,
     NOT_YET + "the standard error is σ/√N, with σ the standard deviation of one term "
     "ln p(x) - ln q(x); estimate σ from a large sample or work it out for these normals."),
    ("check_03_samples_needed", 50, "❌ That is √N. The standard error shrinks like 1/√N: solve for N."),
    ("check_03_unbiased", {"k1", "k3"},
     "✅ Correct: both average to D_KL exactly; k3 is also never negative."),
    ("check_03_unbiased", {"k2"},
     NOT_YET + "take the expectation under p of each term. E_p[ln r] = -D_KL, and E_p[r] = ∫ q dx "
     "over the set where p > 0 (so 1 when q = 0 wherever p = 0, as here). Which terms then average "
     "to D_KL exactly? The table in the notebook shows the bias of each, within its standard error."),
    ("check_03_unbiased", 3,
     '❌ Answer with a set of names from k1, k2, k3, written like {"k1", "k2"}.'),
    ("check_04_categorical_mle", [0.28, 0.18, 0.5, 0.04],
     "✅ Correct: the empirical distribution is both the MLE and the KL minimiser."),
    ("check_04_categorical_mle", [0.25] * 4,
     NOT_YET + "D_KL(p̂‖q) is never negative and is 0 only when q equals p̂; so what is p̂ for "
     "these counts?"),
    # A zero is a valid probability: judged on its merits, not sent back as "not >= 0".
    ("check_04_categorical_mle", [0.5, 0.5, 0.0, 0.0],
     NOT_YET + "D_KL(p̂‖q) is never negative and is 0 only when q equals p̂; so what is p̂ for "
     "these counts?"),
    ("check_04_categorical_mle", [14, 9, 25, 2],
     "❌ Those are counts, not probabilities: a distribution sums to 1."),
    ("check_04_categorical_mle", [0.5] * 4,
     "❌ Your entries sum to 2; probabilities are >= 0 and sum to 1."),
    ("check_04_categorical_mle", [1.2, -0.2, 0.0, 0.0],
     "❌ Your entries sum to 1; probabilities are >= 0 and sum to 1."),
    ("check_04_categorical_mle", [0.5, 0.5],
     "❌ Answer with a list of four probabilities, e.g. [0.7, 0.1, 0.1, 0.1]."),
    ("check_04_kl_nll_gap", -1.44,
     "✅ Correct: the gap is the average of ln p(x_i), the same for every θ."),
    ("check_04_kl_nll_gap", 0.0,
     NOT_YET + "write both as averages over the data and subtract term by term; what is left does "
     "not involve the model at all."),
    ("check_04_kl_nll_gap", 1.44, "❌ Right size, wrong sign: which of the two is larger?"),
    ("check_04_kl_nll_gap", -7.20, "❌ That is a sum over the data; both quantities are averages."),
    ("check_05_moment_match", (3.0, 2.0),
     "✅ Correct: the forward fit matches the mean and variance of p."),
    ("check_05_moment_match", (2.0, 2.0),
     "❌ The mean is not right yet. Hint: the mean of a mixture is the weighted average of the "
     "component means."),
    ("check_05_moment_match", (3.0, 2.5),
     "❌ The mean is right; sigma is not. Hint: variance = average within-component variance + "
     "variance of the component means; then take the square root."),
    ("check_05_moment_match", (3.0, 1.0),
     "❌ That is the width of one component. The fit must also cover the spread between the "
     "components (law of total variance)."),
    ("check_05_moment_match", (3.0, 4.0),
     "❌ The mean is right, but that is a variance; sigma is a standard deviation."),
    ("check_05_moment_match", "3, 2", "❌ Answer with a pair (mu, sigma), e.g. (1.0, 0.5)."),
    ("check_05_direction", "reverse",
     "✅ Correct: D_KL(q‖p) is an average under q, so q pays heavily for mass where p is tiny, and "
     "it shrinks onto a mode instead."),
    ("check_05_direction", "Forward",
     NOT_YET + "ask which direction averages log(q/p) over the places where q puts its mass, and "
     "what happens there when p ≈ 0."),
    ("check_05_direction", 2, '❌ Answer with the string "forward" or "reverse".'),
    ("check_05_uniform_limit", 0.289,
     "✅ Correct: the MLE converges to the moment-matched Gaussian, not to the uniform."),
    ("check_05_uniform_limit", 0.5,
     NOT_YET + "as N grows, the MLE goes to the KL projection of p onto the Gaussians, which "
     "matches the moments of p. What is the spread of a uniform on [0, 1]?"),
    ("check_05_uniform_limit", 1 / 12, "❌ That is a variance; the question asks for a standard deviation."),
    ("check_06_cross_entropy", 1.41, "✅ Correct: the negative log-likelihood of the true class."),
    ("check_06_cross_entropy", 2.0,
     NOT_YET + "the loss is minus the log-softmax of the logits, read at the true class."),
    ("check_06_cross_entropy", -1.41,
     "❌ Check the sign: a loss is a negative log-probability, so it is >= 0."),
    ("check_06_vae_kl", 0.943, "✅ Correct: the sum of one closed-form KL per latent dimension."),
    ("check_06_vae_kl", 0.0,
     NOT_YET + "one term per latent dimension, ½(σ² + μ² − 1 − ln σ²); remember log_var is ln σ², "
     "and add the terms."),
    ("check_06_vae_kl", 0.472,
     "❌ That is the mean over the latent dimensions; a KL between two-dimensional Gaussians is "
     "their sum."),
    ("check_06_js_bits", 0.5, "✅ Correct: finite although D_KL(p‖q) is infinite here."),
    ("check_06_js_bits", 1.0,
     NOT_YET + "form m = (p + q)/2 first; both KL terms against m are finite. Use log base 2."),
    ("check_06_js_bits", 0.347, "❌ Right value in nats; the question asks for bits."),
    ("check_08_batchmean", 0.0327, "✅ Correct: the mean over the batch of D_KL(p_b‖q_b)."),
    ("check_08_batchmean", 0.0,
     NOT_YET + "input is the model's log-probabilities and target the data, so each row gives "
     "D_KL(target‖model); 'batchmean' sums every term and divides by the batch size."),
    ("check_08_batchmean", 0.0109,
     "❌ That is reduction='mean': divided by the number of elements (batch × classes), not by the "
     "batch size."),
    ("check_08_batchmean", 0.0653, "❌ That is reduction='sum'; 'batchmean' divides by the batch size."),
    ("check_08_batchmean", 0.0366,
     "❌ The direction is reversed: kl_div(input, target) computes D_KL(target‖model)."),
    ("check_08_k3_loss_gradient", 1.5,
     "✅ Correct: the gradient of the forward KL D_KL(p‖q_θ), not of the reverse KL that k3 "
     "estimates."),
    ("check_08_k3_loss_gradient", 1.0,
     NOT_YET + "take E over q_θ of (1 − r)·∂ln q_θ/∂θ with r = p/q_θ; E_q[r·f] = E_p[f]."),
    ("check_08_k3_loss_gradient", 1.67,
     "❌ That is the gradient of the reverse KL D_KL(q_θ‖p), the value k3 estimates; with the "
     "samples held fixed its gradient is another one."),
    ("check_08_k3_loss_gradient", 0.0,
     "❌ That is the expected gradient of k1 used as a loss (the score has mean 0); k3 has an extra "
     "factor (1 − r)."),
    ("check_08_wasserstein", 1.17, "✅ Correct: E|1 + Z| = √(2/π)e^(−1/2) + erf(1/√2)."),
    ("check_08_wasserstein", 0.5,
     NOT_YET + "match quantiles: Y − X = 1 + (2 − 1)Z with Z ~ N(0, 1); W₁ = E|1 + Z|, the mean of "
     "a folded normal."),
    ("check_08_wasserstein", 1.0,
     "❌ That is the distance between the means, W₁ only for equal widths; here the widths differ."),
    ("check_08_wasserstein", 1.41,
     "❌ That is W₂ = √((Δμ)² + (Δσ)²); W₁ averages |Y − X| instead of its square."),
    # 07: 36 = ln 1000 / D_KL(q‖p); 45 = log2 1000 / ln 1.25; 1.5 = ln 1.25 · ln 1000;
    # 0.250 = the mutual information in nats; 0.625 = D_KL(p‖q) in bits, 0.347 = 0.5 ln 2,
    # 2.25 = H(q, p) in bits.
    ("check_07_sprt_samples", 31,
     "✅ Correct: about thirty flips, and a thousand times smaller α would only double it."),
    ("check_07_sprt_samples", 10,
     NOT_YET + "the evidence needed is ln(1/α) nats; each flip from p brings D_KL(p‖q) nats on "
     "average. Compute D_KL for the two coins in nats, then divide."),
    ("check_07_sprt_samples", 36,
     "❌ That uses D_KL(q‖p). The data come from p, so the evidence per flip is D_KL(p‖q)."),
    ("check_07_sprt_samples", 45,
     "❌ Mixed units: log2(1/α) (bits) over D_KL in nats. Use natural logarithms for both."),
    ("check_07_sprt_samples", 1.5, "❌ Divide the evidence needed by the evidence per flip (not multiply)."),
    ("check_07_mutual_information_bits", 0.361,
     "✅ Correct: carrying an umbrella says a fair amount about the rain, in bits."),
    ("check_07_mutual_information_bits", 0.5,
     NOT_YET + "compare the table with the product of its row and column sums: "
     "I = Σ p(x, y) log2[p(x, y) / (p(x) p(y))]."),
    ("check_07_mutual_information_bits", 0.250, "❌ Right value in nats; the question asks for bits."),
    ("check_07_extra_bits", 0.5,
     "✅ Correct: less than the 0.625 bits of the other direction; KL is not symmetric."),
    ("check_07_extra_bits", 1.0,
     NOT_YET + "average, over q's words, the length of p's code minus the length of q's own code "
     "(lengths are -log2 of the probabilities)."),
    ("check_07_extra_bits", 0.625,
     "❌ That is D_KL(p‖q): p's words with q's code. Here the words come from q."),
    ("check_07_extra_bits", 0.347, "❌ Right direction, wrong unit: that is in nats; convert to bits."),
    ("check_07_extra_bits", 2.25,
     "❌ That is the whole average length with p's code; subtract what q's own code needs."),
]


@pytest.mark.parametrize(("name", "answer", "shown"), MESSAGES,
                         ids=[f"{name}-{i}" for i, (name, _, _) in enumerate(MESSAGES)])
def test_every_verdict_reads_exactly_as_written(name, answer, shown):
    assert repr(_checker(name)(answer)) == shown


def test_every_answer_checker_has_its_verdicts_pinned():
    pinned = {name for name, _, _ in MESSAGES}
    assert pinned == set(CHECKERS) - set(FUNCTIONS)  # the function checkers: in their own files
