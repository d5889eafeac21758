"""What an exercise checker returns, and the one toolkit every checker is built from.

A checker answers with a :class:`Feedback`: ✅ right, ❌ wrong (with a hint that never gives the
answer away) or ✏️ pending (no answer yet). The helpers below read a learner's answer the same way
in every checker:

* :func:`read_number` -- one number. ints (however large), floats, NumPy scalars and 0-d or
  1-element arrays are numbers; booleans, strings and everything else get a type message.
* :func:`read_vector` -- a fixed number of numbers (a tuple, list or 1-d array).
* :func:`read_names` / :func:`read_choice` -- a set of names, or one name, from a fixed list.
* :func:`need_function` and :func:`call_learner` -- run a learner's function safely.
* :func:`check_number` -- judge one number to the exercise's :class:`Precision`, with targeted
  hints for known slips.

Every helper returns a :class:`Feedback` instead of raising, and ``None`` always gives the same
pending :data:`NO_ANSWER` feedback.
"""

from __future__ import annotations

import math
import numbers
import re
import warnings
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np

from .._i18n import tr

__all__ = [
    "NO_ANSWER",
    "Feedback",
    "Precision",
    "call_learner",
    "check_number",
    "decimal_places",
    "need_function",
    "pending",
    "read_choice",
    "read_names",
    "read_number",
    "read_vector",
    "significant_figures",
    "wants",
]

#: The message of every unanswered exercise (shown after "✏️ Your turn: ").
NO_ANSWER = "replace None with your answer and run the cell again."

_PREFIX = {True: "✅ ", False: "❌ ", None: "✏️ Your turn: "}
_STATUS = {True: "correct", False: "wrong", None: "pending"}


@dataclass(frozen=True)
class Feedback:
    """The verdict of an exercise checker.

    Attributes
    ----------
    correct : bool or None
        ``True`` if the answer is right, ``False`` if it is wrong, ``None`` if there is no answer yet.
    message : str
        What to say to the learner; for a wrong answer, a hint (never the answer itself).

    Examples
    --------
    >>> Feedback(True, "Correct.")
    ✅ Correct.
    >>> Feedback(False, "Not yet.")
    ❌ Not yet.
    >>> Feedback(None, NO_ANSWER)
    ✏️ Your turn: replace None with your answer and run the cell again.
    >>> Feedback(None, NO_ANSWER).status
    'pending'
    """

    correct: bool | None
    message: str

    def __post_init__(self) -> None:
        if not (self.correct is None or isinstance(self.correct, bool)):
            raise TypeError(f"correct must be True, False or None, not {self.correct!r}")

    @property
    def status(self) -> str:
        """``"correct"``, ``"wrong"`` or ``"pending"``."""
        return _STATUS[self.correct]

    def __repr__(self) -> str:
        # Constant messages are translated here, messages with values where they are made (tr).
        return tr(_PREFIX[self.correct]) + tr(self.message)


def pending(message: str = NO_ANSWER) -> Feedback:
    """The feedback for an exercise that has no answer yet.

    Examples
    --------
    >>> pending()
    ✏️ Your turn: replace None with your answer and run the cell again.
    """
    return Feedback(None, message)


# ---------------------------------------------------------------------------------------------
# Precision: when is a number right?


