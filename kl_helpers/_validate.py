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

from ._i18n import tr

# numpy >= 1.25 has np.exceptions.AxisError; numpy 2 removed the old np.AxisError alias.
_AXIS_ERROR = getattr(getattr(np, "exceptions", np), "AxisError", ValueError)

#: How far from 1 the entries of a probability vector may sum (float round-off, not sloppiness).
SUM_TOLERANCE = 1e-9


def _first_bad_index(mask: np.ndarray) -> int:
    return int(np.flatnonzero(mask.ravel())[0])


def as_real_array(value: Any, name: str, *, check_finite: bool = True) -> np.ndarray:
    """Convert ``value`` to a float array, refusing strings, booleans, complex and ragged input.

    With ``check_finite=False`` the caller promises its own (cheaper) check for NaN and inf.
    """
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
        example = f" (e.g. {arr.ravel()[0]!r})" if arr.size else ""
        raise TypeError(
            f"{name} must hold real numbers, got values of type {arr.dtype}{example}; "
            "convert them to float first"
        )
    arr = arr.astype(float, copy=False)
    if check_finite and arr.size and not np.all(np.isfinite(arr)):
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


def _row_label(index: tuple[int, ...], by_columns: bool = False) -> str:
    # int(): numpy >= 2 would print the np.int64 entries of an unravelled index as np.int64(1).
    # With axis=0 on a 2-D array the distributions are its columns, so name them so.
    word = "column" if by_columns else "row"
    return f"{word} {int(index[0])}" if len(index) == 1 else f"{word} {tuple(int(i) for i in index)}"


def _where(index: tuple[int, ...], position: int, one_d: bool, by_columns: bool = False) -> str:
    return f"index {position}" if one_d else f"{_row_label(index, by_columns)}, index {position}"


def as_distributions(
    value: Any, name: str, *, axis: int = -1, normalize: bool = False
) -> np.ndarray:
    """Probability vectors along ``axis``: non-empty, finite, non-negative, each summing to 1.

    Returns a float array with the outcome axis moved last (a view where possible). A 1-D input is
    one distribution; a 2-D input with ``axis=-1`` is one distribution per row, as in
    ``scipy.stats.entropy``. Errors name the argument and, for several distributions, the row.

    With ``normalize=True`` each distribution is rescaled to sum to 1 instead of being refused,
    which is what you want for counts or unnormalised weights.

    The checks cost two reductions (a minimum and the sums); only when one fails is the array
    searched for the first offending entry, so validation stays cheap on long vectors.
    """
    arr = as_real_array(value, name, check_finite=False)
    if arr.ndim == 0:
        raise ValueError(
            f"{name} must be a vector of probabilities (at least one-dimensional), got a single "
            f"number ({float(arr)}); pass e.g. [0.2, 0.8]"
        )
    shape = arr.shape
    try:
        arr = np.moveaxis(arr, axis, -1)
    except _AXIS_ERROR:
        raise ValueError(
            f"axis={axis} is out of range for {name} of shape {arr.shape}; use an axis between "
            f"{-arr.ndim} and {arr.ndim - 1}"
        ) from None
    if arr.shape[-1] == 0:
        raise ValueError(f"{name} is empty; a distribution needs at least one outcome")
    if arr.size == 0:
        raise ValueError(f"{name} has shape {arr.shape} and holds no distribution; pass at least one")
    one_d = arr.ndim == 1
    # Errors name places in the array the caller passed, not in the moved one.
    outcome_axis = axis % arr.ndim
    by_columns = arr.ndim == 2 and outcome_axis == 0
    # Fast checks first: NaN propagates through min, inf through the sums. The sums of invalid
    # input may overflow; that is diagnosed below, so numpy's warning would only repeat it.
    with np.errstate(over="ignore", invalid="ignore"):
        lowest = arr.min()
        totals = arr.sum(axis=-1)
    if not lowest >= 0 or not np.all(np.isfinite(totals)):
        _diagnose_entries(arr, name, shape, outcome_axis, by_columns)  # raises for NaN, inf, < 0
        if not normalize:  # finite entries >= 0 whose sum overflows: not probabilities
            raise ValueError(
                f"{name} has entries so large that their sum overflows; pass probabilities "
                "(summing to 1), or pass normalize=True to rescale weights"
            )
    if normalize:
        if np.any(totals == 0):
            index = np.unravel_index(_first_bad_index(totals == 0), totals.shape)
            where = "" if one_d else f" ({_row_label(index, by_columns)})"
            raise ValueError(f"{name} is all zeros{where}, so it cannot be normalised to sum to 1")
        # Divide by the largest entry first, so that the sum of weights near the float limit
        # cannot overflow.
        top = arr.max(axis=-1, keepdims=True)
        scaled = arr / top
        return scaled / scaled.sum(axis=-1, keepdims=True)
    off = np.abs(totals - 1.0) > SUM_TOLERANCE
    if np.any(off):
        index = np.unravel_index(_first_bad_index(off), totals.shape)
        where = "" if one_d else f" ({_row_label(index, by_columns)})"
        raise ValueError(tr(
            "{name}{where} sums to {total:.12g}, not 1; pass probabilities, or pass "
            "normalize=True to rescale counts or weights explicitly",
            name=name, where=where, total=float(totals[index])))
    return arr


