"""Lesson 07's numeric core: likelihood-ratio evidence, the Stein test, Wald's SPRT, mutual
information, the chain rule of KL and the guessing game's logic, against independent references
(scipy's binomial distribution, hand-written formulas, brute-force enumeration)."""

from __future__ import annotations

import math

import numpy as np
import pytest
from scipy import stats

import kl_helpers as kh
from kl_helpers.guessing import GUESS_LADDER, LOG10_RANGE, GuessGame

# --- evidence ---------------------------------------------------------------------------------


def test_log_ratio_means_are_the_two_divergences():
    lam_t, lam_h = kh.bernoulli_log_ratio([0, 1], 0.3, 0.6)
    assert lam_t == pytest.approx(math.log(0.7 / 0.4)) and lam_h == pytest.approx(math.log(0.3 / 0.6))
    d_pq = 0.3 * math.log(0.3 / 0.6) + 0.7 * math.log(0.7 / 0.4)
    d_qp = 0.6 * math.log(0.6 / 0.3) + 0.4 * math.log(0.4 / 0.7)
    assert 0.7 * lam_t + 0.3 * lam_h == pytest.approx(d_pq)
    assert 0.4 * lam_t + 0.6 * lam_h == pytest.approx(-d_qp)
    np.testing.assert_array_equal(kh.bernoulli_log_ratio(np.array([True, False]), 0.3, 0.6), [lam_h, lam_t])


@pytest.mark.parametrize(("args", "match"), [
    (([0, 2], 0.5, 0.8), "only 0"),
    (([0, 1], 0.5, 0.5), "the same"),
    (([0, 1], 1.0, 0.5), "strictly between 0 and 1"),
    (([0, 1], 0.5, "0.8"), "not the string"),
])
def test_log_ratio_refuses_bad_input(args, match):
    with pytest.raises((ValueError, TypeError), match=match):
        kh.bernoulli_log_ratio(*args)


@pytest.mark.parametrize(("theta_p", "theta_q"), [(0.5, 0.8), (0.8, 0.5), (0.3, 0.1), (0.02, 0.05)])
@pytest.mark.parametrize("n", [1, 7, 40, 300])
@pytest.mark.parametrize("eps", [0.01, 0.05, 0.3])
def test_stein_test_is_the_best_deterministic_threshold_test(theta_p, theta_q, n, eps):
    test = kh.stein_test_bernoulli(theta_p, theta_q, n, eps)
    k = np.arange(n + 1)
    pmf_p, pmf_q = stats.binom.pmf(k, n, theta_p), stats.binom.pmf(k, n, theta_q)
    assert test.alpha == pytest.approx(pmf_p[~test.accepts_p].sum(), abs=1e-12)
    assert test.alpha <= eps
    assert math.exp(test.log_beta) == pytest.approx(pmf_q[test.accepts_p].sum(), rel=1e-9)
    # The rejection region is a run of counts at the end that favours q (a likelihood-ratio test)...
    llr = k * math.log(theta_p / theta_q) + (n - k) * math.log((1 - theta_p) / (1 - theta_q))
    assert np.all(llr[~test.accepts_p, None] <= llr[None, test.accepts_p] + 1e-12)
    # ... and as large as the budget allows: adding the next count would exceed eps.
    if test.accepts_p.any():
        nxt = int(k[test.accepts_p][np.argmin(llr[test.accepts_p])])
        assert test.alpha + pmf_p[nxt] > eps


def test_stein_exponent_tends_to_the_forward_divergence():
    d_pq = kh.kl_divergence([0.5, 0.5], [0.2, 0.8])
    d_qp = kh.kl_divergence([0.2, 0.8], [0.5, 0.5])
    rate = kh.stein_log_beta_bernoulli(0.5, 0.8, 200_000) / 200_000
    rate_swapped = kh.stein_log_beta_bernoulli(0.8, 0.5, 200_000) / 200_000
    assert rate == pytest.approx(-d_pq, rel=0.015) and rate_swapped == pytest.approx(-d_qp, rel=0.015)
    # log-space: β is far below the smallest float, its logarithm is finite and exact enough
    assert kh.stein_log_beta_bernoulli(0.5, 0.8, 200_000) < -40_000