@dataclass(frozen=True)
class Precision:
    """The precision an exercise asks for; an answer is right when it agrees with the true value to it.

    "Agrees" means: at most half a unit of the last asked-for digit away from the true value, so
    the true value correctly rounded to this precision (or given with more digits) is accepted.
    For significant figures, the digits are counted from the true value's leading digit.

    Examples
    --------
    >>> sf3 = significant_figures(3)
    >>> str(sf3)
    '3 significant figures'
    >>> sf3.accepts(0.0467, 0.046717), sf3.accepts(0.047, 0.046717)
    (True, False)
    >>> dp3 = decimal_places(3)
    >>> str(dp3), dp3.accepts(0.047, 0.046717), dp3.accepts(0.048, 0.046717)
    ('3 decimal places', True, False)
    """

    digits: int
    kind: str

    KINDS = ("significant figures", "decimal places")

    def __post_init__(self) -> None:
        if self.kind not in self.KINDS:
            raise ValueError(f"kind must be one of {self.KINDS}, not {self.kind!r}")
        if isinstance(self.digits, bool) or not isinstance(self.digits, int) or self.digits < 1:
            raise ValueError(f"digits must be a positive int, not {self.digits!r}")

    def __str__(self) -> str:
        kind = self.kind if self.digits != 1 else self.kind.replace("figures", "figure").replace(
            "places", "place")
        return f"{self.digits} {kind}"

    def tolerance(self, true: float) -> float:
        """Half a unit of the last asked-for digit of ``true``.

        Examples
        --------
        >>> significant_figures(2).tolerance(2500.0)
        50.0
        >>> decimal_places(3).tolerance(123.456)
        0.0005
        """
        if self.kind == "decimal places" or true == 0:
            return 0.5 * 10.0 ** -self.digits
        exponent = math.floor(math.log10(abs(true)))
        return 0.5 * 10.0 ** (exponent - self.digits + 1)

    def accepts(self, answer: float, true: float) -> bool:
        """Whether ``answer`` agrees with ``true`` to this precision (finite numbers only)."""
        # The tiny slack only absorbs binary rounding of decimal answers such as 0.2505 vs 0.25.
        return abs(answer - true) <= self.tolerance(true) * (1 + 1e-9)


def significant_figures(digits: int) -> Precision:
    """A :class:`Precision` of ``digits`` significant figures."""
    return Precision(digits, "significant figures")


def decimal_places(digits: int) -> Precision:
    """A :class:`Precision` of ``digits`` decimal places."""
    return Precision(digits, "decimal places")


def wants(precision: Precision) -> Callable[[Callable[..., Feedback]], Callable[..., Feedback]]:
    """Decorator: record on a checker the precision it wants, as ``checker.precision``.

    Examples
    --------
    >>> @wants(significant_figures(3))
    ... def check_example(answer):
    ...     return check_number(answer, 1.0, precision=check_example.precision, hint="h", praise="p")
    >>> str(check_example.precision)
    '3 significant figures'
    """

    def mark(checker: Callable[..., Feedback]) -> Callable[..., Feedback]:
        checker.precision = precision  # type: ignore[attr-defined]
        return checker

    return mark


# ---------------------------------------------------------------------------------------------
# Reading answers


def _type_name(value: Any) -> str:
    # numpy < 2 names its boolean scalar type "bool_"; a learner should read "bool" either way.
    if isinstance(value, np.bool_):
        return "bool"
    return type(value).__name__


def read_number(answer: Any, *, should: str = "Your answer should be") -> float | Feedback:
    """Read one number from a learner's answer, or say why it is not one.

    ints (of any size: beyond float range they become ±inf), floats, NumPy scalars and 0-d or
    1-element arrays are numbers. Booleans are not, nor are strings, lists or complex numbers.

    Examples
    --------
    >>> read_number(3), read_number(np.float32(0.5)), read_number(np.array([2.0]))
    (3.0, 0.5, 2.0)
    >>> read_number(10**400)
    inf
    >>> read_number(True)
    ❌ Your answer should be a number, not bool.
    >>> read_number("0.5")
    ❌ Your answer should be a number, not str.
    >>> read_number(np.array([1.0, 2.0]))
    ❌ Your answer should be a single number, not an array of 2 values.
    >>> read_number(None)
    ✏️ Your turn: replace None with your answer and run the cell again.
    """
    if answer is None:
        return pending()
    value = answer
    if isinstance(value, np.ndarray):
        if value.size != 1:
            return Feedback(False, tr("{should} a single number, not an array of {size} values.",
                                      should=tr(should), size=value.size))
        value = value.item()  # the Python scalar inside a 0-d or 1-element array
    if isinstance(value, (bool, np.bool_)) or not isinstance(value, numbers.Real):
        return Feedback(False, tr("{should} a number, not {kind}.", should=tr(should),
                                  kind=_type_name(value)))
    try:
        return float(value)
    except OverflowError:  # an int beyond float range
        return math.inf if value > 0 else -math.inf


