"""Argument checks shared by every public helper, in one place so messages stay consistent.

Each check raises ``TypeError`` (wrong kind of value) or ``ValueError`` (right kind, wrong value),
naming the argument, saying what was wrong and how to fix it. They run before any numpy
arithmetic, so a learner never sees a traceback from deep inside numpy or a silent NaN.
"""

from __future__ import annotations

import math
import numbers
from typing import Any

import numpy as np

#: How far from 1 the entries of a probability vector may sum (float round-off, not sloppiness).
SUM_TOLERANCE = 1e-9


def _first_bad_index(mask: np.ndarray) -> int:
    return int(np.flatnonzero(mask.ravel())[0])


def as_real_array(value: Any, name: str) -> np.ndarray:
    """Convert ``value`` to a float array, refusing strings, booleans, complex and ragged input."""
    if isinstance(value, (str, bytes)):
        raise TypeError(f"{name} must be numbers, not a string ({value!r}); pass e.g. [0.2, 0.8]")
    try:
        arr = np.asarray(value)
    except ValueError as exc:  # numpy >= 1.24 refuses ragged nested sequences
        raise ValueError(
            f"{name} is ragged (its rows have different lengths); pass a flat list of numbers"
        ) from exc
    if arr.dtype.kind == "b":
        raise TypeError(f"{name} holds booleans; pass numbers (e.g. 0.0 and 1.0) instead")
    if arr.dtype.kind not in "iuf":
        raise TypeError(
            f"{name} must hold real numbers, got values of type {arr.dtype} "
            f"(e.g. {arr.ravel()[0]!r} if non-empty); convert them to float first"
        )
    arr = arr.astype(float)
    if arr.size and not np.all(np.isfinite(arr)):
        i = _first_bad_index(~np.isfinite(arr))
        raise ValueError(
            f"{name} contains a non-finite value ({arr.ravel()[i]}) at flat index {i}; "
            "every entry must be a finite number"
        )
    return arr


def as_sample(value: Any, name: str) -> np.ndarray:
    """A non-empty one-dimensional array of finite real numbers (a data set or a sample)."""
    arr = as_real_array(value, name)
    if arr.ndim != 1:
        raise ValueError(f"{name} must be one-dimensional, got shape {arr.shape}; flatten it first")
    if arr.size == 0:
        raise ValueError(f"{name} is empty; pass at least one value")
    return arr


def as_distribution(value: Any, name: str, *, normalize: bool = False) -> np.ndarray:
    """A discrete probability vector: 1-D, non-empty, finite, non-negative, summing to 1.

    With ``normalize=True`` the entries are rescaled to sum to 1 instead of being refused,
    which is what you want for counts or unnormalised weights.
    """
    arr = as_real_array(value, name)
    if arr.ndim != 1:
        raise ValueError(
            f"{name} must be a one-dimensional vector of probabilities, got shape {arr.shape}"
        )
    if arr.size == 0:
        raise ValueError(f"{name} is empty; a distribution needs at least one outcome")
    if np.any(arr < 0):
        i = _first_bad_index(arr < 0)
        raise ValueError(
            f"{name} has a negative entry ({arr[i]}) at index {i}; probabilities must be >= 0"
        )
    total = float(arr.sum())
    if normalize:
        if total == 0.0:
            raise ValueError(f"{name} is all zeros, so it cannot be normalised to sum to 1")
        return arr / total
    if abs(total - 1.0) > SUM_TOLERANCE:
        raise ValueError(
            f"{name} sums to {total:.12g}, not 1; pass probabilities, or pass "
            "normalize=True to rescale counts or weights explicitly"
        )
    return arr


def same_shape(p: np.ndarray, q: np.ndarray, names: tuple[str, str] = ("p", "q")) -> None:
    """Refuse two distributions over different numbers of outcomes."""
    if p.shape != q.shape:
        raise ValueError(
            f"{names[0]} and {names[1]} must describe the same outcomes, but {names[0]} has "
            f"{p.size} entries and {names[1]} has {q.size}"
        )


