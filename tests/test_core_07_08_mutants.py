"""Behaviour of lessons 07 and 08's numeric modules that the mutation audit found untested.

The modules (comparison, conventions, evidence, gradients, guessing, information, nonparametric,
vae) were added with lessons 00, 07 and 08; mutmut (CONTRIBUTING.md, "Mutation testing") left
mutants alive that changed an error message, a boundary (``<`` against ``<=``), a default or a
rarely used branch. Each test here checks a documented property against an independent reference
(a hand computation, scipy, a brute-force search); error messages are user-facing and pinned in
full. Fast: about a second in all.
"""

from __future__ import annotations

import math

import numpy as np
import pytest
import scipy.integrate
import scipy.special
import scipy.stats

import kl_helpers as kh
from kl_helpers.guessing import GuessGame

LN2 = math.log(2.0)


def _positive(name: str, example: str) -> str:
    return f"{name} must be a finite number > 0 (e.g. {example}), got 0"


def _not_a_string(name: str, example: str = "0.5") -> str:
    return f"{name} must be a real number such as {example}, not the string 'a'"


def _numbers(name: str) -> str:
    return f"{name} must be numbers, not a string ('a'); pass e.g. [0.2, 0.8]"


RNG = np.random.default_rng(0)
# (call, exception type, the whole message). Each call gets exactly one bad argument.
BAD_ARGUMENTS = [
    # vae
    (lambda: kh.linear_vae_kl([[0.0, 0.0, 0.0]], 4.0), ValueError,
     "params must be one-dimensional, got shape (1, 3); flatten it first"),
    (lambda: kh.linear_vae_kl([0.0, 0.0, 700.5], 4.0), ValueError,
     "log_tau2 = 700.5 is too large (exp overflows); start nearer 0"),
    (lambda: kh.linear_vae_kl([0.0, 0.0, 0.0], 0.0), ValueError, _positive("data_var", "4.0")),
    (lambda: kh.linear_vae_elbo([0.0, 0.0, 0.0], 0.0, 1.0), ValueError, _positive("data_var", "4.0")),
    (lambda: kh.linear_vae_elbo([0.0, 0.0, 0.0], 4.0, 0.0), ValueError, _positive("noise_var", "1.0")),
    (lambda: kh.linear_vae_elbo_grad([0.0, 0.0, 0.0], 0.0, 1.0), ValueError,
     _positive("data_var", "4.0")),
    (lambda: kh.linear_vae_elbo_grad([0.0, 0.0, 0.0], 4.0, 0.0), ValueError,
     _positive("noise_var", "1.0")),
    (lambda: kh.linear_vae_optimum(0.0, 1.0), ValueError, _positive("data_var", "4.0")),
    (lambda: kh.linear_vae_optimum(4.0, 0.0), ValueError, _positive("noise_var", "1.0")),
    # evidence
    (lambda: kh.bernoulli_log_ratio([1], "a", 0.8), TypeError, _not_a_string("theta_p", "0.3")),
    (lambda: kh.bernoulli_log_ratio([1], 0.5, "a"), TypeError, _not_a_string("theta_q", "0.3")),
    (lambda: kh.bernoulli_log_ratio([1], 0.0, 0.8), ValueError,
     "theta_p must lie strictly between 0 and 1 (e.g. 0.3), got 0"),
    (lambda: kh.bernoulli_log_ratio([1], 0.5, 1.0), ValueError,
     "theta_q must lie strictly between 0 and 1 (e.g. 0.3), got 1"),
    (lambda: kh.bernoulli_log_ratio([1], 0.5, 0.5), ValueError,
     "theta_p and theta_q are both 0.5: the two coins are the same and no amount of data tells "
     "them apart; pick two different probabilities of heads"),
    (lambda: kh.bernoulli_log_ratio([np.nan], 0.5, 0.8), ValueError,
     "flips contains a non-finite value (nan) at flat index 0; every entry must be a finite number"),
    (lambda: kh.bernoulli_log_ratio([1, 0.5], 0.5, 0.8), ValueError,
     "flips must hold only 0 (tails) and 1 (heads)"),
    (lambda: kh.stein_test_bernoulli(0.5, 0.8, 0), ValueError, "n must be at least 1, got 0"),
    (lambda: kh.stein_test_bernoulli(0.5, 0.8, 5, epsilon=1.0), ValueError,
     "epsilon must lie strictly between 0 and 1 (e.g. 0.3), got 1"),
    (lambda: kh.stein_log_beta_bernoulli(0.5, 0.8, "a"), TypeError, _numbers("n")),
    (lambda: kh.stein_log_beta_bernoulli(0.5, 0.8, [3, 0]), ValueError,
     "n must hold whole numbers of flips >= 1"),
    (lambda: kh.wald_thresholds("a", 0.1), TypeError, _not_a_string("alpha", "0.3")),
    (lambda: kh.wald_thresholds(0.1, "a"), TypeError, _not_a_string("beta", "0.3")),
    (lambda: kh.wald_thresholds(0.5, 0.5), ValueError,
     "alpha + beta must be < 1 (a test that errs that often needs no data), got 0.5 + 0.5"),
    (lambda: kh.wald_expected_samples(0.01, 0.01, 0.0), ValueError, _positive("d_pq", "0.2")),
    (lambda: kh.sprt("a", 0.01, 0.01), TypeError, _numbers("log_ratios")),
    (lambda: kh.sprt([[5.0], [0.0]], 0.01, 0.01), ValueError,
     "1 of 2 runs crossed no threshold within 1 samples; pass more samples per run"),
    # conventions
    (lambda: kh.conventions.scipy_rel_entr("a", [1.0]), TypeError, _numbers("x")),
    (lambda: kh.conventions.scipy_rel_entr([1.0], "a"), TypeError, _numbers("y")),
    (lambda: kh.conventions.scipy_kl_div("a", [1.0]), TypeError, _numbers("x")),
    (lambda: kh.conventions.scipy_kl_div([1.0], "a"), TypeError, _numbers("y")),
    (lambda: kh.conventions.scipy_entropy("a"), TypeError, _numbers("pk")),
    (lambda: kh.conventions.scipy_entropy([1.0], "a"), TypeError, _numbers("qk")),
    (lambda: kh.conventions.torch_kl_div("a", [1.0]), TypeError, _numbers("input")),
    (lambda: kh.conventions.torch_kl_div([0.0], "a"), TypeError, _numbers("target")),
    # guessing
    (lambda: kh.distributions_at_kl(0.0, RNG), ValueError, _positive("target", "0.1")),
    (lambda: kh.distributions_at_kl(0.1, RNG, 0), ValueError, "n_outcomes must be at least 1, got 0"),
    (lambda: kh.distributions_at_kl(0.1, RNG, 1), ValueError,
     "n_outcomes must be at least 2: one outcome leaves nothing to compare"),
    (lambda: kh.guess_rounds(0), ValueError, "n_rounds must be at least 1, got 0"),
    (lambda: kh.guess_rounds(2, seed=-1), TypeError, "seed must be a whole number >= 0, got -1"),
    (lambda: kh.guess_rounds(2, seed=True), TypeError, "seed must be a whole number >= 0, got True"),
    (lambda: kh.guess_score(0.0, 0.1), ValueError, _positive("guess", "0.1")),
    (lambda: kh.guess_score(0.1, 0.0), ValueError, _positive("truth", "0.1")),
    # information
    (lambda: kh.mutual_information("a"), TypeError, _numbers("joint")),
    (lambda: kh.mutual_information([[0.6, -0.1], [0.3, 0.2]]), ValueError,
     "joint has a negative entry; probabilities are >= 0"),
    (lambda: kh.chain_rule_terms("a", [[1.0]]), TypeError, _numbers("p_joint")),
    (lambda: kh.chain_rule_terms([[1.0]], "a"), TypeError, _numbers("q_joint")),
    (lambda: kh.chain_rule_terms([[0.2, 0.2], [0.2, 0.2], [0.1, 0.1]],
                                 [[0.25, 0.25], [0.25, 0.25], [0.0, 0.0]]), ValueError,
     "q_joint gives probability 0 to a value of x that p_joint can produce: D_KL is infinite "
     "already in x, and q(y|x) is undefined there"),
    # comparison
    (lambda: kh.wasserstein1_normal_normal("a", 1.0, 0.0, 1.0), TypeError, _numbers("mu_p")),
    (lambda: kh.wasserstein1_normal_normal(0.0, 1.0, "a", 1.0), TypeError, _numbers("mu_q")),
    (lambda: kh.wasserstein1_normal_normal(0.0, 0.0, 0.0, 1.0), ValueError,
     "sigma_p must be > 0 (a standard deviation or scale), got 0.0"),
    (lambda: kh.wasserstein1_normal_normal(0.0, 1.0, 0.0, 0.0), ValueError,
     "sigma_q must be > 0 (a standard deviation or scale), got 0.0"),
    (lambda: kh.shifted_normal_divergences("a", 1.0), TypeError, _numbers("shift")),
    (lambda: kh.shifted_normal_divergences(1.0, 0.0), ValueError, _positive("width", "1.0")),
    # nonparametric
    (lambda: kh.knn_kl_estimate("a", [1.0]), TypeError, _numbers("x")),
    (lambda: kh.knn_kl_estimate([0.0, 1.0], "a"), TypeError, _numbers("y")),
    (lambda: kh.knn_kl_estimate([], [1.0]), ValueError,
     "x must be a non-empty 1-D array of numbers or a 2-D array of points (one row per point), "
     "got shape (0, 1)"),
    (lambda: kh.knn_kl_estimate([0.0, 1.0], [1.0], k=0), ValueError, "k must be at least 1, got 0"),
    (lambda: kh.knn_kl_estimate([0.5], [1.0, 2.0]), ValueError,
     "k=1 needs at least 2 points in x and 1 in y, got 1 and 2"),
    (lambda: kh.knn_kl_estimate([0.0, 1.0, 2.0], [1.0, 2.0], k=3), ValueError,
     "k=3 needs at least 4 points in x and 3 in y, got 3 and 2"),
    (lambda: kh.knn_kl_estimate([0.0, 1.0, 1.0], [5.0]), ValueError,
     "x has repeated points (a nearest-neighbour distance of 0); the estimator assumes "
     "continuous distributions: remove duplicates or add a tiny jitter"),
    (lambda: kh.knn_kl_estimate([0.0, 1.0], [1.0, 5.0]), ValueError,
     "a point of x also occurs in y (distance 0); the estimator needs two independent samples "
     "from continuous distributions"),
    (lambda: kh.binned_plugin_kl([[0.0]], 0.0, 1.0, 0.1), ValueError,
     "samples must be one-dimensional, got shape (1, 1); flatten it first"),
    (lambda: kh.binned_plugin_kl([0.0], "a", 1.0, 0.1), TypeError, _not_a_string("mu_q")),
    (lambda: kh.binned_plugin_kl([0.0], 0.0, 0.0, 0.1), ValueError, _positive("sigma_q", "1.0")),
    (lambda: kh.binned_plugin_kl([0.0], 0.0, 1.0, 0.0), ValueError, _positive("bin_width", "0.01")),
    # The bins tile [min(x) - 6 sigma_q, max(x) + 6 sigma_q], at most 2e6 of them.
    (lambda: kh.binned_plugin_kl([0.0], 0.0, 2.0, 1e-6), ValueError,
     "bin_width=1e-06 needs 24000000 bins over [-12, 12]; use a width of at least 1.2e-05"),
    (lambda: kh.binned_plugin_kl([1.0, 3.0], 0.0, 0.5, 1e-6), ValueError,
     "bin_width=1e-06 needs 8000000 bins over [-2, 6]; use a width of at least 4e-06"),
    # A range of 25 000 over 2e6 bins is 0.0125 (stored a hair above, so 2 digits give 0.013).
    (lambda: kh.binned_plugin_kl([0.0, 24988.0], 0.0, 1.0, 0.01), ValueError,
     "bin_width=0.01 needs 2500000 bins over [-6, 2.5e+04]; use a width of at least 0.013"),
    # gradients
    (lambda: kh.grad_kl_normal_normal("a", 1.0, 0.0, 1.0), TypeError, _not_a_string("mu_p")),
    (lambda: kh.grad_kl_normal_normal(0.0, 0.0, 0.0, 1.0), ValueError, _positive("sigma_p", "1.0")),
    (lambda: kh.grad_kl_normal_normal(0.0, 1.0, "a", 1.0), TypeError, _not_a_string("mu_q")),
    (lambda: kh.grad_kl_normal_normal(0.0, 1.0, 0.0, 0.0), ValueError, _positive("sigma_q", "1.0")),
    (lambda: kh.estimator_gradient_terms("a", 1.0, 0.0, 1.0, 2, RNG), TypeError,
     _not_a_string("theta")),
    (lambda: kh.estimator_gradient_terms(0.0, 0.0, 0.0, 1.0, 2, RNG), ValueError,
     _positive("sigma_q", "1.0")),
    (lambda: kh.estimator_gradient_terms(0.0, 1.0, "a", 1.0, 2, RNG), TypeError,
     _not_a_string("mu_p")),
    (lambda: kh.estimator_gradient_terms(0.0, 1.0, 0.0, 0.0, 2, RNG), ValueError,
     _positive("sigma_p", "1.0")),
    (lambda: kh.estimator_gradient_terms(0.0, 1.0, 0.0, 1.0, 0, RNG), ValueError,
     "n must be at least 1, got 0"),
    (lambda: kh.estimator_gradient_terms(0.0, 1.0, 0.0, 1.0, 2, RNG, sample_from="r"), ValueError,
     "sample_from='r' is not known; use one of 'q', 'p'"),
    (lambda: kh.estimator_gradient_terms(0.0, 1.0, 0.0, 1.0, 2, RNG, method="grad"), ValueError,
     "method='grad' is not known; use one of 'loss', 'score', 'reparam', 'reward'"),
    (lambda: kh.mean_and_se([[1.0, 2.0]]), ValueError,
     "terms must be one-dimensional, got shape (1, 2); flatten it first"),
    (lambda: kh.mean_and_se([1.0]), ValueError,
     "terms needs at least two values to give a standard error"),
]