def read_vector(
    answer: Any, length: int, *, names: Sequence[str], example: str
) -> list[float] | Feedback:
    """Read ``length`` finite numbers from a tuple, list or 1-d array; ``names`` name the entries.

    Examples
    --------
    >>> read_vector((1, np.float64(2.5)), 2, names=["mu", "sigma"], example="Answer with (mu, sigma).")
    [1.0, 2.5]
    >>> read_vector(np.array([1.0, 2.0]), 2, names=["mu", "sigma"], example="Answer with (mu, sigma).")
    [1.0, 2.0]
    >>> read_vector((1.0, "2"), 2, names=["mu", "sigma"], example="Answer with (mu, sigma).")
    ❌ sigma should be a number, not str.
    >>> read_vector((math.nan, 1.0), 2, names=["mu", "sigma"], example="Answer with (mu, sigma).")
    ❌ mu should be a finite number, not nan.
    >>> read_vector(1.0, 2, names=["mu", "sigma"], example="Answer with (mu, sigma).")
    ❌ Answer with (mu, sigma).
    """
    if answer is None:
        return pending()
    if isinstance(answer, np.ndarray) and answer.ndim == 1:
        items = answer.tolist()
    elif isinstance(answer, Sequence) and not isinstance(answer, (str, bytes)):
        items = list(answer)
    else:
        return Feedback(False, example)
    if len(items) != length:
        return Feedback(False, example)
    values = []
    for name, item in zip(names, items, strict=True):
        value = read_number(item, should=tr("{name} should be", name=name))
        if isinstance(value, Feedback):
            return value if value.correct is not None else Feedback(False, example)
        if not math.isfinite(value):
            return Feedback(False, tr("{name} should be a finite number, not {value}.",
                                      name=name, value=value))
        values.append(value)
    return values


_SEPARATORS = r"[^\s,;{}\[\]()'\"]+"


def read_names(answer: Any, allowed: Sequence[str], *, noun: str, example: str) -> set[str] | Feedback:
    """Read a set of names from ``allowed`` (any case): a set, list, or a string such as "k1, k3".

    When every allowed name is one letter, a string of letters such as "AC" also counts.

    Examples
    --------
    >>> sorted(read_names("a, C", "ABCD", noun="candidate", example="e.g."))
    ['A', 'C']
    >>> sorted(read_names("AC", "ABCD", noun="candidate", example="e.g."))
    ['A', 'C']
    >>> sorted(read_names(["K1", " k3"], ["k1", "k2", "k3"], noun="estimator", example="e.g."))
    ['k1', 'k3']
    >>> read_names({"k4"}, ["k1", "k2", "k3"], noun="estimator", example="e.g.")
    ❌ Unknown estimator(s) ['k4']; pick from k1, k2, k3.
    >>> read_names(3, ["k1", "k2", "k3"], noun="estimator", example='Answer with a set, e.g. {"k2"}.')
    ❌ Answer with a set, e.g. {"k2"}.
    """
    if answer is None:
        return pending()
    canonical = {name.lower(): name for name in allowed}
    if isinstance(answer, str):
        letters = all(len(name) == 1 for name in allowed)
        tokens: list[str] = []
        for word in re.findall(_SEPARATORS, answer):
            if word.lower() not in canonical and letters and all(ch.lower() in canonical for ch in word):
                tokens.extend(word)  # "AC" means {"A", "C"}
            else:
                tokens.append(word)
    elif isinstance(answer, Iterable) and not isinstance(answer, bytes):
        tokens = [str(item).strip() for item in answer]
    else:
        return Feedback(False, example)
    unknown = sorted({token for token in tokens if token.lower() not in canonical})
    if unknown:
        return Feedback(False, tr("Unknown {noun}(s) {unknown}; pick from {allowed}.",
                                  noun=tr(noun), unknown=unknown, allowed=", ".join(allowed)))
    return {canonical[token.lower()] for token in tokens}


def read_choice(answer: Any, allowed: Sequence[str], *, example: str) -> str | Feedback:
    """Read one name from ``allowed`` (any case, spaces around ignored).

    Examples
    --------
    >>> read_choice(" Reverse ", ["forward", "reverse"], example='Answer "forward" or "reverse".')
    'reverse'
    >>> read_choice(2, ["forward", "reverse"], example='Answer "forward" or "reverse".')
    ❌ Answer "forward" or "reverse".
    """
    if answer is None:
        return pending()
    canonical = {name.lower(): name for name in allowed}
    if not isinstance(answer, str) or answer.strip().lower() not in canonical:
        return Feedback(False, example)
    return canonical[answer.strip().lower()]


