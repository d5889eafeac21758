"""The one "does this hint give the answer away?" helper shared by the exercise-checker tests."""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Any

import numpy as np

from kl_helpers.exercises import Feedback


def _renderings(value: float) -> set[str]:
    # Every way a learner would see the number written: 1-6 decimals, 2-6 significant figures.
    # Renderings with fewer than two digits ("3", "0.") or no non-zero digit ("0.0") say nothing.
    texts = {f"{value:.{d}f}" for d in range(1, 7)} | {f"{value:.{s}g}" for s in range(2, 7)}
    return {
        text for text in texts
        if sum(ch.isdigit() for ch in text) >= 2 and any(ch in "123456789" for ch in text)
    }


def _mentions_name(message: str, name: str) -> bool:
    flags = 0 if len(name) == 1 else re.IGNORECASE  # one-letter names: only the capital letter
    return re.search(rf"(?<!\w){re.escape(name)}(?!\w)", message, flags) is not None


def reveals(feedback: Feedback, right: Any, *, among: Iterable[str] | None = None) -> bool:
    """Whether ``feedback``'s message gives ``right`` away.

    Numbers (or arrays of numbers): the value or its magnitude appears at any usual rounding, as
    a whole number token (so 0.25 is not found inside 0.255). Names (a set of names, or one name,
    with ``among`` the candidates): the message names a right candidate without listing them all.
    """
    message = feedback.message
    if among is not None:
        names = {right} if isinstance(right, str) else set(right)
        mentioned = {name for name in among if _mentions_name(message, name)}
        return bool(mentioned & names) and mentioned != set(among)
    for value in np.atleast_1d(np.asarray(right, dtype=float)).ravel():
        for text in _renderings(float(value)) | _renderings(abs(float(value))):
            if re.search(rf"(?<![\d.]){re.escape(text)}(?!\d)", message):
                return True
    return False


def assert_wrong(check, answer: Any, right: Any, *, among: Iterable[str] | None = None) -> Feedback:
    """``check(answer)`` is a ❌ whose hint does not give ``right`` away; returns the feedback."""
    feedback = check(answer)
    assert isinstance(feedback, Feedback), feedback
    assert feedback.correct is False, (answer, feedback)
    assert not reveals(feedback, right, among=among), feedback.message
    return feedback