@pytest.mark.parametrize("call, kind, message", BAD_ARGUMENTS)
def test_bad_arguments_get_the_whole_message(call, kind, message):
    with pytest.raises(kind) as caught:
        call()
    assert str(caught.value) == message


# ------------------------------------------------------------------------------------- vae


@pytest.mark.parametrize("call", [lambda: kh.linear_vae_elbo([0.0, 0.0, 0.0], 0.0, 0.0),
                                  lambda: kh.linear_vae_optimum(0.0, 0.0)])
def test_vae_blames_data_var_first_when_both_variances_are_bad(call):
    # Both variances are 0: the message names the first argument, data_var, in full.
    with pytest.raises(ValueError) as excinfo:
        call()
    assert str(excinfo.value) == _positive("data_var", "4.0")


def test_log_tau2_up_to_700_is_accepted():
    # KL(N(0, e^700) ‖ N(0, 1)) = (e^700 - 1 - 700) / 2, finite in double precision.
    assert kh.linear_vae_kl([0.0, 0.0, 700.0], 1.0) == pytest.approx(0.5 * (math.exp(700.0) - 701.0))


# ---------------------------------------------------------------------------------- evidence


def test_boolean_flips_count_as_heads_and_tails():
    got = kh.bernoulli_log_ratio([True, False], 0.5, 0.8)
    np.testing.assert_allclose(got, [math.log(0.5 / 0.8), math.log(0.5 / 0.2)], rtol=1e-15)


