"""What an exercise checker returns: right or wrong, with a hint that never gives the answer away."""

from __future__ import annotations

import math
import numbers
from dataclasses import dataclass
from typing import Any

__all__ = ["Feedback", "check_number"]

NO_ANSWER = "No answer yet: replace None with your answer and run the cell again."


@dataclass(frozen=True)
class Feedback:
    """The verdict of an exercise checker.

    Attributes
    ----------
    correct : bool
        Whether the answer is right.
    message : str
        What to say to the learner; for a wrong answer, a hint (never the answer itself).

    Examples
    --------
    >>> Feedback(True, "Correct.")
    ✅ Correct.
    """

    correct: bool
    message: str

    def __repr__(self) -> str:
        return ("✅ " if self.correct else "❌ ") + self.message


def check_number(
    answer: Any, expected: float, *, hint: str, praise: str, rel_tol: float = 1e-3,
    abs_tol: float = 1e-4,
) -> Feedback:
    """Compare a numeric answer with the expected value, within a tolerance suited to rounding.

    Examples
    --------
    >>> check_number(0.5, 0.5, hint="think", praise="Yes.")
    ✅ Yes.
    >>> check_number("0.5", 0.5, hint="think", praise="Yes.")
    ❌ Your answer should be a number, not str.
    """
    if answer is None:
        return Feedback(False, NO_ANSWER)
    if isinstance(answer, bool) or not isinstance(answer, numbers.Real):
        return Feedback(False, f"Your answer should be a number, not {type(answer).__name__}.")
    if not math.isfinite(float(answer)):
        return Feedback(False, f"Your answer is {answer}; this one is finite. Hint: {hint}")
    if math.isclose(float(answer), expected, rel_tol=rel_tol, abs_tol=abs_tol):
        return Feedback(True, praise)
    return Feedback(False, f"Not yet. Hint: {hint}")
