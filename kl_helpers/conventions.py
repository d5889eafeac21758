r"""What popular libraries' "KL" functions compute, mirrored in numpy to show where they bite.

These are small re-implementations of *documented* behaviour, so the lessons can show each trap
beside its fix without installing PyTorch or SciPy. They are deliberately **not** validated
like the rest of the package: they accept what the libraries accept (unnormalised vectors,
probabilities where log-probabilities belong) and return what the libraries return. For real work
use :func:`kl_helpers.divergence.kl_divergence`, which refuses such input.

* :func:`torch_kl_div` — ``torch.nn.functional.kl_div(input, target, reduction, log_target)``:
  ``input`` is the **model's log-probabilities**, ``target`` the data distribution, and the
  pointwise loss is ``target * (log(target) - input)``, so the sum over classes is
  :math:`D_{KL}(\text{target}\|\text{model})`: the arguments are in the *reverse* of the
  mathematical order. ``reduction="mean"`` (the default) divides by the number of **elements**,
  ``"batchmean"`` by the batch size (the KL per example).
* :func:`scipy_rel_entr` — ``scipy.special.rel_entr(x, y) = x ln(x/y)``: the terms of the KL sum.
* :func:`scipy_kl_div` — ``scipy.special.kl_div(x, y) = x ln(x/y) - x + y``: each term is >= 0,
  and the sum equals the KL only when ``x`` and ``y`` both sum to 1.
* :func:`scipy_entropy` — ``scipy.stats.entropy(pk, qk)``: **rescales** ``pk`` and ``qk`` to sum
  to 1 first, silently.

Numpy only. Introduced in ``08_kl_as_a_loss.ipynb``.

References
----------
PyTorch, ``torch.nn.KLDivLoss``, https://docs.pytorch.org/docs/stable/generated/torch.nn.KLDivLoss.html.
SciPy, ``scipy.special.kl_div``,
https://docs.scipy.org/doc/scipy/reference/generated/scipy.special.kl_div.html; ``rel_entr``,
https://docs.scipy.org/doc/scipy/reference/generated/scipy.special.rel_entr.html;
``scipy.stats.entropy``, https://docs.scipy.org/doc/scipy/reference/generated/scipy.stats.entropy.html.
"""

from __future__ import annotations

import math

import numpy as np
from numpy.typing import ArrayLike

from ._validate import as_real_array, choice

__all__ = ["TORCH_REDUCTIONS", "scipy_entropy", "scipy_kl_div", "scipy_rel_entr", "torch_kl_div"]

#: The values ``torch.nn.functional.kl_div`` accepts for ``reduction``.
TORCH_REDUCTIONS = ("none", "batchmean", "sum", "mean")


def scipy_rel_entr(x: ArrayLike, y: ArrayLike) -> np.ndarray:
    r"""Elementwise x ln(x/y), as scipy.special.rel_entr documents it (0 where x = 0, inf where y = 0 < x).

    Parameters
    ----------
    x, y : array_like
        Non-negative numbers (not checked to sum to 1, as in SciPy).

    Returns
    -------
    numpy.ndarray
        :math:`x\ln(x/y)` for :math:`x, y > 0`; 0 for :math:`x = 0, y \ge 0`; ``inf`` otherwise.

    See Also
    --------
    scipy_kl_div : The same plus :math:`y - x`.
    kl_helpers.divergence.kl_terms : The validated version.

    Examples
    --------
    >>> scipy_rel_entr([0.5, 0.5], [0.25, 0.75]).round(4)      # a term can be negative
    array([ 0.3466, -0.2027])
    """
    xa, ya = np.broadcast_arrays(as_real_array(x, "x"), as_real_array(y, "y"))
    both = (xa > 0) & (ya > 0)
    ratio = np.where(both, xa / np.where(both, ya, 1.0), 1.0)
    out = np.where(both, xa * np.log(ratio), np.inf)
    return np.where((xa == 0) & (ya >= 0), 0.0, out)