def _neyman_pearson(tp: float, tq: float, n: int, eps: float) -> tuple[int, float, float]:
    """Reference by scipy.stats.binom: reject p on the counts least favourable to p."""
    ks = np.arange(n + 1)
    if tp > tq:            # few heads speak against p: reject k < j for the largest allowed j
        j = max(j for j in range(n + 2) if scipy.stats.binom.cdf(j - 1, n, tp) <= eps * (1 + 1e-9))
        rejected = ks < j
    else:                  # many heads speak against p
        j = min(j for j in range(n + 2) if scipy.stats.binom.sf(j - 1, n, tp) <= eps * (1 + 1e-9))
        rejected = ks >= j
    alpha = float(scipy.stats.binom.pmf(ks[rejected], n, tp).sum())
    beta = float(scipy.stats.binom.pmf(ks[~rejected], n, tq).sum())
    return int((~rejected).sum()), alpha, beta


@pytest.mark.parametrize("tp, tq, n, eps", [(0.5, 0.4, 30, 0.05), (0.5, 0.8, 20, 0.05),
                                            (0.3, 0.1, 12, 0.2), (0.2, 0.7, 9, 0.01)])
def test_stein_test_is_the_neyman_pearson_test(tp, tq, n, eps):
    test = kh.stein_test_bernoulli(tp, tq, n, eps)
    accepted, alpha, beta = _neyman_pearson(tp, tq, n, eps)
    assert test.n == n and test.accepts_p.shape == (n + 1,)
    assert int(test.accepts_p.sum()) == accepted
    assert test.alpha == pytest.approx(alpha, rel=1e-10) and test.alpha <= eps
    assert test.log_beta == pytest.approx(math.log(beta), rel=1e-10)
    log_beta = kh.stein_log_beta_bernoulli(tp, tq, n, eps)
    assert type(log_beta) is float and log_beta == pytest.approx(math.log(beta), rel=1e-10)