# ---------------------------------------------------------------------------------------------
# Running a learner's function


def need_function(func: Any, *, usage: str) -> Feedback | None:
    """``None`` if ``func`` can be called; otherwise the feedback to give (pending for ``None``).

    Examples
    --------
    >>> need_function(3.0, usage="check_01_my_kl(my_kl)")
    ❌ Pass the function itself, e.g. check_01_my_kl(my_kl).
    >>> print(need_function(abs, usage="check_01_my_kl(my_kl)"))    # a function: no complaint
    None
    """
    if func is None:
        return pending()
    if not callable(func):
        return Feedback(False, tr("Pass the function itself, e.g. {usage}.", usage=usage))
    return None


def call_learner(func: Callable[..., Any], *args: Any, name: str) -> float | Feedback:
    """Call a learner's function ``name`` on ``args`` and read its result as one number.

    A learner's bug is feedback, not a crash: exceptions become ❌ feedback, ``None`` (the
    unfinished template) becomes pending feedback, and NumPy warnings are silenced (the checker's
    verdict explains them). Non-finite results are returned as they are, for the checker to judge.

    Examples
    --------
    >>> call_learner(lambda x: np.log(x), 0.0, name="f")
    -inf
    >>> call_learner(lambda x: 1 / x, 0, name="f")
    ❌ Your function raised ZeroDivisionError: division by zero
    >>> call_learner(lambda x: None, 0, name="f")
    ✏️ Your turn: f returns None; implement it and run the cell again.
    >>> call_learner(lambda x: x > 0, 1, name="f")
    ❌ Your function should return a number, not bool.
    """
    try:
        with warnings.catch_warnings(), np.errstate(all="ignore"):
            warnings.simplefilter("ignore")
            got = func(*args)
    except Exception as exc:  # a learner's bug is feedback, not a crash
        return Feedback(False, tr("Your function raised {error}: {exc}",
                                  error=type(exc).__name__, exc=exc))
    if got is None:
        return pending(tr("{name} returns None; implement it and run the cell again.", name=name))
    return read_number(got, should="Your function should return")


# ---------------------------------------------------------------------------------------------
# Judging a number


def check_number(
    answer: Any,
    expected: float,
    *,
    precision: Precision,
    hint: str,
    praise: str,
    slips: Iterable[tuple[float, str]] = (),
    not_yet: str = "Not yet.",
) -> Feedback:
    """Judge a numeric answer: right to ``precision``, a known slip, or wrong (with ``hint``).

    ``slips`` pairs known wrong values with targeted hints. A slip's hint is given only when the
    answer is not right, agrees with the slip value to ``precision`` and is closer to it than to
    the true value; when several qualify, the closest slip wins. Any other wrong answer gets
    ``f"{not_yet} Hint: {hint}"``.

    Examples
    --------
    >>> sf3 = significant_figures(3)
    >>> check_number(0.5004, 0.5, precision=sf3, hint="think", praise="Yes.")
    ✅ Yes.
    >>> check_number(0.501, 0.5, precision=sf3, hint="think", praise="Yes.")
    ❌ Not yet. Hint: think
    >>> check_number(-0.5, 0.5, precision=sf3, hint="think", praise="Yes.", slips=[(-0.5, "Sign?")])
    ❌ Sign?
    >>> check_number("0.5", 0.5, precision=sf3, hint="think", praise="Yes.")
    ❌ Your answer should be a number, not str.
    >>> check_number(10**400, 0.5, precision=sf3, hint="think", praise="Yes.")
    ❌ Your answer is inf; this one is finite. Hint: think
    """
    value = read_number(answer)
    if isinstance(value, Feedback):
        return value
    if not math.isfinite(value):
        return Feedback(False, tr("Your answer is {value}; this one is finite. Hint: {hint}",
                                  value=value, hint=tr(hint)))
    if precision.accepts(value, expected):
        return Feedback(True, praise)
    distance = abs(value - expected)
    matches = [
        (abs(value - slip), message)
        for slip, message in slips
        if precision.accepts(value, slip) and abs(value - slip) < distance
    ]
    if matches:
        return Feedback(False, min(matches)[1])
    return Feedback(False, tr("{not_yet} Hint: {hint}", not_yet=tr(not_yet), hint=tr(hint)))