def test_stein_log_beta_vectorises_and_refuses_bad_sizes():
    many = kh.stein_log_beta_bernoulli(0.5, 0.8, [[5, 10], [20, 40]])
    assert many.shape == (2, 2) and many[1, 0] == kh.stein_test_bernoulli(0.5, 0.8, 20).log_beta
    with pytest.raises(ValueError, match="whole numbers"):
        kh.stein_log_beta_bernoulli(0.5, 0.8, [10, 2.5])
    with pytest.raises(ValueError, match="at least 1"):
        kh.stein_test_bernoulli(0.5, 0.8, 0)
    with pytest.raises(ValueError, match="epsilon must lie strictly between 0 and 1"):
        kh.stein_test_bernoulli(0.5, 0.8, 10, 1.0)


def test_wald_thresholds_and_expected_samples_by_hand():
    lower, upper = kh.wald_thresholds(0.05, 0.1)
    assert lower == pytest.approx(math.log(0.1 / 0.95)) and upper == pytest.approx(math.log(0.9 / 0.05))
    expected = (0.9 * math.log(0.9 / 0.05) + 0.1 * math.log(0.1 / 0.95)) / 0.3
    assert kh.wald_expected_samples(0.05, 0.1, 0.3) == pytest.approx(expected)
    with pytest.raises(ValueError, match="alpha \\+ beta must be < 1"):
        kh.wald_thresholds(0.6, 0.5)
    with pytest.raises(ValueError, match="d_pq must be a finite number > 0"):
        kh.wald_expected_samples(0.05, 0.1, 0.0)


def test_sprt_stops_at_the_first_crossing():
    steps = np.array([[1.0, 1.0, 3.0, -9.0],     # crosses the upper threshold 4.595 at step 3
                      [-2.0, -3.0, 9.0, 9.0],    # crosses the lower one at step 2
                      [0.5, -0.5, 0.5, 5.0]])    # at step 4
    result = kh.sprt(steps, 0.01, 0.01)
    np.testing.assert_array_equal(result.n_used, [3, 2, 4])
    np.testing.assert_array_equal(result.chose_p, [True, False, True])
    np.testing.assert_allclose(result.final_llr, [5.0, -5.0, 5.5])
    with pytest.raises(ValueError, match="1 of 1 runs crossed no threshold within 2 samples"):
        kh.sprt([[0.1, 0.1]], 0.01, 0.01)
    with pytest.raises(ValueError, match="must be 2-D"):
        kh.sprt([0.1, 0.1], 0.01, 0.01)


def test_sprt_mean_sample_size_is_wald_plus_a_bounded_overshoot():
    rng = np.random.default_rng(1)
    steps = kh.bernoulli_log_ratio(rng.random((40_000, 300)) < 0.5, 0.5, 0.8)
    result = kh.sprt(steps, 0.01, 0.01)
    d = kh.kl_divergence([0.5, 0.5], [0.2, 0.8])
    wald = kh.wald_expected_samples(0.01, 0.01, d)
    se = result.n_used.std(ddof=1) / math.sqrt(result.n_used.size)
    assert wald < result.n_used.mean() < wald + math.log(2.5) / d + 4 * se
    centred = result.final_llr - d * result.n_used  # Wald's identity: mean 0
    assert abs(centred.mean()) < 4 * centred.std(ddof=1) / math.sqrt(centred.size)


# --- information ------------------------------------------------------------------------------


def _mi_by_hand(table):
    px, py = table.sum(axis=1), table.sum(axis=0)
    return sum(v * math.log(v / (px[i] * py[j])) for (i, j), v in np.ndenumerate(table) if v > 0)


@pytest.mark.parametrize("seed", range(20))
def test_mutual_information_matches_the_formula_and_the_entropies(seed):
    rng = np.random.default_rng(seed)
    table = rng.dirichlet(np.ones(12)).reshape(3, 4)
    table[0, 1] = 0.0  # a zero cell is allowed
    table /= table.sum()
    mi = kh.mutual_information(table)
    assert mi == pytest.approx(_mi_by_hand(table), rel=1e-12)
    h = [stats.entropy(v) for v in (table.sum(axis=1), table.sum(axis=0), table.ravel())]
    assert mi == pytest.approx(h[0] + h[1] - h[2], abs=1e-12)
    assert kh.mutual_information(table, base=2) == pytest.approx(mi / math.log(2))