def test_stein_test_spends_the_whole_budget_when_it_is_hit_exactly():
    # Fair coin, 2 flips: P(2 heads) = 0.25 = ε exactly, so the test may reject p on 2 heads.
    test = kh.stein_test_bernoulli(0.5, 0.8, 2, epsilon=0.25)
    assert test.accepts_p.tolist() == [True, True, False] and test.alpha == 0.25
    assert test.log_beta == pytest.approx(math.log(0.2**2 + 2 * 0.2 * 0.8), rel=1e-12)


def test_stein_test_budget_includes_its_relative_tolerance_exactly():
    # ε·(1 + 1e-12) rounds to exactly 0.5 = P(heads) for this ε: the count fits the budget
    # (α <= ε up to the relative rounding allowance), so p is rejected on heads, β = P_q(tails).
    eps = 0.4999999999995
    assert eps * (1 + 1e-12) == 0.5
    test = kh.stein_test_bernoulli(0.5, 0.8, 1, eps)
    assert test.accepts_p.tolist() == [True, False] and test.alpha == 0.5
    assert test.log_beta == pytest.approx(math.log(0.2), rel=1e-12)


def test_stein_log_beta_accepts_one_flip():
    # n = 1, p = 0.5 against q = 0.8, ε = 0.6: reject p on heads (α = 0.5); β = P_q(tails) = 0.2.
    got = kh.stein_log_beta_bernoulli(0.5, 0.8, [1, 1], 0.6)
    np.testing.assert_allclose(got, [math.log(0.2)] * 2, rtol=1e-12)


