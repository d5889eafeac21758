"""log-softmax and the cross-entropy loss against scipy, at extreme logits, and their error messages."""

import math
import re
import warnings

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from hypothesis.extra.numpy import arrays
from scipy import special

from kl_helpers import cross_entropy_loss, log_softmax, softmax
from kl_helpers.divergence import kl_divergence

logit_rows = arrays(np.float64, st.tuples(st.integers(1, 4), st.integers(1, 6)),
                    elements=st.floats(-50, 50))


@settings(max_examples=60, deadline=None)
@given(logit_rows)
def test_log_softmax_matches_scipy(z):
    np.testing.assert_allclose(log_softmax(z), special.log_softmax(z, axis=-1), rtol=1e-12, atol=1e-12)
    np.testing.assert_allclose(softmax(z).sum(axis=-1), 1.0, rtol=1e-12)


def test_extreme_logits_give_no_nan_and_no_warning():
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        big = np.array([1000.0, 1001.0, 1002.0])
        np.testing.assert_allclose(log_softmax(big), special.log_softmax(big), rtol=1e-12)
        far = log_softmax([0.0, -1e4])
        assert far[0] == 0.0 and far[1] == -1e4  # not -inf
        assert cross_entropy_loss([[1e6, 0.0]], [1]) == pytest.approx(1e6)


def test_shift_invariance():
    z = np.array([[0.3, -1.2, 2.0], [5.0, 5.0, 5.0]])
    np.testing.assert_allclose(log_softmax(z + 700.0), log_softmax(z), atol=1e-12)


def test_loss_is_the_mean_kl_from_one_hot_targets():
    rng = np.random.default_rng(0)
    z = rng.normal(size=(8, 4)) * 3
    y = rng.integers(0, 4, size=8)
    q = softmax(z)
    expected = np.mean([kl_divergence(np.eye(4)[k], q[i]) for i, k in enumerate(y)])
    assert cross_entropy_loss(z, y) == pytest.approx(expected, rel=1e-12)
    reference = -np.mean(special.log_softmax(z, axis=1)[np.arange(8), y])
    assert cross_entropy_loss(z, y) == pytest.approx(reference, rel=1e-12)


def test_uniform_guess_costs_log_of_the_number_of_classes():
    assert cross_entropy_loss(np.zeros((3, 5)), [0, 1, 4]) == pytest.approx(math.log(5))


@pytest.mark.parametrize(
    ("labels", "exc", "match"),
    [
        ([0, 3], ValueError, r"labels\[1\] = 3 is not a class index; with 3 classes"),
        ([0, -1], ValueError, r"labels\[1\] = -1"),
        ([0.0, 1.0], TypeError, "labels must be integer class indices"),
        ([[1, 0, 0], [0, 1, 0]], ValueError, "labels must hold one class index per row"),
        ([True, False], TypeError, "labels must be integer"),
        ([0], ValueError, r"one class index per row of logits \(2\)"),
    ],
)
def test_bad_labels(labels, exc, match):
    with pytest.raises(exc, match=match):
        cross_entropy_loss(np.zeros((2, 3)), labels)


def test_bad_logits():
    with pytest.raises(ValueError, match="logits contains a non-finite value"):
        log_softmax([0.0, np.inf])
    with pytest.raises(ValueError, match="logits must have at least one entry along an axis"):
        log_softmax(1.0)
    with pytest.raises(ValueError, match="logits must have a class axis"):
        cross_entropy_loss(1.0, 0)
    with pytest.raises(ValueError, match=r"logits must have shape \(N, C\)"):
        cross_entropy_loss(np.zeros((2, 2, 2)), [0, 1])


# --- found by the mutation audit (make mutation) ---------------------------------------------------


def test_a_single_class_costs_nothing():
    # One class: softmax is 1, its log 0, whatever the logit.
    assert cross_entropy_loss([[3.0], [-2.0]], [0, 0]) == 0.0


@pytest.mark.parametrize(
    ("logits", "labels", "error", "message"),
    [
        ("a", [0], TypeError, "logits must be numbers, not a string ('a'); pass e.g. [0.2, 0.8]"),
        (np.zeros((2, 0)), [0, 0], ValueError,
         "logits must have a class axis (last) with at least one entry, got shape (2, 0)"),
        (np.zeros((1, 1, 2)), [0], ValueError, "logits must have shape (N, C) or (C,), got (1, 1, 2)"),
        ([[0.0, 1.0]], [0.5], TypeError,
         "labels must be integer class indices (0 to 1), got values of type float64; one-hot or probability "
         "targets are not labels (use argmax for one-hot)"),
        ([[0.0, 1.0]], [0, 1], ValueError,
         "labels must hold one class index per row of logits (1), got shape (2,)"),
        ([[0.0, 1.0], [0.0, 1.0]], [0, 2], ValueError,
         "labels[1] = 2 is not a class index; with 2 classes labels run from 0 to 1"),
    ],
)
def test_error_messages_in_full(logits, labels, error, message):
    with pytest.raises(error, match=f"^{re.escape(message)}$"):
        cross_entropy_loss(logits, labels)


@pytest.mark.parametrize(
    ("labels", "type_name"),
    [([True, False], "bool"), ([0.0, 1.0], "float64"), (["a", "b"], "<U1")],
)
def test_labels_that_are_not_integers_are_refused_in_full(labels, type_name):
    message = (f"labels must be integer class indices (0 to 2), got values of type {type_name}; one-hot or "
               "probability targets are not labels (use argmax for one-hot)")
    with pytest.raises(TypeError, match=f"^{re.escape(message)}$"):
        cross_entropy_loss(np.zeros((2, 3)), labels)


def test_unsigned_integer_labels_are_class_indices():
    # All-zero logits: each of the 3 classes has probability 1/3, so the loss is ln 3 for any label.
    labels = np.array([0, 2], dtype=np.uint8)
    assert cross_entropy_loss(np.zeros((2, 3)), labels) == pytest.approx(math.log(3))