def test_mutual_information_is_zero_for_independence_and_refuses_bad_tables():
    assert kh.mutual_information(np.outer([0.2, 0.8], [0.1, 0.3, 0.6])) == pytest.approx(0.0, abs=1e-15)
    assert kh.mutual_information([[0.5, 0.0], [0.0, 0.5]]) == pytest.approx(math.log(2))
    with pytest.raises(ValueError, match="2-D table"):
        kh.mutual_information([0.5, 0.5])
    with pytest.raises(ValueError, match="sums to 2, not 1"):
        kh.mutual_information([[1.0, 0.5], [0.25, 0.25]])
    with pytest.raises(ValueError, match="negative entry"):
        kh.mutual_information([[1.2, -0.2], [0.0, 0.0]])


def test_chain_rule_terms_by_enumeration():
    rng = np.random.default_rng(3)
    for _ in range(50):
        p, q = rng.dirichlet(np.ones(6), size=2)
        p, q = p.reshape(2, 3), q.reshape(2, 3)
        marginal, conditional = kh.chain_rule_terms(p, q)
        px, qx = p.sum(axis=1), q.sum(axis=1)
        by_hand = sum(px[i] * sum(p[i, j] / px[i] * math.log((p[i, j] / px[i]) / (q[i, j] / qx[i]))
                                  for j in range(3)) for i in range(2))
        assert conditional == pytest.approx(by_hand, rel=1e-10)
        assert marginal == pytest.approx(sum(px * np.log(px / qx)), rel=1e-10)
        assert marginal + conditional == pytest.approx(kh.kl_divergence(p.ravel(), q.ravel()), rel=1e-12)


def test_chain_rule_terms_edge_cases():
    p = np.array([[0.5, 0.5], [0.0, 0.0]])  # x = 1 never happens under p: its row does not count
    q = np.array([[0.1, 0.4], [0.25, 0.25]])
    marginal, conditional = kh.chain_rule_terms(p, q)
    assert marginal == pytest.approx(math.log(1 / 0.5)) and conditional == pytest.approx(
        0.5 * math.log(0.5 / 0.2) + 0.5 * math.log(0.5 / 0.8))
    with pytest.raises(ValueError, match="infinite already in x"):
        kh.chain_rule_terms([[0.5, 0.0], [0.25, 0.25]], [[0.5, 0.5], [0.0, 0.0]])
    with pytest.raises(ValueError, match="same shape"):
        kh.chain_rule_terms([[0.5, 0.5]], [[0.5], [0.5]])


# --- the guessing game ------------------------------------------------------------------------


@pytest.mark.parametrize("target", [1e-4, 0.01, 0.37, 1.0, 5.0, 25.0])
@pytest.mark.parametrize("k", [2, 5, 9])
def test_distributions_at_kl_hit_their_target(target, k):
    p, q = kh.distributions_at_kl(target, np.random.default_rng(int(target * 1000) + k), k)
    assert p.shape == q.shape == (k,) and np.all(q > 0)
    assert stats.entropy(p, q) == pytest.approx(target, rel=1e-8)


def test_distributions_at_kl_refuses_bad_arguments():
    with pytest.raises(ValueError, match="target must be a finite number > 0"):
        kh.distributions_at_kl(0.0, np.random.default_rng(0))
    with pytest.raises(ValueError, match="at least 2"):
        kh.distributions_at_kl(0.1, np.random.default_rng(0), 1)
    with pytest.raises(TypeError, match="numpy Generator"):
        kh.distributions_at_kl(0.1, 0)