def test_sprt_stops_on_a_threshold_it_reaches_exactly():
    lower, upper = kh.wald_thresholds(0.01, 0.01)
    result = kh.sprt([[upper], [lower]], 0.01, 0.01)
    assert result.n_used.tolist() == [1, 1] and result.chose_p.tolist() == [True, False]
    assert result.final_llr.tolist() == [upper, lower]


# ------------------------------------------------------------------------------- conventions


def test_scipy_mirrors_agree_with_scipy_on_zeros_and_bases():
    x, y = np.array([0.0, 0.0, 0.5, 0.5]), np.array([0.0, 0.5, 0.5, 0.0])
    np.testing.assert_array_equal(kh.conventions.scipy_rel_entr(x, y), scipy.special.rel_entr(x, y))
    np.testing.assert_array_equal(kh.conventions.scipy_kl_div(x, y), scipy.special.kl_div(x, y))
    pk, qk = [0.5, 0.5, 0.0], [0.25, 0.5, 0.25]
    for base in (None, 2.0, 10.0):
        assert kh.conventions.scipy_entropy(pk, base=base) == pytest.approx(
            scipy.stats.entropy(pk, base=base), rel=1e-14)
        assert kh.conventions.scipy_entropy(pk, qk, base=base) == pytest.approx(
            scipy.stats.entropy(pk, qk, base=base), rel=1e-14)