def scipy_kl_div(x: ArrayLike, y: ArrayLike) -> np.ndarray:
    r"""Elementwise x ln(x/y) − x + y, as scipy.special.kl_div documents it.

    Parameters
    ----------
    x, y : array_like
        Non-negative numbers.

    Returns
    -------
    numpy.ndarray
        :math:`x\ln(x/y) - x + y` (every term >= 0); ``y`` where ``x = 0``; ``inf`` where ``y = 0 < x``.

    See Also
    --------
    scipy_rel_entr : Without the :math:`y - x`.

    Notes
    -----
    :math:`\sum_i (y_i - x_i) = 0` when both sum to 1, so the *sums* of ``kl_div`` and
    ``rel_entr`` agree for probability vectors, though their terms differ. For unnormalised
    vectors the sums differ by :math:`\sum y - \sum x`.

    Examples
    --------
    >>> scipy_kl_div([0.5, 0.5], [0.25, 0.75]).round(4)
    array([0.0966, 0.0473])
    """
    xa, ya = np.broadcast_arrays(as_real_array(x, "x"), as_real_array(y, "y"))
    return scipy_rel_entr(xa, ya) - xa + ya


def scipy_entropy(pk: ArrayLike, qk: ArrayLike | None = None, base: float | None = None) -> float:
    r"""scipy.stats.entropy(pk, qk, base) for 1-D input: rescales both to sum to 1, then H(pk) or D_KL(pk‖qk).

    Parameters
    ----------
    pk, qk : array_like
        Non-negative weights (1-D); ``qk=None`` gives the entropy of ``pk``.
    base : float, optional
        Logarithm base; nats by default.

    Returns
    -------
    float
        The entropy or KL divergence **of the rescaled vectors**.

    See Also
    --------
    kl_helpers.divergence.kl_divergence : Refuses vectors that do not sum to 1 (or rescales them
        only when asked, with ``normalize=True``).

    Examples
    --------
    >>> scipy_entropy([0.5, 0.5], [0.3, 0.3])          # not a distribution: rescaled to (0.5, 0.5)
    0.0
    """
    p = as_real_array(pk, "pk")
    p = p / p.sum()
    scale = 1.0 if base is None else math.log(base)
    if qk is None:
        return float(-np.sum(np.where(p > 0, p * np.log(np.where(p > 0, p, 1.0)), 0.0)) / scale)
    q = as_real_array(qk, "qk")
    q = q / q.sum()
    return float(np.sum(scipy_rel_entr(p, q)) / scale)


def torch_kl_div(
    input: ArrayLike, target: ArrayLike, reduction: str = "mean", log_target: bool = False
) -> float | np.ndarray:
    r"""torch.nn.functional.kl_div(input, target, reduction, log_target), as its documentation states it.

    Parameters
    ----------
    input : array_like
        Meant to be the **model's log-probabilities**, shape ``(batch, classes)`` (or any shape;
        the first axis is the batch for ``"batchmean"``).
    target : array_like
        The data distribution: probabilities, or log-probabilities with ``log_target=True``.
    reduction : {"none", "batchmean", "sum", "mean"}, default "mean"
        ``"mean"`` divides the sum by the number of elements; ``"batchmean"`` by ``input.shape[0]``.
    log_target : bool, default False
        Whether ``target`` is given as log-probabilities.

    Returns
    -------
    float or numpy.ndarray
        The pointwise loss ``target * (log(target) - input)`` (0 where ``target = 0``), reduced.

    See Also
    --------
    kl_helpers.divergence.kl_divergence : ``kl_divergence(target, model)`` is the KL of one row.

    Notes
    -----
    With ``input = log q`` and rows of ``target`` = :math:`p_b`, ``reduction="batchmean"`` gives
    :math:`\frac1B\sum_b D_{KL}(p_b\|q_b)`; ``"mean"`` gives that divided by the number of classes.

    Examples
    --------
    >>> p, q = np.array([[0.5, 0.5]]), np.array([[0.25, 0.75]])
    >>> round(torch_kl_div(np.log(q), p, reduction="batchmean"), 4)    # D_KL(p‖q)
    0.1438
    >>> round(torch_kl_div(np.log(q), p), 4)                           # "mean": / 2 classes
    0.0719
    """
    how = choice(reduction, "reduction", TORCH_REDUCTIONS)
    x = as_real_array(input, "input")
    t = as_real_array(target, "target")
    if log_target:
        pointwise = np.exp(t) * (t - x)
    else:
        safe = np.where(t > 0, t, 1.0)
        pointwise = np.where(t > 0, t * (np.log(safe) - x), 0.0)
    if how == "none":
        return pointwise
    if how == "sum":
        return float(pointwise.sum())
    if how == "mean":
        return float(pointwise.mean())
    return float(pointwise.sum() / x.shape[0])