def _diagnose_entries(
    arr: np.ndarray, name: str, shape: tuple[int, ...], axis: int, by_columns: bool
) -> None:
    """Raise the precise error for a non-finite or negative entry, if there is one.

    ``arr`` has the outcome axis moved last; ``shape`` and ``axis`` are the caller's array's, so
    that the message points into the array the caller passed (whose distributions are columns
    when ``by_columns``).
    """
    finite = np.isfinite(arr)
    if not np.all(finite):
        index = np.unravel_index(_first_bad_index(~finite), arr.shape)
        original = index[:-1][:axis] + index[-1:] + index[:-1][axis:]
        i = int(np.ravel_multi_index(original, shape))
        raise ValueError(
            f"{name} contains a non-finite value ({arr[index]}) at flat index {i}; "
            "every entry must be a finite number"
        )
    if np.any(arr < 0):
        index = np.unravel_index(_first_bad_index(arr < 0), arr.shape)
        where = _where(index[:-1], int(index[-1]), arr.ndim == 1, by_columns)
        raise ValueError(f"{name} has a negative entry ({arr[index]}) at {where}; probabilities must be >= 0")


def as_distribution(value: Any, name: str, *, normalize: bool = False) -> np.ndarray:
    """One discrete probability vector: 1-D, non-empty, finite, non-negative, summing to 1.

    With ``normalize=True`` the entries are rescaled to sum to 1 instead of being refused.
    See :func:`as_distributions` for several distributions at once.
    """
    arr = as_real_array(value, name, check_finite=False)
    if arr.ndim != 1:
        raise ValueError(
            f"{name} must be a one-dimensional vector of probabilities, got shape {arr.shape}"
        )
    return as_distributions(arr, name, normalize=normalize)


def same_shape(p: np.ndarray, q: np.ndarray, names: tuple[str, str] = ("p", "q")) -> None:
    """Refuse two distributions over different numbers of outcomes (1-D inputs)."""
    if p.shape != q.shape:
        raise ValueError(
            f"{names[0]} and {names[1]} must describe the same outcomes, but {names[0]} has "
            f"{p.size} entries and {names[1]} has {q.size}"
        )


def broadcast_pair(
    p: np.ndarray, q: np.ndarray, names: tuple[str, str] = ("p", "q")
) -> tuple[np.ndarray, np.ndarray]:
    """Broadcast two validated arrays of distributions (outcome axis last) against each other."""
    if p.shape[-1] != q.shape[-1]:
        raise ValueError(
            f"{names[0]} and {names[1]} must describe the same outcomes, but {names[0]} has "
            f"{p.shape[-1]} entries and {names[1]} has {q.shape[-1]} (along the outcome axis)"
        )
    try:
        return np.broadcast_arrays(p, q)
    except ValueError:
        raise ValueError(
            f"{names[0]} (shape {p.shape}) and {names[1]} (shape {q.shape}, outcome axis last) "
            "hold different numbers of distributions that do not broadcast; pass one "
            "distribution, or the same number of rows in both"
        ) from None


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


def positive_int(value: Any, name: str, minimum: int = 1, why: str = "") -> int:
    """An integer >= ``minimum`` (a sample size, a number of steps); ``why`` says why, if not 1."""
    if isinstance(value, bool) or not isinstance(value, numbers.Integral):
        raise TypeError(f"{name} must be an integer, got {value!r}")
    if value < minimum:
        raise ValueError(f"{name} must be at least {minimum}, got {value}{why}")
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


def scalar(value: Any, name: str, *, positive: bool = False, example: str = "0.5") -> float:
    """One finite real number, returned as a Python float (a mean, a learning rate, a tolerance).

    The one validator for single-number arguments: it refuses strings (``tol='1e-7'``),
    booleans, arrays with more than one value (``mu0=[0, 1]``), NaN and inf, and with
    ``positive=True`` anything <= 0, each time naming the argument and showing ``example``.
    Numpy scalars and 0-d arrays are accepted.

    Examples
    --------
    >>> scalar(np.float32(0.25), "sigma", positive=True)
    0.25
    >>> scalar([0.0, 1.0], "mu0")
    Traceback (most recent call last):
        ...
    ValueError: mu0 must be a single number (e.g. 0.5), got an array of shape (2,)
    """
    if isinstance(value, (str, bytes)):
        raise TypeError(f"{name} must be a real number such as {example}, not the string {value!r}")
    if isinstance(value, (bool, np.bool_)):
        raise TypeError(f"{name} must be a real number such as {example}, not a boolean ({value!r})")
    if not isinstance(value, numbers.Real):
        try:
            arr = np.asarray(value)
        except ValueError:
            arr = np.asarray(None, dtype=object)  # ragged: reported as not a number below
        if arr.dtype.kind not in "iuf":
            raise TypeError(f"{name} must be a real number such as {example}, got {value!r}")
        if arr.ndim != 0:
            raise ValueError(
                f"{name} must be a single number (e.g. {example}), got an array of shape {arr.shape}"
            )
        value = arr[()]
    try:
        number = float(value)
    except OverflowError:  # a Python int beyond the float range
        number = math.inf if value > 0 else -math.inf
    if positive and not (math.isfinite(number) and number > 0.0):
        raise ValueError(f"{name} must be a finite number > 0 (e.g. {example}), got {number:g}")
    if not math.isfinite(number):
        raise ValueError(f"{name} must be a finite number (e.g. {example}), got {number}")
    return number


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
