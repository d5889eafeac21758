"""KL divergence as evidence: likelihood-ratio tests, the Chernoff–Stein exponent and Wald's SPRT.

When data come from ``p``, each sample's log-likelihood ratio ``ln p(x)/q(x)`` has mean
D_KL(p‖q): the divergence is the average evidence per sample for ``p`` against ``q``. The
functions here make that concrete for a coin (two Bernoulli distributions), exactly where an
exact answer exists and by simulation where it does not. numpy only.

Introduced in ``07_how_big_is_kl.ipynb``.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np
from numpy.typing import ArrayLike

from ._validate import as_real_array, positive_int, scalar
from .special import logsumexp

__all__ = [
    "SPRTResult",
    "SteinTest",
    "bernoulli_log_ratio",
    "neyman_pearson_beta_bernoulli",
    "sprt",
    "stein_log_beta_bernoulli",
    "stein_test_bernoulli",
    "wald_expected_samples",
    "wald_thresholds",
]


def _probability(value: object, name: str, *, open_interval: bool = True) -> float:
    x = scalar(value, name, example="0.3")
    if open_interval and not 0.0 < x < 1.0:
        raise ValueError(f"{name} must lie strictly between 0 and 1 (e.g. 0.3), got {x:g}")
    return x


def _coin_pair(theta_p: object, theta_q: object) -> tuple[float, float]:
    tp = _probability(theta_p, "theta_p")
    tq = _probability(theta_q, "theta_q")
    if tp == tq:
        raise ValueError(
            f"theta_p and theta_q are both {tp:g}: the two coins are the same and no amount of "
            "data tells them apart; pick two different probabilities of heads"
        )
    return tp, tq


def bernoulli_log_ratio(flips: ArrayLike, theta_p: float, theta_q: float) -> np.ndarray:
    """Per-flip log-likelihood ratios ln p(x)/q(x) of coin flips under two coins, in nats.

    Parameters
    ----------
    flips : array_like
        Coin flips, 1 (or True) for heads and 0 (or False) for tails, any shape.
    theta_p, theta_q : float
        Probability of heads under ``p`` and under ``q``, strictly between 0 and 1.

    Returns
    -------
    numpy.ndarray
        ``ln(theta_p/theta_q)`` where a flip is heads, ``ln((1 - theta_p)/(1 - theta_q))`` where
        it is tails; same shape as ``flips``.

    Raises
    ------
    ValueError
        If a flip is not 0 or 1, or a probability is outside (0, 1), or the coins are equal.

    See Also
    --------
    sprt : a sequential test that adds these ratios up until it is sure.

    Notes
    -----
    Under ``p`` the mean of the ratio is D_KL(p‖q); under ``q`` it is -D_KL(q‖p).

    Examples
    --------
    >>> bernoulli_log_ratio([1, 0, 0], 0.5, 0.8).round(4)
    array([-0.47  ,  0.9163,  0.9163])
    """
    tp, tq = _coin_pair(theta_p, theta_q)
    raw = np.asarray(flips)
    x = as_real_array(raw.astype(int) if raw.dtype.kind == "b" else raw, "flips")
    if np.any((x != 0) & (x != 1)):
        raise ValueError("flips must hold only 0 (tails) and 1 (heads)")
    heads, tails = math.log(tp / tq), math.log((1 - tp) / (1 - tq))
    return np.where(x == 1, heads, tails)


def _log_binomial_pmf(n: int, theta: float) -> np.ndarray:
    # ln C(n, k) by a running sum of ln((n - k + 1)/k): numpy only, no lgamma needed.
    k = np.arange(1, n + 1)
    log_choose = np.concatenate(([0.0], np.cumsum(np.log((n - k + 1) / k))))
    ks = np.arange(n + 1)
    return log_choose + ks * math.log(theta) + (n - ks) * math.log1p(-theta)


@dataclass(frozen=True)
class SteinTest:
    """The best count-only, non-randomised test of p against q at level ε (:func:`stein_test_bernoulli`).

    Attributes
    ----------
    n : int
        Number of flips.
    accepts_p : numpy.ndarray of bool, shape (n + 1,)
        ``accepts_p[k]`` is whether the test decides "p" after k heads in n flips.
    alpha : float
        Probability of rejecting p when the flips come from p (at most ε).
    log_beta : float
        ln β: natural log of the probability of accepting p when the flips come from q.
    """

    n: int
    accepts_p: np.ndarray
    alpha: float
    log_beta: float


def stein_test_bernoulli(theta_p: float, theta_q: float, n: int, epsilon: float = 0.05) -> SteinTest:
    r"""The best count-only, non-randomised test of coin p against coin q at level ε.

    The test sees n flips and decides "p" or "q" from the number of heads alone, without tossing
    an extra coin. It may reject ``p`` when the flips come from ``p`` with probability at most
    ``epsilon``; among such tests the likelihood-ratio threshold on the count makes the other
    error smallest. It usually leaves part of the budget unused (α < ε); tests that may reject
    some sequences of the boundary count, or randomise there, do better:
    :func:`neyman_pearson_beta_bernoulli`. That
    error, accepting ``p`` when the flips come from ``q``, is β; it is computed exactly from the
    binomial distribution, in log space (β may be far below the smallest float).

    Parameters
    ----------
    theta_p, theta_q : float
        Probability of heads under ``p`` and under ``q``, strictly between 0 and 1, different.
    n : int
        Number of flips, >= 1.
    epsilon : float, default 0.05
        The largest allowed probability of rejecting ``p`` when the data come from ``p``, in (0, 1).

    Returns
    -------
    SteinTest

    Raises
    ------
    ValueError
        For probabilities outside (0, 1), equal coins, or n < 1.

    See Also
    --------
    stein_log_beta_bernoulli : ln β for many n at once.
    bernoulli_log_ratio : the per-flip evidence the test adds up.

    Notes
    -----
    The log-likelihood ratio of n flips with k heads is
    :math:`k \ln\frac{\theta_p}{\theta_q} + (n-k)\ln\frac{1-\theta_p}{1-\theta_q}`, monotone
    in k, so the test rejects p on the counts least favourable to p, as many as the budget ε
    allows. The Neyman–Pearson optimum over all tests spends the budget's remainder on the
    boundary count and has a smaller β (:func:`neyman_pearson_beta_bernoulli`).

    Examples
    --------
    >>> test = stein_test_bernoulli(0.5, 0.8, 20)
    >>> int(test.accepts_p.sum()), round(test.alpha, 4), round(math.exp(test.log_beta), 4)
    (15, 0.0207, 0.1958)
    """
    tp, tq = _coin_pair(theta_p, theta_q)
    eps = _probability(epsilon, "epsilon")
    size = positive_int(n, "n")
    log_p, log_q = _log_binomial_pmf(size, tp), _log_binomial_pmf(size, tq)
    slope = _head_evidence(tp, tq)
    # Counts ordered from least to most favourable to p; reject p on a prefix of them.
    order = np.arange(size, -1, -1) if slope < 0 else np.arange(size + 1)
    alpha_running = np.cumsum(np.exp(log_p[order]))
    rejected = int(np.searchsorted(alpha_running, eps * (1 + 1e-12), side="right"))
    accepts = np.ones(size + 1, dtype=bool)
    accepts[order[:rejected]] = False
    alpha = float(alpha_running[rejected - 1]) if rejected else 0.0
    return SteinTest(size, accepts, alpha, float(logsumexp(log_q[accepts])))


def _head_evidence(tp: float, tq: float) -> float:
    # ln(p/q) gained by one more head among n flips (one head more is one tail fewer).
    return math.log(tp / tq) - math.log((1 - tp) / (1 - tq))


def neyman_pearson_beta_bernoulli(theta_p: float, theta_q: float, n: int, epsilon: float = 0.05
                                  ) -> tuple[float, float]:
    r"""Smallest β of a test of coin p against coin q that wrongly rejects p with probability ≤ ε.

    Unlike :func:`stein_test_bernoulli`, which only looks at the number of heads and never
    randomises, the tests here may also reject *some* of the sequences with the boundary count
    (all sequences with k heads are equally likely under p, and under q), or reject that count
    with a probability γ (a randomised test). The randomised test spends the whole budget ε,
    the other as much of it as whole sequences allow, so β is smaller.

    Parameters
    ----------
    theta_p, theta_q : float
        Probability of heads under ``p`` and under ``q``, strictly between 0 and 1, different.
    n : int
        Number of flips, >= 1.
    epsilon : float, default 0.05
        The largest allowed probability of rejecting ``p`` when the data come from ``p``, in (0, 1).

    Returns
    -------
    beta_sequences : float
        β of the acceptance region (a set of the 2**n sequences) that rejects the counts in the
        Neyman–Pearson order and then the boundary count's sequences one by one, as many as
        α ≤ ε allows. For ``theta_p == 0.5`` every sequence has probability 2**-n under p, so
        this is the smallest β over all regions with α ≤ ε, which is Cover & Thomas's
        :math:`\beta_n^\varepsilon` (Theorem 11.8.3, defined with α < ε) whenever no region
        has α = ε exactly, i.e. whenever ε·2**n is not an integer. For other ``theta_p`` it is
        an upper bound on that smallest β (choosing the sequences is then a knapsack problem,
        and a region outside this order can fit the budget better).
    beta_randomised : float
        Smallest β over randomised tests: the Neyman–Pearson test, which rejects the boundary
        count with probability γ chosen so that α = ε exactly.

    See Also
    --------
    stein_test_bernoulli : the best test that depends on the count only and does not randomise.

    Notes
    -----
    By the Neyman–Pearson lemma the optimum rejects the outcomes with the smallest likelihood
    ratio p/q first. For i.i.d. flips that ratio depends on the count only, so the optimal
    randomised test is :func:`stein_test_bernoulli`'s region plus part of the next count (and so
    is the best region when ``theta_p == 0.5``). Computed in linear
    space: meant for moderate n (β above the smallest float).

    Examples
    --------
    >>> seq, rand = neyman_pearson_beta_bernoulli(0.5, 0.8, 10)
    >>> round(seq, 4), round(rand, 4)
    (0.3558, 0.3544)
    """
    test = stein_test_bernoulli(theta_p, theta_q, n, epsilon)
    tp, tq = _coin_pair(theta_p, theta_q)
    eps = float(epsilon)
    beta = math.exp(test.log_beta)
    accepted = np.flatnonzero(test.accepts_p)
    if accepted.size == 0:
        return beta, beta
    slope = _head_evidence(tp, tq)
    k = int(accepted.max() if slope < 0 else accepted.min())  # the accepted count least favourable to p
    pmf_p = math.exp(_log_binomial_pmf(test.n, tp)[k])
    pmf_q = math.exp(_log_binomial_pmf(test.n, tq)[k])
    count = math.comb(test.n, k)  # sequences with k heads, each with probability pmf/count
    spare = max(eps - test.alpha, 0.0)
    # Below 1 without a cap: stein_test_bernoulli stopped because count k does not fit,
    # alpha + pmf_p > eps·(1 + 1e-12), so spare < pmf_p.
    gamma = spare / pmf_p
    rejected_sequences = min(math.floor(spare / (pmf_p / count) * (1 + 1e-12)), count)
    return beta - rejected_sequences * pmf_q / count, beta - gamma * pmf_q


def stein_log_beta_bernoulli(
    theta_p: float, theta_q: float, n: ArrayLike, epsilon: float = 0.05
) -> float | np.ndarray:
    r"""ln β_N of the count-only, non-randomised test of coin p against coin q at level ε.

    β_N is the probability of accepting ``p`` when the N flips come from ``q``, for the test of
    :func:`stein_test_bernoulli`; computed exactly, for each N given.

    Parameters
    ----------
    theta_p, theta_q : float
        Probability of heads under ``p`` and under ``q``, strictly between 0 and 1, different.
    n : int or array_like of int
        Numbers of flips N (each >= 1).
    epsilon : float, default 0.05
        The largest allowed probability of rejecting ``p`` when the data come from ``p``.

    Returns
    -------
    float or numpy.ndarray
        ln β_N for each N (a float for a single N).

    See Also
    --------
    stein_test_bernoulli : the test itself.
    kl_helpers.kl_divergence : D_KL(p‖q), the exponent of β_N.

    Notes
    -----
    The Chernoff–Stein lemma: for every fixed ε in (0, 1),
    :math:`\lim_{N\to\infty} \frac1N \ln \beta_N = -D_{KL}(p\,\|\,q)`, so β_N falls like
    :math:`e^{-N D_{KL}(p\|q)}` to first order in the exponent. The next term of
    :math:`\ln \beta_N` grows like :math:`\sqrt N`, so at small N the exponent alone misleads.

    References
    ----------
    T. M. Cover and J. A. Thomas, *Elements of Information Theory*, 2nd ed., Wiley (2006),
    section 11.8 (Chernoff–Stein lemma).

    Introduced in ``07_how_big_is_kl.ipynb``.

    Examples
    --------
    >>> log_beta = stein_log_beta_bernoulli(0.5, 0.8, [1000, 100_000])
    >>> (log_beta / [1000, 100_000]).round(3)    # approaches -D_KL(p‖q) = -0.223
    array([-0.192, -0.22 ])
    """
    ns = as_real_array(n, "n")
    if np.any(ns != np.round(ns)) or np.any(ns < 1):
        raise ValueError("n must hold whole numbers of flips >= 1")
    out = np.empty(ns.shape)
    for index, size in np.ndenumerate(ns):
        out[index] = stein_test_bernoulli(theta_p, theta_q, int(size), epsilon).log_beta
    return float(out) if out.ndim == 0 else out


def wald_thresholds(alpha: float, beta: float) -> tuple[float, float]:
    r"""Wald's stopping thresholds (lower, upper) for the summed log-likelihood ratio ln p/q.

    Parameters
    ----------
    alpha : float
        Wanted probability of choosing ``p`` when the data come from ``q``, in (0, 1).
    beta : float
        Wanted probability of choosing ``q`` when the data come from ``p``, in (0, 1);
        ``alpha + beta < 1``.

    Returns
    -------
    tuple of float
        ``(ln(beta/(1 - alpha)), ln((1 - beta)/alpha))``: stop and choose ``q`` at or below the
        first, ``p`` at or above the second.

    See Also
    --------
    sprt, wald_expected_samples

    Examples
    --------
    >>> tuple(round(t, 3) for t in wald_thresholds(0.01, 0.01))
    (-4.595, 4.595)
    """
    a = _probability(alpha, "alpha")
    b = _probability(beta, "beta")
    if a + b >= 1:
        raise ValueError(f"alpha + beta must be < 1 (a test that errs that often needs no data), "
                         f"got {a:g} + {b:g}")
    return math.log(b / (1 - a)), math.log((1 - b) / a)


def wald_expected_samples(alpha: float, beta: float, d_pq: float) -> float:
    r"""Wald's approximation of the mean number of samples an SPRT needs when the data come from p.

    Parameters
    ----------
    alpha, beta : float
        As in :func:`wald_thresholds`.
    d_pq : float
        D_KL(p‖q) in nats, > 0.

    Returns
    -------
    float
        :math:`\bigl[(1-\beta)\ln\frac{1-\beta}{\alpha} + \beta\ln\frac{\beta}{1-\alpha}\bigr] /
        D_{KL}(p\|q)`, close to :math:`\ln(1/\alpha)/D_{KL}(p\|q)` when α and β are small.

    See Also
    --------
    sprt, wald_thresholds

    Notes
    -----
    Wald's identity :math:`\mathbb E_p[S_N] = D_{KL}(p\|q)\,\mathbb E_p[N]` is exact (for a
    stopping time with finite mean). The approximation replaces :math:`S_N` by the threshold it
    crossed, ignoring the **overshoot** beyond it, and uses the wanted error rates in place of
    the actual ones; the true mean is a little larger.

    References
    ----------
    A. Wald, *Sequential Analysis*, Wiley (1947), chapter 3.

    Examples
    --------
    >>> round(wald_expected_samples(0.01, 0.01, 0.2231), 1)
    20.2
    """
    lower, upper = wald_thresholds(alpha, beta)
    d = scalar(d_pq, "d_pq", positive=True, example="0.2")
    return ((1 - beta) * upper + beta * lower) / d


@dataclass(frozen=True)
class SPRTResult:
    """Outcome of sequential probability ratio tests, one entry per run.

    Attributes
    ----------
    n_used : numpy.ndarray of int
        Samples each run looked at before stopping.
    chose_p : numpy.ndarray of bool
        Whether the run decided for ``p`` (else for ``q``).
    final_llr : numpy.ndarray
        The summed log-likelihood ratio S_N where the run stopped (past a threshold by the overshoot).
    """

    n_used: np.ndarray
    chose_p: np.ndarray
    final_llr: np.ndarray


def sprt(log_ratios: ArrayLike, alpha: float, beta: float) -> SPRTResult:
    r"""Run Wald's sequential probability ratio test on rows of per-sample log-likelihood ratios.

    Each row is one run: the test adds up ``ln p(x_i)/q(x_i)`` sample by sample and stops at the
    first crossing of a threshold of :func:`wald_thresholds`, choosing ``p`` above and ``q``
    below.

    Parameters
    ----------
    log_ratios : array_like, shape (runs, max_samples)
        Per-sample log-likelihood ratios in nats, e.g. from :func:`bernoulli_log_ratio`.
    alpha, beta : float
        Wanted error probabilities, as in :func:`wald_thresholds`.

    Returns
    -------
    SPRTResult

    Raises
    ------
    ValueError
        If some run has not crossed a threshold within ``max_samples`` (give more samples).

    See Also
    --------
    wald_expected_samples : the average ``n_used`` to expect when the data come from ``p``.

    Examples
    --------
    >>> rng = np.random.default_rng(0)
    >>> flips = rng.random((2000, 300)) < 0.5            # a fair coin: the data come from p
    >>> result = sprt(bernoulli_log_ratio(flips, 0.5, 0.8), alpha=0.01, beta=0.01)
    >>> round(float(result.n_used.mean()), 1), round(float(result.chose_p.mean()), 3)
    (23.1, 0.994)
    """
    steps = as_real_array(log_ratios, "log_ratios")
    if steps.ndim != 2 or steps.shape[1] == 0:
        raise ValueError(f"log_ratios must be 2-D (runs, samples), got shape {steps.shape}")
    lower, upper = wald_thresholds(alpha, beta)
    path = np.cumsum(steps, axis=1)
    crossed = (path >= upper) | (path <= lower)
    done = crossed.any(axis=1)
    if not done.all():
        raise ValueError(
            f"{int((~done).sum())} of {done.size} runs crossed no threshold within "
            f"{steps.shape[1]} samples; pass more samples per run"
        )
    stop = crossed.argmax(axis=1)
    final = path[np.arange(path.shape[0]), stop]
    return SPRTResult(n_used=stop + 1, chose_p=final >= upper, final_llr=final)