def test_rounds_are_seeded_and_cover_the_scale():
    a, b = kh.guess_rounds(8, seed=7), kh.guess_rounds(8, seed=7)
    assert [r.truth for r in a] == [r.truth for r in b]
    assert [r.truth for r in kh.guess_rounds(8, seed=8)] != [r.truth for r in a]
    logs = np.sort(np.log10([r.truth for r in a]))
    edges = np.linspace(*LOG10_RANGE, 9)
    assert np.all((edges[:-1] <= logs + 1e-9) & (logs <= edges[1:] + 1e-9))  # one per slice
    for r in a:
        assert r.truth == pytest.approx(stats.entropy(r.p, r.q), rel=1e-12)
    # The default game's first round, pinned: the browser test and the notebook rely on it.
    assert round(a[0].truth, 4) == 0.0977


def test_score_is_decades_off():
    assert kh.guess_score(0.1, 0.1) == 0.0
    assert kh.guess_score(1.0, 0.01) == kh.guess_score(0.01, 1.0) == 2.0
    assert kh.guess_score(0.2, 0.1) == round(math.log10(2), 5)
    with pytest.raises(ValueError, match="guess must be a finite number > 0"):
        kh.guess_score(0.0, 0.1)


def test_game_plays_rounds_in_order_and_keeps_score():
    game = GuessGame(n_rounds=3, seed=2)
    truths = [r.truth for r in game.rounds]
    with pytest.raises(RuntimeError, match="reveal the current round"):
        game.next_round()
    assert "pick your guess" in game.message(0.1) and f"{truths[0]:.4f}" not in game.message(0.1)
    errors = []
    for i, guess in enumerate((0.1, 1.0, 5.0)):
        errors.append(game.reveal(guess))
        assert errors[-1] == round(abs(math.log10(guess / truths[i])), 5)
        assert f"D_KL(p‖q) = {truths[i]:.4f} nats" in game.message(guess)
        with pytest.raises(RuntimeError, match="already revealed"):
            game.reveal(guess)
        if i < 2:
            game.next_round()
    assert game.finished and game.score == pytest.approx(sum(errors))
    assert game.message(5.0).endswith(
        f"Game over: total {sum(errors):.2f}, {sum(errors) / 3:.2f} decades per round "
        f"(a factor of {10 ** (sum(errors) / 3):.1f}).")
    with pytest.raises(RuntimeError, match="last round"):
        game.next_round()


def test_the_ladder_is_nearly_even_on_a_log_scale():
    steps = np.diff(np.log10(GUESS_LADDER))
    assert GUESS_LADDER[0] == 0.001 and GUESS_LADDER[-1] == 20.0 and 0.1 in GUESS_LADDER
    assert np.all(steps > 0.1) and np.all(steps < 0.23)
    assert all(g in GUESS_LADDER for g in (0.01, 0.1, 1.0, 5.0))  # the lesson's landmarks


@pytest.mark.parametrize(("theta_p", "theta_q"), [(0.5, 0.8), (0.8, 0.5), (0.3, 0.1)])
@pytest.mark.parametrize("n", [1, 6, 10, 20])
@pytest.mark.parametrize("eps", [0.01, 0.05, 0.3])
def test_neyman_pearson_beta_follows_the_likelihood_ratio_order(theta_p, theta_q, n, eps):
    # Brute force over sequences: sort all 2**n sequences by p/q and reject from the smallest
    # ratio on while alpha stays within eps (by sequence), then a fraction of the next (randomised).
    heads = np.array([bin(i).count("1") for i in range(2**n)])
    pp = theta_p**heads * (1 - theta_p) ** (n - heads)
    pq = theta_q**heads * (1 - theta_q) ** (n - heads)
    order = np.argsort(pp / pq, kind="stable")
    alpha = np.cumsum(pp[order])
    m = int(np.searchsorted(alpha, eps * (1 + 1e-12), side="right"))
    beta_seq = pq.sum() - pq[order[:m]].sum()
    spare = eps - (alpha[m - 1] if m else 0.0)
    beta_rand = beta_seq - (spare / pp[order[m]] * pq[order[m]] if m < 2**n else 0.0)
    seq, rand = kh.neyman_pearson_beta_bernoulli(theta_p, theta_q, n, eps)
    assert seq == pytest.approx(beta_seq, rel=1e-9, abs=1e-15)
    assert rand == pytest.approx(beta_rand, rel=1e-9, abs=1e-15)
    assert rand <= seq <= math.exp(kh.stein_test_bernoulli(theta_p, theta_q, n, eps).log_beta) + 1e-15


