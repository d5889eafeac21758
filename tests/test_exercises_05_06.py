"""Exercise checkers of notebooks 05 and 06: right answers pass, wrong ones fail, hints hide the answer.

Right answers are computed here independently (by hand formulas, scipy or integration), not taken
from the checkers.
"""

import math

import numpy as np
import pytest
from _exercise_helpers import assert_wrong, reveals
from scipy import integrate, special

from kl_helpers.exercises import (
    check_05_direction,
    check_05_moment_match,
    check_05_uniform_limit,
    check_06_cross_entropy,
    check_06_js_bits,
    check_06_vae_kl,
)
from kl_helpers.exercises._feedback import NO_ANSWER
from kl_helpers.exercises.ex06 import EXERCISE_LOG_VAR, EXERCISE_LOGITS, EXERCISE_MU


def _moment_match_answer():
    w, m = np.array([0.25, 0.75]), np.array([0.0, 4.0])
    mean = float(w @ m)
    return mean, math.sqrt(1.0 + float(w @ (m - mean) ** 2))


def _uniform_sigma():
    mean = integrate.quad(lambda x: x, 0, 1)[0]
    return math.sqrt(integrate.quad(lambda x: (x - mean) ** 2, 0, 1)[0])


def _cross_entropy():
    return -float(special.log_softmax(EXERCISE_LOGITS)[2])


def _vae_kl():
    mu, var = np.array(EXERCISE_MU), np.exp(EXERCISE_LOG_VAR)
    # Per dimension, KL(N(mu, var) || N(0, 1)) by numerical integration, then summed.
    total = 0.0
    for m, v in zip(mu, var, strict=True):
        s = math.sqrt(v)

        def integrand(x, m=m, s=s):
            logq = -0.5 * math.log(2 * math.pi * s * s) - (x - m) ** 2 / (2 * s * s)
            return math.exp(logq) * (logq + 0.5 * math.log(2 * math.pi) + x * x / 2)

        total += integrate.quad(integrand, m - 15 * s, m + 15 * s)[0]
    return total


def _js_bits():
    p, q = np.array([0.5, 0.5, 0.0]), np.array([0.0, 0.5, 0.5])
    m = (p + q) / 2
    def kl2(a, b):
        return float(np.sum(a[a > 0] * np.log2(a[a > 0] / b[a > 0])))
    return 0.5 * kl2(p, m) + 0.5 * kl2(q, m)


CASES = [
    (check_05_uniform_limit, _uniform_sigma, [1 / 12, 0.5, 1.0]),
    (check_06_cross_entropy, _cross_entropy, [-_cross_entropy(), 1.0, 0.0]),
    (check_06_vae_kl, _vae_kl, [_vae_kl() / 2, 0.0, 1.0]),
    (check_06_js_bits, _js_bits, [_js_bits() * math.log(2), 1.0, math.inf]),
]


@pytest.mark.parametrize(("check", "answer", "wrong"), CASES, ids=lambda c: getattr(c, "__name__", ""))
def test_numeric_checkers(check, answer, wrong):
    right = answer()
    assert check(right).correct
    assert check(round(right, 4)).correct  # a rounded answer is accepted
    assert check(None) == check(None) and check(None).message == NO_ANSWER
    for value in wrong:
        assert_wrong(check, value, right)
    assert not check("0.5").correct


@pytest.mark.parametrize(
    ("check", "answer", "hint"),
    [
        (check_05_uniform_limit, lambda: 1 / 12, "That is a variance"),
        (check_06_cross_entropy, lambda: -_cross_entropy(), "Check the sign"),
        (check_06_vae_kl, lambda: _vae_kl() / 2, "mean over the latent dimensions"),
        (check_06_js_bits, lambda: _js_bits() * math.log(2), "in nats"),
    ],
    ids=lambda c: getattr(c, "__name__", ""),
)
def test_known_slips_get_their_hint(check, answer, hint):
    slip = answer()
    assert hint in check(slip).message
    assert hint in check(float(f"{slip:.3g}")).message  # also rounded to 3 significant figures


def test_moment_match_checker():
    mu, sigma = _moment_match_answer()
    assert check_05_moment_match((mu, sigma)).correct
    assert check_05_moment_match([round(mu, 3), round(sigma, 3)]).correct
    for wrong in [(mu, 1.0), (mu, sigma**2), (2.0, sigma), (0.0, 0.0), (mu, 2.5), mu, "3, 2",
                  ("3", "2"), (math.nan, sigma), (mu, math.nan), (True, sigma), (10**400, sigma)]:
        verdict = assert_wrong(check_05_moment_match, wrong, [mu, sigma])
        assert not reveals(verdict, mu) and not reveals(verdict, sigma)
    assert "width of one component" in check_05_moment_match((mu, 1.0)).message
    assert "that is a variance" in check_05_moment_match((mu, sigma**2)).message
    assert "sigma is not" in check_05_moment_match((mu, 2.5)).message
    assert "mean is not right" in check_05_moment_match((2.0, sigma)).message
    assert check_05_moment_match(None).message == NO_ANSWER


def test_moment_match_number_types():
    # Issue 10: the right answer as a NumPy array was rejected.
    mu, sigma = _moment_match_answer()
    assert check_05_moment_match(np.array([mu, sigma])).correct
    assert check_05_moment_match((np.float32(mu), np.int64(round(sigma)))).correct
    assert check_05_moment_match((int(mu), int(sigma))).correct


def test_moment_match_type_messages():
    # Issue 10: strings and NaN got a maths hint instead of a type message.
    mu, sigma = _moment_match_answer()
    assert check_05_moment_match(("3", "2")).message == "mu should be a number, not str."
    assert check_05_moment_match((mu, "2")).message == "sigma should be a number, not str."
    assert check_05_moment_match((math.nan, sigma)).message == "mu should be a finite number, not nan."
    assert check_05_moment_match((mu, math.inf)).message == "sigma should be a finite number, not inf."
    assert check_05_moment_match((10**400, sigma)).message == "mu should be a finite number, not inf."
    assert check_05_moment_match((True, sigma)).message == "mu should be a number, not bool."
    assert "pair (mu, sigma)" in check_05_moment_match("3, 2").message
    assert "pair (mu, sigma)" in check_05_moment_match((mu, sigma, 1.0)).message
    assert "pair (mu, sigma)" in check_05_moment_match(np.array([[mu, sigma]])).message


def test_moment_match_precision_boundaries():
    mu, sigma = _moment_match_answer()  # 3 and 2: 3 significant figures is ±0.005
    assert check_05_moment_match((mu + 0.0049, sigma - 0.0049)).correct
    assert not check_05_moment_match((mu + 0.0051, sigma)).correct
    assert not check_05_moment_match((mu, sigma - 0.0051)).correct


def test_direction_checker():
    assert check_05_direction("reverse").correct
    assert check_05_direction(" Reverse ").correct
    for wrong in ("forward", 2, "sideways", True, ["reverse"]):
        assert_wrong(check_05_direction, wrong, "reverse", among=["forward", "reverse"])
    assert "forward" not in check_05_direction("forward").message.lower()
    assert check_05_direction(None).message == NO_ANSWER