def log_base(base: Any) -> float:
    """Natural log of a logarithm base; the base must be a real number > 1 (e, 2, 10, ...)."""
    if isinstance(base, bool) or not isinstance(base, numbers.Real):
        raise TypeError(f"base must be a real number such as math.e or 2, got {base!r}")
    base = float(base)
    if not math.isfinite(base) or base <= 1.0:
        # A base in (0, 1) would flip the sign of every divergence; <= 0 or 1 has no logarithm.
        raise ValueError(
            f"base must be a finite number > 1 (math.e for nats, 2 for bits), got {base}"
        )
    return math.log(base)


def positive(value: Any, name: str) -> np.ndarray:
    """A finite real number (or array) that is strictly positive, such as a standard deviation."""
    arr = as_real_array(value, name)
    if np.any(arr <= 0):
        bad = arr.ravel()[_first_bad_index(arr <= 0)]
        raise ValueError(f"{name} must be > 0 (a standard deviation or scale), got {bad}")
    return arr


def as_rng(rng: Any, name: str = "rng") -> np.random.Generator:
    """Insist on an explicit generator so every random draw is reproducible."""
    if not isinstance(rng, np.random.Generator):
        raise TypeError(
            f"{name} must be a numpy Generator, got {type(rng).__name__}; "
            "create one with np.random.default_rng(seed)"
        )
    return rng


def positive_int(value: Any, name: str) -> int:
    """An integer >= 1 (a sample size, a number of steps)."""
    if isinstance(value, bool) or not isinstance(value, numbers.Integral):
        raise TypeError(f"{name} must be an integer, got {value!r}")
    if value < 1:
        raise ValueError(f"{name} must be at least 1, got {value}")
    return int(value)


def scalar_result(arr: np.ndarray) -> float | np.ndarray:
    """Return a Python float for 0-d results, the array otherwise."""
    return float(arr) if arr.ndim == 0 else arr


def choice(value: Any, name: str, options: tuple[str, ...]) -> str:
    """One of a fixed set of names (an estimator, a method), compared exactly."""
    if not isinstance(value, str):
        raise TypeError(f"{name} must be a string, one of {', '.join(map(repr, options))}; got {value!r}")
    if value not in options:
        raise ValueError(f"{name}={value!r} is not known; use one of {', '.join(map(repr, options))}")
    return value


def log_density_function(value: Any, name: str) -> Any:
    """A callable log-density, such as ``lambda x: gaussian_logpdf(x, 0.0, 1.0)``."""
    if not callable(value):
        raise TypeError(
            f"{name} must be a function returning log-densities, got {type(value).__name__}; "
            "pass e.g. lambda x: gaussian_logpdf(x, 0.0, 1.0)"
        )
    return value


def positive_scalar(value: Any, name: str, example: str) -> float:
    """One finite real number > 0 (a learning rate, a tolerance); ``example`` shows a good value."""
    if isinstance(value, bool) or not isinstance(value, numbers.Real):
        raise TypeError(f"{name} must be a real number such as {example}, got {value!r}")
    value = float(value)
    if not math.isfinite(value) or value <= 0.0:
        raise ValueError(f"{name} must be a finite number > 0 (e.g. {example}), got {value}")
    return value


def as_counts(value: Any, name: str) -> np.ndarray:
    """Counts per category: 1-D, non-negative whole numbers, not all zero (returned as floats)."""
    arr = as_real_array(value, name)
    if arr.ndim != 1 or arr.size == 0:
        raise ValueError(
            f"{name} must be a non-empty one-dimensional list of counts, got shape {arr.shape}"
        )
    if np.any(arr < 0) or np.any(arr != np.round(arr)):
        i = _first_bad_index((arr < 0) | (arr != np.round(arr)))
        raise ValueError(
            f"{name} has entry {arr[i]:g} at index {i}; counts must be whole numbers >= 0 "
            "(use np.bincount(x, minlength=K) to count outcomes 0..K-1)"
        )
    if arr.sum() == 0:
        raise ValueError(f"{name} is all zeros; at least one observation is needed")
    return arr


def function_arg(value: Any, name: str, example: str) -> Any:
    """A callable argument; ``example`` shows what to pass."""
    if not callable(value):
        raise TypeError(f"{name} must be a function, got {type(value).__name__}; pass e.g. {example}")
    return value