@pytest.mark.parametrize(("theta_p", "theta_q"), [(0.5, 0.8), (0.5, 0.1), (0.7, 0.2), (0.3, 0.6), (0.6, 0.8)])
@pytest.mark.parametrize(("n", "eps"), [(3, 0.3), (4, 0.05), (4, 0.2), (4, 0.33)])
def test_neyman_pearson_beta_against_every_acceptance_region(theta_p, theta_q, n, eps):
    # Every region: each of the 2**(2**n) sets of sequences on which p is rejected, searched in
    # full, with no ordering assumed. The docstring's claims: for a fair coin p the sequences'
    # beta is the smallest over all regions with alpha <= eps (no region has alpha = eps exactly
    # for these eps), for other coins an upper bound; the randomised beta is below both.
    heads = np.array([bin(i).count("1") for i in range(2**n)])
    pp = theta_p**heads * (1 - theta_p) ** (n - heads)
    pq = theta_q**heads * (1 - theta_q) ** (n - heads)
    regions = (np.arange(2 ** (2**n))[:, None] >> np.arange(2**n)) & 1  # row r: the rejected set
    alpha, beta = regions @ pp, pq.sum() - regions @ pq
    best = beta[alpha <= eps * (1 + 1e-12)].min()
    seq, rand = kh.neyman_pearson_beta_bernoulli(theta_p, theta_q, n, eps)
    if theta_p == 0.5:
        assert not np.any(np.isclose(alpha, eps, rtol=1e-12, atol=0))
        assert seq == pytest.approx(best, rel=1e-12, abs=1e-15)
    elif (theta_p, theta_q, n, eps) == (0.6, 0.8, 4, 0.2):
        # The knapsack case: a region outside the likelihood-ratio order fits the budget better.
        assert (round(best, 4), round(seq, 4)) == (0.5648, 0.5904)
    else:
        assert seq >= best - 1e-15
    assert rand <= best + 1e-15


@pytest.mark.parametrize(("theta_p", "theta_q", "expected"), [
    # Fair coin p, q = 0.8, four flips, eps = 1/4: reject the 4-head sequence (alpha 1/16), then
    # 3 of the four 3-head ones (3/16 more, alpha = eps exactly, which "<= eps" allows). beta under
    # q: 1 - 0.8**4 - 3 * 0.8**3 * 0.2 = 1 - 0.4096 - 0.3072; the randomised test, gamma = 3/4 of
    # that count, rejects the same mass.
    (0.5, 0.8, (0.2832, 0.2832)),
    # p = 0.6 against a fair q (one more head is worth ln 1.2 - ln 0.8 ≈ 0.41 nats, below 1): reject
    # 0 and 1 heads first (alpha 0.4**4 + 4 * 0.6 * 0.4**3 = 0.1792, beta 1 - 5/16), leaving 0.0708
    # for the 2-head count (each sequence 0.6**2 * 0.4**2 = 0.0576 under p, 1/16 under q): one
    # sequence, or gamma = 0.0708 / 0.3456 of the six.
    (0.6, 0.5, (11 / 16 - 1 / 16, 11 / 16 - 0.0708 / 0.3456 * 6 / 16)),
])
def test_neyman_pearson_beta_by_hand_at_four_flips(theta_p, theta_q, expected):
    seq, rand = kh.neyman_pearson_beta_bernoulli(theta_p, theta_q, 4, 0.25)
    assert seq == pytest.approx(expected[0], rel=1e-12)
    assert rand == pytest.approx(expected[1], rel=1e-12)


def test_neyman_pearson_beta_at_ten_flips_is_about_three_times_the_exponent():
    seq, rand = kh.neyman_pearson_beta_bernoulli(0.5, 0.8, 10)
    d = kh.kl_divergence([0.5, 0.5], [0.2, 0.8])
    assert 3 < rand / math.exp(-10 * d) < 3.5 and 3 < seq / math.exp(-10 * d) < 3.5