# ---------------------------------------------------------------------------------- guessing


def test_guessing_defaults_are_the_documented_ones():
    p, q = kh.distributions_at_kl(0.1, np.random.default_rng(3))
    assert p.shape == q.shape == (5,)
    default = kh.guess_rounds()
    explicit = kh.guess_rounds(8, 7, 5)
    assert len(default) == 8 and default[0].p.shape == (5,)
    for a, b in zip(default, explicit, strict=True):
        assert np.array_equal(a.p, b.p) and np.array_equal(a.q, b.q)
    three = kh.guess_rounds(2, seed=0, n_outcomes=3)  # seed 0 is a whole number >= 0
    assert [r.p.shape for r in three] == [(3,), (3,)]
    # The default game's first round, pinned: the notebook's stored output and the browser test show it.
    np.testing.assert_allclose(default[0].p, [0.346, 0.3188, 0.124, 0.0789, 0.1322], atol=5e-5)
    np.testing.assert_allclose(default[0].q, [0.1726, 0.3643, 0.1614, 0.1532, 0.1485], atol=5e-5)


def test_game_messages_in_full():
    game = GuessGame(n_rounds=2, seed=1)
    with pytest.raises(RuntimeError) as caught:
        game.next_round()
    assert str(caught.value) == "reveal the current round before moving on"
    game.reveal(0.1)
    with pytest.raises(RuntimeError) as caught:
        game.reveal(0.1)
    assert str(caught.value) == "this round is already revealed; call next_round() first"
    game.next_round()
    assert game.revealed is False and game.index == 1
    game.reveal(0.1)
    with pytest.raises(RuntimeError) as caught:
        game.next_round()
    assert str(caught.value) == "that was the last round; start a new GuessGame to play again"


# ------------------------------------------------------------------------------- information


def test_a_joint_table_within_the_sum_tolerance_is_accepted():
    # Rounded input summing to 1 + 9e-10 (SUM_TOLERANCE is 1e-9): independent, so I = 0.
    joint = np.array([[0.25, 0.25], [0.25, 0.25 + 9e-10]])
    assert kh.mutual_information(joint) == pytest.approx(0.0, abs=1e-9)


def test_chain_rule_in_bits_and_with_an_impossible_x():
    p = np.array([[0.3, 0.2], [0.1, 0.4], [0.0, 0.0]])
    q = np.array([[0.2, 0.3], [0.25, 0.25], [0.0, 0.0]])   # x = 2 impossible under both
    marginal, conditional = kh.chain_rule_terms(p, q, base=2)
    # by hand: p_X = (0.5, 0.5), q_X = (0.5, 0.5); p(y|x) = (.6, .4), (.2, .8); q(y|x) = (.4, .6), (.5, .5)
    kl_rows = [0.6 * math.log2(0.6 / 0.4) + 0.4 * math.log2(0.4 / 0.6),
               0.2 * math.log2(0.2 / 0.5) + 0.8 * math.log2(0.8 / 0.5)]
    assert marginal == 0.0
    assert conditional == pytest.approx(0.5 * sum(kl_rows), rel=1e-12)
    assert marginal + conditional == pytest.approx(kh.kl_divergence(p.ravel(), q.ravel(), 2), rel=1e-12)
    m2, _ = kh.chain_rule_terms([[0.6, 0.1], [0.2, 0.1]], [[0.25, 0.25], [0.25, 0.25]], base=2)
    assert m2 == pytest.approx(0.7 * math.log2(0.7 / 0.5) + 0.3 * math.log2(0.3 / 0.5), rel=1e-12)


