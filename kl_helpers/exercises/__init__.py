"""Checkers for the notebooks' exercises: ``check_NN_name(answer)`` for notebook ``NN``.

Each returns a :class:`Feedback` that prints ✅ (right), ❌ (wrong, with a hint that never reveals
the answer) or ✏️ (no answer yet). Checkers of numeric answers carry the precision they want as
``checker.precision`` (a :class:`Precision`; ``str()`` of it reads e.g. "3 significant figures"),
collected in :data:`PRECISION`.

Examples
--------
>>> PRECISION["check_01_reverse_bits"]
'3 decimal places'
>>> f"Give your answer to {check_02_neg_entropy.precision}."
'Give your answer to 3 significant figures.'
"""

from ._feedback import Feedback, Precision
from .ex00 import (
    check_00_interval_probability,
    check_00_inverse_mean,
    check_00_jensen_gap,
    check_00_log_bits,
)
from .ex01 import check_01_code_overhead, check_01_my_kl, check_01_reverse_bits, check_01_support
from .ex02 import check_02_min_cross_entropy, check_02_neg_entropy, check_02_zero_entropy_sigma
from .ex03 import check_03_k3_term, check_03_samples_needed, check_03_unbiased
from .ex04 import check_04_categorical_mle, check_04_kl_nll_gap, check_04_variance_gradient
from .ex05 import check_05_direction, check_05_moment_match, check_05_uniform_limit
from .ex06 import check_06_cross_entropy, check_06_js_bits, check_06_vae_kl
from .ex07 import check_07_extra_bits, check_07_mutual_information_bits, check_07_sprt_samples
from .ex08 import check_08_batchmean, check_08_k3_loss_gradient, check_08_wasserstein

__all__ = [
    "PRECISION",
    "Feedback",
    "Precision",
    "check_00_interval_probability",
    "check_00_inverse_mean",
    "check_00_jensen_gap",
    "check_00_log_bits",
    "check_01_code_overhead",
    "check_01_my_kl",
    "check_01_reverse_bits",
    "check_01_support",
    "check_02_min_cross_entropy",
    "check_02_neg_entropy",
    "check_02_zero_entropy_sigma",
    "check_03_k3_term",
    "check_03_samples_needed",
    "check_03_unbiased",
    "check_04_categorical_mle",
    "check_04_kl_nll_gap",
    "check_04_variance_gradient",
    "check_05_direction",
    "check_05_moment_match",
    "check_05_uniform_limit",
    "check_06_cross_entropy",
    "check_06_js_bits",
    "check_06_vae_kl",
    "check_07_extra_bits",
    "check_07_mutual_information_bits",
    "check_07_sprt_samples",
    "check_08_batchmean",
    "check_08_k3_loss_gradient",
    "check_08_wasserstein",
]

#: The precision each numeric checker wants, by checker name, e.g. "3 significant figures".
PRECISION: dict[str, str] = {
    name: str(globals()[name].precision)
    for name in __all__
    if name.startswith("check_") and hasattr(globals()[name], "precision")
}
