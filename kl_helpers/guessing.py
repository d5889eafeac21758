"""The "guess the KL" game: seeded rounds of two distributions, a log-scale score, the game's state.

A round shows two discrete distributions ``p`` and ``q``; the player commits to a guess of
D_KL(p‖q) in nats before the true value is revealed, and is scored by how many powers of ten the
guess is off, ``|log10 guess - log10 truth|``. Rounds come from a seed, so a class (and a test)
plays the same game every time. The widget lives in ``kl_helpers.panels.how_big``; everything a
player is told is computed here. numpy only.

Introduced in ``07_how_big_is_kl.ipynb``.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field

import numpy as np

from ._i18n import tr
from ._validate import as_rng, positive_int, scalar
from .divergence import kl_divergence
from .special import log_softmax

__all__ = [
    "GUESS_LADDER",
    "GuessGame",
    "GuessRound",
    "distributions_at_kl",
    "guess_rounds",
    "guess_score",
]

#: The guesses a player can commit to, in nats: 1, 1.5, 2, 3, 5, 7 in each decade from 0.001 to
#: 10, then 15 and 20 (nearly even steps on a log scale, numbers a person would say aloud).
GUESS_LADDER: tuple[float, ...] = (
    *(round(m * 10.0**e, 6) for e in range(-3, 1) for m in (1, 1.5, 2, 3, 5, 7)), 10.0, 15.0, 20.0)

#: The true values of a game's rounds are spread evenly in log10 over this range (about 0.005 to 8
#: nats), one per equal slice, so every game visits the whole scale.
LOG10_RANGE = (-2.3, 0.9)


def distributions_at_kl(
    target: float, rng: np.random.Generator, n_outcomes: int = 5
) -> tuple[np.ndarray, np.ndarray]:
    r"""A random pair of distributions (p, q) on ``n_outcomes`` outcomes with D_KL(p‖q) = target.

    Parameters
    ----------
    target : float
        The divergence wanted, in nats, > 0.
    rng : numpy.random.Generator
        Source of the random shapes.
    n_outcomes : int, default 5
        Number of outcomes (>= 2).

    Returns
    -------
    tuple of numpy.ndarray
        ``p`` and ``q``, each of length ``n_outcomes``, with ``kl_divergence(p, q)`` equal to
        ``target`` to about 1e-9 relatively.

    See Also
    --------
    guess_rounds : a game's worth of such pairs.

    Notes
    -----
    ``p`` is drawn from a Dirichlet(3, ..., 3) distribution and a direction ``r`` from
    Dirichlet(1, ..., 1); ``q`` moves from ``p`` towards ``r`` along
    :math:`q_t \propto p^{1-t} r^{t}`. Along this path D_KL(p‖q_t) is convex in t and grows
    strictly from 0 for t > 0 (its second derivative is a variance under q_t), without bound, so
    Newton's method started right of the target finds the t that gives it.

    Examples
    --------
    >>> p, q = distributions_at_kl(0.1, np.random.default_rng(0))
    >>> round(kl_divergence(p, q), 6)
    0.1
    """
    goal = scalar(target, "target", positive=True, example="0.1")
    generator = as_rng(rng)
    k = positive_int(n_outcomes, "n_outcomes")
    if k < 2:
        raise ValueError("n_outcomes must be at least 2: one outcome leaves nothing to compare")
    p = generator.dirichlet(np.full(k, 3.0))
    log_p, log_r = np.log(p), np.log(generator.dirichlet(np.ones(k)))

    def q_at(t: float) -> np.ndarray:
        return np.exp(log_softmax((1 - t) * log_p + t * log_r))

    high = 1.0
    while kl_divergence(p, q_at(high)) < goal:
        high *= 2
    # Newton's method from the right: D(t) is convex and increasing for t > 0, so the iterates
    # decrease monotonically to the root (a few steps instead of dozens of bisections).
    t = high
    z = log_r - log_p
    for _ in range(100):
        q = q_at(t)
        excess = kl_divergence(p, q) - goal
        if excess <= 1e-12 * goal:
            break
        t -= excess / float(q @ z - p @ z)  # dD/dt = E_q[z] - E_p[z] > 0
    return p, q_at(t)


@dataclass(frozen=True)
class GuessRound:
    """One round of the game: two distributions and the divergence to guess.

    Attributes
    ----------
    p, q : numpy.ndarray
        The two distributions (the data come from ``p``).
    truth : float
        D_KL(p‖q) in nats (computed with :func:`kl_helpers.kl_divergence`).
    """

    p: np.ndarray
    q: np.ndarray
    truth: float


def guess_rounds(n_rounds: int = 8, seed: int = 7, n_outcomes: int = 5) -> tuple[GuessRound, ...]:
    """The rounds of one game, the same for the same seed.

    True values are spread over :data:`LOG10_RANGE` (about 0.005 to 8 nats): one in each of
    ``n_rounds`` equal slices of log10, in shuffled order.

    Parameters
    ----------
    n_rounds : int, default 8
    seed : int, default 7
        Seed of the generator that draws the rounds.
    n_outcomes : int, default 5

    Returns
    -------
    tuple of GuessRound

    See Also
    --------
    GuessGame : plays these rounds and keeps score.

    Examples
    --------
    >>> [round(r.truth, 4) for r in guess_rounds(4, seed=1)]
    [7.2264, 0.2602, 0.0129, 0.1821]
    """
    n = positive_int(n_rounds, "n_rounds")
    if isinstance(seed, bool) or not isinstance(seed, (int, np.integer)) or seed < 0:
        raise TypeError(f"seed must be a whole number >= 0, got {seed!r}")
    rng = np.random.default_rng(int(seed))
    lo, hi = LOG10_RANGE
    edges = np.linspace(lo, hi, n + 1)
    logs = rng.permutation(edges[:-1] + rng.random(n) * (edges[1:] - edges[:-1]))
    rounds = []
    for log10_target in logs:
        p, q = distributions_at_kl(10.0**log10_target, rng, n_outcomes)
        rounds.append(GuessRound(p, q, float(kl_divergence(p, q))))
    return tuple(rounds)


def guess_score(guess: float, truth: float) -> float:
    """How many powers of ten a guess is off: | log10 guess - log10 truth | (0 is perfect).

    Parameters
    ----------
    guess, truth : float
        Both > 0, in the same unit.

    Returns
    -------
    float
        The error in decades: 1.0 means off by a factor of 10 (either way), 0.3 by a factor of 2.

    Examples
    --------
    >>> guess_score(0.1, 0.2), guess_score(1.0, 0.1)
    (0.30103, 1.0)
    """
    g = scalar(guess, "guess", positive=True, example="0.1")
    t = scalar(truth, "truth", positive=True, example="0.1")
    return round(abs(math.log10(g) - math.log10(t)), 5)


@dataclass
class GuessGame:
    """The state of one game: which round, whether it is revealed, and the score so far.

    A round goes: choose a guess, :meth:`reveal` it (the guess is then final and scored),
    :meth:`next_round`. The messages a player reads come from :meth:`message`.

    Parameters
    ----------
    n_rounds : int, default 8
    seed : int, default 7
        The same seed gives the same rounds (:func:`guess_rounds`).

    Examples
    --------
    >>> game = GuessGame(n_rounds=3, seed=1)
    >>> game.message(0.1)
    'Round 1 of 3: pick your guess, then press Reveal. Score so far: 0.00 (lower is better).'
    >>> game.reveal(1.0)                  # the truth is 0.6032 nats: 10**0.22 = 1.66 times smaller
    0.21951
    >>> print(game.message(1.0))  # doctest: +NORMALIZE_WHITESPACE
    Round 1 of 3: you said 1 nats, D_KL(p‖q) = 0.6032 nats: off by 0.22 decades.
    Score so far: 0.22 (lower is better).
    >>> game.next_round(); game.index
    1
    """

    n_rounds: int = 8
    seed: int = 7
    rounds: tuple[GuessRound, ...] = field(init=False, repr=False)
    index: int = field(init=False, default=0)
    revealed: bool = field(init=False, default=False)
    errors: list[float] = field(init=False, default_factory=list)

    def __post_init__(self) -> None:
        self.rounds = guess_rounds(self.n_rounds, self.seed)

    @property
    def current(self) -> GuessRound:
        """The round being played."""
        return self.rounds[self.index]

    @property
    def finished(self) -> bool:
        """Whether the last round has been revealed."""
        return self.revealed and self.index == len(self.rounds) - 1

    @property
    def score(self) -> float:
        """Sum of the errors (in decades) of the rounds revealed so far; lower is better."""
        return float(sum(self.errors))

    def reveal(self, guess: float) -> float:
        """Commit to ``guess`` (nats) for the current round, reveal the truth, return the error."""
        if self.revealed:
            raise RuntimeError(tr("this round is already revealed; call next_round() first"))
        error = guess_score(guess, self.current.truth)
        self.errors.append(error)
        self.revealed = True
        return error

    def next_round(self) -> None:
        """Move on to the next round (only after the current one is revealed)."""
        if not self.revealed:
            raise RuntimeError(tr("reveal the current round before moving on"))
        if self.index == len(self.rounds) - 1:
            raise RuntimeError(tr("that was the last round; start a new GuessGame to play again"))
        self.index += 1
        self.revealed = False

    def message(self, guess: float) -> str:
        """What the player reads now, given the guess on the slider (nats)."""
        head = tr("Round {round} of {rounds}: ", round=self.index + 1, rounds=len(self.rounds))
        score = tr("Score so far: {score:.2f} (lower is better).", score=self.score)
        if not self.revealed:
            return head + tr("pick your guess, then press Reveal. ") + score
        said = tr("you said {guess:g} nats, D_KL(p‖q) = {truth:.4f} nats: off by {error:.2f} decades. ",
                  guess=guess, truth=self.current.truth, error=self.errors[-1])
        if self.finished:
            mean = self.score / len(self.errors)
            return head + said + tr("Game over: total {score:.2f}, {mean:.2f} decades per round "
                                    "(a factor of {factor:.1f}).", score=self.score, mean=mean,
                                    factor=10**mean)
        return head + said + score