# -------------------------------------------------------------------------------- comparison


@pytest.mark.parametrize("sp, sq, shift", [(1.0, 1.5, 1.3), (2.0, 5.0, -0.7), (1.0, 1.2, 0.0)])
def test_wasserstein1_of_normals_is_the_mean_of_a_folded_normal(sp, sq, shift):
    b = abs(sq - sp)
    ref, _ = scipy.integrate.quad(lambda z: abs(shift + b * z) * scipy.stats.norm.pdf(z), -40, 40,
                                  points=[-shift / b], epsabs=1e-13)
    got = kh.wasserstein1_normal_normal(0.0, sp, shift, sq)
    assert got == pytest.approx(ref, rel=1e-10)
    many = kh.wasserstein1_normal_normal([0.0, 0.0], sp, [shift, 1.0], [sq, sp])
    assert many.dtype == np.float64 and many[1] == 1.0


def test_shifted_normal_divergences_are_floats_and_js_stays_in_range():
    r = kh.shifted_normal_divergences(np.array([0, 1, 6]), 1.0)   # integer shifts
    assert all(v.dtype == np.float64 for v in r.values())
    shifts = np.array([1e-9, 1e-6, 1e-3, 20.0, 40.0, 100.0])
    js = kh.shifted_normal_divergences(shifts, 1.0)["js"]
    assert np.all((js >= 0.0) & (js <= LN2))


# ----------------------------------------------------------------------------- nonparametric


def _knn_reference(x: np.ndarray, y: np.ndarray, k: int) -> float:
    """Brute force: all pairwise distances, sorted."""
    x, y = x.reshape(len(x), -1), y.reshape(len(y), -1)
    n, m, d = x.shape[0], y.shape[0], x.shape[1]
    dxx = np.sqrt(((x[:, None] - x[None]) ** 2).sum(-1))
    np.fill_diagonal(dxx, np.inf)
    dxy = np.sqrt(((x[:, None] - y[None]) ** 2).sum(-1))
    rho, nu = np.sort(dxx, axis=1)[:, k - 1], np.sort(dxy, axis=1)[:, k - 1]
    return d * float(np.mean(np.log(nu / rho))) + math.log(m / (n - 1))


def test_knn_estimate_by_hand_at_the_smallest_sizes():
    # x = (0, 1), y = (3): ρ = (1, 1), ν = (3, 2), ln(m/(n-1)) = 0
    assert kh.knn_kl_estimate([0.0, 1.0], [3.0]) == pytest.approx(math.log(6.0) / 2, rel=1e-14)
    # x = (0, 1, 3), y = (10): ρ = (1, 1, 2), ν = (10, 9, 7), ln(m/(n-1)) = ln(1/2)
    want = (math.log(10.0) + math.log(9.0) + math.log(7.0 / 2.0)) / 3 + math.log(0.5)
    assert kh.knn_kl_estimate([0.0, 1.0, 3.0], [10.0]) == pytest.approx(want, rel=1e-14)


# Large k and many points too: np.partition sorts short rows completely, so only long rows tell
# the k-th smallest distance from a neighbouring one. n = 1100 > 2 · 512: the d-dimensional search
# runs over the queries in three chunks of at most 512 (the last one partial).
@pytest.mark.parametrize("d, k, n, m", [(1, 1, 40, 25), (1, 3, 40, 25), (2, 1, 40, 25), (2, 3, 40, 25),
                                        (3, 2, 40, 25), (1, 150, 400, 300), (2, 20, 300, 300),
                                        (2, 1, 1100, 30)])
def test_knn_estimate_matches_a_brute_force_search(d, k, n, m):
    rng = np.random.default_rng(10 * d + k)
    x, y = rng.normal(size=(n, d)), rng.normal(0.5, 1.3, size=(m, d))
    if d == 1:
        x, y = x[:, 0], y[:, 0]
    assert kh.knn_kl_estimate(x, y, k) == pytest.approx(_knn_reference(x, y, k), rel=1e-12)


def test_binned_plugin_kl_accepts_two_million_bins_and_no_more():
    # [0 - 6, 0 + 6] in bins of 6e-6: exactly 2,000,000 of them; a hair narrower needs one more.
    assert math.isfinite(kh.binned_plugin_kl([0.0], 0.0, 1.0, 6e-6))
    with pytest.raises(ValueError, match=r"needs 2000001 bins"):
        kh.binned_plugin_kl([0.0], 0.0, 1.0, 6e-6 * (1 - 1e-15))



def test_binned_plugin_kl_tiles_exactly_the_stated_range_in_coarse_bins():
    # Bins of 2.5 over [0 - 6, 1 + 6] = [-6, 7]: ceil(13 / 2.5) = 6 bins, centres -4.75 ... 7.75;
    # both samples fall in [-1, 1.5). q = N(8, 1) sits at the top, so a bin more or fewer there
    # changes q's normalisation: KL = ln(sum_j φ(c_j - 8) / φ(0.25 - 8)).
    centres = [-4.75, -2.25, 0.25, 2.75, 5.25, 7.75]
    expected = math.log(sum(math.exp(((0.25 - 8) ** 2 - (c - 8) ** 2) / 2) for c in centres))
    assert kh.binned_plugin_kl([0.0, 1.0], 8.0, 1.0, 2.5) == pytest.approx(expected, rel=1e-12)


# --------------------------------------------------------------------------------- gradients


def test_reparameterised_gradient_has_the_pathwise_mean_and_variance():
    # q = N(θ, s²), p = N(m, σ²), k1: terms (x - m)/σ² with x ~ q: mean (θ - m)/σ², variance s²/σ⁴.
    theta, s, m, sig = 1.0, 0.5, 0.3, 0.8
    g = kh.estimator_gradient_terms(theta, s, m, sig, 40_000, np.random.default_rng(1), method="reparam")
    assert g.mean() == pytest.approx((theta - m) / sig**2, abs=4 * s / sig**2 / math.sqrt(g.size))
    assert g.var() == pytest.approx(s**2 / sig**4, rel=0.03)


def test_mean_and_se_of_two_values():
    assert kh.mean_and_se([1.0, 2.0]) == (1.5, 0.5)


def test_gradient_table_rows_estimate_their_targets():
    theta, s, m, sig = 1.0, 1.0, 0.0, 0.8 ** 0.5
    exact = kh.grad_kl_normal_normal
    targets = {"reverse": exact(theta, s, m, sig)[0], "forward": exact(m, sig, theta, s)[2], "zero": 0.0}
    assert (targets["reverse"], targets["forward"]) == pytest.approx((1.25, 1.0))
    rows = kh.gradient_estimator_table(theta, s, m, sig, 20_000, np.random.default_rng(2))
    assert [r["label"] for r in rows] == [
        "k1 as loss, x ~ q", "k3 as loss, x ~ q", "k1 score-function, x ~ q",
        "k3 score-function, x ~ q", "k1 reparameterised, x ~ q", "k3 reparameterised, x ~ q",
        "k1 as loss, x ~ p", "k3 as loss, x ~ p"]
    for row in rows:
        assert set(row) == {"label", "sample_from", "method", "estimator", "mean", "se", "target"}
        assert row["se"] < 0.05  # targets 0.25 apart are told apart
        assert abs(row["mean"] - targets[row["target"]]) < 4 * row["se"], row
